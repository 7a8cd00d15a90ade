"""Findings kept on disk until a report asks for them, so memory grows with the claims alone.

A 20,000-article run finds over 100,000 findings. Holding them all to sort,
fingerprint and suppress them at the end used to cost more memory than the
claims the corpus rules must keep. But every step after the checks works
article by article:

* :func:`medlint.lint.finalize` sorts by :meth:`Finding.sort_key`, whose first
  field is the path, and numbers fingerprints per (rule, path, text);
* :func:`medlint.suppress.apply_suppressions` matches a finding only against
  its own article's directives;
* a baseline matches fingerprints, which include the path.

So the per-article findings are pickled into an anonymous temporary file as
each article is done (:class:`Spool`), and :class:`FindingStore` rebuilds the
final findings one path at a time, in sorted path order, whenever it is
iterated. The result is the same list, in the same order, with the same
fingerprints, as finalizing everything at once; only one article's findings
are in memory at a time. Iterating again recomputes from the spool, so the
findings a reporter sees are never stale copies someone else mutated; the
baseline is therefore applied by the store (:meth:`FindingStore.apply_baseline`)
rather than by setting ``baselined`` on findings that would not persist.
"""

from __future__ import annotations

import bisect
import pickle
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, overload

from medlint.model import Document, Finding

if TYPE_CHECKING:
    from medlint.rules import Rule


class Spool:
    """Append-only records (pickled lists of findings) in an anonymous temporary file, by path.

    The file has no name on POSIX (it is unlinked as soon as it is created), so
    nothing is left behind whatever happens to the process; :meth:`close`
    releases the disk space, and so does garbage collection.
    """

    def __init__(self) -> None:
        # Lives as long as the spool, not a block: closed by close() or the finalizer.
        self._fh: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115
            prefix="medlint-spool-", buffering=0
        )
        self._index: dict[str, list[tuple[int, int]]] = {}
        self._end = 0
        self._closer = weakref.finalize(self, self._fh.close)

    @property
    def closed(self) -> bool:
        return self._fh.closed

    def add(self, path: str, data: bytes) -> None:
        """Append one record for ``path``: ``pickle.dumps`` of a list of findings."""
        self._fh.seek(self._end)
        view = memoryview(data)
        while view:
            written = self._fh.write(view)
            view = view[written or 0 :]
        self._index.setdefault(path, []).append((self._end, len(data)))
        self._end += len(data)

    def add_findings(self, path: str, findings: list[Finding]) -> None:
        if findings:
            self.add(path, pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL))

    def paths(self) -> Iterable[str]:
        return self._index.keys()

    def load(self, path: str) -> list[Finding]:
        """Every finding recorded for ``path``, in the order the records were added."""
        if self._fh.closed:
            raise ValueError("the findings spool is closed (the lint result was closed)")
        out: list[Finding] = []
        for offset, size in self._index.get(path, ()):
            self._fh.seek(offset)
            data = self._fh.read(size)
            while len(data) < size:  # an unbuffered read may return less than asked
                more = self._fh.read(size - len(data))
                if not more:
                    raise OSError(f"findings spool truncated at offset {offset}")
                data += more
            out.extend(pickle.loads(data))
        return out

    def close(self) -> None:
        self._closer()


class FindingStore(Sequence[Finding]):
    """The run's final findings, rebuilt path by path from a :class:`Spool` on each iteration.

    Behaves as the sorted, fingerprinted and suppressed ``list[Finding]`` the
    in-memory path returns (``len``, indexing, ``==`` against a list), while
    holding only one article's findings at a time. Close it (or use it as a
    context manager) to release the spool early.
    """

    def __init__(
        self,
        spool: Spool,
        directive_docs: dict[str, Document],
        all_rules: Sequence[Rule],
        active: Sequence[Rule],
    ) -> None:
        self._spool = spool
        self._docs = directive_docs
        self._all_rules = list(all_rules)
        self._active = list(active)
        # Findings are ordered by sort_key, path first: visiting paths in sorted order
        # gives the global order.
        self._paths = sorted({*spool.paths(), *directive_docs})
        self._known: Counter[str] | None = None
        self._counts: list[int] | None = None  # findings per path, once a pass has counted

    # -- building one article's findings --------------------------------------------------

    def findings_for(self, path: str) -> list[Finding]:
        """The final findings of one article, exactly as a whole-run finalize would give them."""
        from medlint.lint import finalize
        from medlint.suppress import apply_suppressions

        found = finalize(self._spool.load(path))
        doc = self._docs.get(path)
        if doc is not None:
            found = apply_suppressions([doc], found, self._all_rules, self._active)
        if self._known is not None:
            _mark_baselined(found, self._known)
        return found

    def __iter__(self) -> Iterator[Finding]:
        counts: list[int] = []
        for path in self._paths:
            found = self.findings_for(path)
            counts.append(len(found))
            yield from found
        self._counts = counts

    # -- the list interface ----------------------------------------------------------------

    def _per_path(self) -> list[int]:
        if self._counts is None:
            self._counts = [len(self.findings_for(p)) for p in self._paths]
        return self._counts

    def __len__(self) -> int:
        return sum(self._per_path())

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> list[Finding]: ...

    def __getitem__(self, index: int | slice) -> Finding | list[Finding]:
        if isinstance(index, slice):
            return list(self)[index]
        total = len(self)
        if index < 0:
            index += total
        if not 0 <= index < total:
            raise IndexError("finding index out of range")
        ends: list[int] = []
        running = 0
        for n in self._per_path():
            running += n
            ends.append(running)
        i = bisect.bisect_right(ends, index)
        return self.findings_for(self._paths[i])[index - (ends[i] - self._per_path()[i])]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, like the list it stands for

    def __repr__(self) -> str:
        return f"<FindingStore: {len(self._paths)} article(s)>"

    # -- baseline and lifetime ---------------------------------------------------------------

    def apply_baseline(self, known: Counter[str]) -> int:
        """From now on, findings recorded in ``known`` come out ``baselined``; returns how many."""
        self._known = Counter(known)
        return sum(1 for f in self if f.baselined)

    def close(self) -> None:
        self._spool.close()

    def __enter__(self) -> FindingStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _mark_baselined(findings: list[Finding], known: Counter[str]) -> None:
    """:func:`medlint.baseline.apply_baseline` for one article.

    Fingerprints include the path, so the counts one article uses up are its own and
    applying the baseline article by article matches applying it to the whole run.
    """
    used: Counter[str] = Counter()
    for f in findings:
        if f.suppressed or used[f.fingerprint] >= known[f.fingerprint]:
            continue
        used[f.fingerprint] += 1
        f.baselined = True
