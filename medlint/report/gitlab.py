"""``--format gitlab``: a GitLab Code Quality report (a JSON array of CodeClimate-style issues).

GitLab shows the issues a merge request adds or fixes by comparing
``fingerprint`` s between the base and the head pipeline, so each issue
carries medlint's own fingerprint (rule, path, normalised matched text,
occurrence), which survives edits that move lines.

Severity mapping (GitLab knows blocker, critical, major, minor, info):
``error`` -> ``critical`` (a wrong dose or concentration in a patient article
is more than a "major" code smell, but it is not ``blocker``, which GitLab
reserves for issues that stop a build outright), ``warning`` -> ``minor``,
``info`` -> ``info``. ``categories`` uses CodeClimate's vocabulary:
contradictions and inconsistencies are ``Bug Risk``, ambiguity and missing
citations ``Clarity``, house style ``Style``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from medlint.model import Finding
from medlint.report import ReportContext
from medlint.report.json_format import stream_array

if TYPE_CHECKING:
    from medlint.lint import LintResult

SEVERITIES: dict[str, str] = {"error": "critical", "warning": "minor", "info": "info"}
CATEGORIES: dict[str, str] = {
    "contradiction": "Bug Risk",
    "inconsistency": "Bug Risk",
    "ambiguity": "Clarity",
    "citation": "Clarity",
    "style": "Style",
}


def issue(f: Finding) -> dict[str, Any]:
    return {
        "description": f"{f.message} [{f.rule}]",
        "check_name": f.rule,
        "fingerprint": f.fingerprint,
        "severity": SEVERITIES[f.severity],
        "categories": [CATEGORIES.get(f.category, "Clarity")],
        "location": {"path": f.path, "lines": {"begin": f.line, "end": max(f.end_line, f.line)}},
    }


def stream(result: LintResult, ctx: ReportContext) -> Iterator[str]:
    """The report an issue at a time; joined, exactly ``json.dumps(issues, indent=2)`` + newline."""
    yield from stream_array(
        (issue(f) for f in result.findings if not f.suppressed and not f.baselined), 0
    )
    yield "\n"


def render(result: LintResult, ctx: ReportContext) -> str:
    return "".join(stream(result, ctx))
