"""``--format html``: one self-contained page for reviewers and CI artifacts.

The page must open offline from a CI artifact, so CSS and JS are inlined, no
font, image or script is fetched, and a Content-Security-Policy with the
hashes of the inline style and script forbids anything else (an injected
``<script>`` would not run even if escaping ever failed). Jinja2 renders it
with autoescaping on: every string from an article, a facts file or a rule is
escaped. The rule docs are Markdown rendered by markdown-it-py with raw HTML
disabled. Jinja2 is imported only when this format is chosen.

Memory: the page is built whole (the summary sits above the findings and the
template renders one string), so every finding, and the source of every
article, is in memory while it is written. For archive-sized runs prefer
``json`` or ``json-lines``, which stream.

Filtering (severity, rule, article) is a small script over ``data-*``
attributes; without JavaScript everything is visible. Filters can be set
from the URL (``report.html#severity=error&rule=citation-needed``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from medlint import __version__
from medlint.report import ReportContext
from medlint.report.context import SEVERITIES, ReportView, build_view

if TYPE_CHECKING:
    from medlint.lint import LintResult

_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")


def _template_text(name: str) -> str:
    return resources.files("medlint.report").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def safe_url(url: str) -> bool:
    """Only web links become ``href`` s: a ``javascript:`` URL in a facts file stays text."""
    return url.strip().lower().startswith(_SAFE_SCHEMES)


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import DictLoader, Environment, StrictUndefined, select_autoescape

    env = Environment(
        loader=DictLoader({"report.html.j2": _template_text("report.html.j2")}),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return env


def _rule_doc_html(doc: str) -> str:
    """A rule's Markdown doc as HTML, headings shifted under the page's h2, raw HTML escaped."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    tokens = md.parse(doc)
    for tok in tokens:
        if tok.type in ("heading_open", "heading_close"):
            level = int(tok.tag[1:])
            tok.tag = f"h{min(level + 2, 6)}"
    rendered: str = md.renderer.render(tokens, md.options, {})
    return rendered


def _ids(view: ReportView) -> tuple[dict[str, str], dict[str, str]]:
    article_ids = {a.path: f"article-{i + 1}" for i, a in enumerate(view.articles)}
    rule_ids = {
        rid: "rule-" + (_NOT_ID.sub("-", rid) or str(i)) for i, rid in enumerate(view.rules)
    }
    return article_ids, rule_ids


def render(result: LintResult, ctx: ReportContext) -> str:
    from markupsafe import Markup

    view = build_view(result, ctx)
    style = _template_text("report.css")
    script = _template_text("report.js")
    article_ids, rule_ids = _ids(view)
    rule_docs = {
        rid: Markup(_rule_doc_html(r.doc)) if r.doc else "" for rid, r in view.rules.items()
    }
    template = _environment().get_template("report.html.j2")
    out: str = template.render(
        view=view,
        version=__version__,
        severities=SEVERITIES,
        style=Markup(style),
        script=Markup(script),
        style_hash=_csp_hash(style),
        script_hash=_csp_hash(script),
        article_ids=article_ids,
        rule_ids=rule_ids,
        rule_docs=rule_docs,
        safe_url=safe_url,
    )
    return out
