"""Findings spooled to disk (``medlint.store``) give exactly what the all-in-memory path gives.

``lint_paths`` no longer keeps every finding in memory: each article's
findings are pickled to a temporary file and a :class:`FindingStore` rebuilds
the sorted, fingerprinted, suppressed list path by path whenever it is read.
These tests hold it to the list it replaces: same findings, same report bytes
in every format (the streamed ones against their old one-string rendering),
the same on a second read, and no spool left behind, even after an interrupt.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from medlint.baseline import apply_baseline, render_baseline, write_baseline
from medlint.cli import main
from medlint.fileio import atomic_write
from medlint.lint import Engine, LintResult, discover, lint_documents, lint_paths, read_file
from medlint.model import Finding
from medlint.report import FORMATS, ReportContext, get_reporter, get_streamer, summary
from medlint.report.json_format import finding_dict
from medlint.store import FindingStore, Spool
from tests.generated import generate_corpus

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
STREAMED = ("text", "json", "json-lines", "github", "gitlab")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated articles plus one with suppressions (used and unused) and two that disagree."""
    out = generate_corpus(tmp_path_factory.mktemp("store-corpus"), 60)
    (out / "suppressed.txt").write_text(
        "Intro.\n\n"
        "<!-- medlint-disable-next-line concentration-contradiction -- checked -->\n"
        "Gamunex-C is a 5% liquid immunoglobulin.\n\n"
        "<!-- medlint-disable-next-line citation-needed -- never used -->\n"
        "Nothing to see here.\n",
        encoding="utf-8",
    )
    for name, dose in (("zz-a.txt", "2g/kg"), ("zz-b.txt", "1 g/kg")):
        (out / name).write_text(
            f"Treatment\n\nStandard protocols often involve {dose} body weight divided over "
            "2-5 consecutive days, with cycles repeated monthly.\n",
            encoding="utf-8",
        )
    return out


@pytest.fixture(scope="module", params=["fixtures", "corpus"])
def root(request: pytest.FixtureRequest, corpus: Path) -> Path:
    return FIXTURES if request.param == "fixtures" else corpus


def _in_memory(engine: Engine, root: Path) -> LintResult:
    """Every article read, analysed, finalized and suppressed at once: the reference."""
    files, _ = discover([str(root)])
    docs = [read_file(p) for p in files]
    return LintResult(
        findings=lint_documents(engine, docs), files=files, documents={d.path: d for d in docs}
    )


def _old_json(result: LintResult) -> str:
    """``--format json`` as it was rendered before it streamed: one ``json.dumps``."""
    payload = {
        "version": 1,
        "findings": [
            finding_dict(f) for f in result.findings if not f.suppressed and not f.baselined
        ],
        "summary": summary(result),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def test_spooled_findings_equal_the_in_memory_ones(engine: Engine, root: Path) -> None:
    reference = _in_memory(engine, root)
    result = lint_paths([str(root)], engine=engine)
    assert isinstance(result.findings, FindingStore)
    assert reference.findings and result.findings == reference.findings
    assert len(result.findings) == len(reference.findings)
    assert any(f.suppressed for f in result.findings)
    assert {"suppression-unused"} <= {f.rule for f in result.findings}


def test_every_format_gives_the_same_bytes_spooled_and_in_memory(
    engine: Engine, root: Path
) -> None:
    reference = _in_memory(engine, root)
    result = lint_paths([str(root)], engine=engine)
    ctx = ReportContext(rules={r.id: r for r in engine.rules})
    for fmt in FORMATS:
        expected = get_reporter(fmt)(reference, ctx)
        assert get_reporter(fmt)(result, ctx) == expected, fmt
        assert "".join(get_streamer(fmt)(result, ctx)) == expected, fmt
    assert get_reporter("json")(result, ctx) == _old_json(reference)


def test_the_json_stream_is_one_json_dumps_in_edge_cases() -> None:
    """Empty lists, unicode, newlines and quotes inside strings, related sites, a fix."""
    from medlint.model import Fix, Related
    from medlint.report.gitlab import issue

    odd = Finding(
        rule="r",
        name="N",
        severity="error",
        category="citation",
        path="ä b.md",
        line=1,
        column=1,
        end_line=2,
        end_column=3,
        message='line one\nline "two"\t\u2028 µg',
        sources=[{"id": "S", "title": "T\n", "url": "u"}],
        related=[Related("x.md", 1, 2, "5%")],
        related_total=30,
        fix=Fix(0, 1, "y"),
    )
    ctx = ReportContext()
    for result in (
        LintResult(),
        LintResult(findings=[odd], files=["ä b.md"]),
        LintResult(findings=[odd, odd], files=["ä b.md"]),
    ):
        assert get_reporter("json")(result, ctx) == _old_json(result)
        listed = [issue(f) for f in result.findings]
        assert get_reporter("gitlab")(result, ctx) == (
            json.dumps(listed, indent=2, ensure_ascii=False) + "\n"
        )


def test_reading_the_store_twice_gives_the_same_findings(engine: Engine, corpus: Path) -> None:
    result = lint_paths([str(corpus)], engine=engine)
    first = list(result.findings)
    # Mutating what one read returned does not leak into the next read.
    for f in first:
        f.suppressed, f.fingerprint = "tampered", ""
    second = list(result.findings)
    assert second == list(result.findings) == _in_memory(engine, corpus).findings
    assert second[0] == result.findings[0] and second[-1] == result.findings[-1]
    assert second[len(second) // 2] == result.findings[len(second) // 2]
    assert second[3:9] == result.findings[3:9]
    with pytest.raises(IndexError):
        result.findings[len(second)]


def test_the_store_applies_a_baseline_as_the_list_does(engine: Engine, corpus: Path) -> None:
    reference = _in_memory(engine, corpus).findings
    known = Counter(f.fingerprint for f in reference[::3])
    known[reference[1].fingerprint] += 2  # more recorded than found: matches once
    result = lint_paths([str(corpus)], engine=engine)
    assert apply_baseline(result.findings, known) == apply_baseline(reference, known) > 0
    assert list(result.findings) == reference
    assert list(result.findings) == reference  # and again on the next read


def _old_baseline(findings: list[Finding]) -> str:
    """The baseline file as it was rendered before it streamed: one ``json.dumps``."""
    entries = [
        {
            "rule": f.rule,
            "path": f.path,
            "fingerprint": f.fingerprint,
            "line": f.line,
            "message": f.message,
        }
        for f in sorted(findings, key=lambda f: (*f.sort_key(), f.fingerprint))
        if not f.suppressed
    ]
    payload = {"version": 1, "tool": "medlint", "findings": entries}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def test_a_baseline_written_from_the_store_is_the_old_file(
    engine: Engine, root: Path, tmp_path: Path
) -> None:
    reference = list(_in_memory(engine, root).findings)
    expected = _old_baseline(reference)
    assert render_baseline(reference) == expected
    assert render_baseline([]) == _old_baseline([])
    result = lint_paths([str(root)], engine=engine)
    assert render_baseline(result.findings) == expected
    target = tmp_path / "baseline.json"
    count = write_baseline(str(target), result.findings)
    assert target.read_text(encoding="utf-8") == expected
    assert count == sum(1 for f in reference if not f.suppressed)


def test_the_spool_is_closed_at_the_end_and_leaves_no_file(
    engine: Engine, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = _record_spools(monkeypatch)
    store = lint_paths([str(corpus)], engine=engine).findings
    assert isinstance(store, FindingStore)
    with store:
        assert len(store) > 0
        assert not made[0].closed
    assert made[0].closed
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="closed"):
        list(store)


def test_an_interrupted_run_closes_its_spool(
    engine: Engine, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _record_spools(monkeypatch)

    def interrupt(done: int, total: int) -> None:
        if done == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        lint_paths([str(corpus)], engine=engine, progress=interrupt)
    assert len(made) == 1 and made[0].closed


def test_the_cli_closes_its_spool(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _record_spools(monkeypatch)
    main(["check", "--jobs", "1", "--format", "json", "-o", str(tmp_path / "o.json"), str(corpus)])
    assert made and all(s.closed for s in made)


def _record_spools(monkeypatch: pytest.MonkeyPatch) -> list[Spool]:
    made: list[Spool] = []

    class Recording(Spool):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr("medlint.parallel.Spool", Recording)
    return made


@pytest.mark.parametrize("fmt", STREAMED)
def test_streamed_formats_are_byte_identical_for_jobs_1_and_2(
    corpus: Path, tmp_path: Path, fmt: str
) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"{jobs}.out"
        args = ["check", "--format", fmt, "--fail-on", "never", "--jobs", jobs]
        assert main([*args, "-o", str(out), str(corpus)]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] and outputs[0] == outputs[1]


def test_atomic_write_takes_chunks_and_an_interrupted_stream_keeps_the_original(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.json"
    atomic_write(str(target), iter(["a", "b\n", "c"]))
    assert target.read_text() == "ab\nc"

    def broken() -> Iterator[str]:
        yield "partial"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(str(target), broken())
    assert target.read_text() == "ab\nc"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_finding_pickles_every_field() -> None:
    """``Finding.__reduce__`` pickles the fields in order: each one survives, none is
    dropped when a field is added."""
    import dataclasses
    import pickle

    from medlint.model import Finding, Fix, Related

    values: dict[str, object] = {}
    for i, f in enumerate(dataclasses.fields(Finding)):
        if f.name == "related":
            values[f.name] = [Related("b.md", 2, 3, "5%")]
        elif f.name == "fix":
            values[f.name] = Fix(1, 2, "10%")
        elif f.name == "sources":
            values[f.name] = [{"id": "pi", "title": "Label"}]
        elif f.type in ("int", int):
            values[f.name] = 100 + i
        elif f.type in ("bool", bool):
            values[f.name] = True
        else:
            values[f.name] = f"value {i}"
    finding = Finding(**values)  # type: ignore[arg-type]
    again = pickle.loads(pickle.dumps(finding, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == finding
    assert [getattr(again, f.name) for f in dataclasses.fields(Finding)] == list(values.values())
