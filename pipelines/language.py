"""Tell Chinese from English text by counting scripts.

A Han character carries about as much as a Latin word, so Han characters are
weighed against Latin words, not letters: a Chinese article full of English
brand names still counts as Chinese.  Traditional and simplified Chinese both give ``"zh"``.

Examples
--------
>>> detect_language("TikTok Shop的GMV在Q3增长了，Talkshoplive称。")
'zh'
>>> detect_language("TikTok denied the report.")
'en'
>>> detect_language("🙂🙂")
'und'
"""

from __future__ import annotations

import re

__all__ = ["detect_language"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\uff21-\uff3a\uff41-\uff5a]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\uff21-\uff3a\uff41-\uff5a]+")

# Share of Han characters among Han characters plus Latin words from which a
# text counts as Chinese.
ZH_MIN_HAN_SHARE = 0.3
# Share of letters of other scripts (kana, hangul, Cyrillic...) that makes a
# text "und" even when it has Han characters (Japanese has many).
MAX_OTHER_SHARE = 0.2


def detect_language(text: str) -> str:
    """Return ``"zh"``, ``"en"`` or ``"und"`` (empty, symbols, other scripts)."""
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    letters = sum(1 for char in text if char.isalpha())
    other = max(letters - han - latin, 0)
    if letters == 0 or other / letters > MAX_OTHER_SHARE:
        return "und"
    words = len(_LATIN_WORD.findall(text))
    if han / (han + words) >= ZH_MIN_HAN_SHARE:
        return "zh"
    return "en" if words else "und"
