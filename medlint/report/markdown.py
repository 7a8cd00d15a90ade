"""``--format markdown``: a report that fits a pull-request comment (GitHub-flavoured Markdown).

A summary table first, then the findings grouped by article: each with the
quoted sentence (``> ...`` with the span in bold), what was found against what
the facts say, and the source as a link. Articles with many findings fold into
``<details>``, and beyond ``MAX_LISTED`` findings the list stops (GitHub caps a
comment at 65,536 characters) and points at the full HTML/JSON report.

Memory: the comment is built whole (summary tables first, per-article folds),
so every finding is in memory while it is written; it is meant for a pull
request's few articles, not an archive.

Everything that comes from an article, a path or a facts file is escaped: a
sentence may contain ``*``, ``<script>``, ``|`` or ``@someone``, which must
neither format, inject HTML, break a table nor ping a user.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from medlint.report import ReportContext
from medlint.report.context import SEVERITIES, FindingView, ReportView, build_view

if TYPE_CHECKING:
    from medlint.lint import LintResult

# An article with more findings than this folds its list into <details>.
FOLD_ABOVE = 5
# At most this many findings are listed (active ones, in output order).
MAX_LISTED = 150

# Characters that GFM (or GitHub: @mentions, #123 references, $math$) gives a
# meaning to anywhere in a line; a backslash escape keeps each one literal.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~@#$])")
# ...and those that matter only where a block starts (list, heading, quote).
_BLOCK_START = re.compile(r"^([-+=]|\d+(?=[.)]))")
_EMOJI = re.compile(r":(?=[A-Za-z0-9_+-]+:)")
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Text that renders literally in GFM, on one line, with no HTML and no mentions."""
    text = _SPACE.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _EMOJI.sub("&#58;", text)
    return _BLOCK_START.sub(
        lambda m: "\\" + m.group(1) if not m.group(1).isdigit() else m.group(1) + "\\", text
    )


def code(text: str) -> str:
    """An inline code span that survives backticks inside ``text``."""
    text = _SPACE.sub(" ", text)
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _link(title: str, url: str) -> str:
    if url.lower().startswith(("http://", "https://")):
        safe_url = (
            url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
        )
        return f"[{escape(title)}]({safe_url.replace('>', '%3E')})"
    return escape(title)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _severity_counts(counts: dict[str, int]) -> str:
    return ", ".join(
        _plural(counts[s], s) if s != "info" else f"{counts[s]} info" for s in SEVERITIES
    )


def _finding(v: FindingView) -> list[str]:
    """One list item: headline, the quoted sentence, then found/expected/source lines."""
    f = v.finding
    where = f"at line {f.line}, column {f.column}"
    lines = [f"- **{f.severity}** {code(f.rule)} {where}: {escape(f.message)}"]
    if v.excerpt is not None:
        e = v.excerpt
        quote = escape(e.before) + (f"**{escape(e.highlight)}**" if e.highlight.strip() else "")
        lines += ["", f"  > {quote}{escape(e.after)}"]
    facts = []
    if f.found is not None:
        facts.append(f"found {code(f.found)}")
    if f.expected is not None:
        facts.append(f"expected {code(f.expected)}")
    if f.status:
        facts.append(f"fact status: {f.status}")
    details = []
    if facts:
        details.append("; ".join(facts)[0].upper() + "; ".join(facts)[1:])
    if v.sources:
        details.append("Source: " + "; ".join(_link(s.title, s.url) for s in v.sources))
    if f.related:
        sites = ", ".join(
            f"{code(f'{r.path}:{r.line}:{r.column}')} ({escape(r.found)})" for r in f.related
        )
        details.append(f"Also stated at: {sites}")
    if details:
        # A trailing backslash is a hard line break in CommonMark: one fact per line.
        lines += ["", *(f"  {d}\\" for d in details[:-1]), f"  {details[-1]}"]
    return lines


def _summary(view: ReportView) -> list[str]:
    out = [
        "## medlint report",
        "",
        f"**{_plural(view.findings, 'finding')}** in {_plural(view.files, 'article')} "
        f"({_severity_counts(view.by_severity)}); "
        f"{_plural(view.files_with_errors, 'article')} with errors.",
        "",
        "| severity | findings |",
        "| --- | ---: |",
    ]
    out.extend(f"| {s} | {view.by_severity[s]} |" for s in SEVERITIES)
    if view.by_rule:
        out += ["", "| rule | findings |", "| --- | ---: |"]
        out.extend(f"| {code(rule)} | {n} |" for rule, n in view.by_rule.items())
    notes = []
    if view.suppressed:
        notes.append(f"{view.suppressed} suppressed")
    if view.baselined:
        notes.append(f"{view.baselined} baselined")
    if notes:
        out += ["", f"Not counted: {', '.join(notes)}."]
    if view.input_errors:
        out += ["", "**Articles that could not be checked:**", ""]
        out.extend(f"- {escape(err)}" for err in view.input_errors)
    return out


def render(result: LintResult, ctx: ReportContext) -> str:
    view = build_view(result, ctx)
    out = _summary(view)
    listed = 0
    omitted = 0
    for article in view.articles:
        if not article.active:
            continue
        room = MAX_LISTED - listed
        shown = article.active[: max(room, 0)]
        omitted += len(article.active) - len(shown)
        if not shown:
            continue
        listed += len(shown)
        out += ["", f"### {code(article.path)}", "", _severity_counts(article.counts) + ".", ""]
        fold = len(article.active) > FOLD_ABOVE
        if fold:
            out += [f"<details><summary>{_plural(len(article.active), 'finding')}</summary>", ""]
        for v in shown:
            out += [*_finding(v), ""]
        if fold:
            out += ["</details>", ""]
        while out and out[-1] == "":
            out.pop()
    if omitted:
        out += [
            "",
            f"… and {_plural(omitted, 'more finding')} not listed here; "
            "see the HTML or JSON report for all of them.",
        ]
    return "\n".join(out) + "\n"
