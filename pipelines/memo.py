"""A bounded memo table: computed once per key, emptied when full.

Extraction asks the same questions of the same short texts many times within
one article (rule matches, part-of-speech tags, a claim's terms); repeats come
close together, so a table that is simply emptied when full keeps the hits and
bounds the memory of a long ingest.

Examples
--------
>>> table: dict[str, int] = {}
>>> remember(table, "abc", 2, lambda: len("abc"))
3
>>> remember(table, "abc", 2, lambda: -1)  # already known
3
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["remember"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_MISSING = object()


def remember(table: dict[K, V], key: K, limit: int, compute: Callable[[], V]) -> V:
    """``table[key]``, computed by ``compute()`` if absent (``None`` is a value too);
    the table is emptied first when it holds ``limit`` entries."""
    found = table.get(key, _MISSING)
    if found is not _MISSING:
        return found  # type: ignore[return-value]
    if len(table) >= limit:
        table.clear()
    value = table[key] = compute()
    return value
