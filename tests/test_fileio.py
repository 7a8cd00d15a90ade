"""atomic_write never replaces what is not a regular file, and keeps symlinks and modes."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from medlint.fileio import atomic_write


def test_regular_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write(str(target), "new\r\n", newline="")
    assert target.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_symlink_survives_and_its_target_is_updated(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write(str(link), "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    """Like ``-o /dev/null``: a special file stays what it is."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    atomic_write(str(fifo), "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_new_file_gets_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "report.html"
        atomic_write(str(target), "<html></html>")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
