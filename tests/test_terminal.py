"""Terminal output: colour only where wanted, the line format kept, a progress bar only on a tty.

The CLI runs in a subprocess whose stdout or stderr is a pseudo-terminal
(``pty.openpty``), so ``isatty()`` is genuinely true, as in a user's shell.
"""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from medlint.report.terminal import PROGRESS_MIN_FILES, ProgressBar, use_color

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LINE = re.compile(r"^\S+:\d+:\d+: (error|warning|info) \[[a-z0-9-]+\] .+$")


def _drain(fd: int, proc: subprocess.Popen[bytes]) -> bytes:
    """Read a pty master until the child exits and the slave side is closed."""
    buf = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the slave side is closed
                break
            if not chunk:
                break
            buf += chunk
        elif proc.poll() is not None:
            break
    os.close(fd)
    return buf


def run(
    args: list[str], *, tty: str | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> tuple[str, str]:
    """Run ``medlint ARGS`` with ``tty`` ("stdout" or "stderr") attached to a pseudo-terminal."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    master = slave = None
    streams: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    if tty:
        master, slave = pty.openpty()
        streams[tty] = slave
    proc = subprocess.Popen(
        [sys.executable, "-m", "medlint", *args],
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        **streams,
    )  # type: ignore[call-overload]
    if slave is not None:
        os.close(slave)
    tty_bytes = _drain(master, proc) if master is not None else b""
    out, err = proc.communicate(timeout=300)
    stdout = tty_bytes if tty == "stdout" else out
    stderr = tty_bytes if tty == "stderr" else err
    return stdout.decode("utf-8", "replace").replace("\r\n", "\n"), stderr.decode(
        "utf-8", "replace"
    )


def assert_grep_format(text: str) -> None:
    lines = ANSI.sub("", text).rstrip("\n").split("\n")
    assert len(lines) > 1
    assert all(LINE.match(line) for line in lines[:-1]), lines
    assert re.match(r"^\d+ finding\(s\) in \d+ file\(s\): ", lines[-1])


def test_color_always_even_when_piped() -> None:
    out, _ = run(["check", "--color", "always", "fixtures/seeds"])
    assert "\x1b[31merror\x1b[0m" in out and "\x1b[33mwarning\x1b[0m" in out
    assert_grep_format(out)


def test_no_color_when_piped() -> None:
    out, _ = run(["check", "fixtures/seeds"])
    assert "\x1b[" not in out
    assert_grep_format(out)


def test_auto_color_on_a_terminal() -> None:
    out, _ = run(["check", "fixtures/seeds"], tty="stdout")
    assert "\x1b[31merror\x1b[0m" in out
    assert_grep_format(out)


def test_no_color_env_wins_on_a_terminal() -> None:
    out, _ = run(["check", "fixtures/seeds"], tty="stdout", env={"NO_COLOR": "1"})
    assert "\x1b[" not in out
    assert_grep_format(out)
    out, _ = run(["check", "--color", "never", "fixtures/seeds"], tty="stdout")
    assert "\x1b[" not in out


def test_force_color_when_piped() -> None:
    out, _ = run(["check", "fixtures/seeds"], env={"FORCE_COLOR": "1"})
    assert "\x1b[31merror\x1b[0m" in out
    out, _ = run(["check", "fixtures/seeds"], env={"FORCE_COLOR": "0"})
    assert "\x1b[" not in out


def test_no_color_into_an_output_file(tmp_path: Path) -> None:
    run(["check", "--color", "always", "-o", str(tmp_path / "r.txt"), "fixtures/seeds"])
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert_grep_format(text)


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("many")
    for i in range(PROGRESS_MIN_FILES + 5):
        (root / f"a{i:02d}.txt").write_text(
            f"Title\n\nGamunex-C is a 5% liquid, article {i}.\n", encoding="utf-8"
        )
    return root


def test_progress_bar_on_a_terminal_stderr(many_articles: Path) -> None:
    total = PROGRESS_MIN_FILES + 5
    out, err = run(["check", "."], tty="stderr", cwd=many_articles)
    assert f"{total}/{total}" in ANSI.sub("", err)
    assert "checking" in err and "━" in err
    # stdout (a pipe) is untouched by the bar and keeps its format.
    assert "\x1b[" not in out and "\r" not in out
    assert_grep_format(out)


def test_no_progress_bar_when_stderr_is_not_a_terminal(many_articles: Path) -> None:
    _, err = run(["check", "."], cwd=many_articles)
    assert err == ""
    _, err = run(["check", "."], tty="stdout", cwd=many_articles)
    assert err == ""


def test_no_progress_bar_for_few_files() -> None:
    _, err = run(["check", "fixtures/seeds"], tty="stderr")
    assert err == ""


class FakeTTY(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize(
    ("choice", "tty", "env", "expected"),
    [
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {"FORCE_COLOR": "1"}, False),
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # no-color.org: only a non-empty value counts
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", False, {"FORCE_COLOR": "0"}, False),
        ("auto", False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_use_color(choice: str, tty: bool, env: dict[str, str], expected: bool) -> None:
    assert use_color(choice, FakeTTY(tty), env) is expected


def test_progress_bar_ignores_non_terminals_and_small_runs() -> None:
    piped = FakeTTY(False)
    bar = ProgressBar(piped)
    for i in range(1, 51):
        bar(i, 50)
    bar.close()
    assert piped.getvalue() == "" and not bar.shown
    small = ProgressBar(FakeTTY(True))
    small(1, PROGRESS_MIN_FILES)
    assert not small.shown
