"""Registry of check kinds: the code behind declarative rules.

A check kind knows how to ``prepare`` a rule's parameters (validating them and
compiling patterns once) and how to ``run`` over one analysed document, or
over the whole corpus after every document is analysed. Checks are pure
functions of (rule, analyses, facts) -> findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from medlint.model import Finding

if TYPE_CHECKING:
    from medlint.claims import Analysis
    from medlint.facts import Facts
    from medlint.rules import Rule


@dataclass(frozen=True, slots=True)
class CheckKind:
    name: str
    scope: str  # "document" | "corpus"
    prepare: Callable[[dict[str, Any]], Any]
    run: Callable[[Rule, list[Analysis], Facts], Iterable[Finding]]
    summary: str


def _registry() -> dict[str, CheckKind]:
    from medlint.checks import (
        ambiguity,
        arithmetic,
        citations,
        comparison,
        consistency,
        contradiction,
        pattern,
        regimens,
    )

    kinds = [
        arithmetic.KIND,
        comparison.KIND,
        contradiction.KIND,
        consistency.KIND,
        ambiguity.KIND,
        citations.CITATION_KIND,
        citations.REFERENCES_KIND,
        pattern.KIND,
        regimens.KIND,
        regimens.INCIDENCE_KIND,
    ]
    from medlint import suppress
    from medlint.checks import spelling

    kinds += [spelling.KIND, suppress.KIND]
    return {k.name: k for k in kinds}


class _LazyRegistry(dict[str, CheckKind]):
    """Imports the check modules on first use, so ``medlint --help`` stays instant."""

    loaded = False

    def _load(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.update(_registry())

    def get(self, key: str, default: Any = None) -> Any:
        self._load()
        return super().get(key, default)

    def __getitem__(self, key: str) -> CheckKind:
        self._load()
        return super().__getitem__(key)

    def __iter__(self) -> Any:
        self._load()
        return super().__iter__()

    def __len__(self) -> int:
        self._load()
        return super().__len__()


CHECK_KINDS: dict[str, CheckKind] = _LazyRegistry()
