"""The Markdown (pull-request comment) report: snapshots, escaping and folding.

Snapshots are compared byte for byte; after an intended change, rewrite them with
``MEDLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_report_markdown.py`` and
review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from medlint.cli import main
from medlint.lint import LintResult
from medlint.model import Document, Finding
from medlint.report import ReportContext, markdown
from medlint.report.markdown import code, escape, render

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"

EVIL = (
    "Treatment\n\n"
    'Gamunex-C is a 5% liquid <script>alert(1)</script> with "quotes" & ampersands, '
    "*stars* _under_ [link](javascript:x) `tick` @octocat #12 $x$ | pipe :smile: ~~gone~~.\n"
)


def check_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("MEDLINT_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"missing snapshot {path}: run with MEDLINT_UPDATE_SNAPSHOTS=1"
    assert actual.encode("utf-8") == path.read_bytes(), (
        f"{name} differs from the snapshot; if intended, rerun with "
        "MEDLINT_UPDATE_SNAPSHOTS=1 and review the diff"
    )


def run_markdown(
    args: list[str], cwd: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    monkeypatch.chdir(cwd)
    main(["check", "--format", "markdown", *args])
    return capsys.readouterr().out


def gfm(text: str) -> str:
    """Render like GitHub would (tables on, raw HTML allowed so <details> works)."""
    return (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .enable("strikethrough")
        .render(text)
    )


def test_seeds_snapshot(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = run_markdown(["fixtures/seeds"], ROOT, capsys, monkeypatch)
    check_snapshot("markdown-seeds.md", out)
    html = gfm(out)
    assert "<table>" in html and "<th>severity</th>" in html
    assert "<strong>5%</strong>" in html  # the span, bold, inside the quoted sentence
    assert re.search(
        r"<blockquote>\s*<p>Grifols - Produces Gamunex-C and Flebogamma, with concentrations of "
        r"<strong>5%</strong> and 10%\.</p>",
        html,
    )
    assert '<a href="https://rxreasoner.com/monographs/gamunex-c">' in html


def test_escaping_snapshot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "article.txt").write_text(EVIL, encoding="utf-8")
    out = run_markdown(["article.txt"], tmp_path, capsys, monkeypatch)
    check_snapshot("markdown-escaping.md", out)
    html = gfm(out)
    assert "<script>" not in html and "<em>" not in html and "<del>" not in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp; ampersands" in html
    # Rendered back to text, the sentence reads exactly as written.
    text = (
        re.sub(r"<[^>]+>", "", html)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
    )
    text = text.replace("&amp;", "&").replace("&#58;", ":")
    assert (
        "*stars* _under_ [link](javascript:x) `tick` @octocat #12 $x$ | pipe :smile: ~~gone~~."
        in text
    )


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("*a* _b_", r"\*a\* \_b\_"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("@octocat and #12", r"\@octocat and \#12"),
        ("$5 or $10", r"\$5 or \$10"),
        ("a | b", r"a \| b"),
        ("- item", r"\- item"),
        ("12. item", r"12\. item"),
        ("& &amp;", "&amp; &amp;amp;"),
        ("line\nbreak", "line break"),
        (":smile: 10:30", "&#58;smile: 10:30"),
        ("[x](y)", r"\[x\](y)"),
        ("Gamunex-C 10%", "Gamunex-C 10%"),
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_code_spans_survive_backticks() -> None:
    assert code("a.md") == "`a.md`"
    assert code("we`ird.md") == "``we`ird.md``"
    assert code("`x`") == "`` `x` ``"


def _result(n_per_article: dict[str, int]) -> LintResult:
    findings = []
    docs = {}
    for path, n in n_per_article.items():
        source = "".join(f"Privigen is {i}% here.\n" for i in range(n))
        docs[path] = Document(path=path, source=source, format="text")
        for i in range(n):
            findings.append(
                Finding(
                    rule="concentration-contradiction",
                    name="n",
                    severity="error",
                    category="contradiction",
                    path=path,
                    line=i + 1,
                    column=13,
                    end_line=i + 1,
                    end_column=15,
                    message=f"finding {i}",
                    fingerprint=f"{path}-{i}",
                )
            )
    return LintResult(findings=findings, files=sorted(n_per_article), documents=docs)


def test_articles_with_many_findings_fold() -> None:
    out = render(
        _result({"few.txt": markdown.FOLD_ABOVE, "many.txt": markdown.FOLD_ABOVE + 1}),
        ReportContext(),
    )
    few, many = out.split("### `many.txt`")
    assert "<details>" not in few
    assert f"<details><summary>{markdown.FOLD_ABOVE + 1} findings</summary>" in many
    assert many.rstrip().endswith("</details>")
    # The folded list still renders as a list (blank lines around the HTML block).
    assert gfm(out).count("<li>") == 2 * markdown.FOLD_ABOVE + 1


def test_long_reports_stop_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown, "MAX_LISTED", 4)
    out = render(_result({"a.txt": 3, "b.txt": 3, "c.txt": 2}), ReportContext())
    assert out.count("- **error**") == 4
    assert "and 4 more findings not listed here" in out
    assert "### `c.txt`" not in out
    assert "**8 findings** in 3 articles" in out  # the summary still counts everything
