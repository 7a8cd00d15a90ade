"""Building findings from source spans: shared by every check kind."""

from __future__ import annotations

from typing import Any

from medlint.model import Document, Finding
from medlint.rules import Rule


def finding(
    rule: Rule,
    doc: Document,
    start: int,
    end: int,
    message: str,
    *,
    severity: str | None = None,
    **extra: Any,
) -> Finding:
    """A finding for ``doc.source[start:end]`` with exact 1-based positions (end exclusive)."""
    start = max(0, min(start, len(doc.source)))
    end = max(start, min(end, len(doc.source)))
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=(severity or rule.severity),  # type: ignore[arg-type]
        category=rule.category,  # type: ignore[arg-type]
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        message=message,
        start=start,
        end=end,
        matched_text=doc.source[start:end],
        **extra,
    )


def severity_for(rule: Rule, statuses: list[str]) -> str | None:
    """The rule's severity for facts of these statuses; None for unverified facts."""
    if "unverified" in statuses:
        return None
    if "partial" in statuses:
        return rule.partial_severity
    return rule.severity
