"""The plain-text reader: which blocks are headings, list items and paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from medlint.documents.text import read_text
from medlint.lint import Engine, lint_text
from tests.reader_contract import check_offset_map


def kinds(source: str) -> list[tuple[str, str]]:
    return [(u.kind, u.text) for u in read_text("a.txt", source).units]


@pytest.mark.parametrize(
    "line",
    [
        "What is Juvenile Dermatomyositis?",
        "How IVIG Works for JDM",
        "Comparison Table of IVIG Products:",
        "IVIG for JDM: An Overview",
        "Chapter 2: Dosing",
        "Conclusion",
    ],
)
def test_short_title_lines_are_headings(line: str) -> None:
    assert kinds(f"{line}\n\nIVIG is given into a vein.\n")[0] == ("heading", line)


@pytest.mark.parametrize(
    "line",
    [
        "Privigen (Grifols): 10% concentration, low IgA content, glycine-stabilized",
        "Octagam (Octapharma): 5% or 10% options, maltose-stabilized",
        "Dosing: 2 g/kg every 4 weeks",
        "IVIG is given into a vein.",
        "treatment continues for months",
    ],
)
def test_statements_on_one_line_are_paragraphs(line: str) -> None:
    assert kinds(f"Title\n\n{line}\n")[1] == ("paragraph", line)


def test_a_label_line_whose_bullet_was_lost_is_checked() -> None:
    """The same line is checked as a bullet, as a Markdown paragraph and as a text line."""
    engine = Engine()
    line = "Privigen (Grifols): 10% concentration, low IgA content, glycine-stabilized"
    for text, path in ((f"• {line}\n", "a.txt"), (f"{line}\n", "a.txt"), (f"{line}\n", "a.md")):
        rules = sorted(f.rule for f in lint_text(text, path, engine=engine))
        assert "manufacturer-contradiction" in rules, (path, text)
        assert "stabilizer-contradiction" in rules, (path, text)


def test_bullets_and_blocks() -> None:
    source = (
        "Products\n\n• Gamunex-C (Grifols)\n• Privigen\n  continued line\n\n"
        "A paragraph\nover two lines.\n"
    )
    assert kinds(source) == [
        ("heading", "Products"),
        ("list_item", "Gamunex-C (Grifols)"),
        ("list_item", "Privigen\ncontinued line"),  # indentation is layout
        ("paragraph", "A paragraph\nover two lines."),
    ]


def test_checklist_boxes_lead_items() -> None:
    """Each box of a checklist is an item of its own: a worked example on one line must not
    be read together with the next line's figures."""
    source = (
        "[ ] Worked check: an 80 kg patient receives 2 g/kg = 180 g per course.\n"
        "[x] Daily share checked (160 g over 4 days = 40 g a day).\n"
        "☐ Consent signed.\n"
    )
    assert kinds(source) == [
        ("list_item", "Worked check: an 80 kg patient receives 2 g/kg = 180 g per course."),
        ("list_item", "Daily share checked (160 g over 4 days = 40 g a day)."),
        ("list_item", "Consent signed."),
    ]
    assert [f.rule for f in lint_text(source, "a.txt")] == ["dose-arithmetic"]


def test_a_block_of_fields_is_one_statement_per_line() -> None:
    """A settings sheet has no full stops: each "Label: value" line is its own unit (and never
    a heading), so what one line names does not decide the others; prose stays whole."""
    source = (
        "Step 1 (start):   0.1 mL/kg/min for the first 30 minutes\n"
        "Step 2:           0.02 mL/kg/min for 30 minutes\n"
        "Maker: Grifols\n\n"
        "IVIG is given into a vein\nover several hours: ask your nurse.\n"
    )
    assert kinds(source) == [
        ("paragraph", "Step 1 (start):   0.1 mL/kg/min for the first 30 minutes"),
        ("paragraph", "Step 2:           0.02 mL/kg/min for 30 minutes"),
        ("paragraph", "Maker: Grifols"),
        ("paragraph", "IVIG is given into a vein\nover several hours: ask your nurse."),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("6.3 Octagam 10% in chronic ITP (adults) [1].", "heading"),  # numbered: a title
        ("2.1 Dosing", "heading"),
        ("2.1 Privigen is a 10% solution.", "paragraph"),  # numbered, but a statement
        ("1.2 g/kg is the dose.", "paragraph"),
    ],
)
def test_numbered_section_titles(line: str, kind: str) -> None:
    assert kinds(f"{line}\n\nIVIG is given into a vein.\n")[0] == (kind, line)


def test_a_references_line_right_above_bracketed_entries_is_a_heading() -> None:
    source = "Privigen is a 10% solution [1].\n\nReferences\n[1] Privigen label.\n[2] Other.\n"
    assert kinds(source) == [
        ("paragraph", "Privigen is a 10% solution [1]."),
        ("heading", "References"),
        ("list_item", "Privigen label."),
        ("list_item", "Other."),
    ]
    # and so the article has its references section
    assert not [f for f in lint_text(source, "a.txt") if f.rule == "references-missing"]


def _wrapped(text: str, width: int, hyphens: bool) -> str:
    import textwrap

    return "\n".join(
        textwrap.fill(line, width, break_on_hyphens=hyphens) if line.strip() else line
        for line in text.split("\n")
    )


@pytest.mark.parametrize("hyphens", [False, True])  # True: "glycine-\nstabilized"
@pytest.mark.parametrize("width", [40, 60, 79])
def test_a_hard_wrapped_article_reads_like_the_original(width: int, hyphens: bool) -> None:
    """Wrapping every paragraph (as an editor's hard wrap does) changes no finding."""
    import re
    from pathlib import Path

    engine = Engine()
    seeds = sorted((Path(__file__).parent.parent / "fixtures" / "seeds").glob("*.txt"))
    assert seeds
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")

        def summary(source: str) -> list[tuple[str, str]]:
            found = lint_text(source, "a.txt", engine=engine)
            assert all("\n" not in f.message for f in found)
            # "at line N" names where the other site is: wrapping moves it
            return sorted((f.rule, re.sub(r" at line \d+", "", f.message)) for f in found)

        assert summary(_wrapped(text, width, hyphens)) == summary(text), seed.name


def test_a_word_hyphenated_at_a_line_break_keeps_its_name() -> None:
    """ "glycine-\\nstabilized": the tokenizer splits the hyphen off, so "glycine" still matches."""
    engine = Engine()
    for text in ("Privigen is glycine-stabilized.\n", "Privigen is glycine-\nstabilized.\n"):
        rules = [f.rule for f in lint_text(text, "a.txt", engine=engine)]
        assert "stabilizer-contradiction" in rules, text


def test_a_plain_text_table_is_one_statement_per_row() -> None:
    """Rows laid out with dot leaders or wide spaces: each row speaks of its own product."""
    dots = (
        "  Gamunex-C ........ Grifols ....... 10% .. IV .......... glycine\n"
        "  Flebogamma DIF ... Grifols ....... 5% and 10% .. IV ... sorbitol\n"
        "  Privigen ......... CSL Behring ... 10% .. IV .......... L-proline\n"
    )
    assert [k for k, _ in kinds(dots)] == ["paragraph"] * 3
    assert [f.rule for f in lint_text(dots, "a.txt") if f.rule != "references-missing"] == []
    spaces = (
        "Privigen             CSL Behring   10%     L-proline\n"
        "Flebogamma 10% DIF   Grifols       5%      D-sorbitol\n"
    )
    found = [f.rule for f in lint_text(spaces, "a.txt") if f.rule != "references-missing"]
    assert found == ["concentration-contradiction"]


def test_double_dash_bullets_are_items() -> None:
    """ "-- PRIVIGEN -- CSL BEHRING -- 10%" lines are items of their own, not one paragraph."""
    source = (
        "-- PRIVIGEN -- CSL BEHRING -- 10% -- L-PROLINE\n"
        "-- GAMUNEX-C -- GRIFOLS -- 10% -- GLYCINE\n"
    )
    assert [k for k, _ in kinds(source)] == ["list_item", "list_item"]
    assert [f.rule for f in lint_text(source, "a.txt") if f.rule != "references-missing"] == []


def test_a_text_box_is_one_paragraph_without_its_frame() -> None:
    """ASCII-art boxes ("+---+" and "|  text  |" lines): the frame is not prose, and the
    wrapped sentence inside is read whole (not as one-column table rows); offsets stay exact."""
    source = (
        "Intro line.\n\n"
        "+--------------------------------------------+\n"
        "|  DID YOU KNOW?                             |\n"
        "|  Privigen is stabilised with L-proline     |\n"
        "|  rather than a sugar, and Gamunex-C uses   |\n"
        "|  glycine.                                  |\n"
        "+--------------------------------------------+\n"
    )
    doc = read_text("a.txt", source)
    box = doc.units[-1]
    assert (box.kind, box.text) == (
        "paragraph",
        "DID YOU KNOW?\nPrivigen is stabilised with L-proline\n"
        "rather than a sugar, and Gamunex-C uses\nglycine.",
    )
    for word in ("Privigen", "Gamunex-C", "glycine"):
        at = box.text.index(word)
        start = box.to_source(at)
        assert source[start : start + len(word)] == word
    assert [f.rule for f in lint_text(source, "a.txt") if f.rule != "references-missing"] == []
    wrong = source.replace("L-proline     ", "glycine       ", 1)
    found = [f.rule for f in lint_text(wrong, "a.txt") if f.rule != "references-missing"]
    assert found == ["stabilizer-contradiction"]


def test_a_label_transcription_gives_its_fields_to_the_product_line() -> None:
    """ "PRODUCT NAME: GAMUNEX-C" over "LABEL: value" lines (a carton label copied as text):
    each field is the product's, a wrapped value stays with its field, and a lone
    "STABILIZER: ..." line is a field, not a title."""
    source = (
        "PRODUCT NAME: GAMUNEX-C\n"
        "PROPER NAME: Immune Globulin Injection (Human), 10% Caprylate/Chromatography Purified\n"
        "STRENGTH: 10% (100 mg of protein per mL)\n"
        "MANUFACTURER: CSL Behring\n"
        "ROUTE: For intravenous or subcutaneous use. Your prescriber decides which route is\n"
        "right for your condition.\n"
        "STABILIZER: L-proline.\n"
    )
    units = read_text("a.txt", source).units
    assert [u.text for u in units][4] == (
        "ROUTE: For intravenous or subcutaneous use. Your prescriber decides which route is\n"
        "right for your condition."
    )
    found = [f.rule for f in lint_text(source, "a.txt") if f.rule != "references-missing"]
    assert found == ["manufacturer-contradiction", "stabilizer-contradiction"]
    assert kinds("Gamunex-C\n\nSTABILIZER: glycine\n")[1] == ("paragraph", "STABILIZER: glycine")


def test_pipe_tables_are_cells_under_their_headers() -> None:
    source = (
        "=====================\n"
        "SECTION 3. STOCK RECEIVED\n"
        "=====================\n"
        "Date       | Product   | Conc. | Lot\n"
        "-----------+-----------+-------+-----------\n"
        "28 Sep 26  | Hizentra  | 20%   | P100482117\n"
        "| 5 Oct 26 | Cuvitru | 20% | |\n"
        "\n"
        "Plain prose | with a pipe is a paragraph.\n"
    )
    doc = read_text("a.txt", source)
    cells = [
        (u.kind, u.text, u.column_header, u.row_header, u.row)
        for u in doc.units
        if u.kind.startswith("table")
    ]
    assert cells == [
        ("table_header", "Date", None, None, -1),
        ("table_header", "Product", None, None, -1),
        ("table_header", "Conc.", None, None, -1),
        ("table_header", "Lot", None, None, -1),
        ("table_cell", "28 Sep 26", "Date", None, 0),
        ("table_cell", "Hizentra", "Product", "28 Sep 26", 0),
        ("table_cell", "20%", "Conc.", "28 Sep 26", 0),
        ("table_cell", "P100482117", "Lot", "28 Sep 26", 0),
        ("table_cell", "5 Oct 26", "Date", None, 1),
        ("table_cell", "Cuvitru", "Product", "5 Oct 26", 1),
        ("table_cell", "20%", "Conc.", "5 Oct 26", 1),
    ]
    # every cell maps back to its own text in the source
    for u in doc.units:
        assert source[u.to_source(0) : u.to_source(len(u.text), end=True)] == u.text
    assert [u.index for u in doc.units] == list(range(len(doc.units)))
    assert doc.units[-1].kind == "paragraph"


def test_a_wrong_strength_in_a_pipe_table_is_reported() -> None:
    source = (
        "Stock received\n\n"
        "Date       | Product   | Conc. | Lot\n"
        "-----------+-----------+-------+-----------\n"
        "28 Sep 26  | Hizentra  | 10%   | P100482117\n"
    )
    found = [(f.rule, f.line) for f in lint_text(source, "log.txt", engine=Engine())]
    assert ("concentration-contradiction", 5) in found


def test_indented_continuation_lines_lose_their_indentation_but_keep_their_place() -> None:
    source = "  * Hizentra contains IgA at no more than 500 micrograms per\n      millilitre [1].\n"
    (unit,) = read_text("a.txt", source).units
    assert unit.text == "Hizentra contains IgA at no more than 500 micrograms per\nmillilitre [1]."
    at = unit.text.index("millilitre")
    assert source[unit.to_source(at) : unit.to_source(at + 10, end=True)] == "millilitre"
    found = [
        f.rule for f in lint_text(source + "\nReferences\n[1] Label.\n", "a.txt", engine=Engine())
    ]
    assert "iga-contradiction" in found


def test_a_numbered_caps_title_maps_to_its_own_text() -> None:
    """Found by the fuzz test: the title keeps its number, and its span must too."""
    source = "1. AAAA"
    (unit,) = read_text("a.txt", source).units
    assert (unit.kind, unit.text) == ("heading", "1. AAAA")
    assert source[unit.to_source(0) : unit.to_source(len(unit.text), end=True)] == unit.text


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        # a record's label at the margin ends the indented item above it
        (
            "CHAIR 1 - Mr T., DM\n - wt 72 kg. Pt aware.\nCHAIR 2 - Mrs R., ITP\n - wt 64 kg.\n",
            ["CHAIR 1 - Mr T., DM", "wt 72 kg. Pt aware.", "CHAIR 2 - Mrs R., ITP", "wt 64 kg."],
        ),
        # a hard-wrapped item goes on at the margin: no sentence ends before the line
        (
            "Notes\n - Privigen is made by CSL Behring and\nIVIG 2 g/kg is given monthly.\n",
            ["Notes", "Privigen is made by CSL Behring and\nIVIG 2 g/kg is given monthly."],
        ),
        # a group's label at the margin under an indented list titles the next group
        (
            "Glycine:\n  - Panzyga\nL-proline:\n  - Privigen\n  - Hizentra\nMaltose:\n"
            "  - Octagam 10%\n",
            [
                "Glycine:",
                "Panzyga",
                "L-proline:",
                "Privigen",
                "Hizentra",
                "Maltose:",
                "Octagam 10%",
            ],
        ),
        # (a wrapped item's next words at the margin, even before a colon, go on with it)
        (
            "  - Bring to each infusion\nthe following:\n",
            ["Bring to each infusion\nthe following:"],
        ),
    ],
)
def test_a_record_label_ends_an_indented_item(text: str, texts: list[str]) -> None:
    assert [u.text for u in read_text("a.txt", text).units] == texts


@pytest.mark.parametrize(
    "captions",
    [
        # SubRip: a number and a timing above each cue
        "1\n00:00:01,000 --> 00:00:04,000\nFor example, if you weigh 80 kilos,\n\n"
        "2\n00:00:04,000 --> 00:00:08,500\nyour course is 160 grams [1].\n\n"
        "3\n00:00:08,500 --> 00:00:12,000\nIt is repeated every 4 weeks.\n",
        # WebVTT: a header, named cues, short times and cue settings
        "WEBVTT\n\nintro\n00:01.000 --> 00:04.000 align:start\nFor example, if you weigh 80"
        " kilos,\n\n00:04.000 --> 00:08.500\nyour course is 160 grams [1].\n\n"
        "00:08.500 --> 00:12.000\nIt is repeated every 4 weeks.\n",
    ],
)
def test_captions_join_their_cues_into_sentences(captions: str) -> None:
    """A video's captions: numbers, names and times are no text, and a sentence split across
    two cues is one paragraph (a blank line after a cue breaks one only after a sentence)."""
    doc = read_text("a.srt", captions)
    assert [u.text for u in doc.units] == [
        "For example, if you weigh 80 kilos,\nyour course is 160 grams [1].",
        "It is repeated every 4 weeks.",
    ]
    first = doc.units[0]
    start, end = first.source_span(0, len(first.text))
    assert captions[start : start + 12] == "For example,"
    assert captions[end - 4 : end] == "[1]."


def test_a_thread_s_post_counter_is_a_break() -> None:
    """ "14/14" on its own line opens a post: the title below it can head the references."""
    from medlint.documents import read_document

    doc = read_document(
        "a.txt", "13/14\nPrivigen is a 10% product [1].\n14/14\nSources:\n- Label.\n"
    )
    assert [u.text for u in doc.units] == ["Privigen is a 10% product [1].", "Sources:", "Label."]
    assert doc.references is not None


def test_an_email_s_quoted_messages_are_prose_without_their_marks() -> None:
    """ "> " and ">> " quote earlier messages: the marks are layout (each quoted paragraph is
    a unit of its own, flagged as quoted, mapped back to the source), and ">" alone between
    them breaks paragraphs as a blank line does."""
    source = (
        "Agreed.\n\nOn Tue, Dr Ode wrote:\n\n> Privigen is a 10%\n> solution.\n>\n"
        ">> Hizentra is given under the skin.\n"
    )
    doc = read_text("a.txt", source)
    units = [(u.text, u.quoted) for u in doc.units]
    assert units[-2:] == [
        ("Privigen is a 10%\nsolution.", True),
        ("Hizentra is given under the skin.", True),
    ]
    assert not doc.units[0].quoted
    unit = doc.units[-2]
    start, end = unit.source_span(0, len(unit.text))
    assert source[start:end] == "Privigen is a 10%\n> solution."


def test_a_leading_greater_than_sign_alone_is_text() -> None:
    """Without an e-mail's quoting (no ">" line alone, no ">>", no "wrote:" above), "> 50 kg"
    is a comparison and keeps its sign."""
    assert kinds("Doses:\n\n> 50 kg: 2 g/kg per course.\n")[-1] == (
        "paragraph",
        "> 50 kg: 2 g/kg per course.",
    )


def test_a_pipe_table_without_a_rule_under_its_header() -> None:
    """A data export ("item|product|conc_pct" over rows of values): a table all the same, its
    header's cells the columns' names; a line with another count of pipes ends it."""
    doc = read_text(
        "a.txt",
        "Export:\n\nitem|product|conc_pct\nIG-1|Privigen|10\nIG-2|Hizentra|20\n(2 rows | end)\n",
    )
    cells = [(u.kind, u.text, u.column_header, u.row_header) for u in doc.units[1:]]
    assert cells[:3] == [
        ("table_header", "item", None, None),
        ("table_header", "product", None, None),
        ("table_header", "conc_pct", None, None),
    ]
    assert ("table_cell", "20", "conc_pct", "IG-2") in cells
    assert doc.units[-1].kind not in ("table_cell", "table_header")


@pytest.mark.parametrize(
    "block",
    [
        "Price | per gram | per vial\n",  # one line
        "a | b | c\nd | e | f\n",  # no second row
        "10 | 20 | 30\n1 | 2 | 3\n4 | 5 | 6\n",  # a header of figures
        "a | b\nc | d\ne | f\n",  # two columns
    ],
)
def test_lines_with_pipes_that_are_no_table(block: str) -> None:
    assert not any(u.kind.startswith("table") for u in read_text("a.txt", block).units)


def test_a_crossword_s_clue_numbers_are_no_figures() -> None:
    """ "2  Weeks between Octagam 10% courses (4)": the clue's number (two spaces after it, a
    letter count at the end) is a list item's marker, not "2 weeks"; so is an answer's."""
    doc = read_text(
        "a.txt",
        "DOWN\n 2  Weeks between Octagam 10% courses in adult dermatomyositis (4)\n"
        " 3  Grams per kilogram in one full course (3)\n\nANSWERS\n 2  FOUR. Every 4 weeks.\n",
    )
    items = [(u.kind, u.text) for u in doc.units if u.kind == "list_item"]
    assert items == [
        ("list_item", "Weeks between Octagam 10% courses in adult dermatomyositis (4)"),
        ("list_item", "Grams per kilogram in one full course (3)"),
        ("list_item", "FOUR. Every 4 weeks."),
    ]
    # no "every 2 weeks" or "3 g/kg" is read from the clue numbers
    assert {f.rule for f in lint_text(doc.source, "a.txt")} <= {"references-missing"}


def test_two_spaces_after_a_number_alone_make_no_list() -> None:
    assert kinds("Rates:\n\n10  mL per hour at first.\n")[-1][0] == "paragraph"


def test_a_note_under_a_plain_text_table_is_not_its_last_row() -> None:
    source = (
        "THE PRODUCTS\n"
        " Product      Maker         Strength  Stabiliser\n"
        " Privigen     CSL Behring   10%       L-proline\n"
        " Gamunex-C    Grifols       10%       glycine\n"
        " Hizentra     CSL Behring   20%       L-proline\n"
        " Cuvitru      Takeda        20%       glycine\n"
        " (PS 80 = polysorbate 80.)\n"
    )
    units = read_text("a.txt", source).units
    cuvitru = [u.text for u in units if u.kind == "table_cell" and u.row_header == "Cuvitru"]
    assert cuvitru == ["Takeda", "20%", "glycine"]
    assert units[-1].text == "(PS 80 = polysorbate 80.)" and units[-1].kind != "table_cell"
    # laid out as rows without a header line, each row is still a line of its own
    rows = read_text("a.txt", "THE PRODUCTS\n" + "".join(source.splitlines(True)[2:])).units
    assert [u.text for u in rows][-2:] == [
        "Cuvitru      Takeda        20%       glycine",
        "(PS 80 = polysorbate 80.)",
    ]


def test_a_references_title_at_the_foot_of_a_block_opens_the_references() -> None:
    source = (
        "Octagam 10% contains maltose [1].\n\n"
        "[handwritten in margin: ask about home SCIG]\n"
        "REFERENCES (as on my cards)\n"
        "[1] Octagam 10% US Prescribing Information, Octapharma USA (DailyMed).\n"
        "[2] Huber AM, Kim S, Reed AM, et al. J Rheumatol 2017;44(1):110-116.\n"
    )
    from medlint.documents import read_document

    doc = read_document("a.txt", source)
    assert doc.references is not None
    assert "REFERENCES (as on my cards)" in [u.text for u in doc.units if u.kind == "heading"]
    assert not [f for f in lint_text(source, "a.txt") if f.rule.startswith("references")]


def test_a_table_laid_out_with_spaces_is_read_as_cells() -> None:
    source = (
        "(1) Product comparison\n"
        "  Product       Maker          Strength   Stabiliser   IgA content\n"
        "  ----------    ------------   --------   ----------   -----------------\n"
        "  Privigen      CSL Behring    10%        L-proline    trace, <= 0.25 mg/mL\n"
        "  Gamunex-C     Grifols        10%                     average 0.046 mg/mL\n"
        "The three are 10% products.\n"
    )
    units = read_text("a.txt", source).units
    assert [u.text for u in units if u.kind == "table_header"] == [
        "Product",
        "Maker",
        "Strength",
        "Stabiliser",
        "IgA content",
    ]
    cells = [(u.row_header, u.column_header, u.text) for u in units if u.kind == "table_cell"]
    assert ("Privigen", "IgA content", "trace, <= 0.25 mg/mL") in cells
    # an empty cell leaves the next one under its own column
    assert ("Gamunex-C", "IgA content", "average 0.046 mg/mL") in cells
    assert not [c for c in cells if c[0] == "Gamunex-C" and c[1] == "Stabiliser"]
    assert units[0].text == "(1) Product comparison"
    assert (units[-1].kind, units[-1].text) == ("paragraph", "The three are 10% products.")
    check_offset_map(read_text("a.txt", source))


def test_a_planted_error_in_a_space_laid_table_is_found() -> None:
    source = (
        "IVIG products\n\n"
        "  Product       Maker          Strength   IgA content\n"
        "  Privigen      CSL Behring    10%        trace, <= 0.25 mg/mL\n"
        "  Gamunex-C     Grifols        10%        average 0.046 mg/mL\n\n"
        "References\n\n1. Privigen prescribing information.\n"
    )
    found = [(f.line, f.rule) for f in lint_text(source, "a.txt")]
    assert found == [(4, "iga-contradiction")]


@pytest.mark.parametrize(
    "source",
    [
        # prose with double spaces after full stops is no table
        "Privigen is a 10% product.  It is made by CSL Behring.  It contains L-proline.\n"
        "Gamunex-C is a 10% product.  It is made by Grifols.  It contains glycine.\n"
        "Octagam 10% contains maltose.  It is made by Octapharma.  Ask your nurse.\n",
        # a header of figures is no header
        "  10%     20%     5%\n  Privigen   Hizentra   Octagam 5%\n  a   b   c\n",
    ],
)
def test_lines_with_wide_spaces_that_are_no_table(source: str) -> None:
    assert not [u for u in read_text("a.txt", source).units if u.kind.startswith("table")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\r\n\u2028é", max_size=40))
def test_line_starts_are_where_each_line_ending_ends(text: str) -> None:
    """``model.line_starts_of`` (a fast path for text without CR): after every CRLF, CR and
    LF, and nowhere else."""
    import re

    from medlint.model import line_starts_of

    assert line_starts_of(text) == [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \r\n\t", max_size=30))
def test_lines_are_each_line_s_content_without_its_ending(text: str) -> None:
    """``text._lines`` (split where the text has no CR): as the line pattern finds them."""
    import re

    from medlint.documents.text import _lines

    expected = []
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        s, e = m.start(), m.end()
        if s == e and s == len(text):
            break
        expected.append((s, s + len(m.group().rstrip("\r\n"))))
    assert _lines(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AB .\n", max_size=80))
@example(" ".join(["A"] * 14))
@example(" ".join(["A"] * 15))
@example("\n".join(["B"] * 14) + "  ")
def test_a_heading_has_few_words_however_they_are_counted(text: str) -> None:
    """``text._is_heading`` counts at most one word past the limit, with the same answer."""
    from medlint.documents import text as reader

    words = len(text.split())
    if words > reader._HEADING_MAX_WORDS:
        assert not reader._is_heading(text)
    elif words > 0 and text.strip()[-1] != ".":
        assert reader._is_heading(text)
