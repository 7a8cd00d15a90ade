"""The regex prefilter finds product first words and condition names only at word starts."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.lint import Engine
from medlint.prefilter import TermIndex


@pytest.fixture(scope="module")
def index() -> TermIndex:
    return TermIndex(Engine().facts)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Gamunex-C is a 10% IVIG.", True),
        ("GAMUNEX C and friends", True),
        ("(privigen) was used", True),
        ("superprivigen is no name", False),
        ("a_privigen is no name either", False),
        ("xprivigen then Privigen", True),  # a later word start still counts
        ("IVIG is made from plasma.", False),
    ],
)
def test_names_product(index: TermIndex, text: str, names: bool) -> None:
    assert index.names_product(text) is names


def test_conditions_at_word_starts_any_case_any_spacing(index: TermIndex) -> None:
    text = "Juvenile  Dermatomyositis and DM, xDM, JDM; xjuvenile dm."
    found = [(cid, text[s:e]) for cid, s, e, _ in index.conditions_in(text)]
    assert found == [
        ("juvenile-dermatomyositis", "Juvenile  Dermatomyositis"),
        ("dermatomyositis", "DM"),
        ("juvenile-dermatomyositis", "JDM"),
        ("dermatomyositis", "dm"),  # inside "xjuvenile dm" only the word-start "dm" counts
    ]


def test_conditions_keep_offsets_when_lowercasing_changes_length(index: TermIndex) -> None:
    text = "İİ dermatomyositis"
    [(cid, s, e, written)] = index.conditions_in(text)
    assert (cid, written) == ("dermatomyositis", text[s:e]) and s == 3


def _conditions_by_search(index: TermIndex, text: str) -> list[tuple[str, int, int, str]]:
    """The plain reference: the regex searched from each position, as before the prefilter."""
    from medlint.trie import lower_same_length

    assert index.conditions is not None
    out = []
    low = lower_same_length(text)
    m = index.conditions.search(low)
    while m is not None:
        s, e = m.span()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            m = index.conditions.search(low, s + 1)
            continue
        cid = index.condition_ids.get(" ".join(m.group(0).split()))
        if cid is not None:
            out.append((cid, s, e, text[s:e]))
        m = index.conditions.search(low, e)
    return out


WORDS = ["dermatomyositis", "juvenile", "DM", "JDM", "lupus", "SLE", "CIDP", "x", "-", "amyopathic",
         "clinically", "immune", "thrombocytopenia", "ITP", "xdm", "dmx", "kawasaki", "disease",
         "primary", "immunodeficiency", ",", "IBM"]  # fmt: skip


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(WORDS), max_size=20), st.sampled_from([" ", "", "  ", "\n"]))
def test_conditions_found_from_word_starts_as_by_searching(
    index: TermIndex, words: list[str], joiner: str
) -> None:
    text = joiner.join(words)
    assert list(index.conditions_in(text)) == _conditions_by_search(index, text)


def test_answers_are_kept_by_text_and_bounded(index: TermIndex, monkeypatch: Any) -> None:
    """A repeated paragraph is scanned once; the tables never outgrow the paragraph memo."""
    from medlint import prefilter

    text = "Gamunex-C is used in dermatomyositis."
    assert index.names_product(text) and index.names_product(text)
    assert index.conditions_in(text) is index.conditions_in(text)
    assert [c[0] for c in index.conditions_in(text)] == ["dermatomyositis"]
    monkeypatch.setattr(prefilter, "PARAGRAPH_MEMO", 3)
    for i in range(10):
        index.names_product(f"Privigen {i}")
        index.conditions_in(f"ITP {i}")
        assert len(index._names) <= 3 and len(index._conditions_of) <= 3
