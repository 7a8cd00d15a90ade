"""Sentence boundaries by one compiled regex, with the abbreviations medical prose uses.

spaCy's rule-based sentencizer walks every token in Python (it was 12-19% of a
run in the profiles in ``benchmarks/RESULTS.md``) and still needs abbreviation
special cases to avoid splitting at "e.g." or "et al.". A regex over the unit
text gives the same boundaries on this kind of prose at C speed: a sentence
ends at ``.``, ``!`` or ``?`` (plus closing quotes, brackets and a trailing
reference marker such as ``[1]`` or ``¹``) followed by white space and
something that can start a sentence, unless the full stop belongs to an
abbreviation, an initial or a decimal number.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from medlint import rx

ABBREVIATIONS = (
    "approx",
    "incl",
    "vs",
    "e.g",
    "i.e",
    "dr",
    "al",
    "etc",
    "fig",
    "cf",
    "ref",
    "refs",
    "mr",
    "mrs",
    "ms",
    "prof",
    "jr",
    "sr",
    "ltd",
    "corp",
    "dept",
    "univ",
    "vol",
    "pp",
    "rev",  # "Rev. 3 printed ...": a document's revision
)
_BOUNDARY = rx.compile(
    r"[.!?]+[\"'”’)\]]*(?:\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]|\[\^[^\]\s]+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
    # an HTML <sup>6</sup> marker, read as plain digits: "per millilitre.6 Panzyga" (a word,
    # not a number, before the full stop: "2.5 Patients" is no boundary)
    r"|(?<=[A-Za-z%)][.!?])\d{1,3}(?:[,–-]\d{1,3})*)*"
    r"(?=(\s+)[\"“‘'(\[]?[A-Z0-9•])"
)
# A question ends its sentence before a lower-case word too, as forum posts write: "Is
# Gamunex-C a 5% one? thought I read that somewhere." (not a quoted one: 'He asked "why?" and
# left'). Its own pattern, tried only on texts with a "?": as an alternative of _BOUNDARY it
# made every scan 2.5x slower.
_QUESTION_BEFORE_LOWER = rx.compile(r"\?+(?=(\s+)[a-z])")
# A line break before a "Label: value" line ends a sentence too: bold labels in a Markdown
# paragraph ("**Manufacturer:** Grifols" / "**IgA:** ...", "**20% products:** ...") have no
# full stops between them.
# (Not a wrapped sentence that happens to reach a colon: "Neither" / "Octagam product is
# sugar-free: Octagam 5% contains maltose": a label has no verb.)
_FIELD_BREAK = rx.compile(
    r"[ \t]*\n[ \t]*(?=[A-Z0-9](?:(?!\b(?:is|are|was|were|has|have|had|contains?|does|do)\b)[^:\n])"
    r"{0,40}:[ \t]+\S)"
)
_WORD_BEFORE = rx.compile(r"([A-Za-z][A-Za-z.]*)$")
# A letter that names an arm, a plan, an appendix ("Arm B.", "plan A."), not a name's initial
_LABEL_BEFORE_LETTER = rx.compile(
    r"\b(?:[Aa]rm|[Gg]roup|[Pp]art|[Pp]lan|[Aa]ppendix|[Aa]nnex|[Tt]able|[Ff]igure|[Ss]ection"
    r"|[Vv]itamin|[Tt]ype|[Ss]chedule|[Oo]ption|[Cc]ohort|[Ss]tage|[Gg]rade|[Pp]hase|[Ss]tep|[Bb]ox"
    r"|[Ff]orm|[Ll]ist|[Ww]ard|[Bb]ay|[Hh]epatitis)\s+$"
)
_ABBREV = frozenset(ABBREVIATIONS)
_LONGEST = max(len(a) for a in ABBREVIATIONS)
_PAREN_REACH = 160  # how far a closing parenthesis may be for a full stop to be inside it


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial ("A. Smith")."""
    before = text[dot - _LONGEST - 1 : dot] if dot > _LONGEST else ""
    if before.isalpha() and before.isascii():
        return False  # a word longer than every abbreviation (most sentence ends)
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        # an initial ("A. Smith"), not a name's last letter after a hyphen ("we use
        # Gamunex-C. It is ...")
        if m.start() and _LABEL_BEFORE_LETTER.search(text, max(0, m.start() - 12), m.start()):
            return False  # "... in Arm B. A participant ...", "see Appendix C. The ..."
        return m.start() == 0 or text[m.start() - 1] not in "-‐‑–"
    if word in ("No", "Nos", "Vol", "Fig") and text[dot + 1 : dot + 3].strip()[:1].isdigit():
        return True  # "No. 5"
    return word.lower().rstrip(".") in _ABBREV


def _inside_parenthesis(text: str, start: int, dot: int) -> bool:
    """Whether ``dot`` is inside a parenthesis opened in this sentence and closed soon after.

    "(Aggarwal R, et al. N Engl J Med. 2022)" is one citation, not two sentences; a stray
    "(" that is never closed must not join the rest of the paragraph into one sentence.
    """
    opened = text.rfind("(", start, dot)
    if opened < 0 or text.find(")", opened, dot) >= 0:
        return False
    close = text.find(")", dot, dot + _PAREN_REACH)
    return close >= 0 and text.find("(", dot, close) < 0


@functools.lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, leading and trailing white space excluded.

    Memoised (bounded): a paragraph an archive repeats is split once per process.
    """
    return tuple(_split(text))


def _split(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    parenthesis = "(" in text
    # (end of a sentence, start of the next): full stops, and breaks before field lines (rare:
    # the plain iterator serves every other text)
    fields = []
    if "\n" in text and ":" in text:
        fields = [(m.start(), m.start(), m.end()) for m in _FIELD_BREAK.finditer(text)]
    if "?" in text:
        fields += [
            (m.start(), m.end(), m.end() + len(m.group(1)))
            for m in _QUESTION_BEFORE_LOWER.finditer(text)
        ]
    breaks: Iterable[tuple[int, int, int]] = (
        (m.start(), m.end(), m.end() + len(m.group(1))) for m in _BOUNDARY.finditer(text)
    )
    if fields:
        breaks = sorted([*breaks, *fields])
    for at, end, following in breaks:
        if end <= start or (text[at] == "." and _is_abbreviation(text, at)):
            continue
        if text.startswith("..", at) and at and text[at - 1] in " \t":
            continue  # dot leaders between a table's columns ("Gamunex-C ...... Grifols")
        if parenthesis and text[at] in ".!?" and _inside_parenthesis(text, start, at):
            continue
        out.append((start, end))  # a boundary ends at its punctuation, never in white space
        start = following  # the white space after it: the next one starts after
    end = len(text.rstrip())
    if start < end:
        out.append((start, end))
    return out
