"""``pattern``: a user-defined regular expression over prose, Vale's "existence" check.

Editorial teams add house rules ("miracle cure", "100% safe") as YAML without
code. Patterns run on prose units only, so code blocks and front matter never
match.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from medlint.checks import CheckKind
from medlint.checks.base import finding
from medlint.claims import Analysis
from medlint.errors import MedlintError
from medlint.facts import Facts
from medlint.model import Finding
from medlint.rules import Rule
from medlint.safe_regex import SafePattern, compile_user_pattern


def _prepare(params: dict[str, Any]) -> Any:
    pattern = params.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise MedlintError("pattern must be a non-empty regex string", "pattern")
    try:
        # RE2, not re: a user's pattern must not be able to backtrack for hours.
        return compile_user_pattern(pattern, case_sensitive=bool(params.get("case_sensitive")))
    except MedlintError as exc:
        raise MedlintError(exc.message, "pattern") from None


def _run(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    regex: SafePattern = rule.compiled
    for analysis in analyses:
        for unit in analysis.document.units:
            for m in regex.finditer(unit.text):
                if m.end == m.start:
                    continue
                start, end = unit.source_span(m.start, m.end)
                yield finding(rule, analysis.document, start, end, rule.render(match=m.text))


KIND = CheckKind(
    name="pattern",
    scope="document",
    prepare=_prepare,
    run=_run,
    summary="A regular expression that must not appear in prose.",
)
