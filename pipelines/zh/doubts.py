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
>>> from pipelines.lexicon import Lexicon
>>> lex = Lexicon.load("zh")
>>> reader = ActorRef("某读者", ActorKind.PERSON)
>>> doubt([], reader, "这个数字我不太信", Stance.ASSERTS, lex, before=0).stance
<Stance.QUESTIONS: 'questions'>
>>> doubt([], reader, "公司并未裁员", Stance.ASSERTS, lex, before=0).stance
<Stance.ASSERTS: 'asserts'>
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.records import ActorRef, ExtractedStatement, Stance
from pipelines.lexicon import Lexicon
from pipelines.zh.rebuttals import answer

__all__ = ["Doubt", "doubt", "doubt_rule"]

# a doubt with this few words of its own besides the doubt is about what was said before
_OWN_WORDS = 8


@dataclass(frozen=True)
class Doubt:
    stance: Stance
    points_back: bool = False  # "我半信半疑": it has no content of its own


def doubt_rule(lexicon: Lexicon, content: str) -> str | None:
    """The id of the doubt rule ``content`` matches (``None``: no doubt in its words)."""
    m = lexicon["doubts"].search(content)
    return m.rule.id if m is not None else None


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
    if stance not in (Stance.ASSERTS, Stance.REPORTS):
        return Doubt(stance)
    found = list(lexicon["doubts"].finditer(content))
    if not found:
        return Doubt(stance)
    answered = answer(statements, speaker, content, lexicon, before=before, also=also)
    if answered is not None and answered[0] == Stance.DENIES:
        return Doubt(stance)  # the claim's subject contradicting it: a denial
    residual = content
    for m in found:
        residual = residual.replace(m.text, "")
    own = len(re.sub(r"\W", "", residual))
    return Doubt(Stance.QUESTIONS, points_back=own < _OWN_WORDS)
