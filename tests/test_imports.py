"""The pre-commit case imports only what a plain-text check needs.

Every module imported costs start-up time on each commit. This is a behaviour
test, not a timing test: it looks at ``sys.modules`` after a real check of a
``.txt`` file in a fresh interpreter. spaCy itself imports Jinja2 and rich
(through ``spacy.cli``), so for those the test asserts that medlint adds no
import of its own beyond what ``import spacy; spacy.blank("en")`` brings in.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

NEVER = ("markdown_it", "xml", "medlint.documents.markdown", "medlint.documents.html")
NOT_BEYOND_SPACY = ("jinja2", "rich")

PROBE = """
import json, sys
{body}
print(json.dumps(sorted(sys.modules)))
"""


def _modules(body: str, cwd: Path) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(body=body)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def _top(mods: set[str], name: str) -> set[str]:
    return {m for m in mods if m == name or m.startswith(name + ".")}


def test_text_check_imports_no_markdown_html_or_report_machinery(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(
        "Gamunex-C is a 5% liquid immunoglobulin.\n", encoding="utf-8"
    )
    after_check = _modules(
        "from medlint.cli import main\n"
        "rc = main(['check', '--jobs', '1', 'one.txt'])\n"
        "assert rc == 1, rc",
        tmp_path,
    )
    assert "medlint.claims" in after_check  # the check really ran
    for name in NEVER:
        assert not _top(after_check, name), f"{name} imported by a plain-text check"
    spacy_only = _modules("import spacy\nspacy.blank('en')", tmp_path)
    for name in NOT_BEYOND_SPACY:
        extra = _top(after_check, name) - _top(spacy_only, name)
        assert not extra, f"medlint imports {sorted(extra)} beyond what spaCy imports"
