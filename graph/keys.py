"""Normalised keys and content-hash ids.

An alias key folds case and width (``ＴｉｋＴｏｋ`` = ``tiktok``), drops spaces
and punctuation inside names (``Talk Shop Live`` = ``TalkShopLive``) so that
one actor is found under every spelling a reporter uses.  Ids are hashes over
their parts, so the same input always gives the same id.

Examples
--------
>>> alias_key("ＴａｌｋＳｈｏｐＬｉｖｅ") == alias_key("Talkshoplive")
True
>>> make_id("a", "tiktok") == make_id("a", "tiktok")
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["alias_key", "make_id", "text_key"]

_NAME_NOISE = re.compile(r"[\s\u00b7\u30fb.\-_·'’\"“”《》「」()（）]+")
_TEXT_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def alias_key(name: str) -> str:
    """Case-, width- and spacing-insensitive key of an actor name."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _NAME_NOISE.sub("", folded)


def text_key(text: str) -> str:
    """Key of a claim text: folded, with punctuation and spaces removed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _TEXT_NOISE.sub("", folded)


def make_id(prefix: str, *parts: object) -> str:
    """A short stable id: ``prefix`` + 16 hex chars of a hash over ``parts``."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return f"{prefix}_{digest.hexdigest()[:16]}"
