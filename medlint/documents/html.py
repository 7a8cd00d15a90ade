"""HTML reader built on the standard library's tolerant :class:`html.parser.HTMLParser`.

Articles exported from a CMS are rarely well-formed: paragraphs and list items
are left open, tables skip ``</td>``, fragments are pasted mid-page. The
stdlib parser never rejects input and reports the line and column of every
construct, which is what exact finding positions need; it builds no tree, so
this module keeps a small stack of open block elements itself and applies the
common implicit-close rules of HTML (a new ``<p>``, ``<li>``, ``<td>`` or
``<tr>`` ends the previous one). Everything is iterative, so deeply nested
or unclosed markup cannot exhaust the recursion limit.

Entities are delivered separately (``convert_charrefs=False``) so that each
decoded character keeps the span of the entity it came from, and whitespace is
collapsed the way a browser renders it, with each collapsed run mapped to its
source span. :class:`HtmlExtractor` also serves the Markdown reader for raw
HTML blocks embedded in Markdown.

Most of an article is paragraphs of plain text (``<p>...</p>``, with at most
well-formed references such as ``&amp;``); where no paragraph or table is open
such a paragraph is read in one step, doing what its three callbacks would do
(``HtmlExtractor._paragraph``; a property test reads pages both ways).
"""

from __future__ import annotations

import dataclasses
import html
from html.parser import HTMLParser
from typing import Any

from medlint import rx
from medlint.documents._build import DocumentBuilder, TextBuilder
from medlint.model import Document, Segment, Unit

# Elements whose content is never prose. script/style are raw text to the parser.
_SKIP = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "head",
        "title",
        "code",
        "pre",
        "kbd",
        "samp",
        "svg",
        "math",
        "textarea",
        "select",
        "iframe",
        "object",
    }
)
# What may appear inside <head>; anything else means the body has started.
_HEAD_CONTENT = frozenset(
    {"title", "meta", "link", "style", "script", "noscript", "base", "template"}
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that end one prose unit and start another.
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        *_HEADINGS,
    }
)
# Start tags that implicitly close an open <p> (HTML's "close a p element" rule).
_CLOSES_P = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
        *_HEADINGS,
    }
)
# Elements an implicit close does not reach through.
_SCOPE = frozenset({"table", "td", "th", "caption", "template", "html", "object", "button"})
_LIST_SCOPE = _SCOPE | {"ul", "ol", "menu"}
_DL_SCOPE = _SCOPE | {"dl"}
_ROW_SCOPE = frozenset({"table", "thead", "tbody", "tfoot"})
_CELL_SCOPE = _ROW_SCOPE | {"tr"}
_MARKERS = frozenset({"a", "sup", "cite"})
# What a <sup> holds when it cites: "1", "[2]", "3,4", "5-7", "a", "*", "†".
_CITATION_SUP = rx.compile(
    r"[\[(]?(?:\d{1,4}|[a-z]|[*†‡§]{1,3})(?:\s*[,–-]\s*(?:\d{1,4}|[a-z]))*[\])]?"
)
_REFERENCE = rx.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_P = frozenset({"p"})
_LI = frozenset({"li"})
_DD_DT = frozenset({"dd", "dt"})
_CELLS = frozenset({"td", "th"})
_BOLD = frozenset({"strong", "b"})
_TR = frozenset({"tr"})
_TABLE = frozenset({"table"})
_NOTHING: frozenset[str] = frozenset()


class _Open:
    """An open block element and what it implies for the prose inside it."""

    __slots__ = ("kind", "level", "list_depth", "tag")

    def __init__(self, tag: str, kind: str, level: int, list_depth: int) -> None:
        self.tag = tag
        self.kind = kind
        self.level = level
        self.list_depth = list_depth


class _Cell:
    __slots__ = ("bold", "col", "header", "index", "plain", "rowspan", "span", "texts", "th")

    def __init__(
        self, index: int, col: int, span: int, header: bool, rowspan: int = 1, th: bool = False
    ) -> None:
        self.th = th  # a <th> (in any row)
        self.index = index
        self.col = col
        self.span = span
        self.header = header
        # whether any of its text was in <strong>/<b>, or outside them (see _Table.start_row)
        self.bold = False
        self.plain = False
        self.rowspan = rowspan
        self.texts: list[str] = []


class _Table:
    """Column headers and the current row, so cells can name their row and column."""

    __slots__ = (
        "carried",
        "cell",
        "col",
        "first_carried",
        "first_row",
        "headers",
        "in_head",
        "row",
        "row_cells",
        "row_first",
        "row_pairs",
        "spans",
    )

    def __init__(self) -> None:
        self.headers: dict[int, str] = {}
        self.in_head = False
        self.row = -1
        self.col = 0
        self.row_cells = 0
        self.row_first: str | None = None
        # a row of label/value pairs ("<th>Pump start</th><td>0.01</td><th>Pump maximum</th>
        # <td>0.04</td>"): each <th> labels the cells after it
        self.row_pairs = False
        self.cell: _Cell | None = None
        # Cells reaching down from rows above (rowspan): column -> [rows left, text].
        self.spans: dict[int, list[Any]] = {}
        self.carried: set[int] = set()
        self.first_carried = False  # the row's first column is a cell from above
        self.first_row: list[_Cell] = []

    def start_row(self) -> None:
        if self.row == 0 and not self.headers:
            self._bold_header_row()
        elif (
            self.row == 0
            and self.first_row
            and self.first_row[0].th
            and any(not c.th for c in self.first_row)
        ):
            # "<th>Name</th><td>...</td><th>NHS number</th><td>...</td>": a first row of
            # label/value pairs labels its own cells, not the columns below
            self.headers.clear()
        self.row += 1
        self.col = 0
        self.row_cells = 0
        self.cell = None
        self.carried = {c for c, (left, _) in self.spans.items() if left > 0}
        self.first_carried = 0 in self.carried
        # "| Octagam (rowspan 2) | 5% |" then "| 10% |": the second row is Octagam's too.
        self.row_first = self.spans[0][1] if self.first_carried else None
        for c in self.carried:
            self.spans[c][0] -= 1

    def start_cell(self, is_th: bool, span: int, rowspan: int = 1) -> None:
        if self.row < 0:
            self.start_row()
        while self.col in self.carried:
            self.col += 1  # a cell from a row above takes this column
        header = self.in_head or (self.row == 0 and is_th)
        self.cell = _Cell(self.row_cells, self.col, span, header, rowspan, th=is_th)
        if self.row == 0:
            self.first_row.append(self.cell)
        self.row_cells += 1
        self.col += span

    def end_cell(self) -> None:
        cell = self.cell
        if cell is None:
            return
        self.cell = None
        text = " ".join(cell.texts) or None
        if cell.index == 0 and not self.first_carried:
            self.row_first = text
            self.row_pairs = cell.th
        elif self.row_pairs and cell.th and text is not None:
            self.row_first = text  # the next pair's label
        if cell.rowspan > 1:
            for c in range(cell.col, cell.col + cell.span):
                self.spans[c] = [cell.rowspan - 1, text]
        if cell.header and text is not None:
            for c in range(cell.col, cell.col + cell.span):
                self.headers[c] = text

    def _bold_header_row(self) -> None:
        """A first row of ``<td>`` cells all in bold heads its columns, as ``<th>`` would:
        CMS editors make header rows that way ("<td><strong>Gamunex-C</strong></td>")."""
        cells = self.first_row
        written = [c for c in cells if c.texts]
        if len(written) < 2 or any(c.plain or not c.bold for c in written):
            return
        for c in written:
            for col in range(c.col, c.col + c.span):
                self.headers[col] = " ".join(c.texts)


def _span(attrs: list[tuple[str, str | None]], attribute: str) -> int:
    """A cell's colspan or rowspan: 1 when absent or not a number, at most 1000."""
    for name, value in attrs:
        if name == attribute and value:
            try:
                return min(max(int(value.strip()), 1), 1000)
            except ValueError:
                return 1
    return 1


# The whitespace HTML collapses (and drops at the start of a block).
_HTML_SPACE = " \t\n\r\f"
# Whether a paragraph of plain text is read in one step (HtmlExtractor._paragraph); False
# reads every paragraph through the callbacks (the tests compare the two).
_FUSED = True
# A reference as the parser reports it (handle_entityref, handle_charref), ";" included
_WELL_FORMED_REFERENCE = rx.compile(r"&(?:[a-zA-Z][-.a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")


class HtmlExtractor(HTMLParser):
    """Reads ``source[start:end]`` as HTML, appending prose units and directives to ``out``.

    With ``prose=False`` only directives are collected (used for HTML inside
    Markdown block quotes, whose ``>`` prefixes would otherwise read as text).
    """

    def __init__(
        self,
        out: DocumentBuilder,
        source: str,
        start: int = 0,
        end: int | None = None,
        *,
        prose: bool = True,
    ) -> None:
        super().__init__(convert_charrefs=False)
        self._out = out
        self._source = source
        self._start = start
        self._end = len(source) if end is None else end
        self._prose = prose
        # HTMLParser counts lines by "\n" only, so lone "\r" is not a line break to it.
        starts = [start]
        find = source.find
        i = find("\n", start, self._end)
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1, self._end)
        self._line_starts = starts
        self._stack: list[_Open] = []
        self._counts: dict[str, int] = {}
        self._bold = 0  # open <strong>/<b> elements
        self._skip: list[str] = []
        self.title = ""
        self._builder: TextBuilder | None = None
        self._marks: list[tuple[str, int]] = []
        self._term: str | None = None  # the latest <dt>'s text (see _flush)
        self._tables: list[_Table] = []

    def run(self) -> None:
        """Parse the whole range and flush the last unit."""
        try:
            self.feed(self._source[self._start : self._end])
            self.close()
        except AssertionError:  # pragma: no cover - html.parser's own asserts; keep what was read
            pass
        self._flush()

    def parse_html_declaration(self, i: int) -> int:
        """As the base class, but a malformed ``<![...`` or ``<!DOCTYPE`` is a bogus comment.

        Before Python 3.13, ``_markupbase`` raises AssertionError on some
        malformed declarations instead of recovering as browsers do.
        """
        position = self.lineno, self.offset
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            # The failed scan has already advanced the position; rewind it.
            self.lineno, self.offset = position
            return self.parse_bogus_comment(i)

    def parse_starttag(self, i: int) -> int:
        """As the base class, but a plain ``<p>text</p>`` is read in one step (``_paragraph``)."""
        rawdata = self.rawdata
        if (
            _FUSED
            and rawdata.startswith("<p>", i)
            and not self._skip
            and not self._tables
            and not self._counts.get("p")
        ):
            close = rawdata.find("<", i + 3)
            if close >= 0 and rawdata.startswith("</p>", close):
                text = rawdata[i + 3 : close]
                # (every "&" starts a reference the parser reports whole)
                if "&" not in text or text.count("&") == len(_WELL_FORMED_REFERENCE.findall(text)):
                    return self._paragraph(text, close + 4)
        return super().parse_starttag(i)

    def _paragraph(self, text: str, after: int) -> int:
        """What ``<p>``, its text and ``</p>`` make the callbacks do, done at once.

        Only for a paragraph of text and well-formed references (``&amp;``, ``&#x27;``)
        without markup, with no ``<p>`` open, no table open and nothing skipped (then the
        start tag pops nothing, the data is one chunk, and the end tag pops the paragraph
        alone): most of an article's HTML. Returns the offset past ``</p>``, from which the
        parser goes on (it counts the lines).
        """
        self._flush()  # (as a block's start tag does)
        top = self._stack[-1] if self._stack else None
        if self._prose and text.strip(_HTML_SPACE):
            src = self._source
            start = self._offset() + 3  # past "<p>"
            end = start + len(text)
            builder: TextBuilder | None = None
            pos = start
            # The data between references, and each reference, as handle_data and _reference
            # take them
            for ref in _WELL_FORMED_REFERENCE.finditer(src, start, end) if "&" in text else ():
                # (markup's whitespace before the first reference begins no unit)
                if pos < ref.start() and (
                    builder is not None or src[pos : ref.start()].strip(_HTML_SPACE)
                ):
                    builder = builder or TextBuilder(src, pos)
                    builder.add_collapsed(pos, ref.start())
                builder = builder or TextBuilder(src, ref.start())
                raw = ref.group()
                decoded = html.unescape(raw).replace("\xa0", " ")
                if decoded == raw:
                    builder.add_collapsed(ref.start(), ref.end())
                else:
                    builder.add_text(decoded, ref.start(), ref.end())
                pos = ref.end()
            if pos < end and (builder is not None or src[pos:end].strip(_HTML_SPACE)):
                builder = builder or TextBuilder(src, pos)
                builder.add_collapsed(pos, end)
            if builder is None:
                return after
            unit = self._out.add(
                top.kind if top else "paragraph",
                builder.finish(),
                heading_level=top.level if top else 0,
                list_depth=top.list_depth if top else 0,
                quoted=self._counts.get("blockquote", 0) > 0,
            )
            if unit is not None:
                self._term = None  # (a unit other than a <dt>'s ends a definition list)
        return after

    # -- positions and units -------------------------------------------------

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _text(self) -> TextBuilder:
        if self._builder is None:
            self._builder = TextBuilder(self._source, self._offset())
        return self._builder

    def _flush(self) -> None:
        """Emit the pending text as a unit of the innermost block's kind."""
        builder = self._builder
        if builder is None:
            return
        self._builder = None
        for _, start in self._marks:
            builder.mark(start)
        self._marks.clear()
        top = self._stack[-1] if self._stack else None
        kind = top.kind if top else "paragraph"
        level = top.level if top else 0
        depth = top.list_depth if top else 0
        row_header = column_header = None
        cell = None
        if kind in ("table_cell", "table_header") and self._tables:
            table = self._tables[-1]
            cell = table.cell
            if cell is not None:
                if not cell.header:
                    column_header = table.headers.get(cell.col)
                if (cell.index > 0 or table.first_carried) and not cell.header:
                    row_header = table.row_first
        definition = top is not None and top.tag == "dd"
        if definition and column_header is None:
            # "<dt>Concentration</dt><dd>10%</dd>": the term heads its definition, as a column
            # header heads a cell
            column_header = self._term
        unit = self._out.add(
            kind,
            builder.finish(),
            heading_level=level,
            row_header=row_header,
            column_header=column_header,
            list_depth=depth,
            definition=definition,
            row=self._out.rows if cell is not None else -1,
            quoted=self._counts.get("blockquote", 0) > 0,
        )
        if unit is not None and cell is not None:
            cell.texts.append(unit.text)
        if unit is not None and not definition:
            # the term a following <dd> belongs to; any other unit ends the definition list's
            self._term = unit.text if top is not None and top.tag == "dt" else None

    # -- the block stack -----------------------------------------------------

    def _find(self, targets: frozenset[str], stops: frozenset[str]) -> int:
        """Index of the innermost open element in ``targets`` not hidden behind ``stops``."""
        counts = self._counts
        if not any(counts.get(t, 0) for t in targets):
            return -1
        stack = self._stack
        for i in range(len(stack) - 1, -1, -1):
            tag = stack[i].tag
            if tag in targets:
                return i
            if tag in stops:
                return -1
        return -1

    def _pop_to(self, index: int) -> None:
        """Close every open element from the top down to (and including) ``index``."""
        if index < 0:
            return
        stack = self._stack
        while len(stack) > index:
            self._flush()
            entry = stack.pop()
            self._counts[entry.tag] -= 1
            tag = entry.tag
            if tag in ("td", "th"):
                if self._tables:
                    self._tables[-1].end_cell()
            elif tag == "table":
                if self._tables:
                    self._tables.pop()
            elif tag == "thead" and self._tables:
                self._tables[-1].in_head = False

    def _push(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        top = self._stack[-1] if self._stack else None
        kind = top.kind if top else "paragraph"
        level = top.level if top else 0
        depth = top.list_depth if top else 0
        if tag in _HEADINGS:
            kind, level = "heading", int(tag[1])
        elif tag == "li":
            kind = "list_item"
        elif tag in ("ul", "ol", "menu"):
            depth += 1
        elif tag == "td":
            kind = "table_cell"
        elif tag == "th":
            kind = "table_header"
        elif tag in ("table", "caption"):
            kind, level = "paragraph", 0
        self._stack.append(_Open(tag, kind, level, depth))
        self._counts[tag] = self._counts.get(tag, 0) + 1
        if tag == "table":
            self._tables.append(_Table())
        elif self._tables:
            table = self._tables[-1]
            if tag == "thead":
                table.in_head = True
            elif tag == "tr":
                table.start_row()
                self._out.rows += 1
            elif tag in ("td", "th"):
                table.start_cell(tag == "th", _span(attrs, "colspan"), _span(attrs, "rowspan"))

    def _open_block(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        if tag in _CLOSES_P:
            self._pop_to(self._find(_P, _SCOPE))
        if tag == "li":
            self._pop_to(self._find(_LI, _LIST_SCOPE))
        elif tag in ("dd", "dt"):
            self._pop_to(self._find(_DD_DT, _DL_SCOPE))
        elif tag in ("td", "th"):
            self._pop_to(self._find(_CELLS, _CELL_SCOPE))
        elif tag == "tr":
            self._pop_to(self._find(_TR, _ROW_SCOPE))
            i = self._find(_CELLS, _TABLE)
            self._pop_to(i)
        elif tag in ("thead", "tbody", "tfoot"):
            i = self._find(_TABLE, _NOTHING)
            if i >= 0:
                self._pop_to(i + 1)
        elif tag in _HEADINGS and self._stack and self._stack[-1].tag in _HEADINGS:
            self._pop_to(len(self._stack) - 1)
        self._push(tag, attrs)

    # -- HTMLParser callbacks ------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start_tag(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start_tag(tag, attrs, closed=True)

    def _start_tag(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        if self._skip:
            if "head" in self._skip and tag not in _HEAD_CONTENT and tag not in _SKIP:
                self._skip.clear()  # the body started without </head>
            else:
                if tag in _SKIP and not closed and tag not in _VOID:
                    self._skip.append(tag)
                return
        if tag in _SKIP:
            if not closed:
                self._skip.append(tag)
            return
        if tag == "br":
            if self._prose:
                off = self._offset()
                end = self._source.find(">", off, self._end)
                self._text().add_space(off, end + 1 if end >= 0 else off)
            return
        if tag == "hr":
            self._flush()
            return
        if tag in _BOLD and not closed:
            self._bold += 1
            return
        if tag in _MARKERS:
            is_reference = tag != "a" or any(name == "href" for name, _ in attrs)
            if is_reference and not closed:
                self._marks.append((tag, self._text().length))
            return
        if tag in _BLOCK:
            if closed:
                self._flush()
            else:
                self._open_block(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:
                i = len(self._skip) - 1 - self._skip[::-1].index(tag)
                del self._skip[i:]
            return
        if tag == "br":
            self._start_tag(tag, [], closed=True)
            return
        if tag in _BOLD:
            self._bold = max(0, self._bold - 1)
            return
        if tag in _MARKERS:
            marks = self._marks
            for i in range(len(marks) - 1, -1, -1):
                if marks[i][0] == tag:
                    builder = self._builder
                    # <sup>®</sup> and <sup>TM</sup> are trademark marks, not citations.
                    if builder is not None and (
                        tag != "sup"
                        or _CITATION_SUP.fullmatch(builder.text_since(marks[i][1]).strip())
                    ):
                        builder.mark(marks[i][1])
                    del marks[i]
                    break
            return
        if tag in _BLOCK:
            self._flush()
            if self._counts.get(tag, 0):
                for i in range(len(self._stack) - 1, -1, -1):
                    if self._stack[i].tag == tag:
                        self._pop_to(i)
                        break

    def handle_data(self, data: str) -> None:
        if self._skip:
            if self._skip[-1] == "title":  # the page's <title>, kept apart from the prose
                self.title += html.unescape(data)
            return
        if not self._prose or not data:
            return
        if self._builder is None and not data.strip(_HTML_SPACE):
            # Markup's own whitespace ("</p>\n<p>"): dropped at a unit's start anyway, so no
            # unit is begun for it (half the data calls of a page).
            return
        if self._tables and not data.isspace():
            cell = self._tables[-1].cell
            if cell is not None:
                if self._bold:
                    cell.bold = True
                else:
                    cell.plain = True
        off = self._offset()
        if off == 0 and data[0] == "\ufeff":  # a byte-order mark is not prose
            off, data = 1, data[1:]
            if not data:
                return
        builder = self._text()
        if not self._source.startswith(data, off):
            # Not expected from HTMLParser, which passes raw slices.
            builder.add_text(" ".join(data.split()), off, off)
            return
        end = off + len(data)
        if "&" not in data:
            builder.add_collapsed(off, end)
            return
        # A reference cut off by the end of input arrives as data; decode it as browsers do.
        pos = off
        for m in _REFERENCE.finditer(self._source, off, end):
            decoded = html.unescape(m.group()).replace("\xa0", " ")
            if decoded != m.group():
                builder.add_collapsed(pos, m.start())
                builder.add_text(decoded, m.start(), m.end())
                pos = m.end()
        builder.add_collapsed(pos, end)

    def _reference(self, raw_len: int) -> None:
        """A character or entity reference of ``raw_len`` characters (without ';') at the cursor."""
        in_title = bool(self._skip) and self._skip[-1] == "title"
        if (self._skip and not in_title) or not self._prose:
            return
        off = self._offset()
        end = min(off + raw_len, self._end)
        if self._source.startswith(";", end) and end < self._end:
            end += 1
        raw = self._source[off:end]
        if in_title:
            self.title += html.unescape(raw)
            return
        decoded = html.unescape(raw).replace("\xa0", " ")
        builder = self._text()
        if decoded == raw:
            builder.add_collapsed(off, end)
        else:
            builder.add_text(decoded, off, end)

    def handle_entityref(self, name: str) -> None:
        self._reference(len(name) + 1)

    def handle_charref(self, name: str) -> None:
        self._reference(len(name) + 2)

    def handle_comment(self, data: str) -> None:
        off = self._offset()
        src = self._source
        if src.startswith("<!--", off):
            inner_end = off + 4 + len(data)
            if src.startswith("-->", inner_end):
                end = inner_end + 3
            elif src.startswith("--!>", inner_end):
                end = inner_end + 4
            else:
                close = src.find(">", inner_end, self._end)
                end = close + 1 if close >= 0 else inner_end
        else:  # a bogus comment such as <!x> or </ x>
            close = src.find(">", off, self._end)
            end = close + 1 if close >= 0 else off + len(data)
        self._out.comment(data, off, min(end, self._end))


def read_html(path: str, source: str) -> Document:
    """Read an HTML article (a full page or a fragment) into prose units."""
    doc = Document(path=path, source=source, format="html")
    extractor = HtmlExtractor(DocumentBuilder(doc), source)
    extractor.run()
    doc.title = " ".join(extractor.title.split())
    if any(_FIGURE_ONLY.fullmatch(u.text) for u in doc.units):
        doc.units = _with_figures_joined(doc.units)
    return doc


# A block that is nothing but a figure: a poster's or a page's headline number
# (<p class="big">0.4</p>, <div class="stat">79%</div>)
_FIGURE_ONLY = rx.compile(r"[<>≤≥~≈]?\s*\d[\d.,]*\s*%?")


def _with_figures_joined(units: list[Unit]) -> list[Unit]:
    """Join each headline figure to the caption after it, as one statement.

    '<p class="big">0.4</p><p>grams per kg of body weight each day, on 3 days in a row</p>':
    apart, the figure has no unit and the caption no figure, and a wrong dose is read by
    neither. A caption goes on the figure's sentence when it starts in lower case (or with a
    unit) in the same section; the space between them maps to the markup between.
    """
    out: list[Unit] = []
    i = 0
    while i < len(units):
        unit = units[i]
        caption = units[i + 1] if i + 1 < len(units) else None
        if (
            caption is not None
            and unit.kind == caption.kind == "paragraph"
            and unit.section == caption.section
            and _FIGURE_ONLY.fullmatch(unit.text)
            and (caption.text[:1].islower() or caption.text[:2] in ("mL", "mg", "µg"))
        ):
            shift = len(unit.text) + 1
            gap = Segment(
                len(unit.text),
                shift,
                unit.segments[-1].source_end,
                caption.segments[0].source_start,
            )
            moved = tuple(
                Segment(g.unit_start + shift, g.unit_end + shift, g.source_start, g.source_end)
                for g in caption.segments
            )
            out.append(
                dataclasses.replace(
                    unit,
                    text=f"{unit.text} {caption.text}",
                    segments=(*unit.segments, gap, *moved),
                    markers=(
                        *unit.markers,
                        *((a + shift, b + shift) for a, b in caption.markers),
                    ),
                    index=len(out),
                )
            )
            i += 2
            continue
        out.append(dataclasses.replace(unit, index=len(out)) if unit.index != len(out) else unit)
        i += 1
    return out
