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
from collections.abc import Iterable

from medlint.errors import MedlintError
from medlint.model import Finding

VERSION = 1


def render_baseline(findings: Iterable[Finding]) -> str:
    """The baseline JSON for the findings that are not suppressed (deterministic order)."""
    entries = [
        {
            "rule": f.rule,
            "path": f.path,
            "fingerprint": f.fingerprint,
            "line": f.line,
            "message": f.message,
        }
        for f in sorted(findings, key=lambda f: (*f.sort_key(), f.fingerprint))
        if not f.suppressed
    ]
    payload = {"version": VERSION, "tool": "medlint", "findings": entries}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: str, findings: Iterable[Finding]) -> int:
    """Write the baseline atomically; returns how many findings it records."""
    from medlint.fileio import atomic_write

    text = render_baseline(findings)
    try:
        atomic_write(path, text)
    except OSError as exc:
        raise MedlintError(f"cannot write baseline: {exc.strerror}", path) from None
    return text.count('"fingerprint"')


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
    """Mark findings recorded in the baseline ``baselined``; returns how many matched."""
    remaining = Counter(known)
    matched = 0
    for f in findings:
        if f.suppressed or remaining[f.fingerprint] <= 0:
            continue
        remaining[f.fingerprint] -= 1
        f.baselined = True
        matched += 1
    return matched
