"""Response linking: which earlier claim an English denial, confirmation or refusal answers.

A response ("X denied the report", "declined to comment on the plans",
"called the claim untrue") takes up a claim stated earlier in the article
by someone else: the one whose words it shares most, else the last claim
of a media outlet when it names a report, else the last claim naming the
responder (or its organisation), else, when nothing names the claim and
the response points back, the article's rumour.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, ExtractedStatement, Stance
from pipelines.speakers_en import Found
from pipelines.stopwords_en import stopwords

if TYPE_CHECKING:
    from pipelines.attribution_en import ArticleRun

__all__ = ["content_words", "find_target"]

_STOP = stopwords("claim_overlap")
_REPORT_WORD = re.compile(r"\b(?:reports?|story|article|stories|leaks?)\b", re.IGNORECASE)


def _rumour(st: ExtractedStatement) -> bool:
    return st.stance == Stance.REPORTS or st.speaker.kind in (ActorKind.ANONYMOUS, ActorKind.MEDIA)


def content_words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z0-9-]+|\d[\d,.]*", text):
        w = w.lower().rstrip(".,")
        if len(w) < 4 or w in _STOP:
            continue
        out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return out


def find_target(
    run: ArticleRun,
    found: Found,
    obj: str,
    *,
    latest: bool,
    clause: bool = False,
    anaphor: bool = False,
) -> str | None:
    """The earlier claim a denial / confirmation / refusal takes up."""
    me = found.actor.name
    cands = [m for m in run.made if m.statement.speaker.name != me]
    if not cands:
        return None
    names = " ".join(m.surface for m in run.mentions) + " " + " ".join(run.finder.short)
    words = content_words(obj) - content_words(run.scope or "") - content_words(names)
    if words:
        scored = [
            (len(words & content_words(run.pools.get(m.claim, ""))), i) for i, m in enumerate(cands)
        ]
        best = max(scored)
        if best[0] >= max(1, len(words) // 3):
            return cands[best[1]].claim
    if _REPORT_WORD.search(obj):
        media = [m for m in cands if m.statement.speaker.kind == ActorKind.MEDIA]
        if media:
            return media[-1].claim
    if clause:
        return None
    names = {me, *found.actor.aliases}
    if found.affiliation is not None:
        org = found.affiliation.organization
        names |= {org.name, *org.aliases}
    short = [k for k, v in run.finder.short.items() if v.name in names]
    names |= set(short)
    names = {n for n in names if n and len(n) > 1}
    for m in reversed(cands):
        text = run.pools.get(m.claim, "")
        if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names):
            return m.claim
    if latest:
        # nothing names the claim: the article's rumour (a report or an unnamed source)
        rumours = [m for m in cands if m.statement.refers_to is None and _rumour(m.statement)]
        return (rumours[0] if rumours and not anaphor else cands[-1]).claim
    return None
