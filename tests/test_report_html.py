"""The HTML report without a browser: structure, escaping, offline-ness, accessibility basics.

Browser behaviour (filters, screenshot) is in ``test_report_browser.py``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from medlint.cli import main
from medlint.lint import LintResult
from medlint.model import Document, Finding, Segment, Unit
from medlint.report import ReportContext
from medlint.report.context import excerpt_for
from medlint.report.html import render, safe_url

ROOT = Path(__file__).resolve().parent.parent


class Tree(HTMLParser):
    """Start tags with their attributes, the heading sequence and text per element id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.mark_text: list[str] = []
        self._in_mark = 0
        self.script_bodies: list[str] = []
        self.style_bodies: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "mark":
            self._in_mark += 1
            self.mark_text.append("")
        if tag in ("script", "style"):
            self._raw = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark -= 1
        if tag in ("script", "style"):
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            self.script_bodies.append(data)
        elif self._raw == "style":
            self.style_bodies.append(data)
        else:
            self.text.append(data)
            if self._in_mark:
                self.mark_text[-1] += data

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    tree.close()
    return tree


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, object]]:
    out = tmp_path_factory.mktemp("html")
    cwd = Path.cwd()
    import os

    os.chdir(ROOT)
    try:
        assert main(["check", "--format", "html", "-o", str(out / "r.html"), "fixtures/seeds"]) == 1
        assert main(["check", "--format", "json", "-o", str(out / "r.json"), "fixtures/seeds"]) == 1
    finally:
        os.chdir(cwd)
    return (out / "r.html").read_text(encoding="utf-8"), json.loads(
        (out / "r.json").read_text(encoding="utf-8")
    )


def test_every_finding_once_with_the_json_fingerprint(
    seeds_report: tuple[str, dict[str, object]],
) -> None:
    html, payload = seeds_report
    tree = parse(html)
    findings = payload["findings"]
    assert isinstance(findings, list)
    articles = tree.find("article", **{"data-state": "active"})
    assert [a["id"] for a in articles] == ["f-" + f["fingerprint"] for f in findings]
    assert [(a["data-severity"], a["data-rule"], a["data-article"]) for a in articles] == [
        (f["severity"], f["rule"], f["path"]) for f in findings
    ]
    # Nothing is hidden in the static page: without JavaScript everything shows.
    assert all("hidden" not in a for a in articles)
    assert "hidden" in tree.find("form", id="filters")[0]


def test_summary_and_fact_details(seeds_report: tuple[str, dict[str, object]]) -> None:
    html, payload = seeds_report
    text = " ".join(" ".join(parse(html).text).split())
    summary = payload["summary"]
    assert isinstance(summary, dict)
    assert f"{summary['files']} articles checked, {summary['findings']} findings" in text
    assert f"{summary['files_with_errors']} articles with errors" in text
    for rule, count in summary["by_rule"].items():
        assert re.search(rf"{re.escape(rule)}\s*{count}", text), rule
    # The Gamunex-C contradiction: sentence, span marked, found/expected, status, linked source.
    assert "Grifols - Produces Gamunex-C and Flebogamma, with concentrations of 5% and 10%." in text
    assert "Found 5% Expected 10% only" in text
    assert "verified" in text
    assert (
        '<a href="https://rxreasoner.com/monographs/gamunex-c" rel="noopener noreferrer">' in html
    )
    assert "<mark>5%</mark>" in html
    # The rule's explanation is on the page, linked from the finding.
    assert 'id="rule-concentration-contradiction"' in html
    assert 'href="#rule-concentration-contradiction"' in html
    assert "A patient or pharmacist who reads the wrong concentration" in text


def test_self_contained_and_csp_hashes_match(seeds_report: tuple[str, dict[str, object]]) -> None:
    html, _ = seeds_report
    tree = parse(html)
    assert not [a for t, a in tree.tags if t in ("script", "img", "iframe") and a.get("src")]
    assert not tree.find("link")
    assert "@import" not in html and "url(" not in "".join(tree.style_bodies)
    assert "@font-face" not in html
    (csp,) = [
        a["content"] for a in tree.find("meta") if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp is not None and "default-src 'none'" in csp
    for kind, bodies in (("script-src", tree.script_bodies), ("style-src", tree.style_bodies)):
        (body,) = bodies
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in csp


def test_accessibility_basics(seeds_report: tuple[str, dict[str, object]]) -> None:
    html, _ = seeds_report
    tree = parse(html)
    assert tree.find("html")[0]["lang"] == "en"
    assert tree.find("header") and tree.find("main") and tree.find("nav")
    assert tree.find("nav")[0].get("aria-label")
    # One h1, and no heading skips a level.
    assert tree.headings[0] == 1 and tree.headings.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(tree.headings, tree.headings[1:], strict=False)), (
        tree.headings
    )
    # Every form control has a label: <label for=id>, or the input sits inside its <label>.
    label_for = {a.get("for") for a in tree.find("label")}
    for select in tree.find("select"):
        assert select["id"] in label_for
    assert (
        '<label><input type="checkbox" name="severity" value="error" checked> error</label>' in html
    )


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_aa() -> None:
    css = (ROOT / "medlint" / "report" / "templates" / "report.css").read_text(encoding="utf-8")
    var = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", css))
    for fg in ("fg", "muted", "link", "error", "warning", "info", "ok"):
        for bg in ("bg", "panel"):
            assert _contrast(var[fg], var[bg]) >= 4.5, (fg, bg)
    for badge in ("error", "warning", "info", "muted"):  # white text on badges
        assert _contrast("#ffffff", var[badge]) >= 4.5, badge
    assert _contrast("#000000", "#ffe066") >= 4.5  # <mark>
    assert _contrast("#ffffff", "#1f2a37") >= 4.5  # page header


def test_article_text_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "evil.txt").write_text(
        "Treatment\n\nGamunex-C is a 5% liquid <script>alert(1)</script> "
        'with "quotes" & ampersands.\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "html", "-o", "r.html", "evil.txt"]) == 1
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count("<script") == 1  # the report's own script only
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; with &#34;quotes&#34; &amp; ampersands." in html
    tree = parse(html)
    assert "5%" in tree.mark_text
    text = "".join(tree.text)
    assert 'Gamunex-C is a 5% liquid <script>alert(1)</script> with "quotes" & ampersands.' in text


def _finding(**kw: object) -> Finding:
    base: dict[str, object] = dict(
        rule="concentration-contradiction",
        name="Concentration contradicts the facts",
        severity="error",
        category="contradiction",
        path="a.html",
        line=1,
        column=1,
        end_line=1,
        end_column=2,
        message="m",
    )
    base.update(kw)
    return Finding(**base)  # type: ignore[arg-type]


def test_unsafe_source_urls_are_not_links_and_silenced_findings_stand_apart() -> None:
    source = '<p>Privigen is "20%" here.</p>\n'
    doc = Document(path="a.html", source=source, format="html")
    active = _finding(
        start=source.index("20%"),
        end=source.index("20%") + 3,
        fingerprint="aaa",
        found="20%",
        expected="10% only",
        status="partial",
        sources=[{"id": "S1", "title": "<b>Label</b>", "url": "javascript:alert(1)"}],
    )
    silenced = _finding(fingerprint="bbb", suppressed="checked with the label", line=1, column=5)
    baselined = _finding(fingerprint="ccc", baselined=True, line=1, column=6)
    result = LintResult(
        findings=[active, silenced, baselined], files=["a.html"], documents={"a.html": doc}
    )
    html = render(result, ReportContext())
    assert "javascript:" not in html.split("<script>")[0]
    assert "&lt;b&gt;Label&lt;/b&gt;" in html
    assert "the fact itself may be wrong" in html  # partial status explained
    tree = parse(html)
    assert [a["id"] for a in tree.find("article", **{"data-state": "active"})] == ["f-aaa"]
    assert [a["id"] for a in tree.find("article", **{"data-state": "silenced"})] == [
        "f-bbb",
        "f-ccc",
    ]
    details = html[html.index('<details class="silenced">') :]
    assert (
        'id="f-bbb"' in details
        and "suppressed: checked with the label" in details
        and "baselined" in details
    )
    assert 'id="f-aaa"' not in details
    assert "1 finding" in html and "2 suppressed or baselined findings (not counted)" in html


def test_safe_url() -> None:
    assert safe_url("https://example.org/x") and safe_url(" HTTP://a") and safe_url("mailto:a@b")
    assert (
        not safe_url("javascript:alert(1)")
        and not safe_url("data:text/html,x")
        and not safe_url("")
    )


def test_excerpt_maps_through_entities_and_trims_long_sentences() -> None:
    # HTML source with an entity: unit text differs from the source; the span maps back exactly.
    source = "<p>A &amp; B. Privigen is 20% strong. Next one.</p>"
    text = "A & B. Privigen is 20% strong. Next one."
    p = source.index("Privigen")
    unit = Unit(
        kind="paragraph",
        text=text,
        segments=(
            Segment(0, 2, 3, 5),
            Segment(2, 3, 5, 10),
            Segment(3, len(text), 10, 10 + len(text) - 3),
        ),
    )
    doc = Document(path="a.html", source=source, format="html", units=[unit])
    start = source.index("20%")
    ex = excerpt_for(_finding(start=start, end=start + 3), doc)
    assert ex is not None and ex.kind == "sentence"
    assert (ex.before, ex.highlight, ex.after) == ("Privigen is ", "20%", " strong.")
    assert source[p : p + 8] == "Privigen"
    # A very long sentence is trimmed around the span, with ellipses.
    long_text = "word " * 200 + "Privigen is 20% here " + "more " * 200
    long_doc = Document(
        path="b.txt",
        source=long_text,
        format="text",
        units=[
            Unit(
                kind="paragraph",
                text=long_text,
                segments=(Segment(0, len(long_text), 0, len(long_text)),),
            )
        ],
    )
    s = long_text.index("20%")
    ex = excerpt_for(_finding(start=s, end=s + 3), long_doc)
    assert ex is not None and ex.highlight == "20%"
    assert ex.before.startswith("…") and ex.after.endswith("…")
    assert len(ex.before) + len(ex.after) < 300
    # Outside every unit: the source line is shown instead.
    doc2 = Document(path="c.txt", source="first\nsecond line here\n", format="text")
    ex = excerpt_for(_finding(line=2, end_line=2, start=13, end=17), doc2)
    assert ex is not None and ex.kind == "source"
    assert (ex.before, ex.highlight, ex.after) == ("second ", "line", " here")


def test_jinja2_is_imported_only_for_html(tmp_path: Path) -> None:
    """spaCy itself may import Jinja2, so check our part: the module and its import are lazy."""
    code = (
        "import sys; from medlint.cli import main; "
        "main(['check', '--format', sys.argv[1], '-o', sys.argv[2], 'fixtures/seeds']); "
        "print('medlint.report.html' in sys.modules)"
    )
    for fmt, expected in (("text", "False"), ("json", "False"), ("html", "True")):
        proc = subprocess.run(
            [sys.executable, "-c", code, fmt, str(tmp_path / f"r.{fmt}")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert proc.stdout.strip() == expected, (fmt, proc.stderr)
    proc = subprocess.run(
        [sys.executable, "-c", "import sys, medlint.report.html; print('jinja2' in sys.modules)"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.stdout.strip() == "False", proc.stderr
