"""Traditional Chinese folded to simplified, character for character.

The attribution rules (cues, anaphors, sources …) are written in simplified
characters; a report in traditional characters (據彭博報導…否認) would match
none of them.  :func:`fold_traditional` maps each traditional character to
its simplified form so the rules apply, keeping the text's length, so every
offset found in the folded text is an offset in the original.

Simplified text is left alone: a few characters are both simplified and
convertible (乾 in 乾隆), so a text is folded only when enough of its
characters are traditional.  The conversion table is OpenCC's (through
``opencc-python-reimplemented``, a requirement).

Examples
--------
>>> fold_traditional("藍灣科技發言人否認了這一消息")
'蓝湾科技发言人否认了这一消息'
>>> fold_traditional("蓝湾科技发言人否认了这一消息")
'蓝湾科技发言人否认了这一消息'
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from opencc import OpenCC  # type: ignore[import-untyped]

__all__ = ["fold_traditional"]

# at least this many characters, and this share of the Chinese ones, must change
_MIN_CHANGED = 3
_MIN_SHARE = 0.03


@cache
def _converter() -> Callable[[str], str]:
    return OpenCC("t2s").convert  # type: ignore[no-any-return]


@cache
def _fold_char(ch: str) -> str:
    out = _converter()(ch)
    return out if len(out) == 1 else ch


def fold_traditional(text: str) -> str:
    """``text`` with traditional characters made simplified, same length."""
    folded = [_fold_char(ch) if "\u3400" <= ch <= "\u9fff" else ch for ch in text]
    changed = sum(1 for a, b in zip(text, folded, strict=True) if a != b)
    chinese = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")
    if changed < _MIN_CHANGED or changed < _MIN_SHARE * chinese:
        return text
    return "".join(folded)
