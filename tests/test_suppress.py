"""Inline suppressions: next-line and range forms, required reasons, meta-rule findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from medlint.cli import main
from medlint.lint import Engine, Options, lint_text
from medlint.model import Finding
from medlint.rules import builtin_rules_dir

# references-missing fires on any product claim without a references section: not the subject here.
ENGINE = Engine(Options(ignore=["references-missing"]))
STUDY = "Studies have shown that IVIG can help achieve remission."


def lint(text: str, path: str = "a.md", engine: Engine = ENGINE) -> list[Finding]:
    return lint_text(text, path, engine=engine)


def rules_of(findings: list[Finding], *, suppressed: bool = False) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in findings if bool(f.suppressed) == suppressed]


@pytest.mark.parametrize("path", ["a.md", "a.txt", "a.html"])
def test_next_line_suppression_keeps_the_finding_with_its_reason(path: str) -> None:
    body = f"<p>{STUDY}</p>" if path.endswith(".html") else STUDY
    text = f"<!-- medlint-disable-next-line citation-needed -- cited in the sidebar -->\n{body}\n"
    findings = lint(text, path)
    assert rules_of(findings) == []
    silenced = [f for f in findings if f.suppressed]
    assert [(f.line, f.rule, f.suppressed) for f in silenced] == [
        (2, "citation-needed", "cited in the sidebar")
    ]


def test_without_the_comment_the_finding_is_reported() -> None:
    assert rules_of(lint(STUDY + "\n")) == [(1, "citation-needed")]


def test_suppression_without_reason_is_invalid_and_silences_nothing() -> None:
    findings = lint(f"<!-- medlint-disable-next-line citation-needed -->\n{STUDY}\n")
    assert rules_of(findings) == [(1, "suppression-invalid"), (2, "citation-needed")]
    invalid = next(f for f in findings if f.rule == "suppression-invalid")
    assert "no reason" in invalid.message
    assert (invalid.column, invalid.end_line) == (1, 1)


def test_unused_suppression_is_a_warning() -> None:
    findings = lint(
        "<!-- medlint-disable-next-line citation-needed -- old -->\nIVIG is made from plasma.\n"
    )
    unused = [f for f in findings if f.rule == "suppression-unused"]
    assert [(f.line, f.severity) for f in unused] == [(1, "warning")]
    assert "'citation-needed'" in unused[0].message


def test_next_line_skips_blank_and_comment_only_lines_but_not_prose() -> None:
    directive = "<!-- medlint-disable-next-line citation-needed -- cited below -->"
    text = f"{directive}\n\n<!-- note -->\n{STUDY}\n"
    assert rules_of(lint(text)) == []
    text = f"{directive}\nIVIG is made from donated plasma.\n\n{STUDY}\n"
    assert rules_of(lint(text)) == [(1, "suppression-unused"), (4, "citation-needed")]


def test_several_rules_and_unknown_rule() -> None:
    text = (
        "<!-- medlint-disable-next-line citation-needed, concentration-contradiction -- ok -->\n"
        "Studies have shown that Gamunex-C is a 5% solution.\n\n"
        "<!-- medlint-disable-next-line citaton-needed -- typo -->\n"
        f"{STUDY}\n"
    )
    findings = lint(text)
    assert sorted(rules_of(findings, suppressed=True)) == [
        (2, "citation-needed"),
        (2, "concentration-contradiction"),
    ]
    assert rules_of(findings) == [(4, "suppression-invalid"), (5, "citation-needed")]
    assert "unknown rule 'citaton-needed'" in findings[-2].message


def test_range_disable_enable() -> None:
    text = (
        "<!-- medlint-disable citation-needed -- patient stories, sourced in the footer -->\n"
        f"{STUDY}\n\n{STUDY}\n"
        "<!-- medlint-enable citation-needed -->\n\n"
        f"{STUDY}\n"
    )
    findings = lint(text)
    assert rules_of(findings, suppressed=True) == [(2, "citation-needed"), (4, "citation-needed")]
    assert rules_of(findings) == [(7, "citation-needed")]


def test_disable_without_enable_runs_to_the_end_and_enable_alone_is_invalid() -> None:
    text = f"<!-- medlint-disable all -- legacy page -->\n{STUDY}\n\nGamunex-C is a 5% liquid.\n"
    findings = lint(text)
    assert {f.rule for f in findings if f.suppressed} >= {
        "citation-needed",
        "concentration-contradiction",
    }
    assert rules_of(findings) == []
    findings = lint(f"<!-- medlint-enable citation-needed -->\n{STUDY}\n")
    assert rules_of(findings) == [(1, "suppression-invalid"), (2, "citation-needed")]


def test_unsuppressible_rule_cannot_be_silenced(tmp_path: Path) -> None:
    src = (builtin_rules_dir() / "citation-needed.yaml").read_text(encoding="utf-8")
    assert "suppressible" not in src
    (tmp_path / "citation-needed.yaml").write_text(
        src.replace("\nseverity:", "\nsuppressible: false\nseverity:", 1)
    )
    engine = Engine(Options(rules_dirs=[str(tmp_path)]))
    findings = lint(
        f"<!-- medlint-disable-next-line citation-needed -- please -->\n{STUDY}\n", engine=engine
    )
    assert rules_of(findings) == [(1, "suppression-invalid"), (2, "citation-needed")]
    assert "cannot be suppressed" in findings[0].message
    # 'all' passes over it silently: the finding stays, the attempt is not an error
    findings = lint(f"<!-- medlint-disable-next-line all -- please -->\n{STUDY}\n", engine=engine)
    assert rules_of(findings) == [(1, "suppression-unused"), (2, "citation-needed")]


def test_meta_rules_follow_select_and_ignore() -> None:
    text = f"<!-- medlint-disable-next-line concentration-contradiction -- x -->\n{STUDY}\n"
    only = Engine(Options(select=["citation-needed"]))
    assert rules_of(lint(text, engine=only)) == [(2, "citation-needed")]
    quiet = Engine(Options(ignore=["suppression-unused"]))
    assert rules_of(lint(text, engine=quiet)) == [(2, "citation-needed")]
    # a suppression for a rule that did not run is not "unused"
    both = Engine(Options(select=["citation-needed", "suppression-unused"]))
    assert rules_of(lint(text, engine=both)) == [(2, "citation-needed")]


def test_unknown_directive_and_ordinary_comments() -> None:
    findings = lint(f"<!-- medlint-disabel citation-needed -- x -->\n<!-- a note -->\n{STUDY}\n")
    assert rules_of(findings) == [(1, "suppression-invalid"), (3, "citation-needed")]


def test_cli_lists_meta_rules_and_counts_suppressed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "suppression-unused" in listing and "suppression-invalid" in listing
    (tmp_path / "a.md").write_text(
        f"<!-- medlint-disable-next-line citation-needed -- cited -->\n{STUDY}\n"
    )
    assert main(["check", "--isolated", "--fail-on", "warning", "a.md"]) == 0
    out = capsys.readouterr().out
    assert (
        out.strip() == "0 finding(s) in 1 file(s): 0 error(s), 0 warning(s), 0 info (1 suppressed)"
    )
