"""Sources an English article does not name: unnamed people and documents.

An unnamed source is named by its own description: "two Brightwing managers"
-> *Brightwing managers*, "four sellers and two agencies that work with them"
-> *sellers and agencies*, "a person with knowledge of Lumen's roadmap" ->
*person with knowledge of Lumen's roadmap* (kind ``anonymous``, scoped to the
article's outlet).  Its head noun is data (``data/en/unnamed.jsonl``); the
count, the article and any "who asked not to be named" clause are dropped,
and the canonical name of a source rule that matched inside it ("people
familiar with the matter", "employee") and the counted form ("two sources")
are kept as aliases.

A document is not a speaker (``data/en/documents.jsonl``): "a report by
LatePost" and "the Deadline story" are LatePost's and Deadline's, "the
report" is the latest outlet's that spoke, "internal documents seen by The
Verge" are The Verge's, and an unattributed post or memo is relayed by the
article's outlet (stance ``reports``, see ``Found.how == "document"``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef
from pipelines.en.filings import plaintiff
from pipelines.en.names import NAME, NAME_RE, Found

if TYPE_CHECKING:
    from pipelines.en.speakers import SpeakerFinder

__all__ = ["document_source", "introduced_source", "note_groups", "unnamed_source"]

_COUNT = (
    r"(?:an?|one|another|two|three|four|five|six|seven|eight|nine|ten|several|multiple|some|"
    r"many|a\s+few|a\s+handful\s+of|a\s+group\s+of|a\s+number\s+of|dozens\s+of|\d+)"
)
_COUNT_RE = re.compile(rf"^(?:{_COUNT})\s+", re.IGNORECASE)
_THE = re.compile(r"^(?:the|its|their)\s+", re.IGNORECASE)
_ANONYMITY = re.compile(
    r",?\s+(?:who|whom|that|which|speaking|asking|requesting|declining|on\s+condition)\b.*$",
    re.IGNORECASE,
)
# "people who have used the model": a restrictive clause (no comma) that says who they
# are, not why they are unnamed, is part of the description
_WHO_THEY_ARE = re.compile(
    r"\s+who\s+(?:have|has|had)\s+(?:(?!named|identified|authori[sz]ed|anonymity|condition|"
    r"publicly|speak|discuss)[\w'’-]+\s*){1,6}$"
)
_HOW_MANY = re.compile(
    r"\s+with\s+(?:about|around|roughly|nearly|almost|over|more\s+than|some)?\s*"
    r"\d[\d,.]*\s*(?:k|m|million|thousand)?\s+[a-z]+$",
    re.IGNORECASE,
)
# where the source is or what it works on: "a banker working on the sale", "based in Oslo"
_MODIFIER = (
    r"(?:at|from|of|with|in|on|inside|within|close\s+to|familiar\s+with|briefed\s+on|"
    r"involved\s+in|based\s+in|[a-z]+ing\s+(?:on|for|at|in|with|to|from))"
)
_WORD = r"[\w'’.&-]+"
_AUTHOR = re.compile(
    rf"(?:\b(?:by|from)\s+(?:the\s+)?(?:[a-z-]+\s+){{0,4}}?(?P<by>{NAME})"
    rf"|(?:seen|reviewed|obtained)\s+by\s+(?P<seen>{NAME}))"
)


def _head_nouns(finder: SpeakerFinder) -> set[str]:
    return {r.pattern for r in finder.lex["unnamed"].rules}


def _speaks_for_firm(finder: SpeakerFinder, noun: str) -> bool:
    return any(r.pattern == noun.lower() and r.get("firm") for r in finder.lex["unnamed"].rules)


def unnamed_source(finder: SpeakerFinder, phrase: str, pos: int) -> Found | None:
    """An unnamed source described by ``phrase`` (already cleaned), or ``None``."""
    keep = _WHO_THEY_ARE.search(phrase)
    p = phrase.strip(" ,") if keep else _ANONYMITY.sub("", phrase).strip(" ,")
    p = _HOW_MANY.sub("", p)  # "an account on X with about 40,000 followers"
    counted = _COUNT_RE.match(p)
    desc = p[counted.end() :] if counted else p
    # (not "several of the app's top sellers": whose they are is told by the group rules)
    partitive = (
        re.match(r"of\s+(?:the|its|their)\s+(?![^\s]+(?:'s|’s)\s)", desc, re.IGNORECASE)
        if counted
        else None
    )
    if partitive is not None:
        # "one of the distributors": the distributors (the phrase is the description)
        desc = desc[partitive.end() :]
    led = re.search(rf"\bled\s+by\s+(?P<name>{NAME})$", desc)
    if led:
        # "analysts led by Chen Yutong estimated": the named lead speaks
        person = finder.known(led.group("name"), ActorKind.PERSON)
        finder.note(pos, person)
        return Found(person, "name")
    heads = _head_nouns(finder)
    if (
        not counted
        and not _THE.match(desc)
        and desc[:1].isupper()
        and " " not in desc
        and desc.lower() not in heads
    ):
        return None
    desc = _THE.sub("", desc)
    words = desc.split()
    if not words or len(words) > 9:
        return None
    heads = _head_nouns(finder)
    # "sellers and two agencies": a conjunction of two descriptions
    desc = re.sub(rf"\s+and\s+{_COUNT}\s+", " and ", desc, flags=re.IGNORECASE)
    words = desc.split()
    # the head noun is a common noun: "American Banker" is a name, "Service providers" is not
    k = next(
        (
            i
            for i, w in enumerate(words)
            if w in heads or (i == 0 and w[:1].isupper() and w.lower() in heads)
        ),
        None,
    )
    if k is None or k > 3:
        return None
    if not counted and not _THE.match(p) and not words[0][:1].isupper():
        return None  # "chief executive of …": an appositive, not a source
    firm = re.match(rf"(?:at|from|of)\s+(?:the\s+)?(?P<org>{NAME})$", " ".join(words[k + 1 :]))
    if firm and finder.lex["unnamed"].rules and _speaks_for_firm(finder, words[k]):
        # "analysts at Harcourt Securities wrote": the firm's note
        org = finder.known(firm.group("org"), ActorKind.ORGANIZATION)
        if org.kind == ActorKind.PERSON:  # "Peel Hunt": two capitalised words, yet a firm
            org = finder.gaz.ref(org.name, ActorKind.ORGANIZATION)
        return Found(org, "role")
    before, after = words[:k], " ".join(words[k + 1 :])
    # before the head: an organisation, adjectives ("former", "senior", "partner")
    if any(w.lower() in ("said", "says", "told", "and", "or", "but") for w in before):
        return None
    if after and not re.match(rf"(?:and\s+[\w-]+|who|{_MODIFIER})\b", after, re.IGNORECASE):
        return None
    if not before and not after:
        if not counted and desc[:1].isupper() and desc.lower() in heads and desc.endswith("s"):
            # "Analysts said …": a plural group of unnamed people
            return Found(
                ActorRef(desc.lower(), ActorKind.ANONYMOUS, scope=finder.scope), "anonymous"
            )
        covered = any(
            m.start <= pos < m.end or pos <= m.start < pos + len(phrase) for m in finder.mentions
        )
        if not counted or counted.group().strip().lower() in ("a", "an") or covered:
            return None  # a bare "sources", "two sources": the source rules name them
        # "two bankers told Reuters"
        counted_form = p if partitive else f"{counted.group().strip().lower()} {desc}"
        actor = ActorRef(desc, ActorKind.ANONYMOUS, (counted_form,), phrase, finder.scope)
        return Found(actor, "anonymous")
    if len(re.findall(r"\b(?:of|to|in|at|from|with|for|on)\b", after)) >= 3:
        # "a supplier of metal hardware to X's workshop in Y": a chain of three modifiers
        # is where the source works, not its name; the head (and what precedes it) names it
        desc = " ".join([*before, words[k]])
    if before and before[0][0].isupper() and before[0].lower() in heads | {"service"}:
        desc = desc[0].lower() + desc[1:]  # "Service providers say": sentence case
    elif not before and desc[:1].isupper() and desc.split()[0].lower() in heads:
        desc = desc[0].lower() + desc[1:]
    desc = _canonical(finder, desc, before, words[k], after)
    aliases = []
    if counted and partitive is None and counted.group().strip().lower() not in ("a", "an"):
        aliases.append(f"{counted.group().strip().lower()} {desc}")
    inside = [
        m
        for m in finder.mentions
        if pos <= m.start
        and m.end <= pos + len(phrase)
        and m.kind == ActorKind.ANONYMOUS
        and m.name != desc
    ]
    aliases += [m.name for m in inside]
    actor = ActorRef(
        desc,
        ActorKind.ANONYMOUS,
        tuple(dict.fromkeys(aliases)),
        description=phrase,
        scope=finder.scope,
    )
    return Found(actor, "anonymous")


def _canonical(finder: SpeakerFinder, desc: str, before: list[str], head: str, after: str) -> str:
    """The name of an unnamed source: its head, kept short (the phrase is its description).

    An ordinal or "other" is dropped ("a second distributor" -> distributor) and a place
    the source is at becomes a noun before the head ("a manager at the Elm Street store"
    -> Elm Street store manager, "a user on the SorrelOwners forum" -> SorrelOwners forum
    user)
    (``data/en/unnamed_words.jsonl``).
    """
    words = {r.pattern: r.get("role") for r in finder.lex["unnamed_words"].rules}
    kept = [w for w in before if words.get(w.lower()) != "ordinal"]
    at = re.fullmatch(
        r"(?:at|on|in)\s+(?:the|an?)\s+(?P<name>(?:[A-Z][\w'’.&-]*\s+){0,3})(?P<noun>[a-z]+)",
        after,
    )
    if at is not None and words.get(at.group("noun")) == "place":
        # the place's own name stays: who the source is (another store's manager is not)
        return " ".join([*kept, *at.group("name").split(), at.group("noun"), head])
    if len(kept) < len(before) and desc.startswith(" ".join(before)):
        return " ".join([*kept, desc[len(" ".join(before)) :].strip()])
    return desc


def introduced_source(finder: SpeakerFinder, noun: str, pos: int) -> Found | None:
    """ "the banker said" after "A banker who has worked with X …" in the same paragraph.

    The source was introduced without a speech cue ("put the price lower"), so it
    is no speaker yet: the latest "a/an … <noun>" before ``pos`` in the paragraph
    names it (its head noun a source word of ``data/en/unnamed.jsonl``).
    """
    if noun not in _head_nouns(finder):
        return None
    para = finder.text.rfind("\n\n", 0, pos) + 1
    intro = None
    for m in re.finditer(
        rf"\b[Aa]n?\s+((?:[a-z][\w-]*\s+){{0,2}}?{re.escape(noun)})\b", finder.text
    ):
        if para <= m.start() < pos:
            intro = m
    if intro is None:
        return None
    desc = intro.group(1)
    actor = ActorRef(desc, ActorKind.ANONYMOUS, description=desc, scope=finder.scope)
    return Found(actor, "anonymous")


def document_source(finder: SpeakerFinder, phrase: str, pos: int) -> Found | None:
    """Whose a document described by ``phrase`` is, or ``None`` if it is no document."""
    docs = {r.pattern: r.get("document") for r in finder.lex["documents"].rules}
    legal = {r.pattern for r in finder.lex["documents"].rules if r.get("legal")}
    words = phrase.split()
    k = next((i for i, w in enumerate(words) if w.lower() in docs), None)
    if k is None or k > 5:
        return None
    if words[k][:1].isupper() and k > 0 and words[k - 1][:1].isupper() and words[0] != "The":
        return None  # "Panda Leaks", "Daily Report": a name that ends in a document word
    if words[k][:1].isupper() and k + 1 < len(words) and words[k + 1][:1].isupper():
        return None  # "the Data Protection Commissioner's Office": a name goes on after it
    before = words[:k]
    lead = before[0].lower() if before else ""
    if (
        before
        and lead not in ("a", "an", "the", "one", "its", "their", "this")
        and not (before[0][:1].isupper() or lead in ("internal", "leaked", "social"))
    ):
        return None
    kind = docs[words[k].lower()]
    writer = _unnamed_writer(finder, phrase, pos)
    if writer is not None and kind != "report":
        return writer
    if words[k].lower() in legal and lead in ("the", "this", "that"):
        suer = plaintiff(finder)
        if suer is not None:
            return suer  # "the complaint alleges": the plaintiff's claim
    rest = " ".join(words[k + 1 :])
    author = _AUTHOR.search(rest)
    named = [w for w in before if w[:1].isupper() and w.lower() not in ("a", "an", "the", "one")]
    name = None
    if author:
        # "a report by Chinese financial outlet LatePost": the last name is the author
        tail = rest[author.start() :]
        names = [m.group() for m in NAME_RE.finditer(tail)]
        name = names[-1] if names else author.group("by") or author.group("seen")
    elif named and kind == "report":
        # "a Deadline report", "the Deadline story", "LatePost's report"
        name = re.sub(r"(?:'s|’s)$", "", " ".join(named))
    if name:
        actor = finder.known(name, ActorKind.MEDIA)
        if actor.kind in (ActorKind.PERSON, ActorKind.ORGANIZATION) and kind == "report":
            actor = ActorRef(actor.name, ActorKind.MEDIA, actor.aliases, actor.description)
        how = "document" if author and author.group("seen") else "report"
        return Found(actor, how)
    if kind == "report" and words[0].lower() in ("the", "this", "that"):
        media = [(p, a) for p, a in finder.speakers if a.kind == ActorKind.MEDIA]
        last = finder.last(media, pos)
        if last is not None:
            return Found(last, "report")
    if kind == "report" and not before[1:]:
        return None  # "reports", "a report": nobody's yet
    outlet = finder.scope
    if outlet is None:
        return None
    return Found(finder.known(outlet, ActorKind.MEDIA), "document")


def _unnamed_writer(finder: SpeakerFinder, phrase: str, pos: int) -> Found | None:
    """ "A post on a forum, apparently written by a Harlan engineer, claimed …": the post's
    author, described but not named, speaks (C10), not the outlet that relays the post."""
    end = pos + len(phrase)
    tail = phrase[phrase.find(",") :] if "," in phrase else finder.text[end : end + 120]
    m = re.match(
        r"\s*,\s+(?:(?:apparently|reportedly|purportedly|allegedly|supposedly)\s+)?"
        r"(?:written|posted|sent|authored|shared)\s+by\s+(?:an?|one)\s+"
        r"(?P<desc>(?:[\w'’&.-]+\s+){0,4}?(?P<head>[a-z]+))\s*(?:,|$)",
        tail,
    )
    if m is None or m.group("head") not in _head_nouns(finder):
        return None
    desc = m.group("desc")
    actor = ActorRef(desc, ActorKind.ANONYMOUS, description=f"{desc}", scope=finder.scope)
    finder.note(pos, actor)
    return Found(actor, "anonymous")


def note_groups(finder: SpeakerFinder) -> None:
    """Counted groups of unnamed people, so "one of them said" can point back.

    "Two bondholders we spoke to were not reassured. "…," one of them said."
    """
    plural = "|".join(re.escape(h) for h in sorted(_head_nouns(finder)) if h.endswith("s"))
    group = re.compile(
        rf"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome|[Mm]any|[Aa] few|"
        rf"[Aa] handful of)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{plural})\b"
    )
    for m in group.finditer(finder.text):
        if finder.quoted(m.start()):
            continue
        found = unnamed_source(finder, m.group(), m.start())
        if found is not None and found.actor.kind == ActorKind.ANONYMOUS:
            finder.anonymous.append((m.start(), found.actor))
