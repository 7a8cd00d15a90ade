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
from bisect import bisect_left
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
from medlint.trie import lower_same_length, trie_pattern

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


@dataclass(frozen=True, slots=True)
class Keywords:
    """Words at least one of which every cue contains, found by two compiled trie regexes.

    They run once per unit, so a unit without a keyword costs two scans in C and its
    sentences are never searched; a sentence is searched only if a keyword lies in it.
    ``words`` must be whole hyphen-joined words of the lower-cased text ("studies",
    not "case-studies"): the trie finds candidates (it starts with a literal, which
    ``re`` scans for quickly) and the boundaries are checked on the few hits. Phrases
    (journal and authority names) count anywhere; ``exact`` words (acronyms,
    capitalised suffixes) are matched case-sensitively on the text as written.
    """

    lowered: re.Pattern[str]  # words and phrases, run on the lower-cased text
    words: frozenset[str]
    exact: re.Pattern[str] | None

    def hits(self, text: str) -> list[int]:
        """Start offsets of keywords in ``text`` (sorted); empty when no cue can match."""
        low = lower_same_length(text)
        out = []
        for m in self.lowered.finditer(low):
            s, e = m.span()
            if m.group(0) not in self.words or _whole_word(low, s, e):
                out.append(s)
        if self.exact is not None:
            out.extend(
                m.start()
                for m in self.exact.finditer(text)
                if not (m.start() and _is_letter(text[m.start() - 1].lower()))
            )
            out.sort()
        return out


def _is_letter(c: str) -> bool:
    return "a" <= c <= "z"


def _whole_word(low: str, s: int, e: int) -> bool:
    """Whether ``low[s:e]`` is a whole word as ``[a-z]+(?:-[a-z]+)*`` tokenises the text."""
    if s and (_is_letter(low[s - 1]) or (low[s - 1] == "-" and s >= 2 and _is_letter(low[s - 2]))):
        return False
    return not (
        e < len(low)
        and (_is_letter(low[e]) or (low[e] == "-" and e + 1 < len(low) and _is_letter(low[e + 1])))
    )


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
    exact_re = re.compile(rf"(?:{trie_pattern(exact)})(?![A-Za-z])") if exact else None
    return Keywords(re.compile(trie_pattern(lower | phrases)), frozenset(lower), exact_re)


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
        unit_hits: dict[int, list[int]] = {}
        for sentence in analysis.sentences:
            if sentence.unit.kind in ("heading", "table_header"):
                continue
            # Keyword offsets per unit (one scan), then one alternation of every cue, then
            # each cue on its own.
            if keywords is not None:
                hits_at = unit_hits.get(id(sentence.unit))
                if hits_at is None:
                    hits_at = unit_hits[id(sentence.unit)] = keywords.hits(sentence.unit.text)
                k = bisect_left(hits_at, sentence.start)
                if k == len(hits_at) or hits_at[k] >= sentence.end:
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
