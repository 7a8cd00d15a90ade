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

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from medlint import rx
from medlint.checks import CheckKind
from medlint.checks.base import finding
from medlint.claims import QUESTION_END, Analysis, Sentence
from medlint.documents.sections import looks_like_placeholder
from medlint.errors import MedlintError
from medlint.facts import Facts
from medlint.memo import bounded
from medlint.model import Finding
from medlint.quantities import PARAGRAPH_MEMO
from medlint.rules import Rule
from medlint.trie import Literals, lower_same_length, trie_pattern

MARKERS = rx.compile(
    r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]|\[\^[^\]\s]+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|https?://\S+|\bdoi:\s*10\.\S+"
    # a source code: [L10], [R1], [S2, S3] (a pharmacy export's or a tender's reference list)
    r"|\[\s*[A-Z]{1,2}\d{1,3}(?:\s*[,–-]\s*[A-Z]{0,2}\d{1,3})*\s*\]"
    # author-year, one or several: (Smith 2020), (Smith et al. 2020; Jones 2021),
    # (Aggarwal R, et al. N Engl J Med. 2022)
    # and with the volume and pages after the year: (Aggarwal et al., N Engl J Med, 2022; 387:
    # 1264), (N Engl J Med 2022;387:1264-78)
    r"|\(\s*(?:(?:see(?:\s+also)?|e\.g\.,?|for\s+example,?|cf\.?)\s+)?[A-Z][^()]{0,150}?\b"
    r"(?:19|20)\d{2}[a-z]?(?:\s*[;:,][^()]{0,40})?\s*\)"
    # in brackets: [Aggarwal 2022]
    r"|\[\s*[A-Z][^\[\]]{0,80}?\b(?:19|20)\d{2}[a-z]?\s*\]"
    # narrative: Aggarwal et al. (2022), Aggarwal and colleagues (2022), Smith and Jones (2020)
    r"|\b[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+and\s+colleagues|\s+(?:and|&)\s+[A-Z][\w'’-]+)\s*"
    r"\(\s*(?:19|20)\d{2}[a-z]?\s*\)"
    # [ref 1], [Ref. 2], [refs 1-3]
    r"|\[\s*(?i:refs?\.?|references?)\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]"
    # PubMed ids: (PMID: 36198146), PMC9546018
    r"|\bPMID:?\s*\d{5,9}|\bPMCID:?\s*PMC\d{5,9}|\bPMC\d{5,9}"
    # (ref. 3), (refs 1, 2), (see reference 3), (references 1 and 2); (note 1), (notes 4 and 5):
    # a written answer's numbered notes
    r"|\(\s*(?:see\s+)?(?:refs?\.?|references?|notes?|source|sources)\s*\d+"
    r"(?:\s*(?:[,–-]|and|&)\s*\d+)*\s*\)"
    # a document named before the number: (minutes, reference 6), (memo; ref. 2)
    r"|\(\s*[\w'’ -]{1,30}[,;:]\s*(?:see\s+)?(?:refs?\.?|references?)\s*\d+"
    r"(?:\s*(?:[,–-]|and|&)\s*\d+)*\s*\)"
    # a pointer to the list: (link in the last tweet), (sources below), (see links below)
    r"|\(\s*(?:see\s+)?(?:the\s+)?(?:links?|sources?|refs?\.?|references?)\s+(?:below|above|at\s+the\s+end"
    r"|in\s+the\s+(?:last|final|next|first|pinned)\s+(?:tweet|post|message|comment|section))\s*\)"
    # Vancouver in parentheses, at the end of the sentence only: (1), (2, 3), (4-6)
    r"|\(\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\)(?=[\"'”’]?\s*[.!?]?\s*$)",
)


# The reader's own care and records are no outside evidence: "Your doctors recommend ...",
# "My own experience has shown", "The lab report shows your IgG level".
# ("His team follows CARRA consensus plan A": one patient's care, as "your doctors recommend")
PERSONAL = rx.compile(r"\b(?:your|my|our|you|his|her)\b", re.IGNORECASE)
# A sources line that carries the markers for the sentence before it: "The 1995-2019 study
# reported its rate per 100,000. Sources: Mendez et al. 2003 [1]; Kronzer et al. 2023 [3]."
SOURCES_LEAD = rx.compile(r"\W*(?:sources?|references?|data|based\s+on)\s*:", re.IGNORECASE)
# "my doctor said (that) studies show": research invoked through someone's words
REPORTED_RESEARCH = rx.compile(
    r"\b(?:said|says|told\s+(?:me|us|her|him)|explained|mentioned)\s+(?:that\s+)?$", re.IGNORECASE
)
# A field of tags, not a sentence: "Conditions: JDM | Keywords: IVIG; CARRA consensus plan"
KEYWORD_FIELD_BEFORE = rx.compile(
    r"(?:^|[|\n]\s*)(?:key\s?words?|tags?|subjects?|mesh\s+terms?|topics?)\s*:[^|\n.]*$",
    re.IGNORECASE,
)
# What a product's own label is called after "according to the ...": no outside evidence
_LABEL_NAMES = r"(?:PI|USPI|SmPC|SPC|PIL)"
_LABEL_WORDS = (
    r"leaflets?|labels?|labell?ing|prescribing\s+information|package\s+inserts?|inserts?"
    r"|data\s*sheets?|monographs?|information"
)
# A cue ending on "report" used as a noun ("the strategic report", "Reviewer report")
NOUN_REPORT_END = rx.compile(
    r"\b(?:the|a|an|this|our|its|their|annual|strategic|final|full|reviewer|trustees['’]?|progress"
    r"|case|audit|incident|technical|lay|impact)\s+reports?$",
    re.IGNORECASE,
)
# A section that lists where the authors looked ("SEARCH STRATEGY": "CARRA consensus plans;
# Ontario IVIG guideline; Medline 2015-2025"): sources named, nothing claimed from them
SEARCH_SECTION = rx.compile(
    r"\b(?:search\s+strateg(?:y|ies)|literature\s+search(?:es)?|(?:sources?|databases?|resources?)"
    r"\s+(?:searched|consulted|checked|used)|what\s+we\s+searched)\b",
    re.IGNORECASE,
)
DENIED_BEFORE = rx.compile(
    r"\b(?:no|none|nothing|neither)\b(?:\s+[\w-]+){0,2}\s+\S?$", re.IGNORECASE
)
# "No immunoglobulin product has been tested in controlled trials", "has never been studied in":
# the evidence is said not to exist.
UNTESTED_BEFORE = rx.compile(
    r"\b(?:not|never|no)\b(?:\s+[\w-]+){0,5}?\s+(?:been\s+)?(?:properly\s+|formally\s+)?"
    r"(?:tested|studied|evaluated|examined|assessed|investigated|looked\s+at)\s+$",
    re.IGNORECASE,
)
# A bibliographic entry: "J Rheumatol. 2017;44(1):110-116", a DOI or PMID, or a Vancouver
# author list ("Huber AM, et al."). Such a line is the citation, not a claim needing one.
BIBLIOGRAPHIC = rx.compile(r"\b(?:19|20)\d{2}\s*;\s*\d+|\bdoi\s*:|\b10\.\d{4,9}/|\bPMID\b")
VANCOUVER_AUTHOR = rx.compile(
    r"\s*(?:\[\d+\]\s*|\d+[.)]\s*)?[A-Z][\w'’-]+\s+[A-Z]{1,3}(?:,|\s+et\s+al\b)"
)


def is_bibliographic(text: str) -> bool:
    """Whether a unit reads as a reference entry; the cheap tests first (it runs on hits)."""
    if VANCOUVER_AUTHOR.match(text):
        return True
    if ";" not in text and "10." not in text and "doi" not in text and "PMID" not in text:
        return False
    return BIBLIOGRAPHIC.search(text) is not None


# Markdown footnote definitions ("[^1]: Smith J. ...") are the article's references; a
# placeholder ("[^3]: Reference to follow.") is not one.
FOOTNOTE_DEFINITION = rx.compile(r"(?m)^ {0,3}\[\^[^\]\s]+\]:[ \t]*(\S[^\n]*)")


def has_footnote_references(source: str) -> bool:
    """Whether the source defines a footnote that is a reference, not a placeholder."""
    if "[^" not in source:
        return False
    return any(not looks_like_placeholder(m.group(1)) for m in FOOTNOTE_DEFINITION.finditer(source))


def _alternation(items: list[str], what: str) -> str:
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise MedlintError(f"{what} must be a list of non-empty strings", what)
    return "|".join(
        re.escape(i).replace(r"\ ", r"\s+") for i in sorted(items, key=len, reverse=True)
    )


def _compile(pattern: str, what: str) -> re.Pattern[str]:
    try:
        return rx.compile(pattern, re.IGNORECASE)
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
    # "British Society for Rheumatology", "National Organization for Rare Disorders"
    # ... and "Royal College of Paediatrics and Child Health"
    of_what = (
        r"(?:\s+(?:of|for|on|in)\s+(?:the\s+)?[A-Z][\w'’-]*"
        r"(?:\s+(?:(?:and|&)\s+)?[A-Z][\w'’-]*){0,3})?"
    )
    # "the Institute for Safe Medication Practices": the suffix word first, then what of
    capitalised = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    named_after = rf"(?:{suffixes})\s+(?:of|for|on|in)\s+(?:the\s+)?{capitalised}"
    org = rf"(?:the\s+)?(?:{authorities}|(?:{word}){{1,7}}(?:{suffixes}){of_what}|{named_after})"
    # Cues by family; a keyword of a family (see _keywords) must lie in the sentence for its
    # cues to run at all.
    # Each study cue is its own family, run only when a keyword its pattern spells out lies in
    # the sentence (see _study_families): a sentence with "studies" tries the cues about
    # studies, not the one about "et al." or "guidelines".
    families: dict[str, list[re.Pattern[str]]] = {f"study{i}": [cue] for i, cue in enumerate(study)}
    if journals:
        families["journal"] = [
            rx.compile(
                rf"\b(?i:published\s+in|reported\s+in|appeared\s+in|according\s+to)\s+"
                rf"(?:(?i:the)\s+)?(?:(?i:journal)\s+)?(?:{journals})\b"
                rf"|\b(?:{distinctive})\b",
            )
        ]
    families["according"] = [
        rx.compile(
            # The lead-in stops at a comma: "According to the product label, Privigen is ..."
            # names no authority (Privigen starts the main clause).
            # A product's own label is no outside evidence: "according to the UK leaflet",
            # "according to the Privigen PI".
            rf"\b(?i:according)\s+to\s+(?:[\w\s]{{0,40}}?\s)?(?:{org}"
            rf"|(?!(?:[\w.%-]+\s+){{0,4}}?(?:{_LABEL_NAMES}|(?i:{_LABEL_WORDS}))\b)"
            rf"[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)",
            0,
        )
    ]
    families["organisation"] = [
        # "EULAR now lists IVIG", "The ACR (American College of Rheumatology) also recommends"
        rx.compile(
            rf"\b{org}\s+(?:\([A-Z]+\)\s+)?(?:(?:now|also|currently|still|strongly|generally)"
            # "The FDA has stated that ...", "EULAR has long recommended"
            rf"\s+)?(?:(?i:has|have)\s+(?:(?:long|since|now|also|repeatedly)\s+)?)?(?:{verbs})\b"
        ),
        # "The Myositis Association's medical advisory board suggests ..."
        rx.compile(rf"\b{org}(?:'s|’s)\s+(?:[\w-]+\s+){{1,3}}?(?:{verbs})\b"),
        # "Per the Infusion Nurses Society, ...", "as recommended by the FDA"
        rx.compile(rf"\b(?i:per|as\s+per|as\s+(?:recommended|advised|required)\s+by)\s+{org}"),
    ]
    families["authority"] = [
        rx.compile(
            rf"\b(?:{authorities})(?:'s|’s)?\s+(?:(?:[A-Z][\w-]*|(?i:national|clinical))\s+){{0,2}}"
            rf"(?i:guidelines?|guidance|recommendations?|position|consensus)\b"
        )
    ]
    cues = [cue for family in families.values() for cue in family]
    return {"cues": cues, "families": families, "keywords": _keywords(params)}


@dataclass(frozen=True, slots=True)
class Keywords:
    """Words at least one of which every cue contains, found by one Aho-Corasick scan and a regex.

    They run once per unit, so a unit without a keyword costs two scans in C and its
    sentences are never searched; a sentence is searched only with the cue families whose
    keywords lie in it. ``words`` must be whole hyphen-joined words of the lower-cased text
    ("studies", not "case-studies"): the automaton finds candidates and the boundaries are
    checked on the few hits.
    Phrases (journal and authority names) count anywhere; ``exact`` words (acronyms,
    capitalised suffixes) are matched case-sensitively on the text as written.
    """

    # words and phrases, found in the lower-cased text; a phrase also across a line break or a
    # double space ("Mayo\nClinic"), as the cues themselves match it
    lowered: Literals
    words: frozenset[str]
    exact: re.Pattern[str] | None
    families: dict[str, frozenset[str]]  # keyword (lower-cased, or exact) -> cue families
    # hits by paragraph text: a paragraph an archive repeats is scanned once (bounded)
    seen: dict[str, list[tuple[int, frozenset[str]]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    # the first cue match of each sentence text, by the cue families searched (bounded)
    first: dict[tuple[str, frozenset[str]], tuple[int, int, str] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def first_cue(
        self, text: str, wanted: frozenset[str], families: dict[str, list[re.Pattern[str]]]
    ) -> tuple[int, int, str] | None:
        """(start, end, text) of the earliest (and, at one start, longest) match in ``text`` of
        the cues of the ``wanted`` families; None when none matches.

        A pure function of the sentence's text: a sentence an archive repeats (a boilerplate
        line, a product blurb) is searched once.
        """
        key = (text, wanted)
        # (not memo.bounded: None, "no cue", is an answer to keep, not a miss)
        if key in self.first:
            return self.first[key]
        if len(self.first) >= PARAGRAPH_MEMO:
            self.first.clear()
        run = [cue for name, group in families.items() if name in wanted for cue in group]
        found = self.first[key] = _first_match(text, run)
        return found

    def hits(self, text: str) -> list[tuple[int, frozenset[str]]]:
        """(offset, cue families) of each keyword in ``text``, sorted; empty: no cue matches.

        The list is shared between calls with the same text: read it, never change it.
        """
        return bounded(self.seen, text, lambda: self._hits(text), PARAGRAPH_MEMO)

    def _hits(self, text: str) -> list[tuple[int, frozenset[str]]]:
        low = lower_same_length(text)
        out = []
        for s, e in self.lowered.finditer(low):
            word = low[s:e]
            if word not in self.families:  # a phrase over a line break
                word = " ".join(word.split())
            if word not in self.words or _whole_word(low, s, e):
                out.append((s, self.families[word]))
        if self.exact is not None:
            out.extend(
                (m.start(), self.families[m.group(0)])
                for m in self.exact.finditer(text)
                if not (m.start() and _is_letter(text[m.start() - 1].lower()))
            )
            out.sort(key=lambda hit: hit[0])
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
    families: dict[str, set[str]] = {}

    def tag(keyword: str, *names: str) -> None:
        families.setdefault(keyword, set()).update(names)

    cues = [str(c) for c in params.get("study_cues", [])]
    for word in listed:
        tag(word.lower(), *_study_families(word.lower(), cues, listed))
    tag("according", "according", "journal")  # "according to the Lancet"
    for word in ("published", "reported", "appeared"):
        tag(word, "journal")
    for suffix in params.get("organisation_suffixes", []):
        tag(str(suffix).strip(), "organisation")  # exact: "College", "Association"
    for key, names in (("journals", ("journal",)), ("authorities", ("organisation", "authority"))):
        for name in params.get(key, []):
            text = " ".join(str(name).split())
            tag(text if text.isupper() and " " not in text else text.lower(), *names)
    words = {w.lower() for w in listed} | {"according", "published", "reported", "appeared"}
    exact = {k for k in families if any(c.isupper() for c in k)}
    lowered = set(families) - exact
    exact_re = rx.compile(rf"(?:{trie_pattern(exact)})(?![A-Za-z])") if exact else None
    return Keywords(
        Literals(lowered, spaces=True),
        frozenset(words),
        exact_re,
        {k: frozenset(v) for k, v in families.items()},
    )


def _study_families(word: str, cues: list[str], keywords: list[str]) -> list[str]:
    """The study cues a keyword can start: those whose pattern spells the word out.

    A cue that spells out none of the keywords (a pattern of the user's own) runs for every
    keyword, so the prefilter never hides it.
    """

    def spells(pattern: str, w: str) -> bool:
        """At a word start, or a stem of it: "trial" in "trials?", "researchers" in
        "research(?:ers)?", "studies" in "stud(?:y|ies)"."""
        return any(
            re.search(rf"(?<![a-z]){re.escape(w[:n])}", pattern) is not None
            for n in range(len(w), min(len(w), 4) - 1, -1)
        )

    out = []
    for i, cue in enumerate(cues):
        low = re.sub(r"\\[a-z]", " ", cue.lower())  # "\bresearch": the escape is no letter
        if spells(low, word) or not any(spells(low, k.lower()) for k in keywords):
            out.append(f"study{i}")
    return out


# A sentence that goes on with the study the sentence before described
CONTINUES_STUDY = rx.compile(
    r"[\s*_\"“]*(?:after|at|by|over|within|in\s+(?:that|this|the)\s+(?:trial|study)|(?:the|this|that)"
    r"\s+(?:trial|study|analysis|cohort)|it|they|their|its)\b",
    re.IGNORECASE,
)


def _first_match(text: str, cues: list[re.Pattern[str]]) -> tuple[int, int, str] | None:
    """(start, end, text) of the earliest (and, at one start, longest) match of ``cues``."""
    hits = [m for cue in cues if (m := cue.search(text)) is not None]
    if not hits:
        return None
    hit = min(hits, key=lambda m: (m.start(), -m.end()))
    return hit.start(), hit.end(), hit.group(0)


def has_marker(sentence: Sentence) -> bool:
    """A reference marker inside the sentence, or straight after its full stop."""
    unit = sentence.unit
    for start, end in unit.markers:
        if start < sentence.end + 2 and end > sentence.start:
            return True
    tail = unit.text[sentence.end : sentence.end + 16]
    return _marked(sentence.text) or bool(MARKERS.match(tail.lstrip()))


@functools.lru_cache(maxsize=PARAGRAPH_MEMO)
def _marked(text: str) -> bool:
    """Whether ``text`` holds a reference marker (kept by text: a slow pattern, repeated
    sentences)."""
    return MARKERS.search(text) is not None


# Each unit's hits by rule and everything the rule reads of the unit (an archive repeats its
# paragraphs): the rule is kept beside the answer, so a recycled id never answers for another.
_HITS: dict[tuple[Any, ...], tuple[Rule, tuple[tuple[int, int, str], ...]]] = {}


def _run_citation(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    for analysis in analyses:
        sentences = analysis.sentences
        doc = analysis.document
        n = len(sentences)
        i = 0
        while i < n:
            # A unit's sentences are consecutive (each extractor adds its own, in order).
            unit = sentences[i].unit
            j = i + 1
            while j < n and sentences[j].unit is unit:
                j += 1
            if unit.kind not in ("heading", "table_header"):
                for start, end, message in _unit_hits(rule, sentences[i:j]):
                    s, e = unit.source_span(start, end)
                    yield finding(rule, doc, s, e, message)
            i = j


def _unit_hits(rule: Rule, sentences: list[Sentence]) -> tuple[tuple[int, int, str], ...]:
    """(unit-text start, end, message) of each uncited cue in one unit's ``sentences``.

    Reads the rule's message, the unit's text, kind, markers and section heading (whether it
    names a search) and the sentences' spans, and nothing outside the unit: kept by those.
    """
    unit = sentences[0].unit
    searched = bool(unit.section and SEARCH_SECTION.search(unit.section))
    key: tuple[Any, ...] = (id(rule), rule.message, unit.text, unit.kind, unit.markers, searched)
    key += tuple([(s.start, s.end) for s in sentences])
    hit = _HITS.get(key)
    if hit is not None and hit[0] is rule:
        return hit[1]
    if len(_HITS) >= PARAGRAPH_MEMO:
        _HITS.clear()
    found = tuple(
        (start, end, rule.render(cue=cue))
        for start, end, cue in _find_hits(rule, sentences, searched)
    )
    _HITS[key] = (rule, found)
    return found


def _find_hits(
    rule: Rule, sentences: list[Sentence], searched: bool
) -> Iterable[tuple[int, int, str]]:
    cues: list[re.Pattern[str]] = rule.compiled["cues"]
    families: dict[str, list[re.Pattern[str]]] = rule.compiled["families"]
    keywords: Keywords | None = rule.compiled["keywords"]
    unit = sentences[0].unit
    found_keywords: tuple[list[int], list[frozenset[str]]] | None = None
    for k, sentence in enumerate(sentences):
        text = sentence.text
        if "?" in text and QUESTION_END.search(text):
            continue  # "Q: Is the evidence for it good?" asks; it invokes nothing
        if keywords is not None:
            # Keywords per unit (one scan); then only the families they call for.
            if found_keywords is None:
                pairs = keywords.hits(unit.text)
                found_keywords = ([at for at, _ in pairs], [names for _, names in pairs])
            offsets, names = found_keywords
            lo = bisect_left(offsets, sentence.start)
            hi = bisect_left(offsets, sentence.end)
            if lo == hi:
                continue
            # Each cue's first match: the earliest (and, at one start, longest) of all its
            # matches is what is reported, so the rest of the sentence need not be searched.
            hit = keywords.first_cue(text, frozenset().union(*names[lo:hi]), families)
        else:
            hit = _first_match(text, cues)
        if hit is None or has_marker(sentence):
            continue
        following = sentences[k + 1] if k + 1 < len(sentences) else None
        if (
            following is not None
            and (CONTINUES_STUDY.match(following.text) or SOURCES_LEAD.match(following.text))
            and has_marker(following)
        ):
            # "In the ProDERM trial, 95 adults were given ... After 16 weeks, 79 out of 100
            # had improved [1].": one marker at the end of the study's account
            continue
        if unit.kind != "table_cell" and is_bibliographic(unit.text):
            continue  # a reference entry itself, under a heading not taken for one
        if searched:
            continue  # the sources a search covered, listed under "Search strategy"
        hit_start, hit_end, cue = hit
        if cue[-1:] in "tTsS" and NOUN_REPORT_END.search(cue):
            continue  # "Trustees' report, incorporating the strategic report": a noun
        around = text[max(0, hit_start - 25) : hit_end + 8]
        if PERSONAL.search(around) and not REPORTED_RESEARCH.search(
            text, max(0, hit_start - 30), hit_start
        ):
            # "Your doctors recommend", "The lab report shows your IgG level" (not "my
            # doctor said studies show ...": research, reported)
            continue
        if KEYWORD_FIELD_BEFORE.search(text, max(0, hit_start - 120), hit_start):
            continue  # "Keywords: JDM; IVIG; CARRA consensus treatment plan": a tag
        if DENIED_BEFORE.search(text, max(0, hit_start - 30), hit_start + 1):
            continue  # "no single mechanism has been proven": no evidence is invoked
        if UNTESTED_BEFORE.search(text, max(0, hit_start - 80), hit_start):
            continue  # "no product has been tested in controlled trials": none to cite
        yield sentence.start + hit_start, sentence.start + hit_end, " ".join(cue.split())


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
            and not has_footnote_references(doc.source)
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
