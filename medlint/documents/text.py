"""Plain-text reader for articles in the seeds' style.

Blocks are separated by blank lines. A short single-line block without
closing punctuation is a heading, unless it reads "label: details" with a figure
or a list after the colon (a statement, often a list item that lost its bullet);
lines led by ``•``, ``-``, ``*``, ``–``, ``1.``, ``[1]`` or a checklist box (``[ ]``,
``[x]``, ``☐``) are list items; everything else is a paragraph. A line holding only
an HTML-style comment (``<!-- medlint-disable-next-line ... -->``) is a
directive, never prose: plain text has no comment syntax of its own, so
medlint uses the same form in all three formats.
"""

from __future__ import annotations

import itertools
import re

from medlint import rx
from medlint.documents.sections import REFERENCE_HEADING
from medlint.model import Directive, Document, Segment, Unit

# "[1] Author, title" starts a reference list's item as "1." does: a "References" line right
# above such items is then a heading of its own, blank line or not.
# A checklist's boxes ("[ ] Dose checked", "☐ Consent signed") lead items too.
_BULLET = rx.compile(
    r"[ \t]*(?:(?:--|[•●▪◦‣∙·*\-–—☐☑☒□■✓✔]|\d{1,3}[.)]|\[\d{1,3}\]|\[[ xX✓✔]\])[ \t]+"
    # a crossword's clue ("2  Weeks between Octagam 10% courses (4)") or its answer ("2  TWENTY.
    # Hizentra and Cuvitru ..."): the number is the clue's, not a figure of the text
    r"|\d{1,2}[ \t]{2,}(?=[A-Z]{3,}[A-Z'’ -]*[.:]|[^\n]*\(\d{1,2}(?:[ ,-]\d{1,2})*\)[ \t]*$))"
)
# A social-media thread's post number on a line of its own: "3/14"
_POST_COUNTER = rx.compile(r"[ \t]*\d{1,3}[ \t]*/[ \t]*\d{1,3}[ \t]*")
# A line opening a new record of a note: "CHAIR 2 - Mrs R. O.", "BED 1 - ...", "RM 212 (...)"
_RECORD_LABEL = rx.compile(r"[A-Z]{2,}[A-Z/&]*[ \t]+(?:\d|[-–:(/])")
_ENDS_ENTRY = frozenset(".!?:;)")
# A group's label on a line of its own: a few words, capitalised, ending in a colon
_GROUP_LABEL = rx.compile(r"[A-Z][\w\-/&()]*(?:[ \t]+[\w\-/&()]+){0,3}:[ \t]*")
_COMMENT_LINE = rx.compile(r"[ \t]*<!--(.*?)-->[ \t]*$")
# An e-mail's quoted earlier message: "> text", ">> text", ">" alone between its paragraphs
_QUOTE_MARKS = rx.compile(r"[ \t]*(?:>[ \t]?)+")
_QUOTE_STYLE = rx.compile(
    r"^[ \t]*>(?:[ \t]*>|[ \t]*$)|\bwrote:[ \t]*\r?\n[ \t]*(?:\r?\n[ \t]*)?>", re.M
)
# A text box drawn with ASCII art ("+-----+" above and below, "|  text  |" lines between): its
# frame is not prose, and its lines are one paragraph (not a table of one column).
_UNDERLINE = rx.compile(r"[ \t]*[-=_*~]{3,}[ \t]*$")  # a rule under a title
_BOX_BORDER = rx.compile(r"[ \t]*\+[-=+]{3,}\+[ \t]*$")
_BOX_LINE = rx.compile(r"[ \t]*\|[ \t]*(?P<text>[^|\n]*?)[ \t]*\|[ \t]*$")
_HEADING_MAX_WORDS = 14
# A table drawn with pipes, its header ruled off ("Date | Product | Conc." over
# "-----+---------+------" or "|---|---|"): each cell is a table cell under its column's header.
_PIPE_RULE = rx.compile(
    r"[ \t]*[|+]?[ \t]*:?-{3,}:?[ \t]*(?:[|+][ \t]*:?-{3,}:?[ \t]*)+[|+]?[ \t]*"
)


def _lines(source: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, without its line ending."""
    out: list[tuple[int, int]] = []
    if "\r" not in source:
        # (the common case, by splitting: 3x faster than the pattern below)
        pos = 0
        for line in source.split("\n"):
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        if out[-1][0] == len(source):
            out.pop()  # no line after a final line break (nor in an empty text)
        return out
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", source):
        s, e = m.start(), m.end()
        if s == e and s == len(source):
            break
        content_end = e
        while content_end > s and source[content_end - 1] in "\r\n":
            content_end -= 1
        out.append((s, content_end))
    return out


# "Privigen (Grifols): 10% concentration, low IgA content": a label, a colon, then details
# with a figure or a list. Such a line is a statement (often a list item whose bullet was lost
# in an export), not a title, and headings make no claims.
_LABELLED_DETAILS = rx.compile(r":\s+\S[^\n]*[\d,]")
# "STABILIZER: L-proline", "Made by: Grifols": a product attribute's field, never a title
_ATTRIBUTE_FIELD = rx.compile(
    r"(?:manufacturer|made\s+by|maker|stabili[sz]er|strength|concentration|route|iga(?:\s+content)?"
    r"|sugar|excipients?|other\s+ingredients)\s*:\s*\S",
    re.IGNORECASE,
)


# "6.3 Octagam 10% in chronic ITP (adults) [1]." : a numbered section title, even with a
# marker and a full stop (not "1.2 g/kg is the dose.": the number is followed by a capital)
_STATEMENT_VERB = rx.compile(
    r"\b(?:is|are|was|were|has|have|had|contains?|comes?|gives?|given|uses?|used|makes?|made"
    r"|helps?|works?|causes?|needs?|should|must|can|may|will)\b",
    re.IGNORECASE,
)
_NUMBERED_TITLE = rx.compile(r"\d{1,2}(?:\.\d{1,2})+\.?[ \t]+[A-Z][^.!?;:]*(?:\[\d+\])?\.?")


def _is_heading(text: str) -> bool:
    stripped = text.strip()
    # (split no further than the limit: a paragraph is hundreds of words)
    if not stripped or len(stripped.split(maxsplit=_HEADING_MAX_WORDS)) > _HEADING_MAX_WORDS:
        return False
    if _NUMBERED_TITLE.fullmatch(stripped) and not _STATEMENT_VERB.search(stripped):
        return True  # "2.1 Privigen is a 10% solution." stays a statement
    if _LABELLED_DETAILS.search(stripped) or _ATTRIBUTE_FIELD.match(stripped):
        return False
    return stripped[-1] not in ".,;\"'”" and not stripped[0].islower()


# "  Step 1 (start):     0.1 mL/kg/min for the first 30 minutes": a label, a colon, a value
_FIELD_LINE = rx.compile(r"[ \t]*[A-Z][^:\n]{0,40}:[ \t]+\S")


# "  Privigen ......... CSL Behring ... 10%" or "Privigen     CSL Behring   10%": a row of a
# table laid out with dot leaders or wide spaces (each row is a statement of its own)
_TABLE_LINE = rx.compile(r"[ \t]*\S[^\n]*?\S(?:[ \t]*\.{2,}[ \t]*|[ \t]{3,})\S")


def _indent(source: str, s: int, e: int) -> int:
    """How many spaces or tabs a line starts with."""
    i = s
    while i < e and source[i] in " \t":
        i += 1
    return i - s


_NUMBERED_ENTRY = rx.compile(r"[ \t]*(?:\[\d{1,3}\]|\d{1,3}[.)])[ \t]+\S")


def _at_reference_titles(
    source: str, blocks: list[list[tuple[int, int]]]
) -> list[list[tuple[int, int]]]:
    """Blocks split before a references title inside them, over its numbered entries.

    "[handwritten in margin: ...]" / "REFERENCES (as on my cards)" / "[1] Dalakas MC ...":
    with no blank line before the title, it would be read as one paragraph of prose.
    """
    out: list[list[tuple[int, int]]] = []
    for b, block in enumerate(blocks):
        for k in range(1, len(block)):
            s, e = block[k]
            following = block[k + 1] if k + 1 < len(block) else None
            if following is None and b + 1 < len(blocks):
                following = blocks[b + 1][0]  # the entries' bullets start blocks of their own
            if (
                following is not None
                and REFERENCE_HEADING.match(source[s:e])
                and _NUMBERED_ENTRY.match(source, *following)
            ):
                out.append(block[:k])
                block = block[k:]
                break
        out.append(block)
    return out


def _field_lines(source: str, block: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A block laid out as fields, one per line, is one statement per line.

    A settings sheet, a summary box ("Dose: 2 g/kg", "Interval: every 4 weeks") or a table
    laid out in plain text has no full stops: read as one paragraph it would be one
    sentence, and a condition or product named on one line would decide every other line.
    Hard-wrapped prose is not split: at least two thirds of the lines (and two or more) must
    read "Label: value" or as a table row (columns apart by dot leaders or wide spaces).
    """
    if len(block) < 2:
        return [block]
    fields = sum(
        1 for s, e in block if _FIELD_LINE.match(source, s, e) or _TABLE_LINE.match(source, s, e)
    )
    # A value wrapped onto a line indented under it ("Product ...... Hizentra (Immune Globulin"
    # / "                 20% Liquid)") is part of its field, not a line of prose.
    first_indent = _indent(source, *block[0])
    wrapped = sum(1 for s, e in block[1:] if _indent(source, s, e) >= first_indent + 6)
    if fields < 2 or fields * 3 < (len(block) - wrapped) * 2:
        return [block]
    parts: list[list[tuple[int, int]]] = []
    for s, e in block:
        if (
            parts
            and not (_FIELD_LINE.match(source, s, e) or _TABLE_LINE.match(source, s, e))
            # (after a table row, only a line indented under it: "(PS 80 = polysorbate 80.)"
            # below the last row is a note of its own, not that row's stabilizer)
            and (
                not _TABLE_LINE.match(source, *parts[-1][0])
                or _indent(source, s, e) > _indent(source, *parts[-1][0])
            )
        ):
            parts[-1].append((s, e))  # a field's value wrapped onto the next line
        else:
            parts.append([(s, e)])
    return parts


_NUMBER_BULLET = rx.compile(r"[ \t]*\d{1,2}[.)][ \t]+")
_BRACKETED = rx.compile(r"\([^)]*\)|\[[^\]]*\]")


def _is_caps_title(text: str) -> bool:
    """Capitals only (outside brackets), several letters, no full stop: a section title."""
    bare = _BRACKETED.sub(" ", text).strip()
    letters = [c for c in bare if c.isalpha()]
    return (
        len(letters) >= 4
        and all(c.isupper() for c in letters)
        and len(text.split()) <= _HEADING_MAX_WORDS
        and not bare.endswith((".", ";", ","))
    )


def _unframed(
    source: str, block: list[tuple[int, int]], start: int
) -> tuple[str, tuple[Segment, ...]]:
    """The lines of a box without its side frame, joined by line breaks (which map to the
    frame between them)."""
    parts: list[str] = []
    segments: list[Segment] = []
    at = 0
    previous_end = start
    for i, (s, e) in enumerate(block):
        s = max(s, start)
        if i:
            segments.append(Segment(at, at + 1, previous_end, s))
            parts.append("\n")
            at += 1
        parts.append(source[s:e])
        segments.append(Segment(at, at + e - s, s, e))
        at += e - s
        previous_end = e
    return "".join(parts), tuple(segments)


def _pipe_tables(
    source: str, block: list[tuple[int, int]]
) -> list[tuple[list[tuple[int, int]], bool]]:
    """A block cut around its pipe tables: (lines, is a table), in order.

    A pipe table is a header row with pipes, a rule under it and at least one row with
    pipes; the lines around it in the same block (a title, a "=====" rule) stay prose.
    """
    out: list[tuple[list[tuple[int, int]], bool]] = []
    i = 0
    rest = 0
    while i + 2 < len(block):
        (hs, he), (rs, re_), (ds, de) = block[i], block[i + 1], block[i + 2]
        if (
            "|" in source[hs:he]
            and "|" in source[ds:de]
            and _PIPE_RULE.fullmatch(source, rs, re_) is not None
        ):
            end = i + 2
            while end < len(block) and "|" in source[block[end][0] : block[end][1]]:
                end += 1
            if rest < i:
                out.append((block[rest:i], False))
            out.append((block[i:end], True))
            i = rest = end
        elif (stop := _ruleless_table_end(source, block, i)) is not None or (
            stop := _column_table_end(source, block, i)
        ) is not None:
            if rest < i:
                out.append((block[rest:i], False))
            out.append((block[i:stop], True))
            i = rest = stop
        else:
            i += 1
    if rest < len(block):
        out.append((block[rest:], False))
    return out


def _ruleless_table_end(source: str, block: list[tuple[int, int]], i: int) -> int | None:
    """The end of a pipe table with no rule under its header, if one starts at line ``i``.

    A data export pasted as text ("item_id|product|conc_pct|route" over rows of values): a
    header of three columns or more whose cells are short names, not figures, over at least
    two rows with as many pipes. Else None.
    """
    hs, he = block[i]
    pipes = source.count("|", hs, he)
    if pipes < 2 or i + 2 >= len(block):
        return None
    header = _cells(source, hs, he)
    if len(header) < 3 or any(
        a == b or b - a > 40 or source[a].isdigit() or source[a] in "-=+" for a, b in header
    ):
        return None
    end = i + 1
    while end < len(block) and source.count("|", *block[end]) == pipes:
        end += 1
    return end if end - i >= 3 else None


# Between the columns of a table laid out with spaces: two spaces or more, or a tab
_COLUMN_GAP = rx.compile(r"[ \t]{2,}|\t")
# A line of dashes under such a table's header ("----------    ------------   --------")
_COLUMN_RULE = rx.compile(r"[ \t]*[-=]{3,}(?:[ \t]+[-=]{3,})+[ \t]*")


def _column_cells(source: str, s: int, e: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a line laid out in columns: text runs two spaces apart."""
    out: list[tuple[int, int]] = []
    start = s
    while start < e and source[start] in " \t":
        start += 1
    for gap in _COLUMN_GAP.finditer(source, start, e):
        if gap.start() > start:
            out.append((start, gap.start()))
        start = gap.end()
    end = e
    while end > start and source[end - 1] in " \t":
        end -= 1
    if start < end:
        out.append((start, end))
    return out


def _column_of(cells: list[tuple[int, int]], line_start: int, columns: list[int]) -> list[int]:
    """The header column of each cell (by where it starts on its line), or [] when the cells
    do not sit under the header's columns in order (a line of prose, not a row)."""
    out: list[int] = []
    for a, _ in cells:
        at = a - line_start
        col = max((k for k, c in enumerate(columns) if c <= at + 2), default=-1)
        if col < 0 or (out and col <= out[-1]):
            return []
        out.append(col)
    return out if out and out[0] == 0 else []


def _column_table_end(source: str, block: list[tuple[int, int]], i: int) -> int | None:
    """The end of a table laid out with spaces whose header is line ``i``, if it is one.

    "Product       Maker          Strength   Stabiliser   IgA content" over rows in the same
    columns (a dashed rule between them is allowed): a header of three or more short names
    and two rows or more whose cells start under its columns. Read as cells, each figure
    has its column's attribute and its row's product, as in a pipe table.
    """
    hs, he = block[i]
    if "  " not in source[hs:he] and "\t" not in source[hs:he]:
        return None
    header = _column_cells(source, hs, he)
    if len(header) < 3 or any(
        b - a > 30
        or len(source[a:b].split()) > 4
        or not source[a].isalpha()
        or source[b - 1] in ".:;,"
        for a, b in header
    ):
        return None
    columns = [a - hs for a, _ in header]
    end = i + 1
    if end < len(block) and _COLUMN_RULE.fullmatch(source, *block[end]):
        end += 1
    first_row = end
    while end < len(block):
        s, e = block[end]
        cells = _column_cells(source, s, e)
        if len(cells) < 2 or not _column_of(cells, s, columns):
            break
        end += 1
    return end if end - first_row >= 2 else None


def _cells(source: str, s: int, e: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a pipe-table line, trimmed; outer pipes make no cell."""
    bounds = [s - 1, *(i for i in range(s, e) if source[i] == "|"), e]
    out: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(itertools.pairwise(bounds)):
        a += 1
        while a < b and source[a] in " \t":
            a += 1
        while b > a and source[b - 1] in " \t":
            b -= 1
        if a == b and k in (0, len(bounds) - 2):
            continue  # before a leading pipe, after a trailing one
        out.append((a, b))
    return out


def _table_ruled(source: str, block: list[tuple[int, int]]) -> bool:
    """Whether a table's second line is the rule under its header."""
    return len(block) > 1 and (
        _PIPE_RULE.fullmatch(source, *block[1]) is not None
        or _COLUMN_RULE.fullmatch(source, *block[1]) is not None
    )


def _table_units(
    source: str, block: list[tuple[int, int]], section: str | None, first_row: int, index: int
) -> list[Unit]:
    """The header and data cells of a pipe table, or of a table laid out with spaces (see
    :func:`_pipe_tables`)."""
    units: list[Unit] = []
    piped = "|" in source[block[0][0] : block[0][1]]
    header_cells = (_cells if piped else _column_cells)(source, *block[0])
    headers = [source[a:b] for a, b in header_cells]
    columns = [a - block[0][0] for a, _ in header_cells]
    for a, b in header_cells:
        if a < b:
            units.append(
                Unit("table_header", source[a:b], (Segment(0, b - a, a, b),), section=section)
            )
    ruled = _table_ruled(source, block)
    for row, (s, e) in enumerate(block[2 if ruled else 1 :], start=first_row):
        if piped:
            cells = _cells(source, s, e)
            cols = list(range(len(cells)))
        else:
            cells = _column_cells(source, s, e)
            cols = _column_of(cells, s, columns)
        first = source[cells[0][0] : cells[0][1]] if cells else None
        for col, (a, b) in zip(cols, cells, strict=True):
            if a == b:
                continue
            units.append(
                Unit(
                    "table_cell",
                    source[a:b],
                    (Segment(0, b - a, a, b),),
                    section=section,
                    row_header=first if col > 0 else None,
                    column_header=headers[col] if col < len(headers) else None,
                    row=row,
                )
            )
    for k, unit in enumerate(units):
        unit.index = index + k
    return units


# Subtitles (SRT, WebVTT): "00:01:15,700 --> 00:01:22,300" times a caption, after its number
_CUE_TIME = rx.compile(
    r"[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]*-->"
    r"[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}(?:[ \t].*)?"
)
_CUE_NUMBER = rx.compile(r"[ \t]*\d{1,6}[ \t]*|\ufeff?WEBVTT\b.*")
# A caption ending a sentence (or a title): the blank line after it is a paragraph break
_CUE_ENDS = frozenset('.!?:;"”’)]')


def _cue_lines(source: str, lines: list[tuple[int, int]]) -> set[int]:
    """Starts of a subtitle file's timing lines and the cue numbers above them.

    A video's captions split its sentences across cues ("if you weigh 80 kilos," / "your course
    would be 180 grams"): read as plain text, each cue would be a paragraph of its own, a
    sentence would lose its subject and a reference marker its claim. The numbers and times go
    (they are no prose), and a blank line between cues breaks a paragraph only after a
    sentence's end. Two timing lines at least make a file captions.
    """
    times = [i for i, (s, e) in enumerate(lines) if _CUE_TIME.fullmatch(source, s, e)]
    if len(times) < 2:
        return set()
    out = set()
    for i in times:
        out.add(lines[i][0])
        if (
            i
            and (
                _CUE_NUMBER.fullmatch(source, *lines[i - 1])
                # a WebVTT cue's name ("intro"), alone between a blank line and its timing
                or (i == 1 or not source[lines[i - 2][0] : lines[i - 2][1]].strip())
            )
        ):
            out.add(lines[i - 1][0])
    first = lines[0] if lines else (0, 0)
    if source.startswith("WEBVTT", first[0] + (1 if source.startswith("\ufeff") else 0)):
        out.add(first[0])
    return out


def read_text(path: str, source: str) -> Document:
    doc = Document(path=path, source=source, format="text")
    start_offset = 1 if source.startswith("\ufeff") else 0
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    boxed: set[int] = set()  # starts of the text inside a box's lines
    lines = _lines(source)
    cue_lines = _cue_lines(source, lines) if "-->" in source else set()
    # Quoted replies are marked by ">" only in a text that quotes as e-mail does (an empty ">"
    # line, ">>", or "> " right under "... wrote:"): "> 50 kg: 2 g/kg" alone is a comparison.
    quoting = ">" in source and _QUOTE_STYLE.search(source) is not None
    quoted: set[int] = set()  # starts of the text of quoted lines
    for s, e in lines:
        s = max(s, start_offset)
        if s in cue_lines:
            continue  # a caption's number or timing: neither text nor a break
        if quoting and (mark := _QUOTE_MARKS.match(source, s, e)) and ">" in mark.group():
            s = mark.end()
            quoted.add(s)
            if current and current[-1][0] not in quoted:
                blocks.append(current)  # the quote starts a block of its own
                current = []
        elif current and current[-1][0] in quoted:
            blocks.append(current)  # ... and ends it
            current = []
        line = source[s:e]
        cm = _COMMENT_LINE.match(line)
        if cm:
            doc.directives.append(Directive(cm.group(1).strip(), s, e))
            continue
        if _POST_COUNTER.fullmatch(line):
            line = ""  # "14/14" above a thread's post: a break, as a blank line is
        elif _BOX_BORDER.match(line) or _UNDERLINE.fullmatch(line):
            # the frame above or below a box, or a rule ("-----", "=====") around a title: a
            # break, as a blank line is (a title between rules is then a block of its own)
            line = ""
        elif (box := _BOX_LINE.match(line)) is not None:
            s, e = s + box.start("text"), s + box.end("text")
            line = source[s:e]
            boxed.add(s)
        if not line.strip():
            if (
                current
                and cue_lines
                and source[current[-1][0] : current[-1][1]].rstrip()[-1:] not in _CUE_ENDS
            ):
                continue  # between two captions of one sentence: "if you weigh 80 kilos," / ...
            if current:
                blocks.append(current)
                current = []
            continue
        if _BULLET.match(line) and current:
            blocks.append(current)
            current = []
        elif (
            current
            and source[current[0][0]] in " \t"
            and source[s - 2 : s - 1] in _ENDS_ENTRY
            and _RECORD_LABEL.match(line)
            and _BULLET.match(source, current[0][0], current[0][1])
        ):
            # a record's label further left than an indented item's bullet ends the item:
            # " - wt 86 kg. Rx 1 g/kg/day x 4 days = 86 g/day." / "CHAIR 5 - DNA" in a handover
            # note (a hard-wrapped item's next line, at the margin too, goes on with it)
            blocks.append(current)
            current = []
        elif (
            current
            and source[current[0][0]] in " \t"
            and source[s] not in " \t"
            and _BULLET.match(source, current[0][0], current[0][1])
            and _GROUP_LABEL.fullmatch(line)
        ):
            # a label at the margin under an indented list ("  - Panzyga" / "L-proline:" /
            # "  - Privigen"): the next group's title, not the last item's words
            blocks.append(current)
            current = []
        current.append((s, e))
    if current:
        blocks.append(current)
    fields: set[int] = set()  # starts of lines split from a block of fields: never headings
    tables: set[int] = set()  # starts of pipe tables' blocks
    split: list[list[tuple[int, int]]] = []
    for block in _at_reference_titles(source, blocks):
        if (
            len(block) > 1
            and REFERENCE_HEADING.match(source[block[0][0] : block[0][1]])
            and not _UNDERLINE.match(source[block[1][0] : block[1][1]])
        ):
            # "References mentioned in this episode:" on the line above its entries (or a
            # placeholder for them): a title of its own
            split.append(block[:1])
            block = block[1:]
        span = source[block[0][0] : block[-1][1]]
        for piece, table in (
            _pipe_tables(source, block)
            if len(block) > 2 and ("|" in span or "  " in span or "\t" in span)
            else [(block, False)]
        ):
            if table:
                tables.add(piece[0][0])
                split.append(piece)
                continue
            parts = _field_lines(source, piece)
            if len(parts) > 1:
                fields.update(part[0][0] for part in parts)
            split.extend(parts)
    blocks = split

    section: str | None = None
    units: list[Unit] = []
    rows = 0
    for block in blocks:
        first_s, first_e = block[0]
        if first_s in tables:
            units.extend(_table_units(source, block, section, rows, len(units)))
            rows += len(block) - (2 if _table_ruled(source, block) else 1)
            continue
        bullet = _BULLET.match(source, first_s, first_e)
        if bullet:
            kind = "list_item"
            s = bullet.end()
        else:
            kind = "paragraph"
            s = first_s
            while s < first_e and source[s] in " \t":
                s += 1
        e = block[-1][1]
        while e > s and source[e - 1] in " \t":
            e -= 1
        text = source[s:e]
        segments: tuple[Segment, ...] = (Segment(0, len(text), s, e),)
        if len(block) > 1 and (first_s in boxed or first_s in quoted):
            text, segments = _unframed(source, block, s)
        elif len(block) > 1 and (cue_lines or any(_indent(source, ls, le) for ls, le in block[1:])):
            # indented continuation lines ("  * She has ...\n    and has received ..."): each
            # line's indentation is layout, not text ("per\n    millilitre" is "per\nmillilitre");
            # a caption's lines are joined over the numbers and times between them
            lines = [(ls + _indent(source, ls, le), le) for ls, le in block]
            lines[0] = (s, lines[0][1])
            lines[-1] = (lines[-1][0], max(lines[-1][0], e))
            text, segments = _unframed(source, lines, s)
        if kind == "paragraph" and len(block) == 1 and first_s not in fields and _is_heading(text):
            kind = "heading"
        elif (
            kind == "list_item"
            and len(block) == 1
            and _NUMBER_BULLET.match(source, first_s, first_e)
            and _is_caps_title(text)
        ):
            # "4. DOSING - JUVENILE DERMATOMYOSITIS (paediatric use)": a numbered section title
            kind = "heading"
            s = first_s
            while source[s] in " \t":
                s += 1
            text = source[s:e]
            segments = (Segment(0, len(text), s, e),)  # the number is part of the title now
        unit = Unit(
            kind=kind,
            text=text,
            segments=segments,
            section=section,
            heading_level=2 if kind == "heading" else 0,
            index=len(units),
            quoted=first_s in quoted,
        )
        if kind == "heading":
            section = text.strip()
            unit.section = section
        units.append(unit)
    doc.units = units
    return doc
