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


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\n", "\t", " \n ", "\xa0"])),
        max_size=12,
    )
)
def test_line_breaks_and_double_spaces_do_not_hide_a_name(pairs: list[tuple[str, str]]) -> None:
    """A name broken over a line matches as it does on one line, at its source offsets."""
    engine = _ENGINE
    text = "".join(word + sep for word, sep in pairs)
    plain = " ".join(word for word, _ in pairs)
    [found] = find_terms(engine.nlp, [text])
    [expected] = find_terms(engine.nlp, [plain])
    assert [(k, i) for k, i, _, _ in found] == [(k, i) for k, i, _, _ in expected]
    assert [" ".join(text[s:e].split()) for _, _, s, e in found] == [
        plain[s:e] for _, _, s, e in expected
    ]
    assert engine.nlp(text).user_data[TERMS_KEY] == found  # the pipeline component agrees


def test_a_product_name_wrapped_over_two_lines_is_checked(engine: Engine) -> None:
    from medlint.lint import lint_text

    for sep in (" ", "\n", "  ", "\t"):
        text = f"Gammagard{sep}Liquid is a 5% solution.\n"
        rules = [f.rule for f in lint_text(text, "a.txt", engine=engine)]
        assert "concentration-contradiction" in rules, sep


def test_separator_variants() -> None:
    from medlint.nlp import separator_variants

    assert separator_variants(["Gamunex-C"]) == ["Gamunex C", "GamunexC"]
    assert separator_variants(["Gammagard Liquid"]) == ["GammagardLiquid", "Gammagard-Liquid"]
    assert separator_variants(["Privigen", "A B C D"]) == []  # one word; too many words


@pytest.mark.parametrize("name", ["Gamunex C", "GamunexC", "Gamunex\u2011C", "Gamunex\u2013C"])
def test_a_misspelt_name_still_carries_its_claims(engine: Engine, name: str) -> None:
    """The spelling rule reports the name, and the wrong figure beside it is still checked."""
    from medlint.lint import lint_text

    rules = {f.rule for f in lint_text(f"{name} is a 5% solution.\n", "a.txt", engine=engine)}
    assert {"product-name-spelling", "concentration-contradiction"} <= rules
    text = f"{name} is a 5% solution."
    assert engine.nlp(text).user_data[TERMS_KEY] == find_terms(engine.nlp, [text])[0]
