"""The spaCy pipeline, built once per run from the facts.

``spacy.blank("en")`` needs no model download, so ``pip install`` alone gives
a working linter. What medlint changes, and why (figures in
``benchmarks/RESULTS.md`` and ``shared/notes/nlp-measurements.md``):

* **the tokenizer** is English's prefixes, suffixes and infixes plus the rules
  measured for medical text: digits split from a glued unit (``2g/kg`` ->
  ``2 g/kg``), dashes between digits, ``≤ ≥ ±`` as prefixes and a full stop
  after a unit split off. It carries *none* of English's ~5,400 special
  cases (contractions, emoticons): medlint only matches names with it, and
  loading those cases three times over was 0.3 s of every cold start;
* **no sentencizer**: sentence boundaries come from one regex
  (:mod:`medlint.sentences`), because the sentencizer walks every token in
  Python;
* ``medlint_terms``: a :class:`~spacy.matcher.PhraseMatcher` on lower-cased
  tokens over every product, family, manufacturer, stabilizer, route and
  condition name in the facts. Its matches become ``doc.ents`` with the term
  kind as label and the fact id as ``kb_id_``. Phrase patterns are tokenized
  by the same tokenizer, so ``Gamunex-C`` needs no special case. Names are
  matched in a copy of the text with single spaces and plain hyphens
  (:func:`matching_text`), mapped back to source offsets, so a name broken
  over a line or written with an en dash is still found; product names also
  match with a space, nothing or a hyphen between their words
  (:func:`separator_variants`);
* ``medlint_quantities``: the quantity matcher (percentages, IgA figures,
  doses, intervals, rates, money) from :mod:`medlint.quantities`, one compiled
  regex pass mapped onto tokens as ``doc.spans["quantities"]``; the parsed
  values ride along in ``doc.user_data``. A regex pass was measured an order
  of magnitude faster than spaCy's token Matcher for these shapes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from medlint import rx
from medlint.facts import Facts
from medlint.trie import SingleSpaced, single_spaced

if TYPE_CHECKING:
    from spacy.language import Language

QUANTITIES_KEY = "medlint_quantities"
# (kind, term id, start_char, end_char) of each entity, as plain tuples: the claim extractor
# reads these instead of creating a Span (and its Tokens) per entity again.
TERMS_KEY = "medlint_terms"
LABELS = {
    "product": "PRODUCT",
    "manufacturer": "MANUFACTURER",
    "stabilizer": "STABILIZER",
    "route": "ROUTE",
    "condition": "CONDITION",
}
_INFIXES = (
    r"(?<=[0-9])(?=(?:mg|g|kg|mL|ml|µg|mcg|ug|L|IU|h|hrs?)\b)",
    r"(?<=[0-9])[–—](?=[0-9])",
    r"(?<=[0-9])-(?=[0-9])",
)
_PREFIXES = ("≤", "≥", "±", "<", ">", "~")
_SUFFIXES = (
    r"\[\^?[0-9A-Za-z,–-]+\]",  # reference markers glued to a word: "glycine.[^1]", "shown[2]"
    r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+",
    r"(?<=[A-Z])\.",  # "Gamunex-C." at a sentence end: the name must still match
    r"(?<=mL)\.",
    r"(?<=ml)\.",
    r"(?<=kg)\.",
    r"(?<=/L)\.",
    r"(?<=Ig[AGM])\.",
    r"(?<=[A-Za-z])-",  # "glycine-" at a line break ("glycine-\nstabilized"): the name is "glycine"
)
_registered = False
_MATCHERS: dict[str, Any] = {}  # term component name -> its PhraseMatcher (see term_matcher)


def term_matcher(nlp: Language) -> Any:
    """The PhraseMatcher behind ``nlp``'s term component (for tests and diagnostics)."""
    name = next(n for n in nlp.pipe_names if n.startswith("medlint_terms"))
    return _MATCHERS[name]


def _kept(matches: Any) -> list[tuple[int, int, int]]:
    """spacy.util.filter_spans on (match_id, start, end) tuples, in text order.

    Longest first, then earliest; a match whose first or last token is taken is dropped.
    The same choice as filter_spans, without building a Span per match.
    """
    if not matches:
        return []
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept = []
    seen: set[int] = set()
    for match in ordered:
        _, start, end = match
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    kept.sort(key=lambda m: m[1])
    return kept


_OTHER_HYPHEN = re.compile("[‐‑–]")
_HYPHENS = str.maketrans("‐‑–", "---")


def matching_text(text: str) -> tuple[str, SingleSpaced | None]:
    """``text`` as names are matched in it, and the way back to its offsets.

    The tokenizer makes a token of a line break or of a second space, and a phrase pattern
    has no such token, so "Gammagard\nLiquid" (a hard-wrapped plain-text article) would not
    match "Gammagard Liquid": each white-space run becomes one space
    (:func:`medlint.trie.single_spaced`). A Unicode hyphen or an en dash becomes "-" (one
    character for one), so "Gamunex‑C" is still the product (the spelling rule reports the
    spelling). The second item is None when offsets are unchanged.
    """
    if _OTHER_HYPHEN.search(text):
        text = text.translate(_HYPHENS)
    respaced = single_spaced(text, marks=True)
    return (text, None) if respaced is None else (respaced.text, respaced)


def _char_span(doc: Any, start: int, end: int, respaced: SingleSpaced | None) -> tuple[int, int]:
    """Source character span of tokens ``doc[start:end]`` (see :func:`matching_text`)."""
    last = doc[end - 1]
    s, e = doc[start].idx, last.idx + len(last)
    return (s, e) if respaced is None else respaced.source_span(s, e)


def find_terms(nlp: Language, texts: list[str]) -> list[list[tuple[str, str, int, int]]]:
    """What the term component records in ``TERMS_KEY`` for each text, without the pipeline.

    The engine needs only these tuples: tokenizing and matching directly skips the Span per
    entity, ``doc.ents`` and the Doc kept per unit, which only users of the spaCy pipeline
    (``nlp(text).ents``) need. ``test_nlp`` checks both give the same tuples.
    """
    matcher = term_matcher(nlp)
    strings = nlp.vocab.strings
    labels: dict[int, tuple[str, str]] = {}
    out = []
    tokenizer: Any = nlp.tokenizer  # medlint.Tokenizer.v1: a spacy.tokenizer.Tokenizer
    prepared = [matching_text(text) for text in texts]
    docs = tokenizer.pipe([text for text, _ in prepared], batch_size=256)
    for (_, respaced), doc in zip(prepared, docs, strict=True):
        terms = []
        for match_id, start, end in _kept(matcher(doc)):
            found = labels.get(match_id)
            if found is None:
                label, _, term_id = strings[match_id].partition("|")
                found = labels[match_id] = (label.lower(), term_id)
            terms.append((*found, *_char_span(doc, start, end, respaced)))
        out.append(terms)
    return out


# How a multi-word product name may be joined when written: the separators the
# product-name-spelling rule recognises (it splits names with the same ``NAME_SPLIT``). The
# other hyphens and the en dash need no patterns of their own: ``matching_text`` turns them
# into "-". (Patterns for them too made spaCy's tokenizer ~15x slower with 1,000 products:
# measured, cause inside spaCy not isolated.)
NAME_SPLIT = re.compile(r"[ \t]*[-‐‑–][ \t]*|[ \t]+")
_NAME_JOINS = (" ", "", "-")


def separator_variants(forms: list[str], max_tokens: int = 3) -> list[str]:
    """Each name of up to ``max_tokens`` words joined by a space, nothing, or a hyphen.

    "Gamunex C", "GamunexC" and "Gamunex‑C" (a no-break hyphen) are the product
    product-name-spelling reports as misspelt Gamunex-C; recognising them as the product too
    means a wrong figure beside a misspelt name is still reported as a contradiction, not
    only as a style finding. A variant that is another term's name is left to that term.
    """
    out: dict[str, None] = {}
    for form in forms:
        words = [w for w in NAME_SPLIT.split(form.strip()) if w]
        if not 1 < len(words) <= max_tokens:
            continue
        for join in _NAME_JOINS:
            variant = join.join(words)
            if variant not in forms:
                out[variant] = None
    return list(out)


def _register_tokenizer() -> None:
    """Register ``medlint.Tokenizer.v1`` so ``spacy.blank`` never builds the default one."""
    global _registered
    if _registered:
        return
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    @registry.tokenizers("medlint.Tokenizer.v1")  # type: ignore[untyped-decorator]
    def create_tokenizer() -> Any:
        def make(nlp: Language) -> Tokenizer:
            defaults: Any = nlp.Defaults
            return Tokenizer(
                nlp.vocab,
                rules={},
                prefix_search=_affixes([*_PREFIXES, *defaults.prefixes], "^{}").search,
                suffix_search=_affixes([*_SUFFIXES, *defaults.suffixes], "{}$").search,
                infix_finditer=_affixes([*defaults.infixes, *_INFIXES], "{}").finditer,
                url_match=defaults.url_match,
            )

        return make

    _registered = True


def _affixes(pieces: list[str], shape: str) -> re.Pattern[str]:
    """spaCy's ``compile_prefix_regex`` (and suffix, infix), through :mod:`medlint.rx`.

    The same expression spaCy builds ("^a|^b", "a$|b$", "a|b"): its tokenizer's three
    patterns are a fifth of the regex compiling a cold start would otherwise do.
    """
    return rx.compile("|".join(shape.format(piece) for piece in pieces if piece.strip()))


def build_pipeline(facts: Facts) -> Language:
    """A blank English pipeline with the facts' term matcher and the quantity matcher."""
    import spacy
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span

    _register_tokenizer()
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "medlint.Tokenizer.v1"}}})

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    seen: set[tuple[str, str]] = set()
    taken = {form.lower(): term.id for term in facts.terms() for form in term.surface_forms()}
    for term in facts.terms():
        label = f"{LABELS[term.kind]}|{term.id}"
        patterns = []
        forms = term.surface_forms()
        if term.kind == "product":
            forms = forms + [
                v for v in separator_variants(forms) if taken.get(v.lower(), term.id) == term.id
            ]
        for form in forms:
            key = (label, form.lower())
            if key in seen:
                continue
            seen.add(key)
            patterns.append(nlp.make_doc(form))
        if patterns:
            matcher.add(label, patterns)

    strings = nlp.vocab.strings

    def medlint_terms(doc: Doc) -> Doc:
        text, respaced = matching_text(doc.text)
        same = text == doc.text
        matched = doc if same else nlp.make_doc(text)  # see matching_text
        spans = []
        for match_id, start, end in _kept(matcher(matched)):
            label, _, term_id = strings[match_id].partition("|")
            if same:
                spans.append(Span(doc, start, end, label=label, kb_id=term_id))
                continue
            span = doc.char_span(*_char_span(matched, start, end, respaced), label, kb_id=term_id)
            if span is not None:
                spans.append(span)
        doc.ents = spans
        doc.user_data[TERMS_KEY] = [
            (s.label_.lower(), s.kb_id_, s.start_char, s.end_char) for s in spans
        ]
        return doc

    name = f"medlint_terms_{id(matcher)}"
    _MATCHERS[name] = matcher
    Language.component(name, func=medlint_terms)
    nlp.add_pipe(name, last=True)

    def medlint_quantities(doc: Doc) -> Doc:
        """Percentages, IgA figures, doses, intervals, rates and money as ``doc.spans``."""
        from medlint.quantities import find_quantities

        found = find_quantities(doc.text)
        doc.user_data[QUANTITIES_KEY] = found
        spans = []
        for q in found:
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["quantities"] = spans
        return doc

    qname = f"medlint_quantities_{id(matcher)}"
    Language.component(qname, func=medlint_quantities)
    nlp.add_pipe(qname, last=True)
    return nlp
