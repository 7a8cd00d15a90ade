"""Tests for medlint.quantities: every surface form the articles and facts use,
the traps that must not become quantities, equivalences, range relations,
and property tests (round trips, surface forms, arbitrary text)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.quantities import (
    Quantity,
    _scan,
    find_quantities,
    format_quantity,
    parse_quantity,
    range_relation,
)

KINDS = {
    "percent", "dose", "interval", "division", "rate", "money", "duration", "iga", "max_dose",
    "infusion_rate",
}  # fmt: skip


def only(text: str) -> Quantity:
    """The single quantity found in ``text``."""
    found = find_quantities(text)
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


def key(text: str) -> tuple[object, ...]:
    q = parse_quantity(text)
    assert q is not None, text
    return q.to_value().key


# ---------------------------------------------------------------------------
# The table of forms: (text, span, kind, low, high, unit, per, comparator)
# ---------------------------------------------------------------------------

FORMS: list[tuple[str, str, str, float, float, str, str | None, str]] = [
    # percentages and concentrations
    ("10%", "10%", "percent", 10, 10, "%", None, "="),
    ("a 10 % solution", "10 %", "percent", 10, 10, "%", None, "="),
    ("10 percent", "10 percent", "percent", 10, 10, "%", None, "="),
    ("10 per cent", "10 per cent", "percent", 10, 10, "%", None, "="),
    ("a 10-percent solution", "10-percent", "percent", 10, 10, "%", None, "="),
    ("a 5-per cent product", "5-per cent", "percent", 5, 5, "%", None, "="),
    ("a ten percent solution", "ten percent", "percent", 10, 10, "%", None, "="),
    ("five per cent IVIG", "five per cent", "percent", 5, 5, "%", None, "="),
    ("a twenty percent solution", "twenty percent", "percent", 20, 20, "%", None, "="),
    ("a twenty-five per cent rise", "twenty-five per cent", "percent", 25, 25, "%", None, "="),
    ("fifteen to twenty percent", "fifteen to twenty percent", "percent", 15, 20, "%", None, "="),
    ("a ten-percent solution", "ten-percent", "percent", 10, 10, "%", None, "="),
    ("five to ten percent of people", "five to ten percent", "percent", 5, 10, "%", None, "="),
    ("100 mg of IgG in each mL", "100 mg of IgG in each mL", "percent", 10, 10, "%", None, "="),
    ("10 g in 100 mL", "10 g in 100 mL", "percent", 10, 10, "%", None, "="),
    ("9%-11% protein", "9%-11%", "percent", 9, 11, "%", None, "="),
    ("Flebogamma DIF 100 mg/mL", "100 mg/mL", "percent", 10, 10, "%", None, "="),
    ("100 mg/ml", "100 mg/ml", "percent", 10, 10, "%", None, "="),
    ("Octagam 50 mg/ml", "50 mg/ml", "percent", 5, 5, "%", None, "="),
    ("100 g/L", "100 g/L", "percent", 10, 10, "%", None, "="),
    ("IgA (≤25 µg/mL)", "≤25 µg/mL", "iga", 25, 25, "ug/mL", None, "<="),
    ("trace amounts of IgA ( <= 25 mcg/mL)", "<= 25 mcg/mL", "iga", 25, 25, "ug/mL", None, "<="),
    ("25 mcg/mL", "25 mcg/mL", "iga", 25, 25, "ug/mL", None, "="),
    ("46 micrograms/mL", "46 micrograms/mL", "iga", 46, 46, "ug/mL", None, "="),
    ("IgA (average 0.046 mg/mL)", "0.046 mg/mL", "iga", 46, 46, "ug/mL", None, "="),
    ("37µg/mL", "37µg/mL", "iga", 37, 37, "ug/mL", None, "="),
    ("106 μg/mL", "106 μg/mL", "iga", 106, 106, "ug/mL", None, "="),  # Greek mu
    # "->" is an arrow in a clinical note, not "more than"
    ("wt 40 kg -> 2 g/kg = 80 g", "2 g/kg", "dose", 2, 2, "g/kg", None, "="),
    # IgA in words: only right before "micrograms" (hundreds too)
    (
        "forty-six micrograms of IgA per mL",
        "forty-six micrograms of IgA per mL",
        "iga",
        46,
        46,
        "ug/mL",
        None,
        "=",
    ),
    (
        "one hundred and six micrograms per mL",
        "one hundred and six micrograms per mL",
        "iga",
        106,
        106,
        "ug/mL",
        None,
        "=",
    ),
    (
        "two hundred micrograms per mL",
        "two hundred micrograms per mL",
        "iga",
        200,
        200,
        "ug/mL",
        None,
        "=",
    ),
    (
        "twenty to forty micrograms per mL",
        "twenty to forty micrograms per mL",
        "iga",
        20,
        40,
        "ug/mL",
        None,
        "=",
    ),
    ("25 mg/L", "25 mg/L", "iga", 25, 25, "ug/mL", None, "="),
    (
        "IgA lower than 100 micrograms/ml.",
        "lower than 100 micrograms/ml",
        "iga",
        100,
        100,
        "ug/mL",
        None,
        "<",
    ),
    (
        "less than 100 micrograms/ml",
        "less than 100 micrograms/ml",
        "iga",
        100,
        100,
        "ug/mL",
        None,
        "<",
    ),
    ("not more than 0.2 mg/ml", "not more than 0.2 mg/ml", "iga", 200, 200, "ug/mL", None, "<="),
    ("maximum 50 ug/mL", "maximum 50 ug/mL", "iga", 50, 50, "ug/mL", None, "<="),
    # the substance between the mass and the volume decides what is measured
    (
        "about 37 micrograms of IgA per mL",
        "about 37 micrograms of IgA per mL",
        "iga",
        37,
        37,
        "ug/mL",
        None,
        "~",
    ),
    ("2 mg of IgA per mL", "2 mg of IgA per mL", "iga", 2000, 2000, "ug/mL", None, "="),
    ("0.1 g of protein per mL", "0.1 g of protein per mL", "percent", 10, 10, "%", None, "="),
    ("100 mg of IgG per mL", "100 mg of IgG per mL", "percent", 10, 10, "%", None, "="),
    # doses per body weight
    ("2 g/kg", "2 g/kg", "dose", 2, 2, "g/kg", None, "="),
    ("2g/kg body weight divided", "2g/kg body weight", "dose", 2, 2, "g/kg", None, "="),
    ("2000 mg/kg", "2000 mg/kg", "dose", 2, 2, "g/kg", None, "="),
    ("2 g/lb", "2 g/lb", "dose", 4.41, 4.41, "g/kg", None, "="),  # 2.20462 lb/kg, 3 digits
    (
        "0.9 g per pound of body weight",
        "0.9 g per pound of body weight",
        "dose",
        1.98,
        1.98,
        "g/kg",
        None,
        "=",
    ),
    ("10mg/kg", "10mg/kg", "dose", 0.01, 0.01, "g/kg", None, "="),
    ("1-2 g/kg", "1-2 g/kg", "dose", 1, 2, "g/kg", None, "="),
    ("1 to 2 g/kg", "1 to 2 g/kg", "dose", 1, 2, "g/kg", None, "="),
    ("1–2 g/kg", "1–2 g/kg", "dose", 1, 2, "g/kg", None, "="),
    ("1 g/kg to 2 g/kg", "1 g/kg to 2 g/kg", "dose", 1, 2, "g/kg", None, "="),
    ("between 1 and 2 g/kg", "between 1 and 2 g/kg", "dose", 1, 2, "g/kg", None, "="),
    ("1-2 g/kg of body weight.", "1-2 g/kg of body weight", "dose", 1, 2, "g/kg", None, "="),
    ("0.4 g/kg/day for 5 days", "0.4 g/kg/day for 5 days", "dose", 0.4, 0.4, "g/kg/day", None, "="),
    ("400 mg/kg/day", "400 mg/kg/day", "dose", 0.4, 0.4, "g/kg/day", None, "="),
    ("0.4 g/kg daily", "0.4 g/kg daily", "dose", 0.4, 0.4, "g/kg/day", None, "="),
    ("2 g of IVIG per kg", "2 g of IVIG per kg", "dose", 2, 2, "g/kg", None, "="),
    (
        "2 grams of immunoglobulin per kilogram of body weight",
        "2 grams of immunoglobulin per kilogram of body weight",
        "dose",
        2,
        2,
        "g/kg",
        None,
        "=",
    ),
    ("1 g/kg/month", "1 g/kg/month", "dose", 1, 1, "g/kg/month", None, "="),
    (
        "(2 g per kilogram of body weight)",
        "2 g per kilogram of body weight",
        "dose",
        2,
        2,
        "g/kg",
        None,
        "=",
    ),
    ("2 grams per kilogram", "2 grams per kilogram", "dose", 2, 2, "g/kg", None, "="),
    ("should not exceed 2 g/kg", "should not exceed 2 g/kg", "dose", 2, 2, "g/kg", None, "<="),
    ("≥ 2 g/kg", "≥ 2 g/kg", "dose", 2, 2, "g/kg", None, ">="),
    ("maximum 70 g", "maximum 70 g", "max_dose", 70, 70, "g", None, "<="),
    ("max 70 g", "max 70 g", "max_dose", 70, 70, "g", None, "<="),
    # infusion rates, per minute
    ("1.0 mg/kg/min", "1.0 mg/kg/min", "infusion_rate", 1, 1, "mg/kg/min", None, "="),
    ("up to 4.0 mg/kg/min", "up to 4.0 mg/kg/min", "infusion_rate", 4, 4, "mg/kg/min", None, "<="),
    (
        "do not exceed 0.04 ml/kg/min.",
        "do not exceed 0.04 ml/kg/min",
        "infusion_rate",
        0.04,
        0.04,
        "mL/kg/min",
        None,
        "<=",
    ),
    ("2 mg/kg per minute", "2 mg/kg per minute", "infusion_rate", 2, 2, "mg/kg/min", None, "="),
    (
        "as far as ten milligrams per kilo a minute",
        "ten milligrams per kilo a minute",
        "infusion_rate",
        10,
        10,
        "mg/kg/min",
        None,
        "=",
    ),
    ("0.6 mL/kg/h", "0.6 mL/kg/h", "infusion_rate", 0.01, 0.01, "mL/kg/min", None, "="),
    (
        "the highest single dose we use is 100 g.",
        "highest single dose we use is 100 g",
        "max_dose",
        100,
        100,
        "g",
        None,
        "<=",
    ),
    ("the largest dose is 70 g", "largest dose is 70 g", "max_dose", 70, 70, "g", None, "<="),
    (
        "2 g/kg given on each of 2 to 5 consecutive days",
        "2 g/kg given on each of 2 to 5 consecutive days",
        "dose",
        2,
        2,
        "g/kg/day",
        None,
        "=",
    ),
    ("each dose capped at 90 g", "capped at 90 g", "max_dose", 90, 90, "g", None, "<="),
    ("a cap of 70 g", "cap of 70 g", "max_dose", 70, 70, "g", None, "<="),
    (
        "one child in every 100,000 each year",
        "one child in every 100,000 each year",
        "rate",
        10,
        10,
        "per_million_per_year",
        "child",
        "=",
    ),
    (
        "the plan caps each infusion at no more than 75 grams",
        "caps each infusion at no more than 75 grams",
        "max_dose",
        75,
        75,
        "g",
        None,
        "<=",
    ),
    (
        "a total of one gram per kilogram of body weight",
        "one gram per kilogram of body weight",
        "dose",
        1,
        1,
        "g/kg",
        None,
        "=",
    ),
    (
        "about 1 g for every 2 kg of body weight",
        "about 1 g for every 2 kg of body weight",
        "dose",
        0.5,
        0.5,
        "g/kg",
        None,
        "~",
    ),
    (
        "200 mg for each kilogram of body weight",
        "200 mg for each kilogram of body weight",
        "dose",
        0.2,
        0.2,
        "g/kg",
        None,
        "=",
    ),
    (
        "96 new cases were diagnosed per million people each year",
        "96 new cases were diagnosed per million people each year",
        "rate",
        96,
        96,
        "per_million_per_year",
        "people",
        "=",
    ),
    (
        "maybe one in ten thousand people every year",
        "one in ten thousand people every year",
        "rate",
        100,
        100,
        "per_million_per_year",
        "people",
        "=",
    ),
    (
        "3 per hundred thousand",
        "3 per hundred thousand",
        "rate",
        30,
        30,
        "per_million_per_year",
        None,
        "=",
    ),
    ("IVIG (maximum 70 g) every 2", "maximum 70 g", "max_dose", 70, 70, "g", None, "<="),
    ("not exceed 70 g", "not exceed 70 g", "max_dose", 70, 70, "g", None, "<="),
    ("not to exceed 70,000 mg", "not to exceed 70,000 mg", "max_dose", 70, 70, "g", None, "<="),
    ("70 g maximum", "70 g maximum", "max_dose", 70, 70, "g", None, "<="),
    # how a dose is divided
    (
        "divided over 2-5 consecutive days",
        "divided over 2-5 consecutive days",
        "division",
        2,
        5,
        "days",
        None,
        "=",
    ),
    ("over 2 to 5 days", "over 2 to 5 days", "division", 2, 5, "days", None, "="),
    ("given over 2 days", "given over 2 days", "division", 2, 2, "days", None, "="),
    ("given over a single day", "given over a single day", "division", 1, 1, "days", None, "="),
    (
        "courses come every month and a half",
        "every month and a half",
        "interval",
        6,
        6,
        "weeks",
        None,
        "=",
    ),
    (
        "the full course in a single sitting",
        "in a single sitting",
        "division",
        1,
        1,
        "days",
        None,
        "=",
    ),
    ("it is given all in one day", "given all in one day", "division", 1, 1, "days", None, "="),
    ("infused over just one day", "infused over just one day", "division", 1, 1, "days", None, "="),
    ("2-5 consecutive days", "2-5 consecutive days", "division", 2, 5, "days", None, "="),
    (
        "divided in equal doses given over 2 to 5 consecutive days",
        "divided in equal doses given over 2 to 5 consecutive days",
        "division",
        2,
        5,
        "days",
        None,
        "=",
    ),
    (
        "given on two consecutive days",
        "given on two consecutive days",
        "division",
        2,
        2,
        "days",
        None,
        "=",
    ),
    ("over two days", "over two days", "division", 2, 2, "days", None, "="),
    # how it is repeated (weeks; a month is 4 weeks)
    ("every 4 weeks", "every 4 weeks", "interval", 4, 4, "weeks", None, "="),
    ("every four weeks", "every four weeks", "interval", 4, 4, "weeks", None, "="),
    ("cycle repeats every six wk", "every six wk", "interval", 6, 6, "weeks", None, "="),
    ("every twelve weeks", "every twelve weeks", "interval", 12, 12, "weeks", None, "="),
    ("every 4-6 weeks", "every 4-6 weeks", "interval", 4, 6, "weeks", None, "="),
    ("every 4 to 6 weeks", "every 4 to 6 weeks", "interval", 4, 6, "weeks", None, "="),
    ("every 3 weeks", "every 3 weeks", "interval", 3, 3, "weeks", None, "="),
    ("monthly infusions", "monthly", "interval", 4, 4, "weeks", None, "="),
    ("once a month", "once a month", "interval", 4, 4, "weeks", None, "="),
    ("once monthly", "once monthly", "interval", 4, 4, "weeks", None, "="),
    ("every month", "every month", "interval", 4, 4, "weeks", None, "="),
    ("each month", "each month", "interval", 4, 4, "weeks", None, "="),
    ("every 28 days", "every 28 days", "interval", 4, 4, "weeks", None, "="),
    ("every 2 months", "every 2 months", "interval", 8, 8, "weeks", None, "="),
    ("every other week", "every other week", "interval", 2, 2, "weeks", None, "="),
    ("q4w", "q4w", "interval", 4, 4, "weeks", None, "="),
    ("every fortnight", "every fortnight", "interval", 2, 2, "weeks", None, "="),
    ("every 4 or 6 weeks", "every 4 or 6 weeks", "interval", 4, 6, "weeks", None, "="),
    ("quarterly", "quarterly", "interval", 12, 12, "weeks", None, "="),
    # intervals written as spacing
    ("given at 6-week intervals", "at 6-week intervals", "interval", 6, 6, "weeks", None, "="),
    (
        "at 4- to 6-week intervals",
        "at 4- to 6-week intervals",
        "interval",
        4,
        6,
        "weeks",
        None,
        "=",
    ),
    (
        "repeated at six-week intervals",
        "at six-week intervals",
        "interval",
        6,
        6,
        "weeks",
        None,
        "=",
    ),
    ("given 6 weeks apart", "6 weeks apart", "interval", 6, 6, "weeks", None, "="),
    (
        "leave 6 weeks between courses",
        "6 weeks between courses",
        "interval",
        6,
        6,
        "weeks",
        None,
        "=",
    ),
    ("given six-weekly", "six-weekly", "interval", 6, 6, "weeks", None, "="),
    ("four- to six-weekly", "four- to six-weekly", "interval", 4, 6, "weeks", None, "="),
    (
        "The dosing interval is 6 weeks.",
        "dosing interval is 6 weeks",
        "interval",
        6,
        6,
        "weeks",
        None,
        "=",
    ),
    # frequencies: how many times in a week or month
    ("twice a month", "twice a month", "interval", 2, 2, "weeks", None, "="),
    ("twice monthly", "twice monthly", "interval", 2, 2, "weeks", None, "="),
    ("twice a week", "twice a week", "interval", 0.5, 0.5, "weeks", None, "="),
    ("three times weekly", "three times weekly", "interval", 1 / 3, 1 / 3, "weeks", None, "="),
    (
        "every 2 weeks for 3 doses, then monthly (Plan A)",
        "every 2 weeks for 3 doses, then monthly",
        "interval",
        2,
        2,
        "weeks",
        None,
        "=",
    ),
    # rates and incidence (per million per year)
    (
        "JDM affects approximately 3 in 1 million children annually, making",
        "approximately 3 in 1 million children annually",
        "rate",
        3,
        3,
        "per_million_per_year",
        "children",
        "~",
    ),
    (
        "3 in 1 million children annually",
        "3 in 1 million children annually",
        "rate",
        3,
        3,
        "per_million_per_year",
        "children",
        "=",
    ),
    (
        "3.2 per million children per year",
        "3.2 per million children per year",
        "rate",
        3.2,
        3.2,
        "per_million_per_year",
        "children",
        "=",
    ),
    ("0.3 per 100,000", "0.3 per 100,000", "rate", 3, 3, "per_million_per_year", None, "="),
    # the condition between the cases and the base, and "for every"
    (
        "1.1 new cases of dermatomyositis for every 10,000 people each year",
        "1.1 new cases of dermatomyositis for every 10,000 people each year",
        "rate",
        110,
        110,
        "per_million_per_year",
        "people",
        "=",
    ),
    # the population between the number and the base, and "100k"
    (
        "affects 3 children per 100,000 each year",
        "3 children per 100,000 each year",
        "rate",
        30,
        30,
        "per_million_per_year",
        "children",
        "=",
    ),
    (
        "about 3 children in 100,000 develop it",
        "about 3 children in 100,000",
        "rate",
        30,
        30,
        "per_million_per_year",
        "children",
        "~",
    ),
    (
        "3 per 100k children per year",
        "3 per 100k children per year",
        "rate",
        30,
        30,
        "per_million_per_year",
        "children",
        "=",
    ),
    (
        "about 3 in every 100,000 children each year",
        "about 3 in every 100,000 children each year",
        "rate",
        30,
        30,
        "per_million_per_year",
        "children",
        "~",
    ),
    (
        "3.2 cases per 1,000,000",
        "3.2 cases per 1,000,000",
        "rate",
        3.2,
        3.2,
        "per_million_per_year",
        None,
        "=",
    ),
    (
        "2–3 per million per year",
        "2–3 per million per year",
        "rate",
        2,
        3,
        "per_million_per_year",
        None,
        "=",
    ),
    (
        "1.1 per 100,000 person-years",
        "1.1 per 100,000 person-years",
        "rate",
        11,
        11,
        "per_million_per_year",
        "person-years",
        "=",
    ),
    (
        "9.63 per 1,000,000 persons",
        "9.63 per 1,000,000 persons",
        "rate",
        9.63,
        9.63,
        "per_million_per_year",
        "persons",
        "=",
    ),
    (
        "~9.6/million/yr",
        "~9.6/million/yr",
        "rate",
        9.6,
        9.6,
        "per_million_per_year",
        None,
        "~",
    ),
    (
        "10 out of every million people",
        "10 out of every million people",
        "rate",
        10,
        10,
        "per_million_per_year",
        "people",
        "=",
    ),
    # money with what it is counted per
    (
        "from $5,000 to $10,000 per treatment course, depending",
        "$5,000 to $10,000 per treatment course",
        "money",
        5000,
        10000,
        "USD",
        "course",
        "=",
    ),
    (
        "$5,000-$10,000 per course",
        "$5,000-$10,000 per course",
        "money",
        5000,
        10000,
        "USD",
        "course",
        "=",
    ),
    (
        "reaching thousands of dollars per infusion depending",
        "thousands of dollars per infusion",
        "money",
        2000,
        9999,
        "USD",
        "infusion",
        "=",
    ),
    ("$151 per gram", "$151 per gram", "money", 151, 151, "USD", "gram", "="),
    ("$33.073 per 500 mg", "$33.073 per 500 mg", "money", 66.146, 66.146, "USD", "gram", "="),
    (
        "$19,026 per patient per year",
        "$19,026 per patient per year",
        "money",
        19026,
        19026,
        "USD",
        "year",
        "=",
    ),
    (
        "$5-10 thousand per course",
        "$5-10 thousand per course",
        "money",
        5000,
        10000,
        "USD",
        "course",
        "=",
    ),
    ("€2,500 per infusion", "€2,500 per infusion", "money", 2500, 2500, "EUR", "infusion", "="),
    # durations
    ("for 6-12 months, while", "for 6-12 months", "duration", 6, 12, "months", None, "="),
    ("6-12 months", "6-12 months", "duration", 6, 12, "months", None, "="),
    ("line over several hours, with", "over several hours", "duration", 3, 9, "hours", None, "="),
    ("for 16 weeks", "for 16 weeks", "duration", 16, 16, "weeks", None, "="),
    ("for three months", "for three months", "duration", 3, 3, "months", None, "="),
    ("within 72 hours", "within 72 hours", "duration", 72, 72, "hours", None, "<="),
    ("72h", "72h", "duration", 72, 72, "hours", None, "="),
]


@pytest.mark.parametrize(
    ("text", "span", "kind", "low", "high", "unit", "per", "comparator"),
    FORMS,
    ids=[f[0][:40] for f in FORMS],
)
def test_form(
    text: str,
    span: str,
    kind: str,
    low: float,
    high: float,
    unit: str,
    per: str | None,
    comparator: str,
) -> None:
    q = only(text)
    assert q.text == span
    assert text[q.start : q.end] == span
    assert (q.kind, q.unit, q.per, q.comparator) == (kind, unit, per, comparator)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)
    # The same span on its own parses to the same normalised value.
    p = parse_quantity(span)
    assert p is not None
    assert p.to_value().key == q.to_value().key
    # And the canonical text parses back to it too.
    back = parse_quantity(format_quantity(q))
    assert back is not None, format_quantity(q)
    assert back.to_value().key == q.to_value().key


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("Each mL of Privigen contains 50 mg of IgG.", "50 mg of IgG", "percent", 5),
        ("Each millilitre contains 100 mg of protein", "100 mg of protein", "percent", 10),
        ("1 mL of Hizentra contains 200 mg of protein", "200 mg of protein", "percent", 20),
        (
            "each mL contains approximately 37 micrograms of IgA",
            "approximately 37 micrograms of IgA",
            "iga",
            37,
        ),
        ("Each mL contains 100 mg.", "100 mg", "percent", 10),
        ("each mL contains 100 mg and 0.25 M glycine", "100 mg", "percent", 10),
    ],
)
def test_mass_after_each_ml_is_a_concentration(
    text: str, span: str, kind: str, value: float
) -> None:
    """A label's "Each mL contains 100 mg": the mass alone says nothing without what precedes it."""
    q = only(text)
    assert (q.text, q.kind, q.low, q.high) == (span, kind, value, value)
    alone = parse_quantity(span)
    assert alone is None or alone.kind != kind  # the context made it one


def test_two_percentages() -> None:
    text = "Octagam (Octapharma): 5% or 10% options"
    found = find_quantities(text)
    assert [(q.kind, q.low, q.text) for q in found] == [
        ("percent", 5, "5%"),
        ("percent", 10, "10%"),
    ]


def test_extras() -> None:
    q = only("0.4 g/kg/day for 5 days")
    assert q.extra == (("days", 5),)
    # the course, or each day's dose: both readings are kept
    for text in ("1 g/kg on one or two days", "1 g/kg for 1 to 2 days"):
        assert find_quantities(text)[0].get("either_days") == (1, 2), text
    q = only("every 2 weeks for 3 doses, then monthly")
    assert dict(q.extra)["doses"] == 3
    then = dict(q.extra)["then"]
    assert isinstance(then, Quantity)
    assert (then.kind, then.low, then.unit, then.text) == ("interval", 4, "weeks", "monthly")
    assert q.to_value().display == "every 2 weeks for 3 doses, then monthly"
    assert q.to_value().key == (
        "interval",
        2.0,
        2.0,
        "weeks",
        ("doses", 3),
        ("then", ("interval", 4.0, 4.0, "weeks")),
    )


def test_rate_period_is_recorded_not_assumed() -> None:
    assert only("0.3 per 100,000").get("period", "missing") is None
    assert only("9.63 per 1,000,000 persons").get("period", "missing") is None
    assert only("3.2 per million per year").get("period", "missing") == "missing"
    assert only("1.1 per 100,000 person-years").get("period", "missing") == "missing"


def test_vague_amounts_are_approximate() -> None:
    money = only("thousands of dollars per infusion")
    assert money.approximate and (money.low, money.high) == (2000, 9999)
    assert money.to_value().display == "thousands of dollars per infusion"
    hours = only("over several hours")
    assert hours.approximate and (hours.low, hours.high, hours.unit) == (3, 9, "hours")
    assert only("several thousand dollars a year").per == "year"
    assert only("about 3 in every 100,000 children each year").approximate
    assert not only("3 in 1 million children").approximate


def test_displays() -> None:
    assert parse_quantity("every 4-6 weeks") is not None
    cases = {
        "every 4 to 6 weeks": "every 4-6 weeks",
        "once a month": "monthly",
        "twice a month": "every 2 weeks",
        "twice weekly": "twice a week",
        "every 28 days": "every 4 weeks",
        "2000 mg/kg": "2 g/kg",
        "2g/kg": "2 g/kg",
        "3.2 per million children per year": "3.2 per million children per year",
        "0.3 per 100,000": "3 per million",
        "100 mg/mL": "10%",
        "0.046 mg/mL": "46 µg/mL",
        "≤25 mcg/mL": "≤25 µg/mL",
        "$5,000 to $10,000 per treatment course": "$5,000-$10,000 per course",
        "(maximum 70 g)": "maximum 70 g",
        "2-5 consecutive days": "divided over 2-5 days",
    }
    for text, display in cases.items():
        q = parse_quantity(text)
        assert q is not None, text
        assert q.to_value().display == display
        assert q.to_value().kind == q.kind


def test_parse_quantity_facts_values() -> None:
    q = parse_quantity("70 g")
    assert q is not None and (q.kind, q.low, q.unit) == ("max_dose", 70, "g")
    assert key("70 g") == key("maximum 70 g")
    q = parse_quantity("  every 4 weeks. ")
    assert q is not None and q.text == "every 4 weeks" and (q.start, q.end) == (2, 15)
    assert parse_quantity("2 g/kg every 4 weeks") is None  # two quantities
    assert parse_quantity("") is None
    assert parse_quantity("Gamunex-C") is None
    assert parse_quantity("approximately 2-3 per million per year") is not None


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------

NOTHING = [
    "Gamunex-C",
    "2022",
    "In 2022, the label changed.",
    "COVID-19",
    "COVID-19 patients",
    "L-proline",
    "ICD-10 codes",
    "Step 2",
    "Step 2 of the protocol",
    "1. Product prescribing information.",
    "2. Aggarwal R, et al. N Engl J Med. 2022;387:1264-1278.",
    "Arthritis Rheum. 2003;49(3):300-305.",
    "doi: 10.1056/NEJM199312303292704",
    "label revision 06/2021",
    "18 units/kg/h",
    "1 g/kg (10 mL/kg)"[8:],
    "patients 2 years of age and older",
    "age 15 years and older",
    "126 g Ig per patient",
    "One ml contains 50 mg of D-sorbitol",
    "The vial contains 5 g of IgG.",
    "Each mL contains 50 mg of glycine",
    "improved in one day"[:11],
    "ten %",
    "twelve percentage points",
    "a recent survey",
    "a computer program",
    "about nine point six per million",  # "six per million" would be a tenth of it
    "one gram",
    "approximately 250 mmol/L L-proline (range 210-290)",
    "0.16-0.24 M glycine",
    "N=95, n: 40",
    "two h",
    "within days to weeks",
    "ten mg/mL",  # a number in words only before "micrograms"
    "one hundred milligrams per mL",
]


@pytest.mark.parametrize("text", NOTHING)
def test_not_a_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_confidence_interval_is_marked() -> None:
    text = "3.2 per million children (95% CI 2.9-3.4)"
    found = find_quantities(text)
    assert [q.kind for q in found] == ["rate", "percent"]
    ci = found[1]
    assert ci.low == 95 and ci.get("ci") is True and ci.text == "95% CI"
    assert ci.to_value().key != key("95%")
    long = only("(95% confidence interval 2.9-3.4)")
    assert long.get("ci") is True


def test_reversed_range_falls_back_to_the_single_value() -> None:
    q = only("the dose was reduced from 2 to 1 g/kg")
    assert (q.text, q.low, q.high) == ("1 g/kg", 1, 1)


def test_dose_then_infusion_rate() -> None:
    text = "2 g/kg (10 mL/kg) at 1.0 mg/kg/min, maximum 70 g"
    assert [(q.kind, q.text) for q in find_quantities(text)] == [
        ("dose", "2 g/kg"),
        ("infusion_rate", "1.0 mg/kg/min"),  # a rate, never a dose of 1 mg/kg
        ("max_dose", "maximum 70 g"),
    ]


def test_seed_sentence() -> None:
    text = (
        "Standard protocols often involve 2g/kg body weight divided over 2-5 consecutive "
        "days, with treatment cycles repeated every 4-6 weeks depending on clinical response."
    )
    assert [(q.kind, q.text) for q in find_quantities(text)] == [
        ("dose", "2g/kg body weight"),
        ("division", "divided over 2-5 consecutive days"),
        ("interval", "every 4-6 weeks"),
    ]


# ---------------------------------------------------------------------------
# Equivalences and range relations
# ---------------------------------------------------------------------------


def test_equivalences() -> None:
    assert key("monthly") == key("every 4 weeks") == key("once a month") == key("every 28 days")
    assert key("2000 mg/kg") == key("2 g/kg") == key("2g/kg") == key("2 grams per kilogram")
    assert key("3 in 1 million") == key("0.3 per 100,000") == key("3 per million")
    assert key("100 mg/mL") == key("10%") == key("10 percent")
    assert key("0.046 mg/mL") == key("46 µg/mL") == key("46 micrograms/mL")
    assert key("400 mg/kg/day") == key("0.4 g/kg/day")
    a = parse_quantity("3 in every 100,000")
    b = parse_quantity("3 in 1 million")
    assert a is not None and b is not None
    assert a.low == pytest.approx(10 * b.low)
    assert key("every 4-6 weeks") != key("every 4 weeks")
    assert key("≤25 µg/mL") != key("25 µg/mL")
    assert key("about 3 per million") == key("3 per million")  # "about" keeps the value
    assert key("$151 per gram") != key("$151 per course")


@pytest.mark.parametrize(
    ("stated", "canonical", "relation"),
    [
        ("every 4-6 weeks", "every 4 weeks", "reaches-above"),
        ("2-5 consecutive days", "divided over 2 to 5 consecutive days", "equal"),
        ("over 2-3 days", "2-5 consecutive days", "inside"),
        ("1 g/kg", "2 g/kg", "below"),
        ("2 g/kg", "1 g/kg", "above"),
        ("1-2 g/kg", "2 g/kg", "reaches-below"),
        ("1-3 g/kg", "2 g/kg", "wider"),
        ("2000 mg/kg", "2 g/kg", "equal"),
        ("monthly", "every 4 weeks", "equal"),
        ("every 3-4 weeks", "every 4-6 weeks", "reaches-below"),
        ("3 in 1 million children annually", "3.2 per million children per year", "below"),
        ("2–3 per million per year", "3.2 per million", "below"),
        ("2 g/kg", "every 4 weeks", "incomparable"),
        # converted from pounds: 5% slack for the writer's rounding, not more
        ("0.9 g/lb", "2 g/kg", "equal"),
        ("0.45 g/lb", "1 g/kg", "equal"),
        ("1 g/lb", "2 g/kg", "above"),
        ("2 g/lb", "2 g/kg", "above"),
        ("0.8 g/lb", "2 g/kg", "below"),
    ],
)
def test_range_relation(stated: str, canonical: str, relation: str) -> None:
    s, c = parse_quantity(stated), parse_quantity(canonical)
    assert s is not None and c is not None
    assert range_relation(s, c) == relation


# ---------------------------------------------------------------------------
# Property tests
# ---------------------------------------------------------------------------

values = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("1000"), places=2).map(
    lambda d: d.normalize()
)


def dtext(d: Decimal) -> str:
    """A Decimal as plain text ("2", "0.4", "2000"), never in exponent form."""
    return format(d.normalize(), "f")


@st.composite
def ranges(draw: st.DrawFn) -> tuple[Decimal, Decimal]:
    a, b = draw(values), draw(values)
    return (min(a, b), max(a, b))


def make(kind: str, lo: float, hi: float, unit: str, **kw: object) -> Quantity:
    return Quantity(kind=kind, low=lo, high=hi, unit=unit, start=0, end=0, text="", **kw)  # type: ignore[arg-type]


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    lo_d, hi_d = draw(ranges())
    lo, hi = float(lo_d), float(hi_d)
    kind = draw(
        st.sampled_from(
            [
                "percent",
                "iga",
                "dose",
                "max_dose",
                "division",
                "interval",
                "rate",
                "money",
                "duration",
            ]
        )
    )
    cmp = draw(st.sampled_from(["=", "~", "<=", "<", ">=", ">"]))
    extra: tuple[tuple[str, object], ...] = ()
    if kind == "percent":
        extra = (("ci", True),) if draw(st.booleans()) else ()
        return make("percent", lo, hi, "%", comparator=cmp, extra=extra)
    if kind == "iga":
        return make("iga", lo, hi, "ug/mL", comparator=cmp)
    if kind == "dose":
        unit = draw(st.sampled_from(["g/kg", "g/kg/day", "g/kg/week", "g/kg/month"]))
        if unit == "g/kg/day" and draw(st.booleans()):
            extra = (("days", draw(st.integers(1, 30))),)
        return make("dose", lo, hi, unit, comparator=cmp, extra=extra)
    if kind == "max_dose":
        return make("max_dose", lo, lo, "g", comparator="<=")
    if kind == "division":
        return make("division", lo, hi, "days")
    if kind == "interval":
        family = draw(st.sampled_from(["weeks", "months", "days"]))
        if family == "months":
            return make("interval", lo * 4, hi * 4, "weeks", extra=(("as", "months"),))
        if family == "days":
            return make("interval", lo / 7, hi / 7, "weeks", extra=(("as", "days"),))
        then = make("interval", 4.0, 4.0, "weeks", extra=(("as", "months"),))
        extra = (("doses", 3), ("then", then)) if draw(st.booleans()) else ()
        return make("interval", lo, hi, "weeks", extra=extra)
    if kind == "rate":
        per = draw(st.sampled_from([None, "children", "persons", "person-years", "people"]))
        period = () if per == "person-years" or draw(st.booleans()) else (("period", None),)
        return make("rate", lo, hi, "per_million_per_year", comparator=cmp, per=per, extra=period)
    if kind == "money":
        per = draw(st.sampled_from([None, "course", "infusion", "dose", "year", "month", "gram"]))
        unit = draw(st.sampled_from(["USD", "EUR", "GBP"]))
        return make("money", lo, hi, unit, comparator=cmp, per=per)
    unit = draw(st.sampled_from(["hours", "days", "weeks", "months", "years"]))
    return make("duration", lo, hi, unit, comparator=cmp)


@settings(max_examples=400, deadline=None)
@given(quantities())
def test_format_parse_round_trip(q: Quantity) -> None:
    text = format_quantity(q)
    back = parse_quantity(text)
    assert back is not None, text
    assert back.to_value().key == q.to_value().key, text
    assert back.kind == q.kind
    # find_quantities sees the same single quantity in a sentence.
    sentence = f"It was {text} in that study."
    found = find_quantities(sentence)
    assert [f.to_value().key for f in found] == [q.to_value().key], sentence


SEPARATORS = ["-", "–", " to ", " - "]


@settings(max_examples=300, deadline=None)
@given(values, ranges(), st.sampled_from(SEPARATORS))
def test_surface_forms_agree(v: Decimal, r: tuple[Decimal, Decimal], sep: str) -> None:
    t = dtext(v)
    groups = [
        [f"{t} g/kg", f"{t}g/kg", f"{dtext(v * 1000)} mg/kg", f"{t} grams per kilogram"],
        [f"{t}%", f"{t} %", f"{t} percent", f"{t} per cent", f"{dtext(v * 10)} mg/mL"],
        [f"{t} µg/mL", f"{t} mcg/mL", f"{t} micrograms/ml"],
        [f"every {t} weeks", f"every {dtext(v * 7)} days"],
        [f"every {t} months", f"every {dtext(v * 4)} weeks"],
        [f"{t} per million", f"{dtext(v / 10)} per 100,000", f"{t} in 1,000,000"],
        [f"${t} per course", f"${t} per treatment course", f"US${t} per cycle"],
    ]
    if v < 1000:  # 1 mg/mL and up is a protein concentration, not trace IgA
        groups[2] += [f"{dtext(v / 1000)} mg/mL", f"{t} mg/L"]
    lo, hi = dtext(r[0]), dtext(r[1])
    groups += [
        [f"{lo}{sep}{hi} g/kg", f"between {lo} and {hi} g/kg", f"{lo} g/kg{sep}{hi} g/kg"],
        [f"{lo}{sep}{hi}%", f"{lo}%{sep}{hi}%", f"between {lo}% and {hi}%"],
        [f"every {lo}{sep}{hi} weeks"],
        [f"over {lo}{sep}{hi} days", f"divided over {lo}{sep}{hi} consecutive days"],
        [f"{lo}{sep}{hi} months", f"for {lo}{sep}{hi} months"],
    ]
    for forms in groups:
        keys = {key(f) for f in forms}
        assert len(keys) == 1, (forms, keys)


TOKENS = [
    "2", "2g/kg", "g/kg", "mg/kg", "1-2", "–", "-", "to", "and", "between", "%", "10%", "percent",
    "every", "4", "weeks", "monthly", "once", "a", "month", "days", "over", "divided",
    "consecutive", "$5,000", "$", "per", "course", "in", "1", "million", "100,000",
    "children", "annually", "about", "≤25", "µg/mL", "mg/mL", "maximum", "70", "g", "for",
    "several", "hours", "thousands", "of", "dollars", "COVID-19", "ICD-10", "Gamunex-C",
    "L-proline", "2022", "Step", "1.", "95%", "CI", "2.9-3.4", "then", "doses", "3",
    "mg/kg/min", "mL/kg", "years", "old", "(", ")", ",", ".", "\n", "q4w", "İ", "0.4",
    "/day", "each", "year", "less", "than", "up", "not", "exceed", "two", "twelve",
    # every start word of the fast scan's dispatch table, and units after digits
    "lower", "fewer", "below", "under", "more", "greater", "higher", "above", "exceeding",
    "at", "no", "minimum", "approximately", "approx.", "around", "roughly", "nearly",
    "almost", "circa", "ca.", "max", "should", "must", "do", "does", "US", "USD", "EUR",
    "GBP", "€", "£", "q", "weekly", "fortnightly", "tens", "hundreds", "millions", "given",
    "administered", "infused", "across", "on", "lasting", "during", "within", "after",
    "one", "five", "new", "cases", "out", "every", "other", "h", "hrs", "wk", "mos", "yrs",
    "mcg", "micrograms", "units", "IU", "kg", "ml", "L", "/", "per cent", "pounds", "euros",
    "thousand", "k", "few", "couple", "age", "older", "equal", "body weight", "daily",
    "x", "×", "person-years", "persons", "people", "5k", "1,000,000", "10,000", "1000",
    "single", "amount", "individual", "70 g", "per dose", "at most", "infusion",
    "twice", "thrice", "times", "weekly", "monthly",
    "apart", "intervals", "interval", "-week", "-weekly", "fortnight", "quarterly", "or",
    "dosing", "children", "women", "men", "girls", "100k", "in",
    "twenty", "thirty-two", "kids", "any", "caps",
    "hundred", "forty-six", "microgram", "of IgA", "mL", "->", "Rx", "six", "wks",
    "&", "46", "100", "days", "2019", "0.04", "mL/kg/min", "µg/mL", "arose", "case",
    "half", "an", "milligram", "millilitre", "hour", "diagnosis", "diagnoses", "nine", "year",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.sampled_from([" ", "", "  "]))
def test_find_on_token_soup(tokens: list[str], joiner: str) -> None:
    text = joiner.join(tokens)
    found = find_quantities(text)
    check_invariants(text, found)
    assert found == _scan(text, fast=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A comparator word must end before its number or currency: hypothesis found the
        # reference scan reading "minimumUSD2" as "at least $2" where the fast one did not.
        ("maximum single dose is 70 g", [("max_dose", "maximum single dose is 70 g", "<=")]),
        ("maximum amount of 70 g", [("max_dose", "maximum amount of 70 g", "<=")]),
        ("up to 70 g per dose", [("max_dose", "up to 70 g per dose", "<=")]),
        ("no more than 70 g per infusion", [("max_dose", "no more than 70 g per infusion", "<=")]),
        ("up to 70 g", []),  # a cap in grams only when said per dose or infusion
        ("a maximum of 100 g per dose", [("max_dose", "maximum of 100 g per dose", "<=")]),
        ("maximum 400 mg per kg", [("dose", "maximum 400 mg per kg", "<=")]),
        ("minimumUSD2", []),
        ("aboutUSD 3", []),
        ("minimum USD2", [("money", "minimum USD2", ">=")]),
        ("approx.10%", [("percent", "approx.10%", "~")]),
        ("≤25 mcg/mL", [("iga", "≤25 mcg/mL", "<=")]),
    ],
)
def test_comparator_words_and_their_boundaries(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    for found in (find_quantities(text), _scan(text, fast=False)):
        assert [(q.kind, q.text, q.comparator) for q in found] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_find_never_raises(text: str) -> None:
    found = find_quantities(text)
    check_invariants(text, found)
    assert found == _scan(text, fast=False)
    parse_quantity(text)


def check_invariants(text: str, found: list[Quantity]) -> None:
    end = 0
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.start >= end, "overlap or out of order"
        end = q.end
        assert q.kind in KINDS
        assert q.low <= q.high
        assert q.comparator in {"=", "<=", "<", ">=", ">", "~"}
        q.to_value()
        format_quantity(q)


# ---------------------------------------------------------------------------
# Speed and import cost
# ---------------------------------------------------------------------------

# Article-like text: quantity-dense dosing paragraphs between plain prose, at
# about the density of the seed articles (one quantity per ~250 characters).
ARTICLE = """\
Standard protocols often involve 2g/kg body weight divided over 2-5 consecutive days, \
with treatment cycles repeated every 4-6 weeks depending on clinical response. Patients \
receive the treatment through an intravenous line over several hours.

Dermatomyositis belongs to a group of inflammatory myopathies characterized by muscle \
inflammation, weakness, and distinctive skin manifestations. This autoimmune condition \
occurs when the immune system mistakenly attacks healthy tissue, causing inflammation in \
the muscles and skin. The hallmark symptoms include proximal muscle weakness.

Grifols produces Gamunex-C and Flebogamma, with concentrations of 5% and 10%. Privigen is \
a 10% liquid formulation stabilized with L-proline, with IgA (≤25 µg/mL).

IVIG operates through multiple mechanisms to address the immune dysfunction. The therapy \
works by neutralizing pathogenic autoantibodies, blocking Fc receptors on immune cells, \
interfering with complement activation, and modulating cytokine production. These actions \
collectively help suppress the abnormal immune response that causes muscle damage.

JDM affects approximately 3 in 1 million children annually, making it an ultra-rare \
condition. The therapy is expensive, with estimates ranging from $5,000 to $10,000 per \
treatment course, and costs potentially reaching thousands of dollars per infusion.

Despite its benefits, IVIG comes with certain limitations and potential adverse effects. \
Common side effects include headache, fever, chills, fatigue, and nausea during or shortly \
after infusions. More serious complications, though rare, may include thromboembolic \
events, aseptic meningitis, and acute kidney injury, so careful monitoring is advised.

In 2022, during COVID-19, ICD-10 coding changed; Step 2 of the protocol is unchanged. \
Some patients may require IVIG for 6-12 months, at doses of 1-2 g/kg of body weight, \
monthly, or 0.4 g/kg/day for 5 days (maximum 70 g).

"""


def test_one_megabyte_is_scanned_whole() -> None:
    """Behaviour on a large input (its speed is measured in benchmarks/, not here)."""
    text = ARTICLE * (1_000_000 // len(ARTICLE) + 1)
    found = find_quantities(text)
    per_article = len(find_quantities(ARTICLE))
    assert len(found) >= per_article * (len(text) // len(ARTICLE)) - per_article
    assert all(text[q.start : q.end] == q.text for q in found[:: max(1, len(found) // 500)])


def test_import_pulls_in_nothing_heavy() -> None:
    code = (
        "import sys; import medlint.quantities; "
        "print(sorted(m for m in ('pint', 'spacy', 'numpy', 'yaml') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


@pytest.mark.parametrize(
    ("text", "course"),
    [
        ("0.4 g/kg/day for 5 days", (2.0, 2.0)),
        ("2 g/kg/day for 5 days", (10.0, 10.0)),
        ("400 mg/kg per day for 5 days", (2.0, 2.0)),
        ("1 g/kg/day for 2 days", (2.0, 2.0)),
        ("1 g/kg/day on 2 consecutive days", (2.0, 2.0)),
        # the dose of each day, written without "/day"
        ("1 g/kg on each of two days", (2.0, 2.0)),
        ("0.4 g/kg for each of the 5 consecutive days", (2.0, 2.0)),
        ("10 g/kg on each of 2 days", (20.0, 20.0)),
        ("2 g/kg given on each of 2 to 5 consecutive days", (4.0, 10.0)),
        ("0.4 g/kg/day", None),  # no day count: no total
        ("2 g/kg", None),  # already a course dose
    ],
)
def test_course_dose_of_a_daily_dose_with_its_days(
    text: str, course: tuple[float, float] | None
) -> None:
    from medlint.checks.regimens import course_dose

    found = find_quantities(text)
    assert len(found) == 1
    total = course_dose(found[0])
    if course is None:
        assert total is None
    else:
        assert total is not None and (total.low, total.high, total.unit) == (*course, "g/kg")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare numbers listed before a quantity share its unit
        ("average 100 and 46 µg/mL", [("100", "iga", 100.0), ("46 µg/mL", "iga", 46.0)]),
        ("are 5 and 10% solutions", [("5", "percent", 5.0), ("10%", "percent", 10.0)]),
        (
            "contain 25, 46 and 106 µg/mL of IgA",
            [("25", "iga", 25.0), ("46", "iga", 46.0), ("106 µg/mL of IgA", "iga", 106.0)],
        ),
        (
            "at 0.01 or 0.04 mL/kg/min",
            [("0.01", "infusion_rate", 0.01), ("0.04 mL/kg/min", "infusion_rate", 0.04)],
        ),
        ("2 & 1 g/kg", [("2", "dose", 2.0), ("1 g/kg", "dose", 1.0)]),
        # not a list: a range, a label's number, a year, an implausible percentage
        ("between 5 and 10% of patients", [("between 5 and 10%", "percent", 5.0)]),
        ("on days 1 and 2 g/kg", [("2 g/kg", "dose", 2.0)]),
        ("see table 3 and 10% solutions", [("10%", "percent", 10.0)]),
        ("in 2019 and 10%", [("10%", "percent", 10.0)]),
        ("of 150 and 10%", [("10%", "percent", 10.0)]),
        ("refs [2] and 10%", [("10%", "percent", 10.0)]),
        ("weeks 2 and 4 g/kg", [("4 g/kg", "dose", 4.0)]),
    ],
)
def test_shared_unit_lists(text: str, expected: list[tuple[str, str, float]]) -> None:
    found = find_quantities(text)
    assert [(q.text, q.kind, q.low) for q in found] == expected
    check_invariants(text, found)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("every day", "every day"),
        ("every 3 days", "every 3 days"),
        ("every 10 days", "every 10 days"),
    ],
)
def test_intervals_in_days_are_shown_in_days(text: str, shown: str) -> None:
    """A day is 1/7 week, stored to 12 digits: shown as "every day", never "every 0.142857142857
    weeks" or "every 0.999999999999 days"."""
    assert format_quantity(only(text)) == shown


def test_a_rate_with_a_verb_after_its_cases() -> None:
    """ "about one new case arose for every ten thousand person-years": 100 per million a year."""
    q = only("about one new case arose for every ten thousand person-years of follow-up")
    assert (q.kind, q.low, q.unit) == ("rate", 100.0, "per_million_per_year")


@pytest.mark.parametrize(
    ("text", "kind", "display"),
    [
        ("half a milligram of IgA per millilitre", "iga", "500 µg/mL"),
        ("half a gram per kilogram", "dose", "0.5 g/kg"),
        ("over half an hour", "duration", "0.5 hours"),
        (
            "roughly one new diagnosis for every nine thousand people each year",
            "rate",
            "about 111.111111111 per million people per year",
        ),
    ],
)
def test_halves_and_diagnoses_in_words(text: str, kind: str, display: str) -> None:
    [q] = find_quantities(text)
    assert (q.kind, q.to_value().display) == (kind, display)


@pytest.mark.parametrize(
    ("text", "display"),
    [
        (
            "About three new cases a year in every hundred thousand children",
            "about 30 per million children",
        ),
        (
            "about ten new cases are diagnosed each year for every 100,000 people",
            "about 100 per million people",
        ),
    ],
)
def test_a_rates_year_before_its_base(text: str, display: str) -> None:
    [q] = find_quantities(text)
    assert (q.kind, q.to_value().display) == ("rate", display)


def test_a_rate_for_each_million() -> None:
    [q] = find_quantities("about 1 new case is diagnosed for each million persons")
    assert q.to_value().display == "about 1 per million persons"
