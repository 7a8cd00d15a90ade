"""Safe fixes: --fix and --diff, byte-exact writes, and the product-name-spelling rule."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.cli import main
from medlint.fixes import apply_fixes, fixable
from medlint.lint import Engine, Options, lint_text
from medlint.model import Fix
from medlint.rules import builtin_rules_dir

ENGINE = Engine(Options(select=["product-name-spelling"]))
RULE = "product-name-spelling"


def spelling(text: str, path: str = "a.txt") -> list[tuple[str, str]]:
    return [
        (f.found or "", f.expected or "")
        for f in lint_text(text, path, engine=ENGINE)
        if f.rule == RULE
    ]


def test_separator_variants_are_found_with_the_canonical_form() -> None:
    text = "Gamunex C, GamunexC, Gamunex – C, GAMUNEX C and Gammagard-Liquid.\n"
    assert spelling(text) == [
        ("Gamunex C", "Gamunex-C"),
        ("GamunexC", "Gamunex-C"),
        ("Gamunex – C", "Gamunex-C"),
        ("GAMUNEX C", "GAMUNEX-C"),
        ("Gammagard-Liquid", "Gammagard Liquid"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "GAMUNEX-C and gamunex-c and Gamunex-C are the listed name in other capitals.",
        "Privigen, PRIVIGEN and privigen.",
        "Two Privigens were compared.",  # plural: quiet
        "Gammagard Liquid, Flebogamma DIF, Octagam 10% and Cuvitru.",
        "Gamunex-Cs and Gamunex C-reactive are not names; Octagon is a shape.",
        "The Privileged few received immune globulin.",
        "privagen in lower case is not treated as a name.",
        "```\nGamunex C\n```\n",
    ],
)
def test_quiet_cases(text: str) -> None:
    assert spelling(text, "a.md") == []


def test_one_letter_slip_is_found_but_its_fix_is_not_safe() -> None:
    findings = [f for f in lint_text("Privagen is a 10% liquid.\n", "a.txt", engine=ENGINE)]
    assert [(f.found, f.expected) for f in findings] == [("Privagen", "Privigen")]
    assert findings[0].fix is not None and findings[0].fix.safe is False
    assert fixable(findings, ENGINE.rules) == {}


def test_apply_fixes_skips_overlaps_and_keeps_touching_spans() -> None:
    text = "abcdefghij"
    new, applied, skipped = apply_fixes(
        text, [Fix(0, 3, "X"), Fix(2, 5, "Y"), Fix(3, 5, "Z"), Fix(3, 5, "Z"), Fix(8, 8, "+")]
    )
    assert new == "XZfgh+ij"
    assert applied == [Fix(0, 3, "X"), Fix(3, 5, "Z"), Fix(8, 8, "+")]
    assert skipped == [Fix(2, 5, "Y")]
    new, applied, skipped = apply_fixes(text, [Fix(4, 4, "a"), Fix(4, 4, "b")])
    assert new == "abcdaefghij" and skipped == [Fix(4, 4, "b")]


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.txt"
    # BOM, CRLF, a lone CR, no final newline, non-ASCII: all must survive byte for byte
    path.write_bytes(
        "\ufeffIntro – café.\r\n\r\nGamunex C is given into a vein.\rGamunexC too.\r\n\r\n"
        "Privagen is also an immune globulin; see [1].".encode()
    )
    os.chmod(path, 0o640)
    return path


def test_fix_writes_only_the_fixed_spans(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = article.read_bytes()
    assert main(["check", "--select", RULE, "--fix", "a.txt"]) == 0  # warnings only
    captured = capsys.readouterr()
    assert "fixed 2 finding(s) in 1 file(s)" in captured.err
    after = article.read_bytes()
    assert after == before.replace(b"Gamunex C ", b"Gamunex-C ").replace(b"GamunexC", b"Gamunex-C")
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    # what is left is reported: the unsafe Privagen suggestion
    assert "[product-name-spelling] 'Privagen'" in captured.out
    assert "Gamunex" not in captured.out
    # a second run changes nothing
    assert main(["check", "--select", RULE, "--fix", "a.txt"]) == 0
    assert "fixed" not in capsys.readouterr().err
    assert article.read_bytes() == after


def test_diff_shows_fixes_and_writes_nothing(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = article.read_bytes()
    assert main(["check", "--diff", "a.txt"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/a.txt\n+++ b/a.txt\n")
    assert "-Gamunex C is given into a vein.\r" in out
    assert "+Gamunex-C is given into a vein.\r" in out
    assert "Privigen" not in out  # unsafe fixes are not part of --diff
    assert article.read_bytes() == before
    assert main(["check", "--fix", "a.txt"]) in (0, 1)
    capsys.readouterr()
    assert main(["check", "--diff", "a.txt"]) == 0
    assert capsys.readouterr().out == ""


def test_rule_not_marked_safe_is_not_fixed(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = (builtin_rules_dir() / f"{RULE}.yaml").read_text(encoding="utf-8")
    assert "fix:\n  safe: true\n" in src
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / f"{RULE}.yaml").write_text(
        src.replace("fix:\n  safe: true\n", "fix:\n  safe: false\n")
    )
    before = article.read_bytes()
    assert main(["check", "--rules", str(rules), "--fix", "a.txt"]) in (0, 1)
    assert "fixed" not in capsys.readouterr().err
    assert article.read_bytes() == before


def test_suppressed_finding_is_not_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    directive = (
        "<!-- medlint-disable-next-line product-name-spelling -- quoting the 1998 leaflet -->"
    )
    text = f"{directive}\nGamunex C.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    assert main(["check", "--fix", "a.md"]) == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text


# Filler around the misspelt name: punctuation, line endings, non-ASCII and correctly spelt names.
FILLER = st.lists(
    st.sampled_from([*" \t\r\n.,;:()[]0123456789%-–éü", "the ", "IVIG ", "GAMUNEX-C ", "dose "]),
    max_size=20,
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=FILLER, suffix=FILLER, variant=st.sampled_from(["Gamunex C", "GamunexC", "Gamunex - C"])
)
def test_property_no_byte_outside_the_fix_changes(prefix: str, suffix: str, variant: str) -> None:
    text = f"{prefix} {variant} {suffix}"
    findings = lint_text(text, "a.txt", engine=ENGINE)
    fixes = [f.fix for f in fixable(findings, ENGINE.rules).get("a.txt", []) if f.fix is not None]
    new, _applied, skipped = apply_fixes(text, fixes)
    assert not skipped
    assert new == f"{prefix} Gamunex-C {suffix}"
    again = lint_text(new, "a.txt", engine=ENGINE)
    assert fixable(again, ENGINE.rules) == {}  # a second run changes nothing
