"""Loading, validating and querying the canonical facts file.

The facts file is medical data: a wrong figure here becomes a false alarm or,
worse, hides a real error. So loading is strict. The JSON Schema (shipped in
``medlint/schemas/facts.schema.json``, also usable by editors' YAML plugins)
catches wrong types and unknown keys; the checks below catch what a schema
cannot: source ids that do not exist, references to unknown manufacturers,
routes or stabilizers, and one alias naming two products. Every error names
the file and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from medlint.errors import MedlintError
from medlint.yamlload import LineMap, line_at, load_yaml

SCHEMA_PATH = Path(__file__).parent / "schemas" / "facts.schema.json"
BUNDLED_FACTS = Path(__file__).parent / "data" / "ivig-facts.yaml"

PRODUCT_ATTRIBUTES = ("manufacturer", "concentration", "route", "stabilizer", "iga")
_VOCABULARIES = ("manufacturers", "stabilizers", "routes", "conditions")
_SECTIONS = ("sources", "products", *_VOCABULARIES, "regimens", "incidence")


@dataclass(slots=True)
class FactBlock:
    """One sourced fact: a product attribute, a regimen or an incidence figure."""

    attribute: str
    data: dict[str, Any]
    sources: list[str]
    status: str
    path: str
    line: int

    @property
    def values(self) -> list[Any]:
        if "values" in self.data:
            return list(self.data["values"])
        if "value" in self.data:
            return [self.data["value"]]
        return []


@dataclass(slots=True)
class Term:
    """A named thing in the text: product, family, manufacturer, stabilizer, route or condition."""

    kind: str  # "product" | "manufacturer" | "stabilizer" | "route" | "condition"
    id: str
    name: str
    aliases: list[str]
    former_names: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    facts: dict[str, FactBlock] = field(default_factory=dict)
    sugar: bool = False
    path: str = ""
    line: int = 0
    alias_line: int = 0
    sources: list[str] = field(default_factory=list)

    @property
    def fact_id(self) -> str:
        section = {"product": "products", "manufacturer": "manufacturers"}.get(self.kind, self.kind)
        return f"{section}.{self.id}"

    def surface_forms(self) -> list[str]:
        return [self.name, *self.aliases, *self.former_names]


@dataclass(slots=True)
class Facts:
    """All loaded facts, indexed for the analysis and the checks."""

    paths: list[str] = field(default_factory=list)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    products: dict[str, Term] = field(default_factory=dict)
    manufacturers: dict[str, Term] = field(default_factory=dict)
    stabilizers: dict[str, Term] = field(default_factory=dict)
    routes: dict[str, Term] = field(default_factory=dict)
    conditions: dict[str, Term] = field(default_factory=dict)
    regimens: dict[str, FactBlock] = field(default_factory=dict)
    incidence: dict[str, FactBlock] = field(default_factory=dict)
    digest: str = ""

    def terms(self) -> list[Term]:
        return [
            *self.products.values(),
            *self.manufacturers.values(),
            *self.stabilizers.values(),
            *self.routes.values(),
            *self.conditions.values(),
        ]

    def term(self, kind: str, term_id: str) -> Term | None:
        table = {
            "product": self.products,
            "manufacturer": self.manufacturers,
            "stabilizer": self.stabilizers,
            "route": self.routes,
            "condition": self.conditions,
        }[kind]
        return table.get(term_id)

    def expected(self, product_id: str, attribute: str) -> list[FactBlock]:
        """The fact blocks that say what ``attribute`` of a product (or family) is."""
        product = self.products.get(product_id)
        if product is None:
            return []
        if product.members:
            blocks: list[FactBlock] = []
            for member in product.members:
                blocks.extend(self.expected(member, attribute))
            # A family is only checkable when every member states the attribute.
            if len(blocks) < len(product.members):
                return []
            return blocks
        block = product.facts.get(attribute)
        return [block] if block else []

    def source_info(self, source_ids: list[str]) -> list[dict[str, str]]:
        out: list[dict[str, str]] = []
        for sid in source_ids:
            src = self.sources.get(sid, {})
            info = {"id": sid, "title": str(src.get("title", sid))}
            if src.get("url"):
                info["url"] = str(src["url"])
            out.append(info)
        return out


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    with SCHEMA_PATH.open(encoding="utf-8") as fh:
        loaded: dict[str, Any] = json.load(fh)
    return loaded


def _validate_schema(data: Any, path: str) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(_schema())
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: (line_at(data, list(e.absolute_path)) or 0, str(e.message)),
    )
    if not errors:
        return
    err = errors[0]
    location = list(err.absolute_path)
    line = line_at(data, location)
    if err.validator == "additionalProperties" and isinstance(err.instance, LineMap):
        allowed = set(err.schema.get("properties", {}))
        extra = [k for k in err.instance if k not in allowed]
        if extra:
            line = err.instance.line_of(extra[0])
    where = ".".join(str(p) for p in location) or "top level"
    message = err.message
    if err.validator == "additionalProperties":
        message = message.replace("Additional properties are not allowed", "unknown key")
    if err.validator == "required" and "sources" in message:
        message = "fact has no sources: " + message
    raise MedlintError(f"{where}: {message}", path, line)


def _term(kind: str, tid: str, entry: LineMap, path: str) -> Term:
    return Term(
        kind=kind,
        id=tid,
        name=str(entry["name"]),
        aliases=[str(a) for a in entry.get("aliases", [])],
        former_names=[str(a) for a in entry.get("former_names", [])],
        members=[str(m) for m in entry.get("members", [])],
        sugar=bool(entry.get("sugar", False)),
        path=path,
        line=entry.line,
        alias_line=entry.line_of("aliases") if "aliases" in entry else entry.line_of("name"),
        sources=[str(s) for s in entry.get("sources", [])],
    )


def _block(attribute: str, entry: LineMap, path: str, default_status: str) -> FactBlock:
    return FactBlock(
        attribute=attribute,
        data=dict(entry),
        sources=[str(s) for s in entry.get("sources", [])],
        status=str(entry.get("status", default_status)),
        path=path,
        line=entry.line,
    )


def _merge(facts: Facts, data: LineMap, path: str, origins: dict[str, str]) -> None:
    """Add one file's facts; the same id in two files is a conflict naming both files."""

    def claim_id(section: str, key: str, line: int) -> None:
        ref = f"{section}.{key}"
        if ref in origins:
            raise MedlintError(f"'{ref}' is also defined in {origins[ref]}", path, line)
        origins[ref] = f"{path}:{line}"

    for sid, src in data.get("sources", {}).items():
        claim_id("sources", sid, data["sources"].line_of(sid))
        facts.sources[sid] = dict(src)
    kinds = {
        "products": ("product", facts.products),
        "manufacturers": ("manufacturer", facts.manufacturers),
        "stabilizers": ("stabilizer", facts.stabilizers),
        "routes": ("route", facts.routes),
        "conditions": ("condition", facts.conditions),
    }
    for section, (kind, table) in kinds.items():
        for tid, entry in data.get(section, {}).items():
            claim_id(section, tid, data[section].line_of(tid))
            term = _term(kind, tid, entry, path)
            if kind == "product":
                default = str(entry.get("status", "verified"))
                for attribute in PRODUCT_ATTRIBUTES:
                    if attribute in entry:
                        term.facts[attribute] = _block(attribute, entry[attribute], path, default)
            table[tid] = term
    for section, table2 in (("regimens", facts.regimens), ("incidence", facts.incidence)):
        for fid, entry in data.get(section, {}).items():
            claim_id(section, fid, data[section].line_of(fid))
            if section == "regimens":
                _check_rates(entry, path)
            table2[fid] = _block(section, entry, path, "verified")


def _check_references(facts: Facts) -> None:
    """Every id a fact points at must exist; every alias must name one thing."""

    def need(table: dict[str, Any], ref: str, what: str, path: str, line: int) -> None:
        if ref not in table:
            raise MedlintError(f"unknown {what} '{ref}'", path, line)

    def need_sources(ids: list[str], path: str, line: int) -> None:
        for sid in ids:
            need(facts.sources, sid, "source", path, line)

    for term in facts.terms():
        need_sources(term.sources, term.path, term.line)
        for block in term.facts.values():
            need_sources(block.sources, block.path, block.line)
        for member in term.members:
            need(facts.products, member, "family member product", term.path, term.line)
            if facts.products[member].members:
                raise MedlintError(
                    f"family member '{member}' is itself a family", term.path, term.line
                )
        if term.members and term.facts:
            raise MedlintError(
                f"family '{term.id}' must not state facts itself; state them on its members",
                term.path,
                term.line,
            )
        if term.kind == "product":
            man = term.facts.get("manufacturer")
            if man:
                need(
                    facts.manufacturers, str(man.data["value"]), "manufacturer", man.path, man.line
                )
            for attr, table, what in (
                ("route", facts.routes, "route"),
                ("stabilizer", facts.stabilizers, "stabilizer"),
            ):
                listed = term.facts.get(attr)
                if listed is None:
                    continue
                for value in listed.values:
                    need(table, str(value), what, listed.path, listed.line)
            iga = term.facts.get("iga")
            if (
                iga
                and "typical" not in iga.data
                and "max" not in iga.data
                and "description" not in iga.data
            ):
                raise MedlintError("iga fact needs typical, max or description", iga.path, iga.line)
    for block in [*facts.regimens.values(), *facts.incidence.values()]:
        need_sources(block.sources, block.path, block.line)
        cond = block.data.get("condition")
        if cond is not None:
            need(facts.conditions, str(cond), "condition", block.path, block.line)
        prod = block.data.get("product")
        if prod is not None:
            need(facts.products, str(prod), "product", block.path, block.line)
    seen: dict[str, Term] = {}
    for term in facts.terms():
        for form in term.surface_forms():
            key = " ".join(form.lower().split())
            other = seen.get(key)
            if other is not None and other is not term:
                raise MedlintError(
                    f"alias '{form}' names both {other.fact_id} (line {other.line}) "
                    f"and {term.fact_id}",
                    term.path,
                    term.alias_line,
                )
            seen[key] = term


def _check_rates(entry: LineMap, path: str) -> None:
    """A regimen's infusion rates must read as rates: one that does not would never be checked."""
    from medlint.quantities import parse_quantity

    for key in ("initial_rate", "maximum_rate"):
        given = entry.get(key)
        if given is None:
            continue
        line = entry.line_of(key)
        for text in given if isinstance(given, list) else [given]:
            q = parse_quantity(str(text))
            if q is None or q.kind != "infusion_rate":
                raise MedlintError(
                    f"{key} '{text}' is not an infusion rate medlint can read "
                    "(write it as e.g. '4 mg/kg/min' or '0.04 mL/kg/min')",
                    path,
                    line,
                )


def load_facts(paths: list[str] | None = None) -> Facts:
    """Load, validate and merge facts files (the bundled IVIG pack when ``paths`` is empty)."""
    import hashlib

    if not paths:
        paths = [str(BUNDLED_FACTS)]
    facts = Facts(paths=list(paths))
    origins: dict[str, str] = {}
    digest = hashlib.sha256()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise MedlintError("facts file not found", path) from None
        except UnicodeDecodeError as exc:
            raise MedlintError(f"facts file is not UTF-8 ({exc.reason})", path) from None
        except OSError as exc:
            raise MedlintError(f"cannot read facts file: {exc.strerror}", path) from None
        digest.update(text.encode("utf-8"))
        data = load_yaml(text, path)
        if not isinstance(data, LineMap):
            raise MedlintError("a facts file must be a YAML mapping", path, 1)
        _validate_schema(data, path)
        _merge(facts, data, path, origins)
    _check_references(facts)
    facts.digest = digest.hexdigest()
    return facts
