"""The per-article results cache: same output as a fresh run, never a stale hit."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import medlint.results_cache as results_cache
from medlint.cli import main
from medlint.lint import Engine, Options, lint_paths

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Gamunex-C is a 10% solution.\n"
BAD = "Gamunex-C is a 5% solution. Studies have shown benefit.\n"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    (root / "a.txt").write_text(BAD, encoding="utf-8")
    (root / "b.txt").write_text(GOOD, encoding="utf-8")
    (root / "c.txt").write_text("Gamunex-C is a 20% solution.\n", encoding="utf-8")
    return root


def _rules(result: Any) -> list[tuple[str, int, str]]:
    return [(f.path.rsplit("/", 1)[-1], f.line, f.rule) for f in result.findings]


class _Counting:
    """Counts the articles an engine really analyses (cache misses)."""

    def __init__(self, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        original = engine.analyse

        def analyse(doc: Any) -> Any:
            self.paths.append(doc.path.rsplit("/", 1)[-1])
            return original(doc)

        monkeypatch.setattr(engine, "analyse", analyse)


def test_a_second_run_reads_every_article_from_the_cache(
    cache: Path, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = lint_paths([str(articles)], Options(jobs=1))
    engine = Engine(Options(jobs=1))
    counting = _Counting(engine, monkeypatch)
    second = lint_paths([str(articles)], engine=engine)
    assert counting.paths == []
    assert _rules(second) == _rules(first) and list(second.findings) == list(first.findings)


def test_a_changed_article_alone_is_checked_again(
    cache: Path, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lint_paths([str(articles)], Options(jobs=1))
    (articles / "b.txt").write_text(BAD, encoding="utf-8")
    engine = Engine(Options(jobs=1))
    counting = _Counting(engine, monkeypatch)
    result = lint_paths([str(articles)], engine=engine)
    assert counting.paths == ["b.txt"]
    assert ("b.txt", 1, "concentration-contradiction") in _rules(result)


@pytest.mark.parametrize(
    "options",
    [
        Options(jobs=1, severity={"concentration-contradiction": "info"}),
        Options(jobs=1, ignore=["citation-needed"]),
        Options(jobs=1, select=["concentration-contradiction"]),
    ],
)
def test_other_options_are_other_keys(
    cache: Path, articles: Path, monkeypatch: pytest.MonkeyPatch, options: Options
) -> None:
    lint_paths([str(articles)], Options(jobs=1))
    engine = Engine(options)
    counting = _Counting(engine, monkeypatch)
    result = lint_paths([str(articles)], engine=engine)
    assert sorted(counting.paths) == ["a.txt", "b.txt", "c.txt"]
    fresh = lint_paths([str(articles)], options)  # now from the cache, same answer
    assert list(result.findings) == list(fresh.findings)


def test_a_changed_facts_file_is_a_new_key(
    cache: Path, articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = ROOT / "medlint" / "data" / "ivig-facts.yaml"
    copy = tmp_path / "facts.yaml"
    copy.write_bytes(facts.read_bytes())
    lint_paths([str(articles)], Options(jobs=1, facts=[str(copy)]))
    copy.write_text(copy.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    engine = Engine(Options(jobs=1, facts=[str(copy)]))
    counting = _Counting(engine, monkeypatch)
    lint_paths([str(articles)], engine=engine)
    assert sorted(counting.paths) == ["a.txt", "b.txt", "c.txt"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_corrupt_entries_are_ignored_and_rewritten(cache: Path, articles: Path, jobs: int) -> None:
    first = lint_paths([str(articles)], Options(jobs=jobs))
    entries = list((cache / "results").rglob("*.pickle"))
    assert len(entries) == 3
    for entry in entries:
        entry.write_bytes(b"not a pickle")
    again = lint_paths([str(articles)], Options(jobs=jobs))  # held, but unreadable: checked
    assert list(again.findings) == list(first.findings)
    assert all(e.read_bytes() != b"not a pickle" for e in entries)


def test_an_unwritable_cache_is_no_error(
    tmp_path: Path, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(blocker / "sub"))  # a path under a file
    monkeypatch.delenv("MEDLINT_NO_CACHE", raising=False)
    result = lint_paths([str(articles)], Options(jobs=1))
    assert ("a.txt", 1, "concentration-contradiction") in _rules(result)


def test_no_cache_writes_nothing(
    cache: Path, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDLINT_NO_CACHE", "1")
    lint_paths([str(articles)], Options(jobs=1))
    assert not (cache / "results").exists()


def test_errors_are_never_cached(cache: Path, articles: Path) -> None:
    bad = articles / "d.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00utf-32")
    assert lint_paths([str(articles)], Options(jobs=1)).errors
    bad.write_text(BAD, encoding="utf-8")
    result = lint_paths([str(articles)], Options(jobs=1))
    assert not result.errors and ("d.txt", 1, "concentration-contradiction") in _rules(result)


def test_only_the_most_recent_engine_keys_are_kept(cache: Path, articles: Path) -> None:
    for level in ("error", "warning", "info", "error", "warning", "info"):
        lint_paths([str(articles)], Options(jobs=1, severity={"citation-needed": level}))
    for i in range(6):  # five more configurations, each a new key
        lint_paths([str(articles)], Options(jobs=1, ignore=["citation-needed"] * (i + 1)))
    kept = [p for p in (cache / "results").iterdir() if p.is_dir()]
    assert len(kept) == results_cache.KEEP_ENGINES


def test_cli_output_is_byte_identical_cold_warm_and_across_jobs(
    cache: Path, articles: Path, tmp_path: Path
) -> None:
    outputs = []
    for jobs in ("1", "1", "2", "2"):
        out = tmp_path / f"out-{len(outputs)}.json"
        main(["check", "--jobs", jobs, "--format", "json", "-o", str(out), str(articles)])
        outputs.append(out.read_bytes())
    assert len(set(outputs)) == 1
    assert json.loads(outputs[0])["summary"]["files"] == 3


def test_the_results_cache_alone_can_be_turned_off(
    cache: Path, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDLINT_NO_RESULTS_CACHE", "1")
    lint_paths([str(articles)], Options(jobs=1))
    assert not (cache / "results").exists()
    assert any(p.name.startswith("facts-") for p in cache.iterdir())  # that cache still works


def test_a_changed_reader_module_is_a_new_key(
    cache: Path, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readers decide results too: their modules are part of the code stamp."""
    import medlint.cache as cache_module

    lint_paths([str(articles)], Options(jobs=1))
    stamp = cache_module._code_stamp()
    assert "documents/markdown.py:" in stamp and "checks/citations.py:" in stamp
    monkeypatch.setattr(cache_module, "_code_stamp", lambda: stamp + "|documents/html.py:1:2")
    engine = Engine(Options(jobs=1))
    counting = _Counting(engine, monkeypatch)
    lint_paths([str(articles)], engine=engine)
    assert sorted(counting.paths) == ["a.txt", "b.txt", "c.txt"]


def test_known_articles_start_no_workers(
    cache: Path, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --jobs 2 and every article cached, no process pool is made; a changed one is
    checked, and the order of results is the order of the files."""
    first = lint_paths([str(articles)], Options(jobs=2))
    import concurrent.futures

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started for cached articles")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    again = lint_paths([str(articles)], Options(jobs=2))
    assert list(again.findings) == list(first.findings) and again.files == first.files
    (articles / "b.txt").write_text(BAD, encoding="utf-8")  # one miss: checked in-process
    changed = lint_paths([str(articles)], Options(jobs=2))
    assert changed.files == first.files
    assert ("b.txt", 1, "concentration-contradiction") in _rules(changed)


def test_entries_unused_for_a_month_are_swept_once_a_day(cache: Path, articles: Path) -> None:
    lint_paths([str(articles)], Options(jobs=1))  # sweeps (nothing to remove) and marks the time
    entries = sorted((cache / "results").rglob("*.pickle"))
    directory = entries[0].parent.parent
    now = (directory / ".swept").stat().st_mtime
    day = 24 * 3600
    stale = now - (results_cache.MAX_AGE_DAYS + 1) * day
    os.utime(entries[0], (stale, stale))
    results_cache._sweep(directory, now=now + 3600)  # swept an hour ago: not again yet
    assert entries[0].exists()
    results_cache._sweep(directory, now=now + 2 * day)
    assert not entries[0].exists() and all(e.exists() for e in entries[1:])


def test_a_hit_keeps_its_entry_fresh(cache: Path, articles: Path) -> None:
    lint_paths([str(articles)], Options(jobs=1))
    entries = sorted((cache / "results").rglob("*.pickle"))
    for entry in entries:
        os.utime(entry, (1_000_000, 1_000_000))
    lint_paths([str(articles)], Options(jobs=1))
    assert all(e.stat().st_mtime > 1_000_000 for e in entries)
