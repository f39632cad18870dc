"""Claim text of a Chinese statement: what is left once the stance words go.

``…的说法不实`` denies ``…``; ``网传…`` relays ``…``.  Which earlier claim a
response takes up is :mod:`pipelines.zh.responses`'s job.

Examples
--------
>>> from pipelines.lexicon import Lexicon
>>> strip_stance_words("美国站开放全托管的说法不实", Lexicon.load("zh"))
'美国站开放全托管'
"""

from __future__ import annotations

import re

from pipelines.lexicon import Lexicon

__all__ = ["strip_rumour_lead", "strip_stance_words"]

_DENIAL_OBJECT = re.compile(
    r"(?:的|之)?(?:传闻|消息|说法|传言|报道|一事|言论|信息)?"
    r"(?:是|为|系|纯属|属于|完全|并|都|均|也|确实|确|已)*$"
)
_TRAIL = re.compile(r"[\s。！？!?；;，,…”“]+$")
_RUMOUR_LEAD = re.compile(
    r"^(?:此前)?(?:业内|坊间|市场|网上|网络|外界|圈内)?(?:一直|早有|早就|普遍|有)?"
    r"(?:网传|据传|传言|传闻|据称|有消息称|有传言称|流传)(?:称|说)?[，,：:]?"
)


def strip_stance_words(claim: str, lexicon: Lexicon) -> str:
    """``claim`` without a stance phrase at its end and the object it governs."""
    claim = _TRAIL.sub("", claim)
    found = [m for m in lexicon["content_cues"].finditer(claim) if claim[m.end :].strip() == ""]
    if found:
        claim = claim[: found[0].start]
    bare = _DENIAL_OBJECT.sub("", claim)
    # "第3条消息不实" denies "第3条消息": keep the noun when the rest is too short
    return bare if len(re.sub(r"\W", "", bare)) >= 4 else claim


def strip_rumour_lead(claim: str) -> str:
    """``网传Temu将…`` -> ``Temu将…``: the marker is the stance, not the claim."""
    return _RUMOUR_LEAD.sub("", claim) or claim
