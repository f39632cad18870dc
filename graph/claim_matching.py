"""Find the existing claim a new statement is about.

Claims are indexed by *terms*: character bigrams of Chinese text, lower-cased
words of English text, and numbers.  Candidates come from the store's
inverted index (so the cost does not grow with the store), and are scored by
the Dice coefficient of their term sets.

Examples
--------
>>> a = claim_terms("TikTok美国跨境小店来了", "zh")
>>> b = claim_terms("TikTok美国跨境小店已经来了", "zh")
>>> round(dice(a, b), 2)
0.78
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from graph.keys import text_key

__all__ = ["ATTACH_THRESHOLD", "claim_terms", "dice"]

ATTACH_THRESHOLD = 0.6

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z][a-z'\-]*|\d+(?:\.\d+)?")
_EN_STOP = frozenset(
    (Path(__file__).parent / "data" / "stopwords_en.txt").read_text(encoding="utf-8").split()
)


def claim_terms(text: str, language: str) -> set[str]:
    """Index terms of a claim text."""
    folded = text_key(text) if language == "zh" else text.casefold()
    terms: set[str] = set()
    for run in _HAN_RUN.findall(folded):
        if len(run) == 1:
            terms.add(run)
        terms.update(run[i : i + 2] for i in range(len(run) - 1))
    for word in _WORD.findall(text.casefold()):
        if word not in _EN_STOP:
            terms.add(word)
    return terms


def dice(a: Iterable[str], b: Iterable[str]) -> float:
    """Dice coefficient of two term sets (0 when both are empty)."""
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))
