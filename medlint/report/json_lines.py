"""``--format json-lines``: one JSON object per finding per line, for streaming tools.

Each line is exactly the finding object of ``--format json`` (same keys, same
contract), so ``grep``, ``jq -c`` and line-oriented log shippers can consume
findings one at a time. There is deliberately no summary line: every line
has the same shape, and a run with no findings is empty output. Use
``--format json`` when the summary is wanted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from medlint.report import ReportContext
from medlint.report.json_format import finding_dict

if TYPE_CHECKING:
    from medlint.lint import LintResult


def stream(result: LintResult, ctx: ReportContext) -> Iterator[str]:
    for f in result.findings:
        if not f.suppressed and not f.baselined:
            yield json.dumps(finding_dict(f), ensure_ascii=False, separators=(",", ":")) + "\n"


def render(result: LintResult, ctx: ReportContext) -> str:
    return "".join(stream(result, ctx))
