"""``dose-arithmetic``: a worked example whose total is not the body weight times the dose.

Patient pages turn a dose per kilogram into grams for a reader's weight ("a 70 kg adult
receives 2 g/kg, that is 140 g per course"). A slip there ("14 g", "70 g") is as harmful as a
wrong dose and no facts file can catch it: the figures contradict each other. The check is
local: a sentence that names one body weight (or follows one that does, when it states the
dose itself), and one dose per kilogram (in the sentence, or in the sentence before it in the
same paragraph), and total amounts in grams. It is reported
when no total equals weight x dose, nor weight x dose divided by a day count the sentence
gives ("28 g a day over 5 days"), within the rule's relative tolerance (rounding).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from medlint import rx
from medlint.checks import CheckKind
from medlint.checks.base import finding
from medlint.claims import QUOTED_PHRASE, Analysis, Sentence
from medlint.errors import MedlintError
from medlint.facts import Facts
from medlint.model import Finding
from medlint.quantities import PARAGRAPH_MEMO, count_of
from medlint.rules import Rule

# A sentence that corrects the one before: "The correct total is 140 g.", "It should read ..."
_CORRECTION_LEAD = rx.compile(
    r"\W*(?:the\s+correct(?:ed)?\s+(?:total|figure|sum|amount|dose|number|answer)|correct(?:ed|ion)?"
    r"\s*:|(?:it\s+)?should\s+(?:read|have\s+read|be|have\s+been))\b",
    re.IGNORECASE,
)
# "a 70 kg adult", "weighs 40 kilos", "for 68 kg": a weight, not "g/kg" or "per kg"
_WEIGHT = rx.compile(
    r"(?<![/\w.])(?<!per\s)(?<!every\s)(?<!each\s)(\d{1,3}(?:\.\d+)?)\s*-?\s*"
    r"(?:kg|kilos?|kilograms?)\b(?!\s*/)"
    # "a 3 kg insulated box": a weight of something else
    r"(?!\s+(?:\w+\s+)?(?:box|bag|pack|package|parcel|cooler|container|shipment|case|carton))",
    re.IGNORECASE,
)
_PERSON_WEIGHT_BEFORE = rx.compile(
    r"(?:\bweigh(?:s|ed|ing)?|\bweight\b[^.;]{0,40}?(?:\bis|\bwas|\bof|:))"
    r"\s+(?:about\s+|around\s+|just\s+)?$",
    re.IGNORECASE,
)
# A total in grams: "140 g", "80 grams"; not "2 g/kg", "100 g/L", "10 g in 100 mL", "a 10 g
# vial"
_TOTAL = rx.compile(
    r"(?<![/\w.,])(\d{1,4}(?:\.\d+)?)\s*(?:g|grams?)\b"
    # ("154 g/course" in a clinical note is a total: the slash of a course, not of a volume)
    r"(?!\s*/(?!\s*(?:course|cycle)\b)|\s+(?:per|for\s+(?:each|every))\s+(?:kg|kilo|kilogram|ml|millilit|l\b|lit|dl|pound|lb)"
    r"|\s+in\s+\d|\s+(?:vials?|bottles?|bags?|packs?|containers?)\b)",
    re.IGNORECASE,
)
_EXAMPLE_LEAD = rx.compile(r"\W*(?:for\s+example|for\s+instance|e\.g\.|say)\b", re.IGNORECASE)
# A per-day share: "28 g a day", "35 g per day", "28 g daily", "28 g each day"
_PER_DAY_AFTER = rx.compile(r"\s*(?:a|per|each|every)\s+day\b|\s*daily\b", re.IGNORECASE)
# "4 courses, 560 g in total", "three doses totalling 120 g": a total of several
_COUNTS = rx.compile(
    # (not an amount: "58 g per dose")
    r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?!\s*(?:g|mg|ml|kg|grams?|milligrams?|%)\b)\s+"
    r"(?:\w+\s+){0,2}?(?:courses?|doses?|infusions?|cycles?|treatments?)\b",
    re.IGNORECASE,
)
# "limited to 70 g", "capped at 70 g", "no more than 70 g": a cap, not the sum
_CAP_BEFORE = rx.compile(
    r"(?:(?:limited|capped|restricted|cut|reduced)\s+(?:to|at)|cap\s+of|maximum\s+of|max\.?"
    r"|at\s+most|no\s+more\s+than|up\s+to|not\s+(?:to\s+)?exceed)\s*$",
    re.IGNORECASE,
)
_CAP_AFTER = rx.compile(r"\s*(?:cap|ceiling|limit|maximum|max)\b", re.IGNORECASE)
_CAP_AMOUNT = rx.compile(
    r"\b(?:cap(?:ped)?|max(?:imum)?|limit(?:ed)?|ceiling)\b\.?\s+(?:is\s+|of\s+|at\s+|to\s+)?"
    r"(\d{1,3}|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s*(?:g|grams?)\b",
    re.IGNORECASE,
)
_DAYS = rx.compile(
    r"\b(\d{1,2}|two|three|four|five|six|seven)\s+(?:consecutive\s+)?days?\b", re.IGNORECASE
)


def _prepare(params: dict[str, Any]) -> Any:
    tolerance = params.get("tolerance", 0.05)
    if not isinstance(tolerance, int | float) or not 0 <= tolerance < 1:
        raise MedlintError("tolerance must be a number from 0 to 1", "tolerance")
    return {"tolerance": float(tolerance)}


@functools.lru_cache(maxsize=PARAGRAPH_MEMO)
def _weights(text: str) -> tuple[tuple[float, int], ...]:
    """(kilograms, start) of each weight in ``text``, in order (kept by text: an archive
    repeats its dosing sentences)."""
    return tuple((float(m.group(1)), m.start()) for m in _WEIGHT.finditer(text))


@functools.lru_cache(maxsize=PARAGRAPH_MEMO)
def _person_weights(text: str) -> frozenset[float]:
    """The weights in ``text`` that are one person's ("Her weight ... was 78 kg", "She
    weighs 32 kg"), not a threshold ("children over 35 kg")."""
    return frozenset(
        float(m.group(1))
        for m in _WEIGHT.finditer(text)
        if _PERSON_WEIGHT_BEFORE.search(text, max(0, m.start() - 60), m.start())
    )


def _course_dose(sent: Sentence) -> float | None:
    """The one dose per kilogram (a course, not per day) a sentence states, in g/kg."""
    doses = {
        (q.low, q.high)
        for m in sent.mentions
        if (q := m.quantity) is not None and q.kind == "dose" and q.unit == "g/kg"
    }
    if len(doses) != 1:
        return None
    low, high = next(iter(doses))
    return low if low == high else None


_SHOWN_PRODUCT = rx.compile(r"(\d{1,5}(?:\.\d+)?)\s*[×x*]\s*(\d{1,5}(?:\.\d+)?)\s*=\s*$")


def _shown_product(text: str, at: int) -> bool:
    """Whether the total at ``at`` follows "a × b =" with a × b equal to it."""
    m = _SHOWN_PRODUCT.search(text, max(0, at - 30), at)
    if m is None:
        return False
    total = _TOTAL.match(text, at)
    return total is not None and _close(
        float(m.group(1)) * float(m.group(2)), float(total.group(1)), 0.001
    )


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _fits(total: re.Match[str], allowed: list[float], tolerance: float) -> bool:
    return any(_close(float(total.group(1)), a, tolerance) for a in allowed)


def _run(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    tolerance: float = rule.compiled["tolerance"]
    for analysis in analyses:
        previous: Sentence | None = None
        sentences = analysis.sentences
        for k, sent in enumerate(sentences):
            before, previous = previous, sent
            text = sent.text
            if "kg" not in text and "kilo" not in text:
                continue  # (a dose per kg is needed here, a weight here or just before)
            same_unit = before is not None and (
                before.unit is sent.unit
                # "Your dose is 2 grams for every kilogram you weigh." / "For example, if you
                # weigh 80 kilos, your course would be 180 grams": an example of the dose just
                # given, in the next paragraph (a video's next caption)
                or _EXAMPLE_LEAD.match(text) is not None
            )
            found = _weights(text)
            weights = {w for w, _ in found}
            weight_at = found[0][1] if found else 0
            if not weights and same_unit and before is not None and _course_dose(sent):
                # "Her weight was 78 kg. At 2 g/kg her course is 136 g.": the weight just before
                weights = set(_person_weights(before.text))
            if len(weights) != 1:
                continue
            dose = _course_dose(sent)
            if dose is None and same_unit and before is not None:
                dose = _course_dose(before)  # "The dose is 2 g/kg. A 70 kg adult gets ..."
            if dose is None:
                continue
            weight = next(iter(weights))
            # Totals outside any quantity the grammar read (a "maximum 70 g" is a cap)
            spans = [(m.start - sent.start, m.end - sent.start) for m in sent.mentions]
            totals = [
                t
                for t in _TOTAL.finditer(text)
                if t.start() > weight_at  # the sum follows the weight it is for
                and not any(s <= t.start(1) < e for s, e in spans)
                and not _PER_DAY_AFTER.match(text, t.end())
                and not _CAP_BEFORE.search(text, max(0, t.start() - 30), t.start())
                and not _CAP_AFTER.match(text, t.end())  # "below the 70 g cap"
            ]
            # "the cap is seventy grams, so I get 70 g": the capped amount is no sum
            caps = {
                count_of(c.group(1))
                for source in (text, before.text if before is not None else "")
                for c in _CAP_AMOUNT.finditer(source)
            }
            totals = [t for t in totals if float(t.group(1)) not in caps]
            # "140 × 4 = 560 g": a product worked out in the sentence and right is the
            # writer's own arithmetic of something else (courses, weeks), not a slip
            totals = [t for t in totals if not _shown_product(text, t.start())]
            following = sentences[k + 1] if k + 1 < len(sentences) else None
            if (
                totals
                and following is not None
                and following.unit is sent.unit
                and _CORRECTION_LEAD.match(following.text)
            ):
                # 'v1.0 read "a 70 kg adult receives 2 g/kg, that is 14 g". The correct total
                # is 140 g.': a quoted slip, corrected in the next sentence
                quoted = [q.span() for q in QUOTED_PHRASE.finditer(text)]
                totals = [t for t in totals if not any(s <= t.start() < e for s, e in quoted)]
            if not totals:
                continue
            expected = weight * dose
            days = [count_of(d.group(1)) for d in _DAYS.finditer(text)]
            count_matches = list(_COUNTS.finditer(text))
            counts = [count_of(c.group(1)) for c in count_matches]
            # "given as four equal daily doses of 36 g": each of them, the total divided
            shares = [
                count_of(c.group(1))
                for c in count_matches
                if text[c.end() : c.end() + 4].lstrip().lower().startswith("of")
            ]
            allowed = [
                expected,
                *(expected / n for n in days if n > 0),
                *(expected * n for n in counts if n > 0),
                *(expected / n for n in shares if n > 0),
            ]

            # "170 g per course, so four courses ... 600 g": the total after a count of courses
            # answers to that count, whatever the totals before it got right
            after_count = [
                t for t in totals if count_matches and t.start() > count_matches[0].start()
            ]
            wrong_after = next((t for t in after_count if not _fits(t, allowed, tolerance)), None)
            if wrong_after is None and any(_fits(t, allowed, tolerance) for t in totals):
                continue
            wrong = wrong_after or totals[0]
            times = ""
            if wrong_after is not None and counts and counts[0] > 0:
                if shares and shares[0] == counts[0]:
                    times = f" / {counts[0]}"  # "46 g is not 72 kg x 2 g/kg / 4 (= 36 g)"
                    expected /= counts[0]
                else:
                    times = f" x {counts[0]}"  # "600 g is not 85 kg x 2 g/kg x 4 (= 680 g)"
                    expected *= counts[0]
            start, end = sent.unit.source_span(sent.start + wrong.start(), sent.start + wrong.end())
            yield finding(
                rule,
                analysis.document,
                start,
                end,
                rule.render(
                    found=wrong.group(0),
                    weight=f"{weight:g} kg",
                    dose=f"{dose:g} g/kg{times}",
                    expected=f"{expected:g} g",
                ),
                found=wrong.group(0),
                expected=f"{expected:g} g",
            )


KIND = CheckKind(
    name="dose-arithmetic",
    scope="document",
    prepare=_prepare,
    run=_run,
    summary="A total in grams that is not the body weight times the dose per kilogram.",
)
