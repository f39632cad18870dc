"""Which earlier claim a statement answers, and how (the second half of :func:`add_statement`).

:func:`link` takes a statement whose stance has been read (a :class:`Draft`)
and decides the claim it takes up: an answer in facts by the rumour's subject
(:mod:`pipelines.en.rebuttals`), a negated clause after "but" or "and", the
reasons that go on a denial or confirmation just made, the claim a denial
names ("denied reports that …", "claims by X that …") or points back to, the
rumour a refusal to comment or a doubt is about.  It returns the stance, the
claim taken up (``None``: a claim of its own) and the claim's words, or
``None`` when the statement is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.records import Stance
from pipelines.en.rebuttals import answer, matter_target
from pipelines.en.relayed import relay_denied
from pipelines.en.responses import _PRONOUN_OBJECT, _rumour, find_target

if TYPE_CHECKING:
    from graph.records import ActorRef
    from pipelines.en.attribution import ArticleRun
    from pipelines.en.names import Found
    from pipelines.en.statements import Made
    from pipelines.lexicon import Rule
    from pipelines.stance import StanceReading

__all__ = ["CONTENT_TRAIL", "Draft", "link"]

CONTENT_TRAIL = re.compile(r"[\s.,;:!?\"”]+$")
# "reports that X", "a separate report that X", "the claim that X", "suggestions that X"
_STATED_CLAIM = re.compile(
    r"(?:(?:the|a|an|these|those|such|separate|earlier|recent|media|press|online|new|"
    r"latest|\w+'s|\w+’s)\s+){0,3}(?:reports?|claims?|rumou?rs?|speculation|suggestions?|"
    r"allegations?|accounts?|stories|story|assertions?|idea)"
    r'(?:\s+by\s+(?P<by>[^,;"“”]{2,60}?))?'
    r"\s+that\s+(?P<c>.+)",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class Draft:
    """A statement whose speaker, content and stance are read, before it is linked."""

    run: ArticleRun
    found: Found
    cue: Rule | None
    stance: Stance
    reading: StanceReading
    sent: tuple[int, int]
    c0: int
    raw: str  # the content
    whole: str  # the content with the cue's object ("called that claim untrue")
    context: str
    quote: bool
    elaborates: bool
    takes_up: str | None
    conceding: bool
    own_view: bool


def link(draft: Draft) -> tuple[Stance, str | None, str] | None:
    """The stance, the claim taken up and the claim's words of ``draft`` (``None``: drop it)."""
    run, found, cue, stance, reading = (
        draft.run,
        draft.found,
        draft.cue,
        draft.stance,
        draft.reading,
    )
    (s0, s1), c0, raw, whole, context = draft.sent, draft.c0, draft.raw, draft.whole, draft.context
    quote, elaborates, takes_up = draft.quote, draft.elaborates, draft.takes_up
    conceding, own_view = draft.conceding, draft.own_view
    speaker = found.actor
    claim = CONTENT_TRAIL.sub("", raw.strip())
    refers = takes_up  # the claim a caller knows this answers (a fact check's verdict)
    if stance == Stance.ASSERTS:
        answered = answer(run, found, raw)
        if answered is not None:
            # the rumour's subject restating it negated, corrected or in part answers it
            stance, refers = answered
    prev = run.made[-1] if run.made else None
    if stance == Stance.ASSERTS and refers is None:
        refers = _but_not(run, prev, speaker, s0, c0, raw)
        stance = Stance.DENIES if refers is not None else stance
    if (
        stance in (Stance.ASSERTS, Stance.REPORTS)
        and refers is None
        and cue is not None
        and cue.get("participle")
        and prev is not None
        and prev.statement.start == s0
        and prev.statement.speaker == speaker
        and prev.statement.stance in (Stance.DENIES, Stance.CONFIRMS)
    ):
        # "rejected the figure as speculation, adding that no application had been filed"
        stance, refers = prev.statement.stance, prev.claim
    answers = stance in (Stance.DENIES, Stance.CONFIRMS, Stance.NO_COMMENT)
    para = run.paragraph(s0)
    if (
        quote
        and elaborates
        and prev is not None
        and not reading.points_back
        and stance
        in (
            Stance.ASSERTS,
            prev.statement.stance,
        )
    ):
        p = prev.statement
        same = p.speaker.name == speaker.name or para == prev.paragraph
        if (
            p.stance in (Stance.DENIES, Stance.CONFIRMS)
            and same
            and (run.sent_index - prev.sentence <= 1)
        ):
            stance, refers = p.stance, prev.claim
    elif (
        not quote
        and elaborates
        and stance == Stance.ASSERTS
        and prev is not None
        and prev.statement.stance == Stance.DENIES
        and prev.statement.claim_text is None
        and prev.statement.speaker.name == speaker.name
        and run.sent_index - prev.sentence == 1
        and not prev.statement.quote
    ):
        # "X rejected the allegations. A spokesperson said the company had paid …": the
        # reasons of a bare denial deny the same claim
        stance, refers = prev.statement.stance, prev.claim
    # the clause a refusal is about, not one in a trailing remark (", which is what … say whether")
    clause = re.search(
        r"\b(?:reports?|claims?|rumou?rs?)?\s*(?:that|whether)\s+(?P<c>.+)", raw.split(", ")[0]
    )
    stated = _STATED_CLAIM.match(claim)
    own = cue is not None and bool(cue.get("takes_up_only"))
    if refers is None and answers:
        # a quote is about what it says, and about what its frame says ("denied the report")
        obj = f"{context} {raw}" if quote else whole
        anaphor = (
            reading.points_back
            or run.lex["anaphors"].search(whole) is not None
            or _PRONOUN_OBJECT.match(whole) is not None
        )
        if stated and len(stated.group("c").split()) >= 4:
            # "denied reports that its shop had launched": the claim is what the reports say
            claim_all = claim
            claim = CONTENT_TRAIL.sub("", stated.group("c").strip())
            refers = find_target(run, found, claim, latest=False, clause=True)
            noun = claim_all[: stated.start("c")]
            if (
                refers is None
                and stance == Stance.DENIES
                and not quote
                and run.lex["relayed_nouns"].search(noun) is not None
            ):
                # "dismissed speculation that it sought a loan": the outlet relays what it denies
                refers = relay_denied(run, claim, (s0, s1))
            if refers is None and stated.group("by"):
                # "pushed back on claims by rival Skyreach that …": Skyreach's claim, answered
                base = c0 + len(raw) - len(raw.lstrip())
                refers = _claimed_by(run, found, stated, base, (s0, s1))
        elif stance == Stance.NO_COMMENT and clause and len(clause.group("c").split()) >= 4:
            # "declined to comment on reports that it plans to hire 20 staff": a claim
            refers = find_target(run, found, obj, latest=False, clause=True, hearsay=True)
            if refers is None and _ANAPHORIC_CLAUSE.match(clause.group("c")):
                # "would not say whether that included a charter": "that" is the rumour
                refers = find_target(run, found, obj, latest=True, hearsay=True)
            if refers is None:
                claim = CONTENT_TRAIL.sub("", clause.group("c").strip())
        elif (
            (reading.points_back and not own)
            or stance == Stance.NO_COMMENT
            or len(claim.split()) < 3
        ):
            refers = find_target(
                run, found, obj, latest=True, anaphor=anaphor, hearsay=stance == Stance.NO_COMMENT
            )
        else:
            # "announced that it would cut 1,200 roles", "conceded that the target assumes
            # a lot": it confirms a claim only if it says it
            refers = find_target(run, found, obj, latest=False, anaphor=anaphor, clause=own)
    if stance in (Stance.DENIES, Stance.CONFIRMS) and not conceding and not _rumoured(run, refers):
        # "There are no plans to close the plant" after a rumour the plant will close
        refers = matter_target(run, found, raw) or refers
    if refers is None and own_view and stance == Stance.ASSERTS:
        # "Our read: the sale is happening", "My guess is that it wouldn't, not at $2.6
        # billion": the author's verdict on a rumour it restates
        refers = find_target(run, found, claim, latest=False, clause=True, hearsay=True)
        if refers is not None:
            stance = Stance.QUESTIONS if _NEGATION.search(claim) else Stance.CONFIRMS
    if refers is None and stance == Stance.QUESTIONS and len(claim.split()) >= 3:
        # "doubted that a $2 billion order was realistic": the doubted claim, if stated before
        refers = find_target(run, found, claim, latest=False, clause=True)
        mine = [m for m in run.made if m.statement.speaker == speaker and not m.statement.refers_to]
        if refers is None and conceding and mine:
            # "conceded that it had never been able to verify the image": its own claim
            refers = mine[0].claim
        if refers is None:
            # "I don't believe a deal is close", "asked the company to state whether …": a
            # doubt or an inquiry about the article's rumour
            refers = find_target(run, found, claim, latest=True)
    if refers is None and len(claim.split()) < 3:
        return None
    if refers is None and conceding and stance == Stance.CONFIRMS:
        # "acknowledged it was reviewing options": the rumour's subject concedes its matter
        answered = answer(run, found, raw, conceding=True)
        stance, refers = answered if answered is not None else (stance, refers)
    if refers is None and stance == Stance.CONFIRMS and cue and cue.get("takes_up_only"):
        stance = Stance.ASSERTS  # "acknowledged that requests had tripled": nothing taken up
    return stance, refers, claim


def _rumoured(run: ArticleRun, claim: str | None) -> bool:
    """Whether ``claim`` was first stated as a rumour (a report, an unnamed source …)."""
    first = next((m for m in run.made if m.claim == claim), None)
    return first is not None and _rumour(first.statement)


_BUT = re.compile(r"\bbut\b", re.IGNORECASE)
_ANAPHORIC_CLAUSE = re.compile(r"(?:that|this|those|these)\s+(?!is\b)", re.IGNORECASE)
_AND = re.compile(r"\band\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing)\b|n't\b", re.IGNORECASE)


def _claimed_by(
    run: ArticleRun, found: Found, stated: re.Match[str], base: int, sent: tuple[int, int]
) -> str | None:
    """The claim of the author a response names ("claims by X that …"), stated by X."""
    author = run.finder.resolve(stated.group("by"), base + stated.start("by"))
    if author is None or author.actor.name == found.actor.name:
        return None
    from pipelines.en.statements import add_statement  # (it calls this function's caller)

    content = (base + stated.start("c"), base + stated.end("c"))
    made = add_statement(
        run, author, None, Stance.ASSERTS, sent, content, "en.claim_by", quote=False, conf=0.6
    )
    return made.claim if made is not None else None


def _but_not(
    run: ArticleRun, prev: Made | None, speaker: ActorRef, s0: int, c0: int, raw: str
) -> str | None:
    """ "conceded that the studio would be restructured, but argued that it was "not a
    closure"": a negated clause after "but" denies the part of the claim just conceded;
    a negated clause after "and" goes on a denial."""
    if prev is None or prev.statement.start != s0 or prev.statement.speaker != speaker:
        return None
    if prev.statement.refers_to is None:
        return None
    between = run.text[prev.statement.start : c0]
    if not _NEGATION.search(raw):
        return None
    if prev.statement.stance == Stance.CONFIRMS and _BUT.search(between):
        return prev.claim
    if prev.statement.stance == Stance.DENIES and _AND.search(between):
        # "called the figure speculation and said the sides had not discussed price"
        return prev.claim
    return None
