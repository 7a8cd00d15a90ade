"""Tests for the Markdown reader: units, offsets, directives and robustness."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from medlint.documents.markdown import read_markdown
from medlint.model import Document, Unit
from tests.reader_contract import check_offset_map, source_of, unit_with

ARTICLE = """\
---
title: Immune globulin products
product: Octagam
---
# Immune globulin products

Gamunex-C is a **10%** liquid[^1] from Grifols &amp; Co. See [the label](https://x.org/l "L").
It is stored at 2 to 8 °C, with `Privigen` shown as code.

<!-- medlint-disable-next-line concentration-contradiction -- quoting the old label -->
The old label said 5%.

## Products

- Gamunex-C: 10%
  - nested: subcutaneous use
- Hizentra: 20% <sup>2</sup>

1. First ordered step
2. Second ordered step

| Product | Concentration |
|---------|---------------|
| Gamunex-C | 10% |
| Hizentra | 20% |

```
Cuvitru 20% in a fenced code block
```

    Xembify 20% in an indented code block

> Quoted: Panzyga is 10%.

<!-- expect: citation-needed -->

## References

1. Smith J, et al. Lancet. 2020.

[^1]: Prescribing information, 2023.
"""


def test_a_paragraph_of_bold_labels_keeps_its_line_breaks() -> None:
    """ "**Manufacturer:** Grifols" / "**IgA:** ..." lines are fields: each one a sentence."""
    from medlint.sentences import split_sentences

    doc = read_markdown("a.md", "**Maker:** Grifols\n**IgA:** Maximum 50 µg/mL\nmore text\n")
    text = doc.units[0].text
    assert text == "Maker: Grifols\nIgA: Maximum 50 µg/mL more text"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Maker: Grifols",
        "IgA: Maximum 50 µg/mL more text",
    ]


def where(doc: Document, unit: Unit, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) in the file of ``needle`` inside ``unit``."""
    i = -1
    for _ in range(nth + 1):
        i = unit.text.index(needle, i + 1)
    return doc.position(unit.to_source(i))


@pytest.fixture(scope="module")
def article() -> Document:
    return read_markdown("article.md", ARTICLE)


def test_units_of_a_representative_article(article: Document) -> None:
    assert article.format == "markdown"
    assert [(u.kind, u.text) for u in article.units] == [
        ("heading", "Immune globulin products"),
        (
            "paragraph",
            "Gamunex-C is a 10% liquid[^1] from Grifols & Co. See the label. "
            "It is stored at 2 to 8 °C, with  shown as code.",
        ),
        ("paragraph", "The old label said 5%."),
        ("heading", "Products"),
        ("list_item", "Gamunex-C: 10%"),
        ("list_item", "nested: subcutaneous use"),
        ("list_item", "Hizentra: 20% 2"),
        ("list_item", "First ordered step"),
        ("list_item", "Second ordered step"),
        ("table_header", "Product"),
        ("table_header", "Concentration"),
        ("table_cell", "Gamunex-C"),
        ("table_cell", "10%"),
        ("table_cell", "Hizentra"),
        ("table_cell", "20%"),
        ("paragraph", "Quoted: Panzyga is 10%."),
        ("heading", "References"),
        ("list_item", "Smith J, et al. Lancet. 2020."),
        ("paragraph", "[^1]: Prescribing information, 2023."),
    ]
    check_offset_map(article)


def test_headings_levels_sections_and_list_depth(article: Document) -> None:
    headings = [(u.text, u.heading_level) for u in article.units if u.kind == "heading"]
    assert headings == [("Immune globulin products", 1), ("Products", 2), ("References", 2)]
    assert unit_with(article, "old label").section == "Immune globulin products"
    assert unit_with(article, "Hizentra: 20%").section == "Products"
    assert unit_with(article, "Gamunex-C: 10%").list_depth == 1
    assert unit_with(article, "nested").list_depth == 2
    assert unit_with(article, "Smith J").section == "References"


def test_not_prose_never_reaches_a_unit(article: Document) -> None:
    text = " ".join(u.text for u in article.units)
    for hidden in ("Octagam", "title:", "Privigen", "Cuvitru", "Xembify", "medlint", "expect"):
        assert hidden not in text


def test_table_cells_know_their_row_and_column(article: Document) -> None:
    cells = {u.text: u for u in article.units if u.kind == "table_cell"}
    assert cells["10%"].row_header == "Gamunex-C"
    assert cells["10%"].column_header == "Concentration"
    assert cells["20%"].row_header == "Hizentra"
    assert cells["Hizentra"].column_header == "Product"
    assert cells["Hizentra"].row_header is None
    assert cells["10%"].section == "Products"
    headers = [u for u in article.units if u.kind == "table_header"]
    assert [h.column_header for h in headers] == [None, None]


def test_markers_for_links_footnotes_and_sup(article: Document) -> None:
    para = article.units[1]
    marked = [para.text[s:e] for s, e in para.markers]
    assert marked == ["[^1]", "the label"]
    hizentra = unit_with(article, "Hizentra: 20%")
    assert [hizentra.text[s:e] for s, e in hizentra.markers] == ["2"]
    note = article.units[-1]
    assert [note.text[s:e] for s, e in note.markers] == ["[^1]"]


def test_directives_are_recorded_with_exact_spans(article: Document) -> None:
    assert [d.text for d in article.directives] == [
        "medlint-disable-next-line concentration-contradiction -- quoting the old label",
        "expect: citation-needed",
    ]
    first = article.directives[0]
    assert ARTICLE[first.start : first.end] == (
        "<!-- medlint-disable-next-line concentration-contradiction -- quoting the old label -->"
    )
    assert article.position(first.start) == (10, 1)
    assert article.position(article.directives[1].start) == (35, 1)


def test_exact_positions(article: Document) -> None:
    para = article.units[1]
    assert where(article, para, "10%") == (7, 18)
    assert where(article, para, "the label") == (7, 63)
    assert where(article, para, "It is stored") == (8, 1)
    assert where(article, para, "shown") == (8, 44)
    assert where(article, unit_with(article, "Hizentra: 20%"), "20%") == (17, 13)
    assert where(article, unit_with(article, "nested"), "subcutaneous") == (16, 13)
    assert where(article, unit_with(article, "Panzyga"), "10%") == (33, 22)
    cell = next(u for u in article.units if u.kind == "table_cell" and u.text == "20%")
    assert where(article, cell, "20%") == (25, 14)
    # A span that crosses markup maps to the source span covering it.
    assert source_of(para, ARTICLE, para.text.index("a 10%"), para.text.index(" liquid")) == (
        "a **10%"
    )


def test_entities_and_escapes_map_to_their_source_form() -> None:
    source = "Dose A \\* B &amp; C &nbsp;D\n"
    doc = read_markdown("x.md", source)
    (unit,) = doc.units
    assert unit.text == "Dose A * B & C  D"
    check_offset_map(doc)
    amp = unit.text.index("&")
    assert source_of(unit, source, amp, amp + 1) == "&amp;"
    star = unit.text.index("*")
    assert source_of(unit, source, star, star + 1) == "\\*"
    assert doc.position(unit.to_source(unit.text.index("C"))) == (1, 19)
    assert doc.position(unit.to_source(unit.text.rindex("D"))) == (1, 27)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_keep_positions_exact(newline: str) -> None:
    source = ARTICLE.replace("\n", newline)
    doc = read_markdown("article.md", source)
    check_offset_map(doc)
    baseline = read_markdown("article.md", ARTICLE)
    assert [(u.kind, u.text) for u in doc.units] == [(u.kind, u.text) for u in baseline.units]
    para = doc.units[1]
    assert where(doc, para, "10%") == (7, 18)
    assert where(doc, para, "shown") == (8, 44)
    assert where(doc, unit_with(doc, "Panzyga"), "10%") == (33, 22)
    assert [doc.position(d.start) for d in doc.directives] == [(10, 1), (35, 1)]


def test_soft_and_hard_breaks_join_with_a_space() -> None:
    source = "line one\r\nline two  \r\nline three\\\r\nfour"
    doc = read_markdown("x.md", source)
    (unit,) = doc.units
    assert unit.text == "line one line two line three four"
    check_offset_map(doc)
    assert where(doc, unit, "two") == (2, 6)
    assert where(doc, unit, "four") == (4, 1)


def test_byte_order_mark_and_empty_input() -> None:
    doc = read_markdown("x.md", "\ufeff# Title\n\nText at 10%.\n")
    assert [(u.kind, u.text) for u in doc.units] == [
        ("heading", "Title"),
        ("paragraph", "Text at 10%."),
    ]
    assert where(doc, doc.units[0], "Title") == (1, 4)
    assert read_markdown("x.md", "").units == []
    assert read_markdown("x.md", "\ufeff").units == []
    bom_fm = read_markdown("x.md", "\ufeff---\nsecret: 1\n---\nBody\n")
    assert [u.text for u in bom_fm.units] == ["Body"]


def test_unclosed_front_matter_is_ordinary_markdown() -> None:
    doc = read_markdown("x.md", "---\ntitle: x\n\nBody 5%\n")
    assert [u.text for u in doc.units] == ["title: x", "Body 5%"]
    only_fm = read_markdown("x.md", "---\ntitle: x\n---\n")
    assert only_fm.units == []


def test_links_images_code_and_autolinks() -> None:
    source = (
        "See [label *here*](http://b.example/b (title)) b, ![alt b](img.png) and "
        "``code ` b`` then <https://x.example> b [ref][r] end.\n\n[r]: http://r.example\n"
    )
    doc = read_markdown("x.md", source)
    (unit,) = doc.units
    assert unit.text == "See label here b,  and  then https://x.example b ref end."
    check_offset_map(doc)
    marked = [unit.text[s:e] for s, e in unit.markers]
    assert marked == ["label here", "https://x.example", "ref"]
    # Each lone "b" maps to the b after the link, not inside the destination.
    assert where(doc, unit, " b,") == (1, 47)
    assert where(doc, unit, " b ref") == (1, 110)
    assert where(doc, unit, "end") == (1, 122)


def test_heading_variants_and_blockquote() -> None:
    source = "Setext title\n============\n\n### Closed ###\n\n> quote line\n> continues\n"
    doc = read_markdown("x.md", source)
    assert [(u.kind, u.heading_level, u.text) for u in doc.units] == [
        ("heading", 1, "Setext title"),
        ("heading", 3, "Closed"),
        ("paragraph", 0, "quote line continues"),
    ]
    check_offset_map(doc)
    assert where(doc, doc.units[2], "continues") == (7, 3)


def test_table_with_escaped_pipe_and_empty_cell() -> None:
    source = "| Name | Value |\n|---|---|\n| a \\| b | 5% |\n| c | |\n"
    doc = read_markdown("x.md", source)
    check_offset_map(doc)
    cells = [(u.kind, u.text, u.row_header, u.column_header) for u in doc.units]
    assert cells == [
        ("table_header", "Name", None, None),
        ("table_header", "Value", None, None),
        ("table_cell", "a | b", None, "Name"),
        ("table_cell", "5%", "a | b", "Value"),
        ("table_cell", "c", None, "Name"),
    ]
    assert where(doc, doc.units[2], "b") == (3, 8)
    assert where(doc, doc.units[3], "5%") == (3, 12)


def test_html_blocks_inside_markdown() -> None:
    source = (
        "<div>\n<p>Octagam &amp; <sup>3</sup> 10%</p>\n<script>Privigen</script>\n</div>\n\n"
        "Inline <script>Hizentra</script> and <code>Cuvitru</code> done.\n"
    )
    doc = read_markdown("x.md", source)
    check_offset_map(doc)
    assert [u.text for u in doc.units] == ["Octagam & 3 10%", "Inline  and  done."]
    assert doc.units[0].markers == ((10, 11),)
    assert where(doc, doc.units[0], "10%") == (2, 31)


def test_repeated_words_map_to_the_right_occurrence() -> None:
    source = "10% *and* 10% and **10%** and 10%\n"
    doc = read_markdown("x.md", source)
    (unit,) = doc.units
    starts = [i for i in range(len(unit.text)) if unit.text.startswith("10%", i)]
    assert [doc.position(unit.to_source(i)) for i in starts] == [(1, 1), (1, 11), (1, 21), (1, 31)]


def test_large_inputs_are_fast_and_deep_nesting_is_safe() -> None:
    items = "".join(f"- item {i} is 10% of the *dose*\n" for i in range(10_000))
    table = "| a | b |\n|---|---|\n" + "".join(f"| r{i} | {i}% |\n" for i in range(10_000))
    t0 = time.perf_counter()
    doc = read_markdown("x.md", items)
    big = read_markdown("x.md", table)
    assert time.perf_counter() - t0 < 20
    assert len(doc.units) == 10_000
    assert doc.units[-1].text == "item 9999 is 10% of the dose"
    assert where(doc, doc.units[-1], "10%") == (10_000, 16)
    assert len(big.units) == 2 + 20_000
    assert big.units[-1].row_header == "r9999"
    for deep in (">" * 5_000 + " x", "- " * 3_000 + "x", "[" * 5_000 + "a" + "](u)" * 5_000):
        check_offset_map(read_markdown("x.md", deep))


# -- properties -------------------------------------------------------------

_PIECES = [
    "#", "## ", "*", "**", "_", "`", "``", "[", "]", "(", ")", "<", ">", "> ", "!", "\\",
    "&amp;", "&#38;", "&nbsp;", "|", "-", "- ", "1. ", "\n", "\r\n", "\r", " ", "  ", "\t",
    "a", "b c", "10%", "<!-- medlint x -->", "<!--", "-->", "---", "[^1]", "<sup>", "</sup>",
    "<br>", "<p>", "</p>", "<td>", "<script>", ":", "\ufeff", "http://x.y", '"t"', "<http://a.b>",
    "```", "    ", "|---|", "&", ";", "\x00", "é", "](", "[x]: /u", "[x]", "[x][]", "![", "\\|",
]  # fmt: skip
markdownish = st.lists(st.sampled_from(_PIECES), max_size=50).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(), markdownish))
def test_property_any_input_keeps_the_offset_map(source: str) -> None:
    check_offset_map(read_markdown("x.md", source))


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789%é", min_size=1, max_size=8)
_line = st.lists(_word, min_size=1, max_size=6).map(" ".join)
_para = st.lists(_line, min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.lists(_para, min_size=1, max_size=4), st.sampled_from(["\n", "\r\n", "\r"]))
def test_property_every_word_maps_back_exactly(paras: list[list[str]], nl: str) -> None:
    source = (nl + nl).join(nl.join(lines) for lines in paras) + nl
    doc = read_markdown("x.md", source)
    assert [u.text for u in doc.units] == [" ".join(lines) for lines in paras]
    for unit in doc.units:
        i = 0
        for word in unit.text.split(" "):
            s, e = unit.source_span(i, i + len(word))
            assert source[s:e] == word
            i += len(word) + 1


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("---\ntitle: IVIG for dermatomyositis\n---\n\nText.\n", "IVIG for dermatomyositis"),
        ('---\ntitle: "IVIG for JDM"\nauthor: x\n---\n\nText.\n', "IVIG for JDM"),
        ("---\nauthor: x\n---\n\nText.\n", ""),
        ("title: not front matter\n\nText.\n", ""),
    ],
)
def test_front_matter_title_is_kept_apart_from_the_prose(source: str, title: str) -> None:
    doc = read_markdown("a.md", source)
    assert doc.title == title
    assert all("title" not in u.text for u in doc.units[-1:])


@pytest.mark.parametrize(
    ("source", "text", "breaks"),
    [
        # a title line wholly in bold (or italics) over the text it heads ends a sentence there
        (
            "**Card 9: not a sugar**\nSorbitol is in it.\n",
            "Card 9: not a sugar Sorbitol is in it.",
            (19,),
        ),
        ("*Card 9*  \nSorbitol is in it.\n", "Card 9 Sorbitol is in it.", (6,)),
        ("***Both***\nText here.\n", "Both Text here.", (4,)),
        # bold that opens a line but does not fill it, or fills a line with nothing below
        ("**Privigen** is a\n10% solution.\n", "Privigen is a 10% solution.", ()),
        ("**A** and **B**\nText here.\n", "A and B Text here.", ()),
        ("Text here.\n**Last line**\n", "Text here. Last line", ()),
    ],
)
def test_a_bold_title_line_ends_its_sentence(
    source: str, text: str, breaks: tuple[int, ...]
) -> None:
    [unit] = read_markdown("a.md", source).units
    assert (unit.text, unit.breaks) == (text, breaks)


def test_the_extractor_splits_sentences_at_a_title_line() -> None:
    from medlint.lint import Engine

    doc = read_markdown(
        "a.md", "**Card 9: Sweet, but not a sugar**\nSorbitol is a sugar alcohol.\n"
    )
    sentences = Engine().analyse(doc).sentences
    assert [s.text for s in sentences] == [
        "Card 9: Sweet, but not a sugar",
        "Sorbitol is a sugar alcohol.",
    ]


# -- blocks read once: the same units as a fresh read, wherever a block comes back ---------

_BLOCKS = [
    "Gamunex-C is a 10% solution.\nIt is given at 2 g/kg every 4 weeks.",
    "**Maker:** Grifols\n**IgA:** 46 µg/mL\nmore text",
    "# IVIG for dermatomyositis",
    "## Dosing &amp; intervals",
    "- Privigen\n  - Concentration: 10%\n  - Made by CSL Behring",
    "> Studies have shown it helps.\n> It is a 5% solution [1].",
    "1. Octagam 5%\n2. Panzyga 10%",
    "Studies have shown benefit.<!-- medlint: disable=citation-needed -->",
    "See [the label][pi] and [^1]. Hizentra is 20%\\* under the skin.",
    "[pi]: https://example.org/label",
    "| Product | Strength |\n| --- | --- |\n| Cuvitru | 20% |",
    "\tTabbed\tparagraph with\ttabs and `code` spans.",
    "Line one  \nhard break, then *emphasis* and **bold**.",
]


def _units(doc: Document) -> list[tuple[object, ...]]:
    return [
        (u.kind, u.text, u.segments, u.markers, u.breaks, u.list_depth, u.quoted, u.section)
        for u in doc.units
    ]


def _read_cold(text: str) -> Document:
    from medlint.documents import markdown

    markdown._BUILT.clear()
    return read_markdown("a.md", text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_BLOCKS), min_size=1, max_size=8),
    st.lists(st.sampled_from(_BLOCKS), min_size=1, max_size=8),
    st.sampled_from(["", "---\ntitle: T\n---\n", "\ufeff", "Intro.\n\n"]),
)
def test_a_block_read_before_gives_the_units_a_fresh_read_gives(
    first: list[str], second: list[str], head: str
) -> None:
    """``markdown._BUILT`` keeps a block's unit text by its content and source lines; read
    again at other offsets, in another article, it must give exactly the fresh units."""
    text = head + "\n\n".join(second) + "\n"
    cold = _read_cold(text)
    read_markdown("b.md", "\n\n".join(first) + "\n\n" + "\n\n".join(second))  # warm, elsewhere
    warm = read_markdown("a.md", text)
    assert _units(warm) == _units(cold)
    assert warm.directives == cold.directives
    check_offset_map(warm)


def test_a_repeated_block_is_placed_at_its_own_offsets() -> None:
    from medlint.documents import markdown

    para = "Gamunex-C is a 10% solution\nfrom Grifols &amp; others."
    markdown._BUILT.clear()
    a = read_markdown("a.md", f"# A\n\n{para}\n")
    held = dict(markdown._BUILT)
    b = read_markdown("b.md", f"# Title B\n\nIntro.\n\n{para}\n")
    expected = "Gamunex-C is a 10% solution from Grifols & others."
    assert a.units[1].text == b.units[2].text == expected
    for doc, unit in ((a, a.units[1]), (b, b.units[2])):
        s, e = unit.source_span(0, 9)
        assert doc.source[s:e] == "Gamunex-C"
        s, e = unit.source_span(len(unit.text) - 7, len(unit.text))
        assert doc.source[s:e] == "others."
        amp = unit.text.index("&")
        s, e = unit.source_span(amp, amp + 1)
        assert doc.source[s:e] == "&amp;"
    # the paragraph was kept once, and not read again for b.md
    assert all(markdown._BUILT[k] is v for k, v in held.items() if k in markdown._BUILT)
    assert len(markdown._BUILT) == len(held) + 2  # "# Title B" and "Intro." only


# -- simple documents read without the block parser: the same units --------------------------

_LINES = [
    "", "  ", "\t", "# Title", "## Dosing ##", "#hashtag", "# A # b", "###### Six", "####### Seven",
    "Gamunex-C is a 10% solution.", "It is given at 2 g/kg  ", "See [the label][pi] *now*.",
    "Privigen | 10%", "- Privigen", "- Hizentra 20%", "* Octagam", "+ Panzyga", "1. Octagam 5%",
    "2. Panzyga 10%", "10. Cuvitru", "1) Gammagard", "-x", "1.x", "===", "---", "    code",
    "> quote", "| a | b |", "[pi]: https://example.org", "<div>x</div>", "```", "Ünïcode text",
    "- 5% solution", "  - nested", "Title", "b <!-- medlint: ok -->", "x\\", "1. [link](u)",
]  # fmt: skip


# (lines of the shapes read without the block parser, so that most documents are)
_SIMPLE_LINES = [
    "", "# Title", "## Dosing", "Gamunex-C is a 10% solution.", "It is given at 2 g/kg  ",
    "- Privigen", "* Octagam", "+ Panzyga", "1. Octagam 5%", "2. Panzyga 10%", "Title",
]  # fmt: skip


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.lists(st.sampled_from(_SIMPLE_LINES), max_size=12),
        st.lists(st.sampled_from(_LINES), max_size=14),
    ),
    st.booleans(),
)
@example(["- Privigen", "2. Panzyga 10%"], True)  # another list's item straight after
@example(["- Privigen", "1. Octagam 5%", "", "Title"], False)  # a list of its own
def test_a_simple_document_reads_as_markdown_it_reads_it(lines: list[str], final: bool) -> None:
    """``markdown._simple_blocks`` gives the block tokens of the documents it is sure of; each
    document must read exactly as through markdown-it's block parser."""
    from medlint.documents import markdown

    text = "\n".join(lines) + ("\n" if final else "")
    fast = _read_cold(text)
    markdown._FAST_BLOCKS = False
    try:
        parsed = _read_cold(text)
    finally:
        markdown._FAST_BLOCKS = True
    assert _units(fast) == _units(parsed)
    assert fast.directives == parsed.directives


def test_simple_documents_skip_the_block_parser() -> None:
    from medlint.documents import markdown

    simple = (
        "# IVIG\n\nGamunex-C is a 10% solution.\nIt is given monthly.\n\n## References\n\n"
        "1. Prescribing information.\n2. Label.\n"
    )
    tokens = markdown._simple_blocks(simple)
    assert tokens is not None
    assert [t.content for t in tokens if t.type == "inline"] == [
        "IVIG",
        "Gamunex-C is a 10% solution.\nIt is given monthly.",
        "References",
        "Prescribing information.",
        "Label.",
    ]
    for other in ("Text\n===\n", "Text\n- item\n", "- item\nlazy\n", "    code\n", "x\r\ny\n"):
        assert markdown._simple_blocks(other) is None, other
