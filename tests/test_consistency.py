"""Cross-article consistency: every deviating site is reported, with a bounded list of others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medlint.checks.consistency import MAX_RELATED
from medlint.cli import main


def test_many_sites_are_listed_up_to_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(40):
        (tmp_path / f"a{i:02d}.txt").write_text(
            "IVIG costs $5,000 to $10,000 per treatment course.\n"
        )
    (tmp_path / "z1.txt").write_text("IVIG costs $20,000 to $30,000 per course.\n")
    (tmp_path / "z2.txt").write_text("A course of IVIG costs about $40,000 per course.\n")
    (tmp_path / "z3.txt").write_text("IVIG costs thousands of dollars per infusion.\n")
    monkeypatch.chdir(tmp_path)
    main(["check", "--jobs", "1", "--format", "json", "--select", "corpus-inconsistency", "."])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert sorted(f["path"] for f in findings) == [
        "z1.txt",
        "z2.txt",
    ]  # per infusion is not compared
    for f in findings:
        assert f["attribute"] == "cost per course"
        assert len(f["related"]) == MAX_RELATED
        assert f["related_total"] == 41
        other = "z2.txt" if f["path"] == "z1.txt" else "z1.txt"
        assert f["related"][0]["path"] in (other, "a00.txt")  # conflicting sites come first


def test_few_sites_are_all_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("IVIG costs $5,000 to $10,000 per treatment course.\n")
    (tmp_path / "b.txt").write_text("IVIG costs $20,000 per course.\n")
    monkeypatch.chdir(tmp_path)
    main(["check", "--jobs", "1", "--format", "json", "--select", "corpus-inconsistency", "."])
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["path"] == "b.txt"
    assert finding["related"] == [
        {"path": "a.txt", "line": 1, "column": 12, "found": "$5,000-$10,000 per course"}
    ]
    assert "related_total" not in finding


def _inconsistencies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], article: str
) -> list[dict[str, object]]:
    """The `inconsistent-values` findings of one Markdown article, as JSON objects."""
    (tmp_path / "a.md").write_text(article)
    main(["check", "--isolated", "--format", "json", "--select", "inconsistent-values",
          str(tmp_path / "a.md")])  # fmt: skip
    findings: list[dict[str, object]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


@pytest.mark.parametrize(
    ("second", "reported"),
    [
        ("For CIDP, maintenance infusions are 1 g/kg every 3 weeks [2].", False),
        ("For CIDP, the loading dose is 1 g/kg [2].", True),
        ("For CIDP, the dose is 1 g/kg [2].", False),  # not said to be the loading dose
    ],
)
def test_a_maintenance_dose_is_compared_only_with_maintenance_doses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], second: str, reported: bool
) -> None:
    """Loading 2 g/kg and maintenance 1 g/kg are two phases, not two answers to one question."""
    findings = _inconsistencies(
        tmp_path,
        capsys,
        "# IVIG in CIDP\n\nFor CIDP, the loading dose is 2 g/kg [1].\n\n"
        f"{second}\n\n## References\n\n1. A.\n2. B.\n",
    )
    assert [f["attribute"] for f in findings] == (["loading dose"] if reported else [])


@pytest.mark.parametrize(
    ("second", "reported"),
    [
        # another condition: another question
        ("For chronic ITP, Privigen is given at 1 g/kg [1].", False),
        ("For CIDP, Privigen is given at 1 g/kg [1].", True),
    ],
)
def test_statements_for_different_conditions_are_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], second: str, reported: bool
) -> None:
    findings = _inconsistencies(
        tmp_path,
        capsys,
        "# Privigen\n\nFor CIDP, Privigen is given at 2 g/kg [1].\n\n"
        f"{second}\n\n## References\n\n1. A.\n",
    )
    assert len(findings) == (1 if reported else 0), findings


def test_schedules_for_different_routes_are_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A product given both ways has a schedule per route: into a vein every 4 weeks and under
    the skin once a week is no inconsistency; two intravenous schedules still are."""
    findings = _inconsistencies(
        tmp_path,
        capsys,
        "# Gammagard Liquid\n\nGammagard Liquid is given into a vein every 4 weeks [1].\n\n"
        "Under the skin, Gammagard Liquid is infused once a week [1].\n\n"
        "Gammagard Liquid is given into a vein every 3 weeks [1].\n\n## References\n\n1. A.\n",
    )
    assert [(f["line"], f["attribute"]) for f in findings] == [(7, "interval")]


def test_rates_for_different_populations_are_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = _inconsistencies(
        tmp_path,
        capsys,
        "# CIDP\n\nCIDP affects 1 to 2 per 100,000 adults each year [1].\n\n"
        "In children, CIDP affects about 0.2 per 100,000 children each year [1].\n\n"
        "CIDP affects 10 per 100,000 adults each year [1].\n\n## References\n\n1. A.\n",
    )
    # only the adults' 10 per 100,000 against the adults' 1 to 2; the children's figure stands
    assert [(f["line"], f["attribute"]) for f in findings] == [(7, "incidence")]
    assert str(findings[0]["message"]).startswith(
        "chronic inflammatory demyelinating polyneuropathy:"
    )


def test_a_route_stated_as_the_only_one_agrees_with_the_same_route() -> None:
    from medlint.checks.consistency import compatible
    from medlint.model import Claim, Value

    def route(key: tuple[str, ...]) -> Claim:
        value = Value("route", key, " ".join(key[1:]))
        return Claim("products.asceniv", "Asceniv", "route", value, "a.md", 0, 1, "x")

    assert compatible(route(("route", "sc", "only")), route(("route", "sc")))
    assert not compatible(route(("route", "sc", "only")), route(("route", "iv")))


@pytest.mark.parametrize(
    ("second", "reported"),
    [
        # "up to 800 mg/kg" allows 400-600 mg/kg
        ("For immunodeficiency, children may need up to 800 mg/kg every 3-4 weeks [1].", False),
        ("For immunodeficiency, the dose is 1 g/kg every 3-4 weeks [1].", True),
        # "after the loading course ... continue on" is the maintenance phase
        ("For immunodeficiency, after the loading dose patients continue on 0.2 g/kg [1].", False),
    ],
)
def test_bounds_and_phases_decide_what_conflicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], second: str, reported: bool
) -> None:
    findings = _inconsistencies(
        tmp_path,
        capsys,
        "# IVIG in immunodeficiency\n\nFor immunodeficiency, IVIG is given at 0.4-0.6 g/kg every"
        f" 3-4 weeks [1].\n\n{second}\n\n## References\n\n1. A.\n",
    )
    assert [f["attribute"] for f in findings] == (["dose"] if reported else [])


def test_two_prices_per_gram_in_one_article_conflict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = _inconsistencies(
        tmp_path,
        capsys,
        "# Paying for IVIG\n\nIVIG costs around $80 per gram [1].\n\nA course of IVIG costs"
        " about $10,000 [1].\n\nIVIG costs about $150 per gram [1].\n\n## References\n\n1. A.\n",
    )
    assert [(f["attribute"], f["line"]) for f in findings] == [("cost per gram", 7)]


def test_a_statement_is_reported_once_by_the_rule_of_its_scope(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A conflict inside an article is the document rule's; the corpus rule reports only the
    statements of other articles, so no statement gets two findings."""
    refs = "\n\n## References\n\n1. A.\n"
    (tmp_path / "a.md").write_text(
        "# CIDP\n\nFor CIDP, IVIG is given at 2 g/kg [1].\n\nFor CIDP, IVIG is given at 1 g/kg"
        " [1]." + refs
    )
    (tmp_path / "b.md").write_text("# CIDP\n\nFor CIDP, IVIG is given at 1 g/kg [1]." + refs)
    main(["check", "--isolated", "--format", "json", "--select",
          "inconsistent-values,corpus-inconsistency", str(tmp_path)])  # fmt: skip
    findings = json.loads(capsys.readouterr().out)["findings"]
    sites = [(Path(f["path"]).name, f["line"], f["rule"]) for f in findings]
    assert sites == [("a.md", 5, "inconsistent-values"), ("b.md", 3, "corpus-inconsistency")]


def test_values_in_different_measures_do_not_conflict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A course in g/kg and a monthly maintenance range in g/kg/month measure different things."""
    findings = _inconsistencies(
        tmp_path,
        capsys,
        "# MMN\n\nFor MMN, an initial course of 2 g/kg is given [1].\n\nFor MMN, IVIG is given at"
        " 0.5-2.4 g/kg/month [1].\n\nFor MMN, IVIG is given at 5 g/kg [1].\n\n"
        "## References\n\n1. A.\n",
    )
    assert [(f["attribute"], f["line"]) for f in findings] == [("dose", 7)]


def test_related_sites_equal_a_full_sort_of_every_other_site() -> None:
    """The per-value merge gives what sorting every other statement by conflict gave."""
    import random

    from medlint.checks.consistency import _conflict, _Group
    from medlint.model import Claim
    from medlint.quantities import parse_quantity

    rng = random.Random(7)
    texts = ["2 g/kg", "1 g/kg", "0.4 g/kg/day for 5 days", "up to 0.8 g/kg", "0.4-0.6 g/kg"]
    statements = []
    for i in range(60):
        q = parse_quantity(rng.choice(texts))
        assert q is not None
        claim = Claim("conditions.cidp", "CIDP", "dose", q.to_value(), f"a{i}.md", i, i + 1, "x")
        claim.quantity = q
        statements.append([claim])
    group = _Group(statements)
    for index in range(len(statements)):
        others = [o for o in statements if o is not statements[index]]
        others.sort(key=lambda o: not _conflict(statements[index], o))
        assert group.related(index, 25) == others[:25]
        assert group.conflict(0, index) == _conflict(statements[0], statements[index])


@pytest.mark.parametrize(
    ("second", "reported"),
    [
        # the schedule's later interval is the first statement's: both can be true
        ("The plan gives IVIG every 2 weeks for 3 doses and then monthly [1].", False),
        ("The plan gives IVIG every 2 weeks for 3 doses and then every 6 weeks [1].", True),
    ],
)
def test_a_schedule_agrees_with_its_later_interval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], second: str, reported: bool
) -> None:
    findings = _inconsistencies(
        tmp_path,
        capsys,
        "# IVIG\n\nThe course is repeated every 4 weeks [1].\n\n"
        f"{second}\n\n## References\n\n1. A.\n",
    )
    assert len(findings) == (1 if reported else 0), findings


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    ("second", "reported"),
    [
        ("The plan gives IVIG every 2 weeks for 3 doses, then monthly [1].", False),
        ("The plan gives IVIG every 2 weeks for 3 doses, then every 6 weeks [1].", True),
    ],
)
def test_across_articles_a_schedule_agrees_with_its_later_interval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], second: str, reported: bool, jobs: str
) -> None:
    """The claims kept for the corpus rule keep the schedule's "then" (they once lost it)."""
    refs = "\n\n## References\n\n1. A.\n"
    (tmp_path / "a.md").write_text("# IVIG\n\nIVIG courses are repeated every 4 weeks [1]." + refs)
    (tmp_path / "b.md").write_text(f"# IVIG\n\n{second}" + refs)
    main(["check", "--isolated", "--no-cache", "--jobs", jobs, "--format", "json",
          "--select", "corpus-inconsistency", str(tmp_path)])  # fmt: skip
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert len(findings) == (1 if reported else 0), findings


@pytest.mark.parametrize(
    ("letter", "reported"),
    [
        # the paragraph after names only a product given under the skin: SCIG's schedule
        ("She receives replacement therapy at home once a week.\n\n"
         "Her medicine is Hizentra, made by CSL Behring [1].\n\n"
         "Until 2024 she received Privigen, given into a vein [1].", False),
        # the paragraph before names an IV product: the schedules do conflict
        ("Her medicine is Privigen, made by CSL Behring [1].\n\n"
         "She receives replacement therapy once a week.", True),
    ],
)  # fmt: skip
def test_a_schedule_beside_an_scig_product_is_not_compared_with_iv_schedules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], letter: str, reported: bool
) -> None:
    """A letter about Hizentra that recalls the IV product used before: its weekly
    replacement therapy is SCIG's, not a rival to the IV schedule of another article."""
    refs = "\n\n## References\n\n1. A.\n"
    (tmp_path / "a.md").write_text(
        "# IVIG\n\nIn primary immunodeficiency, IVIG is given every 3 to 4 weeks [1]." + refs
    )
    (tmp_path / "b.md").write_text(f"# Letter\n\n{letter}" + refs)
    main(["check", "--isolated", "--no-cache", "--format", "json",
          "--select", "corpus-inconsistency", str(tmp_path)])  # fmt: skip
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert len(findings) == (1 if reported else 0), findings


@pytest.mark.parametrize(
    ("second", "reported"),
    [
        # the maintenance dose said without the word: not the loading dose's question
        ("For CIDP, the dose is 1 g/kg every 3 weeks [2].", False),
        ("For CIDP, the loading dose is 2 g/kg [2].", False),
        ("For CIDP, the loading dose is 1 g/kg [2].", True),
        ("For CIDP, start with an initial dose of 1 g/kg, then maintenance doses [2].", True),
    ],
)
def test_a_loading_dose_before_a_maintenance_phase_is_its_own_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], second: str, reported: bool
) -> None:
    """ "a loading dose of 2 g/kg, then maintenance doses of 1 g/kg every three weeks": the
    2 g/kg is compared with other loading doses, not with doses of the maintenance phase."""
    findings = _inconsistencies(
        tmp_path,
        capsys,
        "# IVIG in CIDP\n\nFor CIDP, the label gives a loading dose of 2 g/kg, then maintenance"
        f" doses of 1 g/kg every three weeks [1].\n\n{second}\n\n## References\n\n1. A.\n2. B.\n",
    )
    assert [f["attribute"] for f in findings] == (["loading dose"] if reported else [])
