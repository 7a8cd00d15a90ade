"""Generated benchmark articles for tests that need a corpus larger than the fixtures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def generate_corpus(out: Path, count: int) -> Path:
    """``count`` articles (txt, md, html in turn) from benchmarks/make_corpus.py, seed 0."""
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(count), str(out)],
        check=True,
        capture_output=True,
    )
    return out
