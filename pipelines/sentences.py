"""Sentence boundaries for news text, aware of quotation marks.

A full stop inside a quotation does not end the sentence, so
``“此消息不实。”某人告诉记者。`` stays one sentence with its attribution.
Newlines (paragraph breaks) always end a sentence.

Examples
--------
>>> text = "“不是真的。”他说。第二句。"
>>> [text[s:e] for s, e in sentence_spans(text)]
['“不是真的。”他说。', '第二句。']
"""

from __future__ import annotations

import re

__all__ = ["OPEN_QUOTES", "QUOTE_PAIRS", "sentence_spans"]

QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’"}
OPEN_QUOTES = frozenset(QUOTE_PAIRS)
_CLOSE = frozenset(QUOTE_PAIRS.values())
_TERMINAL = frozenset("。！？!?；;…")
# an English full stop ends a sentence only before a space and a capital or quote
_EN_STOP = re.compile(r"[.!?][\"”’)]?(?=\s+[\"“‘(]?[A-Z0-9])")
# "K. Lin", "Mr. Chew", "U.S. Senate": a stop after these is not a sentence end
_NO_STOP_BEFORE = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Inc|Corp|Co|Ltd|Jr|Sr|St|No|vs|U\.S|U\.K|e\.g|i\.e))\.$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; whitespace between them excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    en_stops = {
        m.end()
        for m in _EN_STOP.finditer(text)
        if not _NO_STOP_BEFORE.search(text, max(0, m.start() - 6), m.start() + 1)
    }
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            # straight quotes toggle; a guess, but only used to protect stops
            depth = 0 if depth else 1
        end = None
        if ch == "\n":
            end = i
            depth = 0
        elif depth == 0 and ch in _TERMINAL:
            end = i + 1
            while end < n and text[end] in _TERMINAL:
                end += 1
        elif depth == 0 and (i + 1) in en_stops:
            end = i + 1
        if end is not None:
            _push(text, spans, start, end)
            start = end
            i = end if end > i else i + 1
            continue
        i += 1
    _push(text, spans, start, n)
    return spans


def _push(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
