"""``medlint init``: starter files that validate, hold no invented fact, and are never clobbered."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medlint.cli import main
from medlint.config import load_config
from medlint.facts import load_facts


def medlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "medlint", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_init_writes_valid_starter_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    proc = medlint("init", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "wrote .medlint.yaml" in proc.stderr
    config = (tmp_path / ".medlint.yaml").read_text(encoding="utf-8")
    assert config.count("\n#") >= 5  # commented
    cfg = load_config(tmp_path / ".medlint.yaml")
    assert (
        cfg.facts is not None
        and Path(cfg.facts[0]).resolve() == (tmp_path / "facts.yaml").resolve()
    )
    assert cfg.fail_on == "error"
    validated = medlint("facts", "validate", "facts.yaml", cwd=tmp_path)
    assert validated.returncode == 0, validated.stderr
    assert "facts.yaml: OK (1 products" in validated.stdout


def test_starter_facts_are_placeholders_never_checked(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    facts = load_facts([str(tmp_path / "facts.yaml")])
    (product,) = facts.products.values()
    assert "placeholder" in product.name.lower()
    statuses = {block.status for block in product.facts.values()}
    assert statuses == {"unverified"}
    (source,) = facts.sources.values()
    assert source["title"].startswith("TODO") and source.get("status") == "unverified"


def test_check_runs_with_the_starter_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert medlint("init", cwd=tmp_path).returncode == 0
    # the placeholder's "10%" is unverified, so this contradiction is not checked
    (tmp_path / "a.md").write_text(
        "# Example\n\nExample Product (placeholder) is a 5% solution [1].\n\n"
        "## References\n\n1. Label.\n"
    )
    proc = medlint("check", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().startswith("0 finding(s) in 1 file(s)")


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "facts.yaml").write_text("# mine\n")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "facts.yaml already exist" in err and "--force" in err
    assert (tmp_path / "facts.yaml").read_text() == "# mine\n"
    assert not (tmp_path / ".medlint.yaml").exists()  # nothing written when one file is in the way
    assert main(["init", "--force", str(tmp_path)]) == 0
    assert "version: 1" in (tmp_path / "facts.yaml").read_text()
    assert (tmp_path / ".medlint.yaml").exists()


def test_init_into_a_missing_directory_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "nope")]) == 2
    assert "not a directory" in capsys.readouterr().err
