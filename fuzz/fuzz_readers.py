"""Coverage-guided fuzzing of everything that reads user input (atheris / libFuzzer).

The test suite's hypothesis properties (``tests/test_fuzz.py``) try a few
hundred inputs per run; this harness runs the same properties for as long as
you like, guided by coverage, starting from the repository's fixtures. The
first input byte chooses the target:

- 0-2: decode the bytes like an article file, read them as text, Markdown or
  HTML, run every rule, and check each finding's position against the source;
- 3: the quantity parser (never raises, spans exact);
- 4-5: the YAML loaders for facts and rule files (load, or a one-line
  :class:`MedlintError`; any other exception is a bug).

Run (atheris is a dev tool, not a dependency: ``pip install atheris``)::

    python fuzz/fuzz_readers.py -atheris_runs=20000 -max_len=4096 fuzz/corpus

A crash prints the input and writes it to ``crash-*``; add it to the table in
``tests/test_bad_input.py`` once fixed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(include=["medlint"]):
    from medlint.documents import read_document
    from medlint.errors import MedlintError
    from medlint.facts import load_facts
    from medlint.lint import Engine, Options, decode, lint_documents
    from medlint.quantities import find_quantities
    from medlint.rules import load_rule

FORMATS = ("text", "markdown", "html")
ENGINE = Engine(Options(jobs=1))
TMP = Path(tempfile.mkdtemp(prefix="medlint-fuzz-"))


def _article(data: bytes, fmt: str) -> None:
    try:
        source = decode(data, "fuzz", utf16=True)
    except MedlintError as exc:
        assert "\n" not in str(exc)
        return
    doc = read_document(f"fuzz.{fmt}", source, fmt)
    for f in lint_documents(ENGINE, [doc]):
        assert 0 <= f.start <= f.end <= len(source), f
        assert (f.line, f.column) == doc.position(f.start), f
        assert (f.end_line, f.end_column) == doc.position(f.end), f
        offset = doc.line_starts[f.line - 1] + f.column - 1
        assert source[offset : offset + len(f.matched_text)] == f.matched_text, f


def _quantities(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    end = 0
    for q in find_quantities(text):
        assert end <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text, q
        end = q.end


def _yaml(data: bytes, rule: bool) -> None:
    path = TMP / ("rule.yaml" if rule else "facts.yaml")
    path.write_bytes(data)
    try:
        if rule:
            load_rule(path)
        else:
            load_facts([str(path)])
    except MedlintError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path)), str(exc)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    target, body = data[0] % 6, data[1:]
    if target < 3:
        _article(body, FORMATS[target])
    elif target == 3:
        _quantities(body)
    else:
        _yaml(body, rule=target == 5)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
