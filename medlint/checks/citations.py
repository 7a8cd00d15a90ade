"""Citation checks: ``citation-needed`` and ``references-section``.

``citation-needed`` looks for sentences that lean on outside evidence ("Studies
have shown", "published in the New England Journal of Medicine", "The
American College of Rheumatology recommends", "According to ...") and have
no reference marker (``[1]``, ``[^1]``, ``<sup>``, a link, an author-year
citation). The cue lists live in the rule's parameters, so an editorial team
can extend them without code.

``references-section`` reports an empty references section (a heading such
as "Citations" with nothing that looks like a reference under it) or, when
the article makes claims worth sourcing, a missing one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from medlint.checks import CheckKind
from medlint.checks.base import finding
from medlint.claims import Analysis, Sentence
from medlint.errors import MedlintError
from medlint.facts import Facts
from medlint.model import Finding
from medlint.rules import Rule

MARKERS = re.compile(
    r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]|\[\^[^\]\s]+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|https?://\S+|\bdoi:\s*10\.\S+"
    r"|\(\s*[A-Z][\w'’-]+(?:\s+(?:et\s+al\.?|and|&)\s*(?:[A-Z][\w'’-]+)?)?,?\s+(?:19|20)\d{2}[a-z]?\s*\)",
)


# Markdown footnote definitions ("[^1]: Smith J. ...") are the article's references.
FOOTNOTE_DEFINITION = re.compile(r"(?m)^ {0,3}\[\^[^\]\s]+\]:\s*\S")


def _alternation(items: list[str], what: str) -> str:
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise MedlintError(f"{what} must be a list of non-empty strings", what)
    return "|".join(
        re.escape(i).replace(r"\ ", r"\s+") for i in sorted(items, key=len, reverse=True)
    )


def _compile(pattern: str, what: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise MedlintError(f"{what}: regex does not compile: {exc}", what) from None


def _prepare(params: dict[str, Any]) -> Any:
    studies = params.get("study_cues", [])
    if not isinstance(studies, list) or not all(isinstance(s, str) for s in studies):
        raise MedlintError("study_cues must be a list of regexes", "study_cues")
    study = [_compile(s, "study_cues") for s in studies]
    names = params.get("journals", [])
    journals = _alternation(names, "journals")
    # A one-word journal name ("Neurology", "Rheumatology") is also the name of a field:
    # it counts only after "published in"; longer names and acronyms count anywhere.
    distinctive = _alternation(
        [j for j in names if " " in j.strip() or j.isupper()] or ["\0never"], "journals"
    )
    authorities = _alternation(params.get("authorities", []), "authorities")
    verbs = _alternation(params.get("authority_verbs", []), "authority_verbs")
    suffixes = _alternation(params.get("organisation_suffixes", []), "organisation_suffixes")
    word = r"[A-Z][\w&'’.-]*\s+(?:of\s+|and\s+|&\s+|for\s+|,\s+)*"
    org = rf"(?:the\s+)?(?:{authorities}|(?:{word}){{1,7}}(?:{suffixes}))"
    cues: list[re.Pattern[str]] = [*study]
    if journals:
        cues.append(
            re.compile(
                rf"\b(?i:published\s+in|reported\s+in|appeared\s+in|according\s+to)\s+"
                rf"(?:(?i:the)\s+)?(?:(?i:journal)\s+)?(?:{journals})\b"
                rf"|\b(?:{distinctive})\b",
            )
        )
    cues.append(
        re.compile(
            rf"\b(?i:according)\s+to\s+(?:[\w\s,]{{0,40}}?\s)?(?:{org}|[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)",
            0,
        )
    )
    cues.append(re.compile(rf"\b{org}\s+(?:\([A-Z]+\)\s+)?(?:{verbs})\b"))
    cues.append(
        re.compile(
            rf"\b(?:{authorities})(?:'s|’s)?\s+(?:guidelines?|recommendations?|position|consensus)\b"
        )
    )
    # One alternation of every cue decides, once per unit, whether any sentence needs a look.
    any_cue = re.compile(
        "|".join(
            f"(?i:{c.pattern})" if c.flags & re.IGNORECASE else f"(?:{c.pattern})" for c in cues
        )
    )
    return {"cues": cues, "any": any_cue, "keywords": _keywords(params)}


_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")
_CASED_WORDS = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Keywords:
    """Words at least one of which every cue contains: set look-ups before any regex runs."""

    lower: frozenset[str]
    exact: frozenset[str]  # acronyms and capitalised suffixes, case-sensitive as the cues are
    phrases: tuple[str, ...]  # journal and authority names, lower-cased

    def may_cite(self, text: str) -> bool:
        low = text.lower()
        if not self.lower.isdisjoint(_WORDS.findall(low)):
            return True
        if not self.exact.isdisjoint(_CASED_WORDS.findall(text)):
            return True
        return any(p in low for p in self.phrases)


def _keywords(params: dict[str, Any]) -> Keywords | None:
    """The prefilter for this rule's cues, or None when it cannot be derived.

    Study cues are regexes, so their words cannot be derived: the rule lists them in
    ``study_keywords``. Without that list there is no prefilter (every unit is searched).
    Every other cue needs "according"/"published in"/..., a capitalised organisation suffix
    word (Association, College, ...), or a listed journal or authority name or acronym.
    """
    listed = params.get("study_keywords")
    if listed is None:
        return None
    if not isinstance(listed, list) or not all(isinstance(w, str) and w for w in listed):
        raise MedlintError("study_keywords must be a list of words", "study_keywords")
    lower = {w.lower() for w in listed}
    lower |= {"according", "published", "reported", "appeared"}
    exact: set[str] = {str(s).strip() for s in params.get("organisation_suffixes", [])}
    phrases: set[str] = set()
    for key in ("journals", "authorities"):
        for name in params.get(key, []):
            text = " ".join(str(name).split())
            if text.isupper() and " " not in text:
                exact.add(text)
            else:
                phrases.add(text.lower())
    return Keywords(frozenset(lower), frozenset(exact), tuple(sorted(phrases)))


def has_marker(sentence: Sentence) -> bool:
    """A reference marker inside the sentence, or straight after its full stop."""
    unit = sentence.unit
    for start, end in unit.markers:
        if start < sentence.end + 2 and end > sentence.start:
            return True
    tail = unit.text[sentence.end : sentence.end + 16]
    return bool(MARKERS.search(sentence.text) or MARKERS.match(tail.lstrip()))


def _run_citation(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    cues: list[re.Pattern[str]] = rule.compiled["cues"]
    any_cue: re.Pattern[str] = rule.compiled["any"]
    keywords: Keywords | None = rule.compiled["keywords"]
    for analysis in analyses:
        for sentence in analysis.sentences:
            if sentence.unit.kind in ("heading", "table_header"):
                continue
            # A set look-up, then one alternation of every cue, before each cue on its own.
            if keywords is not None and not keywords.may_cite(sentence.text):
                continue
            if not any_cue.search(sentence.text):
                continue
            hits = [m for cue in cues for m in cue.finditer(sentence.text)]
            if not hits or has_marker(sentence):
                continue
            hit = min(hits, key=lambda m: (m.start(), -m.end()))
            start, end = sentence.unit.source_span(
                sentence.start + hit.start(), sentence.start + hit.end()
            )
            cue = " ".join(hit.group(0).split())
            yield finding(rule, analysis.document, start, end, rule.render(cue=cue))


def _prepare_refs(params: dict[str, Any]) -> Any:
    mode = params.get("mode")
    if mode not in ("empty", "missing"):
        raise MedlintError("mode must be 'empty' or 'missing'", "mode")
    return {"mode": mode}


def _run_refs(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    mode = rule.compiled["mode"]
    for analysis in analyses:
        doc = analysis.document
        refs = doc.references
        if mode == "empty" and refs is not None and not refs.entries:
            yield finding(rule, doc, refs.start, refs.end, rule.render(heading=refs.heading))
        elif (
            mode == "missing"
            and refs is None
            and analysis.claims
            and doc.units
            and not FOOTNOTE_DEFINITION.search(doc.source)
        ):
            first = doc.units[0]
            start, end = first.source_span(0, len(first.text))
            yield finding(rule, doc, start, end, rule.render(claims=len(analysis.claims)))


CITATION_KIND = CheckKind(
    name="citation-needed",
    scope="document",
    prepare=_prepare,
    run=_run_citation,
    summary="Sentences that invoke studies, journals or authorities without a reference marker.",
)
REFERENCES_KIND = CheckKind(
    name="references-section",
    scope="document",
    prepare=_prepare_refs,
    run=_run_refs,
    summary="An empty references section, or none in an article that makes claims.",
)
