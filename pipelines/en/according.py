"""English sources without a speech cue: ``according to X`` and unsourced rumour markers.

``according to X`` (before or after the content) and ``X, citing people
familiar with the matter, reported …`` (the source, scoped to and relayed
via X); a rumour marker with no source (reportedly, is said to) makes the
article's outlet relay the claim (stance ``reports``); a fact check's verdict
label ("VERDICT: Misleading.") is the outlet's ruling on the claim it checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef, Stance
from pipelines.en.names import Found
from pipelines.en.statements import add_statement

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun

__all__ = ["according_pass", "afterthought_pass", "relay_pass", "verdict_pass"]


def afterthought_pass(run: ArticleRun, s0: int, s1: int, before: int) -> None:
    """ "…, a figure the bank confirmed.": the speaker's act on the claim this sentence stated.

    ``before`` is how many statements there were before this sentence.
    """
    if len(run.made) <= before:
        return
    for m in run.lex["afterthoughts"].finditer(run.text, s0, s1):
        if run.in_quote(m.start):
            continue
        a, b = m.spans["speaker"]
        found = run.finder.resolve(run.text[a:b], a)
        stated = run.made[-1]
        if found is None or found.actor.name == stated.statement.speaker.name:
            continue
        add_statement(
            run,
            found,
            None,
            Stance(m.rule.get("stance")),
            (s0, s1),
            (m.start + 1, m.end),
            m.rule.id,
            quote=False,
            conf=0.7,
            cue_text=m.text,
            takes_up=stated.claim,
            elaborates=False,
        )
        return


def verdict_pass(run: ArticleRun, s0: int, s1: int) -> bool:
    """ "VERDICT: Misleading." opening a paragraph: the outlet rules on the checked claim."""
    outlet = run.outlet()
    if outlet is None or (s0 > 0 and run.text[s0 - 1] != "\n"):
        return False
    m = run.lex["verdicts"].search(run.text[s0:s1])
    if m is None:
        return False
    a, b = m.spans["label"]
    # the claim checked is the first one the article states (the outlet relays it itself)
    checked = next((x.claim for x in run.made if x.statement.refers_to is None), None)
    if checked is None:
        return False
    made = add_statement(
        run,
        Found(outlet, "outlet"),
        None,
        Stance(m.rule.get("stance")),
        (s0, s1),
        (s0 + a, s0 + b),
        m.rule.id,
        quote=False,
        conf=0.75,
        cue_text=m.text,
        takes_up=checked,
    )
    return made is not None


def according_pass(run: ArticleRun, s0: int, s1: int) -> None:
    for am in run.lex["according"].finditer(run.text, s0, s1):
        if run.in_quote(am.start):
            continue
        a, b = am.spans["speaker"]
        found = run.finder.resolve(run.text[a:b], a)
        if found is None:
            continue
        via = run.via(found)
        if "via" in am.spans:
            v0, v1 = am.spans["via"]
            vf = run.finder.resolve(run.text[v0:v1], v0)
            if vf is None:
                continue
            if found.actor.kind == ActorKind.ANONYMOUS:
                x = found.actor
                found = Found(
                    ActorRef(x.name, x.kind, x.aliases, x.description, vf.actor.name), found.how
                )
            via = vf.actor
            # "X, which reported that …, citing Y": the content sits before the source
            content = am.spans.get("content") or (am.end, s1)
        elif "content" in am.spans:
            content = am.spans["content"]  # "speculation, relayed by X, that …"
        elif run.text[s0 : am.start].strip(" ,"):
            content = (s0, am.start)
        else:
            content = (b, s1)
        made = add_statement(
            run,
            found,
            None,
            Stance(am.rule.get("stance", "asserts")),
            (s0, s1),
            content,
            am.rule.id,
            quote=False,
            conf=0.75,
            context=run.text[am.start : am.end],
            via=via,
        )
        if made is not None:
            return


def relay_pass(run: ArticleRun, s0: int, s1: int, *, clauses_only: bool = False) -> None:
    """A rumour marker with no source, or the article's own voice: the outlet states the claim.

    A rumour marker (``data/en/rumour_markers.jsonl``: reportedly, "it was
    reported last week that", "fed a rumour that") makes the outlet relay the
    claim (``reports``); the article's own voice (``data/en/own_voice.jsonl``:
    "it is understood that", "Our take: …", "questions have been raised over
    whether") states it with the rule's stance. A marker that frames its own
    clause ("Chatter that X will … intensified after …") relays just that
    clause, even in a sentence with other statements (``clauses_only``).
    """
    outlet = run.outlet()
    if outlet is None:
        return
    for name in ("rumour_markers", "own_voice"):
        for m in run.lex[name].finditer(run.text, s0, s1):
            if name == "rumour_markers" and not m.rule.get("relay"):
                continue
            clause = m.spans.get("claim") if m.rule.get("clause") else None
            if clauses_only != (clause is not None) or run.in_quote(m.start):
                continue  # each kind of marker is read by its own call
            if m.rule.get("opens") and run.text[s0 : m.start].strip(" \t\n•*-–—"):
                continue  # "Our take:" / "We think" open the sentence
            speaker = _own_outlet(run, m.spans.get("speaker"), outlet)
            if speaker is None:
                continue
            takes_up = None
            if m.rule.get("takes_up_own"):
                # "We stand by our sources": the outlet's own latest claim
                own = [
                    x.claim
                    for x in run.made
                    if x.statement.speaker.name == speaker.name and x.statement.refers_to is None
                ]
                if not own:
                    continue
                takes_up = own[-1]
            made = add_statement(
                run,
                Found(speaker, "outlet"),
                None,
                Stance(m.rule.get("stance", "reports")),
                (s0, s1),
                clause or (s0, s1),
                f"en.relay/{m.rule.id}" if name == "rumour_markers" else m.rule.id,
                quote=False,
                conf=0.6,
                cue_text=m.text,
                takes_up=takes_up,
            )
            if made is not None:
                return


def _own_outlet(run: ArticleRun, span: tuple[int, int] | None, outlet: ActorRef) -> ActorRef | None:
    """The outlet an own-voice rule names ("Harbor Daily understands"), or the article's."""
    if span is None:
        return outlet
    found = run.finder.resolve(run.text[span[0] : span[1]], span[0])
    if found is None or found.actor.kind != ActorKind.MEDIA:
        return None
    return found.actor
