"""``regimen-contradiction`` and ``incidence-contradiction``: numbers compared as meanings.

Doses, divisions, intervals and maximum doses are compared as normalised
ranges (``2000 mg/kg`` = ``2 g/kg``, ``monthly`` = ``every 4 weeks``): a
stated range inside the canonical one passes; one that reaches outside it is
reported with the end that does (``every 4-6 weeks`` reaches above ``every 4
weeks``).

Which regimens apply:

* a statement about one product (``Octagam 10% is given at 1 g/kg``) is
  checked against that product's regimens (for the article's condition when
  it has one);
* a statement about IVIG in the article's condition (``Standard protocols
  involve 2 g/kg ... every 4-6 weeks`` in a dermatomyositis article) is
  checked against the condition's regimens (a product's regimen only when the
  facts mark it ``general: true``), and reported only when it fits none of
  them, at the rule's ``general_severity``;
* trial protocols (``kind: trial`` in the facts) describe what a trial did,
  not what patients should get, and never make a statement wrong.

Incidence figures are compared per million per year against the facts'
value, confidence interval and annual range.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from medlint.checks import CheckKind
from medlint.checks.base import fact_finding, severity_for
from medlint.claims import Analysis
from medlint.errors import MedlintError
from medlint.facts import FactBlock, Facts
from medlint.memo import LIMIT, memoised
from medlint.model import Claim, Finding
from medlint.quantities import Quantity, format_quantity, parse_quantity, range_relation
from medlint.rules import Rule

REGIMEN_ATTRIBUTES = (
    "dose",
    "max_dose",
    "division",
    "interval",
    "max_rate",
    "initial_rate",
    "rate",
)
# Ceilings: a rate slower than the label's is never wrong, only a faster one (the label's
# warning for dermatomyositis is "do not exceed"). Facts keys of each, which may list the same
# rate in several units ("4 mg/kg/min", "0.04 mL/kg/min").
# A rate said as neither ("increase to 2 mg/kg/min") is a step: the maximum is its ceiling.
CEILINGS = {"max_rate": "maximum_rate", "initial_rate": "initial_rate", "rate": "maximum_rate"}
MAINTENANCE = "maintenance "  # the prefix of a maintenance phase's attribute ("maintenance dose")
LOADING = "loading "  # ... and of the dose before one ("loading dose", claims.LOADING_BEFORE)
INCIDENCE_TOLERANCE = 0.25  # relative, around the point value, when no interval is given
_RELATION_TEXT = {
    "reaches-above": "its upper end reaches above",
    "reaches-below": "its lower end reaches below",
    "wider": "it reaches beyond both ends of",
    "above": "it lies above",
    "below": "it lies below",
}


def _prepare(params: dict[str, Any]) -> Any:
    attributes = params.get("attributes")
    if (
        not isinstance(attributes, list)
        or not attributes
        or any(a not in REGIMEN_ATTRIBUTES for a in attributes)
    ):
        raise MedlintError(
            f"attributes must be a list of {', '.join(REGIMEN_ATTRIBUTES)}", "attributes"
        )
    general = params.get("general_severity", "warning")
    if general not in ("error", "warning", "info"):
        raise MedlintError("general_severity must be error, warning or info", "general_severity")
    return {"attributes": set(attributes), "general_severity": general}


def _as(q: Quantity | None, kind: str) -> Quantity | None:
    """Facts write "2 days" where articles write "divided over 2 days": same meaning."""
    if q is None:
        return None
    if kind == "division" and q.kind == "duration" and q.unit == "days":
        return dataclasses.replace(q, kind="division")
    return q


# Parsed once per fact and attribute: every dose claim of a run asks again (a parse each time
# was a tenth of a run). Keyed by identity; the block is kept so a reused id cannot match.
_CANONICAL: dict[tuple[Any, ...], tuple[object, Any]] = {}
_APPLICABLE: dict[tuple[Any, ...], tuple[object, Any]] = {}


def canonical(block: FactBlock, attribute: str) -> list[Quantity]:
    """The acceptable quantities a regimen gives for an attribute (a schedule may give several)."""
    return memoised(_CANONICAL, block, (attribute,), lambda: _canonical(block, attribute))


def _canonical(block: FactBlock, attribute: str) -> list[Quantity]:
    data = block.data
    out: list[Quantity] = []
    if attribute == "dose":
        q = _as(parse_quantity(str(data["dose"])), "dose") if "dose" in data else None
        if q is not None:
            out.append(q)
    elif attribute == "max_dose" and "maximum_dose" in data:
        q = parse_quantity(str(data["maximum_dose"]))
        if q is not None and q.kind == "max_dose":
            out.append(q)
    elif attribute == "division" and "division" in data:
        q = _as(parse_quantity(str(data["division"])), "division")
        if q is not None and q.kind == "division":
            out.append(q)
    elif attribute in CEILINGS and CEILINGS[attribute] in data:
        given = data[CEILINGS[attribute]]
        for text in given if isinstance(given, list) else [given]:
            q = parse_quantity(str(text))
            if q is not None and q.kind == "infusion_rate":
                out.append(q)
    elif attribute == "interval":
        for key in ("interval", "schedule"):
            if key not in data:
                continue
            q = parse_quantity(str(data[key]))
            if q is None or q.kind != "interval":
                continue
            out.append(q)
            then = dict(q.extra).get("then")
            if isinstance(then, Quantity):
                out.append(then)
    return out


def applicable(facts: Facts, claim: Claim) -> list[FactBlock]:
    """Regimens a claim is checked against (trial protocols never are)."""
    subject, condition = claim.subject, claim.condition
    return memoised(
        _APPLICABLE, facts, (subject, condition), lambda: _applicable(facts, subject, condition)
    )


def _applicable(facts: Facts, subject: str, condition: str) -> list[FactBlock]:
    regimens = [r for r in facts.regimens.values() if r.data.get("kind", "label") != "trial"]
    section, _, ident = subject.partition(".")
    if section == "products":
        product = facts.products.get(ident)
        ids = set(product.members) if product and product.members else {ident}
        chosen = [r for r in regimens if r.data.get("product") in ids]
        if condition:
            chosen = [r for r in chosen if r.data.get("condition") == condition]
        return chosen
    if section == "conditions":
        # A statement about IVIG in a condition answers to the condition's own regimens
        # (guidelines, consensus plans) and to a product's regimen only when the facts say it
        # stands for the condition (`general: true`: the only labelled regimen, as Octagam 10%
        # is for dermatomyositis). One product's chronic-ITP label is not every ITP regimen.
        return [
            r
            for r in regimens
            if r.data.get("condition") == ident
            and (not r.data.get("product") or r.data.get("general") is True)
        ]
    return []


def _label(facts: Facts, block: FactBlock) -> str:
    product = facts.products.get(str(block.data.get("product", "")))
    condition = facts.conditions.get(str(block.data.get("condition", "")))
    kind = str(block.data.get("kind", "label"))
    who = product.name + " " if product else ""
    where = condition.name if condition else ""
    return f"{who}{kind}, {where}".strip(", ")


def course_dose(stated: Quantity) -> Quantity | None:
    """A daily dose given for a stated number of days, as the course total it adds up to.

    "2 g/kg/day for 5 days" is 10 g/kg a course, five times the labelled 2 g/kg; without a
    day count ("0.4 g/kg/day") there is no total to compare, and nothing is said.
    """
    if stated.kind != "dose" or stated.unit != "g/kg/day":
        return None
    days = dict(stated.extra).get("days")
    if isinstance(days, bool) or not isinstance(days, int | float) or days <= 0:
        return None
    most = dict(stated.extra).get("days_most", days)  # "on each of 2 to 5 days"
    if isinstance(most, bool) or not isinstance(most, int | float) or most < days:
        most = days
    return dataclasses.replace(
        stated,
        low=float(f"{stated.low * days:.12g}"),
        high=float(f"{stated.high * most:.12g}"),
        unit="g/kg",
        extra=(),
    )


def per_day_reading(stated: Quantity) -> Quantity | None:
    """The other reading of "1 g/kg on two consecutive days": 1 g/kg each day, 2 g/kg in all.

    Without "each", "daily" or "/day" such a dose may be the course or each day's share; the
    statement is reported only when neither reading fits (see ``either_days`` in
    :mod:`medlint.quantities`).
    """
    days = stated.get("either_days")
    if stated.kind != "dose" or stated.unit != "g/kg" or not isinstance(days, tuple):
        return None
    fewest, most = days
    if not isinstance(fewest, int | float) or not isinstance(most, int | float) or most < 2:
        return None
    return dataclasses.replace(
        stated,
        low=float(f"{stated.low * fewest:.12g}"),
        high=float(f"{stated.high * most:.12g}"),
        extra=(),
    )


def _covers(reading: Quantity, canon: Quantity) -> bool:
    """Whether a reading over a range of days ("1 g/kg for 1 to 2 days") can give ``canon``."""
    if (reading.kind, reading.unit) != (canon.kind, canon.unit):
        return False
    return reading.low <= canon.low and canon.high <= reading.high


def _fits(stated: Quantity, canon: Quantity, ceiling: bool = False) -> tuple[bool, str]:
    relation = range_relation(stated, canon)
    if relation == "incomparable":
        return True, relation  # different units (g/kg vs g/kg/day): nothing to say
    if ceiling:
        return relation in ("equal", "inside", "below", "reaches-below"), relation
    return relation in ("equal", "inside"), relation


# A claim's verdict follows from its subject, condition, attribute and quantity (with the rule
# and the facts), and an archive repeats its regimen statements: each is decided once. The
# rule and facts are kept beside each verdict, so a recycled id never answers for another.
_VERDICTS: dict[tuple[Any, ...], tuple[Rule, Facts, Any]] = {}


def _verdict(rule: Rule, facts: Facts, claim: Claim, attribute: str) -> Any:
    """See :func:`_decide`; kept by what the claim says (bounded)."""
    key = (
        *(id(rule), rule.severity, rule.partial_severity, rule.compiled["general_severity"]),
        id(facts),
        *(claim.subject, claim.condition, claim.attribute, claim.quantity),
    )
    try:
        hit = _VERDICTS.get(key)
    except TypeError:  # a quantity that cannot be hashed: decided afresh
        return _decide(rule, facts, claim, attribute)
    if hit is not None and hit[0] is rule and hit[1] is facts:
        return hit[2]
    if len(_VERDICTS) >= LIMIT:
        _VERDICTS.clear()
    found = _decide(rule, facts, claim, attribute)
    _VERDICTS[key] = (rule, facts, found)
    return found


def _decide(
    rule: Rule, facts: Facts, claim: Claim, attribute: str
) -> tuple[list[FactBlock], str, str, str, str, bool] | None:
    """(blocks, severity, relation, expected, note, whether the note gives the course) when
    the facts deny the claim."""
    # A maintenance dose or interval (claims.MAINTENANCE), or the loading dose before
    # one, is held to the canonical regimen like any other: a facts file that allows a
    # lighter maintenance phase says so in its regimens.
    stated: Quantity = claim.quantity
    course = course_dose(stated) if attribute == "dose" else None
    blocks_here = [b for b in applicable(facts, claim) if b.status != "unverified"]
    fits_one, checked, compared_course = _compare(stated, attribute, blocks_here)
    then_note = ""
    then = stated.get("then") if attribute == "interval" else None
    if (fits_one or not checked) and isinstance(then, Quantity):
        # "every 2 weeks for 3 doses, then every 6 weeks": the later interval too
        fits_one, checked, _ = _compare(then, attribute, blocks_here)
        then_note = f" (after 'then': {format_quantity(then)})"
    if fits_one or not checked:
        return None
    blocks: list[FactBlock] = []
    for b, _, _ in checked:
        if all(b is not x for x in blocks):
            blocks.append(b)
    if claim.subject.startswith("products."):
        severity = severity_for(rule, [b.status for b in blocks])
    else:
        severity = rule.compiled["general_severity"]
    if severity is None:
        return None
    relation = checked[0][2]
    expected = " or ".join(
        dict.fromkeys(f"{format_quantity(c)} ({_label(facts, b)})" for b, c, _ in checked)
    )
    if attribute == "rate":
        expected = f"maximum {expected}"
    course_note = ""
    if compared_course and course is not None:
        course_note = f" (= {format_quantity(course)} a course)"
    return blocks, severity, relation, expected, course_note + then_note, bool(course_note)


def _run_regimen(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    attributes = rule.compiled["attributes"]
    for analysis in analyses:
        for claim in analysis.claims:
            attribute = claim.attribute.removeprefix(MAINTENANCE).removeprefix(LOADING)
            if attribute not in attributes or not isinstance(claim.quantity, Quantity):
                continue
            verdict = _verdict(rule, facts, claim, attribute)
            if verdict is None:
                continue
            blocks, severity, relation, expected, note, course = verdict
            as_written = " ".join(claim.text.split())
            normalised = "" if claim.value.display == as_written else f" (= {claim.value.display})"
            if course:
                normalised = ""  # the course note says it
            normalised += note
            yield fact_finding(
                rule,
                analysis.document,
                claim,
                blocks,
                facts,
                severity=severity,
                found=claim.value.display,
                expected=expected,
                attribute=claim.attribute.replace("_", " "),
                normalised=normalised,
                relation=_RELATION_TEXT.get(relation, relation),
                message_found=claim.text,
            )


def _compare(
    stated: Quantity, attribute: str, blocks: list[FactBlock]
) -> tuple[bool, list[tuple[FactBlock, Quantity, str]], bool]:
    """(fits one canonical value, the ones it does not fit, compared as a course total)."""
    course = course_dose(stated) if attribute == "dose" else None
    per_day = per_day_reading(stated) if attribute == "dose" else None
    compared_course = False
    checked: list[tuple[FactBlock, Quantity, str]] = []
    fits_one = False
    for block in blocks:
        canons = canonical(block, attribute)
        if stated.get("doses") is not None and any(c.get("doses") is not None for c in canons):
            # "every 4 weeks for 3 doses, then monthly" is a schedule: it answers to the
            # schedule's first interval, not to the "monthly" that follows it
            canons = [c for c in canons if c.get("doses") is not None]
        for canon in canons:
            # A course total is compared as one; a daily dose with its days, as the course it
            # adds up to.
            use_course = course is not None and canon.unit != stated.unit
            ok, relation = _fits(
                course if use_course and course else stated, canon, attribute in CEILINGS
            )
            compared_course = compared_course or (use_course and relation != "incomparable")
            if relation == "incomparable":
                continue
            if not ok and per_day is not None:
                ok = _fits(per_day, canon)[0] or _covers(per_day, canon)
            if not ok and use_course and course is not None and stated.get("days_most"):
                # "0.4 to 1 g/kg/day for 2-5 days": the dose and the days go together (1 g/kg
                # on 2 days, 0.4 on 5), so any course in the span can be meant
                ok = _covers(course, canon)
            if ok:
                fits_one = True
            else:
                checked.append((block, canon, relation))
    return fits_one, checked, compared_course


def _prepare_incidence(params: dict[str, Any]) -> Any:
    return None


def _band(block: FactBlock) -> tuple[float, float, float]:
    """(low, high, point) per million per year accepted for an incidence fact."""
    scale = 1_000_000 / float(block.data["per"])
    value = float(block.data["value"]) * scale
    lows = [value * (1 - INCIDENCE_TOLERANCE)]
    highs = [value * (1 + INCIDENCE_TOLERANCE)]
    for key in ("ci95", "range"):
        if key in block.data:
            lo, hi = (float(x) * scale for x in block.data[key])
            lows.append(lo)
            highs.append(hi)
    return min(lows), max(highs), value


def _run_incidence(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    for analysis in analyses:
        for claim in analysis.claims:
            if claim.attribute != "incidence" or not isinstance(claim.quantity, Quantity):
                continue
            condition = claim.subject.partition(".")[2]
            blocks = [
                b
                for b in facts.incidence.values()
                if b.data.get("condition") == condition and b.status != "unverified"
            ]
            if not blocks:
                continue
            q: Quantity = claim.quantity
            bands = [_band(b) for b in blocks]
            if any(lo <= q.low and q.high <= hi for lo, hi, _ in bands):
                continue
            severity = severity_for(rule, [b.status for b in blocks])
            if severity is None:
                continue
            parts = []
            for block, (lo, hi, point) in zip(blocks, bands, strict=True):
                detail = f"{point:g} per million per year"
                if "range" in block.data or "ci95" in block.data:
                    detail += f" (accepted {lo:g}-{hi:g})"
                parts.append(detail)
            expected = " or ".join(parts)
            span = f"{q.low:g}" + (f"-{q.high:g}" if q.high != q.low else "")
            yield fact_finding(
                rule,
                analysis.document,
                claim,
                blocks,
                facts,
                severity=severity,
                found=claim.value.display,
                expected=expected,
                subject_name=claim.subject_name.replace("IVIG in ", ""),
                message_found=claim.text,
                normalised=f"{span} per million per year",
            )


KIND = CheckKind(
    name="regimen-contradiction",
    scope="document",
    prepare=_prepare,
    run=_run_regimen,
    summary="A dose, division, interval or maximum dose outside the regimens in the facts file.",
)
INCIDENCE_KIND = CheckKind(
    name="incidence-contradiction",
    scope="document",
    prepare=_prepare_incidence,
    run=_run_incidence,
    summary="An incidence figure outside the facts' value, confidence interval and range.",
)
