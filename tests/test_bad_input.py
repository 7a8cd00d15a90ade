"""Bad input never crashes medlint: each case is a one-line error naming the file, or is checked.

Every table row is run through the real command line next to a good article,
so each test also shows that one bad file does not stop the others: the good
article's finding is still printed and the exit code is 2 when an error was
reported. ``tests/test_cli.py`` and ``tests/test_facts_loading.py`` cover the
basic cases (one PNG, one latin-1 file, the common facts mistakes); this file
covers the rest.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import medlint.lint
from medlint.cli import main
from medlint.documents import read_document
from medlint.errors import MedlintError
from medlint.lint import Engine, Options, lint_paths

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Gamunex-C is a 5% solution.\n"
GOOD_FINDING = "good.txt:1:16: error [concentration-contradiction]"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


def run_cli(tmp: Path, *args: str) -> tuple[int, str, str]:
    """``medlint ARGS`` in ``tmp``, in this process (fast), returning (code, stdout, stderr)."""
    cwd = os.getcwd()
    os.chdir(tmp)
    out_path, err_path = tmp / ".out", tmp / ".err"
    try:
        with (
            out_path.open("w", encoding="utf-8") as out,
            err_path.open("w", encoding="utf-8") as err,
        ):
            old = sys.stdout, sys.stderr
            sys.stdout, sys.stderr = out, err
            try:
                code = main(list(args))
            finally:
                sys.stdout, sys.stderr = old
    finally:
        os.chdir(cwd)
    return code, out_path.read_text(encoding="utf-8"), err_path.read_text(encoding="utf-8")


def run_subprocess(tmp: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "medlint", *args],
        capture_output=True,
        text=True,
        cwd=tmp,
        timeout=timeout,
        check=False,
        env=env,
    )


def assert_clean_errors(stderr: str, count: int) -> list[str]:
    """stderr holds exactly ``count`` one-line errors and no traceback."""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == count, stderr
    assert all(line.startswith("medlint: error: ") for line in lines), stderr
    return lines


def _deep_html() -> bytes:
    return ("<div>" * 10_000 + "<p>Gamunex-C is a 5% solution.</p>" + "</div>" * 10_000).encode()


# (file name, bytes, expected stderr fragment after the name, or None when the file is checked)
ARTICLES: list[tuple[str, bytes, str | None]] = [
    ("empty.txt", b"", None),
    ("empty.md", b"", None),
    ("empty.html", b"", None),
    ("blank.md", b"\n \t\n\r\n", None),
    ("only-bom.txt", b"\xef\xbb\xbf", None),
    ("nul.txt", b"Gamunex-C\x00 is 5%", ": binary file"),
    ("image.md", PNG, ": binary file"),
    ("latin1.txt", b"line one\nline two\ncaf\xe9 au lait\n", ":3: not valid UTF-8 (byte 0xe9)"),
    ("cp1252-cr.txt", b"one\rtwo\r\x93quoted\x94\r", ":3: not valid UTF-8 (byte 0x93)"),
    ("truncated.md", b"# Title\n\nends mid-character \xe2\x82", ":3: not valid UTF-8"),
    ("surrogate.html", b"<p>\xed\xa0\x80</p>", ":1: not valid UTF-8"),
    ("utf16-no-bom.txt", "Gamunex-C is 5%\n".encode("utf-16-le"), ": binary file"),
    ("utf16-odd.txt", b"\xff\xfe" + "line\n".encode("utf-16-le") + b"x", ":2: not valid UTF-16"),
    ("utf32.txt", "x".encode("utf-32"), ": UTF-32 text is not supported"),
    ("control-chars.txt", "a\x0b\x0cb\x1c\x85\u2028c\u2029 Gamunex-C is 5%\n".encode(), None),
    ("deep.html", _deep_html(), None),
    ("unclosed.html", b"<div><p>Gamunex-C is a 5% solution.<table><tr><td>Octagam", None),
    ("unclosed-comment.html", b"<p>Privigen is 10%.</p><!-- never closed <p>x", None),
    ("unclosed-script.html", b"<p>a</p><script>var s = '<p>Gamunex-C is 5%</p>';", None),
    ("bad-entities.html", b"<p>&#xFFFFFFFF; &#0; &#xD800; &bogus; &amp &#99999999999;</p>", None),
    ("markup-soup.html", b"<?xml x?><![CDATA[ <p> ]]><!DOCTYPE><a href='<p'>&</a></", None),
    ("front-matter.md", b"---\ntitle: never closed\n\nGamunex-C is a 5% solution.\n", None),
    ("table.md", b"| P | C |\n|---|---|\n" + b"| Gamunex-C | 10% |\n" * 3000, None),
    ("list.md", b"".join(b"- item %d of Privigen\n" % i for i in range(10_000)), None),
    ("blockquotes.md", b">" * 10_000 + b" Gamunex-C is 5%\n", None),
    ("nested-list.md", b"".join(b"  " * i + b"- x\n" for i in range(1000)), None),
    ("brackets.md", b"[" * 1000 + b"Gamunex-C 5%" + b"]" * 1000 + b"(" * 500, None),
    ("emphasis.md", b"*_" * 1000 + b"\n", None),
    ("html-in-md.md", b"<div>" * 5000 + b"\n\nGamunex-C is 5%\n", None),
]


# Sizes that only show robustness at scale: run by ``pytest -m slow`` (the spaCy
# tokenizer is quadratic in long runs of punctuation, so 10,000 brackets take a minute).
SLOW_ARTICLES: list[tuple[str, bytes, str | None]] = [
    ("brackets-10k.md", b"[" * 10_000 + b"Gamunex-C 5%" + b"]" * 10_000 + b"(" * 5000, None),
    ("emphasis-10k.md", b"*_" * 10_000 + b"\n", None),
    ("list-10k.md", b"".join(b"- item %d of Privigen, 10%%\n" % i for i in range(10_000)), None),
]


def slow_run_selected(request: pytest.FixtureRequest) -> None:
    """Skip unless ``-m slow`` was asked for: the default suite stays fast."""
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("minutes-long scale test: run it with `python -m pytest -m slow`")


@pytest.fixture(scope="module")
def engine() -> Engine:
    """One engine for the table (building the spaCy pipeline per case would cost seconds)."""
    return Engine(Options(jobs=1))


def _check_table_row(
    tmp_path: Path, engine: Engine, name: str, data: bytes, error: str | None
) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    result = lint_paths([str(tmp_path)], engine=engine)
    good = [
        (f.line, f.column)
        for f in result.findings
        if f.path.endswith("good.txt") and f.rule == "concentration-contradiction"
    ]
    assert good == [(1, 16)]
    if error is None:
        assert result.errors == []
        assert len(result.files) == 2
        return
    (err,) = result.errors
    line = str(err)
    assert "\n" not in line
    assert line.startswith(f"{tmp_path / name}{error}"), line
    assert len(result.files) == 1


@pytest.mark.parametrize(("name", "data", "error"), ARTICLES, ids=[a[0] for a in ARTICLES])
def test_bad_article_is_an_error_line_or_is_checked(
    tmp_path: Path, engine: Engine, name: str, data: bytes, error: str | None
) -> None:
    _check_table_row(tmp_path, engine, name, data, error)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "data", "error"), SLOW_ARTICLES, ids=[a[0] for a in SLOW_ARTICLES]
)
def test_pathological_markdown_at_full_size(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    engine: Engine,
    name: str,
    data: bytes,
    error: str | None,
) -> None:
    slow_run_selected(request)
    _check_table_row(tmp_path, engine, name, data, error)


def test_every_bad_article_at_once_through_the_real_cli(tmp_path: Path) -> None:
    """One process, all the table's files: an error line each, the good finding on stdout."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, data, _ in ARTICLES:
        (tmp_path / name).write_bytes(data)
    proc = run_subprocess(tmp_path, "check", ".", timeout=300)
    expected = sorted(f"medlint: error: {n}{e}" for n, _, e in ARTICLES if e is not None)
    lines = assert_clean_errors(proc.stderr, len(expected))
    for line, prefix in zip(sorted(lines), expected, strict=True):
        assert line.startswith(prefix)
    assert GOOD_FINDING in proc.stdout
    assert (
        proc.stdout.rstrip()
        .splitlines()[-1]
        .endswith(f"({len(expected)} file(s) could not be checked)")
    )
    assert proc.returncode == 2


def test_utf16_with_bom_is_read_like_utf8_with_bom(tmp_path: Path) -> None:
    """UTF-16 (what Windows editors save as "Unicode") is decoded; the BOM counts as column 1."""
    text = "Gamunex-C is a 5% solution.\r\n\r\nPrivigen is made by Grifols.\r\n"
    (tmp_path / "le.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    (tmp_path / "u8.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, err = run_cli(tmp_path, "check", "--format", "json", ".")
    assert err == "" and code == 1
    by_path: dict[str, list[tuple[int, int, str]]] = {}
    for f in json.loads(out)["findings"]:
        by_path.setdefault(f["path"], []).append((f["line"], f["column"], f["rule"]))
    assert by_path["le.txt"] == by_path["be.txt"] == by_path["u8.txt"]
    assert (1, 17, "concentration-contradiction") in by_path["le.txt"]


def test_fix_never_rewrites_a_utf16_file(tmp_path: Path) -> None:
    """--fix writes UTF-8 only, so a UTF-16 file is refused for fixing and left byte-identical."""
    from medlint.lint import decode

    data = b"\xff\xfe" + "Gamunex-C is a 5% solution.\n".encode("utf-16-le")
    with pytest.raises(MedlintError, match="UTF-16"):
        decode(data, "a.txt")
    assert decode(data, "a.txt", utf16=True).startswith("\ufeffGamunex-C")
    (tmp_path / "a.txt").write_bytes(data)
    code, _, err = run_cli(tmp_path, "check", "--fix", "a.txt")
    assert "Traceback" not in err
    assert (tmp_path / "a.txt").read_bytes() == data
    assert code in (1, 2)


# -- positions survive BOMs and every line ending ------------------------------------------

POSITION_ARTICLES = {
    "txt": "Gamunex-C is a 5% solution.\n\nIVIG basics\n\n"
    "Privigen is a 5% liquid made by Grifols.\n"
    "\n- Gamunex-C: 5% concentration\n",
    "md": "Gamunex-C is a 5% solution.\n\n# IVIG basics\n\n"
    "Privigen is a 5% liquid made by Grifols.\n\n- Gamunex-C: 5% concentration\n\n"
    "| Product | Concentration |\n|---|---|\n| Privigen | 5% |\n",
    "html": "<p>Gamunex-C is a 5% solution.</p>\n<h2>IVIG basics</h2>\n<p>Privigen is a 5% liquid\n"
    "made by Grifols.</p>\n<ul>\n<li>Gamunex-C: 5% concentration</li>\n</ul>\n",
}


def _positions(engine: Engine, path: Path) -> list[tuple[str, int, int, int, int]]:
    result = lint_paths([str(path)], engine=engine)
    assert not result.errors
    doc = result.documents.get(str(path)) or next(iter(result.documents.values()))
    starts = doc.line_starts
    out = []
    for f in result.findings:
        # The reported line/column is where the matched text really is in the file.
        offset = starts[f.line - 1] + f.column - 1
        end = starts[f.end_line - 1] + f.end_column - 1
        assert (offset, end) == (f.start, f.end)
        if f.matched_text and f.rule != "references-missing":
            assert doc.source[f.start : f.end] == f.matched_text
        out.append((f.rule, f.line, f.column, f.end_line, f.end_column))
    return out


@pytest.mark.parametrize("ext", sorted(POSITION_ARTICLES))
@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_keep_positions(tmp_path: Path, engine: Engine, ext: str, ending: str) -> None:
    text = POSITION_ARTICLES[ext]
    lf = tmp_path / f"lf.{ext}"
    other = tmp_path / f"other.{ext}"
    lf.write_bytes(text.encode())
    other.write_bytes(text.replace("\n", ending).encode())
    expected = _positions(engine, lf)
    assert len(expected) >= 4
    assert _positions(engine, other) == expected


@pytest.mark.parametrize("ext", sorted(POSITION_ARTICLES))
def test_utf8_bom_counts_as_column_one_of_line_one(
    tmp_path: Path, engine: Engine, ext: str
) -> None:
    """The README's contract: a BOM is column 1 of line 1, so line 1 shifts by one, nothing else."""
    text = POSITION_ARTICLES[ext]
    plain = tmp_path / f"plain.{ext}"
    bom = tmp_path / f"bom.{ext}"
    plain.write_bytes(text.encode())
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode())
    shifted = [
        (r, ln, c + 1 if ln == 1 else c, el, ec + 1 if el == 1 else ec)
        for r, ln, c, el, ec in _positions(engine, plain)
    ]
    assert any(p[1] == 1 for p in shifted)
    assert _positions(engine, bom) == shifted


# -- files that change under medlint's feet -------------------------------------------------


def test_file_deleted_between_discovery_and_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "vanishing.txt").write_text(GOOD, encoding="utf-8")
    real = medlint.lint.discover

    def discover_then_delete(*args: object, **kwargs: object) -> tuple[list[str], list[object]]:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        (tmp_path / "vanishing.txt").unlink()
        return found  # type: ignore[return-value]

    monkeypatch.setattr(medlint.lint, "discover", discover_then_delete)
    code, out, err = run_cli(tmp_path, "check", "--jobs", "1", ".")
    assert assert_clean_errors(err, 1) == ["medlint: error: vanishing.txt: file not found"]
    assert GOOD_FINDING in out
    assert code == 2


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root (the test user here), so open() is made to refuse."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(medlint.lint, "open", guarded_open, raising=False)
    code, out, err = run_cli(tmp_path, "check", "--jobs", "1", ".")
    assert assert_clean_errors(err, 1) == ["medlint: error: locked.txt: permission denied"]
    assert GOOD_FINDING in out
    assert code == 2


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read mode-000 files"
)
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        code, _, err = run_cli(tmp_path, "check", ".")
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert assert_clean_errors(err, 1) == ["medlint: error: locked.txt: permission denied"]
    assert code == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_named_like_an_article_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    proc = run_subprocess(tmp_path, "check", ".", timeout=120)
    assert assert_clean_errors(proc.stderr, 1) == ["medlint: error: pipe.txt: not a regular file"]
    assert GOOD_FINDING in proc.stdout
    assert proc.returncode == 2


def test_symlink_loops_terminate_without_duplicates(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    (docs / "sub" / "more.txt").write_text(GOOD, encoding="utf-8")
    (docs / "sub" / "loop").symlink_to(docs, target_is_directory=True)  # docs/sub/loop -> docs
    (docs / "alias").symlink_to(docs / "sub", target_is_directory=True)  # a second way in
    (tmp_path / "a").symlink_to(tmp_path / "b", target_is_directory=True)  # a -> b -> a
    (tmp_path / "b").symlink_to(tmp_path / "a", target_is_directory=True)
    files, errors = medlint.lint.discover([str(docs)])
    assert len(files) == 2 and len(set(files)) == 2, files
    assert not errors
    code, out, err = run_cli(tmp_path, "check", "--format", "json", ".", "docs", "docs/good.txt")
    assert "Traceback" not in err
    paths = [
        f["path"] for f in json.loads(out)["findings"] if f["rule"] == "concentration-contradiction"
    ]
    assert len(paths) == len(set(paths)) == 2, paths
    assert code in (1, 2)


def test_dangling_symlink_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    code, out, err = run_cli(tmp_path, "check", ".")
    assert assert_clean_errors(err, 1) == ["medlint: error: gone.md: file not found"]
    assert GOOD_FINDING in out and code == 2


def test_missing_path_argument_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli(tmp_path, "check", "good.txt", "missing.md")
    assert assert_clean_errors(err, 1) == ["medlint: error: missing.md: no such file or directory"]
    assert GOOD_FINDING in out and code == 2


# -- facts files ------------------------------------------------------------------------------

FACTS_HEAD = "version: 1\nsources:\n  S1: {title: Label, url: 'https://example.org'}\n"
# "Billion laughs": eight levels of ten aliases each expand to 10^8 strings.
BOMB = (
    FACTS_HEAD
    + "anchors:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"  {n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
        for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    + "products:\n  p:\n    name: P\n    sources: [S1]\n    aliases: *h\n"
)

FACTS: list[tuple[str, bytes, str]] = [
    ("empty", b"", ":1: a facts file must be a YAML mapping"),
    ("list", b"- a\n- b\n", ":1: a facts file must be a YAML mapping"),
    ("binary", PNG, ": "),
    ("latin1", b"version: 1\n# caf\xe9\n", ": "),
    ("tab-indent", b"version: 1\n\tsources: {}\n", ":2: YAML error"),
    ("two-documents", b"version: 1\n---\nversion: 1\n", ":2: YAML error"),
    ("deep-nesting", b"[" * 5000 + b"]" * 5000, ": YAML nested too deeply"),
    ("unclosed-nesting", b"[" * 5000, ":1: YAML error"),
    ("non-scalar-key", b"? [a, b]\n: c\n", ":1: mapping key is not a scalar"),
    ("python-name-tag", b"version: !!python/name:os.system\n", ":1: YAML error: tag not allowed"),
    (
        "python-apply-tag",
        b"version: 1\nx: !!python/object/apply:os.system ['true']\n",
        ":2: YAML error: tag",
    ),
    ("alias-bomb", BOMB.encode(), ":1: YAML aliases expand the file by more than"),
    ("control-char", b"version: 1\nx: \x08\n", ":2: YAML error: control character #x0008"),
    ("recursive-alias", b"a: &a [1, *a]\n", ":1: YAML alias refers to itself"),
    (
        "nan-value",
        (
            FACTS_HEAD + "products:\n  p: {name: P, sources: [S1], concentration: "
            "{values: [.nan], sources: [S1]}}\n"
        ).encode(),
        ":5: products.p.concentration",
    ),
    ("huge-int", b"version: 99999999999999999999999999\n", ":1: "),
    ("unknown-top-key", (FACTS_HEAD + "colour: red\n").encode(), ":4: "),
    (
        "duplicate-source",
        (FACTS_HEAD + "  S1: {title: Again}\n").encode(),
        ":4: duplicate key 'S1'",
    ),
]


@pytest.mark.parametrize(("name", "data", "error"), FACTS, ids=[f[0] for f in FACTS])
def test_bad_facts_file_is_one_line(tmp_path: Path, name: str, data: bytes, error: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "facts.yaml").write_bytes(data)
    for args in (
        ["facts", "validate", "facts.yaml"],
        ["check", "--facts", "facts.yaml", "good.txt"],
    ):
        code, out, err = run_cli(tmp_path, *args)
        (line,) = assert_clean_errors(err, 1)
        assert line.startswith(f"medlint: error: facts.yaml{error}"), line
        assert code == 2 and out == ""


def test_python_object_tag_is_refused_before_anything_runs(tmp_path: Path) -> None:
    """A tag that would call os.system under an unsafe loader runs nothing: no marker file."""
    marker = tmp_path / "pwned"
    (tmp_path / "facts.yaml").write_text(
        f"version: 1\nx: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    proc = run_subprocess(tmp_path, "facts", "validate", "facts.yaml")
    assert proc.returncode == 2
    assert_clean_errors(proc.stderr, 1)
    assert not marker.exists()


# -- rule files -------------------------------------------------------------------------------

RULE = """\
id: house-miracle
name: Miracle cure
kind: pattern
category: style
severity: warning
summary: No miracle cures.
message: "avoid '{match}'"
parameters: {pattern: "miracle cure"}
"""


def _rule(old: str, new: str) -> bytes:
    assert old in RULE
    return RULE.replace(old, new, 1).encode()


RULES: list[tuple[str, bytes, str]] = [
    (
        "regex-syntax",
        _rule('"miracle cure"', '"miracle (cure"'),
        ":8: parameters: pattern does not compile",
    ),
    (
        "lookbehind",
        _rule('"miracle cure"', '"(?<!no )miracle"'),
        ":8: parameters: pattern cannot run",
    ),
    (
        "backreference",
        _rule('"miracle cure"', '"(miracle) \\\\1"'),
        ":8: parameters: pattern cannot run",
    ),
    ("empty-pattern", _rule('"miracle cure"', '""'), ":8: "),
    (
        "unknown-kind",
        _rule("kind: pattern", "kind: telepathy"),
        ":3: unknown rule kind 'telepathy'",
    ),
    ("unknown-key", _rule("summary:", "colour: red\nsummary:"), ":"),
    ("wrong-type", _rule("severity: warning", "severity: [warning]"), ":5: severity"),
    (
        "duplicate-key",
        _rule("severity: warning", "severity: warning\nseverity: error"),
        ":6: duplicate key",
    ),
    (
        "python-tag",
        _rule("severity: warning", "severity: !!python/object:os.system {}"),
        ":5: YAML error",
    ),
    ("syntax", _rule("summary: No miracle cures.", "summary: [unclosed"), ":"),
    ("stray-brace", _rule("'{match}'", "'{match'"), ":7: message: expected '}'"),
    ("attribute-access", _rule("'{match}'", "'{match.__class__}'"), ":7: message: placeholder"),
    ("positional", _rule("'{match}'", "'{0}'"), ":7: message: placeholder '{0}'"),
    ("empty", b"", ":1: a rule file must be a YAML mapping"),
    (
        "no-parameters",
        _rule('parameters: {pattern: "miracle cure"}\n', ""),
        ":1: parameters: pattern",
    ),
    (
        "latin1",
        _rule("cures.", "cur\xe9s.").replace(b"\xc3\xa9", b"\xe9"),
        ": cannot read rule file",
    ),
]


@pytest.mark.parametrize(("name", "data", "error"), RULES, ids=[r[0] for r in RULES])
def test_bad_rule_file_is_one_line(tmp_path: Path, name: str, data: bytes, error: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_bytes(data)
    code, out, err = run_cli(tmp_path, "check", "--rules", "rules", "good.txt")
    (line,) = assert_clean_errors(err, 1)
    assert line.startswith(f"medlint: error: rules/house.yaml{error}"), line
    assert code == 2 and out == ""


def test_fact_rule_naming_an_unknown_attribute(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "colour.yaml").write_text(
        "id: colour-contradiction\nname: Colour\nkind: fact-contradiction\n"
        "category: contradiction\n"
        "severity: error\nsummary: x\nmessage: '{found}'\nparameters: {attribute: colour}\n",
        encoding="utf-8",
    )
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run_cli(tmp_path, "check", "--rules", "rules", "good.txt")
    (line,) = assert_clean_errors(err, 1)
    assert line.startswith("medlint: error: rules/colour.yaml:8: parameters:"), line
    assert "colour" in line and code == 2


def test_rules_path_that_is_not_a_directory(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run_cli(tmp_path, "check", "--rules", "good.txt", "good.txt")
    (line,) = assert_clean_errors(err, 1)
    assert line.startswith("medlint: error: good.txt: rules directory not found")
    assert code == 2


def test_catastrophic_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    """``(a+)+$`` on 'aaa…ab' takes 2^n steps with re; RE2 answers at once (the timeout guards)."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_bytes(
        _rule('"miracle cure"', '"(a+)+$"').replace(
            b"\"avoid '{match}'\"", b"'too many a: {match}'"
        )
    )
    (tmp_path / "a.txt").write_text("a" * 5000 + "b\n\n" + "a" * 40 + "\n", encoding="utf-8")
    proc = run_subprocess(
        tmp_path, "check", "--rules", "rules", "--select", "house-miracle", "a.txt", timeout=120
    )
    assert proc.stderr == ""
    # The first paragraph ends in 'b' (no match); the second is all a's (one match, at 3:1).
    lines = [ln for ln in proc.stdout.splitlines() if "[house-miracle]" in ln]
    assert lines == ["a.txt:3:1: warning [house-miracle] too many a: " + "a" * 40]
    assert proc.returncode == 0


def test_bad_format_spec_in_message_does_not_crash_rendering(tmp_path: Path) -> None:
    """``{match:d}`` is valid template syntax but fails on text: the template is printed as is."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_bytes(
        _rule("\"avoid '{match}'\"", "'count {match:d}'")
    )
    (tmp_path / "a.txt").write_text("A miracle cure.\n", encoding="utf-8")
    code, out, err = run_cli(
        tmp_path, "check", "--rules", "rules", "--select", "house-miracle", "a.txt"
    )
    assert err == ""
    assert "a.txt:1:3: warning [house-miracle] count {match:d}" in out
    assert code == 0


# -- large inputs -----------------------------------------------------------------------------

_PEAK_RSS = """
import resource, subprocess, sys
cmd = [sys.executable, "-m", "medlint", *sys.argv[1:]]
proc = subprocess.run(cmd, capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(proc.returncode, peak, len(proc.stdout.splitlines()), repr(proc.stderr))
"""


def _check_with_peak_rss(tmp: Path, *args: str, timeout: float) -> tuple[int, int, int, str]:
    """Exit code, peak RSS (MiB), output lines and stderr of ``medlint ARGS`` in a fresh process."""
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, *args],
        capture_output=True,
        text=True,
        cwd=tmp,
        timeout=timeout,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    code, peak, lines, stderr = proc.stdout.split(" ", 3)
    return int(code), int(peak), int(lines), stderr.strip()


def _seed_prose() -> str:
    return (ROOT / "fixtures" / "seeds" / "ivig-dermatomyositis.txt").read_text(encoding="utf-8")


def test_one_megabyte_single_line(tmp_path: Path) -> None:
    """A whole article on one 1 MB line: finishes, reports, and stays within a bounded memory."""
    prose = _seed_prose().replace("\n", " ")
    line = (prose * (1_000_000 // len(prose) + 1))[:1_000_000]
    (tmp_path / "one-line.txt").write_text(line + "\n", encoding="utf-8")
    code, peak, lines, stderr = _check_with_peak_rss(tmp_path, "check", "one-line.txt", timeout=300)
    assert stderr == "''"
    assert code == 1 and lines > 100
    assert peak < 1024, f"peak RSS {peak} MiB"


@pytest.mark.slow
@pytest.mark.parametrize("ext", ["md", "html"])
def test_one_megabyte_single_line_structured(
    request: pytest.FixtureRequest, tmp_path: Path, ext: str
) -> None:
    slow_run_selected(request)
    prose = _seed_prose().replace("\n", " ")
    line = (prose * (1_000_000 // len(prose) + 1))[:1_000_000]
    (tmp_path / f"one-line.{ext}").write_text(line + "\n", encoding="utf-8")
    code, peak, lines, stderr = _check_with_peak_rss(
        tmp_path, "check", f"one-line.{ext}", timeout=600
    )
    assert stderr == "''" and code == 1 and lines > 100
    assert peak < 1024, f"peak RSS {peak} MiB"


@pytest.mark.slow
def test_fifty_megabyte_article(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """50 MB of prose (≈8,000 copies of a seed article). Measured: 85 s, 1.9 GiB peak RSS."""
    slow_run_selected(request)
    prose = _seed_prose() + "\n\n"
    copies = 50 * 1024 * 1024 // len(prose.encode()) + 1
    (tmp_path / "huge.txt").write_text(prose * copies, encoding="utf-8")
    code, peak, _, stderr = _check_with_peak_rss(
        tmp_path, "check", "--format", "json", "-o", "report.json", "huge.txt", timeout=1800
    )
    assert stderr == "''" and code == 1
    summary = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["summary"]
    assert summary["files"] == 1 and summary["findings"] > copies
    assert peak < 6 * 1024, f"peak RSS {peak} MiB"


def test_file_over_the_size_limit_is_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "big.txt").write_text("x" * 2048, encoding="utf-8")
    monkeypatch.setattr(medlint.lint, "MAX_FILE_BYTES", 1024)
    code, out, err = run_cli(tmp_path, "check", "--jobs", "1", ".")
    assert assert_clean_errors(err, 1)[0].startswith("medlint: error: big.txt: file is larger than")
    assert GOOD_FINDING in out and code == 2


def test_a_file_that_grows_after_the_stat_is_read_whole_and_still_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """read_bytes asks for the size stat gave; a file longer by then is read on, to the limit."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"y" * 900)
    real_stat = os.stat

    def shrunk(p: object, *args: object, **kwargs: object) -> os.stat_result:
        st = real_stat(p)  # type: ignore[arg-type]
        fields = list(st)
        fields[6] = 10  # st_size as it was before the file grew
        return os.stat_result(fields)

    monkeypatch.setattr(medlint.lint.os, "stat", shrunk)
    assert medlint.lint.read_bytes(str(path)) == b"y" * 900
    monkeypatch.setattr(medlint.lint, "MAX_FILE_BYTES", 500)
    with pytest.raises(MedlintError, match="file is larger than"):
        medlint.lint.read_bytes(str(path))


def test_read_document_accepts_any_decoded_text() -> None:
    """The Python API takes str directly: lone surrogates and NULs do not break the readers."""
    for fmt in ("text", "markdown", "html"):
        doc = read_document(f"a.{fmt}", "Gamunex-C\ud800 is 5%\x00\r\n", fmt)
        assert doc.source.startswith("Gamunex-C")


# -- fixes never lose what the user wrote ------------------------------------------------------


def _temp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".medlint-"))


@pytest.mark.parametrize(
    ("target", "exc"),
    [("replace", OSError(28, "No space left on device")), ("fsync", KeyboardInterrupt())],
    ids=["replace-fails", "interrupted-before-rename"],
)
def test_atomic_write_interrupted_keeps_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, exc: BaseException
) -> None:
    import medlint.fileio

    original = b"Gamunex C is a 10% solution.\r\nSecond line.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(original)

    def fail(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr(f"medlint.fileio.os.{target}", fail)
    with pytest.raises(type(exc)):
        medlint.fileio.atomic_write(str(path), "something else entirely")
    assert path.read_bytes() == original
    assert _temp_files(tmp_path) == []


def test_fix_whose_write_fails_leaves_the_article_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    original = b"Gamunex C is a 10% solution.\r\n\r\nIt is given into a vein.\r\n"
    (tmp_path / "a.txt").write_bytes(original)

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("medlint.fileio.os.replace", no_space)
    code, out, err = run_cli(tmp_path, "check", "--fix", "--jobs", "1", "a.txt")
    assert "Traceback" not in err
    assert "medlint: error: a.txt: cannot write fixed file: No space left on device\n" in err
    assert (tmp_path / "a.txt").read_bytes() == original
    assert _temp_files(tmp_path) == []
    assert "a.txt:1:1: warning [product-name-spelling]" in out  # still reported: not fixed
    assert code == 2


def test_failed_fix_is_not_reported_as_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    (tmp_path / "a.txt").write_bytes(b"Gamunex C is a 10% solution.\n")

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("medlint.fileio.os.replace", no_space)
    _, _, err = run_cli(tmp_path, "check", "--fix", "--jobs", "1", "a.txt")
    assert "fixed 1 finding" not in err


def test_fix_writes_only_the_fixed_span(tmp_path: Path) -> None:
    """Line endings, the BOM and every other byte survive a real --fix."""
    original = b"\xef\xbb\xbfGamunex C is a 10% solution.\r\n\r\nOther text\rstays.\n"
    (tmp_path / "a.txt").write_bytes(original)
    code, _, err = run_cli(tmp_path, "check", "--fix", "--jobs", "1", "a.txt")
    assert "Traceback" not in err
    assert (tmp_path / "a.txt").read_bytes() == original.replace(b"Gamunex C", b"Gamunex-C")
    assert _temp_files(tmp_path) == []
    assert code == 0


def test_ctrl_c_exits_130_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(medlint.lint, "lint_paths", interrupted)
    code, out, err = run_cli(tmp_path, "check", "good.txt")
    assert (code, out, err) == (130, "", "medlint: interrupted\n")


def test_lone_surrogates_in_lint_text_keep_positions() -> None:
    """A Python string may hold lone surrogates (UTF-8 cannot encode them): same findings."""
    clean = "Gamunex-C is a 5% solution \ufffd. Studies have shown it works \ufffd."
    odd = "Gamunex-C is a 5% solution \udcff. Studies have shown it works \ud800."
    engine = Engine(Options(jobs=1))
    expected = [
        (f.rule, f.start, f.end) for f in medlint.lint.lint_text(clean, "a.txt", engine=engine)
    ]
    found = [(f.rule, f.start, f.end) for f in medlint.lint.lint_text(odd, "a.txt", engine=engine)]
    assert ("citation-needed", 30, 48) in expected
    assert ("concentration-contradiction", 15, 17) in expected
    assert found == expected


@pytest.mark.parametrize("tolerance", ["2", "-0.1", "lots"])
def test_a_dose_arithmetic_rule_with_a_bad_tolerance_is_refused(
    tmp_path: Path, tolerance: str
) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "sums.yaml").write_text(
        "id: house-sums\nname: Sums\nkind: dose-arithmetic\ncategory: contradiction\n"
        "severity: warning\nsummary: x\nmessage: '{found}'\n"
        f"parameters: {{tolerance: {tolerance}}}\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(tmp_path, "check", "--rules", "rules", "good.txt")
    (line,) = assert_clean_errors(err, 1)
    assert line.startswith("medlint: error: rules/sums.yaml:"), line
    assert "tolerance must be a number from 0 to 1" in line
    assert code == 2 and out == ""
