"""``--format sarif``: SARIF 2.1.0, the shape GitHub code scanning ingests.

One run, one ``tool.driver`` listing every rule that ran (so code scanning
knows which checks were applied even where they found nothing), and one
result per reported finding. Paths are relative to the directory medlint ran
in and carry ``uriBaseId: "%SRCROOT%"``, which ``originalUriBaseIds`` maps to
that directory; columns are Unicode code points with an exclusive end, which
is exactly what medlint's findings already hold.

``partialFingerprints`` carries medlint's own fingerprint (rule, path,
normalised matched text, occurrence), so a result keeps its identity in code
scanning when lines move. Inline-suppressed findings are included with a
``suppressions`` entry (code scanning shows them as dismissed); baselined
findings are left out, since a baseline means "not this report's business".

Memory: the log is built as one dict and dumped whole (the rule list, which
depends on every finding, precedes the results), so every reported finding is
in memory while it is written; ``json`` and ``json-lines`` stream instead.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from medlint import __version__
from medlint.model import Finding
from medlint.report import ReportContext

if TYPE_CHECKING:
    from medlint.lint import LintResult
    from medlint.rules import Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/medlint/medlint"
RULE_DOC_URI = "https://github.com/medlint/medlint/blob/main/rules/{id}.md"
FINGERPRINT_KEY = "medlintFingerprint/v1"
SRCROOT = "%SRCROOT%"

#: medlint severity -> SARIF level (SARIF has no "info": its informational level is "note").
LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "note"}


def _pascal(rule_id: str) -> str:
    """``concentration-contradiction`` -> ``ConcentrationContradiction``.

    SARIF's ``name`` is meant to be an identifier a person can read, not a
    sentence; the human title goes into the descriptions.
    """
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", rule_id))


def _doc_section(doc: str, heading: str) -> str:
    """The body of ``## heading`` in a rule doc, or "" when the doc has no such section."""
    match = re.search(rf"^## {re.escape(heading)}[ \t]*\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    return match.group(1).strip() if match else ""


def artifact_location(path: str) -> dict[str, str]:
    """A relative path becomes a ``%SRCROOT%``-based URI; an absolute one a ``file:`` URI."""
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule.doc()
    why = _doc_section(doc, "Why")
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {
            "text": f"{rule.name}. {why}" if why else f"{rule.name}. {rule.summary}"
        },
        "help": {"text": doc, "markdown": doc},
        "helpUri": RULE_DOC_URI.format(id=rule.id),
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": ["medlint", rule.category], "category": rule.category},
    }


def _fallback_descriptor(f: Finding) -> dict[str, Any]:
    """A descriptor built from a finding whose rule the context does not know (API use)."""
    return {
        "id": f.rule,
        "name": _pascal(f.rule),
        "shortDescription": {"text": f.name},
        "helpUri": RULE_DOC_URI.format(id=f.rule),
        "defaultConfiguration": {"level": LEVELS[f.severity]},
        "properties": {"tags": ["medlint", f.category], "category": f.category},
    }


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    end_line = max(end_line, line)
    if end_line == line:
        end_column = max(end_column, column)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(f.path),
                    "region": _region(f.line, f.column, f.end_line, f.end_column),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
    }
    if f.related:
        out["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": {
                    "artifactLocation": artifact_location(r.path),
                    "region": {"startLine": r.line, "startColumn": r.column},
                },
                "message": {"text": f"stated as {r.found}"},
            }
            for i, r in enumerate(f.related, start=1)
        ]
    if f.suppressed is not None:
        out["suppressions"] = [{"kind": "inSource", "justification": f.suppressed}]
    props: dict[str, Any] = {}
    for key in ("subject", "attribute", "found", "expected", "status"):
        value = getattr(f, key)
        if value is not None:
            props[key] = value
    if f.sources:
        props["sources"] = f.sources
    if props:
        out["properties"] = props
    return out


def _notifications(result: LintResult) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for err in result.errors:
        note: dict[str, Any] = {"level": "error", "message": {"text": err.message}}
        if err.path:
            loc: dict[str, Any] = {"artifactLocation": artifact_location(err.path)}
            if err.line:
                loc["region"] = {"startLine": err.line}
            note["locations"] = [{"physicalLocation": loc}]
        out.append(note)
    return out


def build(result: LintResult, ctx: ReportContext, *, root: str | None = None) -> dict[str, Any]:
    """The SARIF log as a dict; ``root`` (default: the working directory) is ``%SRCROOT%``."""
    reported = [f for f in result.findings if not f.baselined]
    descriptors: dict[str, dict[str, Any]] = {
        rid: _rule_descriptor(r) for rid, r in ctx.rules.items()
    }
    for f in reported:
        if f.rule not in descriptors:
            descriptors[f.rule] = _fallback_descriptor(f)
    rule_ids = sorted(descriptors)
    index = {rid: i for i, rid in enumerate(rule_ids)}
    base = Path(root if root is not None else os.getcwd()).resolve().as_uri().rstrip("/") + "/"
    invocation: dict[str, Any] = {"executionSuccessful": not result.errors}
    notifications = _notifications(result)
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "medlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [descriptors[rid] for rid in rule_ids],
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {
            SRCROOT: {
                "uri": base,
                "description": {
                    "text": "The directory medlint ran in (the repository root in CI)."
                },
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule]) for f in reported],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: LintResult, ctx: ReportContext) -> str:
    return json.dumps(build(result, ctx), indent=2, ensure_ascii=False) + "\n"
