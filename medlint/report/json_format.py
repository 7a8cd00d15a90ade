"""``--format json``: the stable machine contract, version 1.

``{"version": 1, "findings": [...], "summary": {...}}``. Keys are only ever
added, never renamed or removed, within a version. ``end_column`` is
exclusive (the column after the last character), as in SARIF.

:func:`stream` writes the document a finding at a time; its chunks join to
exactly ``json.dumps(payload, indent=2, ensure_ascii=False) + "\n"`` (the
test suite compares them), so a large run's report is never one string.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from medlint.model import Finding
from medlint.report import ReportContext, Tally

if TYPE_CHECKING:
    from medlint.lint import LintResult

VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity,
        "category": f.category,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "message": f.message,
        "fingerprint": f.fingerprint,
    }
    if f.subject is not None:
        out["subject"] = f.subject
    if f.attribute is not None:
        out["attribute"] = f.attribute
    if f.found is not None:
        out["found"] = f.found
    if f.expected is not None:
        out["expected"] = f.expected
    if f.sources:
        out["sources"] = f.sources
    if f.status is not None:
        out["status"] = f.status
    if f.related:
        out["related"] = [
            {"path": r.path, "line": r.line, "column": r.column, "found": r.found}
            for r in f.related
        ]
        if f.related_total > len(f.related):
            out["related_total"] = f.related_total
    if f.fix is not None:
        out["fix"] = {"replacement": f.fix.replacement, "safe": f.fix.safe}
    if f.suppressed is not None:
        out["suppressed"] = f.suppressed
    if f.baselined:
        out["baselined"] = True
    return out


def nested(value: Any, level: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it ``level`` containers deep."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)


def stream_array(items: Iterator[Any], level: int) -> Iterator[str]:
    """An indented JSON array, one chunk per item, as if dumped ``level`` containers deep.

    JSON escapes every newline inside strings, so the only newlines in an item's
    dump are its indentation, which :func:`nested` shifts to the item's depth.
    """
    pad = "\n" + "  " * (level + 1)
    first = True
    for item in items:
        yield ("[" if first else ",") + pad + nested(item, level + 1)
        first = False
    yield "[]" if first else "\n" + "  " * level + "]"


def stream(result: LintResult, ctx: ReportContext) -> Iterator[str]:
    """The report a finding at a time; the summary is counted on the same single read."""
    tally = Tally()
    findings = (finding_dict(f) for f in result.findings if tally.add(f))
    yield f'{{\n  "version": {nested(VERSION, 1)},\n  "findings": '
    yield from stream_array(findings, 1)
    yield f',\n  "summary": {nested(tally.summary(result), 1)}\n}}\n'


def render(result: LintResult, ctx: ReportContext) -> str:
    return "".join(stream(result, ctx))
