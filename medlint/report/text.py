"""Default output: one grep-friendly line per finding, ``path:line:col: severity [rule] message``.

Found vs expected and the fact's source are already in the message; the
closing summary line is the only line that does not start with a path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from medlint.report import ReportContext, Tally

if TYPE_CHECKING:
    from medlint.lint import LintResult

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


def stream(result: LintResult, ctx: ReportContext) -> Iterator[str]:
    """One line per finding as it is read, then the summary line (counted on the same read)."""
    tally = Tally()
    for f in result.findings:
        if not tally.add(f):
            continue
        severity: str = f.severity
        loc = f"{f.path}:{f.line}:{f.column}:"
        if ctx.color:
            severity = f"{_COLORS[f.severity]}{severity}{_RESET}"
            loc = f"{_BOLD}{loc}{_RESET}"
        yield f"{loc} {severity} [{f.rule}] {f.message}\n"
    s = tally.summary(result)
    sev = s["by_severity"]
    assert isinstance(sev, dict)
    parts = [f"{sev['error']} error(s)", f"{sev['warning']} warning(s)", f"{sev['info']} info"]
    tail = f"{s['findings']} finding(s) in {s['files']} file(s): " + ", ".join(parts)
    extra = []
    if s["suppressed"]:
        extra.append(f"{s['suppressed']} suppressed")
    if ctx.matched_baseline:
        extra.append(f"{ctx.matched_baseline} matched the baseline")
    if result.errors:
        extra.append(f"{len(result.errors)} file(s) could not be checked")
    if extra:
        tail += " (" + ", ".join(extra) + ")"
    yield tail + "\n"


def render(result: LintResult, ctx: ReportContext) -> str:
    return "".join(stream(result, ctx))
