"""``--format github``: GitHub Actions workflow commands that annotate a pull request.

Each finding becomes ``::error|warning|notice file=...,line=...,col=...,
endLine=...,endColumn=...,title=...::message``. GitHub shows only the first
ten annotations of each type per step, so all errors come first, then the
warnings, then the notices (medlint's ``info``); within a type, findings keep
medlint's path/line order. A last plain line counts everything, because the
annotations a reader sees may be a truncated subset.

Escaping follows the runner's own rules (actions/toolkit ``command.ts``): in
the message ``%``, CR and LF are percent-encoded; in properties ``:`` and
``,`` are too, since they separate the command's fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from medlint.model import Finding
from medlint.report import ReportContext

if TYPE_CHECKING:
    from medlint.lint import LintResult

#: medlint severity -> workflow command.
COMMANDS: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice"}
_ORDER = ("error", "warning", "info")


def escape_data(text: str) -> str:
    """Escape a command's message: ``%`` first, so that the escapes themselves survive."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus the ``:`` and ``,`` that delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, properties: dict[str, object]) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return (
        f"::{name} {props}::{escape_data(message)}"
        if props
        else f"::{name}::{escape_data(message)}"
    )


def annotation(f: Finding) -> str:
    props: dict[str, object] = {
        "file": f.path,
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f"{f.name} ({f.rule})",
    }
    return command(COMMANDS[f.severity], f.message, props)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def stream(result: LintResult, ctx: ReportContext) -> Iterator[str]:
    """Input errors, then one pass over the findings per severity, then the count line.

    Three passes rather than one list of the active findings: the findings may be
    read back from disk, and a large run's annotations need not all be in memory.
    """
    for err in result.errors:
        props: dict[str, object] = {}
        if err.path:
            props["file"] = err.path
            if err.line:
                props["line"] = err.line
        props["title"] = "medlint: input error"
        yield command("error", err.message, props) + "\n"
    counts = dict.fromkeys(_ORDER, 0)
    for severity in _ORDER:
        for f in result.findings:
            if f.severity == severity and not f.suppressed and not f.baselined:
                yield annotation(f) + "\n"
                counts[severity] += 1
    tail = (
        f"medlint: {_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
        f"{_plural(counts['info'], 'notice')} in {_plural(len(result.files), 'file')}"
    )
    if result.errors:
        tail += f" ({_plural(len(result.errors), 'input error')})"
    yield tail + "\n"


def render(result: LintResult, ctx: ReportContext) -> str:
    return "".join(stream(result, ctx))
