"""``--format json``: the stable machine contract, version 1.

``{"version": 1, "findings": [...], "summary": {...}}``. Keys are only ever
added, never renamed or removed, within a version. ``end_column`` is
exclusive (the column after the last character), as in SARIF.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from medlint.model import Finding
from medlint.report import ReportContext, summary

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


def render(result: LintResult, ctx: ReportContext) -> str:
    payload = {
        "version": VERSION,
        "findings": [
            finding_dict(f) for f in result.findings if not f.suppressed and not f.baselined
        ],
        "summary": summary(result),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
