"""``comparison-contradiction``: one product compared with another in a way the facts deny.

"Privigen is the same strength as Hizentra", "Panzyga is half the strength of Octagam 10%",
"Gamunex-C has more IgA than Octagam 10%": no figure is stated, so no fact rule sees a
value, yet a reader learns a wrong one (and a wrong volume to infuse). The check reads a
sentence in which one product is compared with another by a closed list of phrases (same
strength as, twice/half as concentrated as, more/less concentrated than, more/less IgA than,
twice/half the IgA of) and compares the two products' facts: concentrations when each has
one, IgA by its typical (average) figure. Negated comparisons and questions say nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from medlint import rx
from medlint.checks import CheckKind
from medlint.checks.base import finding, severity_for
from medlint.claims import CLAUSE_JOIN, COMPARISON_WORDS, Analysis, Mention
from medlint.facts import FactBlock, Facts
from medlint.model import Finding, Unit
from medlint.rules import Rule

_ADVERB = r"(?:(?:about|roughly|around|approximately|nearly|almost|exactly|just|only)\s+)?"
# "Gammagard Liquid, which is twice as concentrated as Gamunex-C, ...": a relative clause
# (after an apposition: "Cuvitru, the other 20% subcutaneous product, is made by the same
# company that makes Hizentra")
_REL = (
    r"(?:\s*,\s*(?:the|an?)\s+[^,;.()]{1,60},)?"
    r"(?:\s*,\s*(?:which|that)|\s+(?:which|that))?"
)
_BE = _REL + r"\s+(?:is|are|has|have|comes?\s+(?:in|as))\s+" + _ADVERB
_DEGREE = r"(?:(?:a\s+(?:bit|little|touch)|slightly|somewhat|much|far|a\s+lot)\s+)?"
# (attribute, relation, phrase between the two products); relation: a ratio, "gt" or "lt"
_PHRASES: tuple[tuple[str, object, str], ...] = (
    ("concentration", 1.0, _BE + r"(?:the\s+)?same\s+(?:strength|concentration)\s+as\s+"),
    ("concentration", 1.0, _BE + r"as\s+(?:concentrated|strong)\s+as\s+"),
    (
        "concentration",
        2.0,
        _BE + r"(?:twice|double)\s+(?:as\s+(?:concentrated|strong)\s+as|"
        r"the\s+(?:strength|concentration)\s+of)\s+",
    ),
    (
        "concentration",
        0.5,
        _BE + r"half\s+(?:as\s+(?:concentrated|strong)\s+as|"
        r"the\s+(?:strength|concentration)\s+of)\s+",
    ),
    # "is (a bit / slightly / much) stronger than"
    ("concentration", "gt", _BE + _DEGREE + r"(?:more\s+concentrated|stronger)\s+than\s+"),
    ("concentration", "lt", _BE + _DEGREE + r"(?:less\s+concentrated|weaker)\s+than\s+"),
    ("iga", "gt", _REL + r"\s+(?:has|contains)\s+" + _ADVERB + r"(?:much\s+)?more\s+IgA\s+than\s+"),
    (
        "iga",
        "lt",
        _REL + r"\s+(?:has|contains)\s+" + _ADVERB + r"(?:much\s+)?(?:less|lower)\s+IgA\s+than\s+",
    ),
    (
        "iga",
        2.0,
        _REL + r"\s+(?:has|contains)\s+" + _ADVERB + r"(?:twice|double)\s+the\s+IgA\s+(?:of|in)\s+",
    ),
    ("iga", 0.5, _REL + r"\s+(?:has|contains)\s+" + _ADVERB + r"half\s+the\s+IgA\s+(?:of|in)\s+"),
    # "Flebogamma 10% DIF comes from the same company that makes Gammagard Liquid"
    (
        "manufacturer",
        "same",
        _REL
        + r"\s+(?:is\s+)?(?:made|produced|manufactured|comes?|supplied)\s+(?:by|from)\s+the\s+same"
        r"\s+(?:company|manufacturer|maker|firm)\s+(?:that\s+(?:makes|produces|manufactures)|as"
        r"|behind)\s+",
    ),
    (
        "iga",
        10.0,
        r"\s+(?:has|contains)\s+"
        + _ADVERB
        + r"ten\s+times\s+(?:as\s+much\s+IgA\s+as|the\s+IgA\s+(?:of|in))\s+",
    ),
)
_APPOSITION = rx.compile(r"^,\s*(?:the|an?)\s+[^,;.()]{1,60},\s*", re.IGNORECASE)
_COMPILED = tuple(
    (attribute, relation, rx.compile(phrase, re.IGNORECASE))
    for attribute, relation, phrase in _PHRASES
)
_WORDS = COMPARISON_WORDS
_SAME_MAKER = "same"
# "Neither Privigen nor Gamunex-C is as concentrated as Hizentra", "It is a myth that ..."
_DENIED = rx.compile(
    r"\b(?:neither|nor|not|never|no|myth|misconception|wrongly|mistakenly|untrue)\b", re.IGNORECASE
)
_RATIO_TOLERANCE = 0.25  # "roughly twice": within a quarter


def _prepare(params: dict[str, Any]) -> Any:
    return None


def _concentration(facts: Facts, product: str) -> tuple[float | None, list[FactBlock]]:
    blocks = facts.expected(product, "concentration")
    values = {str(v) for b in blocks for v in b.values}
    if len(values) != 1:
        return None, blocks  # several strengths (a family, Flebogamma DIF): no one figure
    try:
        return float(next(iter(values)).rstrip("%").strip()), blocks
    except ValueError:
        return None, blocks


def _iga(facts: Facts, product: str) -> tuple[float | None, list[FactBlock]]:
    blocks = facts.expected(product, "iga")
    typical = {b.data.get("typical") for b in blocks}
    if len(typical) != 1 or None in typical:
        return None, blocks  # a maximum only, or several: not a figure to compare
    value = next(iter(typical))
    return (float(value) if isinstance(value, int | float) else None), blocks


def _wrong(relation: object, ratio: float) -> bool:
    if relation == "gt":
        return ratio <= 1.0
    if relation == "lt":
        return ratio >= 1.0
    assert isinstance(relation, float)
    return abs(ratio - relation) > _RATIO_TOLERANCE * relation


def _run(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    for analysis in analyses:
        for sent in analysis.sentences:
            products = [m for m in sent.mentions if m.kind == "product"]
            if sent.antecedent is not None:
                # "It has less IgA than Gamunex-C": the product "It" stands for, first
                products = [sent.antecedent, *products]
            if len(products) < 2:
                continue  # most sentences: nothing to compare
            text = sent.text
            low = text.lower()
            if not any(w in low for w in _WORDS) or text.rstrip().endswith("?"):
                continue
            for a, b in itertools.pairwise(products):
                before = sent.unit.text[sent.start : a.start]
                # only the comparison's own clause: "Privigen has no more than 25 µg/mL, and
                # Panzyga contains half the IgA of Gamunex-C" denies nothing of the second
                joins = list(CLAUSE_JOIN.finditer(before))
                if joins:
                    before = before[joins[-1].end() :]
                if (
                    a.id != b.id
                    and not _DENIED.search(before)
                    and not analysis.reports(sent.unit.to_source(a.start))
                ):
                    yield from _compare(rule, analysis, facts, sent.unit, a, b)


def _compare(
    rule: Rule, analysis: Analysis, facts: Facts, unit: Unit, a: Mention, b: Mention
) -> Iterable[Finding]:
    """The finding for "A <phrase> B", when the phrase compares and the facts deny it.

    The phrase must fill the whole gap between the two names (so "is not the same strength
    as" and "Privigen, unlike Hizentra, ..." never match).
    """
    for attribute, relation, pattern in _COMPILED:
        m = pattern.fullmatch(unit.text, a.end, b.start)
        if m is None:
            continue
        if relation == _SAME_MAKER:
            yield from _same_maker(rule, analysis, facts, unit, a, b, " ".join(m.group(0).split()))
            return
        read = _concentration if attribute == "concentration" else _iga
        va, blocks_a = read(facts, a.id)
        vb, blocks_b = read(facts, b.id)
        if va is None or vb is None or vb == 0:
            return
        if not _wrong(relation, va / vb):
            return
        suffix = "%" if attribute == "concentration" else " µg/mL (average)"
        yield from _report(
            rule, analysis, facts, unit, (a, b), [*blocks_a, *blocks_b],
            " ".join(m.group(0).split()).lstrip(", "),
            (f"{va:g}{suffix}", f"{vb:g}{suffix}"), attribute,
        )  # fmt: skip
        return


def _same_maker(
    rule: Rule, analysis: Analysis, facts: Facts, unit: Unit, a: Mention, b: Mention, phrase: str
) -> Iterable[Finding]:
    """ "A comes from the same company that makes B": wrong when no maker is shared."""
    blocks_a = facts.expected(a.id, "manufacturer")
    blocks_b = facts.expected(b.id, "manufacturer")
    makers_a = {str(v) for bl in blocks_a for v in bl.values}
    makers_b = {str(v) for bl in blocks_b for v in bl.values}
    if not makers_a or not makers_b or makers_a & makers_b:
        return

    def names(ids: set[str]) -> str:
        return " or ".join(
            sorted(facts.manufacturers[i].name if i in facts.manufacturers else i for i in ids)
        )

    yield from _report(
        rule, analysis, facts, unit, (a, b), [*blocks_a, *blocks_b], phrase,
        (f"made by {names(makers_a)}", f"made by {names(makers_b)}"), "manufacturer",
    )  # fmt: skip


def _report(
    rule: Rule,
    analysis: Analysis,
    facts: Facts,
    unit: Unit,
    pair: tuple[Mention, Mention],
    blocks: list[FactBlock],
    phrase: str,
    values: tuple[str, str],
    attribute: str,
) -> Iterable[Finding]:
    """The finding for a comparison the facts deny, at the rule's severity for ``blocks``."""
    severity = severity_for(rule, [bl.status for bl in blocks])
    if severity is None:
        return
    a, b = pair
    name_a = facts.products[a.id].name if a.id in facts.products else a.text
    name_b = facts.products[b.id].name if b.id in facts.products else b.text
    phrase = _APPOSITION.sub("", phrase)  # "Cuvitru is made by ...", without ", the other ...,"
    start, end = unit.source_span(a.start, b.end)  # the comparison as written
    sources = list(dict.fromkeys(s for bl in blocks for s in bl.sources))
    shown = {"concentration": "strength", "iga": "IgA content"}.get(attribute, attribute)
    yield finding(
        rule,
        analysis.document,
        start,
        end,
        rule.render(
            subject_name=name_a,
            other=name_b,
            phrase=phrase,
            value=values[0],
            other_value=values[1],
            attribute=shown,
        ),
        severity=severity,
        subject=f"products.{a.id}",
        attribute=attribute,
        found=phrase,
        expected=f"{values[0]} vs {values[1]}",
        sources=facts.source_info(sources),
    )


KIND = CheckKind(
    name="comparison-contradiction",
    scope="document",
    prepare=_prepare,
    run=_run,
    summary="Two products compared (same strength, twice as concentrated, more IgA) against "
    "their facts.",
)
