"""Answers memoised per object, for values derived from facts that every claim asks for again.

Keyed by the object's identity plus the question; the object itself is kept beside the
answer, so a recycled ``id`` (a facts file loaded again) can never answer for another
object. Bounded: an archive of odd questions cannot grow a table without limit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

LIMIT = 10_000


def memoised(
    table: dict[tuple[Any, ...], tuple[object, Any]],
    owner: object,
    question: tuple[Hashable, ...],
    answer: Callable[[], V],
) -> V:
    """``answer()`` for ``owner`` and ``question``, computed once while ``table`` keeps it."""
    key = (id(owner), *question)
    hit = table.get(key)
    if hit is not None and hit[0] is owner:
        value: V = hit[1]
        return value
    if len(table) > LIMIT:
        table.clear()
    value = answer()
    table[key] = (owner, value)
    return value


def bounded(table: dict[K, V], key: K, answer: Callable[[], V], limit: int) -> V:
    """``answer()`` for ``key`` (a paragraph's text), computed once while ``table`` keeps it.

    For pure per-paragraph steps an archive repeats (see ``quantities.PARAGRAPH_MEMO``):
    ``table`` is emptied when it holds ``limit`` answers, so memory stays bounded however many
    distinct paragraphs a run reads.
    """
    found = table.get(key)
    if found is None:
        if len(table) >= limit:
            table.clear()
        found = table[key] = answer()
    return found
