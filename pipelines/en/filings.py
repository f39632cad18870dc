"""Court documents: a complaint states its plaintiff's claims.

"The complaint alleges …", "according to the lawsuit", "the filing claims …"
are the plaintiff's claims, not the court's nor the outlet's.  The plaintiff
is whoever the article says filed or brought the suit ("a complaint filed by
X", "X sued Y", "X filed a lawsuit against Y"; ``data/en/plaintiffs.jsonl``),
wherever in the article it says so; an article that names no plaintiff leaves
the document to the usual rules (the outlet relays it).  "X sued Y …, alleging that …" states the
plaintiff's claim too (``data/en/suits.jsonl``, :func:`suit_pass`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.records import ActorKind, Stance
from pipelines.en.names import Found
from pipelines.en.statements import add_statement

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun
    from pipelines.en.speakers import SpeakerFinder
    from pipelines.lexicon import Lexicon

__all__ = ["plaintiff", "suit_pass"]

# a capitalised run that is not a name: a sentence's first word
_NOT_NAMES = frozenset({"A", "An", "The", "It", "He", "She", "They", "We", "This", "That"})


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r.pattern) for r in lex["plaintiffs"].rules)


def _name(raw: str) -> str:
    words = raw.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(words).strip(" ,.")


def plaintiff(finder: SpeakerFinder) -> Found | None:
    """The party that brought the suit the article reports, or ``None``."""
    for pattern in _patterns(finder.lex):
        for m in pattern.finditer(finder.text):
            name = _name(m.group("plaintiff"))
            if not name:
                continue
            actor = finder.known(name, ActorKind.ORGANIZATION)
            return Found(actor, "filing")
    return None


def suit_pass(run: ArticleRun, s0: int, s1: int) -> None:
    """ "X sued Y in court, alleging that …": the claim the suit makes, the plaintiff's."""
    for m in run.lex["suits"].finditer(run.text, s0, s1):
        if run.in_quote(m.start) or m.end >= s1:
            continue
        found = plaintiff(run.finder)
        if found is None:
            continue
        add_statement(
            run,
            found,
            None,
            Stance(m.rule.get("stance")),
            (s0, s1),
            (m.end, s1),
            m.rule.id,
            quote=False,
            conf=0.7,
            cue_text=m.text,
            cue_end=m.end,
        )
        return
