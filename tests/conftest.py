"""Test-wide setup: medlint's caches live in a temporary directory, never the user's."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Set before any test module imports medlint: ``medlint.rx`` finds its directory on first use,
# at import. Every test (and every medlint subprocess it starts) caches under this directory;
# the results cache is keyed by content, so sharing it within the session is correct. A
# developer's own ~/.cache/medlint is neither read nor filled by the suite.
_SESSION_CACHE = tempfile.mkdtemp(prefix="medlint-tests-")
os.environ["MEDLINT_CACHE_DIR"] = _SESSION_CACHE


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the session's cache; the stored regex programs are not written back into it."""
    from medlint import rx

    rx._store.dirty = False
    shutil.rmtree(_SESSION_CACHE, ignore_errors=True)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, enabled cache directory for one test (the caches' own tests)."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("MEDLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("MEDLINT_NO_RESULTS_CACHE", raising=False)
    return directory
