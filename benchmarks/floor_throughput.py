#!/usr/bin/env python3
"""The floors beside the one-core throughput target: what the given libraries cost alone.

    python benchmarks/floor_throughput.py CORPUS_DIR [--runs N]

Prints one JSON object. Every figure is CPU seconds (median of ``--runs``) over
the same files medlint is timed on, in one process with everything built first:

* ``tokenizer``: ``spacy.blank("en").tokenizer`` over every paragraph of every
  file as written (the issue's reference point: "9-12 MB/s here");
* ``parse``: reading and parsing each file the way medlint's readers must, with
  the libraries they are built on and nothing of medlint: markdown-it-py with
  medlint's configuration for ``.md``, the standard library's ``HTMLParser``
  (``convert_charrefs=False``, as medlint) with no-op callbacks for ``.html``,
  a plain decode for ``.txt``;
* ``parse_and_tokenize``: both, in one pass.

medlint tokenizes only the units that name a product (about a third of the text
of the benchmark corpus), so ``parse_and_tokenize`` is not a lower bound on its
cost; what these figures show is how much of a run the given libraries take and
how much is medlint's own Python work (see ``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import spacy
from markdown_it import MarkdownIt


class _NoOpHtml(HTMLParser):
    """Parses and discards: the tokenizing cost of ``HTMLParser`` itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)


def _markdown() -> MarkdownIt:
    # The configuration of medlint.documents.markdown._parser, restated so that this floor
    # imports nothing of medlint.
    md = MarkdownIt("commonmark", {"maxNesting": 50}).enable("table")
    md.disable("text_join")
    return md


def _cpu(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.is_file())
    size = sum(p.stat().st_size for p in files)
    raw = [(p.suffix, p.read_bytes()) for p in files]
    paragraphs = [
        para for _, data in raw for para in data.decode("utf-8").split("\n\n") if para.strip()
    ]
    tokenizer = spacy.blank("en").tokenizer
    md = _markdown()

    def parse() -> None:
        for suffix, data in raw:
            text = data.decode("utf-8")
            if suffix == ".md":
                md.parse(text)
            elif suffix in (".html", ".htm"):
                parser = _NoOpHtml()
                parser.feed(text)
                parser.close()

    def tokenize() -> None:
        for para in paragraphs:
            tokenizer(para)

    def both() -> None:
        parse()
        tokenize()

    out: dict[str, float] = {"corpus_mb": size / 1e6}
    for name, fn in (("tokenizer", tokenize), ("parse", parse), ("parse_and_tokenize", both)):
        fn()  # warm: lazily built tables, first-call caches
        cpu = _cpu(fn, args.runs)
        out[f"{name}_cpu_s"] = cpu
        out[f"{name}_mb_per_s"] = size / 1e6 / cpu
    print(json.dumps(out))


if __name__ == "__main__":
    main()
