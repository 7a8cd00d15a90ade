"""Regular expressions from rule files, run in linear time.

A ``pattern`` rule is written by an editorial team, not by medlint's authors,
and runs over every paragraph of every article. With Python's backtracking
``re`` engine a pattern such as ``(a+)+$`` takes exponential time on a line
like ``aaaa…ab``: one careless house rule would hang a CI job with no output.
A timeout (the ``regex`` module's ``timeout=``) would bound the time but make
the findings depend on machine load, and medlint's output must be the same on
every run. So user patterns run on RE2 (``google-re2``), whose automaton
matches in time linear in the text for every pattern.

RE2 has no lookaround and no backreferences (the two features that need
backtracking); a pattern using them is refused with a one-line reason when
the rule is loaded, never at match time. Patterns are first compiled with
Python's ``re`` so a plain syntax error gets the message people know. Note
that in RE2 ``\\w``, ``\\d`` and ``\\b`` are ASCII-only; use ``\\pL`` / ``\\p{L}``
for letters of any script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import re2

from medlint.errors import MedlintError

# Memory RE2 may use for one compiled pattern's automaton (its default is 8 MiB).
_MAX_MEM = 64 * 1024 * 1024
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class SafeMatch:
    """One match: code-point offsets into the searched text and the matched text."""

    start: int
    end: int
    text: str


class SafePattern:
    """A compiled user pattern; ``finditer`` runs in time linear in the text."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str, compiled: Any) -> None:
        self.pattern = pattern
        self._compiled = compiled

    def finditer(self, text: str) -> Iterator[SafeMatch]:
        # RE2 works on UTF-8; a lone surrogate (possible through the Python API,
        # never from a decoded file) cannot be encoded, so it is searched as
        # U+FFFD, which keeps every code-point offset where it was.
        searched = _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
        for m in self._compiled.finditer(searched):
            start, end = m.span()
            yield SafeMatch(start, end, text[start:end])

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r})"


def _message(exc: BaseException) -> str:
    arg = exc.args[0] if exc.args else exc
    return arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(arg)


def compile_user_pattern(pattern: str, *, case_sensitive: bool = False) -> SafePattern:
    """Compile ``pattern`` for linear-time matching, or raise :class:`MedlintError` saying why."""
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        re.compile(pattern, flags)
    except re.error as exc:
        raise MedlintError(f"pattern does not compile: {exc}") from None
    except (RecursionError, OverflowError, MemoryError):
        raise MedlintError("pattern does not compile: too complex") from None
    options = re2.Options()
    options.log_errors = False  # RE2 would print to stderr; the caller reports one line.
    options.case_sensitive = case_sensitive
    options.max_mem = _MAX_MEM
    try:
        compiled = re2.compile(pattern, options)
    except re2.error as exc:
        reason = _message(exc)
        raise MedlintError(
            f"pattern cannot run on the linear-time engine RE2 ({reason}); "
            "rule patterns may not use lookaround or backreferences"
        ) from None
    return SafePattern(pattern, compiled)
