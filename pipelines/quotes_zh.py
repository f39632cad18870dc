"""Quotation marks in Chinese news text: balanced pairs, and which are speech.

A paragraph with unbalanced marks yields no quotes at all: guessing which
mark is missing would produce garbage attributions.  A quote glued to the
words after it (“小黄车”功能) is a term inside a clause, not speech.

Examples
--------
>>> [(q.open, q.close) for q in find_quotes("他说：“好。”")]
[(3, 6)]
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.sentences import QUOTE_PAIRS

__all__ = ["Quote", "find_quotes", "is_term_quote"]

# what may follow a quote that is speech: punctuation, the end, or a speaker
_TERM_MAX = 12
_AFTER_SPEECH = frozenset("，,。.；;：:！!？?、…）)】」』”\n")


@dataclass(frozen=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close


def find_quotes(text: str) -> list[Quote]:
    """Balanced quotation pairs, paragraph by paragraph."""
    closers = {v: k for k, v in QUOTE_PAIRS.items()}
    quotes: list[Quote] = []
    offset = 0
    for para in text.split("\n"):
        stack: list[tuple[str, int]] = []
        found: list[Quote] = []
        ok = True
        for i, ch in enumerate(para):
            if ch in QUOTE_PAIRS:
                stack.append((ch, i))
            elif ch in closers:
                if not stack or stack[-1][0] != closers[ch]:
                    ok = False
                    break
                _, start = stack.pop()
                if not stack:
                    found.append(Quote(offset + start, offset + i))
        if ok and not stack:
            quotes.extend(found)
        offset += len(para) + 1
    return sorted(quotes, key=lambda q: q.open)


def is_term_quote(text: str, q: Quote, sentence_end: int) -> bool:
    """Whether ``q`` is a short term running on into the words after it (“小黄车”功能)."""
    after = q.close + 1
    inner = text[q.open + 1 : q.close]
    return (
        after < sentence_end
        and text[after] not in _AFTER_SPEECH
        and len(inner) <= _TERM_MAX
        and not any(ch in _AFTER_SPEECH for ch in inner)
    )
