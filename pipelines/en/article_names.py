"""The names an English article introduces, found before any speaker is resolved.

A multi-word name is later referred to by its surname (people: "Whitfield")
or first word (organisations: "Aurex"), an organisation by its acronym when
the article uses it ("the OCC"), a described organisation by its descriptor
("Bidwave, a live-shopping app" ... "the app"), and a person who opens a
sentence or is introduced with a role ("Sun Yue, an analyst at TrendForce,")
is who "he" or "she" is next.  Capitalised runs are split at possessives and
role titles ("Fleetbite Chief Executive Sam Whitaker" -> Fleetbite, Sam
Whitaker).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef
from pipelines.en.names import NAME, NOT_NAMES, ORG_SUFFIX, capitalised_names

if TYPE_CHECKING:
    from pipelines.en.speakers import SpeakerFinder

__all__ = ["prescan"]

_SENTENCE_PLURAL = re.compile(r"[A-Z][a-z]+s\s+(?:of|in|at|for)\s+(?=[A-Z])")


def prescan(finder: SpeakerFinder) -> None:
    """Multi-word names in order: their first word (orgs) or surname (people) refer back."""
    titled = re.compile(rf"(?<![\w-])(?:{finder.roles.alt}|(?i:officer))\s+$")
    for pos, name in _split_runs(finder):
        words = name.split()
        if (
            len(words) >= 2
            and (pos == 0 or finder.text[pos - 1] == "\n")
            and words[0].isupper()
            and words[0].isalpha()
            and len(words[0]) > 3
            and not words[1].isupper()
        ):
            # a paragraph's first word in capitals (tabloid style): "HARTSBRIDGE United's …"
            words[0] = words[0].title()
            name = " ".join(words)
        known = finder.gaz.lookup(name)
        if len(words) >= 2 and known is not None and known.kind == ActorKind.PERSON:
            # a person the gazetteer knows is still "Whitfield" later in this article
            ref = finder.gaz.ref(name, ActorKind.PERSON)
            for key in (words[-1], words[0]):
                if key not in NOT_NAMES and len(key) > 2 and finder.gaz.lookup(key) is None:
                    finder.short.setdefault(key, ref)
            continue
        if len(words) < 2 or known is not None or "'" in name:
            continue
        kind = finder.kinds.kind_of(name)
        if kind != ActorKind.PERSON:
            # "Commerce Department" after "the U.S. Commerce Department": the official name
            longer = finder.longest(name)
            if longer != name and finder.official(longer.split()):
                name, words = longer, longer.split()
            if finder.official(words):
                # "Commerce" is what the article shortens "U.S. Commerce Department" to
                head = words[1]
                if head not in finder.short and head not in NOT_NAMES and len(head) > 2:
                    finder.short[head] = ActorRef(name, kind, (head,))
        ref = ActorRef(name, kind)
        key = words[-1] if kind == ActorKind.PERSON else words[0]
        if kind != ActorKind.PERSON and _product(finder.text, pos, words):
            continue  # "a Sorrel Tern": a maker's product, not the maker "Sorrel" stands for
        if key not in finder.short and key not in NOT_NAMES and len(key) > 2:
            finder.short[key] = ActorRef(name, kind, (key,))
        if kind != ActorKind.PERSON and len(words) >= 3:
            # "Carrow Valley Bancorp" ... "Carrow Valley said": the name without its last word
            prefix = " ".join(words[:-1])
            if prefix not in finder.short and finder.gaz.lookup(prefix) is None:
                finder.short[prefix] = ActorRef(name, kind, (prefix,))
        # "the Office of the Comptroller of the Currency" ... "The OCC said": an acronym
        # of three or more capitals used in the article names an organisation, whatever
        # the name looked like on its own
        caps = [w[0] for w in words if w[0].isupper() and w not in NOT_NAMES]
        # "the U.S. Food and Drug Administration" ... "the FDA": a country's initials lead
        bare = [w[0] for w in words if w[0].isupper() and w not in NOT_NAMES and "." not in w]
        acro = next(
            (
                "".join(c)
                for c in (caps, bare)
                if len(c) >= 3 and re.search(rf"(?<!\w){''.join(c)}(?!\w)", finder.text)
            ),
            "",
        )
        if acro and acro not in finder.short:
            kind = ActorKind.ORGANIZATION if kind == ActorKind.PERSON else kind
            ref = ActorRef(name, kind)
            finder.short[acro] = ActorRef(name, kind, (acro,))
        if kind == ActorKind.PERSON:
            finder.short.setdefault(name, ref)
            first = words[0]
            if first not in NOT_NAMES and len(first) > 1 and not first.endswith("."):
                # "Xu Haoran" ... "Xu told": a family name first, or a first name
                finder.short.setdefault(first, ActorRef(name, kind, (first,)))
            # the subject of a sentence ("Omar Reyes runs a shop.") or a person introduced
            # with a title ("CEO Tom Alvarez, speaking at …") is who "he" is next
            if (
                not finder.quoted(pos)
                and (
                    pos == 0
                    or re.search(r"(?:[.!?]\s+|\n|\s[-–—]\s)$", finder.text[max(0, pos - 3) : pos])
                    # "KeyBanc's Dmitri Volkov was more skeptical."
                    or re.search(
                        r"(?:^|[.!?]\s+|\n)(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*(?:'s|’s)\s+$",
                        finder.text[max(0, pos - 60) : pos],
                    )
                    or titled.search(finder.text, max(0, pos - 40), pos)
                )
            ):
                finder.people.append((pos, ref))
        elif ORG_SUFFIX.search(name) and not finder.quoted(pos):
            finder.orgs.append((pos, ref))
    # "Bidwave, a live-shopping app …" / "carmaker Aurex Auto": "the app", "the carmaker"
    nouns = "|".join(
        re.escape(r.pattern) for r in finder.lex["descriptors"].rules if r.pattern.islower()
    )
    noun_set = {r.pattern for r in finder.lex["descriptors"].rules if r.pattern.islower()}
    cue_words = {r.pattern for r in finder.lex["cues"].rules if " " not in r.pattern}
    for m in re.finditer(
        rf"(?P<name>{NAME}),\s+(?:an?|the|[A-Z][\w-]*(?:'s|’s))\s+(?P<app>[^,.;]+)", finder.text
    ):
        name = finder.strip_name(m.group("name"))
        if cue_words.intersection(w.strip(":\"“”'") for w in m.group("app").split()):
            continue  # "…Munch, the food delivery app on Wednesday confirmed …": a new subject
        if name and finder.kinds.kind_of(name) != ActorKind.PERSON:
            actor = finder.known(name, ActorKind.ORGANIZATION)
            for word in m.group("app").split()[:5]:
                if word in noun_set:
                    finder.described.setdefault(word, []).append((m.start("name"), actor))
    # "carmaker Aurex Auto", "the band's label, Meridian Sound,": the noun names it
    for m in re.finditer(
        rf"\b(?P<noun>{nouns})(?:\s+|,\s+(?={NAME},))(?P<name>{NAME})", finder.text
    ):
        name = finder.strip_name(m.group("name"))
        apposed = "," in m.group()  # "its label, Meridian Sound,": the noun says what it is
        if name and (apposed or finder.kinds.kind_of(name) != ActorKind.PERSON):
            actor = finder.known(name, ActorKind.ORGANIZATION)
            if actor.kind == ActorKind.PERSON:
                actor = finder.gaz.ref(name, ActorKind.ORGANIZATION)
            finder.described.setdefault(m.group("noun"), []).append((m.start("name"), actor))
    # "Sun Yue, a supply-chain analyst at TrendForce," / "Talvio's founder, Mei Sato," name a
    # person others refer back to
    role = finder.roles.alt
    for m in re.finditer(rf"\b(?:{role}),\s+(?P<name>{NAME}),", finder.text):
        name = finder.strip_name(m.group("name"))
        if name and finder.kinds.kind_of(name) == ActorKind.PERSON:
            finder.note(m.start("name"), finder.known(name, ActorKind.PERSON))
    for m in re.finditer(
        rf"(?P<name>{NAME}),\s+(?:an?|the)\s+[\w -]{{0,30}}?\b(?:{role})\b", finder.text
    ):
        name = finder.strip_name(m.group("name"))
        if name and finder.kinds.kind_of(name) == ActorKind.PERSON:
            finder.note(m.start("name"), finder.known(name, ActorKind.PERSON))

    _surname_subjects(finder)


def _product(text: str, pos: int, words: list[str]) -> bool:
    """Whether the capitalised run at ``pos`` names a product (a model of its maker's).

    "own a Sorrel Tern" (an indefinite article before a proper name: one of many) or
    "21,000 Terns" (its last word counted in the plural); an organisation suffix
    (Motors, Foods …) says it is the maker itself.
    """
    if ORG_SUFFIX.search(" ".join(words)):
        return False
    if re.search(r"(?:^|[^\w])(?:a|an|A|An)\s+$", text[max(0, pos - 4) : pos]):
        return True
    last = words[-1]
    return bool(re.search(rf"\b[\d,.]+\s+(?:\w+\s+)?{re.escape(last)}s\b", text))


def _surname_subjects(finder: SpeakerFinder) -> None:
    """ "…, Halvorsen was blunt. "…," she said": a surname opening a clause is who "she" is."""
    people = {
        k: a
        for k, a in finder.short.items()
        if a.kind == ActorKind.PERSON and " " in a.name and a.name.split()[-1] == k
    }
    if not people:
        return
    alt = "|".join(re.escape(k) for k in sorted(people, key=len, reverse=True))
    # "Brandt, 51, who joined in 2024, …" too: an age or a relative clause after the name
    for m in re.finditer(
        rf"(?:^|[.!?]\s+|\n|,\s+)(?P<k>{alt})(?:,\s+\d{{2}},|,\s+who\b)?\s+[a-z]", finder.text
    ):
        if not finder.quoted(m.start("k")):
            finder.people.append((m.start("k"), people[m.group("k")]))


def _split_runs(finder: SpeakerFinder) -> list[tuple[int, str]]:
    """Capitalised runs, split at possessives and at role titles.

    "South Korea's Hanvale Semiconductor" -> South Korea, Hanvale Semiconductor;
    "Fleetbite Chief Executive Sam Whitaker" -> Fleetbite, Sam Whitaker.
    """
    out: list[tuple[int, str]] = []
    role = re.compile(rf"(?<![\w-])(?:{finder.roles.alt}|(?i:officer))(?![\w-])")
    for pos, name in capitalised_names(finder.text):
        parts: list[tuple[int, str]] = []
        k = 0
        for m in re.finditer(r"(?:'s|’s|'|’)(?=\s|$)", name):
            parts.append((pos + k, name[k : m.start()]))
            k = m.end()
        parts.append((pos + k, name[k:]))
        for ppos, part in parts:
            lead = len(part) - len(part.lstrip())
            ppos, part = ppos + lead, part.strip()
            plural = _SENTENCE_PLURAL.match(part)
            if plural and re.search(r"(?:^|[.!?]\s+|\n)$", finder.text[max(0, ppos - 3) : ppos]):
                # "Shares of Verantis Systems fell": a sentence's first word is no part of a name
                ppos, part = ppos + plural.end(), part[plural.end() :]
            of = re.fullmatch(r"(?P<p>\S+(?:\s+\S+){1,2})\s+(?:of|at|from)\s+(?P<o>[A-Z].*)", part)
            if (
                of is not None
                and finder.kinds.kind_of(of.group("p")) == ActorKind.PERSON
                and finder.kinds.kind_of(of.group("o")) != ActorKind.PERSON
            ):
                # "Jonas Berg of Nordea Markets was less sure": a person and their firm
                out.append((ppos, of.group("p")))
                out.append((ppos + of.start("o"), of.group("o")))
                continue
            roles = list(role.finditer(part))
            if roles:
                r = roles[-1]
                person = part[r.end() :].strip()
                if person and finder.kinds.kind_of(person) == ActorKind.PERSON:
                    org = part[: roles[0].start()].strip()
                    if org and not any(w.lower() in finder.roles.words for w in org.split()):
                        out.append((ppos, org))
                    out.append((ppos + r.end() + 1, person))
                    continue
            if part:
                out.append((ppos, part))
    return out
