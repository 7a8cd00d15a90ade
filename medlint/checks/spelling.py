"""``product-spelling``: a product name written differently from the facts' canonical form.

Two kinds of misspelling, both built from the facts' product names and short
aliases, never from a dictionary:

* **Separator variants** of multi-token names: ``Gamunex C``, ``GamunexC``,
  ``Gamunex – C`` for ``Gamunex-C``; ``GammagardLiquid``. These carry a
  *safe* fix (the canonical form; all-capitals text keeps its capitals),
  because the tokens are exactly the product's and only the separator
  changes.
* **One edit away** (Damerau-Levenshtein distance 1) from a single-token name
  of at least ``min_length`` letters, for a capitalised word that is no known
  name or alias token: ``Privagen`` for ``Privigen``. Its fix is marked
  unsafe (``--fix`` leaves it), since a near miss might be another word.

Pure case differences (``GAMUNEX-C``, ``gamunex-c``) are quiet: labels and
articles write names in capitals legitimately. A false alarm here is worse
than a miss, so anything ambiguous (two candidates, a plural, a known token)
stays quiet.

The index is built once per facts file (cached by the facts digest) so that
a thousand-product facts file costs a dict lookup per word, not a regex
alternation of a thousand names tried at every character (measured: 5 s per
article that way). Matching runs on prose unit text and maps spans back
through the unit's offset map.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from medlint import rx
from medlint.checks import CheckKind
from medlint.checks.base import finding
from medlint.claims import Analysis
from medlint.errors import MedlintError
from medlint.facts import Facts
from medlint.memo import bounded
from medlint.model import Finding, Fix
from medlint.nlp import NAME_SPLIT as _SPLIT
from medlint.quantities import PARAGRAPH_MEMO
from medlint.rules import Rule
from medlint.trie import Literals

_SEP = r"(?:[ \t]*[-‐‑–][ \t]*|[ \t]+|)"
# Before a figure a spaced dash separates a list, not a name: "Octagam – 5% and 10%".
_SEP_BEFORE_FIGURE = r"(?:[-‐‑–]|[ \t]+|)"
_LETTERS = rx.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class _Params:
    edit_distance: bool
    min_length: int
    max_alias_tokens: int


@dataclass(frozen=True, slots=True)
class _Form:
    """A multi-token name or alias and the pattern of its separator variants."""

    canonical: str
    pattern: re.Pattern[str]


# (start, end, as written, expected, safe to fix) of one misspelt name in a paragraph
_Slip = tuple[int, int, str, str, bool]


@dataclass(frozen=True, slots=True)
class _Speller:
    # lower-cased first letters of a form (up to _PREFIX) -> the forms starting with them
    forms: dict[str, list[_Form]]
    prefix_lengths: tuple[int, ...]
    surface: frozenset[str]  # every term's name/alias, lower-cased, spaces collapsed
    known_tokens: frozenset[str]  # every lower-case letter token of every surface form
    # one-deletion neighbourhood -> lower-case single-token names (SymSpell-style index)
    near: dict[str, set[str]]
    single: dict[str, str]  # lower-case single-token product name -> canonical spelling
    # where a form can start: one of the ``forms`` keys in lower-cased text, found by one
    # Aho-Corasick scan (as fast for ten names as for a thousand); the word-start test runs
    # on the few hits
    starts: Literals
    # capitalised words long enough to be checked for a near miss
    words: re.Pattern[str]
    # lower-case word -> its near misses, memoised: the same words recur in every article
    misses: dict[str, frozenset[str]]
    # paragraph text, edit-distance check on -> its slips; an archive's repeated paragraphs
    # are checked once (bounded at PARAGRAPH_MEMO)
    slips: dict[tuple[str, bool], list[_Slip]]


_CACHE: dict[tuple[str, int, int], _Speller] = {}
_PREFIX = 4


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _deletions(word: str) -> set[str]:
    """``word`` and every string one deletion away: two words at distance 1 share one."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _osa_distance_is_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def _build(facts: Facts, params: _Params) -> _Speller:
    """Index the facts' names once: matching then costs a dict lookup per word, not per name."""
    surface = frozenset(_norm(form) for term in facts.terms() for form in term.surface_forms())
    known = frozenset(tok for form in surface for tok in _LETTERS.findall(form))
    forms: dict[str, list[_Form]] = {}
    single: dict[str, str] = {}
    seen: set[str] = set()
    for product in facts.products.values():
        for form in [product.name, *product.aliases]:
            tokens = [t for t in _SPLIT.split(form.strip()) if t]
            if len(tokens) > params.max_alias_tokens:
                continue
            for tok in tokens:
                if tok.isalpha() and len(tok) >= params.min_length:
                    single.setdefault(tok.lower(), tok)
            key = _norm(form)
            if len(tokens) == 1 or key in seen or not re.match(r"\w", tokens[0]):
                continue
            seen.add(key)
            body = re.escape(tokens[0]) + "".join(
                (_SEP_BEFORE_FIGURE if t[:1].isdigit() else _SEP) + re.escape(t) for t in tokens[1:]
            )
            pattern = rx.compile(body + r"(?!\w)(?!-\w)", re.IGNORECASE)
            forms.setdefault(tokens[0][:_PREFIX].lower(), []).append(_Form(form, pattern))
    near: dict[str, set[str]] = {}
    for cand in single:
        for d in _deletions(cand):
            near.setdefault(d, set()).add(cand)
    lengths = tuple(sorted({len(k) for k in forms}))
    starts = Literals(forms)
    # a capital first: ``re`` scans for the character class in C before trying the rest
    words = rx.compile(rf"[A-Z](?<![\w-].)[A-Za-z]{{{max(1, params.min_length - 1)},}}(?!\w)")
    return _Speller(forms, lengths, surface, known, near, single, starts, words, {}, {})


def _speller(facts: Facts, params: _Params) -> _Speller:
    key = (facts.digest or str(id(facts)), params.min_length, params.max_alias_tokens)
    speller = _CACHE.get(key)
    if speller is None:
        if len(_CACHE) > 8:
            _CACHE.clear()
        speller = _CACHE[key] = _build(facts, params)
    return speller


def _variants(speller: _Speller, text: str) -> Iterable[tuple[int, int, str]]:
    """(start, end, canonical) of separator variants and exact forms, longest first at a start."""
    pos_end = 0
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for pos, _ in speller.starts.starts(low):
        if pos < pos_end or (pos and (text[pos - 1].isalnum() or text[pos - 1] in "_-")):
            continue
        best: tuple[int, str] | None = None
        for n in speller.prefix_lengths:
            for form in speller.forms.get(text[pos : pos + n].lower(), ()):
                m = form.pattern.match(text, pos)
                if m and (best is None or m.end() > best[0]):
                    best = (m.end(), form.canonical)
        if best is not None:
            pos_end = best[0]
            yield pos, best[0], best[1]


def _near_miss(speller: _Speller, low: str) -> frozenset[str]:
    """Canonical single-token names exactly one edit from ``low`` (not its plural)."""
    hits = speller.misses.get(low)
    if hits is None:
        cands = {c for d in _deletions(low) for c in speller.near.get(d, ())}
        hits = frozenset(
            speller.single[c] for c in cands if low != c + "s" and _osa_distance_is_one(low, c)
        )
        if len(speller.misses) > 100_000:  # bounded over an archive of odd words
            speller.misses.clear()
        speller.misses[low] = hits
    return hits


def _cased(found: str, canonical: str) -> str:
    """The canonical form, in capitals when the author wrote the name in capitals."""
    letters = [c for c in found if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return canonical.upper()
    return canonical


def _prepare(params: dict[str, Any]) -> _Params:
    allowed = {"edit_distance", "min_length", "max_alias_tokens"}
    for key in params:
        if key not in allowed:
            raise MedlintError(
                f"unknown parameter '{key}' (allowed: {', '.join(sorted(allowed))})", key
            )
    edit = params.get("edit_distance", True)
    if not isinstance(edit, bool):
        raise MedlintError("edit_distance must be true or false", "edit_distance")
    out: dict[str, int] = {}
    for key, default in (("min_length", 7), ("max_alias_tokens", 3)):
        value = params.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise MedlintError(f"{key} must be a positive integer", key)
        out[key] = value
    return _Params(edit, out["min_length"], out["max_alias_tokens"])


def _run(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    params: _Params = rule.compiled
    speller = _speller(facts, params)
    memo = speller.slips
    for analysis in analyses:
        doc = analysis.document
        for unit in doc.units:
            text = unit.text
            slips = bounded(
                memo,
                (text, params.edit_distance),
                lambda text=text: _slips(speller, text, params.edit_distance),  # type: ignore[misc]
                PARAGRAPH_MEMO,
            )
            for s, e, found, expected, safe in slips:
                start, end = unit.source_span(s, e)
                message = rule.render(found=found, expected=expected)
                fix = Fix(start, end, expected, safe=safe)
                yield finding(
                    rule, doc, start, end, message, found=found, expected=expected, fix=fix
                )


def _slips(speller: _Speller, text: str, edit_distance: bool) -> list[_Slip]:
    """The misspelt product names of one paragraph, in order: separator variants (safe to
    fix), then one-letter slips of a single-word name (``edit_distance``; not safe to fix)."""
    out: list[_Slip] = []
    taken: list[tuple[int, int]] = []
    for s, e, canonical in _variants(speller, text):
        taken.append((s, e))
        found = text[s:e]
        if _norm(found) in speller.surface:
            continue
        expected = _cased(found, canonical)
        if found != expected:
            out.append((s, e, found, expected, True))
    if not edit_distance:
        return out
    for m in speller.words.finditer(text):
        word = m.group(0)
        low = word.lower()
        if low in speller.known_tokens:
            continue
        if any(s <= m.start() < e for s, e in taken):
            continue
        hits = _near_miss(speller, low)
        if len(hits) == 1:
            out.append((m.start(), m.end(), word, _cased(word, next(iter(hits))), False))
    return out


KIND = CheckKind(
    name="product-spelling",
    scope="document",
    prepare=_prepare,
    run=_run,
    summary="A product name spelt differently from the facts (separators, one-letter slips).",
)
