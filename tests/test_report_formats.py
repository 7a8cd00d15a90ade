"""CI output formats (sarif, github, junit, gitlab, json-lines): snapshots plus targeted checks.

Snapshots: the real linter runs on ``fixtures/seeds`` and on a small Markdown
corpus written to a temporary directory (a file name with a space, ``%`` and
``,``; a corpus inconsistency with related sites; ``citation-needed`` lowered
to ``info``; one clean article), and every format's output is compared
byte for byte with ``tests/snapshots/<corpus>.<format>``. Two things are
normalised first, and only these: the absolute ``%SRCROOT%`` URI in SARIF
(it is the machine's working directory), and SARIF's ``help`` and
``fullDescription`` texts, which are copied verbatim from ``rules/*.md``
(tested separately below, so that editing a rule's prose does not churn the
snapshot). ``MEDLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_report_formats.py``
rewrites the snapshots; review the diff before committing it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medlint.errors import MedlintError
from medlint.lint import Engine, LintResult, Options, lint_paths
from medlint.model import Finding
from medlint.report import FORMATS, ReportContext, get_reporter, gitlab, junit, sarif
from medlint.report import github as gh
from medlint.report.json_format import finding_dict, nested

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
CI_FORMATS = ("sarif", "github", "junit", "gitlab", "json-lines")
EXTENSIONS = {
    "sarif": "sarif",
    "github": "github.txt",
    "junit": "junit.xml",
    "gitlab": "gitlab.json",
    "json-lines": "jsonl",
}
SPECIAL_NAME = "ivig 10%, notes.md"

MARKDOWN_CORPUS = {
    SPECIAL_NAME: """---
title: IVIG notes
---

# IVIG for dermatomyositis

Privigen is stabilized with glycine.

Studies have shown that Gamunex-C is a 5% liquid.

Hizentra (CSL Behring): 20% concentration, L-proline stabilized.

Later on, Hizentra is described as a 10% solution.

```
Gamunex-C is a 5% liquid (code block: never linted).
```

## References

""",
    "dosing.md": """# Dosing

Panzyga is given at 2 g/kg every 4 weeks.

Panzyga is given at 1 g/kg every 4 weeks.
""",
    "dosing-short.md": """# Short dosing note

Panzyga is given at 1 g/kg every 3 weeks.
""",
    "clean.md": """# About immune globulin

Immune globulin is made from donated plasma.
""",
}


class Run:
    """One real lint run and every format rendered from it, in the directory it ran in."""

    def __init__(self, result: LintResult, ctx: ReportContext, outputs: dict[str, str]) -> None:
        self.result = result
        self.ctx = ctx
        self.outputs = outputs

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.result.findings if not f.suppressed and not f.baselined]


def _run(cwd: Path, paths: list[str], options: Options) -> Run:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        engine = Engine(options)
        result = lint_paths(paths, engine=engine)
        ctx = ReportContext(rules={r.id: r for r in engine.rules})
        outputs = {fmt: get_reporter(fmt)(result, ctx) for fmt in CI_FORMATS}
        outputs["srcroot"] = Path.cwd().resolve().as_uri().rstrip("/") + "/"
    return Run(result, ctx, outputs)


@pytest.fixture(scope="module")
def seeds() -> Run:
    return _run(ROOT, ["fixtures/seeds"], Options())


@pytest.fixture(scope="module")
def markdown(tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("md-corpus")
    (base / "articles").mkdir()
    for name, text in MARKDOWN_CORPUS.items():
        (base / "articles" / name).write_text(text, encoding="utf-8")
    return _run(base, ["articles"], Options(severity={"citation-needed": "info"}))


@pytest.fixture(scope="module")
def runs(seeds: Run, markdown: Run) -> dict[str, Run]:
    return {"seeds": seeds, "markdown": markdown}


def _normalise(fmt: str, text: str, srcroot: str) -> str:
    if fmt != "sarif":
        return text
    log = json.loads(text)
    for run in log["runs"]:
        for base in run.get("originalUriBaseIds", {}).values():
            if base.get("uri") == srcroot:
                base["uri"] = "file:///SRCROOT/"
        for rule in run["tool"]["driver"]["rules"]:
            for key in ("help", "fullDescription"):
                if key in rule:
                    rule[key] = {k: f"<from rules/{rule['id']}.md>" for k in rule[key]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# --- snapshots -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", CI_FORMATS)
@pytest.mark.parametrize("corpus", ["seeds", "markdown"])
def test_snapshot(corpus: str, fmt: str, runs: dict[str, Run]) -> None:
    run = runs[corpus]
    actual = _normalise(fmt, run.outputs[fmt], run.outputs["srcroot"])
    snapshot = SNAPSHOTS / f"{corpus}.{EXTENSIONS[fmt]}"
    if os.environ.get("MEDLINT_UPDATE_SNAPSHOTS") == "1":
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_bytes(actual.encode("utf-8"))
    assert snapshot.is_file(), f"{snapshot} is missing: run with MEDLINT_UPDATE_SNAPSHOTS=1"
    expected = snapshot.read_bytes().decode("utf-8")
    assert actual == expected, (
        f"{fmt} output for {corpus} differs from {snapshot.name}; if the change is intended, "
        "rerun with MEDLINT_UPDATE_SNAPSHOTS=1 and review the diff"
    )


def test_every_ci_format_is_a_cli_choice() -> None:
    from medlint.cli import build_parser

    assert set(CI_FORMATS) <= set(FORMATS)
    for fmt in CI_FORMATS:
        args = build_parser().parse_args(["check", "--format", fmt, "x"])
        assert args.format == fmt


def test_the_markdown_corpus_exercises_what_the_snapshots_are_for(markdown: Run) -> None:
    """Guard the snapshot input: if the linter stops finding these, the snapshots test less."""
    active = markdown.active
    assert {f.severity for f in active} == {"error", "warning", "info"}
    assert any(f.related for f in active)
    assert any(f.path.endswith(SPECIAL_NAME) for f in active)
    assert "articles/clean.md" in markdown.result.files
    assert not any(f.path == "articles/clean.md" for f in active)


# --- SARIF -----------------------------------------------------------------------------------


def _sarif_validator() -> Any:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(
            f"official SARIF schema not found at {SARIF_SCHEMA} (shared/ is not beside the repo)"
        )
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("corpus", ["seeds", "markdown"])
def test_sarif_validates_against_the_official_schema(corpus: str, runs: dict[str, Run]) -> None:
    validator = _sarif_validator()
    log = json.loads(runs[corpus].outputs["sarif"])
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_sarif_schema_check_is_not_vacuous(seeds: Run) -> None:
    validator = _sarif_validator()
    log = json.loads(seeds.outputs["sarif"])
    log["runs"][0]["results"][0]["level"] = "info"  # not a SARIF level
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(validator.iter_errors(log))) == 2


def test_sarif_results_match_the_findings(runs: dict[str, Run]) -> None:
    for run in runs.values():
        log = json.loads(run.outputs["sarif"])
        (sarif_run,) = log["runs"]
        assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
        assert sarif_run["columnKind"] == "unicodeCodePoints"
        assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == run.outputs["srcroot"]
        driver = sarif_run["tool"]["driver"]
        assert driver["name"] == "medlint" and driver["version"]
        rules = driver["rules"]
        assert [r["id"] for r in rules] == sorted(run.ctx.rules)
        results = sarif_run["results"]
        assert len(results) == len(run.active)
        for res, f in zip(results, run.active, strict=True):
            assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == f.rule
            assert (
                res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity]
            )
            assert res["message"]["text"] == f.message
            assert res["partialFingerprints"] == {"medlintFingerprint/v1": f.fingerprint}
            (loc,) = res["locations"]
            phys = loc["physicalLocation"]
            assert phys["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            assert phys["region"] == {
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
            }
            if f.found is not None:
                assert res["properties"]["found"] == f.found
            if f.sources:
                assert res["properties"]["sources"] == f.sources
            assert len(res.get("relatedLocations", [])) == len(f.related)


def test_sarif_uris_are_percent_encoded_relative_paths(markdown: Run) -> None:
    log = json.loads(markdown.outputs["sarif"])
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert "articles/ivig%2010%25%2C%20notes.md" in uris
    assert all(not u.startswith("/") for u in uris)


def test_sarif_absolute_path_becomes_a_file_uri() -> None:
    assert sarif.artifact_location("/tmp/a b.md") == {"uri": "file:///tmp/a%20b.md"}
    assert sarif.artifact_location("docs/a.md") == {"uri": "docs/a.md", "uriBaseId": "%SRCROOT%"}


def test_sarif_rule_descriptors_come_from_the_rule_files(seeds: Run) -> None:
    log = json.loads(seeds.outputs["sarif"])
    for desc in log["runs"][0]["tool"]["driver"]["rules"]:
        rule = seeds.ctx.rules[desc["id"]]
        assert desc["name"] == "".join(p.capitalize() for p in rule.id.split("-"))
        assert desc["shortDescription"]["text"] == rule.summary
        assert desc["help"]["markdown"] == rule.doc()
        assert desc["help"]["text"]
        assert desc["helpUri"] == f"https://github.com/medlint/medlint/blob/main/rules/{rule.id}.md"
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity]
        assert desc["defaultConfiguration"]["level"] == level
        assert rule.category in desc["properties"]["tags"]
        assert desc["fullDescription"]["text"].startswith(rule.name)
    concentration = seeds.ctx.rules["concentration-contradiction"]
    why = concentration.doc().split("## Why", 1)[1].split("\n## ", 1)[0].strip()
    descs = {d["id"]: d for d in log["runs"][0]["tool"]["driver"]["rules"]}
    assert why and why in descs["concentration-contradiction"]["fullDescription"]["text"]


def test_sarif_rule_severity_override_sets_default_level(markdown: Run) -> None:
    log = json.loads(markdown.outputs["sarif"])
    descs = {d["id"]: d for d in log["runs"][0]["tool"]["driver"]["rules"]}
    assert descs["citation-needed"]["defaultConfiguration"]["level"] == "note"


# --- hand-built results: suppressed, baselined, hostile text -------------------------------


def _finding(**kw: Any) -> Finding:
    base: dict[str, Any] = {
        "rule": "citation-needed",
        "name": "Evidence invoked without a reference",
        "severity": "warning",
        "category": "citation",
        "path": "a.md",
        "line": 3,
        "column": 5,
        "end_line": 3,
        "end_column": 9,
        "message": "needs a reference",
        "fingerprint": "f" * 32,
    }
    base.update(kw)
    return Finding(**base)


def _mixed_result() -> LintResult:
    return LintResult(
        findings=[
            _finding(path="a.md", line=1, severity="info", fingerprint="1" * 32, message="an info"),
            _finding(
                path="a.md", line=2, severity="warning", fingerprint="2" * 32, message="a warning"
            ),
            _finding(
                path="a.md", line=3, severity="error", rule="references-empty", fingerprint="3" * 32
            ),
            _finding(
                path="b.md",
                line=1,
                severity="error",
                fingerprint="4" * 32,
                suppressed="quoted verbatim",
            ),
            _finding(path="b.md", line=2, severity="error", fingerprint="5" * 32, baselined=True),
            _finding(
                path="b.md",
                line=4,
                severity="warning",
                fingerprint="6" * 32,
                message="second warning",
            ),
        ],
        files=["a.md", "b.md", "c.md"],
    )


def test_sarif_includes_suppressed_findings_as_suppressed_and_omits_baselined() -> None:
    log = json.loads(sarif.render(_mixed_result(), ReportContext()))
    results = log["runs"][0]["results"]
    prints = [r["partialFingerprints"]["medlintFingerprint/v1"] for r in results]
    assert prints == ["1" * 32, "2" * 32, "3" * 32, "4" * 32, "6" * 32]
    suppressed = results[3]
    assert suppressed["suppressions"] == [{"kind": "inSource", "justification": "quoted verbatim"}]
    assert all("suppressions" not in r for i, r in enumerate(results) if i != 3)
    # Without rules in the context, descriptors come from the findings; indexes still resolve.
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["citation-needed", "references-empty"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_sarif_reports_input_errors_as_notifications() -> None:
    result = LintResult(errors=[MedlintError("not valid UTF-8", "bad.txt", 3)], files=[])
    log = json.loads(sarif.render(result, ReportContext()))
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == "not valid UTF-8"
    loc = note["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "bad.txt" and loc["region"] == {"startLine": 3}


# --- GitHub workflow commands --------------------------------------------------------------


def test_github_escaping_of_data_and_properties() -> None:
    assert gh.escape_data("5% a:b,c\r\nd") == "5%25 a:b,c%0D%0Ad"
    assert gh.escape_property("5% a:b,c\r\nd") == "5%25 a%3Ab%2Cc%0D%0Ad"
    # The percent sign is escaped first: an existing "%0A" must not turn into a newline.
    assert gh.escape_data("%0A") == "%250A"


def test_github_annotation_with_hostile_path_and_message() -> None:
    f = _finding(
        path="dir/a,b:c%\r\n.md",
        message="5% of\r\nthat, too: yes",
        severity="error",
        name="Name, with: colon",
    )
    line = gh.annotation(f)
    assert line == (
        "::error file=dir/a%2Cb%3Ac%25%0D%0A.md,line=3,col=5,endLine=3,endColumn=9,"
        "title=Name%2C with%3A colon (citation-needed)::5%25 of%0D%0Athat, too: yes"
    )
    assert "\n" not in line and "\r" not in line


_UNESCAPES = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def _unescape(text: str) -> str:
    """One left-to-right pass, as a decoder must (sequential replaces would double-decode)."""
    return re.sub(r"%(?:25|0D|0A|3A|2C)", lambda m: _UNESCAPES[m.group(0)], text)


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Parse a workflow command the way the runner does (split on '::', ',', first '=')."""
    assert line.startswith("::")
    head, sep, message = line[2:].partition("::")
    assert sep
    name, _, props_text = head.partition(" ")
    props = {}
    for item in props_text.split(","):
        key, _, value = item.partition("=")
        props[key] = _unescape(value)
    return name, props, _unescape(message)


@given(path=st.text(min_size=1), message=st.text(), title=st.text())
def test_github_commands_round_trip(path: str, message: str, title: str) -> None:
    line = gh.command("warning", message, {"file": path, "line": 7, "title": title})
    assert "\n" not in line and "\r" not in line
    name, props, parsed_message = _parse_command(line)
    assert name == "warning"
    assert props == {"file": path, "line": "7", "title": title}
    assert parsed_message == message


def test_github_orders_errors_warnings_notices_then_counts() -> None:
    out = gh.render(_mixed_result(), ReportContext())
    lines = out.splitlines()
    kinds = [ln.split(" ", 1)[0] for ln in lines[:-1]]
    assert kinds == ["::error", "::warning", "::warning", "::notice"]
    assert lines[0].startswith("::error file=a.md,line=3,")
    assert lines[1].startswith("::warning file=a.md,line=2,")
    assert lines[2].startswith("::warning file=b.md,line=4,")
    assert lines[-1] == "medlint: 1 error, 2 warnings, 1 notice in 3 files"
    assert out.endswith("\n")


def test_github_count_line_on_a_real_run(seeds: Run) -> None:
    last = seeds.outputs["github"].splitlines()[-1]
    n = {s: sum(1 for f in seeds.active if f.severity == s) for s in ("error", "warning", "info")}
    assert re.fullmatch(r"medlint: \d+ errors?, \d+ warnings?, \d+ notices? in 2 files", last)
    assert last.startswith(f"medlint: {n['error']} error")
    assert f" {n['warning']} warning" in last
    assert len(seeds.outputs["github"].splitlines()) == len(seeds.active) + 1


def test_github_input_errors_are_annotated() -> None:
    result = LintResult(errors=[MedlintError("not valid UTF-8", "x,y.txt", 2)], files=[])
    lines = gh.render(result, ReportContext()).splitlines()
    assert lines[0] == "::error file=x%2Cy.txt,line=2,title=medlint%3A input error::not valid UTF-8"
    assert lines[1] == "medlint: 0 errors, 0 warnings, 0 notices in 0 files (1 input error)"


# --- JUnit -----------------------------------------------------------------------------------


def _check_junit_counts(root: ET.Element) -> None:
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "-1")) == len(cases)
        assert int(suite.get("failures", "-1")) == sum(
            1 for c in cases if c.find("failure") is not None
        )
        assert int(suite.get("errors", "-1")) == sum(
            1 for c in cases if c.find("error") is not None
        )
    assert int(root.get("tests", "-1")) == sum(int(s.get("tests", "0")) for s in suites)
    assert int(root.get("failures", "-1")) == sum(int(s.get("failures", "0")) for s in suites)
    assert int(root.get("errors", "-1")) == sum(int(s.get("errors", "0")) for s in suites)


@pytest.mark.parametrize("corpus", ["seeds", "markdown"])
def test_junit_parses_and_counts(corpus: str, runs: dict[str, Run]) -> None:
    run = runs[corpus]
    root = ET.fromstring(run.outputs["junit"].encode("utf-8"))
    _check_junit_counts(root)
    assert int(root.get("failures", "-1")) == len(run.active)
    assert sorted(s.get("name", "") for s in root.findall("testsuite")) == sorted(run.result.files)
    failures = root.findall("./testsuite/testcase/failure")
    for failure, f in zip(failures, run.active, strict=True):
        assert failure.get("type") == f.rule
        assert failure.get("message") == f.message
        assert (failure.text or "").startswith(
            f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}]"
        )


def test_junit_clean_file_is_one_passing_testcase(markdown: Run) -> None:
    root = ET.fromstring(markdown.outputs["junit"].encode("utf-8"))
    (suite,) = [s for s in root.findall("testsuite") if s.get("name") == "articles/clean.md"]
    (case,) = suite.findall("testcase")
    assert list(case) == [] and suite.get("tests") == "1" and suite.get("failures") == "0"


def test_junit_escapes_markup_and_drops_xml_illegal_characters() -> None:
    result = LintResult(
        findings=[
            _finding(path="a&b<c>.md", message='bad "quote" <tag> & NUL\x00 bell\x07\r\nnext')
        ],
        files=["a&b<c>.md"],
        errors=[MedlintError("binary file <x>", "bin.txt")],
    )
    text = junit.render(result, ReportContext())
    root = ET.fromstring(text.encode("utf-8"))
    _check_junit_counts(root)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "1")
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == 'bad "quote" <tag> & NUL\ufffd bell\ufffd\r\nnext'
    error = root.find("./testsuite/testcase/error")
    assert error is not None and error.get("message") == "binary file <x>"


def test_junit_includes_found_expected_and_sources(seeds: Run) -> None:
    root = ET.fromstring(seeds.outputs["junit"].encode("utf-8"))
    fact = next(f for f in seeds.active if f.rule == "concentration-contradiction")
    texts = [e.text or "" for e in root.iter("failure") if e.get("type") == fact.rule]
    assert any(
        f"found: {fact.found}" in t and f"expected: {fact.expected}" in t and "source: " in t
        for t in texts
    )


# --- GitLab Code Quality ---------------------------------------------------------------------


@pytest.mark.parametrize("corpus", ["seeds", "markdown"])
def test_gitlab_code_quality(corpus: str, runs: dict[str, Run]) -> None:
    run = runs[corpus]
    issues = json.loads(run.outputs["gitlab"])
    assert isinstance(issues, list) and len(issues) == len(run.active)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue, f in zip(issues, run.active, strict=True):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == f.rule and issue["fingerprint"] == f.fingerprint
        assert (
            issue["severity"]
            == {"error": "critical", "warning": "minor", "info": "info"}[f.severity]
        )
        assert issue["location"] == {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}}
        assert f.message in issue["description"]
        assert issue["categories"][0] in {"Bug Risk", "Clarity", "Style"}


def test_gitlab_omits_suppressed_and_baselined() -> None:
    issues = json.loads(gitlab.render(_mixed_result(), ReportContext()))
    assert [i["fingerprint"][0] for i in issues] == ["1", "2", "3", "6"]
    assert [i["severity"] for i in issues] == ["info", "minor", "critical", "minor"]


# --- JSON lines ------------------------------------------------------------------------------


@pytest.mark.parametrize("corpus", ["seeds", "markdown"])
def test_json_lines_is_one_finding_dict_per_line(corpus: str, runs: dict[str, Run]) -> None:
    run = runs[corpus]
    text = run.outputs["json-lines"]
    lines = text.splitlines()
    assert text.endswith("\n") and len(lines) == len(run.active)
    assert [json.loads(ln) for ln in lines] == [finding_dict(f) for f in run.active]


def test_json_lines_has_no_summary_and_is_empty_without_findings() -> None:
    assert get_reporter("json-lines")(LintResult(files=["a.md"]), ReportContext()) == ""
    out = get_reporter("json-lines")(_mixed_result(), ReportContext())
    assert [json.loads(ln)["fingerprint"][0] for ln in out.splitlines()] == ["1", "2", "3", "6"]


# --- the command line ------------------------------------------------------------------------


def test_cli_writes_sarif_to_output_and_exits_1(tmp_path: Path) -> None:
    tmp_out = tmp_path / "out.sarif"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "medlint",
            "check",
            "--format",
            "sarif",
            "--output",
            str(tmp_out),
            "fixtures/seeds",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == "" and proc.stderr == ""
    log = json.loads(tmp_out.read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    assert results and any(r["level"] == "error" for r in results)
    rule_ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert "concentration-contradiction" in rule_ids
    assert all(r.get("help", {}).get("markdown") for r in log["runs"][0]["tool"]["driver"]["rules"])
    if SARIF_SCHEMA.is_file():
        assert list(_sarif_validator().iter_errors(log)) == []


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.tuples(inner, inner)
    ),
    max_leaves=20,
)


@given(_JSON_VALUES, st.integers(min_value=0, max_value=3))
def test_nested_writes_what_json_dumps_writes(value: Any, level: int) -> None:
    """The fast indented writer is ``json.dumps(indent=2, ensure_ascii=False)``, shifted."""
    expected = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)
    assert nested(value, level) == expected


def test_nested_non_string_keys_follow_json() -> None:
    value = {"a": {2: "x", True: [1.5, float("nan")], None: {}}}
    assert nested(value, 1) == json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
