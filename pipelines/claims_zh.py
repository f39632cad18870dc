"""Claim text of a Chinese statement: what is left once the stance words go.

``…的说法不实`` denies ``…``; ``网传…`` relays ``…``.  A denial that points
back (此消息不实, 对于这一报道…) takes up the claim that shares the most words
with its sentence, the nearest one on a tie.

Examples
--------
>>> from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
from pipelines.lexicon import Lexicon
>>> strip_stance_words("美国站开放全托管的说法不实", Lexicon.load("zh"))
'美国站开放全托管'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
from pipelines.lexicon import Lexicon

__all__ = [
    "antecedent",
    "best_antecedent",
    "rumour_answered",
    "strip_rumour_lead",
    "strip_stance_words",
]

# how far back a denial looks for the rumour it answers, and who spreads rumours
_RUMOUR_REACH = 300
_HEARSAY = (ActorKind.ANONYMOUS, ActorKind.GROUP, ActorKind.MEDIA)

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


def _bigrams(text: str) -> set[str]:
    chars = re.sub(r"[\W\d_]+", " ", text)
    return {chars[i : i + 2] for i in range(len(chars) - 1) if " " not in chars[i : i + 2]}


def best_antecedent(sentence: str, candidates: Sequence[tuple[str, str]]) -> str | None:
    """The id of the candidate ``(id, claim)`` sharing most with ``sentence``.

    ``candidates`` are ordered nearest first; with no overlap the nearest wins.
    """
    if not candidates:
        return None
    words = _bigrams(sentence)
    best_id, best = candidates[0][0], 0
    for cid, claim in candidates:
        score = len(words & _bigrams(claim))
        if score > best:
            best_id, best = cid, score
    return best_id


def rumour_answered(
    statements: Sequence[ExtractedStatement], speaker: ActorRef, s0: int, content: str
) -> str | None:
    """The rumour just before ``s0`` that a denial with content of its own answers."""
    rumours = [
        st
        for st in reversed(statements)
        if st.end >= s0 - _RUMOUR_REACH
        and st.claim_text is not None
        and st.speaker != speaker
        and (
            st.stance == Stance.REPORTS
            or (st.stance == Stance.ASSERTS and st.speaker.kind in _HEARSAY)
        )
    ]
    return best_antecedent(content, [(st.local_id, st.claim_text or "") for st in rumours])


def antecedent(
    statements: Sequence[ExtractedStatement], speaker: ActorRef, sentence: str
) -> str | None:
    """The claim a denial by anaphor takes up: the recent rumour it shares most with."""
    taking = (Stance.ASSERTS, Stance.REPORTS, Stance.QUESTIONS)
    recent = [
        st
        for st in reversed(statements)
        if st.claim_text is not None and st.stance in taking and st.speaker != speaker
    ][:6]
    if not recent:
        recent = [st for st in reversed(statements) if st.claim_text is not None][:1]
    return best_antecedent(sentence, [(st.local_id, st.claim_text or "") for st in recent])
