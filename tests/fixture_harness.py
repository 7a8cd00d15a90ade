"""Semgrep-style annotated fixtures: expected findings are written in the articles themselves.

* Markdown and HTML: ``<!-- expect: rule-a, rule-b -->`` on the line before the target line
  (further expect comments may stand between; the target is the next line that is not one).
* Plain text (which has no comments of its own, and whose seeds must stay byte-identical):
  a sidecar ``<file>.expect`` with one ``LINE: rule-a, rule-b`` per line (``#`` starts a comment).

Each fixture directory is checked as one corpus (so cross-article rules fire), with the
directory's ``facts.yaml`` when it has one, else the bundled facts.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from medlint.documents import format_for

EXPECT = re.compile(r"<!--\s*expect:\s*([a-z0-9 ,-]+?)\s*-->")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def expected_findings(path: Path) -> Counter[tuple[int, str]]:
    """(line, rule) pairs a fixture expects, with multiplicity."""
    out: Counter[tuple[int, str]] = Counter()
    sidecar = path.with_name(path.name + ".expect")
    if sidecar.exists():
        for raw in sidecar.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            num, _, rules = line.partition(":")
            for rule in rules.split(","):
                if rule.strip():
                    out[(int(num), rule.strip())] += 1
    if format_for(path.name) in ("markdown", "html"):
        lines = path.read_text(encoding="utf-8").splitlines()
        pending: list[str] = []
        for number, text in enumerate(lines, start=1):
            m = EXPECT.fullmatch(text.strip())
            if m:
                pending.extend(r.strip() for r in m.group(1).split(",") if r.strip())
                continue
            for rule in pending:
                out[(number, rule)] += 1
            pending = []
    return out


def fixture_dirs() -> list[Path]:
    return sorted(
        d
        for d in FIXTURES.rglob("*")
        if d.is_dir() and any(format_for(f.name) for f in d.iterdir() if f.is_file())
    )
