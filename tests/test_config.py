"""Configuration: discovery up to the repository root, merging with flags, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from medlint.cli import main
from medlint.config import find_config, load_config

STUDY = "Studies have shown that IVIG can help achieve remission.\n"  # citation-needed (warning)
# a contradiction (error), with references so that nothing else fires
WRONG = "Gamunex-C is a 5% solution [1].\n\nReferences\n\n1. Gamunex-C label.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "articles" / "drafts").mkdir(parents=True)
    (root / "articles" / "a.txt").write_text(STUDY, encoding="utf-8")
    (root / "articles" / "b.txt").write_text(WRONG, encoding="utf-8")
    (root / "articles" / "drafts" / "c.txt").write_text(STUDY, encoding="utf-8")
    return root


def check(
    cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rules_in(out: str) -> list[str]:
    return sorted(
        line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "] " in line
    )


def test_yaml_config_found_from_a_subdirectory(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".medlint.yaml").write_text(
        "select: [citation-needed]\nfail-on: warning\nexclude: ['articles/drafts/*']\n"
    )
    code, out, _ = check(repo / "articles", monkeypatch, capsys, ".")
    assert code == 1  # fail-on: warning from the file
    assert rules_in(out) == ["citation-needed"]
    assert "drafts" not in out  # exclude glob is relative to the config file's directory
    # flags override the file
    code, out, _ = check(
        repo / "articles",
        monkeypatch,
        capsys,
        "--fail-on",
        "error",
        "--select",
        "concentration-contradiction",
        ".",
    )
    assert code == 1 and rules_in(out) == ["concentration-contradiction"]
    code, out, _ = check(repo / "articles", monkeypatch, capsys, "--fail-on", "never", ".")
    assert code == 0


def test_discovery_stops_at_the_repository_root(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.parent / ".medlint.yaml").write_text("select: [citation-needed]\n")
    assert find_config(repo / "articles") is None
    code, out, _ = check(repo / "articles", monkeypatch, capsys, ".")
    assert "concentration-contradiction" in rules_in(out) and code == 1


def test_pyproject_table_and_relative_facts_path(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n'
    )  # no [tool.medlint]: does not count
    assert find_config(repo / "articles") is None
    facts = Path(__file__).resolve().parent.parent / "medlint" / "data" / "templates" / "facts.yaml"
    (repo / "data").mkdir()
    (repo / "data" / "facts.yaml").write_text(facts.read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.medlint]\nfacts = ["data/facts.yaml"]\n\n'
        "[tool.medlint.severity]\n"
        '"citation-needed" = "error"\n'
    )
    assert find_config(repo / "articles") == repo / "pyproject.toml"
    code, out, err = check(repo / "articles", monkeypatch, capsys, ".")
    assert err == ""
    # the placeholder facts know no Gamunex-C, so no contradiction; citation-needed became an error
    assert rules_in(out) == ["citation-needed", "citation-needed"]
    assert "error [citation-needed]" in out and code == 1
    # --severity overrides one entry of the map
    code, out, _ = check(
        repo / "articles", monkeypatch, capsys, "--severity", "citation-needed=info", "."
    )
    assert code == 0 and "info [citation-needed]" in out


def test_yaml_wins_over_pyproject_in_the_same_directory(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.medlint]\nselect = []\n")
    (repo / ".medlint.yaml").write_text("select: [citation-needed]\n")
    assert find_config(repo) == repo / ".medlint.yaml"


def test_config_flag_and_isolated(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".medlint.yaml").write_text("select: [citation-needed]\n")
    other = tmp_path / "other.yaml"
    other.write_text("select: [concentration-contradiction]\n")
    _, out, _ = check(repo / "articles", monkeypatch, capsys, "--config", str(other), ".")
    assert rules_in(out) == ["concentration-contradiction"]
    _, out, _ = check(repo / "articles", monkeypatch, capsys, "--isolated", ".")
    assert rules_in(out) == ["citation-needed", "citation-needed", "concentration-contradiction"]


def test_baseline_path_in_config_is_relative_to_it(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".medlint.yaml").write_text("baseline: .medlint-baseline.json\n")
    code, _, err = check(repo, monkeypatch, capsys, "articles")
    assert code == 2 and ".medlint-baseline.json: baseline file not found" in err
    code, _, _ = check(
        repo, monkeypatch, capsys, "--write-baseline", ".medlint-baseline.json", "articles"
    )
    assert code == 0
    code, out, _ = check(repo, monkeypatch, capsys, "articles")
    assert code == 0 and "(3 matched the baseline)" in out


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        (
            ".medlint.yaml",
            "select: [citation-needed]\nfial-on: warning\n",
            ".medlint.yaml:2: unknown key 'fial-on'",
        ),
        (
            ".medlint.yaml",
            "facts: data/facts.yaml\n",
            ".medlint.yaml:1: facts: 'data/facts.yaml' is not of type 'array'",
        ),
        (
            ".medlint.yaml",
            "severity:\n  citation-needed: loud\n",
            ".medlint.yaml:2: severity.citation-needed: 'loud' is not one of",
        ),
        (".medlint.yaml", "select: [a\n", ".medlint.yaml:2: YAML error"),
        (".medlint.yaml", "- a\n", ".medlint.yaml:1: a configuration file must be a YAML mapping"),
        (
            "pyproject.toml",
            '[project]\nname = "x"\n\n[tool.medlint]\nselect = ["citation-needed"]\n'
            'fail_on = "warning"\n',
            "pyproject.toml:6: unknown key 'fail_on'",
        ),
        (
            "pyproject.toml",
            "[tool.medlint]\nfail-on = 3\n",
            "pyproject.toml:2: fail-on: 3 is not one of",
        ),
        ("pyproject.toml", "[tool.medlint]\nselect = [\n", "pyproject.toml:"),
    ],
)
def test_bad_config_is_one_line_with_file_and_line(
    repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    needle: str,
) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    code, _, err = check(repo / "articles", monkeypatch, capsys, ".")
    assert code == 2
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err, err


def test_load_config_resolves_paths(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".medlint.yaml").write_text(
        "facts: [f.yaml, /abs/g.yaml]\nrules: [myrules]\ninclude: ['*.md']\n"
    )
    monkeypatch.chdir(repo / "articles")
    cfg = load_config(repo / ".medlint.yaml")
    assert cfg.facts is not None and cfg.facts[0] == "../f.yaml"
    assert Path(cfg.facts[1]).resolve() == Path("/abs/g.yaml")
    assert cfg.rules == ["../myrules"]
    assert cfg.include == ["*.md"]  # a bare name pattern matches file names anywhere


def test_empty_yaml_config_is_fine(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".medlint.yaml").write_text("# nothing yet\n")
    code, out, err = check(repo / "articles", monkeypatch, capsys, ".")
    assert err == "" and code == 1 and "concentration-contradiction" in out
