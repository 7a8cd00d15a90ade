"""Readers: one per article format, each returning a :class:`~medlint.model.Document`.

Readers are chosen by file extension. Each reader keeps an offset map from
every prose unit back to the source, so positions are exact without
re-searching rendered text. Heavy parsers (markdown-it-py, html.parser) are
imported only when a file of that format is read, which keeps the
single-file pre-commit case fast.
"""

from __future__ import annotations

from collections.abc import Callable

from medlint.model import Document

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    # a video's captions (SubRip, WebVTT): plain text read past the cue numbers and times
    ".srt": "text",
    ".vtt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def format_for(path: str) -> str | None:
    """The article format for a path, or None when medlint does not read that kind of file."""
    dot = path.rfind(".")
    if dot < 0:
        return None
    return FORMATS.get(path[dot:].lower())


def reader_for(fmt: str) -> Callable[[str, str], Document]:
    if fmt == "markdown":
        from medlint.documents.markdown import read_markdown

        return read_markdown
    if fmt == "html":
        from medlint.documents.html import read_html

        return read_html
    from medlint.documents.text import read_text

    return read_text


def read_document(path: str, source: str, fmt: str | None = None) -> Document:
    """Parse ``source`` (already decoded) as the format of ``path``."""
    fmt = fmt or format_for(path) or "text"
    doc = reader_for(fmt)(path, source)
    from medlint.documents.sections import find_references

    doc.references = find_references(doc)
    return doc
