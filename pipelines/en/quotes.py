"""Quotation marks in English text: balanced pairs, paragraph by paragraph.

Straight (``"…"``) and curly (``“…”``) double quotes.  A paragraph whose marks
do not pair up yields no quotes at all: guessing which mark is missing would
attribute the wrong words (textacy's ``direct_quotations`` refuses the same way).

Examples
--------
>>> find_en_quotes('"Yes," she said. "No."')
[(1, 5), (18, 21)]
>>> find_en_quotes('"Yes, she said.')
[]
"""

from __future__ import annotations

__all__ = ["find_en_quotes"]


def find_en_quotes(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation's content (without the marks)."""
    out: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        found: list[tuple[int, int]] = []
        ok = True
        open_at: int | None = None
        curly: int | None = None
        for i, ch in enumerate(para):
            if ch == '"' and curly is None:
                if open_at is None:
                    open_at = i
                else:
                    found.append((offset + open_at + 1, offset + i))
                    open_at = None
            elif ch == "“" and open_at is None:
                if curly is not None:
                    ok = False
                    break
                curly = i
            elif ch == "”" and open_at is None:
                if curly is None:
                    ok = False
                    break
                found.append((offset + curly + 1, offset + i))
                curly = None
        if ok and open_at is None and curly is None:
            out.extend((a, b) for a, b in found if b > a)
        offset += len(para) + 1
    return out
