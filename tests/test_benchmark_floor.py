"""The throughput floor script of ``benchmarks/`` runs and reports every figure it names.

Its timings are not asserted (speed belongs in the benchmarks); only that it parses each
format with the libraries medlint's readers use and covers every file of the corpus.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.generated import ROOT, generate_corpus


def test_floor_script_reports_each_floor(tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path / "corpus", 6)
    size = sum(p.stat().st_size for p in corpus.iterdir())
    script = ROOT / "benchmarks" / "floor_throughput.py"
    run = subprocess.run(
        [sys.executable, str(script), str(corpus), "--runs", "1"],
        check=True,
        capture_output=True,
        text=True,
    )
    out = json.loads(run.stdout)
    assert out["corpus_mb"] == size / 1e6
    for name in ("tokenizer", "parse", "parse_and_tokenize"):
        assert out[f"{name}_cpu_s"] > 0
        assert out[f"{name}_mb_per_s"] == out["corpus_mb"] / out[f"{name}_cpu_s"]


def test_floor_parser_matches_medlints_markdown_configuration() -> None:
    """The floor restates medlint's markdown-it configuration; they must not drift apart."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import floor_throughput
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from medlint.documents.markdown import _parser

    theirs, ours = floor_throughput._markdown(), _parser()
    assert theirs.get_active_rules() == ours.get_active_rules()
    assert theirs.options["maxNesting"] == ours.options["maxNesting"]
