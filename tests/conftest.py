"""Test-wide setup: medlint's caches live in a temporary directory, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every test (and every medlint subprocess it starts) caches under one session temp dir.

    The results cache is keyed by content, so sharing it within the session is correct; a
    developer's own ~/.cache/medlint is neither read nor filled by the suite.
    """
    previous = os.environ.get("MEDLINT_CACHE_DIR")
    os.environ["MEDLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("medlint-cache"))
    yield
    if previous is None:
        os.environ.pop("MEDLINT_CACHE_DIR", None)
    else:
        os.environ["MEDLINT_CACHE_DIR"] = previous


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, enabled cache directory for one test (the caches' own tests)."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("MEDLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("MEDLINT_NO_RESULTS_CACHE", raising=False)
    return directory
