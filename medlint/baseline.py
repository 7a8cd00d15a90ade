"""Baselines: accept today's findings so that only new ones are reported.

A team adopting medlint on a hundred existing articles cannot fix every
finding on day one; a baseline records them so CI fails only on new ones.
Findings are matched by :attr:`Finding.fingerprint` (rule, path, normalised
matched text and occurrence index, computed in :func:`medlint.lint.finalize`),
never by line number, so inserting or deleting lines above a known finding
does not make it "new". Paths in fingerprints are as displayed (relative to
the working directory), so create and use a baseline from the same
directory, normally the repository root.

File format (JSON, version 1)::

    {"version": 1, "tool": "medlint",
     "findings": [{"rule": ..., "path": ..., "fingerprint": ..., "line": ..., "message": ...}]}

``line`` and ``message`` are for people reading the file; only
``fingerprint`` is used for matching.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any

from medlint.errors import MedlintError
from medlint.model import Finding

VERSION = 1


def _in_baseline_order(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Findings sorted by (sort key, fingerprint), without holding a spooled run at once.

    A :class:`~medlint.store.FindingStore` yields path by path in path order, and
    the sort key starts with the path, so sorting each path's findings on its own
    gives the global order; any other iterable is sorted whole.
    """
    from medlint.store import FindingStore

    def key(f: Finding) -> tuple[Any, ...]:
        return (*f.sort_key(), f.fingerprint)

    if not isinstance(findings, FindingStore):
        yield from sorted(findings, key=key)
        return
    for _, group in groupby(findings, key=lambda f: f.path):
        yield from sorted(group, key=key)


def _entries(findings: Iterable[Finding], counted: list[int]) -> Iterator[dict[str, Any]]:
    for f in _in_baseline_order(findings):
        if f.suppressed:
            continue
        counted[0] += 1
        yield {
            "rule": f.rule,
            "path": f.path,
            "fingerprint": f.fingerprint,
            "line": f.line,
            "message": f.message,
        }


def _stream(findings: Iterable[Finding], counted: list[int]) -> Iterator[str]:
    """The baseline JSON in chunks; ``counted[0]`` ends as the number of entries."""
    from medlint.report.json_format import nested, stream_array

    yield f'{{\n  "version": {nested(VERSION, 1)},\n  "tool": "medlint",\n  "findings": '
    yield from stream_array(_entries(findings, counted), 1)
    yield "\n}\n"


def render_baseline(findings: Iterable[Finding]) -> str:
    """The baseline JSON for the findings that are not suppressed (deterministic order).

    Byte for byte ``json.dumps(payload, indent=2, ensure_ascii=False) + "\\n"``.
    """
    return "".join(_stream(findings, [0]))


def write_baseline(path: str, findings: Iterable[Finding]) -> int:
    """Write the baseline atomically, as it is produced; returns how many findings it records."""
    from medlint.fileio import atomic_write

    counted = [0]
    try:
        atomic_write(path, _stream(findings, counted))
    except OSError as exc:
        raise MedlintError(f"cannot write baseline: {exc.strerror}", path) from None
    return counted[0]


def load_baseline(path: str) -> Counter[str]:
    """Fingerprints recorded in a baseline file (with multiplicity).

    A missing, unreadable or malformed file is a :class:`MedlintError` naming
    the file (and the line, for JSON syntax errors): a baseline silently read
    as empty would make every old finding fail CI, or worse, a half-read one
    would hide nothing and confuse everyone.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise MedlintError(
            "baseline file not found (create it with --write-baseline)", path
        ) from None
    except UnicodeDecodeError:
        raise MedlintError("baseline file is not UTF-8 JSON", path) from None
    except OSError as exc:
        raise MedlintError(f"cannot read baseline: {exc.strerror}", path) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MedlintError(f"baseline is not valid JSON: {exc.msg}", path, exc.lineno) from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise MedlintError(
            f'not a medlint baseline (expected an object with "version": {VERSION})', path
        )
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise MedlintError("baseline has no 'findings' list", path)
    out: Counter[str] = Counter()
    for i, entry in enumerate(entries):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not fp:
            raise MedlintError(f"baseline entry {i + 1} has no fingerprint", path)
        out[fp] += 1
    return out


def apply_baseline(findings: Iterable[Finding], known: Counter[str]) -> int:
    """Mark findings recorded in the baseline ``baselined``; returns how many matched.

    A :class:`~medlint.store.FindingStore` rebuilds its findings on every
    iteration, so flags set here would not last: it applies the baseline itself.
    """
    from medlint.store import FindingStore

    if isinstance(findings, FindingStore):
        return findings.apply_baseline(known)
    remaining = Counter(known)
    matched = 0
    for f in findings:
        if f.suppressed or remaining[f.fingerprint] <= 0:
            continue
        remaining[f.fingerprint] -= 1
        f.baselined = True
        matched += 1
    return matched
