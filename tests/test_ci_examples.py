"""The CI examples in docs/ci/: valid for their CI system, in sync with the README, runnable.

The workflow is validated with check-jsonschema's vendored GitHub workflow
schema and the GitLab file with its vendored GitLab CI schema (both ship
inside the package, so no network is needed). Every ``medlint`` command in
the examples is parsed by medlint's own argument parser, so an example cannot
keep an option the CLI no longer has.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from medlint.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
CI_DIR = ROOT / "docs" / "ci"
WORKFLOW = CI_DIR / "github-workflow.yml"
GITLAB = CI_DIR / "gitlab-ci.yml"


def _check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def _readme_code_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return [m.group(1) for m in re.finditer(r"^```[^\n]*\n(.*?)^```[ \t]*$", readme, re.M | re.S)]


def _medlint_commands(text: str) -> list[list[str]]:
    """``medlint ...`` invocations in shell lines, up to a shell operator or comment."""
    commands = []
    for match in re.finditer(r"(?:^|[\s-])(medlint check [^\n#|&;]*)", text):
        commands.append(shlex.split(match.group(1))[1:])
    return commands


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("path", [WORKFLOW, GITLAB], ids=["github", "gitlab"])
def test_readme_ci_section_is_a_verbatim_copy(path: Path) -> None:
    assert path.read_text(encoding="utf-8") in _readme_code_blocks(), (
        f"README.md's CI section must contain {path.relative_to(ROOT)} verbatim in a code block"
    )


def test_github_workflow_validates_against_the_workflow_schema() -> None:
    proc = _check_jsonschema("vendor.github-workflows", WORKFLOW)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_gitlab_ci_validates_against_the_gitlab_schema() -> None:
    proc = _check_jsonschema("vendor.gitlab-ci", GITLAB)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_schema_checks_reject_broken_files(tmp_path: Path) -> None:
    """The validators are not vacuous: each rejects its file with one mistake in it."""
    bad_workflow = tmp_path / "workflow.yml"
    bad_workflow.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"))
    assert _check_jsonschema("vendor.github-workflows", bad_workflow).returncode == 1
    bad_gitlab = tmp_path / "gitlab.yml"
    bad_gitlab.write_text(GITLAB.read_text(encoding="utf-8").replace("when: always", "when: later"))
    assert _check_jsonschema("vendor.gitlab-ci", bad_gitlab).returncode == 1


def test_github_workflow_uploads_the_sarif_it_writes_and_annotates() -> None:
    jobs = _load(WORKFLOW)["jobs"]
    steps = [step for job in jobs.values() for step in job["steps"]]
    runs = [step["run"] for step in steps if "run" in step]
    sarif_cmd = next(c for c in _medlint_commands("\n".join(runs)) if "sarif" in c)
    output = sarif_cmd[sarif_cmd.index("--output") + 1]
    upload = next(
        s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")
    )
    assert upload["with"]["sarif_file"] == output
    scanning = next(j for j in jobs.values() if upload in j["steps"])
    assert scanning["permissions"]["security-events"] == "write"
    formats = [c[c.index("--format") + 1] for c in _medlint_commands("\n".join(runs))]
    assert sorted(formats) == ["github", "sarif"]


def test_gitlab_ci_publishes_the_code_quality_report_it_writes() -> None:
    (job,) = _load(GITLAB).values()
    cmd = next(c for c in _medlint_commands("\n".join(job["script"])) if "gitlab" in c)
    assert cmd[cmd.index("--format") + 1] == "gitlab"
    output = cmd[cmd.index("--output") + 1]
    assert job["artifacts"]["reports"]["codequality"] == output
    assert job["artifacts"]["when"] == "always"


@pytest.mark.parametrize("path", [WORKFLOW, GITLAB], ids=["github", "gitlab"])
def test_example_commands_parse_with_the_real_cli(path: Path) -> None:
    commands = _medlint_commands(path.read_text(encoding="utf-8"))
    assert commands
    for argv in commands:
        args = build_parser().parse_args(argv)
        assert args.command == "check"
        assert args.paths == ["articles/"]
