"""Facts files are medical data: every malformed one is refused with file, line and a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from medlint.errors import MedlintError
from medlint.facts import BUNDLED_FACTS, load_facts

VALID = """\
version: 1
sources:
  S1: {title: "Label A", url: "https://example.org/a"}
manufacturers:
  acme: {name: Acme Bio, former_names: [OldCo], sources: [S1]}
stabilizers:
  glycine: {name: glycine}
routes:
  iv: {name: intravenous, aliases: [intravenously]}
products:
  prod-a:
    name: Prodex
    aliases: [Prodex Liquid]
    sources: [S1]
    concentration: {values: ["10%"], sources: [S1], status: verified}
    manufacturer: {value: acme, sources: [S1]}
    route: {values: [iv], sources: [S1]}
    stabilizer: {values: [glycine], sources: [S1]}
"""


def write(tmp_path: Path, text: str, name: str = "facts.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def error_of(paths: list[str]) -> MedlintError:
    with pytest.raises(MedlintError) as info:
        load_facts(paths)
    return info.value


def test_bundled_pack_loads() -> None:
    facts = load_facts()
    assert len([p for p in facts.products.values() if not p.members]) == 10
    assert facts.products["octagam"].members == ["octagam-5", "octagam-10"]
    assert {b.values[0] for b in facts.expected("octagam", "concentration")} == {"5%", "10%"}


def test_valid_file_loads(tmp_path: Path) -> None:
    facts = load_facts([write(tmp_path, VALID)])
    assert facts.products["prod-a"].facts["concentration"].values == ["10%"]
    assert facts.manufacturers["acme"].former_names == ["OldCo"]


@pytest.mark.parametrize(
    ("mutation", "line", "needle"),
    [
        (
            (
                "    route: {values: [iv], sources: [S1]}\n",
                "    route: {values: [iv], sources: [S1]}\n    colour: blue\n",
            ),
            18,
            "unknown key",
        ),
        (
            (
                '    concentration: {values: ["10%"], sources: [S1], status: verified}\n',
                '    concentration: {values: ["10%"], status: verified}\n',
            ),
            15,
            "no sources",
        ),
        (("sources: [S1]}\nstabilizers", "sources: [S2]}\nstabilizers"), 5, "unknown source 'S2'"),
        (
            ("    manufacturer: {value: acme", "    manufacturer: {value: nobody"),
            16,
            "unknown manufacturer 'nobody'",
        ),
        (
            ("    aliases: [Prodex Liquid]", "    aliases: [Prodex Liquid, OldCo]"),
            5,
            "alias 'OldCo'",
        ),
        (
            (
                "  glycine: {name: glycine}\n",
                "  glycine: {name: glycine}\n  glycine: {name: other}\n",
            ),
            8,
            "duplicate key 'glycine'",
        ),
        (
            ('    concentration: {values: ["10%"]', "    concentration: {values: [10]"),
            15,
            "concentration",
        ),
        (
            ("version: 1\n", 'version: 1\nmeta: !!python/object/apply:os.system ["true"]\n'),
            2,
            "tag not allowed",
        ),
        (("products:\n", "products:\n  - [unclosed\n"), 12, "YAML error"),
    ],
    ids=[
        "unknown-key",
        "missing-sources",
        "unknown-source",
        "unknown-manufacturer",
        "duplicate-alias",
        "duplicate-key",
        "wrong-type",
        "python-tag",
        "syntax-error",
    ],
)
def test_bad_facts_are_refused_with_line(
    tmp_path: Path, mutation: tuple[str, str], line: int, needle: str
) -> None:
    old, new = mutation
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new, 1))
    err = error_of([path])
    assert err.path == path
    assert err.line == line, str(err)
    assert needle in str(err)
    assert str(err).startswith(f"{path}:{line}: ")


REGIMEN = """\
conditions:
  dm: {name: dermatomyositis}
regimens:
  prod-a-dm:
    kind: label
    product: prod-a
    condition: dm
    dose: "2 g/kg"
    maximum_rate: RATES
    sources: [S1]
    status: verified
"""


@pytest.mark.parametrize("rates", ['"4 mg/kg/min"', '["4.0 mg/kg/min", "0.04 mL/kg/min"]'])
def test_a_regimen_gives_its_rates_in_one_unit_or_several(tmp_path: Path, rates: str) -> None:
    facts = load_facts([write(tmp_path, VALID + REGIMEN.replace("RATES", rates))])
    assert "maximum_rate" in facts.regimens["prod-a-dm"].data


@pytest.mark.parametrize("rates", ['"4 mg/kg"', '["4 mg/kg/min", "fast"]'])
def test_a_rate_medlint_cannot_read_is_refused_with_its_line(tmp_path: Path, rates: str) -> None:
    path = write(tmp_path, VALID + REGIMEN.replace("RATES", rates))
    err = error_of([path])
    assert str(err).startswith(f"{path}:27: maximum_rate ")
    assert "is not an infusion rate" in str(err)


def test_two_files_defining_the_same_product_conflict(tmp_path: Path) -> None:
    a = write(tmp_path, VALID, "a.yaml")
    b = write(tmp_path, VALID.replace("S1", "S9"), "b.yaml")
    err = error_of([a, b])
    assert err.path == b and "a.yaml" in str(err)


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    assert "not found" in str(error_of([str(tmp_path / "nope.yaml")]))
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("version: 1\n# caf\xe9\n".encode("latin-1"))
    assert "not UTF-8" in str(error_of([str(bad)]))


def test_bundled_path_is_inside_the_package() -> None:
    assert BUNDLED_FACTS.is_file()
    assert BUNDLED_FACTS.parent.parent.name == "medlint"


def test_c_and_python_yaml_parsers_give_the_same_data_and_lines() -> None:
    """libyaml is used when PyYAML has it; the pure-Python fallback must read files alike."""
    import yaml

    from medlint import yamlload
    from medlint.facts import BUNDLED_FACTS
    from medlint.rules import rule_files

    class PythonLoader(yaml.SafeLoader):
        pass

    for tag, constructor in yamlload._Loader.yaml_constructors.items():
        PythonLoader.add_constructor(tag, constructor)
    PythonLoader.yaml_implicit_resolvers = yamlload._Loader.yaml_implicit_resolvers

    def lines(value: object) -> object:
        if isinstance(value, yamlload.LineMap):
            return (value.line, value.key_lines, {k: lines(v) for k, v in value.items()})
        if isinstance(value, yamlload.LineList):
            return (value.line, value.item_lines, [lines(v) for v in value])
        return value

    for path in [BUNDLED_FACTS, *(p for p in rule_files([]) if p.suffix == ".yaml")]:
        text = path.read_text(encoding="utf-8")
        fast = yamlload.load_yaml(text, str(path))
        original = yamlload._Loader
        try:
            yamlload._Loader = PythonLoader  # type: ignore[misc]
            slow = yamlload.load_yaml(text, str(path))
        finally:
            yamlload._Loader = original  # type: ignore[misc]
        assert lines(fast) == lines(slow), path
