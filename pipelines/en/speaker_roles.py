"""English role phrases: who speaks in "a TikTok spokesperson" or "Bidwave co-founder Marcus Hale".

Role words are data (``data/en/roles.jsonl``): a role that
``speaks_for_organization`` (spokesperson, representative …) makes the
organisation the speaker ("a spokesman for the Aragon regional government",
"the company's spokeswoman", "its spokesperson"), with the named person as
its member; any other role names a person with an affiliation
("TalkShopLive co-founder Bryan Moore").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef, Affiliation
from pipelines.en.backrefs import article_subject, paragraph_subject
from pipelines.en.names import NAME, NAME_RE, Found
from pipelines.lexicon import Lexicon, Rule

if TYPE_CHECKING:
    from pipelines.en.speakers import SpeakerFinder

__all__ = ["RoleWords", "resolve_role", "role_holder"]


class RoleWords:
    """The role rules, as one case-insensitive alternation, longest first."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.rules = sorted((r for r in lexicon["roles"].rules), key=lambda r: -len(r.pattern))
        self.alt = "(?i:" + "|".join(re.escape(r.pattern) for r in self.rules) + ")"
        self.words = {w.lower() for r in self.rules for w in r.pattern.split()}

    def rule(self, word: str) -> Rule:
        return next(r for r in self.rules if r.pattern.lower() == word.lower())

    def speaks_for(self, word: str) -> bool:
        return bool(self.rule(word).get("speaks_for_organization"))


def resolve_role(finder: SpeakerFinder, p: str, pos: int) -> Found | None:
    role = finder.roles.alt
    # "a TikTok spokesperson" / "TikTok's spokeswoman"
    m = re.fullmatch(
        rf"(?:(?:[Aa]n?|[Tt]he)\s+)?(?P<org>{NAME}?)(?:'s|’s)?\s+(?:[\w-]+\s+)?(?P<role>{role})",
        p,
    )
    if m and finder.roles.speaks_for(m.group("role")) and finder.strip_name(m.group("org")):
        org_name = re.sub(r"(?:'s|’s|')$", "", finder.strip_name(m.group("org")))
        org = finder.known(org_name, ActorKind.ORGANIZATION)
        finder.spokes.append((pos, org))
        return Found(org, "role")
    # "a Chinese foreign ministry spokesperson" / "a company representative"
    m = re.fullmatch(
        rf"(?:[Aa]n?|[Tt]he)\s+(?P<org>(?:[A-Z][\w.-]*\s+){{0,3}}(?:[a-z][\w-]*\s+){{0,3}}?"
        rf"(?P<noun>[a-z][\w-]*))\s+(?P<role>{role})",
        p,
    )
    if m and finder.roles.speaks_for(m.group("role")):
        noun = m.group("noun")
        institutions = {r.pattern for r in finder.lex["institutions"].rules}
        org = None
        if noun in institutions:
            org = finder.known(m.group("org"), ActorKind.ORGANIZATION)
        elif m.group("org") == noun and finder.is_descriptor(noun):
            # "a company representative": the company described so, or the paragraph's
            org = (
                finder.last(finder.described.get(noun, []), pos)
                or paragraph_subject(finder, pos)
                or finder.last_org(pos)
            )
        if org is not None:
            finder.spokes.append((pos, org))
            return Found(org, "role")
    # "the company's spokesperson" / "its spokeswoman"
    m = re.fullmatch(
        rf"(?:(?:[Tt]he\s+(?P<noun>[a-z-]+)(?:'s|’s))|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+)?"
        rf"(?P<role>{role})(?:\s*,?\s+(?P<name>{NAME}))?",
        p,
    )
    if m and finder.roles.speaks_for(m.group("role")):
        noun = m.group("noun") or "company"
        org = finder.last(finder.described.get(noun, []), pos) or finder.last_org(pos)
        if org is not None:
            finder.spokes.append((pos, org))
            return Found(org, "role")
    # "a spokesman for the Aragon regional government"
    m = re.fullmatch(
        rf"(?:(?:[Aa]n?|[Tt]he)\s+)?(?P<role>{role})\s+(?:for|of|at|with)\s+(?:the\s+)?(?P<org>.+)",
        p,
    )
    if m and finder.roles.speaks_for(m.group("role")):
        # "a spokesperson for the Hangzhou-based company": the company described before
        described = re.fullmatch(
            r"(?:[\w.-]+-based\s+)?(?:[a-z][\w-]*\s+){0,2}(?P<noun>[a-z][\w-]*)",
            m.group("org").strip(),
        )
        if described and finder.is_descriptor(described.group("noun")):
            noun = described.group("noun")
            org = finder.last(finder.described.get(noun, []), pos) or finder.last_org(pos)
        else:
            org = finder.known(m.group("org").strip(), ActorKind.ORGANIZATION)
        if org is None:
            return None
        finder.spokes.append((pos, org))
        return Found(org, "role")
    # "Bidwave co-founder Marcus Hale" / "spokeswoman Elena Marsh" / "Chief executive X"
    m = re.fullmatch(
        rf"(?:(?:[Aa]n?|[Tt]he)\s+)?(?:(?P<org>{NAME}?)(?:'s|’s)?\s+)?(?:[\w-]+\s+)?"
        rf"(?P<role>{role})\s+(?P<name>{NAME})",
        p,
    )
    if (
        m
        and NAME_RE.fullmatch(m.group("name"))
        and m.group("name")[0].isupper()
        and m.group("name").lower() not in finder.roles.words
    ):
        name = finder.strip_name(m.group("name"))
        if not name:
            return None
        person = finder.known(name, ActorKind.PERSON)
        org_name = re.sub(r"(?:'s|’s|')$", "", finder.strip_name(m.group("org") or ""))
        split = finder.person_of(name)
        if split is not None:
            # "Box-office analyst Carla Mendes of Marquee Data"
            person, org_of = split
            org_name = org_of.name
        titles = {w for r in finder.roles.rules for w in r.get("title_words", ())}
        if org_name.lower() in finder.roles.words or (
            org_name and all(w.lower() in titles | finder.roles.words for w in org_name.split())
        ):
            org_name = ""  # "Chief People Officer Renée Dubois": a title, not an organisation
        org = finder.known(org_name, ActorKind.ORGANIZATION) if org_name else None
        role_rule = finder.roles.rule(m.group("role"))
        longer = re.search(rf"(?:^|\s)(?P<r>{role})\s+{re.escape(name)}$", p)
        if longer is not None and len(longer.group("r")) > len(m.group("role")):
            role_rule = finder.roles.rule(longer.group("r"))  # "chief executive", not "executive"
        if finder.roles.speaks_for(m.group("role")):
            org = org or finder.last(finder.spokes, pos) or finder.last_org(pos)
            if org is None:
                return Found(person, "role")
            finder.spokes.append((pos, org))
            # "Coastal Wings spokesperson Ana Ruiz …" … "she wrote": the airline's words
            finder.voice_of[person.name] = org
            finder.people.append((pos, person))
            aff = Affiliation(person, org, role_rule.get("role"), "", "en.affiliation.role")
            return Found(org, "role", aff)
        finder.note(pos, person)
        if org is None and role_rule.get("member_of_topic"):
            # "Quarry is sticking with its figure. "…," said chief executive Lena Hart":
            # the paragraph's organisation is hers (else the one the article opens with)
            org = paragraph_subject(finder, pos) or article_subject(finder, pos)
        aff = (
            Affiliation(person, org, role_rule.get("role"), "", "en.affiliation.role")
            if org is not None
            else None
        )
        return Found(person, "role", aff)
    return None


_POSS = r"(?:'s|’s|(?<=s)'|(?<=s)’)"
_LEADS = r"(?:has\s+|had\s+)?(?:led|leads|heads|headed|runs|ran|run|chairs|chaired)"


def role_holder(finder: SpeakerFinder, p: str, pos: int) -> Found | None:
    """ "the chief executive of Harlan Freight told MPs": the person the article names as
    holding that role there, before or after ("Mira Lund, who has led Harlan since 2021,").

    Only a role an organisation has one of at a time (``one_holder`` in
    ``data/en/roles.jsonl``); "who has led / heads / runs X" names the holder of a
    ``heads`` role.
    """
    role = finder.roles.alt
    m = re.fullmatch(
        rf"(?:[Tt]he\s+)?(?P<role>{role})\s+(?:of|at)\s+(?:the\s+)?(?P<org>{NAME})", p
    ) or re.fullmatch(rf"(?:[Tt]he\s+)?(?P<org>{NAME}){_POSS}\s+(?P<role>{role})", p)
    if m is None:
        return None
    rule = finder.roles.rule(m.group("role"))
    org_name = finder.strip_name(m.group("org"))
    if not rule.get("one_holder") or not org_name:
        return None
    org = finder.known(org_name, ActorKind.ORGANIZATION)
    same = [r for r in finder.roles.rules if r.get("role") == rule.get("role")]
    title = "(?i:" + "|".join(re.escape(r.pattern) for r in same) + ")"
    patterns = [
        rf"(?P<o>{NAME}){_POSS}\s+{title},\s+(?P<n>{NAME})",
        rf"(?P<o>{NAME})\s+{title}\s+(?P<n>{NAME})",
        rf"(?P<n>{NAME}),\s+(?P<o>{NAME}){_POSS}\s+{title}\b",
        rf"(?P<n>{NAME}),\s+(?:the\s+)?{title}\s+(?:of|at)\s+(?:the\s+)?(?P<o>{NAME})",
    ]
    if rule.get("heads"):
        patterns.append(rf"(?P<n>{NAME}),\s+who\s+{_LEADS}\s+(?:the\s+)?(?P<o>{NAME})")
    found: list[tuple[int, ActorRef]] = []
    for pattern in patterns:
        for h in re.finditer(pattern, finder.text):
            if finder.quoted(h.start()) or h.start() <= pos < h.end():
                continue
            name = finder.strip_name(h.group("n"))
            if not name or finder.kinds.kind_of(name) != ActorKind.PERSON:
                continue
            holder_org = finder.known(finder.strip_name(h.group("o")), ActorKind.ORGANIZATION)
            if holder_org.name != org.name:
                continue
            found.append((abs(h.start("n") - pos), finder.known(name, ActorKind.PERSON)))
    if not found:
        return None
    person = min(found, key=lambda x: x[0])[1]
    if person.kind != ActorKind.PERSON:
        return None
    finder.note(pos, person)
    aff = Affiliation(person, org, rule.get("role"), "", "en.affiliation.role")
    return Found(person, "role", aff)
