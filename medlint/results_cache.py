"""What each article contributed to a run, kept between runs (as ruff and ESLint do).

An archive audit or a CI job re-checks thousands of articles of which few
changed since the last run. Each article's result (its pickled findings, the
claims the corpus rules compare, and its document when a report needs it) is
stored under a key over everything that decides it:

* the *engine key*: medlint's version and modules, Python's version, the bytes
  of every facts and rule file (:func:`medlint.cache.content_key`) and the
  options that change findings (facts and rule directories, ``select``,
  ``ignore``, severity overrides);
* the article: its path as reported, its bytes, and whether the document is
  kept.

A changed article, facts file, rule, option or medlint build is therefore a
new key, never a stale hit. The corpus rules still run over every article's
claims on every run, so cross-article findings always reflect the whole
corpus. Entries live in ``<cache dir>/results/<engine key>/`` (about 9 KB per
article on disk); only the :data:`KEEP_ENGINES` most recently used engine keys
are kept, and once a day a run removes the entries of its engine key that no run
has used for :data:`MAX_AGE_DAYS` days (articles edited or deleted since), so
the cache does not grow with every edit. A missing,
corrupt or unwritable entry is never an error: the article is checked as if
there were no cache. ``--no-cache`` / ``MEDLINT_NO_CACHE=1`` turn it off
together with the facts/rules cache; ``MEDLINT_NO_RESULTS_CACHE=1`` turns off
this one alone (the benchmarks use it to measure articles that are checked,
not recalled).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medlint.cache import cache_dir, content_key, store_pickle

if TYPE_CHECKING:
    from medlint.lint import Engine

KEEP_ENGINES = 4  # engine keys (configurations, medlint builds) kept side by side
MAX_AGE_DAYS = 30  # an entry not used for this long (an article since edited or deleted) goes
SWEEP_EVERY_S = 24 * 3600  # how often a run looks for such entries
_FORMAT = "2"  # bump when ArticleResult's pickled shape changes


class ResultCache:
    """Per-article results of one engine, on disk."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._made: set[str] = set()

    @classmethod
    def for_engine(cls, engine: Engine) -> ResultCache | None:
        """The cache for ``engine``'s facts, rules and options; None when caching is off."""
        base = cache_dir()
        if base is None or os.environ.get("MEDLINT_NO_RESULTS_CACHE"):
            return None
        from medlint.facts import BUNDLED_FACTS
        from medlint.rules import rule_files

        options = engine.options
        files = [Path(p) for p in options.facts] or [BUNDLED_FACTS]
        files += rule_files(options.rules_dirs)
        key = content_key("results", files)
        if key is None:
            return None
        selection = repr(
            (
                _FORMAT,
                sorted(options.facts),
                sorted(options.rules_dirs),
                None if options.select is None else sorted(options.select),
                sorted(options.ignore),
                sorted(options.severity.items()),
            )
        )
        engine_key = hashlib.sha256(f"{key}\0{selection}".encode()).hexdigest()[:32]
        root = base / "results"
        _prune(root, keep=engine_key)
        _sweep(root / engine_key)
        return cls(root / engine_key)

    def key(self, path: str, data: bytes, keep_document: bool) -> str:
        digest = hashlib.sha256(path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(b"1" if keep_document else b"0")
        digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def holds(self, key: str) -> bool:
        return self._file(key).is_file()

    def get(self, key: str) -> Any | None:
        """The stored result, or None (missing, unreadable or corrupt: all the same)."""
        target = self._file(key)
        try:
            with target.open("rb") as fh:
                value = pickle.load(fh)
        except Exception:
            return None
        with contextlib.suppress(OSError):
            os.utime(target)  # used: keep it past the next sweep
        return value

    def put(self, key: str, result: Any) -> None:
        """Store ``result`` atomically (a temporary file renamed into place); failures pass."""
        target = self._file(key)
        with contextlib.suppress(Exception):
            if target.parent.name not in self._made:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(target.parent.name)
            store_pickle(target, result)


def _prune(root: Path, keep: str) -> None:
    """Touch ``keep``'s directory; remove all but the most recently used engine keys."""
    with contextlib.suppress(OSError):
        root.mkdir(parents=True, exist_ok=True)
        mine = root / keep
        mine.mkdir(exist_ok=True)
        os.utime(mine)
        others = sorted(
            (p for p in root.iterdir() if p.is_dir() and p.name != keep),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in others[KEEP_ENGINES - 1 :]:
            shutil.rmtree(old, ignore_errors=True)


def _sweep(directory: Path, now: float | None = None) -> None:
    """Once per :data:`SWEEP_EVERY_S`: delete entries unused for :data:`MAX_AGE_DAYS`."""
    now = time.time() if now is None else now
    marker = directory / ".swept"
    with contextlib.suppress(OSError):
        if now - marker.stat().st_mtime < SWEEP_EVERY_S:
            return
    cutoff = now - MAX_AGE_DAYS * 24 * 3600
    with contextlib.suppress(OSError):
        for entry in directory.glob("*/*.pickle"):
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < cutoff:
                    entry.unlink()
        marker.touch()
        os.utime(marker, (now, now))
