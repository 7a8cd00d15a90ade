"""Output formats: one module per format, chosen by ``--format``.

Every reporter is a function ``render(result, context) -> str``. Formats that
can be written as they are produced (text, json, json-lines, github, gitlab)
also have ``stream(result, context)``, an iterator of string chunks whose
concatenation is ``render``'s string: the CLI writes those chunks one by one,
so a 100,000-finding report is never one string in memory. Modules are
imported only when their format is asked for, so the default text output
costs no import of JSON schema, Jinja2 or XML machinery.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
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


def get_streamer(fmt: str) -> Callable[[LintResult, ReportContext], Iterable[str]]:
    """The format's ``stream`` when it has one, else its whole ``render`` string as one chunk."""
    module = importlib.import_module(FORMATS[fmt])
    stream: Callable[[LintResult, ReportContext], Iterable[str]] | None = getattr(
        module, "stream", None
    )
    if stream is not None:
        return stream
    render: Callable[[LintResult, ReportContext], str] = module.render
    return lambda result, ctx: (render(result, ctx),)


class Tally:
    """The summary's counts, gathered while a reporter reads the findings for its listing.

    Streaming reporters list the findings and then print the summary; counting
    as they go saves a second read of a run that may be spooled on disk.
    """

    def __init__(self) -> None:
        self.by_severity = {s: 0 for s in ("error", "warning", "info")}
        self.by_rule: dict[str, int] = {}
        self.with_errors: set[str] = set()
        self.active = self.suppressed = self.baselined = 0

    def add(self, f: Finding) -> bool:
        """Count ``f``; returns whether it is active (neither suppressed nor baselined)."""
        self.suppressed += bool(f.suppressed)
        self.baselined += bool(f.baselined)
        if f.suppressed or f.baselined:
            return False
        self.active += 1
        self.by_severity[f.severity] += 1
        self.by_rule[f.rule] = self.by_rule.get(f.rule, 0) + 1
        if f.severity == "error":
            self.with_errors.add(f.path)
        return True

    def summary(self, result: LintResult) -> dict[str, object]:
        return {
            "files": len(result.files),
            "findings": self.active,
            "by_severity": dict(self.by_severity),
            "by_rule": dict(sorted(self.by_rule.items())),
            "files_with_errors": len(self.with_errors),
            "suppressed": self.suppressed,
            "baselined": self.baselined,
            "input_errors": [str(e) for e in result.errors],
        }


def summary(result: LintResult) -> dict[str, object]:
    """Counts for the report's summary, in one read of the findings."""
    tally = Tally()
    for f in result.findings:
        tally.add(f)
    return tally.summary(result)


def at_or_above(findings: Iterable[Finding], level: str) -> list[Finding]:
    rank = SEVERITY_RANK[level]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= rank]


def fails(findings: Iterable[Finding], level: str) -> bool:
    """Whether an active (not suppressed, not baselined) finding is at or above ``level``.

    Stops at the first one, without building a list: the CLI's exit code over a
    large run should not hold every finding again.
    """
    rank = SEVERITY_RANK[level]
    return any(
        not f.suppressed and not f.baselined and SEVERITY_RANK[f.severity] >= rank for f in findings
    )
