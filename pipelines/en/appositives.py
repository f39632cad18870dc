"""``X, an analyst at Y`` / ``X, Y's spokesman``: an appositive names X's organisation.

The role words come from the roles lexicon; a spokesperson's words are the
organisation's, so the speaker becomes the organisation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef, Affiliation
from pipelines.en.names import NAME, Found

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun

__all__ = ["appositive"]


def appositive(run: ArticleRun, found: Found, pos: int, end: int) -> Found:
    """``X, co-founder of Y`` / ``X, an analyst at Y`` -> an affiliation edge.

    Returns who speaks: the organisation when X is its spokesperson.
    """
    if found.actor.kind != ActorKind.PERSON:
        return found
    tail = run.text[pos:end]
    role = run.finder.roles.alt
    m = re.match(
        rf"\s*,\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,3}}?(?P<role>{role})"
        rf"(?:\s+of\s+[a-z][\w\s-]{{0,30}}?)?\s+(?:of|at|for|with)\s+"
        rf"(?:the\s+(?:[a-z-]+\s+)*)?(?P<org>{NAME})",
        tail,
    ) or re.match(rf"\s*,\s*(?P<org>{NAME})(?:'s|’s)\s+(?:[\w-]+\s+)*?(?P<role>{role})\b", tail)
    if m is None:
        return found
    org_name = m.group("org").rstrip(".")
    org = run.finder.known(org_name, ActorKind.ORGANIZATION)
    if org.kind == ActorKind.PERSON:
        # "an analyst at Rhein Equity": whoever employs an analyst is an organisation
        org = ActorRef(org.name, ActorKind.ORGANIZATION, org.aliases, org.description)
    rule = run.finder.roles.rule(m.group("role"))
    run.out.affiliations.append(
        Affiliation(
            found.actor, org, rule.get("role"), run.text[pos:end], "en.affiliation.appositive"
        )
    )
    run.finder.note(pos + m.start("org"), org)
    if rule.get("speaks_for_organization"):
        # "Tom Lee, a spokesman for Qorvo": the spokesman's words are Qorvo's
        run.finder.voice_of[found.actor.name] = org
        run.finder.spokes.append((pos, org))
        return Found(org, "role")
    return found
