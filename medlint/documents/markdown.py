"""Markdown reader built on markdown-it-py (CommonMark plus pipe tables).

markdown-it gives block tokens with *line* ranges only, and inline tokens with
their processed content but no columns. To keep exact positions this reader
works in two steps for every inline token:

1. map the token's ``content`` (the inline source markdown-it parsed, with
   container prefixes such as ``> `` and list indentation removed) back to the
   source, line by line (or cell by cell in tables);
2. walk the inline children in order with a cursor through that content,
   locating each piece of text where the parser must have taken it from.

Verbatim text is checked against the source before it is mapped, so a piece
that cannot be located is still kept but mapped to the block start instead of
to a wrong place. The ``text_join`` rule is disabled so that escapes and
entities arrive as separate ``text_special`` tokens that carry their source
form, and can be mapped as replacements.

A block an archive repeats is read once: its unit text is kept by the block's inline
content and source lines, with segments relative to the block (``_BUILT``), and markdown-it
parses a block's inline content only when it is not kept. A document made only of ATX
headings, paragraphs and one-line list items whose lines open on a letter (most articles) is
split into blocks without markdown-it's block parser (``_simple_blocks``), which no other
block can start on such lines; anything else is parsed.

Front matter and footnotes are handled here rather than by ``mdit_py_plugins``,
which is not a dependency: a leading ``---`` block closed by another ``---`` is
front matter (unclosed, it is ordinary Markdown), and ``[^1]`` footnote
references are plain text that the unit builder marks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim, normalizeReference
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from medlint import rx
from medlint.documents._build import DocumentBuilder, Finished, TextBuilder, shifted
from medlint.documents.html import HtmlExtractor
from medlint.model import Document, line_starts_of
from medlint.quantities import PARAGRAPH_MEMO

_FRONT_MATTER_FENCE = rx.compile(r"---[ \t]*")
_TAG_NAME = rx.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_HREF = rx.compile(r"\shref\s*=", re.IGNORECASE)
_MARKER_TAGS = frozenset({"a", "sup", "cite"})
# Inline HTML elements whose content is not prose.
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "code", "kbd", "samp"})
_BREAK_SPACE = " \t\n"
_BACKTICKS: dict[int, re.Pattern[str]] = {}
_MAX_NESTING = 50


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The shared CommonMark parser: tables on, ``text_join`` off (see module docstring).

    ``maxNesting`` is raised from the preset's 20, past which markdown-it
    silently drops the rest of the document (about ten nested lists), but kept
    low enough that its recursive block parser stays far from the recursion
    limit.
    """
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")
    md.disable("text_join")
    return md


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    """``_parser()`` without its inline step: the reader parses a block's inline content
    itself (with ``_parser()``), and only for a block it has not read before (``_BUILT``)."""
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")
    md.disable(["text_join", "inline"])
    return md


# Each paragraph or heading block read, by its inline content and its source lines, as unit
# text with segments relative to the block's first line: a block an archive repeats is
# parsed inline and walked once, then placed at its own offsets. Blocks holding inline HTML
# (a comment may be a directive) or, where link references are defined, a bracket, are read
# each time. Bounded like the other paragraph memos.
_BUILT: dict[tuple[str, str], Finished] = {}


def _backtick_run(n: int) -> re.Pattern[str]:
    """A run of exactly ``n`` backticks (code span delimiters must match in length)."""
    pat = _BACKTICKS.get(n)
    if pat is None:
        pat = _BACKTICKS[n] = rx.compile(rf"(?<!`)`{{{n}}}(?!`)")
    return pat


# "**Manufacturer:** Grifols", "Route: intravenous": a field line in a paragraph of them
_FIELD_LINE = rx.compile(
    # (a bold label may open with a figure: "**20% subcutaneous products:** Hizentra ...")
    r"[ \t]*(?:(?:\*\*|__)[A-Z0-9]|[A-Z])[^:\n*_]{0,40}(?::(?:\*\*|__)|(?:\*\*|__)?:)[ \t]+\S"
)


class _Lines:
    """Source spans of the lines markdown-it saw, which start at the body start."""

    def __init__(self, source: str, body_start: int) -> None:
        starts = line_starts_of(source)
        first = bisect.bisect_right(starts, body_start) - 1
        self._starts = starts[first:]
        self._starts[0] = body_start
        self._source = source

    def start(self, line: int) -> int:
        """Offset where ``line`` starts (the source end past the last line)."""
        if line < len(self._starts):
            return self._starts[line]
        return len(self._source)

    def span(self, line: int) -> tuple[int, int] | None:
        """(start, end) of ``line`` without its line ending, or None past the end."""
        starts = self._starts
        if line < 0 or line >= len(starts):
            return None
        s = starts[line]
        e = starts[line + 1] if line + 1 < len(starts) else len(self._source)
        src = self._source
        if e > s and src[e - 1] == "\n":
            e -= 1
        if e > s and src[e - 1] == "\r":
            e -= 1
        return s, e


# "title: IVIG for dermatomyositis" in the front matter (quoted or not).
_FRONT_MATTER_TITLE = rx.compile(r"(?m)^title:[ \t]*[\"']?(.*?)[\"']?[ \t]*\r?$")


def _body_start(source: str) -> int:
    """Offset where Markdown starts: after a BOM and a closed front matter block."""
    start = 1 if source.startswith("\ufeff") else 0
    starts = line_starts_of(source)
    first = bisect.bisect_right(starts, start) - 1
    if len(starts) < first + 2:
        return start  # a single line cannot open front matter

    def line_end(i: int) -> int:
        e = starts[i + 1] if i + 1 < len(starts) else len(source)
        while e > starts[i] and source[e - 1] in "\r\n":
            e -= 1
        return e

    if not _FRONT_MATTER_FENCE.fullmatch(source, start, line_end(first)):
        return start
    if starts[first + 1] >= len(source):
        return start
    for i in range(first + 1, len(starts)):
        if _FRONT_MATTER_FENCE.fullmatch(source, starts[i], line_end(i)):
            return starts[i + 1] if i + 1 < len(starts) else len(source)
    return start


class _ContentMap:
    """Maps offsets in an inline token's content to source offsets.

    Breakpoints are (content offset, source offset) pairs; between two
    breakpoints content and source run in step. A source offset of None means
    that stretch could not be located.
    """

    def __init__(self, points: list[tuple[int, int | None]], fallback: int) -> None:
        self.cpos = [c for c, _ in points]
        self.spos = [s for _, s in points]
        self.fallback = fallback

    def at(self, c: int) -> int | None:
        i = bisect.bisect_right(self.cpos, c) - 1
        if i < 0:
            return None
        s = self.spos[i]
        return None if s is None else s + (c - self.cpos[i])

    def next_at(self, c: int) -> int | None:
        """Like :meth:`at`, but an unlocated stretch (a partly expanded tab) maps to its end."""
        i = bisect.bisect_right(self.cpos, c) - 1
        if i >= 0 and self.spos[i] is None and i + 1 < len(self.spos):
            return self.spos[i + 1]
        return self.at(c)

    def end_of(self, c: int, start: int) -> int | None:
        """Source offset just past content offset ``c - 1`` (for a span starting at ``start``)."""
        if c <= start:
            return self.at(c)
        last = self.at(c - 1)
        return None if last is None else last + 1

    def copy(self, builder: TextBuilder, content: str, a: int, b: int) -> None:
        """Append ``content[a:b]`` verbatim, split wherever the mapping jumps."""
        cpos, spos = self.cpos, self.spos
        # Breakpoints start at 0 and strictly increase, so cpos[i] <= a < cpos[i + 1].
        i = max(bisect.bisect_right(cpos, a) - 1, 0)
        while a < b:
            end = min(b, cpos[i + 1]) if i + 1 < len(cpos) else b
            s = spos[i]
            builder.add_located(content[a:end], None if s is None else s + (a - cpos[i]))
            a = end
            i += 1

    def replace(self, builder: TextBuilder, text: str, a: int, b: int, *, lines: bool) -> None:
        """Append ``text`` standing for ``content[a:b]``.

        ``lines=True`` for spans that cross a line break: their end is the
        start of the next line's content in the source, so prefixes such as
        ``> `` or indentation are covered too.
        """
        s = self.at(a)
        e = self.next_at(b) if lines else self.end_of(b, a)
        if s is None or e is None or e < s:
            builder.add_text(text, self.fallback, self.fallback)
        else:
            builder.add_text(text, s, e)


def _locate_line(source: str, s: int, e: int, line: str) -> tuple[int, int | None]:
    """Where a content line sits in source line ``[s, e)``: (chars skipped, offset)."""
    if "\x00" in source[s:e]:
        # markdown-it replaced NUL by U+FFFD; search a same-length copy with that done.
        skipped, pos = _locate_line(source[s:e].replace("\x00", "\ufffd"), 0, e - s, line)
        return skipped, None if pos is None else s + pos
    if source.endswith(line, s, e):
        return 0, e - len(line)
    r = e
    while r > s and source[r - 1] in " \t":
        r -= 1
    if source.endswith(line, s, r):
        return 0, r - len(line)
    i = source.find(line, s, e)
    if i >= 0:
        return 0, i
    # Tabs partly expanded into spaces by markdown-it: align on the unindented text.
    bare = line.lstrip(" \t")
    if bare and bare != line:
        i = source.find(bare, s, e)
        if i >= 0:
            return len(line) - len(bare), i
    return 0, None


def _skip_space(content: str, pos: int) -> int:
    n = len(content)
    while pos < n and content[pos] in _BREAK_SPACE:
        pos += 1
    return pos


def _wholly_emphasised(line: list[str]) -> bool:
    """Whether a line's tokens are one bold or italic span: a title line."""
    if len(line) < 3 or line[0] not in ("strong_open", "em_open"):
        return False
    depth = 0
    for k, t in enumerate(line):
        if t in ("strong_open", "em_open"):
            depth += 1
        elif t in ("strong_close", "em_close"):
            depth -= 1
            if depth == 0:
                return k == len(line) - 1
    return False


class _Walker:
    """Turns the token stream into units, one inline token at a time."""

    def __init__(
        self, source: str, lines: _Lines, out: DocumentBuilder, env: dict[str, Any]
    ) -> None:
        self.source = source
        self.lines = lines
        self.out = out
        self.env = env
        refs = env.get("references")
        self.references: dict[str, Any] = refs if isinstance(refs, dict) else {}

    def _children(self, tok: Token) -> list[Token]:
        """An inline token's children, parsed now (the block parser leaves them out)."""
        md = _parser()
        children: list[Token] = []
        md.inline.parse(tok.content, md, self.env, children)
        return children

    # -- blocks --------------------------------------------------------------

    def run(self, tokens: Sequence[Token]) -> None:
        containers: list[str] = []
        item_started: list[bool] = []
        list_depth = 0
        quote_depth = 0
        kind = "paragraph"
        level = 0
        # Table state: header texts by column, the current row's first cell, column index.
        headers: list[str | None] = []
        in_head = False
        row_first: str | None = None
        col = 0
        row_cursor = 0
        for tok in tokens:
            t = tok.type
            if t == "list_item_open":
                containers.append("li")
                item_started.append(False)
                list_depth += 1
            elif t == "list_item_close":
                if containers:
                    containers.pop()
                if item_started:
                    item_started.pop()
                list_depth = max(list_depth - 1, 0)
            elif t == "blockquote_open":
                containers.append("bq")
                quote_depth += 1
            elif t == "blockquote_close":
                if containers:
                    containers.pop()
                quote_depth = max(quote_depth - 1, 0)
            elif t == "heading_open":
                kind = "heading"
                level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
            elif t == "paragraph_open":
                level = 0
                kind = "paragraph"
                if containers and containers[-1] == "li" and not item_started[-1]:
                    kind = "list_item"
                    item_started[-1] = True
            elif t == "table_open":
                headers = []
                in_head = False
            elif t == "thead_open":
                in_head = True
            elif t == "thead_close":
                in_head = False
            elif t == "tr_open":
                self.out.rows += 1
                col = -1
                row_first = None
                row_cursor = self._line_start(tok.map)
            elif t in ("th_open", "td_open"):
                col += 1
                kind = "table_header" if in_head else "table_cell"
            elif t == "inline":
                if kind in ("table_header", "table_cell"):
                    text, row_cursor = self._cell(tok, kind, row_cursor, col, headers, row_first)
                    if in_head:
                        headers.extend([None] * (col + 1 - len(headers)))
                        headers[col] = text
                    elif col == 0:
                        row_first = text
                else:
                    if containers and containers[-1] == "li" and kind == "heading":
                        item_started[-1] = True
                    self._block_inline(tok, kind, level, list_depth, quote_depth > 0)
                kind, level = "paragraph", 0
            elif t == "html_block":
                self._html_block(tok, prose=quote_depth == 0)

    def _line_start(self, line_map: list[int] | None) -> int:
        return self.lines.start(line_map[0]) if line_map else 0

    def _block_inline(
        self, tok: Token, kind: str, level: int, list_depth: int, quoted: bool
    ) -> None:
        content = tok.content
        first = tok.map[0] if tok.map else 0
        fallback = self.lines.start(first)
        key = None
        if tok.map and "<" not in content and ("[" not in content or not self.references):
            # What the walk reads: the content and the block's lines (see _BUILT).
            key = (content, self.source[fallback : self.lines.start(tok.map[1])])
            built = _BUILT.get(key)
            if built is not None:
                self.out.add(
                    kind,
                    shifted(built, fallback),
                    heading_level=level,
                    list_depth=list_depth,
                    quoted=quoted,
                )
                return
        points: list[tuple[int, int | None]] = []
        c = 0
        for j, line in enumerate(content.split("\n")):
            span = self.lines.span(first + j)
            if span is None:
                points.append((c, None))
            else:
                skipped, pos = _locate_line(self.source, span[0], span[1], line)
                if skipped:
                    points.append((c, None))
                points.append((c + skipped, pos))
            c += len(line) + 1
        builder = TextBuilder(self.source, fallback)
        self._walk(self._children(tok), content, _ContentMap(points, fallback), builder)
        finished = builder.finish()
        if key is not None:
            if len(_BUILT) >= PARAGRAPH_MEMO:
                _BUILT.clear()
            _BUILT[key] = shifted(finished, -fallback)
        self.out.add(kind, finished, heading_level=level, list_depth=list_depth, quoted=quoted)

    def _cell(
        self,
        tok: Token,
        kind: str,
        cursor: int,
        col: int,
        headers: list[str | None],
        row_first: str | None,
    ) -> tuple[str | None, int]:
        """Emit one table cell; returns its text and the row cursor past it.

        markdown-it unescapes ``\\|`` in cell content, so the cell is found in
        the row line with each ``|`` written as ``\\|``.
        """
        content = tok.content
        if not content:
            return None, cursor
        span = self.lines.span(tok.map[0]) if tok.map else None
        row_end = span[1] if span else len(self.source)
        pieces = content.split("|")
        needle = "\\|".join(pieces)
        at = self.source.find(needle, cursor, row_end)
        points: list[tuple[int, int | None]] = []
        if at < 0:
            points.append((0, None))
        else:
            # Each "|" in the content maps past the backslash that escaped it.
            points.append((0, at))
            c, s = 0, at
            for piece in pieces[:-1]:
                c += len(piece)
                s += len(piece)
                points.append((c, s + 1))
                c += 1
                s += 2
            cursor = at + len(needle)
        fallback = at if at >= 0 else cursor
        builder = TextBuilder(self.source, fallback)
        self._walk(self._children(tok), content, _ContentMap(points, fallback), builder)
        header = None
        row_header = None
        if kind == "table_cell":
            header = headers[col] if 0 <= col < len(headers) else None
            row_header = row_first if col > 0 else None
        unit = self.out.add(
            kind, builder.finish(), row_header=row_header, column_header=header, row=self.out.rows
        )
        return (unit.text if unit else None), cursor

    def _html_block(self, tok: Token, *, prose: bool) -> None:
        if not tok.map:
            return
        start = self.lines.start(tok.map[0])
        end = self.lines.start(tok.map[1])
        HtmlExtractor(self.out, self.source, start, end, prose=prose).run()

    # -- inline --------------------------------------------------------------

    def _walk(
        self,
        children: Sequence[Token],
        content: str,
        cmap: _ContentMap,
        builder: TextBuilder,
        cursor: int = 0,
        *,
        discard: bool = False,
    ) -> int:
        """Append the prose of ``children`` to ``builder``; returns the content cursor.

        With ``discard=True`` (image alt text) the cursor still advances but
        nothing is appended.
        """
        links: list[tuple[int, bool]] = []  # (marker start, is a footnote reference)
        tags: list[tuple[str, int]] = []
        skipping: str | None = None
        line: list[str] = []  # the types of the current line's tokens (see _wholly_emphasised)
        for child in children:
            t = child.type
            if t not in ("softbreak", "hardbreak") and (t != "text" or child.content.strip()):
                line.append(t)
            if t == "text" or (t == "text_special" and not child.markup):
                text = child.content
                if not text:
                    continue
                at = content.find(text, cursor)
                if at < 0:
                    if not discard and skipping is None:
                        builder.add_located(text, None)
                    continue
                if not discard and skipping is None:
                    cmap.copy(builder, content, at, at + len(text))
                cursor = at + len(text)
            elif t == "text_special":
                at = content.find(child.markup, cursor)
                text = child.content.replace("\xa0", " ")
                if at < 0:
                    if not discard and skipping is None:
                        builder.add_located(text, None)
                    continue
                if not discard and skipping is None:
                    cmap.replace(builder, text, at, at + len(child.markup), lines=False)
                cursor = at + len(child.markup)
            elif t in ("softbreak", "hardbreak"):
                nl = content.find("\n", cursor)
                if nl < 0:
                    continue
                if not discard and skipping is None:
                    if _wholly_emphasised(line):
                        # "**Card 9: Sweet, but not a sugar**" over the card's text: a title
                        builder.sentence_break()
                    # A line that opens with a label ("**IgA:** ...") starts a field: keep the
                    # break, so that each field is read as a statement of its own.
                    field = _FIELD_LINE.match(content, nl + 1) is not None
                    cmap.replace(builder, "\n" if field else " ", cursor, nl + 1, lines=True)
                cursor = nl + 1
                line = []
            elif t == "code_inline":
                cursor = self._skip_code(content, cursor, len(child.markup) or 1)
            elif t == "link_open":
                opener = "<" if child.markup == "autolink" else "["
                at = content.find(opener, cursor)
                start = builder.length
                # [^1] with a matching definition is a link; keep it reading as [^1].
                footnote = opener == "[" and at >= 0 and content.startswith("[^", at)
                if footnote and not discard and skipping is None:
                    cmap.copy(builder, content, at, at + 1)
                if at >= 0:
                    cursor = at + 1
                links.append((start, footnote))
            elif t == "link_close":
                start, footnote = links.pop() if links else (builder.length, False)
                if child.markup == "autolink":
                    at = content.find(">", cursor)
                    if at >= 0:
                        cursor = at + 1
                else:
                    close = content.find("]", cursor)
                    if footnote and close >= 0 and not discard and skipping is None:
                        cmap.copy(builder, content, close, close + 1)
                    cursor = self._skip_link_tail(content, cursor)
                if not discard:
                    builder.mark(start)
            elif t == "image":
                at = content.find("![", cursor)
                if at >= 0:
                    cursor = at + 2
                cursor = self._walk(
                    child.children or [], content, cmap, builder, cursor, discard=True
                )
                cursor = self._skip_link_tail(content, cursor)
            elif t == "html_inline":
                raw = child.content
                at = content.find(raw, cursor)
                if at < 0:
                    continue
                cursor = at + len(raw)
                if raw.startswith("<!--"):
                    inner = raw[4:-3] if raw.endswith("-->") else raw[4:]
                    s = cmap.at(at)
                    e = cmap.end_of(cursor, at)
                    if s is not None and e is not None:
                        self.out.comment(inner, s, e)
                    continue
                m = _TAG_NAME.match(raw)
                if m is None:
                    continue
                closing, name = m.group(1) == "/", m.group(2).lower()
                if skipping is not None:
                    if closing and name == skipping:
                        skipping = None
                elif name in _SKIP_TAGS:
                    if not closing and not raw.rstrip().endswith("/>"):
                        skipping = name
                elif name == "br":
                    if not discard:
                        s = cmap.at(at)
                        e = cmap.end_of(cursor, at)
                        if s is not None and e is not None:
                            builder.add_space(s, e)
                elif name in _MARKER_TAGS:
                    if closing:
                        for i in range(len(tags) - 1, -1, -1):
                            if tags[i][0] == name:
                                if not discard:
                                    builder.mark(tags[i][1])
                                del tags[i]
                                break
                    elif name != "a" or _HREF.search(raw):
                        tags.append((name, builder.length))
        if not discard:
            for start, _ in links:
                builder.mark(start)
            for _, start in tags:
                builder.mark(start)
        return cursor

    @staticmethod
    def _skip_code(content: str, cursor: int, n: int) -> int:
        """Move past a code span delimited by runs of ``n`` backticks.

        The opening run is the first backtick at the cursor (it may follow an
        escaped backtick, so it need not start a run); the closing one is the
        next run of exactly ``n``.
        """
        opening = content.find("`", cursor)
        if opening < 0:
            return cursor
        closing = _backtick_run(n).search(content, opening + n)
        return closing.end() if closing else opening + n

    def _skip_link_tail(self, content: str, cursor: int) -> int:
        """Move past ``](destination "title")`` or ``][label]`` after a link's text."""
        close = content.find("]", cursor)
        if close < 0:
            return cursor
        pos = close + 1
        n = len(content)
        if pos < n and content[pos] == "(":
            p = _skip_space(content, pos + 1)
            if p < n and content[p] != ")":
                dest = parseLinkDestination(content, p, n)
                if dest.ok:
                    p = _skip_space(content, dest.pos)
                    if p < n and p > dest.pos:
                        title = parseLinkTitle(content, p, n)
                        if title.ok:
                            p = _skip_space(content, title.pos)
                else:
                    p = -1
            if 0 <= p < n and content[p] == ")":
                return p + 1
            return pos
        if pos < n and content[pos] == "[":
            end = content.find("]", pos + 1)
            if end >= 0:
                label = content[pos + 1 : end]
                if not label.strip() or normalizeReference(label) in self.references:
                    return end + 1
        return pos


# A document of headings, paragraphs and one-line list items only, each line opening on a
# letter, is read without markdown-it's block parser (_simple_blocks); False always parses
# (the tests compare the two).
_FAST_BLOCKS = True
_SIMPLE_HEADING = rx.compile(r"(#{1,6}) [^#\s][^#]*")
_SIMPLE_ITEM = rx.compile(r"([-+*]|\d{1,9}\.) (?=[A-Za-z])")


def _letter(c: str) -> bool:
    return "a" <= c <= "z" or "A" <= c <= "Z"


def _simple_blocks(src: str) -> list[Token] | None:
    """The block tokens markdown-it gives ``src``, for the documents simple enough to be sure
    of them; None for any other (it is parsed).

    Simple: every line blank, an ATX heading with no "#" in its text, a one-line list item
    whose text opens on a letter (preceded by a blank line, a heading or an item of its list,
    followed by a blank line, a heading or an item of its list), or a paragraph line opening
    on a letter. No other block (code, quote, table, HTML, setext heading, rule, reference
    definition, lazy continuation) can start on such lines, and no tab, carriage return or
    NUL needs normalising. A property test compares the tokens' units with markdown-it's.
    """
    if "\r" in src or "\x00" in src:
        return None
    lines = src.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    tokens: list[Token] = []
    n = len(lines)
    previous = "blank"  # the line before: blank, heading, paragraph or item
    open_list = ""  # the marker of the open list ("-", "1."), or ""
    i = 0
    while i < n:
        line = lines[i]
        if not line.strip(" \t"):
            previous = "blank"
            i += 1
            continue
        first = line[0]
        item = None if _letter(first) or first == "#" else _SIMPLE_ITEM.match(line)
        if open_list and (item is None or _list_marker(item.group(1)) != open_list):
            if item is not None and previous == "item":
                return None  # another list's item straight after: maybe a continuation
            tokens.append(_list_token(open_list, -1))
            open_list = ""
        if first == "#":
            heading = _SIMPLE_HEADING.fullmatch(line)
            if heading is None:
                return None
            level = len(heading.group(1))
            tag = f"h{level}"
            tokens.append(Token("heading_open", tag, 1, map=[i, i + 1]))
            tokens.append(Token("inline", "", 0, map=[i, i + 1], content=mdTrim(line[level:])))
            tokens.append(Token("heading_close", tag, -1))
            previous = "heading"
            i += 1
            continue
        if item is not None:
            following = lines[i + 1] if i + 1 < n else ""
            if previous == "paragraph" or (
                following.strip(" \t")
                and following[0] != "#"
                and _SIMPLE_ITEM.match(following) is None
            ):
                return None  # it would end a paragraph, or one would continue it
            marker = _list_marker(item.group(1))
            if not open_list:
                tokens.append(_list_token(marker, 1))
                open_list = marker
            tokens.append(Token("list_item_open", "li", 1, map=[i, i + 1]))
            tokens.append(Token("paragraph_open", "p", 1, map=[i, i + 1]))
            content = mdTrim(line[item.end() :])
            tokens.append(Token("inline", "", 0, map=[i, i + 1], content=content))
            tokens.append(Token("paragraph_close", "p", -1))
            tokens.append(Token("list_item_close", "li", -1))
            previous = "item"
            i += 1
            continue
        if not _letter(first) or previous == "item":
            return None
        j = i + 1
        while j < n and lines[j].strip(" \t") and lines[j][0] != "#":
            if not _letter(lines[j][0]):
                return None  # a list, a rule, a setext underline, a quote ...: parsed
            j += 1
        tokens.append(Token("paragraph_open", "p", 1, map=[i, j]))
        content = mdTrim("\n".join(lines[i:j]))
        tokens.append(Token("inline", "", 0, map=[i, j], content=content))
        tokens.append(Token("paragraph_close", "p", -1))
        previous = "paragraph"
        i = j
    if open_list:
        tokens.append(_list_token(open_list, -1))
    return tokens


def _list_token(marker: str, nesting: Literal[1, -1]) -> Token:
    """The token opening (``nesting`` 1) or closing (-1) a list of ``marker``'s kind."""
    bullet = marker in "-+*"
    kind = "bullet_list" if bullet else "ordered_list"
    return Token(f"{kind}_{'open' if nesting == 1 else 'close'}", "ul" if bullet else "ol", nesting)


def _list_marker(marker: str) -> str:
    """A list marker's kind: the bullet itself, or "1." for any number."""
    return marker if marker in "-+*" else "1."


def read_markdown(path: str, source: str) -> Document:
    """Read a Markdown article into prose units with exact source positions."""
    doc = Document(path=path, source=source, format="markdown")
    body = _body_start(source)
    if body > 1 and (title := _FRONT_MATTER_TITLE.search(source, 0, body)) is not None:
        doc.title = title.group(1).strip()
    env: dict[str, Any] = {}
    text = source[body:]
    tokens = _simple_blocks(text) if _FAST_BLOCKS else None
    if tokens is None:
        tokens = _block_parser().parse(text, env)
    _Walker(source, _Lines(source, body), DocumentBuilder(doc), env).run(tokens)
    return doc
