"""Real `pre-commit` runs the hook in `.pre-commit-hooks.yaml`: a bad article fails, a good passes.

pre-commit installs a hook repository from a git commit into its own virtual
environment. To test the working tree (not whatever was last committed), the
checkout's files are copied into a temporary repository and committed there;
a content repository then points its ``.pre-commit-config.yaml`` at that
commit. The install needs PyPI (spaCy and friends), so it happens once per
test session in a temporary ``PRE_COMMIT_HOME``; pip's own cache makes later
runs faster. Marked ``slow`` (still run by default: the suite does not
deselect it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What pip needs to build and install medlint from the hook repository.
SNAPSHOT = (
    "medlint",
    "rules",
    "pyproject.toml",
    "README.md",
    "CHANGELOG.md",
    ".pre-commit-hooks.yaml",
)
CACHES = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache")

pytestmark = pytest.mark.slow

BAD = "# Gamunex-C\n\nGamunex-C is a 5% liquid immune globulin [1].\n\n## References\n\n1. Label.\n"
GOOD = (
    "# Gamunex-C\n\nGamunex-C is a 10% liquid immune globulin [1].\n\n## References\n\n1. Label.\n"
)
STYLE = (
    "# Privigen\n\nPrivigen is given into a vein [1].\n\n## References\n\n1. Label.\n\nGamunex C.\n"
)


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    proc = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return proc.stdout.strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is required for the pre-commit test")
    base = tmp_path_factory.mktemp("precommit")
    hooks = base / "medlint-hooks"
    hooks.mkdir()
    for name in SNAPSHOT:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, hooks / name, ignore=CACHES)
        else:
            shutil.copy2(ROOT / name, hooks / name)
    git("init", "-q", cwd=hooks)
    git("add", "-A", cwd=hooks)
    git("commit", "-q", "-m", "snapshot of the working tree", cwd=hooks)
    rev = git("rev-parse", "HEAD", cwd=hooks)
    content = base / "site"
    content.mkdir()
    git("init", "-q", cwd=content)
    (content / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_posix()}\n    rev: {rev}\n    hooks:\n"
        "      - id: medlint\n        args: [--fail-on, warning]\n",
        encoding="utf-8",
    )
    (content / "bad.md").write_text(BAD, encoding="utf-8")
    (content / "good.md").write_text(GOOD, encoding="utf-8")
    (content / "style.md").write_text(STYLE, encoding="utf-8")
    (content / "notes.py").write_text("print('not an article')\n", encoding="utf-8")
    git("add", "-A", cwd=content)
    return content


def pre_commit(site: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(site.parent / "cache"), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", *files],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )


def test_hook_fails_on_a_bad_article(site: Path) -> None:
    proc = pre_commit(site, "bad.md", "notes.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "medlint" in proc.stdout and "Failed" in proc.stdout
    lines = [line for line in proc.stdout.splitlines() if line.startswith("bad.md:3:")]
    assert len(lines) == 1 and "error [concentration-contradiction] Gamunex-C" in lines[0]
    assert "notes.py" not in proc.stdout


def test_hook_passes_a_good_article(site: Path) -> None:
    proc = pre_commit(site, "good.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_fail_on_passes_through_args(site: Path) -> None:
    proc = pre_commit(site, "style.md")  # only a warning; args say --fail-on warning
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "warning [product-name-spelling] 'Gamunex C'" in proc.stdout


def test_hook_definition_matches_the_brief() -> None:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "medlint" and hook["entry"] == "medlint check"
    assert hook["require_serial"] is True  # one process sees every file: corpus checks work
    assert set(hook["types_or"]) >= {"markdown", "html"}
