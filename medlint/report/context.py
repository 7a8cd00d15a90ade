"""What a reviewer needs next to a finding: its sentence, its fact and its rule.

The text output fits a finding on one line because a terminal user can open
the file; a reviewer reading an HTML page or a pull-request comment cannot,
so the rich reporters show the sentence with the offending span marked, what
was found against what the facts say, where the facts come from and why the
rule exists. This module computes those pieces once, as plain data, so the
HTML and Markdown reporters only decide how they look (and each escapes for
its own syntax).

Sentences are cut from the reader's prose unit (so HTML tags and Markdown
markup are not shown) with a small punctuation rule; when a finding lies
outside every unit, the source line(s) are shown instead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from medlint.model import Document, Finding, Unit

if TYPE_CHECKING:
    from medlint.lint import LintResult
    from medlint.report import ReportContext
    from medlint.rules import Rule

SEVERITIES = ("error", "warning", "info")
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket)
# before whitespace and something that can start a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_SPACE = re.compile(r"\s+")
# Excerpts longer than this are trimmed around the span, so a 3,000-character
# paragraph without full stops does not flood the report.
MAX_CONTEXT = 240


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The text around a finding: ``before`` + ``highlight`` + ``after``, whitespace collapsed."""

    before: str
    highlight: str
    after: str
    line: int
    end_line: int
    kind: str  # "sentence" (from the prose unit) or "source" (raw source lines)


@dataclass(frozen=True, slots=True)
class SourceRef:
    id: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule as a report explains it; ``doc`` is the Markdown ``medlint explain`` prints."""

    id: str
    name: str
    severity: str
    category: str
    summary: str
    doc: str


@dataclass(slots=True)
class FindingView:
    finding: Finding
    dom_id: str
    excerpt: Excerpt | None
    sources: list[SourceRef]
    rule: RuleInfo

    @property
    def silenced(self) -> str | None:
        """Why the finding does not count: the suppression reason, ``baselined``, or None."""
        f = self.finding
        if f.suppressed is not None:
            return f"suppressed: {f.suppressed}" if f.suppressed else "suppressed"
        return "baselined" if f.baselined else None


@dataclass(slots=True)
class ArticleView:
    path: str
    active: list[FindingView] = field(default_factory=list)
    silenced: list[FindingView] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        c: Counter[str] = Counter(v.finding.severity for v in self.active)
        return {s: c.get(s, 0) for s in SEVERITIES}


@dataclass(slots=True)
class ReportView:
    """Everything a rich report shows, in output order (articles by path, findings as sorted)."""

    articles: list[ArticleView]
    rules: dict[str, RuleInfo]
    files: int
    findings: int
    by_severity: dict[str, int]
    by_rule: dict[str, int]
    files_with_errors: int
    suppressed: int
    baselined: int
    input_errors: list[str]


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text)


def _unit_offset(unit: Unit, source_offset: int, *, end: bool) -> int | None:
    """Inverse of :meth:`Unit.to_source`: the unit-text offset of a source offset, if inside."""
    for seg in unit.segments:
        inside = seg.source_start <= source_offset <= seg.source_end
        if not inside:
            continue
        if not end and source_offset == seg.source_end and seg.source_end != seg.source_start:
            continue  # a start at a segment's end belongs to the next segment
        if seg.unit_end - seg.unit_start == seg.source_end - seg.source_start:
            return seg.unit_start + source_offset - seg.source_start
        return seg.unit_end if end and source_offset > seg.source_start else seg.unit_start
    return None


def _unit_for(doc: Document, start: int, end: int) -> tuple[Unit, int, int] | None:
    for unit in doc.units:
        if not unit.segments:
            continue
        if not (unit.segments[0].source_start <= start <= unit.segments[-1].source_end):
            continue
        s = _unit_offset(unit, start, end=False)
        e = _unit_offset(unit, end, end=True)
        if s is not None and e is not None and s <= e:
            return unit, s, e
    return None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences of ``text`` that overlap ``[start, end)``."""
    lo, hi = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _trim(before: str, highlight: str, after: str) -> tuple[str, str, str]:
    room = max(MAX_CONTEXT - len(highlight), 40)
    if len(before) + len(after) <= room:
        return before, highlight, after
    half = room // 2
    if len(before) > half and len(after) > half:
        keep_before, keep_after = half, half
    elif len(before) <= half:
        keep_before, keep_after = len(before), room - len(before)
    else:
        keep_before, keep_after = room - len(after), len(after)
    if len(before) > keep_before:
        cut = before[len(before) - keep_before :]
        before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > keep_after:
        cut = after[:keep_after]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    return before, highlight, after


def excerpt_for(finding: Finding, doc: Document | None) -> Excerpt | None:
    """The sentence (or source lines) around ``finding`` with its span separated out."""
    if doc is None:
        return None
    start, end = finding.start, max(finding.end, finding.start)
    if not (0 <= start <= len(doc.source)):
        return None
    end = min(end, len(doc.source))
    found = _unit_for(doc, start, end)
    if found is not None:
        unit, s, e = found
        lo, hi = _sentence_bounds(unit.text, s, e)
        parts = (unit.text[lo:s], unit.text[s:e], unit.text[e:hi])
        kind = "sentence"
    else:
        starts = doc.line_starts
        first, last = finding.line, max(finding.end_line, finding.line)
        lo = starts[first - 1] if first - 1 < len(starts) else len(doc.source)
        hi = starts[last] if last < len(starts) else len(doc.source)
        parts = (doc.source[lo:start], doc.source[start:end], doc.source[end:hi])
        kind = "source"
    before, highlight, after = (_collapse(p) for p in parts)
    before = before.lstrip()
    after = after.rstrip()
    before, highlight, after = _trim(before, highlight, after)
    return Excerpt(before, highlight, after, finding.line, finding.end_line, kind)


def rule_info(rule_id: str, finding: Finding | None, rules: dict[str, Rule]) -> RuleInfo:
    rule = rules.get(rule_id)
    if rule is not None:
        return RuleInfo(rule.id, rule.name, rule.severity, rule.category, rule.summary, rule.doc())
    name = finding.name if finding else rule_id
    return RuleInfo(rule_id, name, finding.severity if finding else "", "", "", "")


def dom_id(finding: Finding) -> str:
    """A stable element id: the JSON output's fingerprint, so reports and JSON can be joined."""
    return "f-" + (finding.fingerprint or f"{finding.line}-{finding.column}-{finding.rule}")


def build_view(result: LintResult, ctx: ReportContext) -> ReportView:
    """Group ``result`` by article and attach each finding's excerpt, sources and rule."""
    from medlint.report import summary

    rules: dict[str, RuleInfo] = {}
    articles: dict[str, ArticleView] = {path: ArticleView(path) for path in sorted(result.files)}
    for f in result.findings:
        if f.rule not in rules:
            rules[f.rule] = rule_info(f.rule, f, ctx.rules)
        view = FindingView(
            finding=f,
            dom_id=dom_id(f),
            excerpt=excerpt_for(f, result.documents.get(f.path)),
            sources=[
                SourceRef(s.get("id", ""), s.get("title") or s.get("id", ""), s.get("url", ""))
                for s in f.sources
            ],
            rule=rules[f.rule],
        )
        article = articles.setdefault(f.path, ArticleView(f.path))
        (article.silenced if view.silenced else article.active).append(view)
    s = summary(result)
    by_severity = s["by_severity"]
    by_rule = s["by_rule"]
    errors = s["input_errors"]
    assert isinstance(by_severity, dict) and isinstance(by_rule, dict) and isinstance(errors, list)
    return ReportView(
        articles=sorted(articles.values(), key=lambda a: a.path),
        rules=dict(sorted(rules.items())),
        files=int(str(s["files"])),
        findings=int(str(s["findings"])),
        by_severity=by_severity,
        by_rule=by_rule,
        files_with_errors=int(str(s["files_with_errors"])),
        suppressed=int(str(s["suppressed"])),
        baselined=int(str(s["baselined"])),
        input_errors=[str(e) for e in errors],
    )
