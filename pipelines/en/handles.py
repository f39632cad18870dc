"""Screen names as speakers: social-media handles and pseudonyms.

"the gossip account @pressbox_tea posted that …" is the account
``@pressbox_tea``; "a user posting as LakeView77 claimed that …" and "a leaker
who goes by Ferret has insisted that …" are the people behind those names.
The phrases that introduce a pseudonym are data (``data/en/pseudonyms.jsonl``).

A handle is named with its "@" (``@pressbox_tea``) and known without it too.
Such a speaker is a hearsay source: what it posts is a rumour others answer.

Examples
--------
>>> _HANDLE.fullmatch("the fan account @tune_bird").group("h")
'tune_bird'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef
from pipelines.en.names import Found

if TYPE_CHECKING:
    from pipelines.en.speakers import SpeakerFinder

__all__ = ["PSEUDONYM", "handle_or_pseudonym", "is_screen_name", "note_handles"]

PSEUDONYM = "pseudonym"  # the description of an actor known by a screen name
# "@CityWhispers", "the account @x", "the gossip account @x": lower-case words, then a handle
_HANDLE = re.compile(r"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z][\w-]*\s+){0,3}@(?P<h>\w{2,30})")
# a screen name: one token, letters and digits, underscores, dots or hyphens inside
_SCREEN_NAME = re.compile(r"@?[A-Za-z0-9][\w.-]{1,30}(?<![.-])")


def is_screen_name(actor: ActorRef) -> bool:
    """Whether ``actor`` is a handle or pseudonym (a hearsay source)."""
    return actor.name.startswith("@") or actor.description == PSEUDONYM


def handle_or_pseudonym(finder: SpeakerFinder, phrase: str, pos: int) -> Found | None:
    """The handle or pseudonym ``phrase`` names, or ``None``."""
    m = _HANDLE.fullmatch(phrase.strip())
    if m is not None:
        name = "@" + m.group("h")
        actor = finder.gaz.ref(name, ActorKind.ORGANIZATION)
        if actor.name == name:
            actor = ActorRef(name, ActorKind.ORGANIZATION, (m.group("h"),), PSEUDONYM)
        finder.note(pos + phrase.find("@"), actor)
        return Found(actor, "name")
    # "known as the founder": a screen name has a capital, digit or "_"
    names = (_SCREEN_NAME.match(phrase, m.end) for m in finder.lex["pseudonyms"].finditer(phrase))
    sn = next((n for n in names if n is not None and re.search(r"[A-Z0-9@_]", n.group())), None)
    if sn is None:
        return None
    if sn.group().startswith("@"):
        return handle_or_pseudonym(finder, sn.group(), pos + sn.start())
    name = sn.group()
    e = finder.gaz.lookup(name)
    actor = finder.gaz.ref(name, e.kind) if e else ActorRef(name, ActorKind.PERSON, (), PSEUDONYM)
    finder.note(pos + sn.start(), actor)
    if actor.kind == ActorKind.PERSON:
        # "Kettle first made the claim …, when he wrote": the screen name opening a clause
        # later is who "he" is there, and the name alone is this person
        finder.short.setdefault(name, actor)
        opens = rf"(?:^|[.!?]\s+|\n|,\s+)(?P<n>{re.escape(name)})\s+[a-z]"
        for m in re.finditer(opens, finder.text):
            if m.start("n") > pos and not finder.quoted(m.start("n")):
                finder.people.append((m.start("n"), actor))
    return Found(actor, "name")


def note_handles(finder: SpeakerFinder) -> None:
    """Every handle the article names is an account "it" can point back to.

    "the fan account @tune_bird posted an image it said showed …": "it" is the account.
    """
    for m in re.finditer(r"(?<![\w@])@(?P<h>\w{2,30})", finder.text):
        if finder.quoted(m.start()):
            continue
        name = "@" + m.group("h")
        actor = finder.gaz.ref(name, ActorKind.ORGANIZATION)
        if actor.name == name:
            actor = ActorRef(name, ActorKind.ORGANIZATION, (m.group("h"),), PSEUDONYM)
        finder.orgs.append((m.start(), actor))
        # "the fan account @x" ... "The account deleted the post": the account named last
        finder.described.setdefault("account", []).append((m.start(), actor))
