"""Building findings from source spans: shared by every check kind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medlint.memo import LIMIT
from medlint.model import Claim, Document, Finding
from medlint.rules import Rule

if TYPE_CHECKING:
    from medlint.facts import FactBlock, Facts


def finding(
    rule: Rule,
    doc: Document,
    start: int,
    end: int,
    message: str,
    *,
    severity: str | None = None,
    **extra: Any,
) -> Finding:
    """A finding for ``doc.source[start:end]`` with exact 1-based positions (end exclusive).

    The message is one line with single spaces: a quote from hard-wrapped text ("0.4 g/kg
    body\nweight") must not break the one-finding-per-line text report or an annotation.
    """
    message = " ".join(message.split())
    start = max(0, min(start, len(doc.source)))
    end = max(start, min(end, len(doc.source)))
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=(severity or rule.severity),  # type: ignore[arg-type]
        category=rule.category,  # type: ignore[arg-type]
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        message=message,
        start=start,
        end=end,
        matched_text=doc.source[start:end],
        **extra,
    )


def severity_for(rule: Rule, statuses: list[str]) -> str | None:
    """The rule's severity for facts of these statuses; None for unverified facts."""
    if "unverified" in statuses:
        return None
    if "partial" in statuses:
        return rule.partial_severity
    return rule.severity


def fact_finding(
    rule: Rule,
    doc: Document,
    claim: Claim,
    blocks: list[FactBlock],
    facts: Facts,
    *,
    severity: str,
    found: str,
    expected: str,
    **template: object,
) -> Finding:
    """A finding where the facts contradict ``claim``: message, sources and status from ``blocks``.

    The rule's message gets ``subject_name``, ``found``, ``expected`` and ``source`` (the first
    source's title), each of which ``template`` may override, plus whatever else it holds; the
    finding carries every source of every block, in order.
    """
    key = (
        *(id(rule), rule.message, id(facts), *map(id, blocks)),
        *(claim.subject_name, found, expected, *template.items()),
    )
    try:
        hit = _WORDED.get(key)
        hashable = True
    except TypeError:  # a template value that cannot be hashed: worded afresh
        hit, hashable = None, False
    if hit is None:
        hit = _word(rule, claim, blocks, facts, found, expected, template)
        if hashable:
            if len(_WORDED) >= LIMIT:
                _WORDED.clear()
            _WORDED[key] = hit
    message, info, partial = hit[:3]
    return finding(
        rule,
        doc,
        claim.start,
        claim.end,
        message,
        severity=severity,
        subject=claim.subject,
        attribute=claim.attribute,
        found=found,
        expected=expected,
        sources=info,
        status="partial" if partial else "verified",
    )


# Each fact finding's wording (message, sources, status) by everything it is made from: an
# archive repeats its wrong claims. Each entry holds the rule, facts and blocks whose ids
# key it, so while it is kept no other object can have those ids. Sources are shared by the
# findings worded alike: read only. Bounded.
_WORDED: dict[tuple[Any, ...], tuple[Any, ...]] = {}


def _word(
    rule: Rule,
    claim: Claim,
    blocks: list[FactBlock],
    facts: Facts,
    found: str,
    expected: str,
    template: dict[str, object],
) -> tuple[str, list[dict[str, str]], bool, Rule, Facts, tuple[FactBlock, ...]]:
    sources = list(dict.fromkeys(s for b in blocks for s in b.sources))
    info = facts.source_info(sources)
    values: dict[str, object] = {
        "subject_name": claim.subject_name,
        "found": found,
        "expected": expected,
        "source": info[0]["title"] if info else "facts file",
    }
    values.update(template)
    if "message_found" in values:  # the message quotes the text as written
        values["found"] = values.pop("message_found")
    message = rule.render(**values)
    partial = any(b.status == "partial" for b in blocks)
    return message, info, partial, rule, facts, tuple(blocks)
