"""Declarative rules: one YAML file per rule, validated like the facts.

A rule chooses a *check kind* (the code, registered in :mod:`medlint.checks`)
and gives it parameters, a severity, a message template and examples. The
shared header is validated by ``schemas/rule.schema.json``; each kind
validates its own ``parameters``. Unknown keys, unknown kinds, bad
parameters and uncompilable regexes are errors with file and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from medlint.errors import MedlintError
from medlint.yamlload import LineMap, line_at, load_yaml

SCHEMA_PATH = Path(__file__).parent / "schemas" / "rule.schema.json"


def builtin_rules_dir() -> Path:
    """``medlint/rules`` in an installed wheel; the top-level ``rules/`` in a checkout."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "rules"


@dataclass(slots=True)
class Rule:
    id: str
    name: str
    kind: str
    category: str
    severity: str
    summary: str
    message: str
    parameters: dict[str, Any] = field(default_factory=dict)
    partial_severity: str = "warning"
    suppressible: bool = True
    enabled: bool = True
    fix_safe: bool = False
    examples: dict[str, list[str]] = field(default_factory=dict)
    path: str = ""
    line: int = 1
    doc_path: str | None = None
    compiled: Any = None  # what the check kind prepared from the parameters

    def render(self, **values: object) -> str:
        """Fill the message template; a missing placeholder is left visible, never a crash."""
        try:
            return self.message.format_map(_Keep(values))
        except (ValueError, TypeError):  # a format spec that does not fit the value ("{found:d}")
            return self.message

    def doc(self) -> str:
        if self.doc_path and Path(self.doc_path).is_file():
            return Path(self.doc_path).read_text(encoding="utf-8")
        return f"# {self.id}\n\n{self.summary}\n"


class _Keep(dict[str, object]):
    """Template values; a placeholder without a value renders as itself."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    with SCHEMA_PATH.open(encoding="utf-8") as fh:
        loaded: dict[str, Any] = json.load(fh)
    return loaded


def _template_problem(message: str) -> str | None:
    """Why a message template would fail or leak at render time, or None when it is sound.

    Placeholders must be plain names (``{found}``): a stray brace would raise
    for every finding, and ``{match.__class__}`` would reach into Python objects.
    """
    import string

    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as exc:
        return f"{exc} (write '{{{{' and '}}}}' for literal braces)"
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier():
            return f"placeholder '{{{name}}}' must be a plain name such as {{found}}"
        if conversion not in (None, "r", "s", "a") or (spec and "{" in spec):
            return f"placeholder '{{{name}}}' has an unsupported conversion or nested field"
    return None


def load_rule(path: Path) -> Rule:
    from jsonschema import Draft202012Validator

    from medlint.checks import CHECK_KINDS

    spath = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MedlintError(f"cannot read rule file: {exc}", spath) from None
    data = load_yaml(text, spath)
    if not isinstance(data, LineMap):
        raise MedlintError("a rule file must be a YAML mapping", spath, 1)
    errors = sorted(
        Draft202012Validator(_schema()).iter_errors(data), key=lambda e: list(e.absolute_path)
    )
    if errors:
        err = errors[0]
        where = ".".join(str(p) for p in err.absolute_path) or "top level"
        message = err.message.replace("Additional properties are not allowed", "unknown key")
        raise MedlintError(f"{where}: {message}", spath, line_at(data, list(err.absolute_path)))
    kind = CHECK_KINDS.get(str(data["kind"]))
    if kind is None:
        known = ", ".join(sorted(CHECK_KINDS))
        raise MedlintError(
            f"unknown rule kind '{data['kind']}' (known: {known})", spath, data.line_of("kind")
        )
    doc = path.with_suffix(".md")
    rule = Rule(
        id=str(data["id"]),
        name=str(data["name"]),
        kind=str(data["kind"]),
        category=str(data["category"]),
        severity=str(data["severity"]),
        summary=str(data["summary"]),
        message=str(data["message"]),
        parameters=dict(data.get("parameters", {})),
        partial_severity=str(data.get("partial_severity", "warning")),
        suppressible=bool(data.get("suppressible", True)),
        enabled=bool(data.get("enabled", True)),
        fix_safe=bool(data.get("fix", {}).get("safe", False)),
        examples={k: list(v) for k, v in data.get("examples", {}).items()},
        path=spath,
        line=data.line,
        doc_path=str(doc) if doc.is_file() else None,
    )
    problem = _template_problem(rule.message)
    if problem:
        raise MedlintError(f"message: {problem}", spath, data.line_of("message"))
    params = data.get("parameters", LineMap())
    try:
        rule.compiled = kind.prepare(rule.parameters)
    except MedlintError as exc:
        # Point at the parameter that failed when the check says which.
        line = params.line_of(exc.path) if isinstance(params, LineMap) and exc.path else None
        raise MedlintError(
            f"parameters: {exc.message}", spath, line or data.line_of("parameters")
        ) from None
    return rule


def rule_files(dirs: list[str] | None = None) -> list[Path]:
    """Every file a rule set is built from (YAML and docs), for cache keys."""
    out: list[Path] = []
    for directory in [builtin_rules_dir(), *(Path(d) for d in dirs or [])]:
        if directory.is_dir():
            out.extend(sorted(directory.glob("*.yaml")))
            out.extend(sorted(directory.glob("*.md")))
        else:
            out.append(directory)  # unreadable: no key, and load_rules reports it
    return out


def load_rules(dirs: list[str] | None = None) -> list[Rule]:
    """Built-in rules plus the rule directories given; a later rule replaces one with its id."""
    paths: list[Path] = [builtin_rules_dir()]
    paths.extend(Path(d) for d in dirs or [])
    by_id: dict[str, Rule] = {}
    for directory in paths:
        if not directory.is_dir():
            raise MedlintError("rules directory not found", str(directory))
        for file in sorted(directory.glob("*.yaml")):
            rule = load_rule(file)
            by_id[rule.id] = rule
    return sorted(by_id.values(), key=lambda r: r.id)
