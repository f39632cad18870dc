"""The English statement builder: one statement record from a speaker, a cue and a content span.

:func:`add_statement` trims the content (a leading "that", a trailing
"according to …"), reads its stance (:func:`pipelines.stance.read_stance`),
decides which earlier claim a denial, confirmation or refusal takes up
(:func:`pipelines.en.responses.find_target`) and records the statement, its
affiliation and the words of its claim on the article run.
Edits of the statement just made are in :mod:`pipelines.en.statement_edits`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
from pipelines.en.names import NAME, NOT_NAMES, Found
from pipelines.en.rebuttals import answer, matter_target
from pipelines.en.relayed import relay_denied
from pipelines.en.responses import _PRONOUN_OBJECT, _rumour, find_target
from pipelines.lexicon import Rule
from pipelines.stance import read_stance
from pipelines.statement_record import statement_record

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun

# who may take a base-form cue ("the filings claim", "the investors, led by X, claim")
_PLURAL_SOURCES = ("document", "filing", "led")

__all__ = [
    "CONTENT_TRAIL",
    "ELLIPSIS",
    "Made",
    "add_statement",
]

_CONTENT_LEAD = re.compile(r"[\s,:]*(?:that\s+)?")
CONTENT_TRAIL = re.compile(r"[\s.,;:!?\"”]+$")
_CONTENT_CUTS = re.compile(
    r",\s+according to\b|,\s+(?:he|she|they|it)\s+(?:said|added)\b|\s+but\s+did\s+not\b"
    r"|,\s+(?:months?|weeks?|days?|years?)\s+(?:after|before)\b"
    # "…, a spokesperson said on Friday": the attribution of a nested report
    r"|,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:said|says|told|added)\b"
)
# "reports that X", "a separate report that X", "the claim that X", "suggestions that X"
_STATED_CLAIM = re.compile(
    r"(?:(?:the|a|an|these|those|such|separate|earlier|recent|media|press|online|new|"
    r"latest|\w+'s|\w+’s)\s+){0,3}(?:reports?|claims?|rumou?rs?|speculation|suggestions?|"
    r"allegations?|accounts?|stories|story|assertions?|idea)"
    r'(?:\s+by\s+(?P<by>[^,;"“”]{2,60}?))?'
    r"\s+that\s+(?P<c>.+)",
    re.IGNORECASE | re.DOTALL,
)
# what a document, post or report can do besides the document-only cues (show, describe …)
_DOCUMENT_CUES = frozenset(
    [
        "said",
        "says",
        "claimed",
        "claims",
        "stated",
        "states",
        "wrote",
        "reported",
        "reports",
        "revealed",
        "disclosed",
        "suggested",
        "added",
        "alleges",
        "alleged",
    ]
)
_UNQUOTE = re.compile(r"[\"“”]")
ELLIPSIS = re.compile(r"(?:,?\s+(?:but|and)(?:\s+(?:also|then|later|has|had))?\s*)$")


@dataclass
class Made:
    """A statement made in this article, where, and the (local) claim it is on."""

    statement: ExtractedStatement
    paragraph: int
    sentence: int
    claim: str  # the claim id (local) this statement is on
    pool: str  # words that identify its claim


def add_statement(
    run: ArticleRun,
    found: Found,
    cue: Rule | None,
    base: Stance,
    sent: tuple[int, int],
    content: tuple[int, int],
    rule: str,
    *,
    quote: bool,
    conf: float,
    cue_text: str = "",
    context: str = "",
    via: ActorRef | None = None,
    cue_end: int | None = None,
    elaborates: bool = True,
    takes_up: str | None = None,
) -> Made | None:
    s0, s1 = sent
    c0, c1 = content
    # "called that claim untrue": keep "that"; "rejected the report, calling it …": the object
    start = c0 - 5 if cue_end is None else cue_end
    whole = run.text[max(s0, start) : c1]
    if not quote:
        lead = _CONTENT_LEAD.match(run.text, c0, c1)
        c0 = lead.end() if lead else c0
        cut = _CONTENT_CUTS.search(run.text, c0, c1)
        c1 = cut.start() if cut else c1
    else:
        while c1 > c0 and run.text[c1 - 1] in " ,.;:":
            c1 -= 1
        while c0 < c1 and run.text[c0] == " ":
            c0 += 1
    raw = run.text[c0:c1]
    speaker = found.actor
    if (
        cue is not None
        and cue.pattern.startswith("report")
        and found.how == "name"
        and speaker.kind in (ActorKind.PERSON, ActorKind.ORGANIZATION)
    ):
        # "the Korea Herald reported": whoever reports a claim is an outlet
        speaker = ActorRef(speaker.name, ActorKind.MEDIA, speaker.aliases, speaker.description)
        found = Found(speaker, found.how, found.affiliation)
        if via is None and run.scope and speaker.name != run.scope:
            via = run.outlet()
    if cue is not None and cue.get("document_only") and found.how not in _PLURAL_SOURCES:
        return None  # "the documents show": only a document (or a plural subject) shows
    if (
        cue is not None
        and found.how in ("document", "filing")
        and not cue.get("document_only")
        and cue.pattern not in _DOCUMENT_CUES
    ):
        return None  # "screenshots, posted on Weibo, show …": a document does not post
    # "had "no plans" to close": quotation marks inside the content hide no stance words
    # "conceded that it had never been able to verify …": a concession's own words may
    # say more than that it confirms
    conceding = base == Stance.CONFIRMS and cue is not None and bool(cue.get("takes_up_only"))
    reading = read_stance(
        _UNQUOTE.sub("", raw), Stance.ASSERTS if conceding else base, run.lex, context, quoted=quote
    )
    stance = reading.stance
    if conceding and stance == Stance.ASSERTS:
        stance = Stance.CONFIRMS
    if cue is not None and cue.get("needs_content_cue") and stance == Stance.ASSERTS:
        # "called the fee "a tax on families"": a characterisation in the speaker's words
        quoted = [q for q in run.quotes if c0 <= q[0] and q[1] <= c1]
        if not any(len(run.text[a:b].split()) >= 2 for a, b in quoted):
            return None
    if stance == Stance.ASSERTS and found.how == "document":
        stance = Stance.REPORTS  # an unattributed document or post: the outlet relays it
    own_view = any(r.id == rule and r.get("own_view") for r in run.lex["according"].rules)
    if (
        stance == Stance.ASSERTS
        and speaker.kind in (ActorKind.ANONYMOUS, ActorKind.MEDIA)
        and not quote
        and not own_view  # "…could rise to 58%, by our estimates": the author's forecast
        and any(m.rule.get("modal") for m in run.lex["hedges"].finditer(raw))
    ):
        stance = Stance.REPORTS
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
    if not quote:
        # "Mercato is weighing a sale …": the claim's subject is who "the company" is next
        subject = re.match(NAME, claim)
        if subject and subject.group() not in NOT_NAMES and " " not in subject.group():
            name = subject.group()
            if run.finder.kinds.kind_of(name) == ActorKind.ORGANIZATION:
                subject = run.finder.known(name, ActorKind.ORGANIZATION)
                run.finder.note(c0, subject)
                run.finder.subjects.append((c0, subject))
    about = tuple(
        dict.fromkeys(
            run.finder.known(m.name, m.kind)
            for m in run.mentions
            if c0 <= m.start and m.end <= c1 and m.kind != ActorKind.ANONYMOUS
        )
    )
    local = f"s{len(run.out.statements) + 1}"
    st = statement_record(
        run.text,
        local_id=local,
        speaker=speaker,
        stance=stance,
        sentence=(s0, s1),
        content=(c0, c1),
        quote=quote,
        rule=rule,
        claim_text=None if refers else claim,
        refers_to=refers,
        about=about,
        cue=cue_text,
        hedges=reading.hedges,
        via=via,
        confidence=conf,
    )
    run.out.statements.append(st)
    if found.affiliation is not None:
        a = found.affiliation
        run.out.affiliations.append(
            type(a)(a.member, a.organization, a.role, run.text[s0:s1], a.rule)
        )
    claim_id = refers or local
    if found.how == "document":
        run.documented.add(claim_id)
    run.pools[claim_id] = run.pools.get(claim_id, "") + " " + (claim or raw)
    made = Made(st, para, run.sent_index, claim_id, claim)
    run.made.append(made)
    run.finder.note(s0 if not quote else c1, speaker, spoke=True)
    return made


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
