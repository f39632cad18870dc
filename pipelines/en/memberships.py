"""Who works for whom, as an article introduces its people.

"Zhengtu's head of European operations, Pan Zhiyuan," / "Hartsbridge sporting
director Owen Pryce" / "Zhao Ruoxi, Qilin's head of investment," / "Li Qian, an
analyst at Huatai Securities": the person and the organisation.  When the
person later answers a rumour about the organisation ("Pan told CarDesk there
are no advanced talks"), the rumour is about them too.

Examples
--------
>>> from pipelines.extract import Extractor
>>> from graph.records import Article
>>> text = "Qorvane's head of sales, Dana Reyes, spoke. Reyes said no deal was near."
>>> ex = Extractor()
>>> from pipelines.en.attribution import ArticleRun
>>> run = ArticleRun(ex._attributor("en"), ex.nlp("en")(text), Article("a", text, "en"))
>>> run.members["Dana Reyes"].name
'Qorvane'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef
from pipelines.en.names import NAME

if TYPE_CHECKING:
    from pipelines.en.speakers import SpeakerFinder

__all__ = ["memberships"]


def _patterns(role: str) -> tuple[re.Pattern[str], ...]:
    title = rf"(?:[\w-]+\s+){{0,3}}?(?:{role})(?:\s+of\s+[A-Za-z][\w\s-]{{0,30}}?)?"
    return (
        # "Zhengtu's head of European operations, Pan Zhiyuan"
        re.compile(rf"(?P<org>{NAME})(?:'s|’s)\s+{title},\s+(?P<name>{NAME})"),
        # "Hartsbridge sporting director Owen Pryce"
        re.compile(rf"(?P<org>{NAME})\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{role})\s+(?P<name>{NAME})"),
        # "Zhao Ruoxi, Qilin's head of investment," / "Li Qian, an analyst at Huatai Securities"
        re.compile(rf"(?P<name>{NAME}),\s+(?P<org>{NAME})(?:'s|’s)\s+{title}[,.]"),
        re.compile(
            rf"(?P<name>{NAME}),\s+(?:an?\s+|the\s+)?{title}\s+(?:of|at|for|with)\s+"
            rf"(?:the\s+)?(?P<org>{NAME})"
        ),
    )


def memberships(finder: SpeakerFinder) -> dict[str, ActorRef]:
    """Person name -> the organisation the article says they belong to."""
    out: dict[str, ActorRef] = {}
    for pattern in _patterns(finder.roles.alt):
        for m in pattern.finditer(finder.text):
            if finder.quoted(m.start()):
                continue
            name = finder.strip_name(m.group("name"))
            org = finder.strip_name(m.group("org"))
            if not name or not org or name == org:
                continue
            if finder.roles.words.intersection(org.lower().split()):
                continue  # "Chief financial officer Mei Tanaka": a title, not an employer
            known = finder.gaz.lookup(name)
            if known is not None and known.kind != ActorKind.PERSON:
                continue  # introduced with a role title: a person, unless known otherwise
            person = finder.known(name, ActorKind.PERSON)
            out.setdefault(person.name, finder.known(org, ActorKind.ORGANIZATION))
    return out
