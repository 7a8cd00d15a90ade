"""Identity-keyed memo: one computation per object and question, never another object's answer."""

from __future__ import annotations

from typing import Any

from medlint import memo


class Owner:
    pass


def test_answers_once_per_owner_and_question() -> None:
    table: dict[tuple[Any, ...], tuple[object, Any]] = {}
    calls: list[str] = []
    owner = Owner()

    def make(question: str) -> str:
        calls.append(question)
        return question.upper()

    assert memo.memoised(table, owner, ("a",), lambda: make("a")) == "A"
    assert memo.memoised(table, owner, ("a",), lambda: make("a")) == "A"
    assert memo.memoised(table, owner, ("b",), lambda: make("b")) == "B"
    assert calls == ["a", "b"]


def test_a_recycled_id_never_answers_for_another_object() -> None:
    table: dict[tuple[Any, ...], tuple[object, Any]] = {}
    first, second = Owner(), Owner()
    memo.memoised(table, first, ("q",), lambda: "first")
    # as if ``second`` had been allocated at ``first``'s address after it was freed
    table[(id(second), "q")] = table.pop((id(first), "q"))
    assert memo.memoised(table, second, ("q",), lambda: "second") == "second"


def test_the_table_is_bounded(monkeypatch: Any) -> None:
    monkeypatch.setattr(memo, "LIMIT", 3)
    table: dict[tuple[Any, ...], tuple[object, Any]] = {}
    owner = Owner()
    for i in range(10):
        memo.memoised(table, owner, (i,), lambda i=i: i)  # type: ignore[misc]
        assert len(table) <= 4
