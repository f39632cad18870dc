"""Back-references to speakers named before: pronouns, "the company", "the paper".

``backref(finder, "the carrier", pos)`` is the organisation an article last
described as a carrier (or named with that word last, or the sentence's
subject); "the paper" / "the newspaper" is the outlet named last; "he",
"the spokesperson", "the insider" follow the rules of
``data/en/pronouns.jsonl``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef
from pipelines.en.names import NAME, NOT_NAMES, ORG_SUFFIX, Found
from pipelines.en.unnamed import document_source, introduced_source

if TYPE_CHECKING:
    from pipelines.en.speakers import SpeakerFinder

__all__ = ["article_subject", "backref", "last_media", "paragraph_subject"]


def backref(finder: SpeakerFinder, low: str, pos: int) -> Found | None:
    """ "he", "the spokesperson", "the carrier", "the paper": who a back-reference names."""
    rule = next((r for r in finder.lex["pronouns"].rules if r.pattern == low), None)
    if rule is None:
        # "the carrier", "the lender": an organisation named by what it is
        the = re.fullmatch(r"the (?:[a-z][\w-]*\s+){0,3}?([a-z][\w-]*)", low)
        if the and any(
            r.pattern == the.group(1) and r.get("org_noun") for r in finder.lex["descriptors"].rules
        ):
            noun = the.group(1)
            if any(r.pattern == noun and r.get("media") for r in finder.lex["descriptors"].rules):
                outlet = last_media(finder, pos)  # "the paper said": the outlet named last
                return Found(outlet, "pronoun") if outlet is not None else None
            anon = [(p, a) for p, a in finder.anonymous if noun in a.description.lower()]
            near = [(p, a) for p, a in anon if p < pos and "\n" not in finder.text[p:pos]]
            if near:
                # "A supplier of hardware to X said …" … "the supplier said": that source
                return Found(max(near, key=lambda x: x[0])[1], "pronoun")
            named = _named_by_last_word(finder, noun, pos)
            actor = (
                finder.last(finder.described.get(noun, []), pos)
                or (named.actor if named else None)
                or _asked(finder, pos)
                or finder.sentence_subject(pos)
                or paragraph_subject(finder, pos)
                or finder.last_org(pos)
            )
            return Found(actor, "pronoun") if actor is not None else None
        demonym = (
            any(
                r.pattern == the.group(1) and r.get("demonym")
                for r in finder.lex["descriptors"].rules
            )
            if the
            else False
        )
        if demonym or re.fullmatch(r"the \d+-year-old", low):
            # '"…," the German told reporters', "the 24-year-old said": the person named last
            person = finder.last(finder.people, pos)
            return Found(person, "pronoun") if person is not None else None
        if the:
            described = finder.last(finder.described.get(the.group(1), []), pos)
            if described is not None:
                return Found(described, "pronoun")  # "the account" after "the account @x"
            named = _named_by_last_word(finder, the.group(1), pos)
            return named or introduced_source(finder, the.group(1), pos)
        return None
    if rule.get("opens_sentence") and finder.text[:pos].rstrip()[-1:] not in ("", ".", "!", "?"):
        return None  # "…, a spokesperson said": a new speaker only where a sentence starts
    refers = rule.get("refers", "person")
    actor: ActorRef | None
    if refers == "person" and " " in low:
        # "the executive" after "an executive who asked not to be named"
        word = low.split()[-1]
        cands = [(p, a) for p, a in finder.anonymous if word in (a.description + a.name).lower()]
        anon = finder.last(cands, pos)
        if anon is not None:
            return Found(anon, "pronoun")
    if refers == "person":
        # the person named last, unless one unnamed source spoke since ("Another analyst,
        # who asked not to be named, said …. "…," he said")
        # in the same paragraph, who is also the last speaker
        # not a name the article has shown to be an outlet ("Dutch daily X reported")
        outlets = {a.name for _, a in finder.speakers if a.kind == ActorKind.MEDIA}
        actor = finder.last([(p, a) for p, a in finder.people if a.name not in outlets], pos)
        spoke = finder.last(finder.speakers, pos)
        if spoke is not None and spoke.kind == ActorKind.ANONYMOUS and _one_person(spoke):
            at = max(p for p, a in finder.speakers if p < pos and a == spoke)
            people = [p for p, _ in finder.people if p < pos]
            if "\n" not in finder.text[at:pos] and (not people or at > max(people)):
                actor = spoke
        if actor is not None:
            actor = finder.voice_of.get(actor.name, actor)
    elif refers == "speaker":
        actor = finder.last(finder.speakers, pos)
    elif refers == "organization":
        document = _document_just_named(finder, pos) if low == "it" else None
        if document is not None:
            return document  # "…started with a single Facebook post. It said …": the post
        noun = low.split()[-1]
        actor = (
            finder.last(finder.described.get(noun, []), pos)
            or _asked(finder, pos)
            or finder.sentence_subject(pos)
            or (paragraph_subject(finder, pos) if low != "it" else None)
            or finder.last_org(pos)
        )
    elif refers == "outlet":
        # "We think a December launch is more likely" outside any quote: the author's
        # house view, which the outlet publishes
        actor = finder.known(finder.scope, ActorKind.MEDIA) if finder.scope else None
        if actor is not None and finder.quoted(pos):
            actor = None
        # "Q (Reuters): Our colleagues reported …": the asking reporter's outlet
        line = finder.text.rfind("\n", 0, pos) + 1
        asker = re.match(r"Q\s*\((?P<o>[^()\n]{1,40})\):", finder.text[line:pos])
        if asker is not None:
            actor = finder.known(asker.group("o"), ActorKind.MEDIA)
    elif refers == "spokesperson":
        actor = (
            _previous_subject(finder, pos)
            or finder.last(finder.spokes, pos)
            or finder.last_org(pos)
        )
    elif refers == "group":
        spoke = [(p, a) for p, a in finder.speakers if a.kind == ActorKind.ORGANIZATION]
        actor = finder.last(finder.groups, pos) or finder.last(spoke, pos)
    else:  # an anonymous source named by a word of its descriptor ("the insider")
        word = rule.get("word", "")
        cands = [(p, a) for p, a in finder.anonymous if word in (a.description + a.name).lower()]
        actor = finder.last(cands, pos)
    if actor is None:
        return None
    return Found(actor, "pronoun")


def _document_just_named(finder: SpeakerFinder, pos: int) -> Found | None:
    """ "It" opening the sentence after one that ends with a document ("… a single
    Facebook post. It said …"): that document, whoever relays it."""
    before = finder.text[max(0, pos - 300) : pos]
    if not re.search(r"[.!?]\s+$", before):
        return None  # "It" opens a sentence
    starts = [m.end() for m in re.finditer(r"(?:[.!?]\s+|\n)(?=\S)", before[:-2])]
    sentence = before[starts[-1] if starts else 0 :]
    docs = {r.pattern for r in finder.lex["documents"].rules}
    # … that started with a single Facebook post. / The post appeared Friday night …
    ends = re.search(
        r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w'’-]+\s+){0,3}?(\w+)[.!?]\s+$", sentence
    )
    opens = re.match(
        r"(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w'’-]+\s+){0,2}?(\w+)\s+[a-z]", sentence
    )
    for m in (opens, ends):
        if m is not None and m.group(1).lower() in docs:
            return document_source(finder, f"the {m.group(1).lower()}", pos)
    return None


def _one_person(source: ActorRef) -> bool:
    """Whether an unnamed source is one person ("another analyst"), not a group ("sources")."""
    said = (source.description or source.name).lower().split()
    return bool(said) and said[0] in ("a", "an", "another", "one") and not source.name.endswith("s")


def _named_by_last_word(finder: SpeakerFinder, noun: str, pos: int) -> Found | None:
    """ "the collective" after "the Mechanical Licensing Collective": the name ending so."""
    if len(noun) < 4 or noun in NOT_NAMES:
        return None
    name_re = rf"(?<![\w.])(?:[A-Z][\w&'’-]*\s+){{1,4}}{noun.capitalize()}\b"
    found = [m for m in re.finditer(name_re, finder.text[:pos]) if not finder.quoted(m.start())]
    if not found:
        return None
    name = finder.strip_name(found[-1].group())
    if " " not in name:
        return None
    actor = finder.known(name, ActorKind.ORGANIZATION)
    if actor.kind == ActorKind.PERSON:  # a capitalised run the prescan took for a person
        actor = finder.gaz.ref(name, ActorKind.ORGANIZATION)
    return Found(actor, "pronoun")


def last_media(finder: SpeakerFinder, pos: int) -> ActorRef | None:
    """The outlet named or heard last before ``pos`` (not the article's own)."""
    media = [
        (m.start, finder.known(m.name, m.kind))
        for m in finder.mentions
        if m.kind == ActorKind.MEDIA and not finder.quoted(m.start)
    ]
    media += [(p, a) for p, a in finder.speakers if a.kind == ActorKind.MEDIA]
    return finder.last([(p, a) for p, a in media if a.name != finder.scope], pos)


def _previous_subject(finder: SpeakerFinder, pos: int) -> ActorRef | None:
    """ "Halcyon Records took longer. A spokesperson told …": the organisation that is the
    subject of the sentence just before speaks through its spokesperson."""
    before = finder.text[:pos].rstrip()
    if not before.endswith("."):
        return None
    start = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n", 0, len(before) - 1))
    m = re.match(rf"\s*(?P<n>{NAME})\s+[a-z]", before[start + 1 :])
    if m is None or m.group("n") in NOT_NAMES:
        return None
    name = finder.strip_name(m.group("n"))
    if not name or finder.roles.words.intersection(name.lower().split()):
        return None
    # an organisation, unless the article knows a person by that name
    return finder.known(name, ActorKind.ORGANIZATION)


def _sentences_before(finder: SpeakerFinder, pos: int) -> list[str]:
    """The sentences of the paragraph before ``pos``, in order (a quote's stops count), but
    not one that opens inside a quotation ("We count them. Our figure …" is the speaker's)."""
    start = finder.text.rfind("\n", 0, pos) + 1
    out: list[str] = []
    k = start
    for piece in re.split(r"((?<=[.!?])[\"”]?\s+)", finder.text[start:pos]):
        lead = len(piece) - len(piece.lstrip())
        sentence = piece.strip() and not re.fullmatch(r"[\"”]?\s+", piece)
        if sentence and not finder.quoted(k + lead):
            out.append(piece)
        k += len(piece)
    return out


def _org_named(finder: SpeakerFinder, name: str, *, described: bool = False) -> ActorRef | None:
    """The organisation ``name`` (a capitalised run) stands for, if not a person or outlet
    (``described``: a company noun said what it is, "Chinese foundry X")."""
    name = finder.strip_name(re.sub(r"(?:'s|’s|')$", "", name))
    if not name or name in NOT_NAMES or finder.roles.words.intersection(name.lower().split()):
        return None
    known = finder.gaz.lookup(name)
    if (
        not described
        and len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", finder.text)) < 2
        and not ORG_SUFFIX.search(name)
        and (known is None or known.kind != ActorKind.ORGANIZATION)
    ):
        # "Under US rules, …": an organisation's name (used again, or one by its form),
        # not any capitalised sentence opener
        return None
    if described:
        actor = finder.known(name, ActorKind.ORGANIZATION)
        if actor.kind == ActorKind.PERSON:  # a capitalised pair the name scan took for a person
            actor = finder.gaz.ref(name, ActorKind.ORGANIZATION)
        return actor if actor.kind == ActorKind.ORGANIZATION else None
    if finder.kinds.kind_of(name) != ActorKind.ORGANIZATION:
        return None
    actor = finder.known(name, ActorKind.ORGANIZATION)
    return actor if actor.kind == ActorKind.ORGANIZATION else None


def _asked(finder: SpeakerFinder, pos: int) -> ActorRef | None:
    """ "We asked Harlan whether …. The company did not say.": the organisation a question
    was put to in the sentence just before is who answers it (or does not)."""
    sentences = _sentences_before(finder, pos)
    if not sentences or not re.search(r"[.!?]\s*$", finder.text[max(0, pos - 3) : pos]):
        return None  # the back-reference opens the sentence after the question
    m = re.search(
        rf"\b(?:asked|emailed|pressed|contacted)\s+(?P<n>{NAME})\s+(?:whether|if|about|why|how|"
        r"what|when|to|for)\b",
        sentences[-1],
    )
    return _org_named(finder, m.group("n")) if m else None


def paragraph_subject(finder: SpeakerFinder, pos: int) -> ActorRef | None:
    """ "Harlan's side said little. … The startup declined to comment.": the organisation
    the paragraph is about (the last sentence of it to open with a name, or with a name's
    possessive) is what "the company" / "the startup" points back to."""
    openers = (
        rf"\s*(?P<n>{NAME})(?:'s|’s)?\s+[a-z]",
        # "At Halden Securities, analysts …": the topic
        rf"\s*At\s+(?P<n>{NAME}),\s",
        # "Chinese foundry Huaxin Micro said …": descriptors, then the name
        rf"\s*(?:[Tt]he\s+)?(?P<d>(?:[\w-]+\s+){{1,3}}?)(?P<n>{NAME})(?:'s|’s)?\s+[a-z]",
    )
    for sentence in reversed(_sentences_before(finder, pos)):
        for opener in openers:
            m = re.match(opener, sentence)
            if m is None or not all(
                finder.is_descriptor(w) for w in (m.groupdict().get("d") or "").split()
            ):
                continue
            lead = (m.groupdict().get("d") or "").split()
            nouns = {r.pattern for r in finder.lex["descriptors"].rules if r.get("org_noun")}
            org = _org_named(finder, m.group("n"), described=bool(nouns.intersection(lead)))
            if org is not None:
                return org
    return None


def article_subject(finder: SpeakerFinder, pos: int) -> ActorRef | None:
    """The organisation the article is about: the one its first sentence opens with
    (after a dateline, "LEEDS, May 2 (Wire) - Marlow Foods will close …"), for a paragraph
    before ``pos`` that names no organisation of its own."""
    para = finder.text.rfind("\n", 0, pos) + 1
    if any(p >= para for p, _ in finder.orgs if p < pos) or any(
        para <= m.start < pos and m.kind == ActorKind.ORGANIZATION for m in finder.mentions
    ):
        return None
    first = finder.text.split("\n", 1)[0]
    dateline = re.match(r"[^.!?\n]{0,80}?\s[-–—]\s+", first)
    lead = first[dateline.end() :] if dateline else first
    m = re.match(rf"\s*(?:[Tt]he\s+)?(?P<n>{NAME})(?:'s|’s)?\s+[a-z]", lead)
    return _org_named(finder, m.group("n")) if m is not None else None
