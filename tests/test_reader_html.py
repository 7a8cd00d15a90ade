"""Tests for the HTML reader: units, offsets, entities, skipped content and robustness."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from medlint.documents._build import _HTML_COLLAPSE
from medlint.documents.html import read_html
from medlint.model import Document, Unit
from tests.reader_contract import check_offset_map, source_of, unit_with

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <title>Octagam overview</title>
  <style>p { color: red } /* Panzyga 5% */</style>
  <script>var product = "<p>Cuvitru 20%</p>";</script>
</head>
<body>
<noscript><p>Enable scripts for Xembify</p></noscript>
<template><p>Asceniv template</p></template>
<h1>Immune   globulin</h1>
<p>Gamunex-C is a 10%&nbsp;solution<sup>1</sup> from Grifols &amp; Co.
It is stored at 2&ndash;8 &deg;C<br>and <code>Privigen</code> is code.</p>
<!-- medlint-disable-next-line concentration-contradiction -- quoting the old label -->
<p>The old label said 5%. <!-- an ordinary comment --> See <a href="#r1">the label</a>.
<h2>Products</h2>
<ul>
  <li>Gamunex-C: 10%
  <li>Hizentra: 20% <cite>[2]</cite>
    <ol><li>nested: subcutaneous use</ol>
</ul>
<table>
  <thead><tr><th>Product<th>Concentration</tr></thead>
  <tbody>
    <tr><td>Gamunex-C<td>10%
    <tr><td>Hizentra</td><td>20%</td></tr>
  </tbody>
</table>
<pre>Cutaquig 16.5% preformatted</pre>
<!-- expect: citation-needed -->
<h2>References</h2>
<ol><li>Smith J, et al. Lancet. 2020.</li></ol>
</body>
</html>
"""


def where(doc: Document, unit: Unit, needle: str) -> tuple[int, int]:
    """1-based (line, column) in the file of ``needle`` inside ``unit``."""
    return doc.position(unit.to_source(unit.text.index(needle)))


@pytest.fixture(scope="module")
def page() -> Document:
    return read_html("page.html", PAGE)


def test_units_of_a_representative_page(page: Document) -> None:
    assert page.format == "html"
    assert [(u.kind, u.text) for u in page.units] == [
        ("heading", "Immune globulin"),
        (
            "paragraph",
            "Gamunex-C is a 10% solution1 from Grifols & Co. It is stored at 2–8 °C and is code.",
        ),
        ("paragraph", "The old label said 5%. See the label."),
        ("heading", "Products"),
        ("list_item", "Gamunex-C: 10%"),
        ("list_item", "Hizentra: 20% [2]"),
        ("list_item", "nested: subcutaneous use"),
        ("table_header", "Product"),
        ("table_header", "Concentration"),
        ("table_cell", "Gamunex-C"),
        ("table_cell", "10%"),
        ("table_cell", "Hizentra"),
        ("table_cell", "20%"),
        ("heading", "References"),
        ("list_item", "Smith J, et al. Lancet. 2020."),
    ]
    check_offset_map(page)


def test_skipped_content_never_reaches_a_unit(page: Document) -> None:
    text = " ".join(u.text for u in page.units)
    for hidden in ("Octagam", "Panzyga", "Cuvitru", "Xembify", "Asceniv", "Privigen", "Cutaquig"):
        assert hidden not in text
    assert "ordinary comment" not in text


def test_headings_sections_lists_and_tables(page: Document) -> None:
    levels = [(u.text, u.heading_level) for u in page.units if u.kind == "heading"]
    assert levels == [("Immune globulin", 1), ("Products", 2), ("References", 2)]
    assert unit_with(page, "old label").section == "Immune globulin"
    assert unit_with(page, "Smith").section == "References"
    assert unit_with(page, "Gamunex-C: 10%").list_depth == 1
    assert unit_with(page, "nested").list_depth == 2
    cells = {u.text: u for u in page.units if u.kind == "table_cell"}
    assert (cells["10%"].row_header, cells["10%"].column_header) == ("Gamunex-C", "Concentration")
    assert (cells["20%"].row_header, cells["20%"].column_header) == ("Hizentra", "Concentration")
    assert (cells["Hizentra"].row_header, cells["Hizentra"].column_header) == (None, "Product")
    assert cells["20%"].section == "Products"


def test_markers(page: Document) -> None:
    def marked(unit: Unit) -> list[str]:
        return [unit.text[s:e] for s, e in unit.markers]

    assert marked(unit_with(page, "Grifols")) == ["1"]
    assert marked(unit_with(page, "old label")) == ["the label"]
    assert marked(unit_with(page, "Hizentra: 20%")) == ["[2]"]
    anchor = read_html("x.html", "<p>An <a name='x'>anchor</a> is not a marker.</p>")
    assert anchor.units[0].markers == ()


def test_directives(page: Document) -> None:
    assert [d.text for d in page.directives] == [
        "medlint-disable-next-line concentration-contradiction -- quoting the old label",
        "expect: citation-needed",
    ]
    first = page.directives[0]
    assert PAGE[first.start : first.end] == (
        "<!-- medlint-disable-next-line concentration-contradiction -- quoting the old label -->"
    )
    assert [page.position(d.start) for d in page.directives] == [(14, 1), (30, 1)]


def test_exact_positions_and_entities(page: Document) -> None:
    para = unit_with(page, "Grifols")
    assert where(page, para, "10%") == (12, 19)
    assert where(page, para, "solution") == (12, 28)
    assert where(page, para, "It is stored") == (13, 1)
    assert where(page, para, "and is") == (13, 37)
    amp = para.text.index("&")
    assert source_of(para, PAGE, amp, amp + 1) == "&amp;"
    dash = para.text.index("–")
    assert source_of(para, PAGE, dash, dash + 1) == "&ndash;"
    # "Immune   globulin": the collapsed run maps to all three spaces.
    heading = page.units[0]
    assert source_of(heading, PAGE, 6, 7) == "   "
    assert where(page, heading, "globulin") == (11, 14)
    cell = next(u for u in page.units if u.kind == "table_cell" and u.text == "20%")
    assert where(page, cell, "20%") == (26, 30)
    assert where(page, unit_with(page, "nested"), "subcutaneous") == (20, 21)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_keep_positions_exact(newline: str) -> None:
    source = PAGE.replace("\n", newline)
    doc = read_html("page.html", source)
    check_offset_map(doc)
    baseline = read_html("page.html", PAGE)
    assert [(u.kind, u.text) for u in doc.units] == [(u.kind, u.text) for u in baseline.units]
    para = unit_with(doc, "Grifols")
    assert where(doc, para, "10%") == (12, 19)
    assert where(doc, para, "and is") == (13, 37)
    cell = next(u for u in doc.units if u.kind == "table_cell" and u.text == "20%")
    assert where(doc, cell, "20%") == (26, 30)
    assert [doc.position(d.start) for d in doc.directives] == [(14, 1), (30, 1)]


def test_byte_order_mark_fragments_and_empty_input() -> None:
    doc = read_html("x.html", "\ufeffPlain fragment at 10%<p>second")
    assert [(u.kind, u.text) for u in doc.units] == [
        ("paragraph", "Plain fragment at 10%"),
        ("paragraph", "second"),
    ]
    assert where(doc, doc.units[0], "Plain") == (1, 2)
    assert read_html("x.html", "").units == []
    assert read_html("x.html", "\ufeff").units == []
    assert read_html("x.html", "<html><head><title>t</title></head></html>").units == []


def test_head_without_closing_tag_ends_at_body_content() -> None:
    doc = read_html("x.html", "<html><head><title>Hidden</title><body><p>Shown 10%</p>")
    assert [u.text for u in doc.units] == ["Shown 10%"]


def test_unclosed_and_malformed_markup() -> None:
    source = (
        "<p>one <b>bold <i>both</p><p>two<li>stray item<td>stray cell <![#> <p>three &bogus; &#38"
    )
    doc = read_html("x.html", source)
    check_offset_map(doc)
    assert [u.text for u in doc.units] == [
        "one bold both",
        "two",
        "stray item",
        "stray cell",
        "three &bogus; &",
    ]


def test_table_with_row_header_cells_and_colspan() -> None:
    source = (
        "<table><tr><th>Product</th><th colspan=2>Strengths</th></tr>"
        "<tr><th scope=row>Gamunex-C</th><td>5%</td><td>10%</td></tr></table>"
    )
    doc = read_html("x.html", source)
    rows = [(u.kind, u.text, u.row_header, u.column_header) for u in doc.units]
    assert rows == [
        ("table_header", "Product", None, None),
        ("table_header", "Strengths", None, None),
        ("table_header", "Gamunex-C", None, "Product"),
        ("table_cell", "5%", "Gamunex-C", "Strengths"),
        ("table_cell", "10%", "Gamunex-C", "Strengths"),
    ]


def test_table_with_rowspan_keeps_row_headers_and_columns() -> None:
    """A product cell spanning rows names the rows below it; their cells keep their columns."""
    source = (
        "<table><tr><th>Product</th><th>Strength</th><th>Stabilizer</th></tr>"
        "<tr><td rowspan=2>Octagam</td><td>5%</td><td>maltose</td></tr>"
        "<tr><td>10%</td><td>glycine</td></tr>"
        "<tr><td>Privigen</td><td rowspan=3>10%</td><td>L-proline</td></tr>"
        "<tr><td>Gamunex-C</td><td>glycine</td></tr></table>"
    )
    doc = read_html("x.html", source)
    rows = [(u.text, u.row_header, u.column_header) for u in doc.units if u.kind == "table_cell"]
    assert rows == [
        ("Octagam", None, "Product"),
        ("5%", "Octagam", "Strength"),
        ("maltose", "Octagam", "Stabilizer"),
        ("10%", "Octagam", "Strength"),
        ("glycine", "Octagam", "Stabilizer"),
        ("Privigen", None, "Product"),
        ("10%", "Privigen", "Strength"),
        ("L-proline", "Privigen", "Stabilizer"),
        # the strength cell reaches down: Gamunex-C's glycine is still in the third column
        ("Gamunex-C", None, "Product"),
        ("glycine", "Gamunex-C", "Stabilizer"),
    ]


def test_a_first_row_of_bold_cells_heads_the_columns() -> None:
    """CMS tables often have no <th>: a first row whose cells are all bold is the header row;
    one with any plain text in it is an ordinary row."""
    source = (
        "<table><tr><td></td><td><strong>Gamunex-C</strong></td><td><b>Panzyga</b></td></tr>"
        "<tr><td>Strength</td><td>10%</td><td>5%</td></tr></table>"
        "<table><tr><td><strong>Privigen</strong> (CSL)</td><td><b>10%</b></td></tr>"
        "<tr><td>Hizentra</td><td>20%</td></tr></table>"
    )
    doc = read_html("x.html", source)
    rows = [(u.text, u.row_header, u.column_header) for u in doc.units if u.kind == "table_cell"]
    assert rows == [
        ("Gamunex-C", None, None),
        ("Panzyga", None, None),
        ("Strength", None, None),
        ("10%", "Strength", "Gamunex-C"),
        ("5%", "Strength", "Panzyga"),
        ("Privigen (CSL)", None, None),
        ("10%", "Privigen (CSL)", None),
        ("Hizentra", None, None),
        ("20%", "Hizentra", None),
    ]


@pytest.mark.parametrize(
    ("sup", "is_marker"),
    [
        *[("1", True), ("[2]", True), ("3,4", True), ("5-7", True), ("a", True), ("†", True)],
        *[("&reg;", False), ("TM", False), ("&trade;", False), ("nd", False)],
    ],
)
def test_only_citation_like_superscripts_are_markers(sup: str, is_marker: bool) -> None:
    """<sup>1</sup> cites; <sup>®</sup>, <sup>TM</sup> (trademarks) and "2<sup>nd</sup>" do not."""
    doc = read_html("x.html", f"<p>Studies have shown it helps<sup>{sup}</sup>.</p>")
    assert bool(doc.units[0].markers) is is_marker


def test_large_and_deeply_nested_inputs() -> None:
    items = "<ul>" + "".join(f"<li>item {i} is 10% &amp; more\n" for i in range(10_000)) + "</ul>"
    rows = "".join(f"<tr><td>r{i}<td>{i}%\n" for i in range(10_000))
    table = "<table><tr><th>a<th>b</tr>" + rows + "</table>"
    t0 = time.perf_counter()
    doc = read_html("x.html", items)
    big = read_html("x.html", table)
    assert time.perf_counter() - t0 < 20
    assert len(doc.units) == 10_000
    assert doc.units[-1].text == "item 9999 is 10% & more"
    assert where(doc, doc.units[-1], "10%") == (10_000, 18)
    assert len(big.units) == 2 + 20_000
    assert big.units[-1].row_header == "r9999"
    assert big.units[-1].column_header == "b"
    deep = "<div>" * 50_000 + "deep text" + "</div>" * 50_000
    assert [u.text for u in read_html("x.html", deep).units] == ["deep text"]
    for nasty in ("<b><i><sup>" * 20_000 + "x", "<p><table><td>" * 5_000, "<li>" * 20_000):
        check_offset_map(read_html("x.html", nasty))


# -- properties -------------------------------------------------------------

_PIECES = [
    "<", ">", "!", "[", "]", "-", "--", "<!", "<![", "<!DOCTYPE", "<?", "?>", "</", "/>", "a",
    " ", "\n", "\r", "\r\n", "\t", "'", '"', "=", "&", "#", "x", ";", "&#", "&#x", "<!--", "-->",
    "<!-- medlint x -->", "<p>", "</p>", "<script>", "</script>", "<style>", "<title>", "<b>",
    "<td>", "<tr>", "<th>", "<table>", "<li>", "<ul>", "<head>", "<body>", "<sup>", "</sup>",
    "<br/>", "10%", "\ufeff", "&amp;", "&nbsp;", "&#38;", "&ndash;", "<a href=x>", "</a>",
    "<template>", "</template>", "<pre>", "<h2>", "</h2>", "é", "\x00",
]  # fmt: skip
htmlish = st.lists(st.sampled_from(_PIECES), max_size=50).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(), htmlish))
def test_property_any_input_keeps_the_offset_map(source: str) -> None:
    check_offset_map(read_html("x.html", source))


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789%é", min_size=1, max_size=8)
_space = st.sampled_from([" ", "  ", "\n", "\r\n", "\r", "\t", " \n  "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(_word, _space), min_size=1, max_size=8), min_size=1, max_size=4))
def test_property_every_word_maps_back_exactly(paras: list[list[tuple[str, str]]]) -> None:
    source = "".join("<p>" + "".join(w + s for w, s in para) + "</p>\n" for para in paras)
    doc = read_html("x.html", source)
    expected: list[str] = []
    for text in (" ".join(w for w, _ in para) for para in paras):
        if (
            expected
            and re.fullmatch(r"\d[\d.,]*%?", expected[-1])
            and (text[:1].islower() or text[:2] in ("mL", "mg", "µg"))
            and not expected[-1].endswith(" ")
            and " " not in expected[-1]
        ):
            expected[-1] += " " + text  # a headline figure and its caption: one statement
        else:
            expected.append(text)
    assert [u.text for u in doc.units] == expected
    for unit in doc.units:
        i = 0
        for word in unit.text.split(" "):
            s, e = unit.source_span(i, i + len(word))
            assert source[s:e] == word
            i += len(word) + 1


@given(st.text(alphabet="ab \t\n\r\f", max_size=30))
def test_collapsed_runs_are_the_simple_pattern(text: str) -> None:
    """The prefix-scannable whitespace pattern finds what the plain alternation finds."""
    plain = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
    assert [m.span() for m in _HTML_COLLAPSE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def test_page_title_is_kept_apart_from_the_prose() -> None:
    doc = read_html(
        "a.html",
        "<html><head><title>IVIG &amp;\n dermatomyositis</title></head>"
        "<body><p>Text.</p></body></html>",
    )
    assert doc.title == "IVIG & dermatomyositis"
    assert [u.text for u in doc.units] == ["Text."]


def test_a_headline_figure_joins_its_caption() -> None:
    """A poster's number in its own element and its caption after it: one statement, whose
    offsets still point at the source (the space maps to the markup between them)."""
    source = (
        '<p class="big">0.4</p>\n<p class="caption">grams per kg each day, on 3 days in a row:'
        ' your full course of Octagam 10%.</p>\n<p class="big">10%</p>\n<p>Ten Percent</p>\n'
    )
    doc = read_html("a.html", source)
    texts = [u.text for u in doc.units]
    assert (
        texts[0]
        == "0.4 grams per kg each day, on 3 days in a row: your full course of Octagam 10%."
    )
    assert texts[1:] == ["10%", "Ten Percent"]  # a capitalised line is no caption
    unit = doc.units[0]
    start, end = unit.source_span(4, 9)
    assert source[start:end] == "grams"
    assert [u.index for u in doc.units] == [0, 1, 2]


def test_a_row_of_label_value_pairs_labels_each_value() -> None:
    from medlint.documents import read_document

    doc = read_document(
        "a.html",
        "<table><tr><th>Name</th><td>Denise</td><th>NHS number</th><td>999</td></tr>"
        "<tr><th>Pump start</th><td>0.01 mL/kg/min</td><th>Pump maximum</th>"
        "<td>0.04 mL/kg/min</td></tr></table>",
    )
    cells = [(u.row_header, u.column_header, u.text) for u in doc.units if u.kind == "table_cell"]
    assert cells == [
        ("Name", None, "Denise"),
        ("NHS number", None, "999"),
        ("Pump start", None, "0.01 mL/kg/min"),
        ("Pump maximum", None, "0.04 mL/kg/min"),
    ]


def _everything(doc: Document) -> tuple[object, ...]:
    return (doc.title, doc.directives, [(u, u.segments, u.markers, u.breaks) for u in doc.units])


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(alphabet=" \t\n\r\f\xa0ab<>p/"), htmlish))
def test_property_markup_whitespace_begins_no_unit(source: str) -> None:
    """Whitespace between tags is not given a unit of its own (it would be dropped at the
    unit's start anyway): the page reads exactly as when every data chunk began one."""
    from medlint.documents import html

    skipped = read_html("x.html", source)
    original = html._HTML_SPACE
    html._HTML_SPACE = ""  # (str.strip("") strips nothing: every chunk begins a unit)
    try:
        kept = read_html("x.html", source)
    finally:
        html._HTML_SPACE = original
    assert _everything(skipped) == _everything(kept)


_PARAGRAPH_PIECES = [
    "<p>", "</p>", "Octagam 10%", " ", "  ", "\n", "\t", "&amp;", "&#x27;", "&#39;", "&nbsp;",
    "&ndash;", "&quot;", "&bogus;", "&#12a;", "&", "&#", "&x", "<li>", "</li>", "<ul>", "</ul>",
    "<blockquote>", "</blockquote>", "<dl>", "<dt>", "Cuvitru", "</dt>", "<dd>", "</dd>",
    "<table>", "<tr>", "<td>", "</td>", "</table>", "<h2>", "</h2>", "<b>", "</b>", "<sup>",
    "[1]", "</sup>", "<script>", "</script>", "<!-- medlint: ok -->", "<P>", "<p class=x>",
    "\ufeff", "</P>", "<br>", "é",
]  # fmt: skip
paragraphs = st.lists(st.sampled_from(_PARAGRAPH_PIECES), max_size=40).map("".join)
# A paragraph in a context: what is open before it, its text, and what follows it
_OPENERS = [
    "<ul><li>", "<ol><li>x", "<blockquote>", "<dl><dt>Cuvitru</dt>", "<table><tr><td>",
    "<table><tr><th>Product</th><th>Strength</th></tr><tr><td>Octagam</td><td>",
    "<p>open ", "<h2>", "<b>", "<sup>", "<script>", "<head><title>T</title>", "<dd>", "<dt>",
    "<caption>", "<pre>", "text ", "<!-- medlint: ok -->", "<br>",
]  # fmt: skip
_FOLLOWERS = [
    "<dd>20%</dd>", "</td><td>5%</td></tr>", "<p>next</p>", "</li><li>y", " tail", "</b>",
    "</blockquote>after", "</script><p>z</p>", "</h2>", "</sup>", "",
]  # fmt: skip
_TEXTS = ["", " ", "\n", "Octagam 10%", "a &amp; b", "it&#x27;s", "x&nbsp;y", " &quot;q&quot; "]
in_context = st.tuples(
    st.lists(st.sampled_from(_OPENERS), max_size=4),
    st.lists(st.sampled_from(_TEXTS), min_size=1, max_size=3),
    st.lists(st.sampled_from(_FOLLOWERS), max_size=3),
).map(lambda t: "".join(t[0]) + "<p>" + "".join(t[1]) + "</p>" + "".join(t[2]))


@settings(max_examples=800, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(in_context, paragraphs, htmlish))
@example("<dl><dt>Cuvitru</dt><p>Octagam 10%</p><dd>20%</dd></dl>")  # the <p> ends the term
@example("<p>open <p>Octagam 10%</p> tail</p>")  # (the first <p> closed by the second)
@example("<ul><li><p>Octagam 10%</p></li></ul><blockquote><p>5%</p></blockquote>")
@example("<table><tr><td><p>Octagam 10%</p></td></tr></table>")
@example("<h2><p>Octagam 10%</p></h2><p>it&#x27;s &bogus; &amp</p>")
def test_property_a_plain_paragraph_read_at_once_reads_as_through_the_callbacks(
    source: str,
) -> None:
    """``HtmlExtractor._paragraph`` reads ``<p>text</p>`` in one step: the page must read
    exactly as when every paragraph goes through the parser's callbacks."""
    from medlint.documents import html

    fused = read_html("x.html", source)
    html._FUSED = False
    try:
        called = read_html("x.html", source)
    finally:
        html._FUSED = True
    assert _everything(fused) == _everything(called)


def test_a_plain_paragraph_is_read_at_once_wherever_it_sits() -> None:
    from medlint.documents import html

    source = (
        "<ul><li><p>Privigen &amp; Hizentra&#x27;s 10%</p></li></ul>\n"
        "<blockquote><p>It is a 5% solution.</p></blockquote><dl><dt>Cuvitru</dt>"
        "<dd><p>20%&nbsp;solution</p></dd></dl><p> </p><p>Last.</p>"
    )
    steps: list[str] = []
    original = html.HtmlExtractor._paragraph

    def counted(self: Any, text: str, after: int) -> int:
        steps.append(text)
        return original(self, text, after)

    html.HtmlExtractor._paragraph = counted  # type: ignore[method-assign]
    try:
        doc = read_html("x.html", source)
    finally:
        html.HtmlExtractor._paragraph = original  # type: ignore[method-assign]
    assert len(steps) == 5  # every paragraph here took the one step
    assert [(u.kind, u.text, u.list_depth, u.quoted, u.definition) for u in doc.units] == [
        ("list_item", "Privigen & Hizentra's 10%", 1, False, False),
        ("paragraph", "It is a 5% solution.", 0, True, False),
        ("paragraph", "Cuvitru", 0, False, False),
        ("paragraph", "20% solution", 0, False, False),
        ("paragraph", "Last.", 0, False, False),
    ]
    check_offset_map(doc)
    unit = doc.units[0]
    s, e = unit.source_span(unit.text.index("&"), unit.text.index("&") + 1)
    assert doc.source[s:e] == "&amp;"
