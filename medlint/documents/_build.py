"""Building prose units together with their offset maps, shared by the structured readers.

The Markdown and HTML readers both turn markup into prose text that no longer
lines up with the source: markup is removed, entities are decoded, line
breaks are joined. Every finding must still point at an exact line and column,
so each piece of unit text is appended together with the source span it came
from. :class:`TextBuilder` keeps those spans as :class:`~medlint.model.Segment`
s and enforces the one invariant everything downstream relies on: a segment
whose unit and source lengths are equal is a verbatim copy of the source.
:class:`DocumentBuilder` numbers units, tracks the current section and records
directives, so both readers agree on those details.
"""

from __future__ import annotations

from medlint import rx
from medlint.model import Directive, Document, Segment, Unit

# Comments that start with one of these are medlint directives, not just comments.
_DIRECTIVE_PREFIXES = ("medlint", "expect:", "ok:")
# Reference markers that survive as plain text: footnote refs [^1] and numeric [1], [2, 3], [4-6].
TEXT_MARKER = rx.compile(r"\[\^[^\]\s]+\]|\[\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\]")
# HTML collapses runs of these (and only these) whitespace characters to one space.
_HTML_SPACE_RUN = rx.compile(r"[ \t\n\r\f]+")
# The runs that rendering changes: longer than one character, or not a plain space. Single
# spaces (most of them) stay in the verbatim run without a Python-level step each.
# Whitespace HTML collapses: a run of two or more, or one tab/newline/CR/form feed (a lone
# space stays as written). Written to start with a character set, which ``re`` scans for in
# C; the equivalent ``[ \t\n\r\f]{2,}|[\t\n\r\f]`` is tried at every character.
_HTML_COLLAPSE = rx.compile(r"[ \t\n\r\f](?:(?<=[\t\n\r\f])|(?=[ \t\n\r\f]))[ \t\n\r\f]*")


# A built unit text: (text, segments, merged marker ranges, sentence breaks).
Finished = tuple[str, tuple[Segment, ...], tuple[tuple[int, int], ...], tuple[int, ...]]


def shifted(finished: Finished, delta: int) -> Finished:
    """``finished`` with its segments' source offsets moved by ``delta`` (a block read again
    elsewhere: unit offsets, markers and breaks are the unit's own)."""
    text, segments, markers, breaks = finished
    moved = tuple(
        [
            Segment(s.unit_start, s.unit_end, s.source_start + delta, s.source_end + delta)
            for s in segments
        ]
    )
    return text, moved, markers, breaks


def directive_text(inner: str) -> str | None:
    """The directive a comment body holds, or None when it is an ordinary comment."""
    text = inner.strip()
    return text if text.startswith(_DIRECTIVE_PREFIXES) else None


class TextBuilder:
    """Accumulates one unit's text and the segments that map it back to the source.

    Pieces are appended in reading order. ``add_source`` copies source text
    verbatim; ``add_text`` appends replacement text (a decoded entity, a joined
    line break) for a source span of another length. When a replacement happens
    to have the same length as its span but different characters (a lone
    ``\\n`` joined to a space), the span is shrunk to zero width at its start,
    so that equal lengths always mean a verbatim copy.
    """

    __slots__ = (
        "_breaks",
        "_fallback",
        "_last_space",
        "_length",
        "_marks",
        "_parts",
        "_segs",
        "_source",
    )

    def __init__(self, source: str, fallback: int = 0) -> None:
        self._source = source
        # Where text that cannot be located is mapped (zero width): the block start.
        self._fallback = min(max(fallback, 0), len(source))
        self._parts: list[str] = []
        # [unit_start, unit_end, source_start, source_end, verbatim]
        self._segs: list[list[int]] = []
        self._length = 0
        self._last_space = False
        self._marks: list[tuple[int, int]] = []
        self._breaks: list[int] = []

    @property
    def length(self) -> int:
        """Length of the unit text built so far (before trimming)."""
        return self._length

    def _push(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)
        self._last_space = text[-1].isspace()

    def add_source(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        start = max(start, 0)
        end = min(end, len(self._source))
        if end <= start:
            return
        n = end - start
        segs = self._segs
        last = segs[-1] if segs else None
        if last is not None and last[4] and last[3] == start:
            last[1] += n
            last[3] = end
        else:
            segs.append([self._length, self._length + n, start, end, 1])
        self._push(self._source[start:end])

    def add_text(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for ``source[start:end]`` (a replacement, not a copy)."""
        if not text:
            return
        size = len(self._source)
        start = min(max(start, 0), size)
        end = min(max(end, start), size)
        if end - start == len(text):
            if self._source.startswith(text, start):
                self.add_source(start, end)
                return
            end = start
        self._segs.append([self._length, self._length + len(text), start, end, 0])
        self._push(text)

    def add_located(self, text: str, start: int | None) -> None:
        """Append ``text`` believed to be copied from ``start``; checked, never trusted.

        If the source does not hold ``text`` there (a reader could not locate
        it), the text is still kept but mapped to the block start.
        """
        if not text:
            return
        if start is not None and start >= 0:
            if self._source.startswith(text, start):
                self.add_source(start, start + len(text))
                return
            end = start + len(text)
            if self._source[start:end].replace("\x00", "\ufffd") == text:
                # markdown-it turned NUL into U+FFFD: right place, not a verbatim copy.
                self.add_text(text, start, end)
                return
        self.add_text(text, self._fallback, self._fallback)

    def add_collapsed(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` as HTML renders it: whitespace runs become one space.

        A run at the unit start, or right after another space, is dropped.
        """
        src = self._source
        pos = start
        if start < end and src[start] in " \t\n\r\f" and (not self._length or self._last_space):
            run = _HTML_SPACE_RUN.match(src, start, end)
            assert run is not None
            pos = run.end()  # nothing to separate from: drop the run
        for m in _HTML_COLLAPSE.finditer(src, pos, end):
            s, e = m.span()
            self.add_source(pos, s)
            self.add_text(" ", s, e)
            pos = e
        self.add_source(pos, end)

    def add_space(self, start: int, end: int) -> None:
        """Append a separating space (for ``<br>``), unless the text already ends in one."""
        if self._length and not self._last_space:
            self.add_text(" ", start, end)

    def text_since(self, start: int) -> str:
        """The unit text appended since ``start`` (a marker element's content)."""
        return "".join(self._parts)[start:]

    def mark(self, start: int) -> None:
        """Record ``[start, current length)`` as a reference marker."""
        if self._length > start:
            self._marks.append((start, self._length))

    def sentence_break(self) -> None:
        """Record that a sentence ends here, whatever follows (see ``Unit.breaks``)."""
        self._breaks.append(self._length)

    def finish(self) -> Finished:
        """The trimmed unit text, its segments, its merged marker ranges and its breaks."""
        text = "".join(self._parts)
        lo = len(text) - len(text.lstrip())
        hi = len(text.rstrip())
        if hi <= lo:
            return "", (), (), ()
        if len(self._segs) == 1 and not self._marks and not self._breaks and self._segs[0][4]:
            # One verbatim copy of the source (most units): what the loop below gives it.
            start = self._segs[0][2]
            final = text[lo:hi]
            found = TEXT_MARKER.finditer(final) if "[" in final else ()
            return (
                final,
                (Segment(0, hi - lo, start + lo, start + hi),),
                tuple(m.span() for m in found),
                (),
            )
        src = self._source
        segments: list[Segment] = []
        for us, ue, ss, se, verbatim in self._segs:
            if ue <= lo or us >= hi:
                continue
            a = max(us, lo)
            b = min(ue, hi)
            if verbatim:
                s0 = ss + (a - us)
                s1 = s0 + (b - a)
            else:
                s0, s1 = ss, se
                if s1 - s0 == b - a and src[s0:s1] != text[a:b]:
                    s1 = s0
            segments.append(Segment(a - lo, b - lo, s0, s1))
        final = text[lo:hi]
        n = len(final)
        spans = [(max(s - lo, 0), min(e - lo, n)) for s, e in self._marks]
        spans.extend(m.span() for m in TEXT_MARKER.finditer(final))
        merged: list[tuple[int, int]] = []
        for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
            if merged and s < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        breaks = tuple(sorted({b - lo for b in self._breaks if lo < b < hi}))
        return final, tuple(segments), tuple(merged), breaks


class DocumentBuilder:
    """Appends finished units to a document, keeping indices and sections consistent."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.section: str | None = None
        self.rows = 0  # table rows seen: each row's cells carry its number (Unit.row)

    def add(
        self,
        kind: str,
        finished: Finished,
        *,
        heading_level: int = 0,
        row_header: str | None = None,
        column_header: str | None = None,
        list_depth: int = 0,
        definition: bool = False,
        row: int = -1,
        quoted: bool = False,
    ) -> Unit | None:
        """Add a unit of ``kind`` from a finished text (``TextBuilder.finish``, or a block's
        kept one); empty text gives no unit."""
        text, segments, markers, breaks = finished
        if not text:
            return None
        if kind == "heading":
            self.section = text
        # (positional, in field order: a third of the cost of keywords, per unit)
        unit = Unit(
            kind,
            text,
            segments,
            self.section,
            heading_level if kind == "heading" else 0,
            row_header,
            column_header,
            markers,
            len(self.doc.units),
            list_depth,
            definition,
            row,
            quoted,
            breaks,
        )
        self.doc.units.append(unit)
        return unit

    def comment(self, inner: str, start: int, end: int) -> None:
        """Record a comment spanning ``source[start:end]`` if it is a medlint directive."""
        text = directive_text(inner)
        if text is not None:
            self.doc.directives.append(Directive(text=text, start=start, end=end))
