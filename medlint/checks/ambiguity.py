"""``ambiguous-attribution``: coordinated products and values with no *respectively*.

"Gamunex-C and Flebogamma, with concentrations of 5% and 10%" can be read
three ways; a patient cannot tell which product is which. The readings that
contradict the facts are reported by the contradiction rules as well.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from medlint.checks import CheckKind
from medlint.checks.base import finding
from medlint.claims import Analysis
from medlint.facts import Facts
from medlint.model import Finding
from medlint.rules import Rule


def _prepare(params: dict[str, Any]) -> Any:
    return None


def _run(rule: Rule, analyses: list[Analysis], facts: Facts) -> Iterable[Finding]:
    for analysis in analyses:
        for amb in analysis.ambiguities:
            start, end = amb.unit.source_span(amb.start, amb.end)
            products = " and ".join(amb.product_names)
            values = " and ".join(amb.values)
            message = rule.render(products=products, values=values, attribute=amb.attribute)
            yield finding(
                rule,
                analysis.document,
                start,
                end,
                message,
                attribute=amb.attribute,
                found=values,
                subject=amb.products[0],
            )


KIND = CheckKind(
    name="ambiguous-attribution",
    scope="document",
    prepare=_prepare,
    run=_run,
    summary="Several products and several values in one phrase without 'respectively'.",
)
