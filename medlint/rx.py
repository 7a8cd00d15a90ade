"""Regular expressions compiled once per machine, not once per process.

medlint's extraction is several hundred regular expressions, some of them large
(the quantity grammar alone is ~66,000 opcodes). Python's ``re`` parses and
compiles a pattern in pure Python, and a pre-commit run of one article spent
~0.16 s of its ~0.9 s doing it again on every start (``benchmarks/RESULTS.md``),
which alone broke the cold-start target. The compiled *program* of a pattern,
the list of opcodes ``re`` hands to its C engine, depends only on the pattern,
its flags and the Python build. So :func:`compile` keeps those programs in one
file under medlint's cache directory and, on a hit, hands the stored program
straight to the C engine (``_sre.compile``, what ``re`` itself calls last).

Safety: the file is keyed by the Python version and the engine's ``MAGIC`` and
``CODESIZE`` (a different interpreter reads a different file), guarded by a
SHA-256 of its contents, and the C engine validates every program it is given.
Anything unexpected (no cache directory, an unreadable or corrupt file, a
Python whose ``re`` internals differ) falls back to :func:`re.compile`, so the
cache can make a run faster but never different. Only medlint's own patterns
go through here; patterns from user rules stay with ``re`` (and
:mod:`medlint.safe_regex`). ``MEDLINT_NO_CACHE=1`` turns it off with the other
caches.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from medlint import __version__
from medlint.cache import cache_dir

# Past this many programs the file starts again: patterns built from facts files (one per
# vocabulary) must not grow it without limit on a machine that checks many projects.
LIMIT = 4_000
_FORMAT = 2  # the file's layout: key -> marshalled program

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _internals() -> tuple[Any, Any, Any] | None:
    """``re``'s parser, compiler and C engine, or None where they are not as expected."""
    try:
        if sys.version_info >= (3, 11):
            parser = importlib.import_module("re._parser")
            compiler = importlib.import_module("re._compiler")
        else:  # pragma: no cover - Python 3.10 keeps them under their old names
            parser = importlib.import_module("sre_parse")
            compiler = importlib.import_module("sre_compile")
        engine = importlib.import_module("_sre")
    except ImportError:  # pragma: no cover - another implementation of Python
        return None
    if not all(
        hasattr(m, n) for m, n in ((parser, "parse"), (compiler, "_code"), (engine, "compile"))
    ):
        return None  # pragma: no cover
    return parser, compiler, engine


class _Store:
    """The programs of one process: loaded on first use, written back once at exit.

    Each program is kept marshalled (bytes) until a pattern asks for it: the whole table as
    Python lists of ints cost ~11 MB of resident memory, its bytes ~1 MB.
    """

    def __init__(self) -> None:
        self.entries: dict[tuple[str, int], bytes] | None = None
        self.path: Path | None = None
        self.dirty = False
        self.owner = os.getpid()
        self.internals = _internals()

    def load(self) -> dict[tuple[str, int], bytes]:
        self.entries = {}
        directory = cache_dir()
        if directory is None or self.internals is None:
            return self.entries
        engine = self.internals[2]
        stamp = f"{_FORMAT}\0{__version__}\0{sys.version}\0{engine.MAGIC}\0{engine.CODESIZE}"
        self.path = directory / f"regex-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.marshal"
        with contextlib.suppress(Exception):
            data = self.path.read_bytes()
            digest, payload = data[:32], data[32:]
            if hashlib.sha256(payload).digest() == digest:
                loaded = marshal.loads(payload)
                if isinstance(loaded, dict) and len(loaded) <= LIMIT:
                    self.entries = loaded
        atexit.register(self.save)
        return self.entries

    def save(self) -> None:
        """Write the programs back, atomically, if this process compiled new ones."""
        if not self.dirty or self.path is None or self.entries is None:
            return
        if os.getpid() != self.owner:
            return  # a forked worker: the parent writes
        with contextlib.suppress(Exception):
            payload = marshal.dumps(self.entries)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(hashlib.sha256(payload).digest() + payload)
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        self.dirty = False

    def program(self, pattern: str, flags: int) -> Entry:
        """What ``re`` would hand its C engine for ``pattern`` (``re._compiler.compile``)."""
        assert self.internals is not None
        parser, compiler, _ = self.internals
        parsed = parser.parse(pattern, flags)
        code = [int(op) for op in compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (
            int(flags | parsed.state.flags),
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        # A str pattern is Unicode whether or not the flag is passed (a pickled pattern's
        # ``flags`` carry it): one program, one key.
        flags &= ~int(re.UNICODE)
        entries = self.entries if self.entries is not None else self.load()
        if self.path is None or self.internals is None:
            return re.compile(pattern, flags)
        engine = self.internals[2]
        key = (pattern, flags)
        stored = entries.get(key)
        if stored is not None:
            try:
                compiled: re.Pattern[str] = engine.compile(pattern, *marshal.loads(stored))
                return compiled
            except Exception:
                del entries[key]  # not a program this engine accepts: compile it afresh
        try:
            entry = self.program(pattern, flags)
            compiled = engine.compile(pattern, *entry)
        except re.error:
            raise
        except Exception:
            return re.compile(pattern, flags)
        if len(entries) >= LIMIT:
            entries.clear()
        entries[key] = marshal.dumps(entry)
        self.dirty = True
        return compiled


_store = _Store()


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the machine's stored program when there is one."""
    return _store.compile(pattern, int(flags))
