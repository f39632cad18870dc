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
>>> detect_language("ティックトックは報道を否定した。")
'und'
>>> detect_language("以色列团队称之为טיקטוק שופ，业内人士称这只是传言。")
'zh'
"""

from __future__ import annotations

import re

__all__ = ["SUPPORTED_LANGUAGES", "detect_language"]

# The languages extraction has rules for.
SUPPORTED_LANGUAGES = frozenset({"zh", "en"})

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\uff21-\uff3a\uff41-\uff5a]")
_KANA_HANGUL = re.compile(
    r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"
)
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\uff21-\uff3a\uff41-\uff5a]+")

# Share of Han characters among Han characters plus Latin words from which a
# text counts as Chinese.
ZH_MIN_HAN_SHARE = 0.3
# Share of kana and hangul letters that makes a text Japanese or Korean ("und")
# even though it has Han characters (Japanese has many).
MAX_KANA_HANGUL_SHARE = 0.2
# Share of letters of other scripts (Cyrillic, Arabic, Hebrew...) that makes a
# text "und"; below it they are foreign names and phrases quoted in zh or en.
MAX_OTHER_SHARE = 0.5


def detect_language(text: str) -> str:
    """Return ``"zh"``, ``"en"`` or ``"und"`` (empty, symbols, other languages)."""
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    kana_hangul = len(_KANA_HANGUL.findall(text))
    letters = sum(1 for char in text if char.isalpha())
    other = max(letters - han - latin - kana_hangul, 0)
    if letters == 0 or kana_hangul / letters > MAX_KANA_HANGUL_SHARE:
        return "und"
    if other / letters > MAX_OTHER_SHARE:
        return "und"
    words = len(_LATIN_WORD.findall(text))
    if han / (han + words) >= ZH_MIN_HAN_SHARE:
        return "zh"
    return "en" if words else "und"
