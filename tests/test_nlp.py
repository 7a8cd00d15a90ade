"""The spaCy pipeline: term entities are spaCy's filter_spans choice, recorded as plain tuples."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span
from spacy.util import filter_spans

from medlint.lint import Engine
from medlint.nlp import TERMS_KEY, find_terms, term_matcher

WORDS = [
    "Gamunex-C", "Gamunex", "C", "Octagam", "10%", "Octagam 10%", "Flebogamma", "DIF", "5%",
    "Grifols", "glycine", "IgA", "subcutaneous", "intravenous", "IVIG", "juvenile",
    "dermatomyositis", "JDM", "and", "is", ",", "Privigen", "Hizentra", "Takeda", "maltose",
]  # fmt: skip


_ENGINE = Engine()


@pytest.fixture(scope="module")
def engine() -> Engine:
    return _ENGINE


def _expected(engine: Engine, doc: Any) -> list[tuple[str, str, int, int]]:
    raw = []
    for match_id, start, end in term_matcher(engine.nlp)(doc):
        label, _, term_id = engine.nlp.vocab.strings[match_id].partition("|")
        raw.append(Span(doc, start, end, label=label, kb_id=term_id))
    return [(s.label_.lower(), s.kb_id_, s.start_char, s.end_char) for s in filter_spans(raw)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14))
def test_entities_are_filter_spans_of_the_matches(words: list[str]) -> None:
    engine = _ENGINE
    doc = engine.nlp(" ".join(words))
    recorded = doc.user_data[TERMS_KEY]
    assert recorded == [(e.label_.lower(), e.kb_id_, e.start_char, e.end_char) for e in doc.ents]
    assert recorded == _expected(engine, doc)
    # the engine's direct path (tokenizer + matcher, no Spans) records the same tuples
    assert find_terms(engine.nlp, [doc.text]) == [recorded]


def test_longest_name_wins(engine: Engine) -> None:
    doc = engine.nlp("Flebogamma 5% DIF and Gamunex-C.")
    names = [doc.text[s:e] for _, _, s, e in doc.user_data[TERMS_KEY]]
    assert names == ["Flebogamma 5% DIF", "Gamunex-C"]
