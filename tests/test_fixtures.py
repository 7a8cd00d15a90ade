"""Every annotated fixture article yields exactly its expected findings: none missing or extra."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from medlint.lint import Engine, Options, lint_paths
from tests.fixture_harness import FIXTURES, expected_findings, fixture_dirs

DIRS = fixture_dirs()


def test_there_are_fixtures() -> None:
    assert len(DIRS) >= 1
    assert sum(1 for d in DIRS for _ in d.iterdir()) >= 4


@pytest.mark.parametrize("directory", DIRS, ids=lambda d: d.relative_to(FIXTURES).as_posix())
def test_fixture_directory(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(directory)
    facts = ["facts.yaml"] if (directory / "facts.yaml").exists() else []
    result = lint_paths(["."], engine=Engine(Options(facts=facts)))
    assert not result.errors, [str(e) for e in result.errors]
    actual: Counter[tuple[str, int, str]] = Counter(
        (f.path, f.line, f.rule)
        for f in result.findings
        if not f.suppressed  # silenced inline
    )
    expected: Counter[tuple[str, int, str]] = Counter()
    for name in sorted(os.listdir(directory)):
        for (line, rule), n in expected_findings(directory / name).items():
            expected[(name, line, rule)] += n
    missing = expected - actual
    unexpected = actual - expected
    details = {
        (f.path, f.line, f.rule): f.message
        for f in result.findings
        if (f.path, f.line, f.rule) in unexpected
    }
    assert not missing and not unexpected, f"missing={dict(missing)} unexpected={details}"
