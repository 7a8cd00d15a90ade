#!/usr/bin/env python3
"""Profile one in-process run over the benchmark corpus with pyinstrument (dev extra).

    python benchmarks/profile_run.py [ARTICLES] [--html FILE]

The engine (facts, rules, spaCy pipeline) is built before profiling starts, as in the
throughput benchmark, so the profile shows what each article costs. The corpus is the one
``run.py`` generates (``benchmarks/corpus/c2000``); the first ARTICLES files (default 500)
are checked.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", nargs="?", type=int, default=500)
    ap.add_argument("--html", metavar="FILE", help="also write pyinstrument's HTML report")
    args = ap.parse_args()
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed: pip install -e '.[dev]'", file=sys.stderr)
        return 2
    from medlint.lint import Engine, Options, lint_paths

    corpus = HERE / "corpus" / "c2000"
    if not corpus.is_dir():
        subprocess.run(
            [sys.executable, str(HERE / "make_corpus.py"), "2000", str(corpus)], check=True
        )
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(corpus.iterdir())[: args.articles]:
            shutil.copy(path, tmp)
        engine = Engine(Options(jobs=1, keep_documents=False))
        _ = engine.nlp
        profiler = Profiler(interval=0.0005)
        profiler.start()
        result = lint_paths([tmp], engine=engine)
        count = len(result.findings)
        profiler.stop()
    print(f"{args.articles} articles, {count} findings")
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        Path(args.html).write_text(profiler.output_html(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
