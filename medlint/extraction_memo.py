"""Claims of a unit kept by its text and context, and replayed where both come back.

An archive repeats its paragraphs (boilerplate, a standard dosing paragraph, a generated
corpus drawn from a pool), and claim extraction is most of a run's time. Unlike the pure
per-paragraph steps (quantities, terms), extraction reads its context: the unit's kind and
headers, the product a list item or table row inherits, the article's condition, and, for
"It is a 10% solution", the units around it. So a unit's claims are kept only as a function
of everything its run could read:

- the **key** holds the unit's own text, kind, headers and marks, its mentions (the first
  of them through the unit's ``claims.Shape``, one object per stand-in doc and sentence
  breaks, compared by identity), the leads it inherited, and the article-wide values
  extraction reads (condition, route, sole product);
- a run that read a neighbouring unit directly (``_Extractor.read_neighbours``) is not kept;
  one that read them through a ``claims.context_query`` is kept with each query's answer,
  and replayed for another unit with the same key only if every query answers alike there.

Extraction is deterministic, so a unit with the same key whose recorded queries answer alike
takes the same path and emits the same claims; they are rebuilt in its own document's terms
(path, source offsets, group ids). ``tests/test_extraction_memo.py`` checks this on articles
assembled at random from every fixture paragraph and rule example (the memo warm, bounded to
a few recordings, and off), on pairs of contexts that must be told apart, and trips when a
new read of a unit's section heading is not in the key. Where units do not repeat the memo
steps aside (:class:`Memo`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from medlint.model import Claim

if TYPE_CHECKING:
    from medlint.claims import Ambiguity, Mention, _Extractor

Key = tuple[Any, ...]


def _mention(m: Mention | None) -> tuple[Any, ...] | None:
    return None if m is None else (m.kind, m.id, m.start, m.end, m.text, m.quantity)


def key_of(ex: _Extractor) -> Key:
    """Everything a unit's run reads besides its neighbours (see the module docstring)."""
    unit = ex.unit
    analysis = ex.analysis
    return (
        # the unit's text and claim text, kind, list depth, definition, headers, sentence
        # breaks and mentions (claims.Shape: one object for all of them)
        ex.shape,
        ex.section_key(),
        unit.heading_level,
        unit.markers,
        unit.quoted,
        unit.row >= 0,
        _mention(ex.lead_product),
        _mention(ex.lead_manufacturer),
        ex.lead_how,
        tuple(ex.list_parents),
        ex.row_indication,
        ex.attribute_header,
        analysis.condition,
        analysis.subcutaneous,
        analysis.scig_only,
        _mention(analysis.sole_product),
    )


@dataclass(frozen=True, slots=True)
class Recording:
    """What one unit's run produced, in the unit's own terms (text offsets, sentence numbers).

    ``claims``: each claim with its value's unit-text span, its sentence's number and its
    group's suffix (``None`` for no group); ``ambiguities`` likewise with their group suffix;
    ``replaced``: the mentions the run re-read (sentence number, position, new mention).
    """

    queries: tuple[tuple[str, tuple[Any, ...], Any], ...]
    claims: tuple[tuple[Claim, int, int, int, str | None], ...]
    ambiguities: tuple[tuple[Ambiguity, str | None], ...]
    replaced: tuple[tuple[int, int, Mention], ...]
    counter: int

    def holds_for(self, ex: _Extractor) -> bool:
        """Whether each context query the recorded run asked answers alike for ``ex``."""
        for name, refs, answer in self.queries:
            args = [_argument(ex, ref) for ref in refs]
            if getattr(ex, name)(*args) != answer:
                return False
        return True

    def replay(self, ex: _Extractor) -> None:
        """Add the recorded claims and ambiguities to ``ex``'s analysis, as ``ex.run`` would."""
        analysis = ex.analysis
        analysis.sentences.extend(ex.sentences)
        ex.counter = self.counter
        if not (self.claims or self.ambiguities or self.replaced):
            return  # (most units make no claim)
        unit = ex.unit
        path = ex.doc.path
        prefix = f"{path}#{unit.index}."
        sentences = ex.sentences
        for k, at, mention in self.replaced:
            ex.reread(sentences[k], at, mention)
        append = analysis.claims.append
        for c, start, end, k, group in self.claims:
            s_start, s_end = sentences[k].source_span()
            w_start, w_end = unit.source_span(start, end)
            # (positional, in field order: a third of the cost of keywords, per claim)
            append(
                Claim(
                    c.subject,
                    c.subject_name,
                    c.attribute,
                    c.value,
                    path,
                    w_start,
                    w_end,
                    c.text,
                    s_start,
                    s_end,
                    c.polarity,
                    c.attribution,
                    "" if group is None else prefix + group,
                    c.known,
                    c.condition,
                    c.quantity,
                    c.route,
                )
            )
        if self.ambiguities:
            from medlint.claims import Ambiguity
        for a, group in self.ambiguities:
            analysis.ambiguities.append(
                Ambiguity(
                    unit=unit,
                    start=a.start,
                    end=a.end,
                    products=list(a.products),
                    product_names=list(a.product_names),
                    attribute=a.attribute,
                    values=list(a.values),
                    group="" if group is None else prefix + group,
                )
            )


def _argument(ex: _Extractor, ref: object) -> object:
    """A recorded query argument for ``ex``: its own sentence for a sentence's position."""
    if isinstance(ref, tuple) and len(ref) == 2 and ref[0] == "sentence":
        return ex.sentences[ref[1]]
    return ref


def _suffix(group: str, prefix: str) -> tuple[bool, str | None]:
    """(recordable, suffix) of a group id: its own unit's ids are rebuilt on replay."""
    if not group:
        return True, None
    if group.startswith(prefix):
        return True, group[len(prefix) :]
    return False, None


class Memo:
    """One engine's recorded runs (one facts file): bounded, and idle where units do not repeat.

    ``limit``: the table is emptied when it holds that many recordings, so memory stays
    bounded however many distinct units a run reads. Recording has a cost (~10% of a run on an
    archive whose paragraphs never repeat, mostly the memory the recordings hold), so the memo
    watches its answers: after a ``window`` of units in which it answered fewer than one in
    sixteen, it steps aside for the next ``pause`` units, then tries again. The findings are the
    same either way; only the time differs.
    """

    def __init__(self, limit: int, window: int = 4096, pause: int = 16384) -> None:
        self.table: dict[Key, Recording] = {}
        self.limit = limit
        self.window = window
        self.pause = pause
        self.asked = 0  # units looked up in this window
        self.answered = 0  # and replayed
        self.idle = 0  # units left to run without the memo

    def run(self, ex: _Extractor) -> None:
        """``ex.run()``, or the replay of a recorded run of the same key that holds for ``ex``."""
        if self.idle:
            self.idle -= 1
            ex.run()
            return
        self.asked += 1
        if self.asked >= self.window:
            if self.answered * 16 < self.asked:
                self.idle = self.pause
                self.table.clear()  # (nothing it held was being asked for)
            self.asked = self.answered = 0
        if run(ex, self.table, self.limit):
            self.answered += 1


def run(ex: _Extractor, memo: dict[Key, Recording], limit: int) -> bool:
    """``ex.run()``, or the replay of a recorded run of the same key that holds for ``ex``.

    ``memo`` is emptied when it holds ``limit`` recordings. Returns whether it replayed.
    """
    key = key_of(ex)
    found = memo.get(key)
    if found is not None and found.holds_for(ex):
        found.replay(ex)
        return True
    analysis = ex.analysis
    n_claims = len(analysis.claims)
    n_ambiguities = len(analysis.ambiguities)
    ex.read_neighbours = False
    ex.queries = []
    ex.emitted = []
    ex.replaced = []
    try:
        ex.run()
        recording = _record(ex, n_claims, n_ambiguities)
    finally:
        ex.queries = None
        ex.emitted = None
    if recording is not None:
        if len(memo) >= limit:
            memo.clear()
        memo[key] = recording
    return False


def _record(ex: _Extractor, n_claims: int, n_ambiguities: int) -> Recording | None:
    """The run just made, in the unit's terms; None when it cannot be replayed elsewhere."""
    if ex.read_neighbours or ex.queries is None or ex.emitted is None:
        return None
    analysis = ex.analysis
    prefix = f"{ex.doc.path}#{ex.unit.index}."
    claims = []
    emitted = ex.emitted
    new_claims = analysis.claims[n_claims:]
    if len(new_claims) != len(emitted):
        return None
    for claim, (start, end, sent) in zip(new_claims, emitted, strict=True):
        k = ex.sentence_ref(sent)
        ok, group = _suffix(claim.group, prefix)
        if not ok or not isinstance(k, tuple):
            return None
        claims.append((claim, start, end, int(k[1]), group))
    ambiguities = []
    for a in analysis.ambiguities[n_ambiguities:]:
        ok, group = _suffix(a.group, prefix)
        if not ok or a.unit is not ex.unit:
            return None
        ambiguities.append((a, group))
    replaced = []
    for sent, at, mention in ex.replaced:
        k = ex.sentence_ref(sent)
        if not isinstance(k, tuple):
            return None
        replaced.append((int(k[1]), at, mention))
    return Recording(
        queries=tuple(ex.queries),
        claims=tuple(claims),
        ambiguities=tuple(ambiguities),
        replaced=tuple(replaced),
        counter=ex.counter,
    )
