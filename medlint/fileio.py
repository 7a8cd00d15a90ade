"""Writing files without ever leaving a half-written one behind.

Reports and fixed articles are written to a temporary file in the same
directory and renamed over the target, so an interrupted write leaves the
original intact; the target's permissions are kept. Two targets are never
renamed over: a symlink (the file it points to is replaced, so the link
survives) and anything that is not a regular file (``-o /dev/null``,
``-o /dev/stdout``, a FIFO), which is written to in place: renaming over a
device node would replace it with a plain file.

The text may come as an iterable of chunks (a streamed report): each is
written as it is produced, so the whole report is never one string, and the
rename still happens only once the last chunk is on disk.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from typing import TextIO


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _write_all(fh: TextIO, text: str | Iterable[str]) -> None:
    if isinstance(text, str):
        fh.write(text)
        return
    for chunk in text:
        fh.write(chunk)


def atomic_write(path: str, text: str | Iterable[str], *, newline: str = "") -> None:
    """Replace ``path`` with ``text`` (a string or string chunks) atomically, as UTF-8.

    An existing file keeps its mode. If producing a chunk raises, a regular file
    is left as it was and the temporary file is removed (a device or FIFO has
    then received the chunks written so far, as stdout would have).
    """
    target = os.path.realpath(path)
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(target, "w", encoding="utf-8", newline=newline) as fh:
            _write_all(fh, text)
        return
    # A new file gets the mode any other new file would (0o666 less the umask), not
    # mkstemp's private 0o600: a report is usually meant to be read by others (CI artifacts).
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=".medlint-", suffix=".tmp", dir=os.path.dirname(target))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            _write_all(fh, text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
