"""Safe YAML loading that remembers where every key and item came from.

Facts and rule files are edited by hand, so every error must name the file
and line. PyYAML's ``SafeLoader`` is the base: tags that would construct
Python objects are refused. On top of it this loader rejects duplicate keys
(PyYAML silently keeps the last one, which would hide a contradictory fact)
and records line numbers in :class:`LineMap` / :class:`LineList`.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import yaml

from medlint.errors import MedlintError


class LineMap(dict[str, Any]):
    """A dict that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        # A LineMap made in code (a default for a missing section) has no key lines.
        key_lines: dict[str, int] = getattr(self, "key_lines", {})
        return key_lines.get(key, self.line)


class LineList(list[Any]):
    """A list that knows the 1-based line of itself and of each item."""

    line: int = 0
    item_lines: list[int]


# libyaml's parser (PyYAML's C extension, in its wheels) when present: the pure-Python scanner
# took 11.9 s for a 3,000-product facts file. Constructors and resolvers stay PyYAML's safe
# ones either way, and the nodes carry the same marks.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)
    result = LineMap()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise MedlintError("mapping key is not a scalar", line=key_node.start_mark.line + 1)
        skey = str(key) if not isinstance(key, str) else key
        if skey in result:
            raise MedlintError(
                f"duplicate key '{skey}' (first at line {result.key_lines[skey]})",
                line=key_node.start_mark.line + 1,
            )
        result[skey] = loader.construct_object(value_node, deep=True)
        result.key_lines[skey] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay strings: facts quote them as written and JSON Schema expects strings.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# How many nodes YAML aliases may add by reuse. A handful of ``*anchor`` s is
# normal; nine levels of ten aliases each ("billion laughs") would make the
# schema validator walk 10^9 nodes, so expansion is measured before anything
# walks the data.
MAX_ALIAS_EXPANSION = 100_000


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a document whose aliases expand it by more than ``MAX_ALIAS_EXPANSION`` nodes."""
    sizes: dict[int, int] = {}
    distinct: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise MedlintError("YAML alias refers to itself", line=node.start_mark.line + 1)
        on_path.add(key)
        distinct.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    if sizes[id(root)] - len(distinct) > MAX_ALIAS_EXPANSION:
        raise MedlintError(
            f"YAML aliases expand the file by more than {MAX_ALIAS_EXPANSION} nodes", line=1
        )


def load_yaml(text: str, path: str) -> Any:
    """Parse YAML text; any problem becomes a :class:`MedlintError` with ``path`` and line."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _check_expansion(node)
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except MedlintError as exc:
        exc.path = path
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        if line is not None:  # libyaml puts an end-of-file mark after a last line without "\n"
            line = min(line, text.count("\n") + 1)
        problem = exc.problem or "invalid YAML"
        if "could not determine a constructor" in problem:
            problem = "tag not allowed (facts and rules are loaded safely; no Python objects)"
        raise MedlintError(f"YAML error: {problem}", path, line) from None
    except yaml.reader.ReaderError as exc:  # a control character: not a MarkedYAMLError
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        problem = f"control character #x{exc.character:04x} not allowed"
        raise MedlintError(f"YAML error: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise MedlintError(f"YAML error: {' '.join(str(exc).split())}", path) from None
    except RecursionError:
        raise MedlintError("YAML nested too deeply", path) from None


def line_at(data: Any, location: Sequence[str | int]) -> int | None:
    """The line of the deepest node reachable along ``location`` (a JSON-Schema error path)."""
    line: int | None = getattr(data, "line", None)
    node = data
    for step in location:
        if isinstance(node, LineMap) and isinstance(step, str) and step in node:
            line = node.line_of(step)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
        inner = getattr(node, "line", None)
        if inner and not isinstance(node, LineMap):
            line = inner
    return line
