"""Doubts: an assertion whose words doubt a claim rather than state or refute it.

"We have seen no evidence of wrongdoing", "listeria is an unlikely culprit",
"the story is overblown", "analysts are sceptical", "it remains to be seen
whether …", "the 85 figure doesn't count contractors": said with a plain
cue ("said", "told"), these are ``questions`` (convention C7), not
assertions and not denials.  The forms are data (``doubts.jsonl``, one rule
per line with an id).

A doubt said by the subject of the claim it answers, that contradicts it
("we have seen no evidence of any fault in our yogurt" against a rumour
about that yogurt), is the subject's denial: :func:`doubt` leaves those to
:func:`pipelines.en.rebuttals.answer`.  A plain negated assertion ("we did
not cut jobs") is no doubt at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.records import Stance
from pipelines.en.rebuttals import answer

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun
    from pipelines.en.names import Found
    from pipelines.lexicon import Lexicon

__all__ = ["doubt", "doubt_rule"]


def doubt_rule(lexicon: Lexicon, content: str) -> str | None:
    """The id of the doubt rule ``content`` matches (``None``: no doubt in its words)."""
    text = content.replace("\u2019", "'").lower()
    m = lexicon["doubts"].search(text)
    return m.rule.id if m is not None else None


def doubt(run: ArticleRun, found: Found, content: str, stance: Stance) -> Stance:
    """``questions`` for an assertion or relay that doubts, unless its subject denies it."""
    if stance not in (Stance.ASSERTS, Stance.REPORTS) or doubt_rule(run.lex, content) is None:
        return stance
    answered = answer(run, found, content)
    if answered is not None and answered[0] == Stance.DENIES:
        return stance  # the claim's subject contradicting it: a denial (read in link)
    return Stance.QUESTIONS
