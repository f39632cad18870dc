"""Claims an English article names only to deny them.

"X dismissed speculation that it was seeking a loan as "fan fiction"": nobody in
the article stated the loan claim, so the outlet relays it (stance ``reports``)
and the denial takes it up; the denial's own words ("as "…"") are cut from it.
Only rumour nouns (``data/en/relayed_nouns.jsonl``) frame such a claim: "denied
reports that …" keeps its claim on the denial, as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import Stance
from pipelines.en.names import Found

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun

__all__ = ["relay_denied"]

_AS_WORDS = re.compile(r"\s+as\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}[\"“][^\"“”]*[\"”]?\W*$")


def relay_denied(run: ArticleRun, claim: str, sent: tuple[int, int]) -> str | None:
    """The claim a denial names and nobody in the article stated, relayed by the outlet."""
    outlet = run.outlet()
    s0, s1 = sent
    # "… as "fan fiction"": the denial's words, not the claim's
    claim = _AS_WORDS.sub("", claim)
    a = run.text.find(claim, s0, s1)
    if outlet is None or a < 0 or len(claim.split()) < 4:
        return None
    from pipelines.en.statements import add_statement  # (it calls this function)

    made = add_statement(
        run,
        Found(outlet, "document"),
        None,
        Stance.ASSERTS,
        sent,
        (a, a + len(claim)),
        "en.relayed_denied_claim",
        quote=False,
        conf=0.6,
        elaborates=False,
    )
    return None if made is None else made.claim
