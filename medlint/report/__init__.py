"""Output formats: one module per format, chosen by ``--format``.

Every reporter is a function ``render(result, context) -> str``. Modules are
imported only when their format is asked for, so the default text output
costs no import of JSON schema, Jinja2 or XML machinery.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from medlint.model import SEVERITY_RANK, Finding

if TYPE_CHECKING:
    from medlint.lint import LintResult
    from medlint.rules import Rule

FORMATS: dict[str, str] = {
    "text": "medlint.report.text",
    "json": "medlint.report.json_format",
    "sarif": "medlint.report.sarif",
    "github": "medlint.report.github",
    "junit": "medlint.report.junit",
    "gitlab": "medlint.report.gitlab",
    "json-lines": "medlint.report.json_lines",
    "html": "medlint.report.html",
    "markdown": "medlint.report.markdown",
}


@dataclass(slots=True)
class ReportContext:
    """What a reporter may need beyond the findings."""

    rules: dict[str, Rule] = field(default_factory=dict)
    color: bool = False
    matched_baseline: int = 0


def get_reporter(fmt: str) -> Callable[[LintResult, ReportContext], str]:
    module = importlib.import_module(FORMATS[fmt])
    render: Callable[[LintResult, ReportContext], str] = module.render
    return render


def summary(result: LintResult) -> dict[str, object]:
    active = [f for f in result.findings if not f.suppressed and not f.baselined]
    by_severity = {s: 0 for s in ("error", "warning", "info")}
    by_rule: dict[str, int] = {}
    for f in active:
        by_severity[f.severity] += 1
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    return {
        "files": len(result.files),
        "findings": len(active),
        "by_severity": by_severity,
        "by_rule": dict(sorted(by_rule.items())),
        "files_with_errors": len({f.path for f in active if f.severity == "error"}),
        "suppressed": sum(1 for f in result.findings if f.suppressed),
        "baselined": sum(1 for f in result.findings if f.baselined),
        "input_errors": [str(e) for e in result.errors],
    }


def at_or_above(findings: list[Finding], level: str) -> list[Finding]:
    rank = SEVERITY_RANK[level]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= rank]
