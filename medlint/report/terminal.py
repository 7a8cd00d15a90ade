"""Terminal niceties that must never leak into logs: colour and a progress bar.

Colour follows ``--color`` (``always`` / ``never`` win), then the
conventions of https://no-color.org (``NO_COLOR`` set and non-empty: no
colour) and ``FORCE_COLOR`` (set, non-empty and not ``0``: colour even when
piped, as CI services that render ANSI set it), then whether stdout is a
terminal.

The progress bar goes to stderr, only when stderr is a terminal and more than
:data:`PROGRESS_MIN_FILES` articles are checked: a CI log or a redirected
stderr never sees a carriage return. ``rich`` is imported only when a bar is
actually drawn.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, TextIO

PROGRESS_MIN_FILES = 20


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour output written to ``stream`` for ``--color choice``."""
    env = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never" or env.get("NO_COLOR"):
        return False
    force = env.get("FORCE_COLOR")
    if force and force != "0":
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


class ProgressBar:
    """A ``progress(done, total)`` callback that draws a rich bar on first use, if worth it.

    Call :meth:`close` when the run ends (also on errors) so the terminal line
    is finished before findings are printed.
    """

    def __init__(self, stream: TextIO, min_files: int = PROGRESS_MIN_FILES) -> None:
        self.stream = stream
        self.min_files = min_files
        self._progress: Any = None
        self._task: Any = None
        self._enabled = _isatty(stream)

    def __call__(self, done: int, total: int) -> None:
        if not self._enabled or total <= self.min_files:
            return
        if self._progress is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            console = Console(file=self.stream, stderr=True)
            self._progress = Progress(
                TextColumn("checking"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("articles"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("check", total=total)
        self._progress.update(self._task, completed=done, total=total)

    @property
    def shown(self) -> bool:
        return self._progress is not None

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def progress_for(stream: TextIO) -> ProgressBar | None:
    """A progress callback for ``stream``, or None when it is not a terminal (nothing to pay)."""
    return ProgressBar(stream) if _isatty(stream) else None
