"""Same inputs, byte-identical output: across processes, hash seeds, argument order and --jobs.

Reports are diffed in CI and baselines are keyed on fingerprints, so any
ordering that leaks from a set, a dict filled by worker completion or the
order paths were typed in would show up as churn. Each run here is a fresh
process, so the hash seed really differs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def medlint(*args: str, seed: str = "0", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "medlint", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=600,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's fixtures plus a bad file and a missing path: errors must be stable too."""
    base = tmp_path_factory.mktemp("corpus")
    for src in sorted((ROOT / "fixtures").rglob("*")):
        if src.is_file() and src.suffix in (".txt", ".md", ".html"):
            dest = base / src.relative_to(ROOT / "fixtures")
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(src.read_bytes())
    (base / "broken.md").write_bytes(b"caf\xe9\n")
    (base / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    return base


def _paths(corpus: Path) -> list[str]:
    return sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file())


def test_identical_across_processes_and_hash_seeds(corpus: Path) -> None:
    args = ("check", "--format", "json", ".", "missing.txt")
    first = medlint(*args, seed="0", cwd=corpus)
    second = medlint(*args, seed="4242", cwd=corpus)
    assert first.returncode == second.returncode == 2
    assert json.loads(first.stdout)["summary"]["findings"] > 10
    assert first.stdout == second.stdout
    assert first.stderr == second.stderr
    assert len(first.stderr.splitlines()) == 3


def test_identical_whatever_the_order_of_paths(corpus: Path) -> None:
    paths = _paths(corpus)
    forward = medlint("check", *paths, "missing-a.txt", "missing-b.txt", seed="1", cwd=corpus)
    backward = medlint(
        "check", "missing-b.txt", "missing-a.txt", *reversed(paths), seed="2", cwd=corpus
    )
    assert forward.returncode == backward.returncode == 2
    assert forward.stdout == backward.stdout
    assert forward.stderr == backward.stderr


def test_identical_across_jobs(corpus: Path) -> None:
    runs = [
        medlint("check", "--format", "json", "--jobs", str(j), ".", cwd=corpus) for j in (1, 2, 3)
    ]
    assert {r.returncode for r in runs} == {2}
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert runs[0].stderr == runs[1].stderr == runs[2].stderr


def test_findings_are_sorted_by_path_line_column_rule(corpus: Path) -> None:
    proc = medlint("check", "--format", "json", ".", cwd=corpus)
    findings = json.loads(proc.stdout)["findings"]
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in findings]
    assert keys == sorted(keys)
    fingerprints = [f["fingerprint"] for f in findings]
    assert len(set(fingerprints)) == len(fingerprints)
