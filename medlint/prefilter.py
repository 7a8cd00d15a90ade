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
from collections.abc import Sequence

from medlint import rx
from medlint.facts import Facts
from medlint.memo import bounded
from medlint.quantities import PARAGRAPH_MEMO
from medlint.trie import Literals, lower_same_length, trie_pattern


class TermIndex:
    """Compiled regexes over the facts' product and condition names."""

    def __init__(self, facts: Facts) -> None:
        firsts = []
        # (and a maker's: "Q: Who makes Privigen?" / "A: Octapharma." names a maker only)
        for term in [*facts.products.values(), *facts.manufacturers.values()]:
            for form in term.surface_forms():
                first = re.split(r"[\s\-–/(),]+", form.strip())[0]
                if first:
                    firsts.append(first.lower())
        # A first word followed by anything: "Gamunex C" and "Gamunex-C" both pass. One
        # Aho-Corasick scan of the lower-cased text: as fast for ten products as for a thousand.
        self.products = Literals(firsts)
        self.condition_ids: dict[str, str] = {}
        for term in facts.conditions.values():
            for form in term.surface_forms():
                key = " ".join(form.lower().split())
                self.condition_ids[key] = term.id
        # Run on lower-cased text: the pattern then starts with a literal letter, which ``re``
        # scans for in C; the word start is checked on the few hits.
        forms = trie_pattern(self.condition_ids, space=r"\s+")
        self.conditions = rx.compile(rf"(?:{forms})(?!\w)") if self.condition_ids else None
        # Where a condition can start: one Aho-Corasick scan for the first words, then the
        # regex only there (a vocabulary of many conditions made ``search`` try every letter).
        self.condition_starts = Literals(form.split()[0] for form in self.condition_ids)
        # Both answers by text: an archive's repeated paragraphs are scanned once (bounded).
        self._names: dict[str, bool] = {}
        self._conditions_of: dict[str, tuple[tuple[str, int, int, str], ...]] = {}

    def names_product(self, text: str) -> bool:
        """Whether a product's (or a maker's) first word starts at a word start in ``text``."""
        found = self._names.get(text)
        if found is None:
            found = bounded(self._names, text, lambda: self._names_product(text), PARAGRAPH_MEMO)
        return found

    def _names_product(self, text: str) -> bool:
        for s, _ in self.products.starts(lower_same_length(text)):
            if not s or not (text[s - 1].isalnum() or text[s - 1] == "_"):
                return True
        return False

    def conditions_in(self, text: str) -> Sequence[tuple[str, int, int, str]]:
        """(condition id, start, end, text) of each condition named in ``text``."""
        found = self._conditions_of.get(text)
        if found is None:
            found = bounded(
                self._conditions_of, text, lambda: tuple(self._conditions_in(text)), PARAGRAPH_MEMO
            )
        return found

    def _conditions_in(self, text: str) -> list[tuple[str, int, int, str]]:
        if self.conditions is None:
            return []
        out = []
        low = lower_same_length(text)
        pos = 0
        for s, _ in self.condition_starts.starts(low):
            if s < pos or (s and (text[s - 1].isalnum() or text[s - 1] == "_")):
                continue  # inside the last condition, or inside a word
            m = self.conditions.match(low, s)
            if m is None:
                continue
            e = m.end()
            cid = self.condition_ids.get(" ".join(m.group(0).split()))
            if cid is not None:
                out.append((cid, s, e, text[s:e]))
            pos = e
        return out
