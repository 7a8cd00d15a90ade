"""Applying fixes: ``--fix`` writes the safe ones, ``--diff`` shows them without writing.

A fix is applied only when both the rule says its fixes are safe
(``fix: {safe: true}`` in the rule YAML, :attr:`Rule.fix_safe`) and the
finding's own :class:`~medlint.model.Fix` is marked safe: a rule may offer
unsafe suggestions (a near-miss spelling) beside safe ones. Suppressed
findings are never fixed (somebody decided to leave that text alone);
baselined ones are, since the fix is safe and asked for.

Everything outside the fixed spans is kept byte for byte: the file is read
as bytes, decoded exactly as the linter decoded it (line endings and a BOM
stay), and written back atomically with ``newline=""`` and its permissions.
Fixes that overlap an earlier one are not applied and are reported, so a
second run finds them again rather than medlint guessing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from medlint.errors import MedlintError
from medlint.model import Finding, Fix

if TYPE_CHECKING:
    from medlint.lint import LintResult
    from medlint.rules import Rule


@dataclass(slots=True)
class FixOutcome:
    """What ``--fix``/``--diff`` did (or would do)."""

    diff: str = ""
    applied: int = 0
    files: list[str] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)
    errors: list[MedlintError] = field(default_factory=list)


def fixable(findings: Iterable[Finding], rules: Iterable[Rule]) -> dict[str, list[Finding]]:
    """Findings whose fix may be applied, by path."""
    safe_rules = {r.id for r in rules if r.fix_safe}
    out: dict[str, list[Finding]] = {}
    for f in findings:
        if f.fix is not None and f.fix.safe and f.rule in safe_rules and not f.suppressed:
            out.setdefault(f.path, []).append(f)
    return out


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix], list[Fix]]:
    """Apply non-overlapping fixes to ``text``; returns (new text, applied, skipped).

    Fixes are taken in source order; one that overlaps an already accepted fix
    is skipped, and so is a second insertion at the same point (their order
    would be a guess). Identical duplicates count once. Touching spans (one
    ends where the next starts) do not overlap. Offsets refer to the original
    text, so the result is built in one pass from untouched slices.
    """
    ordered = sorted(set(fixes), key=lambda x: (x.start, x.end, x.replacement))
    applied: list[Fix] = []
    skipped: list[Fix] = []
    end = 0
    for fx in ordered:
        if fx.start < 0 or fx.end > len(text) or fx.start > fx.end:
            skipped.append(fx)
            continue
        prev = applied[-1] if applied else None
        if prev and (fx.start < end or fx.start == fx.end == prev.start == prev.end):
            skipped.append(fx)
            continue
        applied.append(fx)
        end = fx.end
    parts: list[str] = []
    pos = 0
    for fx in applied:
        parts.append(text[pos : fx.start])
        parts.append(fx.replacement)
        pos = fx.end
    parts.append(text[pos:])
    return "".join(parts), applied, skipped


def unified_diff(path: str, old: str, new: str) -> str:
    """A ``git diff``-style unified diff of one file (``a/`` and ``b/`` prefixes)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(
            line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        )
    return "".join(out)


def _read(path: str) -> str:
    from medlint.lint import decode

    try:
        with open(path, "rb") as fh:
            return decode(fh.read(), path)
    except OSError as exc:
        raise MedlintError(f"cannot read for fixing: {exc.strerror}", path) from None


def fix_result(
    result: LintResult, rules: Iterable[Rule], *, write: bool, log: TextIO | None = None
) -> FixOutcome:
    """Apply (``write=True``) or diff the safe fixes of ``result``'s findings."""
    from medlint.fileio import atomic_write

    outcome = FixOutcome()
    by_path = fixable(result.findings, rules)
    diffs: list[str] = []
    for path in sorted(by_path):
        findings = by_path[path]
        try:
            old = _read(path)
        except MedlintError as exc:
            outcome.errors.append(exc)
            continue
        fixes = {f.fix: f for f in findings if f.fix is not None}
        new, applied, skipped = apply_fixes(old, fixes)
        outcome.skipped.extend(fixes[s] for s in skipped)
        if new == old:
            continue
        if write:
            try:
                atomic_write(path, new, newline="")
            except OSError as exc:
                outcome.errors.append(
                    MedlintError(f"cannot write fixed file: {exc.strerror}", path)
                )
                continue  # nothing was fixed in this file: do not count it
        else:
            diffs.append(unified_diff(path, old, new))
        outcome.applied += len(applied)
        outcome.files.append(path)
    outcome.diff = "".join(diffs)
    if log is not None:
        for f in outcome.skipped:
            log.write(
                f"medlint: {f.path}:{f.line}:{f.column}: fix for [{f.rule}] overlaps another fix;"
                " not applied\n"
            )
        for err in outcome.errors:
            log.write(f"medlint: error: {err}\n")
        if write and outcome.applied:
            log.write(
                f"medlint: fixed {outcome.applied} finding(s) in {len(outcome.files)} file(s)\n"
            )
    return outcome
