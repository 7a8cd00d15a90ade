"""The data that flows through medlint: documents, claims and findings.

Everything downstream of the readers works in *source offsets* (character
indices into the original file text, after decoding), so that every finding
can be turned into an exact 1-based line and column of the file the editor
opened. Readers build each prose unit's text together with a list of
:class:`Segment` s that map unit-text offsets back to source offsets; this is
the offset map DESIGN.md asks for instead of re-locating matches by search.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from medlint import rx

Severity = Literal["error", "warning", "info"]
Category = Literal["contradiction", "inconsistency", "ambiguity", "citation", "style"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


_LINE_END = rx.compile(r"\r\n|\r|\n")


def line_starts_of(text: str) -> list[int]:
    """Offsets at which each line starts. ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    if "\r" in text:
        return [0, *[m.end() for m in _LINE_END.finditer(text)]]
    # Only "\n": found by str.find, 4-5x faster than the pattern (every reader, and every
    # finding's position, asks)
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        i += 1
        starts.append(i)
        i = find("\n", i)
    return starts


@dataclass(frozen=True, slots=True)
class Segment:
    """Maps ``unit_text[unit_start:unit_end]`` to ``source[source_start:source_end]``.

    When both lengths are equal the mapping is character for character; when
    they differ (an HTML entity such as ``&amp;`` decoded to ``&``, or a soft
    line break joined into a space) every offset inside maps to the segment
    start and the end maps to the segment end.
    """

    unit_start: int
    unit_end: int
    source_start: int
    source_end: int


@dataclass(slots=True)
class Unit:
    """One prose unit: a heading, paragraph, list item, table cell or reference entry."""

    kind: str
    text: str
    segments: tuple[Segment, ...]
    section: str | None = None
    heading_level: int = 0
    row_header: str | None = None
    column_header: str | None = None
    # Ranges of unit text that are reference markers ([1], <sup>, [^1], links).
    markers: tuple[tuple[int, int], ...] = ()
    index: int = 0
    # List nesting depth: 1 for a top-level list item, 0 outside lists.
    list_depth: int = 0
    # A definition (HTML <dd>): about the term the units before it define ("<dt>Cuvitru</dt>").
    definition: bool = False
    # Table cells: which row they sit in (an id unique within the document, -1 elsewhere), so
    # a row keyed by a column other than the first ("| Grifols | Gamunex-C | 10% |") still
    # tells its cells which product they describe.
    row: int = -1
    # Inside a block quote (Markdown "> ...", HTML <blockquote>): in a forum reply, the post
    # being answered, which the reply may go on to rebut.
    quoted: bool = False
    # Offsets where a sentence ends whatever its punctuation: after a line the reader saw set
    # wholly in bold or italics above more text ("**Card 9: Sweet, but not a sugar**" over
    # the card's text), a title with no full stop that would otherwise run into the next
    # sentence (and lend it its "not").
    breaks: tuple[int, ...] = ()
    # Segment starts for bisection, built on first use (every claim maps two spans).
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def to_source(self, offset: int, *, end: bool = False) -> int:
        """Map a unit-text offset to a source offset.

        ``end=True`` maps an exclusive end offset, so that a span ending at a
        segment boundary ends at that segment's source end.
        """
        segs = self.segments
        if not segs:
            return 0
        if len(segs) == 1:
            seg = segs[0]
        else:
            starts = self._starts
            if starts is None:
                starts = self._starts = [s.unit_start for s in segs]
            i = bisect.bisect_right(starts, offset) - 1
            if end and i > 0 and offset == segs[i].unit_start:
                i -= 1
            seg = segs[max(i, 0)]
        if offset >= seg.unit_end:
            return seg.source_end
        rel = offset - seg.unit_start
        if seg.unit_end - seg.unit_start == seg.source_end - seg.source_start:
            return seg.source_start + max(rel, 0)
        if end and rel > 0:
            return seg.source_end
        return seg.source_start

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a unit-text span to a source span."""
        return self.to_source(start), self.to_source(end, end=True)


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline medlint comment (suppression or expectation) found by a reader."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class ReferenceSection:
    """A references/citations section: where its heading is and what entries it holds."""

    heading: str
    start: int
    end: int
    entries: list[str] = field(default_factory=list)
    # Where the section ends in the source: the next heading of its level or above ("-----
    # Original Message-----" in an e-mail thread whose first message has its own refs), else
    # the end of the document. What follows it is prose again.
    body_end: int = 2**62
    # An annotated bibliography's entries come with the compiler's own prose about them: its
    # section stays prose for the claims (see documents.sections.makes_no_claims).
    annotated: bool = False

    def holds(self, offset: int) -> bool:
        """Whether source ``offset`` lies in the section (its heading or its entries)."""
        return self.start <= offset < self.body_end


@dataclass(slots=True)
class Document:
    """A read article: its source text, prose units and what the reader noticed."""

    path: str
    source: str
    format: str
    units: list[Unit] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    references: ReferenceSection | None = None
    # The title a page gives outside its prose (Markdown front matter, HTML <title>): where an
    # article names its subject when it has no heading.
    title: str = ""
    _line_starts: list[int] | None = None

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = line_starts_of(self.source)
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count code points."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        s = starts[line - 1]
        e = starts[line] if line < len(starts) else len(self.source)
        return self.source[s:e].rstrip("\r\n")


@dataclass(frozen=True, slots=True)
class Value:
    """A normalised claim value.

    ``key`` is what comparisons use (e.g. ``("percent", 10.0)``); ``display``
    is how medlint prints it back to a person.
    """

    kind: str
    key: tuple[object, ...]
    display: str


@dataclass(slots=True)
class Claim:
    """One statement an article makes about a subject's attribute."""

    subject: str  # fact id, e.g. "products.gamunex-c"
    subject_name: str
    attribute: str
    value: Value
    path: str
    start: int  # source offsets of the value as written
    end: int
    text: str  # the value as written
    sentence_start: int = 0
    sentence_end: int = 0
    polarity: bool = True
    attribution: str = "direct"
    # Claims made by one coordinated phrase ("5% and 10%") share a group id.
    group: str = ""
    known: bool = True  # False when the subject is not in the facts file
    condition: str = ""  # condition id the statement is about (regimens, incidence)
    quantity: Any = None  # the parsed medlint.quantities.Quantity, for range comparisons
    # the route a regimen statement names ("subcutaneous"): a product given both ways has a
    # schedule for each ("into a vein every 4 weeks", "under the skin once a week")
    route: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    path: str
    line: int
    column: int
    found: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A replacement of ``source[start:end]`` by ``replacement``; ``safe`` fixes run on --fix."""

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass(slots=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    category: Category
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    start: int = 0
    end: int = 0
    subject: str | None = None
    attribute: str | None = None
    found: str | None = None
    expected: str | None = None
    sources: list[dict[str, str]] = field(default_factory=list)
    status: str | None = None
    related: list[Related] = field(default_factory=list)
    related_total: int = 0  # all other sites, when more than `related` lists
    fix: Fix | None = None
    matched_text: str = ""
    fingerprint: str = ""
    suppressed: str | None = None  # reason, when an inline suppression silenced it
    baselined: bool = False

    def sort_key(self) -> tuple[str, int, int, str, int, int, str]:
        return (
            self.path,
            self.line,
            self.column,
            self.rule,
            self.end_line,
            self.end_column,
            self.message,
        )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Pickled as its fields in order (findings are spooled per article and read back for
        # the report): half the bytes of the default state dict, and read 3x as fast.
        return (Finding, _FINDING_FIELDS(self))


_FINDING_FIELDS = operator.attrgetter(*(f.name for f in fields(Finding)))
