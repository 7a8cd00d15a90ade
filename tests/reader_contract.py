"""The offset-map contract every reader must keep, and helpers the reader tests share."""

from __future__ import annotations

from medlint.model import Document, Unit


def check_offset_map(doc: Document) -> None:
    """The offset-map contract every reader must keep."""
    source = doc.source
    for i, unit in enumerate(doc.units):
        assert unit.index == i
        assert unit.text and unit.text == unit.text.strip()
        pos = 0
        for seg in unit.segments:
            assert seg.unit_start == pos < seg.unit_end
            pos = seg.unit_end
            assert 0 <= seg.source_start <= seg.source_end <= len(source)
            if seg.unit_end - seg.unit_start == seg.source_end - seg.source_start:
                assert (
                    source[seg.source_start : seg.source_end]
                    == unit.text[seg.unit_start : seg.unit_end]
                )
        assert pos == len(unit.text)
        for start, end in unit.markers:
            assert 0 <= start < end <= len(unit.text)
    for d in doc.directives:
        assert 0 <= d.start < d.end <= len(source)
        assert source.startswith("<!--", d.start)
        assert source[d.start : d.end].endswith("-->")


def source_of(unit: Unit, source: str, start: int, end: int) -> str:
    """The source text a unit-text span maps to."""
    s, e = unit.source_span(start, end)
    return source[s:e]


def unit_with(doc: Document, needle: str) -> Unit:
    """The one unit whose text contains ``needle``."""
    matches = [u for u in doc.units if needle in u.text]
    assert len(matches) == 1, (needle, [u.text for u in matches])
    return matches[0]
