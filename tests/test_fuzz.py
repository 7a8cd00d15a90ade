"""Property tests: arbitrary input never crashes the readers, the quantity parser or the loaders.

Inputs are built from fragments that matter to each parser (markup, line
endings, product names, values, YAML punctuation) mixed with arbitrary text,
so that examples reach deep into the code rather than stopping at the first
unknown character. The longer run of the same properties lives in
``fuzz/fuzz_readers.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.documents import read_document
from medlint.errors import MedlintError
from medlint.facts import load_facts
from medlint.lint import Engine, Options, lint_documents
from medlint.model import Document, Finding
from medlint.quantities import find_quantities
from medlint.rules import load_rule
from tests.test_facts_loading import VALID as VALID_FACTS

FRAGMENTS = [
    "Gamunex-C",
    "Privigen",
    "Octagam",
    "Octagam 10%",
    "Hizentra",
    "Gammagard Liquid",
    "IVIG",
    " is a ",
    " 5%",
    " 10 %",
    "0.4 g/kg",
    "2 g/kg every 4 weeks",
    " made by Grifols",
    # constructs this session's attribution rules look at
    "GAMUNEX®-C",
    "(R)",
    "Concentration: ",
    "  - ",
    "Unlike ",
    ", which is ",
    "whether ",
    "?",
    " – ",
    "methotrexate once a week",
    "(Smith 2020; Jones 2021)",
    "(1)",
    " of protein",
    "<dl><dt>",
    "</dt><dd>",
    "CSL Behring",
    "sugar-free",
    "maltose",
    "respectively",
    "and",
    ", ",
    ". ",
    " studies have shown ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    " ",
    "\ufeff",
    "\u00a0",
    "\u2028",
    "\x0b",
    "\x00",
    "# ",
    "## ",
    "- ",
    "* ",
    "1. ",
    "> ",
    "|",
    "| --- |",
    "---\n",
    "```",
    "`",
    "~~~",
    "    ",
    "[1]",
    "[^1]",
    "[",
    "]",
    "(",
    ")",
    "*",
    "_",
    "\\",
    "<p>",
    "</p>",
    "<li>",
    "</li>",
    "<ul>",
    "<table><tr><td>",
    "</td><td>",
    "<h2>",
    "</h2>",
    "<br>",
    "<sup>",
    "</sup>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&amp;",
    "&#x41;",
    "&nbsp;",
    "&",
    "<",
    ">",
    "'",
    '"',
    "<!-- medlint-disable-next-line -->",
    "<!-- expect: concentration-contradiction -->",
    "References",
    "Citations",
    "😀",
    "é",
    "ﬁ",
]

articles = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map(
    "".join
)

_ENGINE: Engine | None = None


def engine() -> Engine:
    """One engine for every example (building spaCy's pipeline per example would dominate)."""
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = Engine(Options(jobs=1))
    return _ENGINE


def check_positions(doc: Document, findings: list[Finding]) -> None:
    """Every finding lies inside the file, and its line/column is where its text really is."""
    n = len(doc.source)
    starts = doc.line_starts
    for f in findings:
        assert 0 <= f.start <= f.end <= n, f
        assert 1 <= f.line <= len(starts) and 1 <= f.end_line <= len(starts), f
        assert (f.line, f.column) == doc.position(f.start), f
        assert (f.end_line, f.end_column) == doc.position(f.end), f
        offset = starts[f.line - 1] + f.column - 1
        assert doc.source[offset : offset + len(f.matched_text)] == f.matched_text, f


def check_units(doc: Document) -> None:
    n = len(doc.source)
    for unit in doc.units:
        for seg in unit.segments:
            assert 0 <= seg.source_start <= seg.source_end <= n
            assert 0 <= seg.unit_start <= seg.unit_end <= len(unit.text)
            if seg.unit_end - seg.unit_start == seg.source_end - seg.source_start:
                # Equal lengths promise a verbatim copy (the offset-map invariant).
                piece = unit.text[seg.unit_start : seg.unit_end]
                assert piece == doc.source[seg.source_start : seg.source_end]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=articles, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_readers_and_checks_never_crash_and_positions_are_exact(source: str, fmt: str) -> None:
    doc = read_document(f"a.{fmt}", source, fmt)
    assert doc.source == source
    check_units(doc)
    findings = lint_documents(engine(), [doc])
    check_positions(doc, findings)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(articles, st.text(max_size=200)))
def test_find_quantities_never_raises_and_spans_are_exact(text: str) -> None:
    found = find_quantities(text)
    previous_end = 0
    for q in found:
        assert previous_end <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.low <= q.high or q.low != q.low  # NaN never sneaks in unnoticed
        previous_end = q.end


YAML_NOISE = [
    ":",
    " ",
    "  ",
    "\n",
    "\t",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "#",
    "&a",
    "*a",
    "!!",
    "!!python/object:os.system",
    "<<: *a",
    "? ",
    "|",
    ">",
    "%YAML",
    "---",
    "...",
    "\ufeff",
    "\x00",
    "é",
    "10%",
    "S1",
    "S2",
    "acme",
    "null",
    "~",
    "1e999",
    ".nan",
]


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few edits: deletions, insertions of YAML punctuation, duplicated lines."""
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "dup-line", "drop-line"]))
        if action == "insert":
            text = (
                text[:i]
                + draw(st.one_of(st.sampled_from(YAML_NOISE), st.text(max_size=3)))
                + text[i:]
            )
        elif action == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 12)) :]
        else:
            lines = text.splitlines(keepends=True) or [""]
            k = draw(st.integers(0, len(lines) - 1))
            lines[k : k + 1] = [lines[k], lines[k]] if action == "dup-line" else []
            text = "".join(lines)
    return text


def _load_or_refuse(loader: object, text: str, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            loader(path)  # type: ignore[operator]
        except MedlintError as exc:
            message = str(exc)
            assert message.startswith(str(path)), message
            assert "\n" not in message and "Traceback" not in message


@settings(max_examples=200, deadline=None)
@given(text=mutated(VALID_FACTS))
def test_mutated_facts_load_or_give_a_medlint_error(text: str) -> None:
    _load_or_refuse(lambda p: load_facts([str(p)]), text, "facts.yaml")


RULE = """\
id: house-style
name: House style
kind: pattern
category: style
severity: warning
summary: Say it plainly.
message: "avoid '{match}'"
parameters: {pattern: "miracle (cure|drug)", case_sensitive: false}
examples:
  bad: ["A miracle cure."]
  good: ["A treatment."]
"""


@settings(max_examples=200, deadline=None)
@given(text=mutated(RULE))
def test_mutated_rules_load_or_give_a_medlint_error(text: str) -> None:
    _load_or_refuse(load_rule, text, "house.yaml")
