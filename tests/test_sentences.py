"""Sentence boundaries: abbreviations, initials, decimals, reference markers, white space."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medlint.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IVIG helps. It is costly.", ["IVIG helps.", "It is costly."]),
        ("  Leading and trailing.  \n", ["Leading and trailing."]),
        ("Give 0.4 g/kg daily. Repeat monthly.", ["Give 0.4 g/kg daily.", "Repeat monthly."]),
        ("Use e.g. Privigen here. Then stop.", ["Use e.g. Privigen here.", "Then stop."]),
        ("Smith et al. Found it. Done.", ["Smith et al. Found it.", "Done."]),
        ("Ask A. Smith about it. Now.", ["Ask A. Smith about it.", "Now."]),
        # a letter naming an arm or an appendix ends a sentence like any word
        (
            "Four days in Arm B. A participant weighing 55 kg gets 110 g.",
            ["Four days in Arm B.", "A participant weighing 55 kg gets 110 g."],
        ),
        ("See Appendix C. The table lists them.", ["See Appendix C.", "The table lists them."]),
        ("Aggarwal R. Trial of IVIG.", ["Aggarwal R. Trial of IVIG."]),  # an author's initial
        ("See No. 5 for details. Next.", ["See No. 5 for details.", "Next."]),
        ("It works.[1] Next one.", ["It works.[1]", "Next one."]),
        ("It works.¹ Next one.", ["It works.¹", "Next one."]),
        ('He said "stop." Then left.', ['He said "stop."', "Then left."]),
        ("Is it safe? Yes! Mostly.", ["Is it safe?", "Yes!", "Mostly."]),
        # a question ends before a lower-case word too, as forum posts write
        (
            "Is Gamunex-C a 5% one? thought I read that.",
            ["Is Gamunex-C a 5% one?", "thought I read that."],
        ),
        ('He asked "why?" and left.', ['He asked "why?" and left.']),
        # a name's last capital after a hyphen is no initial
        (
            "When Privigen is short, we use Gamunex-C. It is a 10% product.",
            ["When Privigen is short, we use Gamunex-C.", "It is a 10% product."],
        ),
        ("lower case after. stays together", ["lower case after. stays together"]),
        ("Dose is 2 g/kg.\n\n3 doses follow.", ["Dose is 2 g/kg.", "3 doses follow."]),
        # a full stop inside a parenthesis closed soon after does not end the sentence
        (
            "IVIG helps (Aggarwal R, et al. N Engl J Med. 2022). Next one.",
            ["IVIG helps (Aggarwal R, et al. N Engl J Med. 2022).", "Next one."],
        ),
        # a "(" never closed does not swallow the paragraph
        ("It helps (a lot. Then it stops. Done.", ["It helps (a lot.", "Then it stops.", "Done."]),
        ("", []),
        ("   ", []),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@given(st.text(alphabet=" .!?Ab1\n\t\"')[]eg¹", max_size=60))
def test_spans_are_ordered_trimmed_and_cover_every_visible_character(text: str) -> None:
    spans = split_sentences(text)
    covered = set()
    last_end = 0
    for s, e in spans:
        assert last_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        covered.update(range(s, e))
        last_end = e
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


def _reference_is_abbreviation(text: str, dot: int) -> bool:
    """The abbreviation test without the long-word shortcut (the regex alone)."""
    from medlint.sentences import _ABBREV, _WORD_BEFORE

    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True
    if word in ("No", "Nos", "Vol", "Fig") and text[dot + 1 : dot + 3].strip()[:1].isdigit():
        return True
    return word.lower().rstrip(".") in _ABBREV


@given(st.text(alphabet="abcdeginoprstvxAEFNVé.() 5", max_size=24))
def test_long_word_shortcut_agrees_with_the_regex(text: str) -> None:
    from medlint.sentences import _is_abbreviation

    for dot in range(len(text)):
        if text[dot] == ".":
            assert _is_abbreviation(text, dot) == _reference_is_abbreviation(text, dot), dot


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [("see approx. 5", True), ("éapprox. 5", True), ("xapprox. 5", False), ("Gammagard. X", False)],
)
def test_abbreviation_after_long_and_non_ascii_words(text: str, abbreviation: bool) -> None:
    from medlint.sentences import _is_abbreviation

    assert _is_abbreviation(text, text.index(". ")) is abbreviation


def test_dot_leaders_end_no_sentence() -> None:
    text = "Gamunex-C ........ Grifols ....... 10% .. IV. Privigen is 10%."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Gamunex-C ........ Grifols ....... 10% .. IV.",
        "Privigen is 10%.",
    ]


def test_a_wrapped_sentence_reaching_a_colon_is_no_field_line() -> None:
    """A field line is "Label: value"; a label has no verb. "Neither" / "Octagam product is
    sugar-free: ..." is one hard-wrapped sentence (its "Neither" denies the rest)."""
    text = "Neither\nOctagam product is sugar-free: Octagam 5% contains maltose too."
    assert [text[a:b] for a, b in split_sentences(text)] == [text]
    fields = "Gamunex-C\nDose: 2 g/kg\nInterval: every 4 weeks"
    assert [fields[a:b] for a, b in split_sentences(fields)] == [
        "Gamunex-C",
        "Dose: 2 g/kg",
        "Interval: every 4 weeks",
    ]


def test_a_field_label_may_open_with_a_figure() -> None:
    """ "20% subcutaneous products: Hizentra ..." on the next line is a field of its own, not
    the end of the line above (whose product it would otherwise give 20%)."""
    text = (
        "A 10% product given IV or SC: Gammagard Liquid, stabilized with glycine\n"
        "20% subcutaneous products: Hizentra and Cuvitru"
    )
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "A 10% product given IV or SC: Gammagard Liquid, stabilized with glycine",
        "20% subcutaneous products: Hizentra and Cuvitru",
    ]
