"""Doubts: a Chinese assertion whose words doubt a claim rather than state or refute it.

"官方的说法我半信半疑", "这个数字我不太信", "证据不够", "说不通", "心里直打鼓",
a rhetorical "订单拿什么交付？": said with a plain cue (表示, 说, 称), these are
``questions`` (convention C7), not assertions and not denials.  The forms are
data (``doubts.jsonl``, one rule per line with an id).

A doubt said by the subject of the claim it answers, that contradicts it, is
the subject's denial: :func:`doubt` leaves those to
:func:`pipelines.zh.rebuttals.answer`.  A plain negated assertion
("公司并未裁员") is no doubt at all.

Examples
--------
>>> from graph.records import ActorKind, ActorRef
>>> from pipelines.lexicon import Lexicon, RuleMatch
>>> lex = Lexicon.load("zh")
>>> reader = ActorRef("某读者", ActorKind.PERSON)
>>> doubt([], reader, "这个数字我不太信", Stance.ASSERTS, lex, before=0).stance
<Stance.QUESTIONS: 'questions'>
>>> doubt([], reader, "公司并未裁员", Stance.ASSERTS, lex, before=0).stance
<Stance.ASSERTS: 'asserts'>
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.records import ActorRef, ExtractedStatement, Stance
from pipelines.lexicon import Lexicon, RuleMatch
from pipelines.zh.rebuttals import answer

__all__ = ["Doubt", "doubt", "doubt_rule"]

# a stance word this close after 说是/号称 is someone else's
_LEAD_GAP = 2


@dataclass(frozen=True)
class Doubt:
    stance: Stance
    points_back: bool = False  # a doubt takes up what was said before it


def doubt_rule(lexicon: Lexicon, content: str) -> str | None:
    """The id of the doubt rule ``content`` matches (``None``: no doubt in its words)."""
    m = next((m for m in lexicon["doubts"].finditer(content) if not m.rule.get("lead")), None)
    return m.rule.id if m is not None else None


def _others_stance(content: str, leads: Sequence[RuleMatch], lexicon: Lexicon) -> bool:
    """Whether every stance word of ``content`` is someone else's: right after 说是, 号称 …

    "说是谣言，可网点真在关，谁心里不打鼓？": the denial is what others say; the
    speaker's own word is the doubt.
    """
    cues = [
        m
        for m in lexicon["content_cues"].finditer(content)
        if m.rule.get("stance", "asserts") != "asserts"
    ]
    return bool(cues) and all(
        any(lead.start < c.start <= lead.end + _LEAD_GAP for lead in leads) for c in cues
    )


def doubt(
    statements: Sequence[ExtractedStatement],
    speaker: ActorRef,
    content: str,
    stance: Stance,
    lexicon: Lexicon,
    *,
    before: int,
    also: Sequence[str] = (),
) -> Doubt:
    """``questions`` for an assertion or relay that doubts, unless its subject denies it."""
    rules = list(lexicon["doubts"].finditer(content))
    found = [m for m in rules if not m.rule.get("lead")]
    if not found:
        return Doubt(stance)
    if stance not in (Stance.ASSERTS, Stance.REPORTS) and not _others_stance(
        content, [m for m in rules if m.rule.get("lead")], lexicon
    ):
        return Doubt(stance)
    answered = answer(statements, speaker, content, lexicon, before=before, also=also)
    if answered is not None and answered[0] == Stance.DENIES:
        return Doubt(stance)  # the claim's subject contradicting it: a denial
    # a doubt is about what was said before: it points back, whatever its own words
    return Doubt(Stance.QUESTIONS, points_back=True)
