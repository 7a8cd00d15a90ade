"""``fact-contradiction``: a claim that the facts file contradicts.

One check kind serves concentration, stabilizer, manufacturer, route and IgA
content (and, through :mod:`medlint.checks.regimens`, doses and incidence):
the rule names the ``attribute``. A family (``Octagam``) is checked against
the union of its members' facts, so "Octagam comes in 5% and 10%" passes
while "Gamunex-C is 5%" does not. Facts marked ``partial`` report at the
rule's ``partial_severity``; ``unverified`` facts are never checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from medlint.checks import CheckKind
from medlint.checks.base import fact_finding, severity_for
from medlint.claims import Analysis
from medlint.errors import MedlintError
from medlint.facts import FactBlock, Facts
from medlint.memo import LIMIT
from medlint.model import Claim, Finding
from medlint.rules import Rule

ATTRIBUTES = ("concentration", "stabilizer", "manufacturer", "route", "iga")
IGA_TOLERANCE = 0.15  # relative difference allowed against a label's average IgA


def _prepare(params: dict[str, Any]) -> Any:
    attribute = params.get("attribute")
    if attribute not in ATTRIBUTES:
        raise MedlintError(f"attribute must be one of {', '.join(ATTRIBUTES)}", "attribute")
    return {"attribute": attribute}


def _names(facts: Facts, kind: str, ids: list[str]) -> list[str]:
    out = []
    for tid in ids:
        term = facts.term(kind, tid)
        out.append(term.name if term else tid)
    return out


def _join(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _iga_expected(block: FactBlock) -> str:
    parts = []
    if "typical" in block.data:
        parts.append(f"average {block.data['typical']:g} µg/mL")
    if "max" in block.data:
        parts.append(f"≤{block.data['max']:g} µg/mL")
    if block.data.get("description"):
        parts.append(f"{block.data['description']} amounts (label wording)")
    return ", ".join(parts)


def _iga_violates(claim: Claim, block: FactBlock) -> bool:
    key = claim.value.key
    data = block.data
    if key[0] == "iga-level":
        level = key[1]
        if level == "free":
            return bool(data.get("typical") or data.get("max") or data.get("description"))
        if level == "high":
            return data.get("description") == "trace"
        return False
    comparator, value = str(key[1]), float(key[2])  # type: ignore[arg-type]
    typical, maximum = data.get("typical"), data.get("max")
    if typical is not None:
        t = float(typical)
        if comparator in ("=", "~"):
            return abs(value - t) > max(IGA_TOLERANCE * t, 1.0)
        if comparator in ("<", "<="):
            return t > value
        return t < value
    if maximum is not None:
        m = float(maximum)
        if comparator in ("=", "~", ">", ">="):
            return value > m
        # A stated upper bound should be the label's own bound.
        return abs(value - m) > max(IGA_TOLERANCE * m, 1.0)
    return False


def evaluate(claim: Claim, blocks: list[FactBlock], facts: Facts) -> tuple[bool, str]:
    """Whether the facts contradict the claim, and what they expect instead (for the message)."""
    attribute = claim.attribute
    if attribute == "concentration":
        allowed = {float(str(v).rstrip("%")) for b in blocks for v in b.values}
        expected = _join([f"{v:g}%" for v in sorted(allowed)])
        found = float(claim.value.key[1])  # type: ignore[arg-type]
        return found not in allowed, expected + (" only" if len(allowed) == 1 else "")
    if attribute == "manufacturer":
        allowed_ids = [str(v) for b in blocks for v in b.values]
        return str(claim.value.key[1]) not in allowed_ids, _join(
            _names(facts, "manufacturer", allowed_ids)
        )
    if attribute == "route":
        allowed_ids = [str(v) for b in blocks for v in b.values]
        names = _names(facts, "route", allowed_ids)
        stated = str(claim.value.key[1])
        # "IV only" for a product with another route too denies that route
        only = len(claim.value.key) > 2 and claim.value.key[2] == "only"
        violated = stated not in allowed_ids or (only and len(set(allowed_ids)) > 1)
        return violated, " and ".join(dict.fromkeys(names)) + " only"
    if attribute == "stabilizer":
        sets = [{str(v) for v in b.values} for b in blocks]
        stabilizers = _join(_names(facts, "stabilizer", sorted(set().union(*sets))))
        sid = str(claim.value.key[1])
        if claim.polarity:
            return not any(sid in s for s in sets), f"stabilized with {stabilizers}"
        return all(sid in s for s in sets), f"stabilized with {stabilizers}"
    if attribute == "sugar":
        sugary = [
            [
                sid
                for sid in (str(v) for v in b.values)
                if (t := facts.stabilizers.get(sid)) and t.sugar
            ]
            for b in blocks
        ]
        if blocks and all(sugary):
            sugars = _join(
                _names(facts, "stabilizer", sorted({s for group in sugary for s in group}))
            )
            return True, f"stabilized with {sugars}, a sugar"
        return False, ""
    if attribute == "iga":
        violated = bool(blocks) and all(_iga_violates(claim, b) for b in blocks)
        return violated, "; ".join(dict.fromkeys(_iga_expected(b) for b in blocks))
    return False, ""


Checked = tuple[str, str, list[FactBlock]] | None
# Answers by rule, facts and what a claim says (an archive repeats its claims): the rule and
# facts are kept beside each answer, so a recycled id never answers for another. Bounded.
_CHECKED: dict[tuple[Any, ...], tuple[Rule, Facts, Checked]] = {}


def check_claim(rule: Rule, claim: Claim, facts: Facts) -> Checked:
    """(severity, expected, blocks) when the claim contradicts the facts, else None.

    Reads the claim's subject, attribute, value and polarity only, so the answer is kept by
    those (and the rule and facts).
    """
    key = (
        id(rule),
        rule.severity,
        rule.partial_severity,
        id(facts),
        claim.subject,
        claim.attribute,
        claim.value.key,
        claim.polarity,
    )
    try:
        hit = _CHECKED.get(key)
    except TypeError:  # a value that cannot be hashed: answered afresh
        return _check_claim(rule, claim, facts)
    if hit is not None and hit[0] is rule and hit[1] is facts:
        return hit[2]
    if len(_CHECKED) >= LIMIT:
        _CHECKED.clear()
    found = _check_claim(rule, claim, facts)
    _CHECKED[key] = (rule, facts, found)
    return found


def _check_claim(rule: Rule, claim: Claim, facts: Facts) -> Checked:
    product_id = claim.subject.partition(".")[2]
    lookup = "stabilizer" if claim.attribute == "sugar" else claim.attribute
    blocks = facts.expected(product_id, lookup)
    if not blocks:
        return None
    severity = severity_for(rule, [b.status for b in blocks])
    if severity is None:
        return None
    violated, expected = evaluate(claim, blocks, facts)
    if not violated:
        return None
    return severity, expected, blocks


def _run(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    attribute = rule.compiled["attribute"]
    wanted = {attribute, "sugar"} if attribute == "stabilizer" else {attribute}
    for analysis in analyses:
        seen: set[tuple[str, int, int]] = set()
        results = [
            (claim, check_claim(rule, claim, facts))
            for claim in analysis.claims
            if claim.attribute in wanted
        ]
        # An ambiguous sentence gives each product every value ("Privigen and Hizentra, in 10%
        # and 20%"). When the reading in order (first product, first value, ...) agrees with
        # the facts, the crossed reading is not a contradiction the author wrote: the
        # ambiguity finding says what to fix. Otherwise ("Gamunex-C and Flebogamma, with 5%
        # and 10%") each reading the facts deny is reported.
        in_order = _agreeing_in_order(analysis, results)
        for claim, result in results:
            key = (claim.subject, claim.start, claim.end)
            if key in seen or result is None:
                continue
            if claim.attribution == "ambiguous" and claim.group in in_order:
                continue
            seen.add(key)
            severity, expected, blocks = result
            found = claim.value.display if claim.polarity else f"not {claim.value.display}"
            note = ""
            if claim.attribution == "ambiguous":
                note = " (one reading of an ambiguous sentence)"
            yield fact_finding(
                rule,
                analysis.document,
                claim,
                blocks,
                facts,
                severity=severity,
                found=found,
                expected=expected,
                note=note,
                attribute=claim.attribute,
            )


def _agreeing_in_order(
    analysis: Analysis, results: list[tuple[Claim, tuple[str, str, list[FactBlock]] | None]]
) -> set[str]:
    """Groups of ambiguous claims whose in-order reading agrees with the facts throughout."""
    by_group: dict[str, list[tuple[Claim, bool]]] = {}
    for claim, result in results:
        if claim.attribution == "ambiguous":
            by_group.setdefault(claim.group, []).append((claim, result is None))
    out = set()
    for ambiguity in analysis.ambiguities:
        claims = by_group.get(ambiguity.group)
        if not claims:
            continue
        products = list(dict.fromkeys(ambiguity.products))
        starts = sorted({c.start for c, _ in claims})
        if len(products) != len(starts):
            continue  # no one-to-one reading in order
        pairs = {(p, s) for p, s in zip(products, starts, strict=True)}
        if all(ok for c, ok in claims if (c.subject, c.start) in pairs):
            out.add(ambiguity.group)
    return out


KIND = CheckKind(
    name="fact-contradiction",
    scope="document",
    prepare=_prepare,
    run=_run,
    summary="A claim about a product attribute that the facts file contradicts.",
)
