"""The regex prefilter finds product first words and condition names only at word starts."""

from __future__ import annotations

import pytest

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
