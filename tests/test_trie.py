"""The trie regex matches exactly what a longest-first alternation of the same words does."""

from __future__ import annotations

import pickle
import re

from hypothesis import given
from hypothesis import strategies as st

from medlint.trie import Literals, lower_same_length, single_spaced, trie_pattern

WORDS = st.lists(st.text(alphabet="ab-c.", min_size=1, max_size=5), min_size=1, max_size=8)


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


@given(WORDS, st.text(alphabet="ab-c. ", max_size=40))
def test_trie_finds_what_the_alternation_finds(words: list[str], text: str) -> None:
    trie = re.compile(trie_pattern(words))
    expected = [m.span() for m in _alternation(words).finditer(text)]
    assert [m.span() for m in trie.finditer(text)] == expected


def test_longer_word_wins_and_prefix_still_matches() -> None:
    trie = re.compile(trie_pattern(["gamunex", "gamunex-c", "gammagard"]))
    assert trie.match("gamunex-c").group(0) == "gamunex-c"  # type: ignore[union-attr]
    assert trie.match("gamunex-x").group(0) == "gamunex"  # type: ignore[union-attr]
    assert trie.match("gammaked") is None


def test_no_words_never_matches() -> None:
    assert re.compile(trie_pattern([])).search("anything") is None
    assert re.compile(trie_pattern([""])).search("anything") is None


@given(st.text(max_size=30))
def test_lower_same_length_keeps_offsets(text: str) -> None:
    low = lower_same_length(text)
    assert len(low) == len(text)
    assert all(a == b or a == b.lower() for a, b in zip(low, text, strict=True))


def test_lower_same_length_keeps_two_char_lowercase_as_written() -> None:
    assert lower_same_length("İVIG") == "İvig"


@given(WORDS, st.text(alphabet="ab-c. µ", max_size=40))
def test_literals_finditer_is_the_trie_regex_finditer(words: list[str], text: str) -> None:
    trie = re.compile(trie_pattern(words))
    assert Literals(words).finditer(text) == [m.span() for m in trie.finditer(text)]


@given(WORDS, st.text(alphabet="ab-c. µ", max_size=40))
def test_literals_starts_are_every_search_from_each_next_offset(
    words: list[str], text: str
) -> None:
    # What ``pattern.search(text, pos + 1)`` after each match finds: every start, longest word.
    trie = re.compile(trie_pattern(words))
    expected = []
    m = trie.search(text)
    while m is not None:
        expected.append(m.span())
        m = trie.search(text, m.start() + 1)
    assert Literals(words).starts(text) == expected


def test_literals_survive_pickling_and_offsets_are_characters() -> None:
    found = pickle.loads(pickle.dumps(Literals(["gamunex", "gamunex-c"])))
    assert found.finditer("µ😀 gamunex-c, gamunex") == [(3, 12), (14, 21)]
    assert found.words == ("gamunex", "gamunex-c")


def test_no_literals_find_nothing() -> None:
    empty = Literals(["", ""])
    assert not empty
    assert empty.finditer("anything") == [] and empty.starts("anything") == []


def test_lone_surrogates_keep_offsets() -> None:
    """The automaton needs UTF-8; a lone surrogate from the Python API must not break it."""
    words = Literals(["ab"])
    assert words.finditer("\udcff ab\ud800") == [(2, 4)]
    assert words.starts("\udcff ab") == [(2, 4)]


@given(st.text(alphabet="ab \t\n\xa0\u2009\r", max_size=30))
def test_single_spaced_maps_every_character_back(text: str) -> None:
    respaced = single_spaced(text)
    if respaced is None:
        assert re.sub(r"\s+", " ", text) == text
        return
    assert respaced.text == re.sub(r"\s+", " ", text)
    for i, c in enumerate(respaced.text):
        original = text[respaced.source(i)]
        assert original == c or (c == " " and original.isspace())
    assert respaced.source(len(respaced.text)) == len(text)


MARKED = ["a", "b", " ", "\t", "\n", "®", "™", "(R)", "(TM)", "("]


@given(st.lists(st.sampled_from(MARKED), max_size=20))
def test_single_spaced_drops_marks_and_maps_every_character_back(pieces: list[str]) -> None:
    text = "".join(pieces)
    respaced = single_spaced(text, marks=True)
    expected = re.sub(r"\s+", " ", re.sub(r"[®™℠]|\((?:R|TM)\)", "", text))
    if respaced is None:
        assert expected == text
        return
    # Marks go first, then each white-space run is one space (a space-mark-space gives two).
    assert re.sub(r"\s+", " ", respaced.text) == expected
    for i, c in enumerate(respaced.text):
        original = text[respaced.source(i)]
        assert original == c or (c == " " and original.isspace())
    assert respaced.source(len(respaced.text)) == len(text)


def test_single_spaced_span_of_a_name_with_a_mark_inside() -> None:
    text = "GAMUNEX®-C is 10%"
    respaced = single_spaced(text, marks=True)
    assert respaced is not None and respaced.text == "GAMUNEX-C is 10%"
    assert respaced.source_span(0, 9) == (0, 10)  # the whole written name, mark included
    assert single_spaced("Privigen® is", marks=False) is None


PHRASES = st.lists(
    st.lists(st.text(alphabet="ab", min_size=1, max_size=3), min_size=1, max_size=3).map(" ".join),
    min_size=1,
    max_size=6,
)


@given(PHRASES, st.text(alphabet="ab \t\n", max_size=40))
def test_spaced_literals_match_any_white_space_run(words: list[str], text: str) -> None:
    """With ``spaces=True`` a space in a phrase matches as ``\\s+`` does, at source offsets."""
    found = Literals(words, spaces=True).finditer(text)
    assert all(" ".join(text[s:e].split()) in words for s, e in found)
    expected = re.compile(trie_pattern(words, space=r"\s+"))
    assert found == [m.span() for m in expected.finditer(text)]
