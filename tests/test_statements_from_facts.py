"""Statements written from the bundled facts: every true one passes, every false one is caught.

For each product, under each of its names and aliases, a handful of phrasings state its
concentration, manufacturer and stabilizer as the facts give them (no finding may appear: a
false alarm blocks publication) and with a value the facts give another product (the
matching contradiction must appear: a wrong value reaches patients).
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
    ],
    "manufacturer": [
        "{name} is made by {value}.",
        "{value} manufactures {name}.",
        "{name} ({value}) is an immune globulin.",
    ],
    "stabilizer": [
        "{name} is stabilized with {value}.",
        "{name} contains {value} as a stabilizer.",
    ],
}
RULES = {
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


TRUE = list(_cases(true=True))
FALSE = list(_cases(true=False))


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
