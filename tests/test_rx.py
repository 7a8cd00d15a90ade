"""medlint.rx: patterns from stored programs behave exactly as ``re.compile``'s."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from medlint import rx
from medlint.cache import store_pickle

SAMPLES = [
    (r"(?P<dose>\d+(?:\.\d+)?)\s*(?P<unit>g/kg)", 0),
    (r"every\s+(\d+)(?:\s*[-–]\s*(\d+))?\s+weeks", re.IGNORECASE),
    (
        r"""(?<![\w/])  # not inside a word
            (?P<pct>\d{1,2}) \s* %""",
        re.VERBOSE,
    ),
    (r"(?i)gamunex(?:-c)?\b", 0),
    (r"^\s*#{1,6}\s+(.*)$", re.MULTILINE),
    (r"(?<=mL)\.$|(?<=[A-Z])\.$", 0),
    (r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^?\w+\]", 0),
]
TEXTS = [
    "Give 2 g/kg every 4-6 weeks; Gamunex-C is a 10 % solution.",
    "GAMUNEX 5%\n## Dosing\nevery 3 weeks in JDM[^2]",
    "up to 1.5 g/kg in mL. A.",
    "",
]


def _fresh(monkeypatch: pytest.MonkeyPatch, directory: Path) -> rx._Store:
    """A store as a new process would have it, reading ``directory``."""
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("MEDLINT_NO_CACHE", raising=False)
    store = rx._Store()
    monkeypatch.setattr(rx, "_store", store)
    return store


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )
    for text in TEXTS:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groupdict() for m in a.finditer(text)] == [
            m.groupdict() for m in b.finditer(text)
        ]
        assert [m.groups() for m in a.finditer(text)] == [m.groups() for m in b.finditer(text)]


def test_stored_programs_match_re_compile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    store = _fresh(monkeypatch, tmp_path)
    for pattern, flags in SAMPLES:
        _same(rx.compile(pattern, flags), re.compile(pattern, flags))
    assert store.dirty
    store.save()
    files = list(tmp_path.glob("regex-*.marshal"))
    assert len(files) == 1
    # A new process: every pattern comes from the file, and none is compiled again.
    store = _fresh(monkeypatch, tmp_path)
    for pattern, flags in SAMPLES:
        _same(rx.compile(pattern, flags), re.compile(pattern, flags))
    assert store.entries is not None and len(store.entries) == len(SAMPLES)
    assert not store.dirty


def test_invalid_pattern_raises_re_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fresh(monkeypatch, tmp_path)
    with pytest.raises(re.error):
        rx.compile(r"(unclosed")


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
def test_damaged_file_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, damage: str
) -> None:
    store = _fresh(monkeypatch, tmp_path)
    for pattern, flags in SAMPLES:
        rx.compile(pattern, flags)
    store.save()
    (file,) = tmp_path.glob("regex-*.marshal")
    data = bytearray(file.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0xFF  # the digest no longer matches
    elif damage == "truncate":
        del data[40:]
    else:
        data = bytearray(b"not a marshal file at all")
    file.write_bytes(bytes(data))
    store = _fresh(monkeypatch, tmp_path)
    for pattern, flags in SAMPLES:
        _same(rx.compile(pattern, flags), re.compile(pattern, flags))
    assert store.dirty  # compiled afresh, and will be written back whole


def test_cache_off_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    store = _fresh(monkeypatch, tmp_path)
    monkeypatch.setenv("MEDLINT_NO_CACHE", "1")
    for pattern, flags in SAMPLES:
        _same(rx.compile(pattern, flags), re.compile(pattern, flags))
    store.save()
    assert not list(tmp_path.iterdir())


def test_file_is_bounded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    store = _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(rx, "LIMIT", 5)
    for i in range(12):
        rx.compile(rf"word{i}\b")
    assert store.entries is not None and len(store.entries) <= 5
    assert rx.compile(r"word3\b").search("a word3 b") is not None


def test_forked_worker_does_not_write(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    store = _fresh(monkeypatch, tmp_path)
    rx.compile(r"only\s+here")
    store.owner = os.getpid() + 1  # as if this were a worker forked from the owner
    store.save()
    assert not list(tmp_path.glob("regex-*"))


def test_cached_objects_pickle_patterns_through_rx(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The facts and rules cache stores patterns as ``rx.compile`` calls; they load equal."""
    _fresh(monkeypatch, tmp_path)
    value = {"p": [re.compile(p, f) for p, f in SAMPLES]}
    target = tmp_path / "value.pickle"
    store_pickle(target, value)
    assert b"medlint.rx" in target.read_bytes()
    loaded = pickle.loads(target.read_bytes())
    for a, b in zip(loaded["p"], value["p"], strict=True):
        _same(a, b)


def test_second_cli_run_reads_the_stored_programs(tmp_path: Path) -> None:
    """End to end: a second process finds every program stored and reports the same."""
    article = Path(__file__).parent.parent / "fixtures" / "seeds" / "ivig-dermatomyositis.txt"
    env = {
        **os.environ,
        "MEDLINT_CACHE_DIR": str(tmp_path),
        "MEDLINT_NO_RESULTS_CACHE": "1",
    }
    env.pop("MEDLINT_NO_CACHE", None)
    cmd = [
        sys.executable,
        "-m",
        "medlint",
        "check",
        "--jobs",
        "1",
        "--format",
        "json",
        str(article),
    ]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    (file,) = tmp_path.glob("regex-*.marshal")
    stored = file.read_bytes()
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and '"rule":' in first.stdout
    assert file.read_bytes() == stored  # nothing new to compile: the file was not rewritten
