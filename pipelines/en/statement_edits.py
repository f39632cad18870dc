"""Edits of the statement just made, when the next words change it.

:func:`continue_quote` extends a quote with the next sentence's quote
(``"A," X said. "B."``), or makes B a second statement when it turns to a
denial or refusal; :func:`trim_last` cuts the previous content before
"…, but declined to comment".
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from graph.records import Stance
from pipelines.en.names import Found
from pipelines.en.statements import CONTENT_TRAIL, ELLIPSIS, add_statement
from pipelines.stance import read_stance

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun

__all__ = ["continue_quote", "trim_last"]


def continue_quote(run: ArticleRun, a: int, b: int, s0: int, s1: int) -> None:
    """``"A," X said. "B."``: B continues the statement of A."""
    if not run.made:
        return
    last = run.made[-1]
    st = last.statement
    if st.quote is None or last.paragraph != run.paragraph(a) or run.sent_index - last.sentence > 1:
        return
    extra = CONTENT_TRAIL.sub("", run.text[a:b].strip())
    turn = read_stance(extra, Stance.ASSERTS, run.lex, quoted=True).stance
    if turn != st.stance and turn in (Stance.DENIES, Stance.CONFIRMS, Stance.NO_COMMENT):
        # "…," he said. "I'm not going to talk about any specific deal.": a second statement
        found = Found(st.speaker, "continued")
        add_statement(
            run,
            found,
            None,
            Stance.ASSERTS,
            (s0, s1),
            (a, b),
            f"{st.rule}/continued",
            quote=True,
            conf=st.confidence,
            cue_text=st.cue,
        )
        return
    claim = f"{st.claim_text} {extra}" if st.claim_text else None
    new = replace(
        st, claim_text=claim, end=max(st.end, s1), evidence=run.text[st.start : max(st.end, s1)]
    )
    run.out.statements[run.out.statements.index(st)] = new
    last.statement = new
    run.pools[last.claim] = run.pools.get(last.claim, "") + " " + extra


def trim_last(run: ArticleRun, pos: int) -> None:
    """ "…, but declined to comment": the previous content ends before "but"."""
    if not run.made:
        return
    last = run.made[-1]
    st = last.statement
    ell = ELLIPSIS.search(run.text, max(0, pos - 30), pos)
    if st.claim_text is None or ell is None:
        return
    cut = run.text[: ell.start()]
    claim = st.claim_text
    tail = cut[-40:].strip()
    idx = claim.find(tail[-20:]) if tail else -1
    if idx >= 0:
        new_claim = CONTENT_TRAIL.sub("", claim[: idx + len(tail[-20:])])
        new = replace(st, claim_text=new_claim)
        run.out.statements[run.out.statements.index(st)] = new
        last.statement = new
