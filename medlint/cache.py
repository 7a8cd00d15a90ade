"""A cache of validated facts and rules between runs, so a pre-commit hook starts fast.

Loading the bundled facts and the built-in rules means parsing ~20 YAML files
and importing and running a JSON Schema validator: about 0.25 s of CPU on
every cold start (``benchmarks/RESULTS.md``), for files that rarely change.
The loaded objects are pickled under the user's cache directory, keyed by
the *content* of every facts and rule file, the versions of medlint and
Python and the size and time of medlint's own modules, so any edit is a new
key. spaCy's version is not part of the key because nothing cached comes from
spaCy: the pipeline itself is rebuilt on every run (0.06 s measured, once
English's tokenizer special cases are left out); ``Language.from_bytes`` could not
save that, since its components are built from the facts and must be re-created
before their state can be loaded. A missing, corrupt or unwritable cache is never an
error: medlint silently loads the files as if there were no cache.

``MEDLINT_NO_CACHE=1`` (or ``--no-cache``) turns it off; ``MEDLINT_CACHE_DIR``
moves it (default ``$XDG_CACHE_HOME/medlint`` or ``~/.cache/medlint``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from medlint import __version__

T = TypeVar("T")
_FORMAT = 1
KEEP = 8  # facts (or rules) pickles kept per cache directory: a few projects or branches


def cache_dir() -> Path | None:
    """Where cached objects live, or None when caching is off."""
    if os.environ.get("MEDLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("MEDLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "medlint"


def _code_stamp() -> str:
    """Size and mtime of medlint's modules and schemas, which build the cached objects.

    A rule's ``compiled`` parameters are made by its check kind, so a changed check
    (a development checkout, a patched install) must not read objects an older one built.
    """
    package = Path(__file__).parent
    parts = []
    # Every module and schema: the per-article results cache depends on the readers too.
    for module in sorted([*package.rglob("*.py"), *package.rglob("*.json")]):
        try:
            st = module.stat()
        except OSError:
            continue
        parts.append(f"{module.relative_to(package).as_posix()}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def content_key(kind: str, files: list[Path]) -> str | None:
    """A key over the files' paths and bytes, the code and the versions; None if unreadable."""
    digest = hashlib.sha256(
        f"{kind}\0{_FORMAT}\0{__version__}\0{sys.version}\0{_code_stamp()}".encode()
    )
    for file in files:
        try:
            data = file.read_bytes()
        except OSError:
            return None  # let the real loader report the problem
        digest.update(str(file).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def cached(kind: str, files: list[Path], build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when the files are unchanged."""
    directory = cache_dir()
    key = content_key(kind, files) if directory is not None else None
    if directory is None or key is None:
        return build()
    path = directory / f"{kind}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)
        with contextlib.suppress(OSError):
            os.utime(path)  # last used now: pruning keeps the files in use
        return value
    except Exception:
        pass
    value = build()
    with contextlib.suppress(Exception):
        directory.mkdir(parents=True, exist_ok=True)
        store_pickle(path, value)
        _prune(directory, kind)
    return value


def _prune(directory: Path, kind: str) -> None:
    """Keep the :data:`KEEP` most recently used ``kind`` files, delete older ones.

    Every edit of a facts or rule file is a new key, so without this an editor's cache
    directory would grow by one pickle per edit, for ever.
    """
    files = []
    for file in directory.glob(f"{kind}-*.pickle"):
        with contextlib.suppress(OSError):
            files.append((file.stat().st_mtime_ns, file.name, file))
    files.sort(reverse=True)
    for _, _, old in files[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


class _Pickler(pickle.Pickler):
    """Pickles compiled patterns as :func:`medlint.rx.compile` calls, not ``re.compile`` ones.

    A facts file's term index and the rules' prepared parameters hold compiled patterns;
    pickle's own reduction recompiles each one from its source when the cache is read (~14
    ms of a cold start), where :mod:`medlint.rx` hands the C engine its stored program.
    """

    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
            from medlint import rx  # rx reads the cache directory from this module

            return rx.compile, (obj.pattern, obj.flags)
        return NotImplemented


def store_pickle(target: Path, value: object) -> None:
    """Pickle ``value`` to ``target`` atomically: a reader sees the old file or the new one.

    Written to a temporary file in the same directory and renamed into place; the temporary
    file is removed if anything fails, and the error is raised for the caller to ignore.
    """
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            _Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
