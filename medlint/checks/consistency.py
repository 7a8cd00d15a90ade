"""``value-inconsistency``: one subject, one attribute, incompatible values in different places.

Runs within one document (``scope: document``) or across every document of
the run (``scope: corpus``). A *statement* is the set of values one phrase
gives (``5% or 10%`` is one statement); two statements are incompatible when
their value sets share nothing. Where the facts file states the attribute,
the contradiction rules already report each deviating statement, so this
check stays quiet there and only speaks where no canonical fact exists.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from typing import Any

from medlint.checks import CheckKind
from medlint.checks.base import finding
from medlint.claims import Analysis
from medlint.errors import MedlintError
from medlint.facts import Facts
from medlint.memo import LIMIT, memoised
from medlint.model import Claim, Document, Finding, Related
from medlint.quantities import COMPARED_EXTRAS, tolerance
from medlint.rules import Rule


def _prepare(params: dict[str, Any]) -> Any:
    scope = params.get("scope", "document")
    if scope not in ("document", "corpus"):
        raise MedlintError("scope must be 'document' or 'corpus'", "scope")
    attributes = params.get("attributes")
    if not isinstance(attributes, list) or not all(isinstance(a, str) for a in attributes):
        raise MedlintError("attributes must be a list of attribute names", "attributes")
    return {"scope": scope, "attributes": set(attributes)}


MAX_RELATED = 25  # sites listed per finding; `related_total` gives the full count


# Every claim is asked twice per run (the document rule and the corpus view), and an archive
# repeats the same (subject, attribute, condition).
_DECIDED: dict[tuple[Any, ...], tuple[object, Any]] = {}


def has_canonical(facts: Facts, claim: Claim) -> bool:
    """Whether the facts decide this claim (then the contradiction rules speak, not this one)."""
    question = (claim.subject, claim.attribute, claim.condition)
    return memoised(_DECIDED, facts, question, lambda: _has_canonical(facts, claim))


def _has_canonical(facts: Facts, claim: Claim) -> bool:
    from medlint.checks.regimens import REGIMEN_ATTRIBUTES, applicable, canonical

    section, _, ident = claim.subject.partition(".")
    attribute = claim.attribute.removeprefix("maintenance ")  # held to the regimen's dose
    if attribute in REGIMEN_ATTRIBUTES:
        return any(canonical(b, attribute) for b in applicable(facts, claim))
    if claim.attribute == "incidence":
        return any(b.data.get("condition") == ident for b in facts.incidence.values())
    if section == "products":
        return bool(facts.expected(ident, claim.attribute))
    return False


# compared()'s answers by the attribute set and facts asked about (kept beside each answer,
# so a recycled id never answers for another) and what it reads of a claim. Each claim is
# asked once per consistency rule and again for the corpus view. Bounded.
_COMPARED: dict[tuple[Any, ...], tuple[object, object, bool]] = {}


def compared(claim: Claim, attributes: set[str], facts: Facts) -> bool:
    """Whether this check compares the claim at all (the corpus path keeps only these).

    ``attributes`` is a rule's compiled set, never changed once made (answers are kept by
    its identity).
    """
    key = (
        id(attributes),
        id(facts),
        claim.subject,
        claim.attribute,
        claim.condition,
        claim.polarity,
        claim.attribution,
    )
    hit = _COMPARED.get(key)
    if hit is not None and hit[0] is attributes and hit[1] is facts:
        return hit[2]
    if len(_COMPARED) >= LIMIT:
        _COMPARED.clear()
    answer = _compared(claim, attributes, facts)
    _COMPARED[key] = (attributes, facts, answer)
    return answer


def _compared(claim: Claim, attributes: set[str], facts: Facts) -> bool:
    # "cost per course" is a kind of "cost"; "maintenance dose" of "dose" (compared with other
    # maintenance doses: the claim's own attribute keys the comparison)
    # (a "loading dose" with other loading doses)
    family = claim.attribute.removeprefix("maintenance ").removeprefix("loading ")
    family = family.split(" per ")[0]
    if claim.attribute not in attributes and family not in attributes:
        return False
    if not claim.polarity or claim.attribution == "ambiguous":
        return False  # an ambiguous sentence's readings are not statements
    return not has_canonical(facts, claim)


def compatible(a: Claim, b: Claim) -> bool:
    """Two values can both be true: equal, or overlapping ranges of the same quantity and unit.

    A daily dose with its days is the course it adds up to ("2 g/kg" and "1 g/kg daily for 2
    days" are one course written two ways).
    """
    if a.value.key == b.value.key:
        return True
    if a.value.kind == b.value.kind == "route" and a.value.key[:2] == b.value.key[:2]:
        return True  # "given under the skin" and "SC only": the same route
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None:
        return False
    from medlint.checks.regimens import course_dose

    qa = course_dose(qa) or qa
    qb = course_dose(qb) or qb
    return any(_overlap(x, y) for x in _readings(qa) for y in _readings(qb))


def _readings(q: Any) -> list[Any]:
    from medlint.checks.regimens import per_day_reading

    other = per_day_reading(q)
    readings = [q] if other is None else [q, other]
    then = q.get("then") if q.kind == "interval" else None
    if then is not None and hasattr(then, "kind"):
        # "every 2 weeks for 3 doses, then monthly" holds "monthly" too: no conflict with
        # "the course is repeated every 4 weeks"
        readings.append(then)
    return readings


def _overlap(qa: Any, qb: Any) -> bool:
    if (qa.kind, qa.unit, qa.per) != (qb.kind, qb.unit, qb.per):
        # "2 g/kg" (a course) and "0.5-2.4 g/kg/month", "1 g/kg/day" without its days: not
        # the same measure, so nothing says they disagree
        return bool(qa.kind == qb.kind and qa.per == qb.per)
    slack = 1.0 + max(tolerance(qa), tolerance(qb))  # a per-pound dose converted to g/kg
    a_low, a_high = _bounds(qa)
    b_low, b_high = _bounds(qb)
    return bool(a_low <= b_high * slack and b_low <= a_high * slack)


def _bounds(q: Any) -> tuple[float, float]:
    """The values a quantity allows: "up to 800 mg/kg" allows 0.4-0.6 g/kg too."""
    if q.comparator in ("<=", "<"):
        return 0.0, q.high
    if q.comparator in (">=", ">"):
        return q.low, math.inf
    return q.low, q.high


def _conflict(s1: list[Claim], s2: list[Claim]) -> bool:
    return not any(compatible(a, b) for a in s1 for b in s2)


def _statements(claims: list[Claim]) -> list[list[Claim]]:
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.group or f"{claim.path}:{claim.start}", []).append(claim)
    return sorted(groups.values(), key=lambda g: (g[0].path, g[0].start))


def _run(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    scope = rule.compiled["scope"]
    attributes = rule.compiled["attributes"]
    docs: dict[str, Document] = {a.document.path: a.document for a in analyses}
    pools: dict[tuple[str, ...], list[Claim]] = {}
    for analysis in analyses:
        for claim in analysis.claims:
            if not compared(claim, attributes, facts):
                continue
            # Statements for different conditions ("For CIDP ..." and "For ITP ...") or, for a
            # rate, different populations ("per 100,000 children" vs "adults") answer
            # different questions.
            q = claim.quantity
            population = (q.per or "") if q is not None and q.kind == "rate" else ""
            # (and a product given both ways has a schedule per route: "into a vein every 4
            # weeks", "under the skin once a week")
            key: tuple[str, ...] = (
                claim.subject,
                claim.attribute,
                claim.condition,
                population,
                claim.route,
            )
            if scope == "document":
                key = (claim.path, *key)
            pools.setdefault(key, []).append(claim)
    for key in sorted(pools):
        statements = _statements(pools[key])
        if len(statements) < 2:
            continue
        first = statements[0]
        group = _Group(statements)
        deviating = [i for i in range(1, len(statements)) if group.conflict(0, i)]
        if not deviating:
            continue
        if scope == "corpus":
            # same-document conflicts belong to the document-scope rule (reporting them here
            # too gave one statement two findings, the second naming a line of its own article)
            deviating = [i for i in deviating if statements[i][0].path != first[0].path]
            if not deviating:
                continue
        for index in deviating:
            statement = statements[index]
            claim = statement[0]
            doc = docs[claim.path]
            related = []
            for other in group.related(index, MAX_RELATED):
                o = other[0]
                odoc = docs[o.path]
                line, column = odoc.position(o.start)
                related.append(
                    Related(o.path, line, column, "/".join(c.value.display for c in other))
                )
            found = " or ".join(dict.fromkeys(c.value.display for c in statement))
            other_found = " or ".join(dict.fromkeys(c.value.display for c in first))
            fline, _ = docs[first[0].path].position(first[0].start)
            where = f"line {fline}" if first[0].path == claim.path else f"{first[0].path}:{fline}"
            if where == f"line {docs[claim.path].position(claim.start)[0]}":
                where = "the same line"  # "dose stated as 1 g/kg here but as 2 g/kg at ..."
            message = rule.render(
                subject_name=claim.subject_name,
                attribute=claim.attribute,
                found=found,
                other=other_found,
                where=where,
                count=len(statements),
            )
            yield finding(
                rule,
                doc,
                claim.start,
                claim.end,
                message,
                subject=claim.subject,
                attribute=claim.attribute,
                found=found,
                expected=None,
                related=related,
                related_total=len(statements) - 1,
            )


def _quantity_signature(q: Any) -> object:
    """What :func:`compatible` reads of a quantity (not its place in the text)."""
    if q is None:
        return None
    extra = tuple(item for item in q.extra if item[0] in COMPARED_EXTRAS)
    return (q.kind, q.low, q.high, q.unit, q.per, q.comparator, extra)


class _Group:
    """The statements of one subject and attribute, compared once per pair of distinct values.

    A corpus says the same few values thousands of times ("2 g/kg", "every 4 weeks"): two
    statements conflict or not by their values alone, so each pair of distinct value sets is
    compared once, and a finding's related sites (conflicting ones first, then the rest, each
    in corpus order, capped) are merged from the per-value lists. Sorting every other site for
    every deviating statement was quadratic: 2,000 articles that all state a dose the facts
    do not fix took 2.4 s in this check alone.
    """

    def __init__(self, statements: list[list[Claim]]) -> None:
        self.statements = statements
        self.keys = [
            tuple((c.value.key, _quantity_signature(c.quantity)) for c in s) for s in statements
        ]
        self.buckets: dict[object, list[int]] = {}
        for i, key in enumerate(self.keys):
            self.buckets.setdefault(key, []).append(i)
        self._conflicts: dict[tuple[object, object], bool] = {}

    def _key_conflict(self, a: object, b: object) -> bool:
        found = self._conflicts.get((a, b))
        if found is None:
            i, j = self.buckets[a][0], self.buckets[b][0]
            found = _conflict(self.statements[i], self.statements[j])
            self._conflicts[(a, b)] = self._conflicts[(b, a)] = found
        return found

    def conflict(self, i: int, j: int) -> bool:
        return self._key_conflict(self.keys[i], self.keys[j])

    def related(self, index: int, cap: int) -> list[list[Claim]]:
        """Up to ``cap`` other statements: those conflicting with ``index`` first."""
        own = self.keys[index]
        first: list[list[int]] = []
        rest: list[list[int]] = []
        for key, members in self.buckets.items():
            (first if self._key_conflict(own, key) else rest).append(members)
        out: list[list[Claim]] = []
        for lists in (first, rest):
            for i in heapq.merge(*lists):
                if i != index:
                    out.append(self.statements[i])
                    if len(out) == cap:
                        return out
        return out


KIND = CheckKind(
    name="value-inconsistency",
    scope="corpus",
    prepare=_prepare,
    run=_run,
    summary="The same subject and attribute stated with incompatible values in different places.",
)
