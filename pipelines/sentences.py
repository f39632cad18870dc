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
from functools import cache

from pipelines.lexicon import Lexicon

__all__ = ["OPEN_QUOTES", "QUOTE_PAIRS", "sentence_spans"]

QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’"}
OPEN_QUOTES = frozenset(QUOTE_PAIRS)
_CLOSE = frozenset(QUOTE_PAIRS.values())
_TERMINAL = frozenset("。！？!?；;…")
# an English full stop ends a sentence only before a space and a capital, a digit, a quote or
# an @handle ("… in the posts. @CityWhispers did not respond")
_EN_STOP = re.compile(r"[.!?][\"”’)]?(?=\s+(?:@\w|[\"“‘(]?[A-Z0-9]))")
_INITIAL = re.compile(r"\b[A-Z]\.$")  # "K. Lin"
_DIGIT_NEXT = re.compile(r"\s+\d")
# the only characters the scan acts on (with the English stops); the rest is skipped
_MARKS = re.compile(
    "[" + re.escape("".join(sorted({*QUOTE_PAIRS, *_CLOSE, '"', "\n", *_TERMINAL}))) + "]"
)


@cache
def _abbreviations() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Stops that end no sentence (data ``en/abbreviations``): always, and before a number.

    Titles and name parts ("Mr.", "Inc.", "U.S.") never end one; a month ("Dec. 31") does
    not when a number follows.
    """
    always, before_digit = [], []
    for r in Lexicon.load("en")["abbreviations"].rules:
        (before_digit if r.get("kind") == "month" else always).append(re.escape(r.pattern))

    def alt(words: list[str]) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w.])(?:{'|'.join(words) or '(?!)'})$")

    return alt(always), alt(before_digit)


def _no_stop(text: str, stop: int, end: int) -> bool:
    """Whether the full stop at ``stop`` (its match ending at ``end``) ends no sentence."""
    always, before_digit = _abbreviations()
    head = text[max(0, stop - 8) : stop + 1]
    if _INITIAL.search(head) or always.search(head):
        return True
    return bool(before_digit.search(head) and _DIGIT_NEXT.match(text, end))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; whitespace between them excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    en_stops = {
        m.end()
        for m in _EN_STOP.finditer(text)
        if not (text[m.start()] == "." and _no_stop(text, m.start(), m.end()))
    }
    n = len(text)
    marks = [m.start() for m in _MARKS.finditer(text)]
    if en_stops:
        marks = sorted({*marks, *(e - 1 for e in en_stops)})
    resume = 0  # a run of terminals ends one sentence: marks inside it are passed over
    for i in marks:
        if i < resume:
            continue
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
            start = resume = end
    _push(text, spans, start, n)
    return spans


def _push(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
