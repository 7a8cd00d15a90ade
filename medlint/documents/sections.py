"""Finding the references section of any document from its units.

Readers only mark headings; deciding which heading opens a references
section, and which of the units under it are real reference entries, is the
same for every format and lives here.
"""

from __future__ import annotations

import itertools
import re

from medlint import rx
from medlint.model import Document, ReferenceSection, Unit

REFERENCE_HEADING = rx.compile(
    # "7. References", "Slide 13 — References", "Appendix B: Sources", "[SLIDE 9: References]"
    # "14/14 References, since people always ask:" (a thread's last post)
    # ("Sheet 4: Sources": a spreadsheet's tab, exported)
    r"^\s*\[?\s*(?:(?:(?:slide|section|part|chapter|appendix|page|sheet|tab)\s+(?:\d+|[a-z])\b"
    r"|\d+\s*/\s*\d+"
    r"|\d+(?:\.\d+)*)"
    r"\s*[.):–—-]?\s*)?"
    # an emoji before the title: "13/13 📚 References"
    r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s*)?"
    # "SHOW NOTES - SOURCES", "Notes: references", "--- pinned: sources ---"
    # ("For grown-ups: where the facts come from")
    r"(?:[-=*~]{2,}\s*)?(?:(?:show\s+notes|notes|episode\s+notes|pinned|for\s+(?:grown-?ups"
    r"|adults|parents|teachers|carers|staff))\s*[:–—-]\s*)?"
    r"(?:(?:our|key|selected|main|further|annotated)\s+)?"
    # "Secretariat footnotes (sources for ...)", "Regimen sources (src_note codes)": a word
    # saying whose or which, before the plural that names the section
    r"(?:[A-Z][\w'’-]{2,20}\s+(?=(?:foot\s*notes|end\s*notes|sources|references)\b))?"
    r"(?:(?:(?:references?|refs?|citations?|sources?|bibliography|works\s+cited|further\s+reading|"
    r"literature(?:\s+(?:cited|referred\s+to|consulted|used))?|notes\s+and\s+references"
    r"|references\s+and\s+notes|foot\s*notes|end\s*notes"
    # "Notes to the answer (deposited in the Library of the House)"
    r"|notes\s+to\s+(?:the|this)\s+(?:answer|text|chapter|article|report|letter|statement))"
    # "Sources and further reading", "References & resources", "References / Referencias"
    r"(?:\s+(?:and|&)\s+(?:references?|sources?|further\s+reading|resources|bibliography|links"
    r"|notes)|\s*[/–—-]\s*(?:referencias|fuentes|bibliograf[ií]a|r[ée]f[ée]rences|sources"
    r"|references|quellen|literatur))?"
    # a Spanish leaflet's own title
    r"|referencias|fuentes|bibliograf[ií]a"
    # "Show notes and references", "Resources and sources"
    r"|(?:show\s+notes|notes|resources|links|reading)\s+(?:and|&)\s+(?:references|sources)"
    # "Reading list", "Links posted in this thread"
    r"|reading\s+list|links(?:\s+(?:posted|shared|mentioned|cited)\b[\w\s'’]{0,40})?"
    # a specification's or policy's "Reference documents", "Source documents"
    r"|(?:reference|source)\s+(?:documents?|materials?|texts?))"
    # "References (from the hospital's information pack)", "Sources we used"
    r"(?:\s*\([^)]{0,80}\)|\s*,\s*(?:since|as|because|for|in\s+case)\b[\w\s'’]{0,40}"
    r"|\s+(?:we|our|i|used|cited|consulted|checked|reviewed|mentioned"
    # "Sources people asked for (pinned)", "Links you asked about"
    r"|people|you|members|readers|folks|shown|displayed"  # "References shown on screen"
    r"|for\s+this|linked|posted|shared|provided|suggested|recommended|listed|from|sent|given"
    r"|for"
    # "Sources Karen pointed us to", "References Dr Shah recommended"
    r"|(?:dr\.?\s+)?[\w'’-]+\s+(?:pointed|gave|recommended|mentioned|suggested|cited|shared|sent"
    r"|listed|quoted|referred))\b"
    r"[\w\s'’]{0,60})?(?:\s*\([^)]{0,40}\))?"  # "Sources people asked for (pinned)"
    # "Where our facts come from"
    # ("Where this menu comes from": the document's own sources)
    r"|where\s+(?:our|the|these|this)\s+(?:\w+\s+)?(?:facts|information|figures|data|menu|guide"
    r"|leaflet|page|handout|sheet|card|booklet|article|advice|numbers)\s+"
    # ("Where the information on these pages comes from")
    r"(?:(?:on|in)\s+(?:this|these|the|our)\s+\w+\s+)?"
    r"(?:comes?|came)\s+from)\s*:?\s*\]?\s*(?:[-=*~]{2,}\s*)?$",
    re.IGNORECASE,
)
# A paragraph or list item that is nothing but such a title ("**Sources our team gave us**" in
# bold, "5. WHERE OUR FACTS COME FROM" in plain text) opens the section too: not every writer
# uses heading markup.
_TITLE_WORDS = 8
_TITLE_CHARS = 160  # longer than any title of _TITLE_WORDS words and a rule line
_RULE_LINE = rx.compile(r"^[ \t]*[-=_*~]{3,}[ \t]*$\n?", re.MULTILINE)
# What makes a line look like a bibliographic entry rather than boilerplate.
_ENTRY_SIGNS = rx.compile(
    r"https?://|www\.|\bdoi\b|10\.\d{4,9}/|\bPMID\b|\bet al\b|\(\d{4}\)|\b(?:19|20)\d{2}\b"
    r"|\bvol\.|\bJ\s?[A-Z]|\bJournal\b|\bLancet\b|\bN\s?Engl\b|\bprescribing information\b"
    r"|\blabel\b|\bguideline",
    re.IGNORECASE,
)


# A draft's stand-in for its references ("- TBD", "1. [add references here]", "To follow"):
# a section of these lists nothing.
_PLACEHOLDER = rx.compile(
    r"^\W*(?:tbd|tbc|tba|todo|to\s+do|x{3,}|n/?a|none(?:\s+yet)?|pending|\?+|\.{3}|…|"
    # "[to be added by medical reviewer]", "to be confirmed by the editor"
    r"to\s+be\s+(?:added|confirmed|completed|inserted|supplied|done|written)(?:\s+later)?"
    r"(?:\s+by\s+(?:the\s+)?[\w\s-]{1,40})?|"
    r"to\s+follow|coming\s+soon|(?:references?|sources?|citations?)\s+to\s+follow|"
    r"(?:add|insert)\s+(?:the\s+)?(?:references?|sources?|citations?|links?)(?:\s+here)?|"
    r"(?:citation|reference|source)s?\s+(?:needed|required|missing)|"
    # "[links to be added once the episode is edited]"
    r"(?:the\s+)?(?:links?|references?|sources?|citations?)\s+(?:will\s+be\s+added|to\s+be\s+added"
    r"|to\s+(?:follow|come)|coming\s+soon|pending|needed)\b[^\n]{0,60}"
    # "[links to the package inserts coming tomorrow ...]", "Jo to add the links Anita mentioned"
    r"|(?:the\s+)?(?:links?|references?|sources?|citations?)\b[^\n]{0,40}?\b(?:coming|to\s+follow"
    r"|to\s+come|will\s+be\s+(?:added|posted|shared)|to\s+be\s+(?:added|posted))\b[^\n]{0,60}"
    r"|(?:[A-Z][\w'’-]*\s+)?to\s+(?:add|insert|post|share|send)\s+(?:the\s+)?(?:links?|references?"
    r"|sources?|citations?)\b[^\n]{0,60}"
    # "References available on request from the JDM nurse specialist team."
    r"|(?:(?:full\s+)?(?:references?|sources?|citations?)\s+(?:are\s+)?)?available\s+(?:on|upon)"
    r"\s+request\b[^\n]{0,80})"
    r"\W*$",
    re.IGNORECASE,
)


def looks_like_placeholder(text: str) -> bool:
    """Whether a reference entry is a draft's stand-in ("TBD", "Reference to follow.")."""
    return _PLACEHOLDER.match(text.strip()) is not None


def looks_like_reference(text: str, kind: str) -> bool:
    """A list item under a references heading counts; a plain line needs bibliographic signs.

    A placeholder ("TBD", "[add references here]") is never an entry.
    """
    stripped = text.strip()
    if not stripped or _PLACEHOLDER.match(stripped):
        return False
    if kind in ("list_item", "reference"):
        return True
    if re.match(r"^\s*(?:\[\d+\]|\d+[.)])\s+\S", stripped):
        return True
    return bool(_ENTRY_SIGNS.search(stripped))


# "Sources [1] OCTAGAM 10% prescribing information. ... [2] ...": a title and its numbered
# entries in one paragraph (an e-mail's footer, lines broken by <br>)
_INLINE_ENTRY = rx.compile(r"(?:^|\s)\[(\d{1,3})\]\s+(?=\S)")


def _inline_references(unit: Unit) -> ReferenceSection | None:
    """A paragraph that is a references title followed by its numbered entries, or None."""
    text = unit.text
    first = _INLINE_ENTRY.search(text, 0, _TITLE_CHARS)
    if first is None or first.group(1) != "1":
        return None
    title = text[: first.start()]
    if not title.strip() and unit.kind == "table_cell":
        # "<tr><th>References</th><td>[1] ...<br>[2] ...</td></tr>": the row's header
        title = unit.row_header or ""
    if not title.strip() or len(title.split()) > _TITLE_WORDS or not REFERENCE_HEADING.match(title):
        return None
    marks = list(_INLINE_ENTRY.finditer(text, first.start()))
    start, end = unit.source_span(0, len(text))
    section = ReferenceSection(heading=title.strip(), start=start, end=end, body_end=end)
    for mark, following in itertools.zip_longest(marks, marks[1:]):
        entry = text[mark.end() : following.start() if following else len(text)].strip()
        if entry:
            section.entries.append(entry)
    return section


def find_references(doc: Document) -> ReferenceSection | None:
    """The last heading that names a references section, with the entries below it."""
    found: ReferenceSection | None = None
    units = doc.units
    for i, unit in enumerate(units):
        if unit.kind not in ("heading", "paragraph", "list_item", "table_cell"):
            continue
        if unit.kind != "heading" and unit.text.find("[1]", 0, _TITLE_CHARS) >= 0:
            inline = _inline_references(unit)
            if inline is not None:
                found = inline
                continue
        if unit.kind == "table_cell":
            continue
        if unit.kind != "heading" and len(unit.text) > _TITLE_CHARS:
            continue
        title = unit.text
        if "---" in title or "===" in title or "___" in title or "***" in title or "~~~" in title:
            title = _RULE_LINE.sub("", title)  # "5. SOURCES" with a line of dashes under it
        if not REFERENCE_HEADING.match(title):
            continue
        if unit.kind != "heading" and len(title.split()) > _TITLE_WORDS:
            continue
        start, end = unit.source_span(0, len(unit.text))
        section = ReferenceSection(
            heading=title.strip(), start=start, end=end, annotated="nnotat" in title
        )
        for nxt in units[i + 1 :]:
            if nxt.kind == "heading" and (
                nxt.heading_level <= unit.heading_level or unit.heading_level == 0
            ):
                section.body_end = nxt.to_source(0)
                break
            if looks_like_reference(nxt.text, nxt.kind):
                section.entries.append(nxt.text.strip())
        found = section
    return found if found is not None else _notes_with_entries(units)


# A section title that may hold the references among other things: "Notes", "Medical
# adviser's notes (not for broadcast)"
_NOTES_TITLE = rx.compile(
    r"\b(?:notes?|end\s*notes|sources|bibliography|citations|fact[\s-]*check(?:ed|ing)?"
    # "PAPERS AND LEAFLETS STAPLED INSIDE THE BACK COVER (references)"
    r"|references?|papers|reading|resources"
    # "Things I read (so I can find them again)": a diary's list of what it drew on
    r"|things\s+(?:i|we)\s+(?:read|used|checked)"
    # "WHERE I CHECKED THINGS (BECAUSE YOU'LL ASK)"
    r"|where\s+(?:i|we)\s+(?:checked|looked|found|got))\b",
    re.I,
)


def _notes_with_entries(units: list[Unit]) -> ReferenceSection | None:
    """The last section titled like "Notes" whose list is mostly bibliographic entries.

    A memoir's "## Notes" over its endnotes, a script's "## Medical adviser's notes" over a
    note and a numbered list of labels and papers: no title names references, but the entries
    are. The section starts at its first entry, so the prose above it stays prose.
    """
    found: ReferenceSection | None = None
    for i, unit in enumerate(units):
        # a heading, or a paragraph whose first line is such a title ("PRODUCTION NOTE -
        # MEDICAL FACT CHECK" / "Medical details were checked ... against:")
        title = unit.text if unit.kind == "heading" else unit.text.split("\n", 1)[0]
        if (
            unit.kind not in ("heading", "paragraph")
            or (unit.kind == "paragraph" and "\n" not in unit.text)
            # (a heading may run longer: "PAPERS AND LEAFLETS STAPLED INSIDE THE BACK COVER
            # (references)"; its entries decide)
            or len(title.split()) > (_TITLE_WORDS + 6 if unit.kind == "heading" else _TITLE_WORDS)
            or not _NOTES_TITLE.search(title)
        ):
            continue
        items: list[Unit] = []
        body_end = 2**62
        level = unit.heading_level if unit.kind == "heading" else 99
        for nxt in units[i + 1 :]:
            if nxt.kind == "heading" and nxt.heading_level <= level:
                body_end = nxt.to_source(0)
                break
            if nxt.kind == "list_item":
                items.append(nxt)
        entries = [u for u in items if _ENTRY_SIGNS.search(u.text)]
        if len(entries) >= 2 and len(entries) * 2 >= len(items):
            first = entries[0]
            found = ReferenceSection(
                heading=title.strip(),
                start=first.to_source(0),
                end=first.to_source(0),
                entries=[u.text.strip() for u in items],
                body_end=body_end,
            )
    return found


def makes_no_claims(references: ReferenceSection | None, unit: Unit) -> bool:
    """Whether ``unit`` is part of the references section, whose entries make no claims.

    An annotated bibliography's section is read as prose: the annotations, often in the same
    paragraph as their entry, are the compiler's own statements, and an entry's title makes
    no claim (the citation rule knows a bibliographic line when it sees one).
    """
    if references is None or not references.holds(unit.to_source(0)):
        return False
    return not references.annotated or unit.kind == "heading"
