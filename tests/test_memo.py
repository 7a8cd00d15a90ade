"""Identity-keyed memo: one computation per object and question, never another object's answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from medlint import memo


class Owner:
    pass


def test_answers_once_per_owner_and_question() -> None:
    table: dict[tuple[Any, ...], tuple[object, Any]] = {}
    calls: list[str] = []
    owner = Owner()

    def make(question: str) -> str:
        calls.append(question)
        return question.upper()

    assert memo.memoised(table, owner, ("a",), lambda: make("a")) == "A"
    assert memo.memoised(table, owner, ("a",), lambda: make("a")) == "A"
    assert memo.memoised(table, owner, ("b",), lambda: make("b")) == "B"
    assert calls == ["a", "b"]


def test_a_recycled_id_never_answers_for_another_object() -> None:
    table: dict[tuple[Any, ...], tuple[object, Any]] = {}
    first, second = Owner(), Owner()
    memo.memoised(table, first, ("q",), lambda: "first")
    # as if ``second`` had been allocated at ``first``'s address after it was freed
    table[(id(second), "q")] = table.pop((id(first), "q"))
    assert memo.memoised(table, second, ("q",), lambda: "second") == "second"


def test_the_table_is_bounded(monkeypatch: Any) -> None:
    monkeypatch.setattr(memo, "LIMIT", 3)
    table: dict[tuple[Any, ...], tuple[object, Any]] = {}
    owner = Owner()
    for i in range(10):
        memo.memoised(table, owner, (i,), lambda i=i: i)  # type: ignore[misc]
        assert len(table) <= 4


def test_bounded_answers_once_and_empties_when_full() -> None:
    table: dict[str, int] = {}
    calls: list[str] = []

    def make(text: str) -> int:
        calls.append(text)
        return len(text)

    for text in ["ab", "ab", "abc", "ab", "abcd", "abcde"]:
        assert memo.bounded(table, text, lambda text=text: make(text), 3) == len(text)  # type: ignore[misc]
        assert len(table) <= 3
    # "ab" and "abc" computed once each; full at 3, emptied before "abcde"
    assert calls == ["ab", "abc", "abcd", "abcde"]
    assert table == {"abcde": 5}


# -- paragraph memos: pure per-paragraph steps computed once per text, bounded -------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(autouse=True)
def _no_results_cache(monkeypatch: Any) -> None:
    """Every article analysed again (the results cache would answer the second run)."""
    monkeypatch.setenv("MEDLINT_NO_RESULTS_CACHE", "1")


def _findings(engine: Any) -> list[tuple[Any, ...]]:
    from medlint.lint import lint_paths

    result = lint_paths([str(FIXTURES)], engine=engine)
    return [(f.path, f.rule, f.start, f.end, f.message) for f in result.findings]


def test_quantities_come_back_as_a_fresh_list() -> None:
    from medlint.quantities import find_quantities

    text = "Gamunex-C is a 10% solution given at 2 g/kg every 4 weeks."
    first = find_quantities(text)
    first.clear()  # a caller may change its list; the next caller gets the whole answer
    again = find_quantities(text)
    assert [q.text for q in again] == ["10%", "2 g/kg", "every 4 weeks"]
    assert again is not find_quantities(text)


def test_memoised_runs_find_what_a_memo_free_run_finds(monkeypatch: Any) -> None:
    """A warm engine (every paragraph memoised), and one whose memos are emptied before each
    paragraph, find exactly what a fresh engine finds: no answer leaks between texts."""
    from medlint.checks import citations, spelling
    from medlint.lint import Engine, Options

    fresh = _findings(Engine(Options(jobs=1)))
    assert fresh  # the fixtures carry deliberate errors
    warm = Engine(Options(jobs=1))
    _findings(warm)
    assert _findings(warm) == fresh
    from medlint import lint

    for module in (lint, citations, spelling):
        monkeypatch.setattr(module, "PARAGRAPH_MEMO", 1)
    starved = Engine(Options(jobs=1))
    assert _findings(starved) == fresh
    # emptied at each article: it holds one article's paragraphs, not the whole run's
    assert 0 < len(starved._terms_of) < len(warm._terms_of)


def test_paragraph_memos_are_bounded(monkeypatch: Any) -> None:
    from medlint.checks import citations, spelling
    from medlint.lint import Engine, Options

    for module in (citations, spelling):
        monkeypatch.setattr(module, "PARAGRAPH_MEMO", 5)
    monkeypatch.setattr(spelling, "_CACHE", {})  # no speller warmed by another test
    engine = Engine(Options(jobs=1))
    for rule in engine.rules:
        if rule.kind == "citation-needed" and rule.compiled["keywords"] is not None:
            rule.compiled["keywords"].seen.clear()
            rule.compiled["keywords"].first.clear()
    _findings(engine)
    keywords = [r.compiled["keywords"] for r in engine.rules if r.kind == "citation-needed"]
    assert keywords and all(0 < len(k.seen) <= 5 for k in keywords if k is not None)
    assert all(0 < len(k.first) <= 5 for k in keywords if k is not None)
    spellers = list(spelling._CACHE.values())
    assert spellers and all(len(s.slips) <= 5 for s in spellers)


def test_a_sentence_cue_answer_is_the_search_s_answer_and_is_kept_per_family_set() -> None:
    """first_cue memoises by (sentence text, families searched): the same text searched for
    other families is searched again, and an answer equals the plain search's."""
    from medlint.checks.citations import _first_match
    from medlint.lint import Engine, Options

    rule = next(r for r in Engine(Options(jobs=1)).rules if r.kind == "citation-needed")
    keywords, families = rule.compiled["keywords"], rule.compiled["families"]
    keywords.first.clear()
    text = "A 2019 study found that the Mayo Clinic recommends 2 g/kg."
    everything = frozenset(families)
    found = keywords.first_cue(text, everything, families)
    assert found is not None and found == _first_match(text, rule.compiled["cues"])
    assert found[2] == "A 2019 study found"  # the earliest cue, not the authority after it
    authority = frozenset(n for n in families if not n.startswith("study"))
    later = keywords.first_cue(text, authority, families)
    assert later is not None and later[2] == "the Mayo Clinic recommends"
    assert keywords.first_cue(text, everything, families) == found
    assert len(keywords.first) == 2
    assert keywords.first_cue("Nothing cited here.", everything, families) is None


def _gamunex_at_5_percent() -> Any:
    """A claim the bundled facts contradict (Gamunex-C is a 10% solution), in a.md."""
    from medlint.model import Claim, Value

    return Claim(
        "products.gamunex-c",
        "Gamunex-C",
        "concentration",
        Value("percent", ("percent", 5.0), "5%"),
        "a.md",
        0,
        2,
        "5%",
    )


def test_a_repeated_claim_is_checked_once_per_rule_and_facts() -> None:
    """``contradiction.check_claim`` keeps its answer by what the claim says, the rule (and
    its severity) and the facts: another facts file or severity is answered afresh."""
    import dataclasses

    from medlint.checks import contradiction
    from medlint.facts import load_facts
    from medlint.lint import Engine, Options

    engine = Engine(Options(jobs=1))
    rule = next(r for r in engine.rules if r.id == "concentration-contradiction")
    claim = _gamunex_at_5_percent()
    first = contradiction.check_claim(rule, claim, engine.facts)
    assert first is not None and first[0] == "error"
    elsewhere = dataclasses.replace(claim, path="b.md", start=40, end=42)
    assert contradiction.check_claim(rule, elsewhere, engine.facts) is first
    other_facts = load_facts([str(FIXTURES / "corpus" / "facts.yaml")])
    assert contradiction.check_claim(rule, claim, other_facts) is None  # no Gamunex-C there
    rule.severity = "warning"
    assert contradiction.check_claim(rule, claim, engine.facts) == ("warning", *first[1:])


def test_a_repeated_regimen_claim_is_decided_once_per_rule_and_facts() -> None:
    """``regimens._verdict`` keeps its answer by the claim's subject, condition, attribute and
    quantity, the rule (and its severity) and the facts."""
    import dataclasses

    from medlint.checks import regimens
    from medlint.facts import load_facts
    from medlint.lint import Engine, Options
    from medlint.model import Claim, Value
    from medlint.quantities import find_quantities

    engine = Engine(Options(jobs=1))
    rule = next(r for r in engine.rules if r.id == "dose-contradiction")
    [dose] = find_quantities("5 g/kg")
    claim = Claim(
        "conditions.dermatomyositis",
        "IVIG in dermatomyositis",
        "dose",
        Value("dose", ("dose", 5.0), "5 g/kg"),
        "a.md",
        0,
        6,
        "5 g/kg",
        condition="dermatomyositis",
        quantity=dose,
    )
    first = regimens._verdict(rule, engine.facts, claim, "dose")
    assert first is not None  # 5 g/kg is no dermatomyositis dose
    elsewhere = dataclasses.replace(claim, path="b.md", start=50, end=56, text="5  g/kg")
    assert regimens._verdict(rule, engine.facts, elsewhere, "dose") is first
    other_facts = load_facts([str(FIXTURES / "corpus" / "facts.yaml")])
    assert regimens._verdict(rule, other_facts, claim, "dose") is None  # no such regimen there
    rule.compiled = {**rule.compiled, "general_severity": "info"}  # (statements of a condition)
    again = regimens._verdict(rule, engine.facts, claim, "dose")
    assert again is not None and again is not first and again[1] == "info"


def test_a_repeated_paragraph_s_uncited_cues_are_found_once_and_placed_in_each_article() -> None:
    """``citations._unit_hits`` keeps a unit's uncited cues by its text, kind, markers and
    whether its section is a search strategy: a repeat is reported at its own offsets, and the
    same text where a marker follows it or under a search heading is answered afresh."""
    from medlint.checks import citations
    from medlint.lint import Engine, Options, lint_text

    engine = Engine(Options(jobs=1))
    citations._HITS.clear()
    para = "Studies have shown that IVIG helps. It is given monthly."
    first = lint_text(f"# A\n\n{para}\n", "a.md", engine=engine)
    held = len(citations._HITS)
    second = lint_text(f"# Title B\n\nIntro line.\n\n{para}\n", "b.md", engine=engine)

    def cited(found: list[Any]) -> list[tuple[int, int, str]]:
        return [(f.line, f.column, f.matched_text) for f in found if f.rule == "citation-needed"]

    assert cited(first) == [(3, 1, "Studies have shown")]
    assert cited(second) == [(5, 1, "Studies have shown")]
    assert len(citations._HITS) == held + 1  # "Intro line." only: the paragraph was kept
    marked = lint_text(f"# A\n\n{para[:34]} [1]{para[34:]}\n", "c.md", engine=engine)
    assert cited(marked) == []
    searched = lint_text(f"# A\n\n## Search strategy\n\n{para}\n", "d.md", engine=engine)
    assert cited(searched) == []


def test_whether_a_claim_is_compared_is_kept_per_attribute_set_and_facts() -> None:
    """``consistency.compared`` keeps its answer by the rule's attribute set, the facts and
    what it reads of the claim: another set, other facts or another polarity are asked anew."""
    import dataclasses

    from medlint.checks import consistency
    from medlint.facts import load_facts
    from medlint.lint import Engine, Options

    engine = Engine(Options(jobs=1))
    claim = _gamunex_at_5_percent()
    doses, strengths = {"dose"}, {"concentration"}
    assert not consistency.compared(claim, doses, engine.facts)
    # the bundled facts decide Gamunex-C's concentration: the contradiction rule speaks
    assert not consistency.compared(claim, strengths, engine.facts)
    other_facts = load_facts([str(FIXTURES / "corpus" / "facts.yaml")])  # no Gamunex-C there
    assert consistency.compared(claim, strengths, other_facts)
    assert consistency.compared(claim, strengths, other_facts)  # (answered from the table)
    denied = dataclasses.replace(claim, polarity=False)
    assert not consistency.compared(denied, strengths, other_facts)
    unclear = dataclasses.replace(claim, attribution="ambiguous")
    assert not consistency.compared(unclear, strengths, other_facts)
    assert consistency.compared(claim, {"concentration", "dose"}, other_facts)


def test_a_fact_finding_s_wording_is_kept_by_everything_it_is_made_from() -> None:
    """``base.fact_finding`` keeps a finding's message, sources and status by the rule (and
    its message), the facts, the blocks and the values: the same wrong claim elsewhere is
    worded alike and placed at its own offsets; a changed message is worded anew."""
    import dataclasses

    from medlint.checks import base, contradiction
    from medlint.lint import Engine, Options
    from medlint.model import Claim, Document

    engine = Engine(Options(jobs=1))
    rule = next(r for r in engine.rules if r.id == "concentration-contradiction")
    claim = _gamunex_at_5_percent()
    checked = contradiction.check_claim(rule, claim, engine.facts)
    assert checked is not None
    severity, expected, blocks = checked
    doc_a = Document("a.md", "5% is it.", "markdown")
    doc_b = Document("b.md", "Now\nit is 5%.", "markdown")
    elsewhere = dataclasses.replace(claim, path="b.md", start=10, end=12)

    def make(doc: Document, c: Claim) -> Any:
        return base.fact_finding(
            rule, doc, c, blocks, engine.facts, severity=severity, found="5%", expected=expected
        )

    base._WORDED.clear()
    a, b = make(doc_a, claim), make(doc_b, elsewhere)
    assert len(base._WORDED) == 1
    assert (a.message, a.sources, a.status) == (b.message, b.sources, b.status)
    assert "Gamunex-C" in a.message and a.sources and a.sources[0]["title"] in a.message
    assert (a.path, a.line, a.column) == ("a.md", 1, 1)
    assert (b.path, b.line, b.column, b.matched_text) == ("b.md", 2, 7, "5%")
    rule.message = "Strength of {subject_name}: {found}, not {expected}."
    c = make(doc_a, claim)
    assert c.message == f"Strength of Gamunex-C: 5%, not {expected}."
    assert len(base._WORDED) == 2
