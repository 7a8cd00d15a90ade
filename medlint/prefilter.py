"""Which prose units need the spaCy pipeline at all.

A product claim needs a product name, found by the phrase matcher; regimen,
incidence and cost claims need only quantities (a regex module) and the
conditions a unit names. Running the tokenizer and the phrase matcher is most
of the cost of a run, so the engine first asks two compiled regexes, built
once per facts file: does the unit name a product (any spelling the phrase
matcher could match, tested loosely on the first word of each name), and which
conditions does it name (for units that skip spaCy, and for choosing the
article's subject condition from all units).
"""

from __future__ import annotations

import re

from medlint.facts import Facts


def _word_alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class TermIndex:
    """Compiled regexes over the facts' product and condition names."""

    def __init__(self, facts: Facts) -> None:
        firsts = []
        for term in facts.products.values():
            for form in term.surface_forms():
                first = re.split(r"[\s\-–/(),]+", form.strip())[0]
                if first:
                    firsts.append(first.lower())
        # A first word followed by anything: "Gamunex C" and "Gamunex-C" both pass.
        self.products = (
            re.compile(rf"(?<!\w)(?:{_word_alternation(firsts)})", re.IGNORECASE)
            if firsts
            else None
        )
        self.condition_ids: dict[str, str] = {}
        forms = []
        for term in facts.conditions.values():
            for form in term.surface_forms():
                key = " ".join(form.lower().split())
                self.condition_ids[key] = term.id
                forms.append(form)
        pattern = "|".join(
            r"\s+".join(re.escape(part) for part in form.split())
            for form in sorted(set(forms), key=len, reverse=True)
        )
        self.conditions = (
            re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE) if forms else None
        )

    def names_product(self, text: str) -> bool:
        return bool(self.products is not None and self.products.search(text))

    def conditions_in(self, text: str) -> list[tuple[str, int, int, str]]:
        """(condition id, start, end, text) of each condition named in ``text``."""
        if self.conditions is None:
            return []
        out = []
        for m in self.conditions.finditer(text):
            cid = self.condition_ids.get(" ".join(m.group(0).lower().split()))
            if cid is not None:
                out.append((cid, m.start(), m.end(), m.group(0)))
        return out
