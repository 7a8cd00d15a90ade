"""Project configuration: ``.medlint.yaml`` or ``[tool.medlint]`` in ``pyproject.toml``.

Discovery walks up from the working directory and stops at the repository
root (the first directory holding ``.git``), so a configuration outside the
repository never leaks in. In one directory ``.medlint.yaml`` (or
``.medlint.yml``) wins over ``pyproject.toml``; a ``pyproject.toml`` without
a ``[tool.medlint]`` table does not count and the walk goes on.
``--config FILE`` replaces discovery, ``--isolated`` ignores every file.

Paths in a configuration file (``facts``, ``rules``, ``baseline`` and globs
with a ``/``) are relative to that file's directory, so the same file works
from any working directory. Command-line flags override the file; a
``--severity`` flag overrides that one rule's entry of the ``severity`` map.

A configuration error (unknown key, wrong type, bad value) is one line naming
the file and line, checked against a small JSON Schema.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medlint.errors import MedlintError
from medlint.lint import Options

_SEVERITIES = ["error", "warning", "info"]
_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "facts": _STRINGS,
        "rules": _STRINGS,
        "select": _STRINGS,
        "ignore": _STRINGS,
        "include": _STRINGS,
        "exclude": _STRINGS,
        "severity": {"type": "object", "additionalProperties": {"enum": _SEVERITIES}},
        "fail-on": {"enum": [*_SEVERITIES, "never"]},
        "baseline": {"type": "string", "minLength": 1},
    },
}
YAML_NAMES = (".medlint.yaml", ".medlint.yml")


@dataclass(slots=True)
class Config:
    """Settings read from one configuration file, paths already resolved."""

    path: str | None = None
    facts: list[str] | None = None
    rules: list[str] | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    include: list[str] | None = None
    exclude: list[str] | None = None
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    baseline: str | None = None


@dataclass(slots=True)
class Settings:
    """What ``medlint check`` runs with after merging configuration and flags."""

    options: Options
    fail_on: str = "error"
    baseline: str | None = None
    config_path: str | None = None


def _toml_table(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The ``[tool.medlint]`` table of a TOML file (None when absent) and the file's text."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = int(m.group(1)) if m else max(len(text.splitlines()), 1)  # "at end of document"
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise MedlintError(f"TOML error: {message}", str(path), line) from None
    tool = data.get("tool", {})
    table = tool.get("medlint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise MedlintError("[tool.medlint] must be a table", str(path), _toml_line(text, "medlint"))
    return table, text


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise MedlintError("configuration file not found", str(path)) from None
    except UnicodeDecodeError:
        raise MedlintError("configuration file is not UTF-8", str(path)) from None
    except OSError as exc:
        raise MedlintError(f"cannot read configuration: {exc.strerror}", str(path)) from None


def _toml_line(text: str, key: str) -> int | None:
    """The line of ``key`` inside the medlint table (tomllib gives no positions, so search)."""
    lines = text.splitlines()
    start = 0
    for i, line in enumerate(lines):
        if re.match(r"\s*\[\s*tool\s*\.\s*medlint\s*[\].]", line):
            start = i
            break
    pattern = re.compile(
        r"\s*(?:\[\s*tool\s*\.\s*medlint\s*\.\s*)?[\"']?" + re.escape(key) + r"[\"']?\s*[=\]]"
    )
    for i in range(start, len(lines)):
        if pattern.match(lines[i]):
            return i + 1
    return start + 1 if lines else None


def find_config(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` up to the repository root."""
    for directory in [start, *start.parents]:
        for name in YAML_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _toml_table(Path(os.path.relpath(pyproject)))[0] is not None:
            return pyproject
        if (directory / ".git").exists():
            return None
    return None


def _validate(data: Any, where: Any) -> None:
    """Check ``data`` against :data:`SCHEMA`; ``where(key_path)`` gives the line of an error."""
    from jsonschema import Draft202012Validator

    errors = sorted(
        Draft202012Validator(SCHEMA).iter_errors(data),
        key=lambda e: [str(p) for p in e.absolute_path],
    )
    if not errors:
        return
    err = errors[0]
    location = [p for p in err.absolute_path]
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        extra = sorted(k for k in err.instance if k not in err.schema.get("properties", {}))
        if extra and not location:
            known = ", ".join(sorted(SCHEMA["properties"]))
            raise MedlintError(f"unknown key '{extra[0]}' (known: {known})", *where([extra[0]]))
    shown = ".".join(str(p) for p in location) or "top level"
    raise MedlintError(f"{shown}: {err.message}", *where(location))


def load_config(path: Path) -> Config:
    """Read, validate and resolve one configuration file."""
    spath = str(path)
    if path.suffix == ".toml":
        table, text = _toml_table(path)
        if table is None:
            raise MedlintError("no [tool.medlint] table", spath)
        data: Any = table

        def where(location: list[Any]) -> tuple[str, int | None]:
            keys = [str(p) for p in location if isinstance(p, str)]
            return spath, _toml_line(text, keys[-1]) if keys else _toml_line(text, "medlint")

    else:
        from medlint.yamlload import LineMap, line_at, load_yaml

        data = load_yaml(_read(path), spath)
        if data is None:
            data = LineMap()
            data.line = 1
            data.key_lines = {}
        if not isinstance(data, LineMap):
            raise MedlintError("a configuration file must be a YAML mapping", spath, 1)
        yaml_data = data

        def where(location: list[Any]) -> tuple[str, int | None]:
            return spath, line_at(yaml_data, location)

    _validate(data, where)
    base = path.resolve().parent

    def rel(p: str) -> str:
        full = Path(p) if os.path.isabs(p) else base / p
        try:
            return os.path.relpath(full)
        except ValueError:  # another drive on Windows
            return str(full)

    def glob(p: str) -> str:
        return rel(p) if "/" in p and base != Path.cwd().resolve() else p

    return Config(
        path=spath,
        facts=[rel(p) for p in data["facts"]] if "facts" in data else None,
        rules=[rel(p) for p in data["rules"]] if "rules" in data else None,
        select=list(data["select"]) if "select" in data else None,
        ignore=list(data["ignore"]) if "ignore" in data else None,
        include=[glob(p) for p in data["include"]] if "include" in data else None,
        exclude=[glob(p) for p in data["exclude"]] if "exclude" in data else None,
        severity=dict(data.get("severity", {})),
        fail_on=data.get("fail-on"),
        baseline=rel(data["baseline"]) if "baseline" in data else None,
    )


def config_for(explicit: str | None, isolated: bool) -> Config:
    """The configuration in effect: ``--config``, none (``--isolated``) or the discovered one."""
    if explicit:
        return load_config(Path(explicit))
    if isolated:
        return Config()
    found = find_config(Path.cwd())
    return load_config(Path(os.path.relpath(found))) if found else Config()


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Merge the configuration with ``medlint check`` flags (flags win)."""
    from medlint.cli import _severity_pairs

    cfg = config_for(getattr(args, "config", None), getattr(args, "isolated", False))
    severity = dict(cfg.severity)
    severity.update(_severity_pairs(args.severity))
    options = Options(
        facts=args.facts or cfg.facts or [],
        rules_dirs=args.rules or cfg.rules or [],
        select=args.select if args.select is not None else cfg.select,
        ignore=args.ignore or cfg.ignore or [],
        severity=severity,
        include=cfg.include or [],
        exclude=cfg.exclude or [],
    )
    return Settings(
        options=options,
        fail_on=args.fail_on or cfg.fail_on or "error",
        baseline=getattr(args, "baseline", None) or cfg.baseline,
        config_path=cfg.path,
    )
