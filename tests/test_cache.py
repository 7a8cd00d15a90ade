"""The facts/rules cache speeds up cold starts and can never break a run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from medlint.cache import cached, content_key
from medlint.lint import Engine, Options, lint_text

ROOT = Path(__file__).resolve().parent.parent


def test_second_engine_reads_the_cache_and_behaves_the_same(cache: Path) -> None:
    first = Engine()
    files = sorted(p.name.split("-")[0] for p in cache.iterdir())
    assert files == ["facts", "rules"]
    second = Engine()
    assert [r.id for r in second.all_rules] == [r.id for r in first.all_rules]
    assert second.facts.digest == first.facts.digest
    text = "Gamunex-C is a 5% solution. Studies have shown benefit."
    assert [f.rule for f in lint_text(text, "a.txt", engine=second)] == [
        f.rule for f in lint_text(text, "a.txt", engine=first)
    ]


def test_a_changed_facts_file_is_a_new_key(cache: Path, tmp_path: Path) -> None:
    facts = tmp_path / "f.yaml"
    facts.write_text(
        "version: 1\nsources:\n  S: {title: t}\nproducts:\n  p: {name: Prodex, sources: [S]}\n"
    )
    k1 = content_key("facts", [facts])
    facts.write_text(facts.read_text().replace("Prodex", "Prodexa"))
    assert content_key("facts", [facts]) != k1
    assert Engine(Options(facts=[str(facts)])).facts.products["p"].name == "Prodexa"


def test_corrupt_cache_is_rebuilt(cache: Path) -> None:
    Engine()
    for file in cache.iterdir():
        file.write_bytes(b"not a pickle")
    engine = Engine()
    assert engine.all_rules and engine.facts.products


def test_unwritable_cache_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(blocker / "sub"))  # a path under a file
    assert cached("facts", [blocker], lambda: 42) == 42


def test_no_cache_writes_nothing(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDLINT_NO_CACHE", "1")
    Engine()
    assert not cache.exists()


def test_unreadable_input_skips_the_cache_and_reports_the_real_error(cache: Path) -> None:
    from medlint.errors import MedlintError

    with pytest.raises(MedlintError, match="facts file not found"):
        Engine(Options(facts=[str(ROOT / "no-such-facts.yaml")]))


def test_changed_medlint_code_is_a_new_key(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cached rules hold what a check kind compiled: a changed check must not read them."""
    import medlint.cache as cache_module

    rule = tmp_path / "r.yaml"
    rule.write_text("id: x\n")
    before = content_key("rules", [rule])
    monkeypatch.setattr(cache_module, "_code_stamp", lambda: "checks/citations.py:1:2")
    assert content_key("rules", [rule]) != before


def test_old_keys_are_pruned_and_the_used_one_kept(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every edit of a facts file is a new key; only the most recently used few are kept."""
    from medlint import cache as cache_module

    monkeypatch.setattr(cache_module, "KEEP", 3)
    facts = tmp_path / "f.yaml"
    built: list[int] = []

    def build(i: int) -> int:
        built.append(i)
        return i

    def use(i: int) -> int:
        facts.write_text(f"edit {i}\n")
        value = cached("facts", [facts], lambda: build(i))
        key = content_key("facts", [facts])
        # distinct ages in the order of use, whatever the file system's clock resolution
        os.utime(cache / f"facts-{key}.pickle", ns=(10**9 * (i + 1), 10**9 * (i + 1)))
        return value

    assert [use(i) for i in range(6)] == list(range(6))
    assert len(list(cache.glob("facts-*.pickle"))) == 3
    assert use(1) == 1 and built.count(1) == 2  # pruned: built again
    assert use(5) == 5 and built.count(5) == 1  # kept: read from the cache
    assert len(list(cache.glob("facts-*.pickle"))) == 3
