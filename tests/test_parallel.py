"""``--jobs``: the same findings whatever the number of worker processes; little kept in memory."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from medlint.cli import main
from medlint.lint import Engine, Options, discover, lint_documents, lint_paths, read_file
from medlint.model import Finding
from medlint.parallel import ClaimSites, compact_view, corpus_view, iter_articles
from tests.generated import generate_corpus

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SUPPRESSED = (
    "Intro.\n\n"
    "<!-- medlint-disable-next-line concentration-contradiction -- checked with the editor -->\n"
    "Gamunex-C is a 5% liquid immunoglobulin.\n\n"
    "Privigen is a 20% liquid.\n\n"
    "<!-- medlint-disable-next-line citation-needed -- never used -->\n"
    "Nothing to see here.\n"
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 generated articles (txt, md, html), one with inline suppressions, two that disagree."""
    out = generate_corpus(tmp_path_factory.mktemp("corpus"), 30)
    (out / "suppressed.txt").write_text(SUPPRESSED, encoding="utf-8")
    # Two articles that disagree where the facts have no canonical value: corpus-inconsistency.
    for name, dose, interval in (
        ("zz-a.txt", "2g/kg", "monthly"),
        ("zz-b.txt", "1 g/kg", "every 3 weeks"),
    ):
        (out / name).write_text(
            f"Treatment\n\nStandard protocols often involve {dose} body weight divided over 2-5 "
            f"consecutive days, with treatment cycles repeated {interval} depending on clinical "
            "response.\n",
            encoding="utf-8",
        )
    return out


def _reference(engine: Engine, root: Path) -> list[Finding]:
    """Every document read and analysed in memory at once: the path parallel.py must agree with."""
    files, _ = discover([str(root)])
    return lint_documents(engine, [read_file(p) for p in files])


def _json_report(tmp_path: Path, name: str, *args: str) -> str:
    out = tmp_path / name
    main(["check", "--format", "json", "--fail-on", "never", "-o", str(out), *args])
    return out.read_text(encoding="utf-8")


def test_json_output_is_byte_identical_for_jobs_1_and_2_on_fixtures(tmp_path: Path) -> None:
    one = _json_report(tmp_path, "one.json", "--jobs", "1", str(FIXTURES))
    two = _json_report(tmp_path, "two.json", "--jobs", "2", str(FIXTURES))
    assert json.loads(one)["findings"], "fixtures should produce findings"
    assert one == two


def test_json_output_is_byte_identical_for_jobs_1_and_2_on_a_generated_corpus(
    tmp_path: Path, corpus: Path
) -> None:
    one = _json_report(tmp_path, "one.json", "--jobs", "1", str(corpus))
    two = _json_report(tmp_path, "two.json", "--jobs", "2", str(corpus))
    assert one == two
    rules = {f["rule"] for f in json.loads(one)["findings"]}
    # The corpus-scope rule runs over claims gathered from the workers.
    assert "corpus-inconsistency" in rules


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("keep", [True, False])
def test_streamed_findings_equal_the_all_in_memory_path(
    engine: Engine, corpus: Path, jobs: int, keep: bool
) -> None:
    expected = _reference(engine, corpus)
    engine.options.jobs, engine.options.keep_documents = jobs, keep
    try:
        result = lint_paths([str(corpus)], engine=engine)
    finally:
        engine.options.jobs, engine.options.keep_documents = 1, True
    assert expected and result.findings == expected  # dataclass equality: every field, in order
    assert len(result.files) == 33
    assert bool(result.documents) is keep


def test_suppressions_are_resolved_after_the_corpus_checks(engine: Engine, corpus: Path) -> None:
    engine.options.jobs, engine.options.keep_documents = 2, False
    try:
        result = lint_paths([str(corpus)], engine=engine)
    finally:
        engine.options.jobs, engine.options.keep_documents = 1, True
    mine = [f for f in result.findings if f.path.endswith("suppressed.txt")]
    silenced = [f for f in mine if f.suppressed]
    assert [f.rule for f in silenced] == ["concentration-contradiction"]
    assert silenced[0].suppressed == "checked with the editor"
    assert any(f.rule == "suppression-unused" for f in mine)


def test_an_unreadable_article_is_an_error_and_the_others_are_still_checked(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Gamunex-C is a 5% liquid.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Gamunex-C \xff\xfe is 10%.\n")
    result = lint_paths([str(tmp_path)], Options(jobs=2))
    assert [e.message.split(" (")[0] for e in result.errors] == ["not valid UTF-8"]
    assert "bad.txt:1: not valid UTF-8" in str(result.errors[0])
    assert "concentration-contradiction" in {
        f.rule for f in result.findings if f.path.endswith("good.txt")
    }


def test_claim_sites_keep_positions_and_claim_text_and_nothing_else(engine: Engine) -> None:
    doc = read_file(str(FIXTURES / "seeds" / "ivig-dermatomyositis.txt"))
    analysis = engine.analyse(doc)
    assert analysis.claims
    view = corpus_view(analysis)
    sites = view.document
    assert isinstance(sites, ClaimSites)
    restored = pickle.loads(pickle.dumps(sites))
    for claim in analysis.claims:
        for d in (sites, restored):
            assert d.position(claim.start) == doc.position(claim.start)
            assert d.source[claim.start : claim.end] == doc.source[claim.start : claim.end]
            assert len(d.source) == len(doc.source)
    assert sites.units == [] and view.sentences == []
    kept = {(c.start, c.end) for c in analysis.claims}
    other = next((s, s + 1) for s in range(len(doc.source)) if (s, s + 1) not in kept)
    with pytest.raises(LookupError):
        sites.source[other[0] : other[1]]


def test_compacted_views_share_values_and_keep_what_the_comparison_reads(engine: Engine) -> None:
    """Two articles' claims end up sharing equal values; ranges, units and text stay."""
    path = str(FIXTURES / "seeds" / "ivig-dermatomyositis.txt")
    pool: dict[object, object] = {}
    views = []
    for _ in range(2):  # as two workers would send them: separate pickles
        analysis = engine.analyse(read_file(path))
        views.append(compact_view(pickle.loads(pickle.dumps(corpus_view(analysis))), pool))
    original = engine.analyse(read_file(path)).claims
    first, second = views[0].claims, views[1].claims
    assert len(first) == len(second) == len(original) > 0
    for a, b, o in zip(first, second, original, strict=True):
        assert a.value is b.value and a.value == o.value
        assert a.subject is b.subject and a.text == o.text and (a.start, a.end) == (o.start, o.end)
        if o.quantity is not None:
            q, oq = a.quantity, o.quantity
            assert q is b.quantity
            assert (q.kind, q.low, q.high, q.unit, q.per) == (
                oq.kind,
                oq.low,
                oq.high,
                oq.unit,
                oq.per,
            )


def test_jobs_zero_means_every_core_and_results_keep_file_order(
    engine: Engine, corpus: Path
) -> None:
    files, _ = discover([str(corpus)])
    paths = [r.path for r in iter_articles(engine, files[:10], 0, keep_documents=False)]
    assert paths == files[:10]


def test_jobs_must_be_a_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--jobs", "-3", str(FIXTURES)])
    assert exc.value.code == 2
    assert "--jobs" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_course_written_per_day_is_compared_as_a_course_across_articles(
    engine: Engine, tmp_path: Path, jobs: int
) -> None:
    """The claims kept for the corpus rules keep the day count: 0.4 g/kg daily for 5 days is
    the 2 g/kg another article states, in a run over files as in memory."""
    refs = "\n\n## References\n\n1. A.\n"
    (tmp_path / "a.md").write_text("# GBS\n\nFor Guillain-Barré syndrome, IVIG is given at 2 g/kg"
                                   " [1]." + refs)  # fmt: skip
    (tmp_path / "b.md").write_text("# GBS\n\nFor Guillain-Barré syndrome, IVIG is given as 0.4"
                                   " g/kg daily for 5 days [1]." + refs)  # fmt: skip
    (tmp_path / "c.md").write_text("# GBS\n\nFor Guillain-Barré syndrome, IVIG is given as 0.4"
                                   " g/kg daily for 3 days [1]." + refs)  # fmt: skip
    expected = _reference(engine, tmp_path)
    engine.options.jobs = jobs
    try:
        found = lint_paths([str(tmp_path)], engine=engine).findings
    finally:
        engine.options.jobs = 1
    assert found == expected
    flagged = {Path(f.path).name for f in found if f.rule == "corpus-inconsistency"}
    assert flagged == {"c.md"}  # 1.2 g/kg a course: the one that disagrees


def test_the_collector_runs_less_often_while_checking_and_as_before_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from medlint import lint, parallel

    (tmp_path / "a.md").write_text("Privigen is a 10% solution.\n", encoding="utf-8")
    seen: list[tuple[int, int, int]] = []
    check = parallel.check_article

    def spying(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold())
        return check(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "check_article", spying)
    before = gc.get_threshold()
    lint_paths([str(tmp_path)], engine=Engine(Options(jobs=1)))
    assert seen and seen[0][0] == max(before[0], lint.YOUNG_THRESHOLD)
    assert gc.get_threshold() == before


def test_the_corpus_view_keeps_the_claims_some_corpus_rule_compares(engine: Engine) -> None:
    """With an engine, a view keeps a claim if any corpus rule compares it (one rule, as
    bundled, or several)."""
    from medlint.checks.consistency import compared

    doc = read_file(str(FIXTURES / "seeds" / "ivig-dermatomyositis.txt"))
    analysis = engine.analyse(doc)
    facts = engine.facts
    [bundled] = engine.corpus_attributes()
    kept = corpus_view(analysis, engine).claims
    assert kept == [c for c in analysis.claims if compared(c, bundled, facts)]
    assert 0 < len(kept) < len(analysis.claims)  # (the facts decide the others)
    attributes = sorted({c.attribute for c in analysis.claims})
    first, second = {attributes[0]}, set(attributes[1:])
    engine._corpus_attributes = [first, second]
    try:
        both = corpus_view(analysis, engine).claims
    finally:
        engine._corpus_attributes = None
    assert both == [
        c for c in analysis.claims if compared(c, first, facts) or compared(c, second, facts)
    ]


def test_files_go_to_workers_in_chunks_that_reach_every_worker() -> None:
    from medlint.parallel import CHUNK_SIZE, chunk_size

    assert chunk_size(1, 2) == chunk_size(7, 2) == 1  # a pre-commit run: one file each
    assert chunk_size(40, 2) == 5  # a few dozen files: four hand-outs per worker
    assert chunk_size(2000, 2) == chunk_size(10**6, 8) == CHUNK_SIZE  # an archive: large ones
    for files in range(1, 300):
        for jobs in (1, 2, 3, 8):
            size = chunk_size(files, jobs)
            assert 1 <= size <= CHUNK_SIZE
            # every worker gets work whenever there are files enough
            assert -(-files // size) >= min(jobs, files)
