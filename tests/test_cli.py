"""The command line: exit codes, output contract, and one-line errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from medlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "medlint", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        check=False,
    )


def test_python_dash_m_checks_the_seeds() -> None:
    proc = run("check", "fixtures/seeds")
    assert proc.returncode == 1
    assert "ivig-dermatomyositis.txt:19:73: error [concentration-contradiction]" in proc.stdout
    assert proc.stdout.rstrip().splitlines()[-1].startswith("13 finding(s) in 2 file(s)")
    assert proc.stderr == ""


def test_json_contract(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check", "--format", "json", "fixtures/seeds"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["version"] == 1
    assert set(payload["summary"]) >= {"files", "findings", "by_severity", "by_rule"}
    required = {
        "rule",
        "name",
        "severity",
        "category",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
    }
    for f in payload["findings"]:
        assert required <= set(f)
        assert f["severity"] in ("error", "warning", "info")
        assert f["category"] in ("contradiction", "inconsistency", "ambiguity", "citation")
    fact = next(f for f in payload["findings"] if f["rule"] == "concentration-contradiction")
    assert fact["subject"] == "products.gamunex-c"
    assert fact["attribute"] == "concentration"
    assert (fact["found"], fact["expected"]) == ("5%", "10% only")
    assert fact["sources"] and all("title" in s for s in fact["sources"])
    assert (fact["line"], fact["column"], fact["end_line"], fact["end_column"]) == (19, 73, 19, 75)


def test_same_input_same_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    main(["check", "--format", "json", "fixtures/seeds"])
    first = capsys.readouterr().out
    main(
        [
            "check",
            "--format",
            "json",
            "fixtures/seeds/ivig-juvenile-dermatomyositis.txt",
            "fixtures/seeds/ivig-dermatomyositis.txt",
        ]
    )
    assert capsys.readouterr().out == first


def test_fail_on_levels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Studies have shown that IVIG helps.\n\nReferences\n\n1. Smith J. IVIG. 2020.\n"
    )
    assert main(["check", str(article)]) == 0  # only a warning
    assert main(["check", "--fail-on", "warning", str(article)]) == 1
    assert main(["check", "--fail-on", "never", str(article)]) == 0
    assert main(["check", "--ignore", "citation-needed", "--fail-on", "info", str(article)]) == 0
    assert main(["check", "--severity", "citation-needed=error", str(article)]) == 1
    capsys.readouterr()


def test_select_runs_only_those_rules(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    main(["check", "--select", "references-empty", "--format", "json", "fixtures/seeds"])
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert rules == {"references-empty"}


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "--facts", "missing.yaml", "x.txt"], "missing.yaml: facts file not found"),
        (["check", "--select", "no-such-rule", "x.txt"], "unknown rule 'no-such-rule'"),
        (["explain", "no-such-rule"], "unknown rule"),
        (["check", "--severity", "citation-needed", "x.txt"], "RULE=LEVEL"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], needle: str, tmp_path: Path) -> None:
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_bad_facts_file_names_file_and_line(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "version: 1\nsources:\n  S1: {title: x}\nproducts:\n  p: {name: P, colour: red}\n"
    )
    proc = run("facts", "validate", str(facts))
    assert proc.returncode == 2
    assert f"{facts}:5: " in proc.stderr and "unknown key" in proc.stderr


def test_unreadable_article_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Gamunex-C is a 5% solution.\n")
    (tmp_path / "bad.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 au lait.\n".encode("latin-1"))
    proc = run("check", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert "good.txt:1:16: error [concentration-contradiction]" in proc.stdout
    assert "bad.md: binary file" in proc.stderr
    assert "latin.txt:1: not valid UTF-8" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_facts_validate_bundled_and_rules_listing() -> None:
    proc = run("facts", "validate")
    assert proc.returncode == 0 and "OK (12 products" in proc.stdout
    listing = run("rules")
    assert listing.returncode == 0
    assert "concentration-contradiction" in listing.stdout and "citation-needed" in listing.stdout


def test_explain_shows_doc_and_examples() -> None:
    proc = run("explain", "concentration-contradiction")
    assert proc.returncode == 0
    assert "# concentration-contradiction" in proc.stdout
    assert "Examples (bad):" in proc.stdout and "Gamunex-C is a 5% liquid" in proc.stdout


def test_installed_layout_ships_rules_and_facts() -> None:
    from medlint.facts import BUNDLED_FACTS
    from medlint.rules import builtin_rules_dir

    assert (builtin_rules_dir() / "concentration-contradiction.yaml").is_file()
    assert BUNDLED_FACTS.is_file()
