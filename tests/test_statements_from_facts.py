"""Statements written from the bundled facts: every true one passes, every false one is caught.

For each product, under each of its names and aliases, a handful of phrasings state its
concentration, manufacturer, stabilizer, routes and IgA content as the facts give them (no
finding may appear: a false alarm blocks publication) and with a value the facts give
another product, or a route or IgA wording they rule out (the matching contradiction must
appear: a wrong value reaches patients). A wrong value denied ("Grifols does not make
Cuvitru") is a true statement too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from medlint.facts import Facts
from medlint.lint import Engine, lint_text

ENGINE = Engine()
PHRASINGS = {
    "concentration": [
        "{name} is a {value} solution.",
        "{name} comes as a {value} liquid.",
        "The concentration of {name} is {value}.",
        "{name}, a {value} immune globulin, is widely used.",
        "{name} – a {value} product – is widely used.",
        "{name}® is a {value} solution.",  # brand names carry trademark marks
        "{name} is a {value} solution¹.",  # a reference marker glued to the last word
    ],
    "manufacturer": [
        "{name} is made by {value}.",
        "{value} manufactures {name}.",
        "{name} ({value}) is an immune globulin.",
        "{name}, a {value} product, is widely used.",
        "{name}, by {value}, is widely used.",
    ],
    "stabilizer": [
        "{name} is stabilized with {value}.",
        "{name} contains {value} as a stabilizer.",
    ],
}
RULES = {
    "route": "route-contradiction",
    "iga": "iga-contradiction",
    "concentration": "concentration-contradiction",
    "manufacturer": "manufacturer-contradiction",
    "stabilizer": "stabilizer-contradiction",
}


def _values(facts: Facts, product: str, attribute: str) -> list[str]:
    """The displayed values the facts give a product for an attribute."""
    out: list[str] = []
    for block in facts.expected(product, attribute) or []:
        raw = block.data.get("values", block.data.get("value"))
        for item in raw if isinstance(raw, list) else [raw]:
            if attribute == "manufacturer":
                out.append(facts.manufacturers[item].name)
            elif attribute == "stabilizer":
                out.append(facts.stabilizers[item].name)
            else:
                out.append(str(item))
    return out


def _cases(true: bool) -> Iterator[tuple[str, str, str]]:
    facts = ENGINE.facts
    everything = {
        a: sorted({v for p in facts.products for v in _values(facts, p, a)}) for a in PHRASINGS
    }
    for product, term in sorted(facts.products.items()):
        for attribute, phrasings in PHRASINGS.items():
            right = _values(facts, product, attribute)
            if not right:
                continue
            wrong = [v for v in everything[attribute] if v not in right]
            for value in right if true else wrong[:1]:
                for name in term.surface_forms():
                    for phrasing in phrasings:
                        yield attribute, product, phrasing.format(name=name, value=value)


def _route_and_iga_cases(true: bool) -> Iterator[tuple[str, str, str]]:
    """Routes ("given intravenously") and IgA wording ("trace amounts of IgA", "IgA-free")."""
    facts = ENGINE.facts
    adverbs = {"iv": "intravenously", "sc": "subcutaneously"}
    places = {"iv": "into a vein", "sc": "under the skin"}
    for product, term in sorted(facts.products.items()):
        routes = [r for b in facts.expected(product, "route") or [] for r in b.data["values"]]
        iga = [b.data for b in facts.expected(product, "iga") or []]
        # A family's facts are its members' together: "high IgA" may fit one member.
        trace = not term.members and any(d.get("description") == "trace" for d in iga)
        for name in term.surface_forms():
            for route in adverbs:
                if route not in routes and routes and true:
                    # a wrong route, denied with a modal: true again
                    yield "route", product, f"{name} cannot be given {adverbs[route]}."
                if (route in routes) == true and routes:
                    yield "route", product, f"{name} is given {adverbs[route]}."
                    yield "route", product, f"{name} is infused {places[route]}."
                    yield "route", product, f"{name} can be given {route.upper()}."
            if trace:
                if true:
                    yield "iga", product, f"{name} contains trace amounts of IgA."
                else:
                    yield "iga", product, f"{name} contains high levels of IgA."
            if iga and not true:
                yield "iga", product, f"{name} is IgA-free."


NEGATED_PHRASINGS = {
    "concentration": [
        "{name} is not a {value} solution.",
        "{name} is not available as a {value} product.",
        "{name} does not come as a {value} solution.",
        "{name} is never sold as a {value} solution.",
    ],
    "manufacturer": [
        "{name} is not made by {value}.",
        "{value} does not make {name}.",
        "{value} doesn’t make {name}.",
    ],
    "stabilizer": [
        "{name} does not contain {value}.",
        "{name} is free of {value}.",
        "{name} contains no {value}.",
    ],
}
# Questions assert nothing either, whatever value they ask about.
for _attribute, _phrasing in (
    ("concentration", "Is {name} a {value} solution?"),
    ("concentration", "Patients often ask whether {name} is a {value} solution."),
    ("manufacturer", "Does {value} make {name}?"),
    ("manufacturer", "Some ask whether {value} makes {name}."),
    ("stabilizer", "Is {name} stabilized with {value}?"),
    # and modal denials
    ("stabilizer", "{name} cannot be stabilized with {value}."),
    ("manufacturer", "{name} can't be made by {value}."),
    ("concentration", "{name} shouldn't be called a {value} solution."),
):
    NEGATED_PHRASINGS[_attribute].append(_phrasing)


def _negated_cases() -> Iterator[tuple[str, str, str]]:
    """A wrong value, denied or asked about: true again, so it must raise nothing."""
    facts = ENGINE.facts
    everything = {
        a: sorted({v for p in facts.products for v in _values(facts, p, a)})
        for a in NEGATED_PHRASINGS
    }
    for product, term in sorted(facts.products.items()):
        for attribute, phrasings in NEGATED_PHRASINGS.items():
            right = _values(facts, product, attribute)
            wrong = [v for v in everything[attribute] if v not in right] if right else []
            for value in wrong[:2]:
                for name in term.surface_forms():
                    for phrasing in phrasings:
                        yield attribute, product, phrasing.format(name=name, value=value)


TRUE = list(_cases(true=True)) + list(_route_and_iga_cases(true=True)) + list(_negated_cases())
FALSE = list(_cases(true=False)) + list(_route_and_iga_cases(true=False))


def test_there_are_enough_statements() -> None:
    assert len(TRUE) > 150 and len(FALSE) > 100


@pytest.mark.parametrize(("attribute", "product", "text"), TRUE)
def test_a_true_statement_raises_nothing(attribute: str, product: str, text: str) -> None:
    found = [f for f in lint_text(text + "\n", "a.txt", engine=ENGINE) if f.category != "citation"]
    assert not found, f"{text!r}: {[f.message for f in found]}"


@pytest.mark.parametrize(("attribute", "product", "text"), FALSE)
def test_a_false_statement_is_a_contradiction(attribute: str, product: str, text: str) -> None:
    rules = [f.rule for f in lint_text(text + "\n", "a.txt", engine=ENGINE)]
    assert RULES[attribute] in rules, f"{text!r}: {rules}"


def _pair_cases() -> Iterator[tuple[bool, str]]:
    """Two products in one sentence: "respectively", contrast, "while", one clause each.

    In a contrast, a relative clause or parenthesis still describes the contrasted product
    ("Unlike Hizentra, which is a 20% solution, ..."), so a swapped value there is caught too.
    """
    import itertools

    facts = ENGINE.facts
    products = [p for p, t in sorted(facts.products.items()) if not t.members]
    for a, b in itertools.permutations(products, 2):
        ca, cb = _values(facts, a, "concentration"), _values(facts, b, "concentration")
        ma, mb = _values(facts, a, "manufacturer"), _values(facts, b, "manufacturer")
        if len(ca) != 1 or len(cb) != 1 or not ma or not mb:
            continue
        na, nb = facts.products[a].name, facts.products[b].name
        yield True, f"{na} and {nb} are {ca[0]} and {cb[0]} solutions, respectively."
        yield True, f"Unlike {nb}, {na} is a {ca[0]} solution."
        yield True, f"{na} is a {ca[0]} solution, while {nb} is a {cb[0]} solution."
        yield True, f"{na} ({ma[0]}) is a {ca[0]} solution; {nb} ({mb[0]}) is a {cb[0]} solution."
        # The contrasted product's own description: a relative clause or a parenthesis.
        yield True, f"Unlike {nb}, which is a {cb[0]} solution, {na} is a {ca[0]} solution."
        yield True, f"Unlike {nb} ({cb[0]}), {na} is a {ca[0]} solution."
        yield True, f"Patients switching from {nb} ({mb[0]}) to {na} are monitored."
        if ca != cb:
            yield False, f"{na} and {nb} are {cb[0]} and {ca[0]} solutions, respectively."
            yield False, f"{na} is a {cb[0]} solution, while {nb} is a {ca[0]} solution."
            yield False, f"Unlike {nb}, which is a {ca[0]} solution, {na} is a {cb[0]} solution."
            yield False, f"Unlike {nb} ({ca[0]}), {na} is a {cb[0]} solution."


PAIRS = list(_pair_cases())


@pytest.mark.parametrize(("true", "text"), PAIRS)
def test_two_products_in_one_sentence(true: bool, text: str) -> None:
    """True pairs raise nothing; swapped values are two contradictions, one per product."""
    found = [f for f in lint_text(text + "\n", "a.txt", engine=ENGINE) if f.category != "citation"]
    if true:
        assert not found, f"{text!r}: {[f.message for f in found]}"
    else:
        assert [f.rule for f in found] == ["concentration-contradiction"] * 2, text
