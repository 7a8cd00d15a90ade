"""Word lists as one prefix-factored regex.

Python's ``re`` tries the branches of an alternation one after another at
every position, so ``gamunex|gammagard|gammaked|...`` over a thousand names
costs a thousand comparisons per character. Factoring the shared prefixes
into a trie (``gam(?:unex|ma(?:gard|ked))``) leaves one branch per distinct
next letter, so a scan costs about the same for ten names as for a thousand:
the facts-size target of the speed issue depends on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # a key no letter can be: marks the end of a word

_Node = dict[str, "_Node"]


def trie_pattern(words: Iterable[str], *, space: str | None = None) -> str:
    r"""A regex source matching exactly ``words`` (literal strings), longest alternative first.

    Branches are emitted so that a longer word is preferred over its own prefix
    (``gamunex-c`` before ``gamunex``), as a sorted-by-length alternation would.
    With ``space`` (e.g. ``r"\s+"``), a space in a word matches that regex instead.
    """
    root: _Node = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _emit(root, space) if root else r"(?!)"


def _emit(node: _Node, space: str | None) -> str:
    ends = _END in node
    branches = [
        (space if ch == " " and space is not None else re.escape(ch)) + _emit(child, space)
        for ch, child in sorted(node.items())
        if ch != _END
    ]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "|".join(branches)
    return f"(?:{body})?" if ends else f"(?:{body})"


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every offset unchanged.

    A few characters lower-case to two (``İ`` -> ``i̇``); those are kept as written, so a
    match found in the lower-cased text has the same span in ``text``.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
