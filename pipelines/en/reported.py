"""English reported speech: the reported-speech pass of the attributor.

A cue (said, told, denied, declined to comment, called …) with the speaker
before it (``X, an analyst at Y, said (that) …``, a dateline first, a
subordinate clause's subject, ``X, citing people familiar …, reported``) or
after the content (``…, two sources told Axios.``).  Elliptic cues share
the previous speaker (``…, but declined to comment``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef, Stance
from pipelines.en.appositives import appositive
from pipelines.en.names import NAME, Found
from pipelines.en.reported_parts import (
    TOLD,
    WINDOW_WORD,
    content_start,
    next_clause,
    subject,
)
from pipelines.en.statement_edits import trim_last
from pipelines.en.statements import ELLIPSIS, Made, add_statement
from pipelines.lexicon import Rule

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun

__all__ = ["reported_pass"]

# "…, said Dev Kapoor, founder of …" / "…, said K. Lin." (an initial's full stop is no end)
_INVERTED = re.compile(
    r"\s+(?P<spk>(?:[^,.;\"“”]|(?<=\b[A-Z])\.)+?)(?=\s*[,;]|\s*\.(?!\s?[A-Z][a-z])|\s*$)"
)
_APPOSITIVE_BEFORE = re.compile(rf"{NAME},\s+(?:an?|the|\w+'s|\w+’s)\s+[^,]+$")
_BUT_THAT = re.compile(r",?\s+(?:but|and)\s+that\s+")
# "said the plant had passed and would reopen …", "… and was "happy to wait"": a second verb
# phrase whose subject is the first clause's (elided), so a second proposition (C3); an
# auxiliary or modal opens it
_AND_VP = re.compile(
    r",?\s+and\s+(?=(?:would|will|was|were|had|has|could|did\s+not|does\s+not|do\s+not)\b"
    r"(?:\s+not\b|n't\b)?\s+[\"“]?[a-z])"
)
_CITING_TAIL = re.compile(r",\s+citing\s+(?P<src>[^,;.\"“”]{2,80}?)\s*[.;]?\s*$")
# "reported on Tuesday, citing people familiar with the matter, that …"
_CITING_WINDOW = re.compile(r",\s+citing\s+(?P<src>[^,;.\"“”]{2,80}?),")
_PARTICIPLE = re.compile(
    r"(?i:declining|refusing|adding|saying|noting|arguing|calling|insisting)\b"
)
# ", with a club spokesman " before a participle cue: the absolute clause's subject
_WITH_SUBJECT = re.compile(r",\s+with\s+(?P<subj>[^,;\"“”]{2,60}?)\s*$")
# "<subject> was less forgiving, " before a participle cue
_SUBJECT_VERB = re.compile(
    rf"\s*(?P<subj>{NAME}(?:\s+(?:of|at|from)\s+{NAME})?)\s+"
    r"(?:was|were|is|are|went|sounded|seemed|remained|took|had|has|[a-z]{2,}ed)\b[^,;\"“”]*,\s*$"
)
# "with claims made last month", "the reports": a cue word used as a noun
_NOUN_BEFORE = re.compile(
    r"\b(?:with|of|the|these|those|such|new|recent|earlier|similar|by|to|for|about|his|her|"
    r"its|their|our|whose)\s+$",
    re.IGNORECASE,
)
# "is said to", "was reported": a passive cue is no one's speech act
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "reported that …" / "reported on Sunday, citing …, that …" (not "reports earnings")
_CLAUSE_AHEAD = re.compile(r"[^.;\"“”]{0,100}?\b(?:that|whether)\b")


def reported_pass(run: ArticleRun, s0: int, s1: int, used: list[tuple[int, int]]) -> None:
    floor = max((e for _, e in used), default=s0)
    cues = [c for c in run.cues(floor, s1) if not any(a <= c.start() < b for a, b in used)]
    covered = floor  # statements so far own the text up to here
    prev_found: Found | None = None
    for k, cm in enumerate(cues):
        ell = ELLIPSIS.search(run.text, max(floor, cm.start() - 30), cm.start())
        elliptic = prev_found is not None and ell is not None and ell.end() == cm.start()
        if cm.start() < covered and not elliptic:
            continue  # a cue inside the content of the previous statement
        rule = run.rule(cm.group())
        if rule is None or _PASSIVE.search(run.text, max(s0, cm.start() - 20), cm.start()):
            continue
        if cm.group().endswith("s") and _NOUN_BEFORE.search(
            run.text, max(s0, cm.start() - 12), cm.start()
        ):
            continue  # "lines up with claims made by …": a noun, not a verb
        nxt = min(
            _next_ellipsis(run, cues[k + 1 :], s1),
            next_clause(run, cues[k + 1 :], cm.end(), s1),
            _next_participle(run, cues[k + 1 :], s1),
        )
        # "It would not comment on names, the company added": the content already spoke
        first = not elliptic and not (covered > floor and _answered_before(run, s0))
        made = (_content_first(run, cm, rule, s0, s1, floor) if first else None) or (
            _subject_first(run, cm, rule, s0, nxt, floor, prev_found if elliptic else None)
        )
        if made is not None:
            _m, found, end = made
            prev_found = found
            covered = end


def _next_ellipsis(run: ArticleRun, rest: list[re.Match[str]], s1: int) -> int:
    for c in rest:
        ell = ELLIPSIS.search(run.text, max(0, c.start() - 30), c.start())
        if ell and ell.end() == c.start() and run.rule(c.group()) is not None:
            return ell.start()
    return s1


def _own_clause(run: ArticleRun, region: str, s0: int) -> str:
    """The speaker side of this clause only: "dismissed the reports as speculation but said
    …" — the first clause's rumour words say nothing about the second's."""
    if not run.made or run.made[-1].statement.start != s0:
        return region
    turns = list(re.finditer(r"\b(?:but|and)\b", region))
    return region[turns[-1].end() :] if turns else region


def _participle_speaker(
    run: ArticleRun, rule: Rule, region: str, s0: int, floor: int
) -> Found | None:
    """Who speaks in a participle clause ("adding that", "warning that", "telling X that")."""
    if not rule.get("participle"):
        return None
    with_subj = _WITH_SUBJECT.search(region)
    if with_subj is not None:
        # "…, with a club spokesman telling Terrace Sport the player is not for sale"
        return run.finder.resolve(with_subj.group("subj"), floor + with_subj.start("subj"))
    if re.search(r",\s+(?:before|after|while|then)\s+$", region):
        # "…," the coach told reporters, before conceding that …": the same speaker goes on
        return _last_speaker(run, s0)
    if not region.endswith(", "):
        return None
    # "…, he said, adding that …": the speaker of the clause just made goes on
    found = _last_speaker(run, s0)
    lead = _SUBJECT_VERB.match(region) if found is None else None
    if lead is not None:
        # "Jessica Park of Arden Partners was less forgiving, warning that …"
        found = run.finder.resolve(lead.group("subj"), floor + lead.start("subj"))
    return found


def _answered_before(run: ArticleRun, s0: int) -> bool:
    """Whether this sentence already holds a response ("It would not comment on …")."""
    last = run.made[-1].statement if run.made else None
    return (
        last is not None
        and last.start == s0
        and last.stance in (Stance.DENIES, Stance.CONFIRMS, Stance.NO_COMMENT)
    )


def _next_participle(run: ArticleRun, rest: list[re.Match[str]], s1: int) -> int:
    """ "…, adding that …": a participle cue after a comma ends the clause before it."""
    for c in rest:
        rule = run.rule(c.group())
        if rule is not None and rule.get("participle") and run.text[: c.start()].endswith(", "):
            return c.start() - 2
    return s1


def _prev_comma(run: ArticleRun, pos: int, floor: int) -> int:
    c = run.text.rfind(",", floor, pos)
    while c > floor and run.in_quote(c):
        c = run.text.rfind(",", floor, c)
    return c


def _content_first(
    run: ArticleRun, cm: re.Match[str], rule: Rule, s0: int, s1: int, floor: int
) -> tuple[Made, Found, int] | None:
    """``…, two sources told Axios.`` / ``…, the people said, asking not to be named``."""
    if rule.get("content") == "object":
        return None
    comma = run.text.rfind(",", floor, cm.start())
    close = 0  # a closing quotation mark after the comma: '… was "baseless," X told CNBC'
    while comma > floor and run.in_quote(comma):
        if run.text[comma + 1 : comma + 2] in ('"', "”") and _short_quote(run, comma):
            close = 1
            break
        comma = run.text.rfind(",", floor, comma)
    if comma <= floor:
        return None
    spk = run.text[comma + 1 + close : cm.start()]
    app_end = None
    if not spk.strip() and rule.get("quote"):
        inverted = _speaker_after_cue(run, cm, rule, s0, s1, floor, comma)
        if inverted is not None:
            return inverted
    if not spk.strip():
        # "…, Priya Nair, an analyst at Gartner, told Reuters."
        c2 = _prev_comma(run, comma, floor)
        c3 = _prev_comma(run, c2, floor) if c2 > floor else -1
        if c3 <= floor or not re.match(r"\s+(?:an?|the)\s", run.text[c2 + 1 : comma]):
            return None
        spk, app_end, comma = run.text[c3 + 1 : c2], comma, c3
    if not spk.strip() or len(spk.split()) > 10:
        return None
    tail_end = run.text.find(",", cm.end(), s1)
    tail_end = s1 if tail_end < 0 else tail_end
    tail = run.text[cm.end() : tail_end].strip(" .")
    if re.search(r"\b(?:that|whether|if)\b|[\"“]", tail) or len(tail.split()) > 6:
        return None
    words = tail.split()
    if len(words) >= 3 and not all(WINDOW_WORD.match(w.strip(",.")) for w in words):
        return None  # "In an interview, X said demand had softened": the content is after
    if len(run.text[floor:comma].split()) < 4:
        return None
    found = run.finder.resolve(spk, comma + 1)
    if found is None:
        return None
    if app_end is not None:
        found = appositive(run, found, comma + 1 + len(spk), app_end + 1)
    via = run.via(found)
    # "…, Bloomberg News reported on Tuesday, citing people familiar with the matter."
    cited = _cited_source(run, found, tail_end, s1) if tail_end < s1 else None
    if cited is not None:
        found, via, _ = cited
    # "…, he said, adding that …": what follows the attribution's comma may be a new clause
    end = s1 if cited is not None else tail_end
    return _content_before(run, found, cm, rule, (s0, s1), (floor, comma), via, end)


def _content_before(
    run: ArticleRun,
    found: Found,
    cm: re.Match[str],
    rule: Rule,
    sentence: tuple[int, int],
    content: tuple[int, int],
    via: ActorRef | None,
    end: int | None = None,
) -> tuple[Made, Found, int] | None:
    """The statement whose content runs up to the comma before the cue and its speaker."""
    s1 = sentence[1]
    made = add_statement(
        run,
        found,
        rule,
        Stance(rule.get("stance")),
        sentence,
        content,
        f"en.reported.speaker_after/{rule.id}",
        quote=False,
        conf=0.75,
        cue_text=cm.group(),
        context=run.text[content[1] : s1],
        via=via,
    )
    return (made, found, s1 if end is None else end) if made else None


def _short_quote(run: ArticleRun, pos: int) -> bool:
    """Whether the quotation ending at ``pos`` is a word or three inside a sentence."""
    for a, b in run.quotes:
        if a <= pos < b:
            return len(run.text[a:b].split()) <= 3 and bool(run.text[: a - 1].strip())
    return False


def _speaker_after_cue(
    run: ArticleRun, cm: re.Match[str], rule: Rule, s0: int, s1: int, floor: int, comma: int
) -> tuple[Made, Found, int] | None:
    """``…, said Dev Kapoor, founder of Ridgeline Commerce.``: the speaker after the cue."""
    m = _INVERTED.match(run.text, cm.end(), s1)
    if m is None or len(run.text[floor:comma].split()) < 4 or TOLD.fullmatch(cm.group()):
        return None  # "told X": X is who was told
    if len(m.group("spk").split()) > 7 or _APPOSITIVE_BEFORE.search(run.text, floor, comma):
        return None  # "Kevin Liu, an analyst at Counterpoint, said": the speaker came first
    found = run.finder.resolve(m.group("spk"), m.start("spk"))
    if found is None or found.how in ("pronoun", "report", "document"):
        return None  # "…, who leads Orvia, denied the report": the report is the object
    found = appositive(run, found, m.end("spk"), s1)
    return _content_before(run, found, cm, rule, (s0, s1), (floor, comma), run.via(found))


def _subject_first(
    run: ArticleRun,
    cm: re.Match[str],
    rule: Rule,
    s0: int,
    end: int,
    floor: int,
    prev: Found | None,
) -> tuple[Made, Found, int] | None:
    region = run.text[floor : cm.start()]
    found: Found | None = None
    via = None
    if rule.get("needs_clause") and not _CLAUSE_AHEAD.match(run.text, cm.end(), end):
        return None  # "Cinevo reports earnings on Jan. 21": no claim reported
    if prev is not None:
        found = prev
        trim_last(run, cm.start())
    else:
        found = _participle_speaker(run, rule, region, s0, floor)
        if found is None:
            found, via = subject(run, region, floor)
    if found is None and _PARTICIPLE.match(cm.group()) and region.strip(" ,") == "":
        found = _last_speaker(run, s0)
    if found is None and _PARTICIPLE.match(cm.group()) and re.fullmatch(r"[^,.;]*,\s*", region):
        found = _last_speaker(run, s0)
    if found is None:
        return None
    c0 = cm.end()
    if rule.get("content") != "object":
        c0 = content_start(run, cm.end(), end, told=TOLD.fullmatch(cm.group()) is not None)
        cited = _cited_source(run, found, c0, end)
        if cited is not None:
            found, via, end = cited
        else:
            # the source cited between the cue and the content speaks (C1)
            cited = _cited_source(run, found, cm.end(), c0, _CITING_WINDOW)
            if cited is not None:
                found, via, _ = cited
    # "said he was not aware of the details, but (and) that China opposes …": two statements
    # "said P and that Q", "said P and would Q": a second proposition, a second statement (C3)
    turn = _turn(run, c0, end) if rule.get("content") != "object" else None
    parts = [(c0, turn.start()), (turn.end(), end)] if turn else [(c0, end)]
    made = None
    for a, b in parts:
        base, takes_up = Stance(rule.get("stance")), None
        if (
            turn is not None
            and turn.re is _AND_VP
            and made is not None
            and made.statement.stance == Stance.DENIES
            and made.statement.refers_to
        ):
            # "said it "has the funds" and would pay in full": the same subject goes on denying
            base, takes_up = Stance.DENIES, made.claim
        made = (
            add_statement(
                run,
                found,
                rule,
                base,
                (s0, _sent_end(run, s0)),
                (a, b),
                f"en.reported/{rule.id}",
                quote=False,
                conf=0.75,
                cue_text=cm.group(),
                cue_end=cm.end() if a == c0 else a,
                context=_own_clause(run, region, s0),
                via=via or run.via(found),
                takes_up=takes_up,
            )
            or made
        )
    return (made, found, end) if made else None


def _cited_source(
    run: ArticleRun,
    reporter: Found,
    c0: int,
    end: int,
    citing: re.Pattern[str] = _CITING_TAIL,
) -> tuple[Found, ActorRef, int] | None:
    """ "X reported that …, citing two people familiar with the matter.": the unnamed source
    speaks, scoped to and relayed via X; the content stops before "citing". With
    ``_CITING_WINDOW``, the source is cited before the content ("X reported, citing Y, that")."""
    m = citing.search(run.text, c0, end)
    if m is None or reporter.actor.kind == ActorKind.ANONYMOUS:
        return None
    src = run.finder.resolve(m.group("src"), m.start("src"))
    if src is None or src.actor.kind != ActorKind.ANONYMOUS:
        return None
    a, x = src.actor, reporter.actor
    if x.kind in (ActorKind.PERSON, ActorKind.ORGANIZATION) and reporter.how == "name":
        x = ActorRef(x.name, ActorKind.MEDIA, x.aliases, x.description)
    scoped = ActorRef(a.name, a.kind, a.aliases, a.description, scope=x.name)
    return Found(scoped, src.how), x, m.start()


def _turn(run: ArticleRun, c0: int, end: int) -> re.Match[str] | None:
    """Where the second proposition of a reported clause starts ("but that", "and that",
    "and would …"), outside quotation marks, with a clause of at least three words before."""
    for rx in (_BUT_THAT, _AND_VP):
        for m in rx.finditer(run.text, c0, end):
            if run.in_quote(m.start()) or len(run.text[c0 : m.start()].split()) < 3:
                continue
            if len(run.text[m.end() : end].split()) < 3:
                continue
            return m
    return None


def _last_speaker(run: ArticleRun, s0: int) -> Found | None:
    """The speaker of the statement made last in this sentence ("…," she said, declining …)."""
    if not run.made or run.made[-1].statement.start != s0:
        return None
    return Found(run.made[-1].statement.speaker, "participle")


def _sent_end(run: ArticleRun, s0: int) -> int:
    for sent in run.doc.sents:
        if sent.start_char == s0:
            e = sent.end_char
            while e > s0 and run.text[e - 1].isspace():
                e -= 1
            return e
    return len(run.text)
