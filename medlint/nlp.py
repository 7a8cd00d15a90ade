"""The spaCy pipeline, built once per run from the facts.

``spacy.blank("en")`` needs no model download, so ``pip install`` alone gives
a working linter. On top of it:

* tokenizer rules measured in ``shared/notes/nlp-measurements.md``: digits
  split from a glued unit (``2g/kg`` -> ``2 g/kg``), dashes between digits,
  ``≤ ≥ ±`` as prefixes and a full stop after a unit split off, so that the
  sentencizer sees the sentence end in ``... 25 µg/mL.``;
* a few abbreviation special cases so that ``approx.`` or ``e.g.`` do not end
  a sentence;
* ``medlint_terms``: a :class:`~spacy.matcher.PhraseMatcher` on lower-cased
  tokens over every product, family, manufacturer, stabilizer, route and
  condition name in the facts. Its matches become ``doc.ents`` with the term
  kind as label and the fact id as ``kb_id_``. Phrase patterns are tokenized
  by the same tokenizer, so ``Gamunex-C`` needs no special case;
* ``medlint_quantities``: the quantity matcher (percentages, IgA figures,
  doses, intervals, rates, money) from :mod:`medlint.quantities`, one compiled
  regex pass mapped onto tokens as ``doc.spans["quantities"]``; the parsed
  values ride along in ``doc.user_data``. A regex pass was measured an order
  of magnitude faster than spaCy's token Matcher for these shapes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medlint.facts import Facts

if TYPE_CHECKING:
    from spacy.language import Language

QUANTITIES_KEY = "medlint_quantities"
_ABBREVIATIONS = (
    "approx.",
    "incl.",
    "vs.",
    "e.g.",
    "i.e.",
    "Dr.",
    "al.",
    "etc.",
    "Fig.",
    "No.",
    "cf.",
    "Ref.",
    "Refs.",
)
LABELS = {
    "product": "PRODUCT",
    "manufacturer": "MANUFACTURER",
    "stabilizer": "STABILIZER",
    "route": "ROUTE",
    "condition": "CONDITION",
}


def _tune_tokenizer(nlp: Language) -> None:
    from spacy.symbols import ORTH
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults: Any = nlp.Defaults
    tokenizer: Any = nlp.tokenizer
    infixes = [
        *defaults.infixes,
        r"(?<=[0-9])(?=(?:mg|g|kg|mL|ml|µg|mcg|ug|L|IU|h|hrs?)\b)",
        r"(?<=[0-9])[–—](?=[0-9])",
        r"(?<=[0-9])-(?=[0-9])",
    ]
    prefixes = ["≤", "≥", "±", "<", ">", "~", *defaults.prefixes]
    suffixes = [
        r"(?<=mL)\.",
        r"(?<=ml)\.",
        r"(?<=kg)\.",
        r"(?<=/L)\.",
        r"(?<=Ig[AGM])\.",
        *defaults.suffixes,
    ]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    for abbr in _ABBREVIATIONS:
        if " " not in abbr:
            tokenizer.add_special_case(abbr, [{ORTH: abbr}])


def build_pipeline(facts: Facts) -> Language:
    """A blank English pipeline with a sentencizer and the facts' term matcher."""
    import spacy
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    _tune_tokenizer(nlp)
    nlp.add_pipe("sentencizer")

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    seen: set[tuple[str, str]] = set()
    for term in facts.terms():
        label = f"{LABELS[term.kind]}|{term.id}"
        patterns = []
        for form in term.surface_forms():
            key = (label, form.lower())
            if key in seen:
                continue
            seen.add(key)
            patterns.append(nlp.make_doc(form))
        if patterns:
            matcher.add(label, patterns)

    def medlint_terms(doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in matcher(doc):
            label, _, term_id = nlp.vocab.strings[match_id].partition("|")
            spans.append(Span(doc, start, end, label=label, kb_id=term_id))
        doc.ents = filter_spans(spans)
        return doc

    name = f"medlint_terms_{id(matcher)}"
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


def pipe_texts(nlp: Language, texts: list[str], batch_size: int = 256) -> list[Any]:
    """Run the pipeline over many unit texts at once (``nlp.pipe`` batches the work)."""
    return list(nlp.pipe(texts, batch_size=batch_size))
