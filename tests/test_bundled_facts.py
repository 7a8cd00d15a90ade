"""The bundled IVIG facts pack: schema, referential integrity and agreement with the research.

The pack (``medlint/data/ivig-facts.yaml``) is medical data converted by hand from
``shared/facts/ivig-research.yaml``. These tests check that it validates against the
shipped JSON Schema, that every id it points at exists, that names resolve to exactly
one thing, and - when the research file is available - that the figures still equal
the research's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
FACTS_PATH = ROOT / "medlint" / "data" / "ivig-facts.yaml"
SCHEMA_PATH = ROOT / "medlint" / "schemas" / "facts.schema.json"
RESEARCH_PATH = Path("/work/shared/facts/ivig-research.yaml")

FACT_ATTRIBUTES = ("manufacturer", "concentration", "route", "stabilizer", "iga")
STATUSES = {"verified", "partial", "unverified"}
PRODUCT_IDS = {
    "gamunex-c",
    "flebogamma-5-dif",
    "flebogamma-10-dif",
    "privigen",
    "hizentra",
    "gammagard-liquid",
    "cuvitru",
    "octagam-5",
    "octagam-10",
    "panzyga",
}
FAMILIES = {
    "flebogamma-dif": ["flebogamma-5-dif", "flebogamma-10-dif"],
    "octagam": ["octagam-5", "octagam-10"],
}


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    with FACTS_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def research() -> dict[str, Any]:
    if not RESEARCH_PATH.exists():
        pytest.skip(f"research file {RESEARCH_PATH} not available")
    with RESEARCH_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict)
    return data


def _products(facts: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {pid: p for pid, p in facts["products"].items() if "members" not in p}


def _families(facts: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {pid: p for pid, p in facts["products"].items() if "members" in p}


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


# --------------------------------------------------------------------------- schema


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)


def test_validates_against_schema(facts: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    errors = sorted(Draft202012Validator(schema).iter_errors(facts), key=lambda e: list(e.path))
    assert not errors, "\n".join(
        f"{'.'.join(map(str, e.absolute_path)) or 'top level'}: {e.message}" for e in errors
    )


def test_project_loader_accepts_pack() -> None:
    """The package's own strict loader (schema + cross-references + aliases) accepts the pack."""
    facts_module = pytest.importorskip("medlint.facts")
    loaded = facts_module.load_facts([str(FACTS_PATH)])
    assert set(loaded.products) == PRODUCT_IDS | set(FAMILIES)


# --------------------------------------------------------------------------- shape


def test_ten_products_and_two_families(facts: dict[str, Any]) -> None:
    assert set(_products(facts)) == PRODUCT_IDS
    families = _families(facts)
    assert {fid: f["members"] for fid, f in families.items()} == FAMILIES


def test_families_state_no_facts(facts: dict[str, Any]) -> None:
    for fid, family in _families(facts).items():
        assert set(family) <= {"name", "aliases", "members", "note"}, fid


def test_every_product_and_fact_block_has_status_and_sources(facts: dict[str, Any]) -> None:
    for pid, product in _products(facts).items():
        assert product.get("status") in STATUSES, pid
        assert product.get("sources"), pid
        for attr in FACT_ATTRIBUTES:
            assert attr in product, f"{pid} has no {attr} fact"
            block = product[attr]
            assert block.get("status") in STATUSES, f"{pid}.{attr}"
            assert block.get("sources"), f"{pid}.{attr}"
            if block["status"] != "verified":
                assert block.get("why"), f"{pid}.{attr} is {block['status']} but has no why"
    for section in ("regimens", "incidence"):
        for fid, block in facts[section].items():
            assert block.get("status") in STATUSES, f"{section}.{fid}"
            if block["status"] != "verified":
                assert block.get("why"), f"{section}.{fid} is {block['status']} but has no why"
    for sid, src in facts["sources"].items():
        if src.get("status") in {"partial", "unverified"}:
            assert src.get("why"), f"source {sid} is {src['status']} but has no why"


def test_fact_block_sources_are_subset_of_product_sources(facts: dict[str, Any]) -> None:
    for pid, product in _products(facts).items():
        for attr in FACT_ATTRIBUTES:
            extra = set(product[attr]["sources"]) - set(product["sources"])
            assert not extra, f"{pid}.{attr} cites sources not in the product's list: {extra}"


def test_trace_only_where_quote_says_trace(facts: dict[str, Any]) -> None:
    for pid, product in _products(facts).items():
        iga = product["iga"]
        assert iga["unit"] == "ug/mL"
        assert "typical" in iga or "max" in iga, pid
        if iga.get("description") == "trace":
            assert "trace" in iga.get("quote", "").lower(), pid
        elif "trace" in iga.get("quote", "").lower():
            pytest.fail(f"{pid}: quote says trace but description is not 'trace'")


def test_sugar_flags(facts: dict[str, Any]) -> None:
    stabilizers = facts["stabilizers"]
    assert {sid for sid, s in stabilizers.items() if s.get("sugar")} == {"maltose", "sucrose"}
    assert stabilizers["d-sorbitol"].get("sugar", False) is False
    # No product in the pack contains sucrose.
    for pid, product in _products(facts).items():
        assert "sucrose" not in product["stabilizer"]["values"], pid


# --------------------------------------------------------------------------- references


def test_all_source_ids_exist(facts: dict[str, Any]) -> None:
    known = set(facts["sources"])
    missing: list[str] = []

    def need(ids: list[str], where: str) -> None:
        missing.extend(f"{where}: {sid}" for sid in ids if sid not in known)

    for section in ("manufacturers", "stabilizers", "routes", "conditions"):
        for tid, term in facts.get(section, {}).items():
            need(term.get("sources", []), f"{section}.{tid}")
    for pid, product in facts["products"].items():
        need(product.get("sources", []), f"products.{pid}")
        for attr in FACT_ATTRIBUTES:
            if attr in product:
                need(product[attr]["sources"], f"products.{pid}.{attr}")
    for section in ("regimens", "incidence"):
        for fid, block in facts[section].items():
            need(block["sources"], f"{section}.{fid}")
    assert not missing, missing


def test_all_term_ids_exist(facts: dict[str, Any]) -> None:
    products = facts["products"]
    for pid, product in _products(facts).items():
        assert product["manufacturer"]["value"] in facts["manufacturers"], pid
        for route in product["route"]["values"]:
            assert route in facts["routes"], f"{pid}: route {route}"
        for stab in product["stabilizer"]["values"]:
            assert stab in facts["stabilizers"], f"{pid}: stabilizer {stab}"
    for fid, family in _families(facts).items():
        for member in family["members"]:
            assert member in products, f"{fid}: member {member}"
            assert "members" not in products[member], f"{fid}: member {member} is a family"
    for section in ("regimens", "incidence"):
        for fid, block in facts[section].items():
            assert block["condition"] in facts["conditions"], f"{section}.{fid}"
            if "product" in block:
                assert block["product"] in products, f"{section}.{fid}"
                assert "members" not in products[block["product"]], f"{section}.{fid}"


def test_sources_have_titles_and_string_dates(facts: dict[str, Any]) -> None:
    for sid, src in facts["sources"].items():
        assert src["title"], sid
        if "accessed" in src:
            assert isinstance(src["accessed"], str), sid


# --------------------------------------------------------------------------- names


def test_aliases_unique_across_products_and_families(facts: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for pid, product in facts["products"].items():
        for form in [product["name"], *product.get("aliases", [])]:
            key = _norm(form)
            assert key not in seen, f"'{form}' names both {seen[key]} and {pid}"
            seen[key] = pid


def test_names_unique_across_all_terms(facts: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for section in ("products", "manufacturers", "stabilizers", "routes", "conditions"):
        for tid, term in facts.get(section, {}).items():
            forms = [term["name"], *term.get("aliases", []), *term.get("former_names", [])]
            for form in forms:
                key = _norm(form)
                owner = f"{section}.{tid}"
                assert key not in seen, f"'{form}' names both {seen[key]} and {owner}"
                seen[key] = owner


def test_bare_octagam_is_the_family(facts: dict[str, Any]) -> None:
    products = facts["products"]
    assert _norm(products["octagam"]["name"]) == "octagam"
    for pid in ("octagam-5", "octagam-10"):
        forms = [products[pid]["name"], *products[pid].get("aliases", [])]
        assert "octagam" not in {_norm(f) for f in forms}, pid
    assert "OCTAGAM" in products["octagam-10"]["note"]


# --------------------------------------------------------------------------- against the research

ROUTE_IDS = {"IV": "iv", "SC": "sc"}
STABILIZER_IDS = {
    "glycine": "glycine",
    "L-proline": "l-proline",
    "D-sorbitol": "d-sorbitol",
    "maltose": "maltose",
    "polysorbate 80": "polysorbate-80",
}
FLEBOGAMMA_PRESENTATIONS = {"flebogamma-5-dif": "5% DIF", "flebogamma-10-dif": "10% DIF"}


def _research_product(research: dict[str, Any], pid: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(research product entry, the entry's figures for this presentation)."""
    if pid in FLEBOGAMMA_PRESENTATIONS:
        entry = research["products"]["flebogamma-dif"]
        return entry, entry["presentations"][FLEBOGAMMA_PRESENTATIONS[pid]]
    entry = research["products"][pid]
    return entry, entry


def test_concentrations_match_research(facts: dict[str, Any], research: dict[str, Any]) -> None:
    for pid, product in _products(facts).items():
        entry, _ = _research_product(research, pid)
        got = product["concentration"]["values"]
        if pid in FLEBOGAMMA_PRESENTATIONS:
            assert got == [FLEBOGAMMA_PRESENTATIONS[pid].split()[0]], pid
            assert set(got) <= set(entry["concentration"]), pid
        else:
            assert got == entry["concentration"], pid
    # The family's members together carry exactly the research's family concentrations.
    members = FAMILIES["flebogamma-dif"]
    union = {c for m in members for c in facts["products"][m]["concentration"]["values"]}
    assert union == set(research["products"]["flebogamma-dif"]["concentration"])
    for manufacturer, portfolio in research["manufacturer_portfolio"].items():
        for rpid, conc in portfolio["concentrations"].items():
            ids = FAMILIES.get(rpid, [rpid])
            got_conc = {c for i in ids for c in facts["products"][i]["concentration"]["values"]}
            assert got_conc == set(conc), f"{manufacturer}: {rpid}"


def test_iga_matches_research(facts: dict[str, Any], research: dict[str, Any]) -> None:
    for pid, product in _products(facts).items():
        _, fig = _research_product(research, pid)
        iga = product["iga"]
        want = fig["iga_ug_per_ml"]
        assert iga.get("typical") == want.get("typical"), pid
        assert iga.get("max") == want.get("max"), pid
        if "eu_smpc_max" in want:
            # The EU maximum is a different figure: kept in the note, never as `max`.
            assert "max" not in iga, pid
            assert str(want["eu_smpc_max"]) in iga["note"], pid
        assert iga["quote"] == fig["iga_quote"], pid
        if fig.get("iga_verified") == "partial":
            assert iga["status"] == "partial", pid
            if "iga_why" in fig:
                assert iga["why"] == fig["iga_why"], pid
        else:
            assert iga["status"] == "verified", pid


def test_routes_stabilizers_manufacturers_match_research(
    facts: dict[str, Any], research: dict[str, Any]
) -> None:
    manufacturers = facts["manufacturers"]
    for pid, product in _products(facts).items():
        entry, fig = _research_product(research, pid)
        assert product["route"]["values"] == [ROUTE_IDS[r] for r in entry["route"]], pid
        want_stabilizers = [STABILIZER_IDS[s] for s in entry["stabilizer"]]
        assert product["stabilizer"]["values"] == want_stabilizers, pid
        if "stabilizer_detail" in fig:
            assert product["stabilizer"]["detail"] == fig["stabilizer_detail"], pid
        if entry.get("stabilizer_verified") == "partial":
            assert product["stabilizer"]["status"] == "partial", pid
            assert product["stabilizer"]["why"] == entry["stabilizer_why"], pid
        man = manufacturers[product["manufacturer"]["value"]]
        assert man["name"] == entry["manufacturer"], pid
        # Every source the pack cites for a product is one the research cites for it.
        assert set(product["sources"]) <= set(entry["sources"]), pid
    assert (
        manufacturers["takeda"]["former_names"]
        == research["manufacturer_portfolio"]["Takeda"]["former_names"]
    )


def test_names_come_from_research(facts: dict[str, Any], research: dict[str, Any]) -> None:
    """Product names and aliases are names the research records (its name lists or EU titles)."""
    research_text = RESEARCH_PATH.read_text(encoding="utf-8").lower()
    for pid, product in _products(facts).items():
        for form in [product["name"], *product.get("aliases", [])]:
            assert form.lower() in research_text, f"{pid}: '{form}' not in research"
    assert {_norm(n) for n in research["products"]["flebogamma-dif"]["names"]} >= {
        _norm(facts["products"]["flebogamma-dif"]["name"]),
        *(_norm(a) for a in facts["products"]["flebogamma-dif"]["aliases"]),
    }


def test_all_research_sources_and_references_present(
    facts: dict[str, Any], research: dict[str, Any]
) -> None:
    sources = facts["sources"]
    for sid, src in research["sources"].items():
        assert sid in sources, sid
        assert sources[sid]["title"] == src["title"], sid
        assert sources[sid]["url"] == src["url"], sid
        assert sources[sid]["accessed"] == str(src["accessed"]), sid
    for rid, ref in research["references"].items():
        assert rid in sources, rid
        got = sources[rid]
        for key in ("title", "authors", "journal", "doi", "pmid"):
            if key in ref:
                assert got[key] == ref[key], f"{rid}.{key}"
        assert got["year"] == ref["year"], rid
        for key in ("volume", "issue", "pages"):
            if key in ref:
                assert got[key] == str(ref[key]), f"{rid}.{key}"
        if ref.get("verified") == "partial" or ref.get("doi_verified") == "partial":
            assert got["status"] == "partial", rid
            assert got["why"], rid
    # Nothing was added that the research does not have.
    assert set(sources) == set(research["sources"]) | set(research["references"])


def test_regimens_match_research(facts: dict[str, Any], research: dict[str, Any]) -> None:
    dosing = research["dosing"]
    regimens = facts["regimens"]

    dm = regimens["octagam-10-dermatomyositis"]
    label = dosing["octagam_10_dermatomyositis_label"]
    assert dm["dose"] == label["dose"] == "2 g/kg"
    assert dm["interval"] == label["interval"] == "every 4 weeks"
    assert "2 to 5 consecutive days" in label["division"]
    assert dm["division"] == "2-5 consecutive days"
    assert dm["quote"] == label["label_quote"]
    assert dm["sources"] == label["sources"]
    assert dm["status"] == "verified"

    citp = regimens["octagam-10-citp"]
    assert citp["sources"] == dosing["octagam_10_citp_label"]["sources"]
    assert dosing["octagam_10_citp_label"]["dose"].startswith(citp["dose"])

    jdm = dosing["juvenile_dermatomyositis"]
    carra = regimens["jdm-carra-persistent-skin-rash"]
    assert carra["status"] == "partial"
    assert carra["why"] == jdm["carra_persistent_skin_rash_ctp"]["why"]
    for part in (carra["dose"], carra["maximum_dose"], carra["schedule"]):
        assert part in jdm["carra_persistent_skin_rash_ctp"]["dose"]
    assert set(carra["sources"]) == {
        jdm["carra_persistent_skin_rash_ctp"]["reference"],
        *jdm["carra_persistent_skin_rash_ctp"]["sources"],
    }

    ontario = regimens["jdm-ontario-jiim"]
    assert ontario["status"] == "verified"
    assert ontario["sources"] == [jdm["ontario_guideline_jiim"]["source"]]
    assert "2 g/kg divided over 2 days" in jdm["ontario_guideline_jiim"]["dose"]
    assert ontario["maximum_dose"] == "2 g/kg"

    # Trial doses are marked as trial protocols; the unverified SHARE entry has no regimen.
    for rid, block in regimens.items():
        if "trial" in rid:
            assert "trial protocol" in block["note"].lower(), rid
        assert "bellutti_enders_2017" not in block["sources"], rid


def test_incidence_matches_research(facts: dict[str, Any], research: dict[str, Any]) -> None:
    inc = facts["incidence"]
    want = research["incidence"]["juvenile_dermatomyositis"]
    got = inc["juvenile-dermatomyositis-us"]
    assert (got["value"], got["per"]) == (want["value"], 1_000_000)
    assert got["ci95"] == want["ci95"]
    assert got["range"] == want["annual_range"]
    assert got["quote"] == want["quote"]
    assert got["population"] == want["population"]
    assert got["sources"] == [want["reference"]]

    by_ref = {entry["reference"]: entry for entry in research["incidence"]["adult_dermatomyositis"]}
    for fid, per in (
        ("dermatomyositis-olmsted-1976-2007", 1_000_000),
        ("dermatomyositis-olmsted-1995-2019", 100_000),
    ):
        got = inc[fid]
        (ref,) = got["sources"]
        assert got["value"] == by_ref[ref]["value"], fid
        assert got["ci95"] == by_ref[ref]["ci95"], fid
        assert got["per"] == per, fid
        assert got["population"] == by_ref[ref]["population"], fid
    # The UK "approximately 2-3 per million" has no point value and is left out.
    assert not any("S_jdm_uk_cohort" in block["sources"] for block in inc.values())
