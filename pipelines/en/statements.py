"""The English statement builder: one statement record from a speaker, a cue and a content span.

:func:`add_statement` trims the content (a leading "that", a trailing
"according to …"), reads its stance (:func:`pipelines.stance.read_stance`,
then :func:`pipelines.en.doubts.doubt`: "seen no evidence of" questions),
has :func:`pipelines.en.statement_links.link` decide which earlier claim a
denial, confirmation, refusal or answer in facts takes up, and records the
statement, its affiliation and the words of its claim on the article run.
Edits of the statement just made are in :mod:`pipelines.en.statement_edits`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
from pipelines.en.doubts import doubt
from pipelines.en.names import NAME, NOT_NAMES, Found
from pipelines.en.statement_links import CONTENT_TRAIL, Draft, link
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
_CONTENT_CUTS = re.compile(
    r",\s+according to\b|,\s+(?:he|she|they|it)\s+(?:said|added)\b|\s+but\s+did\s+not\b"
    r"|,\s+(?:months?|weeks?|days?|years?)\s+(?:after|before)\b"
    # "…, a spokesperson said on Friday": the attribution of a nested report
    r"|,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:said|says|told|added)\b"
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
    if not conceding:
        # "said the group had seen no evidence of wrongdoing": a doubt (doubts.jsonl)
        stance = doubt(run, found, _UNQUOTE.sub("", raw), stance)
    if cue is not None and cue.get("needs_content_cue") and stance == Stance.ASSERTS:
        # "called the fee "a tax on families"": a characterisation in the speaker's words
        quoted = [q for q in run.quotes if c0 <= q[0] and q[1] <= c1]
        if not any(len(run.text[a:b].split()) >= 2 for a, b in quoted):
            return None
    if stance == Stance.ASSERTS and found.how == "document":
        stance = Stance.REPORTS  # an unattributed document or post: the outlet relays it
    own_view = any(
        r.id == rule and r.get("own_view")
        for name in ("according", "own_voice")
        for r in run.lex[name].rules
    )
    if (
        stance == Stance.ASSERTS
        and speaker.kind in (ActorKind.ANONYMOUS, ActorKind.MEDIA)
        and not quote
        and not own_view  # "…could rise to 58%, by our estimates": the author's forecast
        and any(m.rule.get("modal") for m in run.lex["hedges"].finditer(raw))
    ):
        stance = Stance.REPORTS
    linked = link(
        Draft(
            run,
            found,
            cue,
            stance,
            reading,
            sent,
            c0,
            raw,
            whole,
            context,
            quote,
            elaborates,
            takes_up,
            conceding,
            own_view,
        )
    )
    if linked is None:
        return None
    stance, refers, claim = linked
    para = run.paragraph(s0)
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
