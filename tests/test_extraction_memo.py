"""The extraction memo: a unit's recorded claims are replayed only where its run would repeat.

The strongest check is the first: articles assembled at random from every fixture's
paragraphs and every rule example, so that the same unit comes back under other titles,
after other paragraphs and questions, in lists and out of them, are checked with the memo
and without it, and must give the same findings (while the memo answers most units).
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from medlint import extraction_memo, lint
from medlint.lint import Engine, Options, lint_paths

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
RULES = ROOT / "rules"
TITLES = [
    "# IVIG for dermatomyositis",
    "# Juvenile dermatomyositis: treatment",
    "# Immune thrombocytopenia (ITP) and IVIG",
    "# Hizentra at home",
    "# Subcutaneous immunoglobulin",
    "# Myths about immunoglobulin",
    "# Product guide",
    "",
]


@pytest.fixture(autouse=True)
def _no_results_cache(monkeypatch: Any) -> None:
    """Every article analysed (the per-article results cache would answer again)."""
    monkeypatch.setenv("MEDLINT_NO_RESULTS_CACHE", "1")


def _blocks() -> list[str]:
    """Every paragraph-sized block of the Markdown and text fixtures, and every rule example."""
    blocks: list[str] = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".md", ".txt"):
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter
            blocks.extend(b.strip() for b in text.split("\n\n") if b.strip())
    for path in sorted(RULES.glob("*.yaml")):
        examples = yaml.safe_load(path.read_text(encoding="utf-8")).get("examples") or {}
        for kind in ("bad", "good"):
            blocks.extend(str(e).strip() for e in examples.get(kind) or [] if str(e).strip())
    return blocks


def _assemble(out: Path, count: int, seed: int) -> Path:
    """``count`` articles of blocks drawn at random, some turned into list items or answers."""
    rng = random.Random(seed)
    blocks = _blocks()
    for i in range(count):
        body = []
        for block in rng.sample(blocks, k=rng.randint(6, 14)):
            roll = rng.random()
            if roll < 0.15 and "\n" not in block:
                block = f"- {block}"  # a list item: may inherit the item above's product
            elif roll < 0.25 and "\n" not in block:
                block = f"## {block[:60]}"  # a heading over what follows
            elif roll < 0.3:
                block = f"How concentrated is {rng.choice(['Privigen', 'Gamunex-C'])}?\n\n{block}"
            body.append(block)
        title = rng.choice(TITLES)
        suffix = rng.choice([".md", ".txt"])
        text = (f"{title}\n\n" if title else "") + "\n\n".join(body) + "\n"
        if suffix == ".txt":
            text = text.replace("# ", "").replace("## ", "")
        (out / f"article-{i:03d}{suffix}").write_text(text, encoding="utf-8")
    return out


def _findings(engine: Engine, path: Path) -> list[tuple[Any, ...]]:
    result = lint_paths([str(path)], engine=engine)
    return [(f.path, f.rule, f.start, f.end, f.message, f.found) for f in result.findings]


def _replays(monkeypatch: Any) -> list[int]:
    """Count the memo's replays and the units it was asked for (a list: [replays, units])."""
    count = [0, 0]
    replay = extraction_memo.Recording.replay
    run = extraction_memo.run

    def counted(self: extraction_memo.Recording, ex: Any) -> None:
        count[0] += 1
        replay(self, ex)

    def asked(ex: Any, memo: Any, limit: int) -> bool:
        count[1] += 1
        return run(ex, memo, limit)

    monkeypatch.setattr(extraction_memo.Recording, "replay", counted)
    monkeypatch.setattr(extraction_memo, "run", asked)
    return count


def test_memoised_extraction_finds_what_a_fresh_extraction_finds(
    tmp_path: Path, monkeypatch: Any
) -> None:
    corpus = _assemble(tmp_path, 400, seed=7)
    replays = _replays(monkeypatch)
    monkeypatch.setattr(lint, "PARAGRAPH_MEMO", 100_000)  # all of them, for the warm run
    memoised = Engine(Options(jobs=1))
    found = _findings(memoised, corpus)
    assert replays[0] > 1000  # the same blocks came back in other contexts
    fresh = Engine(Options(jobs=1))
    fresh._runs_of = None  # every unit extracted
    expected = _findings(fresh, corpus)
    assert len(expected) > 300  # the examples carry errors enough to compare
    assert found == expected
    # and a warm memo, answering nearly every unit the second time round
    before = list(replays)
    assert _findings(memoised, corpus) == expected
    assert replays[0] - before[0] > 0.95 * (replays[1] - before[1])


def test_an_opening_it_is_never_replayed_for_another_product(tmp_path: Path) -> None:
    """ "It is a 5% solution." reads the paragraph before: each article's own product."""
    (tmp_path / "a.md").write_text(
        "Privigen is made by CSL Behring.\n\nIt is a 5% solution.\n", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(
        "Octagam is made by Octapharma.\n\nIt is a 5% solution.\n", encoding="utf-8"
    )
    engine = Engine(Options(jobs=1, select=["concentration-contradiction"]))
    found = _findings(engine, tmp_path)
    # Privigen is 10% (a contradiction); Octagam comes in 5% (none)
    assert [(Path(f[0]).name, f[1]) for f in found] == [("a.md", "concentration-contradiction")]


def test_an_answer_is_replayed_only_for_the_same_question(tmp_path: Path, monkeypatch: Any) -> None:
    """An answer's product is the question's, a context query the memo records and re-asks."""
    for name, product in (("a", "Gamunex-C"), ("b", "Privigen"), ("c", "Gamunex-C")):
        (tmp_path / f"{name}.md").write_text(
            f"## How concentrated is {product}?\n\nA 10% solution.\n", encoding="utf-8"
        )
    (tmp_path / "d.md").write_text(
        "## How concentrated is Cuvitru?\n\nA 10% solution.\n", encoding="utf-8"
    )
    replays = _replays(monkeypatch)
    engine = Engine(Options(jobs=1))
    analyses = [engine.analyse(lint.read_file(str(p))) for p in sorted(tmp_path.iterdir())]
    subjects = [sorted({c.subject for c in a.claims}) for a in analyses]
    assert subjects == [
        ["products.gamunex-c"],
        ["products.privigen"],
        ["products.gamunex-c"],
        ["products.cuvitru"],
    ]
    assert replays[0] >= 1  # c.md's answer came from a.md's run


def test_the_section_heading_is_read_only_through_the_section_key() -> None:
    """A tripwire: every read of a unit's own section heading in claims.py must be one that
    ``_Extractor.section_key`` covers (or a comparison with a neighbour's section, which is a
    neighbour read). A new read must be added there, then counted here."""
    source = (ROOT / "medlint" / "claims.py").read_text(encoding="utf-8")
    # (one in section_key's docstring, one there, two in the myth test, one each in the
    # population and condition tests, two in the worked-example test, two comparisons with a
    # neighbour's section)
    reads = re.findall(r"self\.unit\.section\b", source)
    assert len(reads) == 10, "update _Extractor.section_key for the new read of .section"


def test_the_memo_is_bounded(tmp_path: Path, monkeypatch: Any) -> None:
    corpus = _assemble(tmp_path, 20, seed=3)
    monkeypatch.setattr(lint, "PARAGRAPH_MEMO", 5)
    engine = Engine(Options(jobs=1))
    fresh = Engine(Options(jobs=1))
    fresh._runs_of = None
    assert _findings(engine, corpus) == _findings(fresh, corpus)
    assert engine._runs_of is not None and 0 < len(engine._runs_of.table) <= 5


def _claims(analysis: Any) -> list[tuple[Any, ...]]:
    return [
        (
            *(c.subject, c.attribute, c.value.key, c.condition, c.route, c.start, c.end),
            *(c.polarity, c.attribution, c.group, c.sentence_start, c.sentence_end),
        )
        for c in analysis.claims
    ]


# The same unit in two contexts that change its claims, in two articles (the article's own
# context) or twice in one: the memo must tell the contexts apart.
TWO_ARTICLES = {
    "the article's condition": (
        "# IVIG in dermatomyositis\n\nThe usual dose is 2 g/kg every 4 weeks.\n",
        "# IVIG in immune thrombocytopenia\n\nThe usual dose is 2 g/kg every 4 weeks.\n",
    ),
    "a section heading of myths": (
        '# Guide\n\n## Myths\n\n"Privigen is a 5% solution."\n',
        '# Guide\n\n## Facts\n\n"Privigen is a 5% solution."\n',
    ),
    "a section heading naming the condition": (
        "# Guide\n\n## Dermatomyositis\n\nThe dose is 2 g/kg every 4 weeks.\n",
        "# Guide\n\n## Immune thrombocytopenia\n\nThe dose is 2 g/kg every 4 weeks.\n",
    ),
    "a subcutaneous title": (
        "# Hizentra at home\n\nMost people with dermatomyositis infuse once a week.\n",
        "# IVIG for dermatomyositis\n\nMost people with dermatomyositis infuse once a week.\n",
    ),
    "the article's one product": (
        "# Your medicine\n\nOctagam 10% is made by Octapharma.\n\nWash your hands first.\n\n"
        "The product contains maltose.\n",
        "# Your medicine\n\nWash your hands first.\n\nThe product contains maltose.\n",
    ),
    "an article naming only products given under the skin": (
        "# Letter\n\nShe has used Hizentra and Cuvitru.\n\nWash your hands first.\n\n"
        "She has MMN and receives treatment at home once a week.\n",
        "# Letter\n\nShe has used Hizentra and Privigen.\n\nWash your hands first.\n\n"
        "She has MMN and receives treatment at home once a week.\n",
    ),
    "the paragraph before": (
        "Privigen is made by CSL Behring.\n\nIt is a 5% solution.\n",
        "Octagam is made by Octapharma.\n\nIt is a 5% solution.\n",
    ),
}
ONE_ARTICLE = {
    "the product a heading gives its fields": (
        "## Privigen\n\n- Concentration: 5%\n\n## Octagam\n\n- Concentration: 5%\n"
    ),
    "a table row's product": (
        "| Product | Concentration |\n|---|---|\n| Privigen | 5% |\n| Octagam | 5% |\n"
    ),
    "a nested item's parent": (
        "- Children with JDM:\n  - every 2 weeks for 3 doses, then monthly\n"
        "- Adults with polymyositis:\n  - every 2 weeks for 3 doses, then monthly\n"
    ),
    "a quoted post the reply rebuts": (
        "Privigen is a 5% solution.\n\n> Privigen is a 5% solution.\n\nThat is wrong.\n"
    ),
    # (read of the paragraph after outside any context query: the run is not memoised)
    "a quoted post rebutted once, agreed with once": (
        "> Privigen is a 5% solution.\n\nThat is wrong.\n\n"
        "> Privigen is a 5% solution.\n\nYes, and it is made by CSL Behring.\n"
    ),
    "a heading": "Privigen is a 5% solution\n\n## Privigen is a 5% solution\n",
    "a nested item": (
        "- It is a 5% solution.\n\nPrivigen:\n\n- Octagam 10%\n  - It is a 5% solution.\n"
    ),
}


def _both_ways(paths: list[str]) -> None:
    """Memoised and fresh extraction agree on ``paths``, in this order and the reverse."""
    memoised = Engine(Options(jobs=1))
    fresh = Engine(Options(jobs=1))
    fresh._runs_of = None
    for order in (paths, paths[::-1], paths):
        got = [memoised.analyse(lint.read_file(p)) for p in order]
        want = [fresh.analyse(lint.read_file(p)) for p in order]
        assert [_claims(a) for a in got] == [_claims(a) for a in want]
        # every field of every claim, as a replay rebuilds it
        assert [a.claims for a in got] == [a.claims for a in want]


@pytest.mark.parametrize("context", sorted(TWO_ARTICLES))
def test_a_unit_in_another_article_is_extracted_again(context: str, tmp_path: Path) -> None:
    paths = []
    for name, text in zip(("a.md", "b.md"), TWO_ARTICLES[context], strict=True):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    _both_ways(paths)
    # the context matters: otherwise this case would test nothing
    fresh = Engine(Options(jobs=1))
    fresh._runs_of = None
    a, b = (_claims(fresh.analyse(lint.read_file(p))) for p in paths)
    assert [c[:5] for c in a] != [c[:5] for c in b]


@pytest.mark.parametrize("context", sorted(ONE_ARTICLE))
def test_a_unit_in_another_place_is_extracted_again(context: str, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(ONE_ARTICLE[context], encoding="utf-8")
    _both_ways([str(path)])
    fresh = Engine(Options(jobs=1))
    fresh._runs_of = None
    claims = _claims(fresh.analyse(lint.read_file(str(path))))
    # the same unit twice, claimed differently each time (or only once)
    assert len(claims) == 1 or claims[0][:5] != claims[1][:5]


def test_a_replayed_unit_reads_its_durations_as_the_run_did(tmp_path: Path) -> None:
    """A run may re-read a duration as an interval ("the next course 4 weeks later"); the
    sentences outlive it (the checks read their mentions), so a replay re-reads them too."""
    text = "# IVIG\n\nThe labelled interval for dermatomyositis is four weeks.\n"
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    engine = Engine(Options(jobs=1))
    kinds = []
    for name in ("a.md", "b.md"):
        analysis = engine.analyse(lint.read_file(str(tmp_path / name)))
        kinds.append(
            [m.quantity.kind for s in analysis.sentences for m in s.mentions if m.quantity]
        )
    assert kinds[0] == ["interval"]
    assert kinds[1] == kinds[0]
    assert engine._runs_of is not None and engine._runs_of.table  # the second was replayed


def test_the_memo_steps_aside_where_units_do_not_repeat(tmp_path: Path, monkeypatch: Any) -> None:
    """An archive whose paragraphs never repeat pays nothing for recording them: after a window
    of units it could not answer, the memo runs the next ones without it, then tries again."""
    for i in range(12):
        (tmp_path / f"a{i:02d}.md").write_text(
            f"# Note {i}\n\nPrivigen is a {i}% solution, note {i}.\n\n"
            f"Gamunex-C was given on day {i}.\n",
            encoding="utf-8",
        )
    engine = Engine(Options(jobs=1))
    engine._runs_of = extraction_memo.Memo(limit=100, window=8, pause=10)
    fresh = Engine(Options(jobs=1))
    fresh._runs_of = None
    expected = _findings(fresh, tmp_path)
    looked_up = _replays(monkeypatch)
    assert _findings(engine, tmp_path) == expected
    # 36 units (a heading and two paragraphs each): 8 looked up and recorded, none answered;
    # 10 run without the memo; 8 more looked up; the last 10 without it
    assert looked_up == [0, 16]


def test_the_memo_keeps_recording_where_units_repeat(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"a{i:02d}.md").write_text(
            "# Note\n\nPrivigen is a 5% solution.\n\nGamunex-C is made by Grifols.\n",
            encoding="utf-8",
        )
    engine = Engine(Options(jobs=1))
    memo = engine._runs_of = extraction_memo.Memo(limit=100, window=8, pause=10)
    _findings(engine, tmp_path)
    assert memo.idle == 0 and len(memo.table) == 3


def test_units_of_one_text_share_mentions_but_not_sentences(tmp_path: Path) -> None:
    """A repeated unit's mentions are found once and shared (they are never changed in place);
    each unit still has its own sentences and its own list of each sentence's mentions."""
    path = tmp_path / "a.md"
    path.write_text("Privigen is a 10% solution.\n\nPrivigen is a 10% solution.\n", "utf-8")
    analysis = Engine(Options(jobs=1)).analyse(lint.read_file(str(path)))
    first, second = analysis.sentences
    assert first is not second and first.mentions is not second.mentions
    assert first.mentions[0] is second.mentions[0]  # shared, not copied
    first.mentions.clear()
    assert [m.text for m in second.mentions] == ["Privigen", "10%"]


def test_a_sentence_break_splits_only_its_own_unit(tmp_path: Path) -> None:
    """The same text with and without a bold title line: sentences are kept by breaks too."""
    engine = Engine(Options(jobs=1))
    sentences = []
    for name, text in (
        ("a.md", "**Card 9: Sweet, but not a sugar**\nOctagam contains maltose.\n"),
        ("b.md", "Card 9: Sweet, but not a sugar Octagam contains maltose.\n"),
        ("c.md", "**Card 9: Sweet, but not a sugar**\nOctagam contains maltose.\n"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        analysis = engine.analyse(lint.read_file(str(tmp_path / name)))
        sentences.append([s.text for s in analysis.sentences])
    assert sentences[0] == ["Card 9: Sweet, but not a sugar", "Octagam contains maltose."]
    assert sentences[1] == ["Card 9: Sweet, but not a sugar Octagam contains maltose."]
    assert sentences[2] == sentences[0]


def test_only_queries_that_read_a_neighbour_are_recorded(tmp_path: Path, monkeypatch: Any) -> None:
    """A query answered from the unit's own words follows from the key and is not asked again;
    one that read the paragraph before is recorded with its answer."""
    path = tmp_path / "a.md"
    path.write_text(
        "Privigen is made by CSL Behring.\n\nWash your hands.\n\nIt is a 10% solution.\n",
        encoding="utf-8",
    )
    engine = Engine(Options(jobs=1))
    texts: dict[Any, str] = {}  # each key, by the text of the unit it was made for
    key_of = extraction_memo.key_of

    def noted(ex: Any) -> Any:
        key = key_of(ex)
        texts[key] = ex.text
        return key

    monkeypatch.setattr(extraction_memo, "key_of", noted)
    engine.analyse(lint.read_file(str(path)))
    assert engine._runs_of is not None
    recorded = {texts[key]: [q[0] for q in r.queries] for key, r in engine._runs_of.table.items()}
    assert "continues_product" not in recorded["Wash your hands."]
    assert "continues_product" in recorded["It is a 10% solution."]


def test_units_of_one_shape_are_alike_in_all_it_stands_for(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """``claims.Shape`` stands in the memo's key for a unit's text, claim text, kind, nesting,
    headers, breaks and mentions: every unit given one shape must agree on all of them."""
    from medlint import claims

    corpus = _assemble(tmp_path, 150, seed=11)
    seen: dict[int, tuple[Any, set[tuple[Any, ...]], list[int]]] = {}
    init = claims._Extractor.__init__

    def noted(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        unit = self.unit
        what = (
            *(unit.text, self.text, unit.kind, unit.list_depth, unit.definition),
            *(unit.row_header, unit.column_header, unit.breaks),
            tuple((m.kind, m.id, m.start, m.end, m.text) for m in self.mentions),
        )
        _, alike, count = seen.setdefault(id(self.shape), (self.shape, set(), [0]))
        alike.add(what)
        count[0] += 1

    monkeypatch.setattr(claims._Extractor, "__init__", noted)
    lint_paths([str(corpus), str(FIXTURES)], engine=Engine(Options(jobs=1)))
    assert len(seen) > 100
    assert all(len(alike) == 1 for _, alike, _ in seen.values())
    # (and shapes are shared: a repeated unit is keyed by the one it was given before)
    assert sum(count[0] > 1 for _, _, count in seen.values()) > 50
