"""One statement record from the spans the attribution of either language found.

Both languages cut the same pieces from the article: the evidence sentence,
the content span (quoted or reported) and the cue.  This builds the record
from those spans, so the evidence slice and the quote offsets are computed
in one place.
"""

from __future__ import annotations

from graph.records import ActorRef, ExtractedStatement, Stance

__all__ = ["statement_record"]


def statement_record(
    text: str,
    *,
    local_id: str,
    speaker: ActorRef,
    stance: Stance,
    sentence: tuple[int, int],
    content: tuple[int, int],
    quote: bool,
    rule: str,
    claim_text: str | None,
    refers_to: str | None,
    about: tuple[ActorRef, ...],
    cue: str,
    hedges: tuple[str, ...],
    via: ActorRef | None,
    confidence: float,
) -> ExtractedStatement:
    """The record of a statement of ``text``: ``sentence`` is its evidence,
    ``content`` its quote when ``quote`` (offsets kept), its claim otherwise."""
    s0, s1 = sentence
    c0, c1 = content
    return ExtractedStatement(
        local_id=local_id,
        speaker=speaker,
        stance=stance,
        evidence=text[s0:s1],
        start=s0,
        end=s1,
        rule=rule,
        claim_text=claim_text,
        refers_to=refers_to,
        about=about,
        quote=text[c0:c1] if quote else None,
        quote_start=c0 if quote else None,
        quote_end=c1 if quote else None,
        cue=cue,
        hedges=hedges,
        via=via,
        confidence=confidence,
    )
