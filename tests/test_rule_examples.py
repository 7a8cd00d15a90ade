"""Each built-in rule's good/bad examples, linted as plain-text articles with the bundled facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from medlint.lint import Engine, lint_text
from medlint.rules import Rule, load_rules

RULES = load_rules()
ENGINE = Engine()
CASES = [
    (rule.id, label, text)
    for rule in RULES
    for label in ("bad", "good")
    for text in rule.examples.get(label, [])
]


def test_every_rule_has_a_doc_and_examples() -> None:
    for rule in RULES:
        assert rule.doc_path, f"{rule.id} has no Markdown doc beside it"
        if rule.kind != "value-inconsistency":
            assert rule.examples.get("bad"), f"{rule.id} has no bad example"
        assert rule.examples.get("good") or rule.kind == "value-inconsistency", rule.id


@pytest.mark.parametrize(
    ("rule_id", "label", "text"),
    CASES,
    ids=[f"{r}-{lab}-{i}" for i, (r, lab, _) in enumerate(CASES)],
)
def test_rule_example(rule_id: str, label: str, text: str) -> None:
    found = [f for f in lint_text(text, "example.txt", engine=ENGINE) if f.rule == rule_id]
    if label == "bad":
        assert found, f"{rule_id} missed its bad example: {text!r}"
    else:
        assert not found, (
            f"{rule_id} fired on its good example: {text!r}: {[f.message for f in found]}"
        )


def test_citation_prefilter_never_hides_a_cue() -> None:
    """Every bad example of citation-needed passes the keyword prefilter on its own."""
    rule = next(r for r in RULES if r.id == "citation-needed")
    keywords = rule.compiled["keywords"]
    assert keywords is not None
    for text in rule.examples["bad"]:
        assert keywords.hits(text), text
    assert not keywords.hits("IVIG is made from donated plasma.")


def test_citation_prefilter_is_a_superset_of_whole_word_keywords() -> None:
    """A keyword written as a whole word anywhere in a text is a hit; inside a word it is not."""
    rule = next(r for r in RULES if r.id == "citation-needed")
    keywords = rule.compiled["keywords"]

    def offsets(text: str) -> list[int]:
        return [at for at, _ in keywords.hits(text)]

    [(at, names)] = keywords.hits("Recent Studies, too.")
    assert at == 7 and names and all(name.startswith("study") for name in names)
    assert offsets("Some meta-analysis found it.") == [5]
    assert offsets("A case-studies page; studiesé") == [21]  # é is no [a-z] letter
    assert not keywords.hits("Understudied and restudying.")
    assert keywords.hits("According to the NEJM") == [
        (0, {"according", "journal"}),
        (17, {"journal"}),
    ]
    hits = dict(keywords.hits("the American College of Rheumatology"))
    assert hits[13] == {"organisation"}  # "College", matched as written
    assert hits[4] == {"organisation", "authority"}  # the authority's name
    assert not keywords.hits("a college town")


def test_each_study_cue_runs_for_the_keywords_it_spells_out() -> None:
    """A sentence with "guidelines" tries the guideline cue, not the one about "et al."."""
    rule = next(r for r in RULES if r.id == "citation-needed")
    families = rule.compiled["keywords"].families
    cues = rule.parameters["study_cues"]
    guideline = next(i for i, c in enumerate(cues) if c.startswith("\\b(?:guidelines"))
    assert families["guidelines"] == {f"study{guideline}"}
    assert all(f"study{guideline}" not in families[w] for w in ("studies", "al", "evidence"))
    # every bad example still finds its cue (the prefilter hides nothing)
    for text in rule.examples["bad"]:
        assert [f for f in lint_text(text + "\n", "a.txt", engine=ENGINE)], text


@pytest.mark.parametrize("space", ["\n", "  ", "\t", " \n "])
def test_citation_names_broken_over_lines_are_still_cues(space: str) -> None:
    """A multi-word authority or journal name with a line break inside is still a cue."""
    for text in (
        f"IVIG helps. The Mayo{space}Clinic recommends it for adults.\n",
        f"IVIG helps. The Cleveland{space}Clinic's guidelines support it.\n",
    ):
        found = [f for f in lint_text(text, "a.txt", engine=ENGINE) if f.rule == "citation-needed"]
        assert len(found) == 1, (text, found)
    keywords = next(r for r in RULES if r.id == "citation-needed").compiled["keywords"]
    assert keywords.hits(f"the Mayo{space}Clinic") == [(4, {"organisation", "authority"})]


def _doc_section(doc: str, title: str) -> str:
    start = doc.find(f"## {title}\n")
    if start < 0:
        return ""
    end = doc.find("\n## ", start + 1)
    return doc[start : end if end >= 0 else len(doc)]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_doc_shows_every_example_the_tests_run(rule: Rule) -> None:
    """The doc's example lists are the YAML's (which the tests run), so docs cannot drift."""
    assert rule.doc_path is not None
    doc = Path(rule.doc_path).read_text(encoding="utf-8")
    for label, title in (("bad", "Examples that are reported"), ("good", "Examples that pass")):
        section = _doc_section(doc, title)
        for text in rule.examples.get(label, []):
            if "\n" in text.strip():
                shown = text.strip() in section or repr(text) in section
            else:
                shown = f"- {text.strip()}\n" in section
            assert shown, f"{rule.doc_path}: '{title}' lacks {text!r}"
