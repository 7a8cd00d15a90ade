"""Inline suppressions written in the article, with a required reason.

Forms (the same HTML-comment syntax in Markdown, HTML and, on a line of its
own, plain text)::

    <!-- medlint-disable-next-line RULE[, RULE ...] -- reason -->
    <!-- medlint-disable RULE[, RULE ...] -- reason -->
    ...
    <!-- medlint-enable RULE[, RULE ...] -->

``RULE`` may be ``all``: every rule whose ``suppressible`` is true. The
reason after `` -- `` is required because a silenced finding in a medical
article is an editorial decision somebody must be able to read later. The
pass runs after the checks and never deletes a finding: a silenced one stays
in the result with ``suppressed`` set to the reason, so reports can show it
apart and nothing is lost.

Mistakes in suppressions are findings of two meta-rules rather than input
errors, so one sloppy comment does not stop a whole run:
``suppression-invalid`` (no reason, unknown rule, a rule that cannot be
suppressed, an ``enable`` without a ``disable``, an unknown directive) and
``suppression-unused`` (it silenced nothing). An invalid suppression
silences nothing.

"Next line" is the next line that is neither blank nor a line holding only
an HTML comment, so a suppression can stand in a stack of comments (for
example above a fixture's ``expect:`` annotation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from medlint import rx
from medlint.checks import CheckKind
from medlint.model import Directive, Document, Finding

if TYPE_CHECKING:
    from medlint.claims import Analysis
    from medlint.facts import Facts
    from medlint.rules import Rule

UNUSED = "suppression-unused"
INVALID = "suppression-invalid"
META_RULES = (UNUSED, INVALID)

_DIRECTIVE = rx.compile(
    r"medlint-(?P<verb>[a-z-]+)(?:\s+(?P<rules>.*?))?(?:\s+--\s*(?P<reason>.*?))?\s*$",
    re.DOTALL,
)
_VERBS = ("disable-next-line", "disable", "enable")
_COMMENT_ONLY = rx.compile(r"\s*<!--.*?-->\s*$")


@dataclass(slots=True)
class _Suppression:
    """One rule id of one directive, and the source lines it covers."""

    directive: Directive
    rule: str  # a rule id or "all"
    reason: str
    first_line: int
    last_line: int  # inclusive
    used: int = 0


@dataclass(slots=True)
class _Problem:
    directive: Directive
    message: str
    rule: str = INVALID


@dataclass(slots=True)
class _Parsed:
    suppressions: list[_Suppression] = field(default_factory=list)
    problems: list[_Problem] = field(default_factory=list)


def _next_content_line(doc: Document, line: int) -> int:
    """The first line after ``line`` that is not blank and not only an HTML comment."""
    total = len(doc.line_starts)
    n = line + 1
    while n <= total:
        text = doc.line_text(n)
        if text.strip() and not _COMMENT_ONLY.match(text):
            return n
        n += 1
    return total + 1


def _parse(doc: Document, rules: dict[str, Rule]) -> _Parsed:
    out = _Parsed()
    open_ranges: dict[str, tuple[Directive, str, int]] = {}
    total = len(doc.line_starts)
    for d in sorted(doc.directives, key=lambda d: d.start):
        text = d.text.strip()
        if text.startswith("<!--"):
            text = text[4:].removesuffix("-->").strip()
        if not text.startswith("medlint-"):
            continue  # expect:/ok: annotations and other tools' comments
        m = _DIRECTIVE.match(text)
        verb = m.group("verb") if m else ""
        if m is None or verb not in _VERBS:
            out.problems.append(_Problem(d, f"unknown directive '{text.split()[0]}'"))
            continue
        ids = [r.strip() for r in (m.group("rules") or "").split(",") if r.strip()]
        reason = (m.group("reason") or "").strip()
        line = doc.position(d.start)[0]
        if not ids:
            out.problems.append(
                _Problem(d, f"medlint-{verb} names no rule (use a rule id or 'all')")
            )
            continue
        if verb != "enable" and not reason:
            out.problems.append(
                _Problem(
                    d,
                    f"suppression of {', '.join(ids)} has no reason"
                    " (add ' -- why' inside the comment)",
                )
            )
            continue
        valid: list[str] = []
        for rid in ids:
            rule = rules.get(rid)
            if rid != "all" and rule is None:
                out.problems.append(_Problem(d, f"suppression names unknown rule '{rid}'"))
            elif rule is not None and not rule.suppressible:
                out.problems.append(
                    _Problem(d, f"rule '{rid}' cannot be suppressed (suppressible: false)")
                )
            else:
                valid.append(rid)
        if verb == "disable-next-line":
            target = _next_content_line(doc, doc.position(max(d.end - 1, d.start))[0])
            out.suppressions.extend(_Suppression(d, rid, reason, target, target) for rid in valid)
        elif verb == "disable":
            for rid in valid:
                if rid in open_ranges:
                    out.problems.append(
                        _Problem(d, f"'{rid}' is already disabled (line {open_ranges[rid][2]})")
                    )
                else:
                    open_ranges[rid] = (d, reason, line)
        else:
            for rid in valid:
                opened = open_ranges.pop(rid, None)
                if opened is None:
                    out.problems.append(
                        _Problem(d, f"medlint-enable {rid} without a matching medlint-disable")
                    )
                else:
                    out.suppressions.append(
                        _Suppression(opened[0], rid, opened[1], opened[2], line)
                    )
    for rid, (d, reason, line) in open_ranges.items():
        out.suppressions.append(_Suppression(d, rid, reason, line, total))
    return out


def _covers(s: _Suppression, f: Finding, rules: dict[str, Rule]) -> bool:
    if not s.first_line <= f.line <= s.last_line:
        return False
    if f.rule in META_RULES:
        return False
    if s.rule == "all":
        rule = rules.get(f.rule)
        return rule is None or rule.suppressible
    return s.rule == f.rule


def _meta_finding(rule: Rule, doc: Document, d: Directive, message: str) -> Finding:
    from medlint.checks.base import finding

    return finding(rule, doc, d.start, d.end, rule.render(message=message))


def apply_suppressions(
    documents: Iterable[Document],
    findings: list[Finding],
    all_rules: Iterable[Rule],
    active: Iterable[Rule],
) -> list[Finding]:
    """Mark findings silenced by inline suppressions and add the meta-rule findings.

    ``all_rules`` decides which ids are known; ``active`` (the selected rules,
    with severity overrides) decides which meta findings are reported and
    whether an unused suppression counts: a suppression for a rule that did
    not run is not "unused".
    """
    known = {r.id: r for r in all_rules}
    running = {r.id: r for r in active}
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    extra: list[Finding] = []
    for doc in documents:
        if not doc.directives:
            continue
        parsed = _parse(doc, known)
        for f in by_path.get(doc.path, []):
            if f.suppressed:
                continue
            for s in parsed.suppressions:
                if _covers(s, f, known):
                    f.suppressed = s.reason
                    s.used += 1
                    break
        invalid = running.get(INVALID)
        for p in parsed.problems:
            if invalid is not None:
                extra.append(_meta_finding(invalid, doc, p.directive, p.message))
        unused = running.get(UNUSED)
        if unused is None:
            continue
        for s in parsed.suppressions:
            if s.used or (s.rule != "all" and s.rule not in running):
                continue
            what = "any rule" if s.rule == "all" else f"'{s.rule}'"
            extra.append(
                _meta_finding(unused, doc, s.directive, f"suppression of {what} matched no finding")
            )
    if not extra:
        return findings
    from medlint.lint import finalize

    return finalize([*findings, *extra])


def _prepare(params: dict[str, Any]) -> Any:
    return None


def _run(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    """Meta-rules find nothing themselves: :func:`apply_suppressions` reports them."""
    return ()


KIND = CheckKind(
    name="meta",
    scope="document",
    prepare=_prepare,
    run=_run,
    summary="Findings about medlint's own inline directives (reported by the suppression pass).",
)
