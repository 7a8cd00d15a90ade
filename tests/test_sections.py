"""Which titles open a references section, in any format, and what counts as its entries."""

from __future__ import annotations

import pytest

from medlint.documents import read_document
from medlint.lint import lint_text

CLAIM = "Privigen is a 10% solution made by CSL Behring [1].\n\n"
ENTRY = "1. Huber AM, et al. J Rheumatol. 2017;44(1):110-116.\n"


def rules_of(text: str, path: str) -> set[str]:
    return {f.rule for f in lint_text(text, path) if f.category != "style"}


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("a.md", "## References"),
        ("a.md", "## References (from the hospital's information pack)"),
        ("a.md", "## Sources we used"),
        ("a.md", "### 4.5 Reference documents"),  # a tender specification's
        ("a.txt", "Footnotes"),  # a hearing transcript's
        ("a.txt", "Notes to the answer (deposited in the Library of the House)"),
        ("a.txt", "Secretariat footnotes (sources for the figures in the answer)"),
        ("a.md", "## Annotated references"),
        ("a.txt", "APPENDIX A: LITERATURE REFERRED TO"),  # an expert report's
        ("a.txt", "SOURCE DOCUMENTS"),
        ("a.md", "## Further reading"),
        ("a.md", "## Sources and further reading"),
        ("a.md", "## Show notes and references"),
        ("a.md", "**Sources our team gave us**"),  # bold, no heading markup
        ("a.txt", "References (from the hospital's information pack)"),
        ("a.txt", "5. WHERE OUR FACTS COME FROM\n--------------------"),  # numbered, ruled
        ("a.md", "## Slide 13 — References"),  # a slide deck's last slide
        ("a.md", "## Appendix B: Sources"),
        ("a.txt", "REFS"),  # revision notes
        ("a.txt", "SOURCES CHECKED BY RESEARCH DESK"),  # a TV script's producer notes
        ("a.md", "## References and links"),
        ("a.txt", "Sources I mentioned"),  # a nurse's email
        ("a.md", "### Links posted in this thread"),  # a forum thread
        ("a.md", "### Reading list"),
        ("a.txt", "SHOW NOTES - SOURCES"),  # a podcast transcript
        ("a.md", "### Sources linked by the mods"),  # a forum thread
        ("a.txt", "[SLIDE 9: References]"),  # a webinar transcript
        ("a.md", "## References / Referencias"),  # a bilingual leaflet
        ("a.txt", "--- sources ---"),  # a chat export's pinned list
        ("a.txt", "Sources sent to the caller:"),  # a phone-call transcript
        ("a.md", "## Sources Karen pointed us to"),  # a support group's meeting write-up
        ("a.md", "## References Dr Shah recommended"),
        ("a.html", "<h2>Where this menu comes from</h2>"),  # an infusion-day guide as a menu
        ("a.html", "<h1>Sheet 4: <em>Sources</em></h1>"),  # a spreadsheet exported to HTML
        ("a.html", "<h2>Where the information on these pages comes from</h2>"),
        ("a.html", "<h2>For grown-ups: where the facts come from</h2>"),  # a classroom explainer
        ("a.md", "## Show notes: references"),
        ("a.txt", "14/14 References, since people always ask:"),  # a thread's last post
        ("a.txt", "Sources for the medicine information in these messages"),  # an SMS log
        ("a.md", "**Sources people asked for (pinned):**"),  # a forum moderator's list
    ],
)
def test_a_references_title_opens_the_section(path: str, title: str) -> None:
    doc = read_document(path, CLAIM + title + "\n\n" + ENTRY)
    assert doc.references is not None and len(doc.references.entries) == 1
    assert not {"references-missing", "references-empty"} & rules_of(
        CLAIM + title + "\n\n" + ENTRY, path
    )


@pytest.mark.parametrize(
    "title",
    [
        "## Sources of plasma",  # a topic, not the article's sources
        "## Where to get help",
        "## Slide 13 — Dosing",
        "Our sources of support are many, and we thank every one of them for their help today.",
    ],
)
def test_other_titles_do_not(title: str) -> None:
    doc = read_document("a.md", CLAIM + title + "\n\nDonors give plasma.\n")
    assert doc.references is None


def test_a_reference_entry_needs_no_citation_of_its_own() -> None:
    """Under a title medlint does not know, an entry still is no claim that needs a source."""
    text = (
        CLAIM
        + "## Reading list\n\n"
        + "- Huber AM, et al. Childhood Arthritis and Rheumatology Research Alliance consensus"
        " clinical treatment plans. J Rheumatol. 2017;44(1):110-116.\n"
    )
    assert "citation-needed" not in rules_of(text, "a.md")
    # the same cue in a sentence of the article is still reported
    prose = CLAIM + "The Childhood Arthritis and Rheumatology Research Alliance recommends IVIG.\n"
    assert "citation-needed" in rules_of(prose, "a.md")


def test_prose_after_the_references_section_still_makes_claims() -> None:
    """A references section ends at the next heading of its level: an e-mail's first message
    has its refs, and the quoted messages below them are prose, checked as prose."""
    from medlint.documents import read_document
    from medlint.lint import Engine

    source = (
        "# Reply\n\nSee the label [1].\n\n## References\n\n1. Octagam 10% label.\n\n"
        "## Original message\n\nGamunex-C is a 5% solution.\n"
    )
    doc = read_document("a.md", source)
    assert doc.references is not None
    assert doc.references.holds(source.index("1. Octagam"))
    assert not doc.references.holds(source.index("Gamunex-C"))
    claims = Engine().analyse(doc).claims
    assert [(c.subject, c.value.display) for c in claims] == [("products.gamunex-c", "5%")]


@pytest.mark.parametrize(
    "footer",
    [
        "<p><b>Sources</b><br>\n[1] Octagam 10% label. Octapharma.<br>\n[2] Huber AM, et al."
        " J Rheumatol. 2017.</p>",
        "<p>Sources I used:<br>[1] Octagam 10% label.<br>[2] Aggarwal R, et al. NEJM 2022.</p>",
    ],
)
def test_a_title_and_its_numbered_entries_in_one_paragraph(footer: str) -> None:
    """An e-mail's or a newsletter's footer: the title and its entries broken by <br>."""
    doc = read_document("a.html", f"<p>Privigen is a 10% solution [1].</p>\n{footer}\n")
    assert doc.references is not None
    assert len(doc.references.entries) == 2
    assert doc.references.entries[0].startswith("Octagam 10% label.")
    assert "references-missing" not in rules_of(doc.source, "a.html")


def test_a_paragraph_that_only_cites_is_no_references_section() -> None:
    """ "[1] says ..." in prose, or numbered entries under no references title, are not one."""
    doc = read_document("a.html", "<p>As the label says [1], Privigen is a 10% solution.</p>\n")
    assert doc.references is None


def test_a_references_row_of_a_two_column_table() -> None:
    """A protocol synopsis: "<tr><th>References</th><td>[1] ...<br>[2] ...</td></tr>"."""
    source = (
        "<table>\n<tr><th>Background</th><td>Privigen is a 10% solution [1].</td></tr>\n"
        "<tr><th>References</th><td>[1] Privigen label. CSL Behring.<br>[2] Aggarwal R, et al."
        " N Engl J Med. 2022;387:1264-78.</td></tr>\n</table>\n"
    )
    doc = read_document("a.html", source)
    assert doc.references is not None and len(doc.references.entries) == 2
    assert not {"references-missing", "citation-needed"} & rules_of(source, "a.html")


def test_an_annotated_bibliography_s_annotations_are_still_prose() -> None:
    """Under "Annotated references" the entries make no claims, but the compiler's notes on
    them do: a wrong figure there is still reported."""
    source = (
        "# Bibliography\n\n## Annotated references\n\n"
        "**[1] Aggarwal R, Charles-Schoeman C, et al. N Engl J Med. 2022;387:1264-78.**\n"
        "The trial gave Octagam 10% at 2 g/kg every 4 weeks; Privigen, by contrast, is a 5%"
        " solution.\n"
    )
    doc = read_document("a.md", source)
    assert doc.references is not None and doc.references.annotated
    assert "concentration-contradiction" in rules_of(source, "a.md")


def test_a_written_answer_s_notes_are_its_markers() -> None:
    """ "(note 1)", "(notes 8 and 9)" point to the numbered notes of a written answer."""
    text = (
        "The FDA approved Octagam 10% for dermatomyositis in July 2021 (note 1).\n\n"
        "Notes to the answer\n\n 1. FDA approval letter, 2021.\n"
    )
    assert "citation-needed" not in rules_of(text, "a.txt")


@pytest.mark.parametrize(
    ("sentence", "cited"),
    [
        ("Either the CARRA consensus plan [L10] or the Ontario guideline [L11] applies.", True),
        ("The ProDERM trial showed a benefit [R1, R2].", True),
        ("The ProDERM trial showed a benefit [HIV].", False),  # an abbreviation, no source
    ],
)
def test_source_codes_are_reference_markers(sentence: str, cited: bool) -> None:
    """A pharmacy export's "[L10]" or a tender's "[R1]" points to its reference list."""
    text = f"{sentence}\n\nSources\n\n[L10] CARRA plan. [L11] Ontario. [R1] A. [R2] B.\n"
    assert ("citation-needed" not in rules_of(text, "a.txt")) is cited


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        # one marker at the end of the study's account covers the sentence before
        (
            "In the ProDERM trial, 95 adults were given IVIG or placebo. After 16 weeks, 79% on"
            " IVIG had improved [1].",
            True,
        ),
        # ... but not a sentence that goes on to something else
        ("In the ProDERM trial, 95 adults were given IVIG. Privigen is a 10% product [1].", False),
    ],
)
def test_a_marker_at_the_end_of_a_study_s_account(text: str, cited: bool) -> None:
    source = f"{text}\n\nReferences\n\n1. Aggarwal R, et al. N Engl J Med. 2022.\n"
    assert ("citation-needed" not in rules_of(source, "a.txt")) is cited


@pytest.mark.parametrize(
    "heading",
    ["## Notes", "## Medical adviser's notes (not for broadcast)"],
)
def test_a_notes_section_of_bibliographic_entries_is_the_references(heading: str) -> None:
    source = (
        "# Chair number six\n\nOctagam 10% is given every 4 weeks.⁵\n\n"
        f"{heading}\n\nChecked by a consultant rheumatologist.\n\n"
        "1. Aggarwal R, et al. Trial of IVIG in dermatomyositis. N Engl J Med. 2022;387:1264.\n"
        "2. Octagam 10% prescribing information, Octapharma USA (DailyMed).\n"
    )
    doc = read_document("a.md", source)
    assert doc.references is not None and len(doc.references.entries) == 2
    # the note above the entries is still prose
    note = next(u for u in doc.units if u.text.startswith("Checked"))
    assert not doc.references.holds(note.to_source(0))


def test_a_notes_section_of_remarks_is_not_the_references() -> None:
    source = (
        "# Care\n\nOctagam 10% is given every 4 weeks.\n\n## Notes\n\n- Bring a snack.\n"
        "- Wear layers.\n"
    )
    assert read_document("a.md", source).references is None


def test_a_fact_check_note_over_its_sources_is_the_references() -> None:
    source = (
        "ADA: Octagam 10% is given every 4 weeks.\n\nEND\n\n"
        "PRODUCTION NOTE - MEDICAL FACT CHECK\n"
        "Medical details were checked by the production's adviser against:\n"
        "1. Huber AM, et al. CARRA consensus plans. J Rheumatol. 2017;44:110-116.\n"
        "2. Privigen prescribing information. CSL Behring AG; DailyMed.\n"
    )
    doc = read_document("a.txt", source)
    assert doc.references is not None and len(doc.references.entries) == 2
    assert not [f for f in lint_text(source, "a.txt") if f.rule.startswith("references")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Panzyga is stabilised with glycine according to the UK leaflet.",
        "According to the Privigen PI, the maximum rate is 8 mg/kg/min.",
        "Octagam 10% contains maltose according to the US Prescribing Information.",
    ],
)
def test_a_products_own_label_is_no_outside_evidence(sentence: str) -> None:
    found = [f for f in lint_text(sentence + "\n\nReferences\n\n1. x\n", "a.txt")]
    assert not [f for f in found if f.rule == "citation-needed"]


def test_an_authority_after_according_to_still_needs_a_marker() -> None:
    found = lint_text("According to the FDA, Privigen is safe.\n\nReferences\n\n1. x\n", "a.txt")
    assert [f.rule for f in found] == ["citation-needed"]


def test_where_i_checked_things_over_entries_is_the_references() -> None:
    source = (
        "Dear future me,\n\nOctagam 10% is given every 4 weeks [1].\n\n"
        "WHERE I CHECKED THINGS (BECAUSE YOU'LL ASK)\n"
        "[1] Octagam 10% prescribing information (Octapharma), dosing table.\n"
        "[2] Aggarwal R, et al. N Engl J Med. 2022;387(14):1264-1278.\n"
    )
    assert read_document("a.txt", source).references is not None


def test_a_long_title_with_references_in_brackets_over_entries() -> None:
    source = (
        "Mon 13 Apr 2026 - COURSE 4\nBack on Octagam 10%, 2 g/kg over 4 days.\n\n"
        "PAPERS AND LEAFLETS STAPLED INSIDE THE BACK COVER (references)\n"
        "1. Aggarwal R, et al. N Engl J Med. 2022;387(14):1264-1278.\n"
        "2. Octagam 10% prescribing information (Octapharma), dosing table.\n"
    )
    assert read_document("a.txt", source).references is not None


def test_a_report_as_a_noun_invokes_nothing() -> None:
    text = (
        "*Trustees' report, incorporating the strategic report. Approved by the Board on 9 July"
        " 2026.*\n\nOctagam 10% contains maltose [1].\n\n## References\n\n1. Label.\n"
    )
    assert not [f for f in lint_text(text, "a.md") if f.rule == "citation-needed"]


def test_resources_sent_after_a_call_over_entries_are_the_references() -> None:
    source = (
        "DR: Octagam 10% is given every 4 weeks [1].\n\n" + "-" * 60 + "\n"
        "RESOURCES SENT TO THE PATIENT AFTER THE CALL (by email, 10/03/2026)\n" + "-" * 60 + "\n"
        "[1] Octagam 10% prescribing information. Octapharma; 2021.\n"
        "[2] Aggarwal R, et al. N Engl J Med 2022;387:1264-78.\n"
    )
    assert read_document("a.txt", source).references is not None


def test_a_diarys_things_i_read_over_entries_is_the_references() -> None:
    source = (
        "# Course 9\n\nOctagam 10%, 2 g/kg over 4 days.\n\n"
        "## Things I read (so I can find them again)\n\n"
        "1. Octagam 10% prescribing information. Octapharma; 2021.\n"
        "2. Aggarwal R, et al. N Engl J Med. 2022;387(14):1264-1278.\n"
    )
    assert read_document("a.md", source).references is not None
