"""Writing files without ever leaving a half-written one behind.

Reports and fixed articles are written to a temporary file in the same
directory and renamed over the target, so an interrupted write leaves the
original intact; the target's permissions are kept.
"""

from __future__ import annotations

import contextlib
import os
import tempfile


def atomic_write(path: str, text: str, *, newline: str = "") -> None:
    """Replace ``path`` with ``text`` atomically (UTF-8), keeping its mode when it exists."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode: int | None = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=".medlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
