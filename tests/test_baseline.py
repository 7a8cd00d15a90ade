"""Baselines: record today's findings, report only new ones, survive edits above a finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medlint.baseline import apply_baseline, load_baseline, render_baseline
from medlint.cli import main
from medlint.errors import MedlintError
from medlint.model import Finding

ARTICLE = (
    "Immune globulin\n\n"
    "Gamunex-C is a 5% solution [1].\n\n"
    "Studies have shown that IVIG can help achieve remission.\n\n"
    "References\n\n1. Gamunex-C prescribing information.\n"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # a repository root, so no outer configuration is found
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_write_baseline_records_findings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "a.txt"]) == 1
    before = capsys.readouterr().out.splitlines()[:-1]
    assert len(before) == 2  # the contradiction and the citation
    assert main(["check", "--write-baseline", ".medlint-baseline.json", "a.txt"]) == 0
    captured = capsys.readouterr()
    assert "recorded 2 finding(s) in .medlint-baseline.json" in captured.err
    assert captured.out.strip().endswith("(2 matched the baseline)")
    data = json.loads((repo / ".medlint-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["rule"], e["path"], e["line"]) for e in data["findings"]] == [
        ("concentration-contradiction", "a.txt", 3),
        ("citation-needed", "a.txt", 5),
    ]
    assert all(len(e["fingerprint"]) == 32 and e["message"] for e in data["findings"])
    assert not list(repo.glob(".medlint-*.tmp"))  # atomic write leaves no temporary file


def test_lines_inserted_above_do_not_make_findings_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--write-baseline", "base.json", "a.txt"]) == 0
    capsys.readouterr()
    article = repo / "a.txt"
    article.write_text(
        "New first paragraph about plasma.\n\nAnother one.\n\n" + ARTICLE, encoding="utf-8"
    )
    assert main(["check", "--baseline", "base.json", "a.txt"]) == 0
    out = capsys.readouterr().out
    assert (
        out.strip()
        == "0 finding(s) in 1 file(s): 0 error(s), 0 warning(s), 0 info (2 matched the baseline)"
    )
    # a genuinely new finding is reported and fails; the known ones stay quiet
    text = article.read_text(encoding="utf-8").replace(
        "References", "Privigen is a 5% liquid [1].\n\nReferences"
    )
    article.write_text(text, encoding="utf-8")
    assert main(["check", "--baseline", "base.json", "a.txt"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "[concentration-contradiction] Privigen" in lines[0]
    assert lines[1].endswith("(2 matched the baseline)")


def test_json_summary_counts_baselined(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--write-baseline", "base.json", "a.txt"]) == 0
    capsys.readouterr()
    assert main(["check", "--baseline", "base.json", "--format", "json", "a.txt"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["summary"]["baselined"] == 2
    assert payload["summary"]["findings"] == 0


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "base.json: baseline file not found"),
        ('{"version": 1,\n "findings": [\n', "base.json:3: baseline is not valid JSON"),
        ('{"version": 2, "findings": []}', "base.json: not a medlint baseline"),
        (
            '{"version": 1, "findings": [{"rule": "x"}]}',
            "base.json: baseline entry 1 has no fingerprint",
        ),
    ],
)
def test_missing_or_corrupt_baseline_is_one_line_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str], content: str | None, needle: str
) -> None:
    if content is not None:
        (repo / "base.json").write_text(content, encoding="utf-8")
    assert main(["check", "--baseline", "base.json", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_matching_respects_multiplicity_and_skips_suppressed() -> None:
    def f(fp: str, suppressed: str | None = None) -> Finding:
        return Finding(
            "r",
            "n",
            "warning",
            "style",
            "a.txt",
            1,
            1,
            1,
            2,
            "m",
            fingerprint=fp,
            suppressed=suppressed,
        )

    findings = [f("aa"), f("bb"), f("cc", suppressed="why")]
    text = render_baseline(findings)
    assert "cc" not in text  # suppressed findings are not recorded
    known = json.loads(text)
    assert [e["fingerprint"] for e in known["findings"]] == ["aa", "bb"]
    fresh = [f("aa"), f("bb"), f("dd")]
    from collections import Counter

    assert apply_baseline(fresh, Counter({"aa": 1, "bb": 1})) == 2
    assert [x.baselined for x in fresh] == [True, True, False]


def test_load_baseline_reads_what_render_wrote(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(render_baseline([]), encoding="utf-8")
    assert load_baseline(str(path)) == {}
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(MedlintError):
        load_baseline(str(path))
