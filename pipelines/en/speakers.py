"""Who is speaking in an English speaker phrase.

``SpeakerFinder.resolve("Bidwave co-founder Marcus Hale")`` -> Marcus Hale (and
an affiliation: co-founder of Bidwave).  A phrase can name:

- a gazetteer actor, or a capitalised name never seen before ("Dana Whitfield",
  "Spain's Ministry of Industry"), with leading descriptors dropped
  ("Publisher Halcyon Interactive", "Chinese carmaker Aurex Auto");
- a role with an organisation: "a TikTok spokesperson" / "a spokesman for the
  Aragon regional government" speak *for* the organisation; "TalkShopLive
  co-founder Bryan Moore" is Bryan Moore, co-founder of TalkShopLive;
- an anonymous source ("people familiar with the matter", "an industry
  insider"), scoped to the article's outlet;
- a back-reference: he/she/they, "the spokesperson", "the insider", "the
  sources", "the company", a surname ("Whitfield" -> Dana Whitfield) or the
  first word of an organisation seen before ("Aurex" -> Aurex Auto).

Role phrases are parsed by :mod:`pipelines.en.speaker_roles`, the names an
article introduces are collected by :mod:`pipelines.en.article_names` and
names are told apart by :mod:`pipelines.en.names`.  Descriptor and role words
are data (``data/en/roles.jsonl``,
``data/en/descriptors.jsonl``, ``data/en/pronouns.jsonl``).
"""

from __future__ import annotations

import re

from graph.records import ActorKind, ActorRef, Affiliation
from pipelines.en.article_names import prescan
from pipelines.en.backrefs import backref
from pipelines.en.handles import handle_or_pseudonym, note_handles
from pipelines.en.names import (
    LEGAL_FORM,
    NAME,
    NAME_RE,
    NOT_NAMES,
    Found,
    NameKinds,
    capitalised_names,
)
from pipelines.en.speaker_roles import RoleWords, resolve_role, role_holder
from pipelines.en.stopwords import stopwords
from pipelines.en.unnamed import document_source, note_groups, unnamed_source
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon
from pipelines.mentions import Mention

__all__ = ["NAME", "Found", "SpeakerFinder", "capitalised_names"]

_RELATIVE = re.compile(r"\s+(?:who|whom|whose|that|which)\b.*$", re.DOTALL)
_TRAILING = re.compile(
    r"(?:\s+(?:on|in|at|during|last|this|earlier|late|early|over)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+)(?:\s+(?:\d+|night|morning|afternoon|evening))?"
    r"|\s+(?:also|later|previously|earlier|publicly|separately|then|further|again|first|"
    r"initially|quickly|flatly|firmly|officially|has|have|had|was|were|is|are|would|"
    r"will|now|recently|privately|yesterday|today))+$",
    re.IGNORECASE,
)
_FUNCTION_WORDS = stopwords("speaker_phrase_function")


class SpeakerFinder:
    """Resolves speaker phrases of one article, remembering who was named before."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        lexicon: Lexicon,
        gazetteer: Gazetteer,
        scope: str | None,
    ) -> None:
        self.text = text
        self.mentions = mentions
        self.lex = lexicon
        self.gaz = gazetteer
        self.scope = scope
        self.roles = RoleWords(lexicon)
        self.kinds = NameKinds(text, gazetteer, self.roles.alt)
        # (position, actor) of people and organisations named so far
        self.people: list[tuple[int, ActorRef]] = []
        self.orgs: list[tuple[int, ActorRef]] = []
        self.anonymous: list[tuple[int, ActorRef]] = []
        self.spokes: list[tuple[int, ActorRef]] = []  # organisations that spoke via a spokesperson
        self.groups: list[tuple[int, ActorRef]] = []
        self.speakers: list[tuple[int, ActorRef]] = []
        self.short: dict[str, ActorRef] = {}
        # descriptor noun ("app", "carmaker") -> organisations it described
        self.described: dict[str, list[tuple[int, ActorRef]]] = {}
        # organisations that are the subject of a claim ("Fleetbite was in talks …")
        self.subjects: list[tuple[int, ActorRef]] = []
        # a named spokesperson -> the organisation they speak for
        self.voice_of: dict[str, ActorRef] = {}
        self.at = len(text)  # where the phrase being resolved is
        prescan(self)
        note_handles(self)
        note_groups(self)

    # -- knowledge -------------------------------------------------------------
    def known(self, name: str, kind: ActorKind, description: str = "") -> ActorRef:
        if kind == ActorKind.ORGANIZATION and re.fullmatch(r"[a-z]+", name):
            named = self._named_by_noun(name)
            if named is not None:
                return named
        e = self.gaz.lookup(name)
        if name in self.short and (
            e is None
            or not self._named_here(e.name)
            # a bare surname learned earlier: "Whitfield" is this article's Dana Whitfield
            or (e.name == name and e.kind == self.short[name].kind == ActorKind.PERSON)
        ):
            # "Kestrel" after "Kestrel Motors": this article's long form beats an entry
            # the gazetteer knows under the same short alias but this article never names
            return self.short[name]
        if e is None and kind == ActorKind.ORGANIZATION and " " in name:
            name = self.longest(name)
        return self.gaz.ref(name, kind, description)

    def _named_by_noun(self, noun: str) -> ActorRef | None:
        """ "department" (a department spokesperson), "line" (a spokesperson for the line):
        the organisation named last before the phrase with that noun in its name
        ("Iowa Department of Agriculture", "Meridian Ocean Lines").  A lower-case word is
        never an organisation's name."""
        word = noun.capitalize()
        found = [
            (at, name)
            for at, name in capitalised_names(self.text[: self.at])
            if {word, word + "s"}.intersection(name.split()) and not self.quoted(at)
        ]
        if not found:
            return None
        name = self.strip_name(max(found)[1])
        if len(name.split()) < 2:
            return None
        return self.gaz.ref(name, ActorKind.ORGANIZATION)

    def longest(self, name: str) -> str:
        """ "Commerce Department" after "the U.S. Commerce Department": the article's full name."""
        best = name
        word = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w&'’-]*)"
        # never over a line break: a rubric line ("BOX OFFICE WEEK") above a paragraph
        for m in re.finditer(rf"(?<![\w.])(?:{word}[^\S\n]+){{1,3}}{re.escape(name)}\b", self.text):
            words = m.group().split()
            while (
                words
                and (
                    words[0] in NOT_NAMES
                    or self.is_descriptor(words[0])
                    or words[0].endswith("-based")
                )
                and not self.official(words)
            ):
                words = words[1:]
            full = " ".join(words)
            if len(full) > len(best) and "'" not in full and "’" not in full:
                best = full
        return best

    def _named_here(self, name: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.text) is not None

    def quoted(self, pos: int) -> bool:
        line_start = self.text.rfind("\n", 0, pos) + 1
        return self.text.count('"', line_start, pos) % 2 == 1

    def note(self, pos: int, actor: ActorRef, *, spoke: bool = False) -> None:
        """Remember ``actor`` as named at ``pos`` (a candidate for back-references)."""
        table = {
            ActorKind.PERSON: self.people,
            ActorKind.ORGANIZATION: self.orgs,
            ActorKind.ANONYMOUS: self.anonymous,
            ActorKind.GROUP: self.groups,
        }.get(actor.kind)
        if table is not None:
            table.append((pos, actor))
        if actor.kind == ActorKind.PERSON:
            parts = actor.name.split()
            if len(parts) >= 2 and parts[-1] not in self.short:
                self.short[parts[-1]] = actor
        if spoke:
            self.speakers.append((pos, actor))

    def sentence_subject(self, pos: int) -> ActorRef | None:
        """An organisation that is the subject of a claim earlier in the same sentence."""
        start = max(self.text.rfind(". ", 0, pos), self.text.rfind("\n", 0, pos))
        return self.last([(p, a) for p, a in self.subjects if p > start], pos)

    @staticmethod
    def last(table: list[tuple[int, ActorRef]], pos: int) -> ActorRef | None:
        best = [(p, i, a) for i, (p, a) in enumerate(table) if p < pos]
        # at one position, what was learned last (a speaker's full description) wins
        return max(best, key=lambda x: (x[0], x[1]))[2] if best else None

    def last_org(self, pos: int) -> ActorRef | None:
        # not inside a quote, nor the first word of a longer name ("Kestrel" of "Kestrel Motors")
        orgs = [
            (m.start, self.known(m.name, m.kind))
            for m in self.mentions
            if m.kind in (ActorKind.ORGANIZATION,)
            and not self.quoted(m.start)
            and not re.match(r"\s+[A-Z]", self.text[m.end : m.end + 2])
        ]
        return self.last(orgs + self.orgs, pos)

    # -- resolution ------------------------------------------------------------
    def strip_name(self, name: str) -> str:
        words = name.split()
        while (
            words
            and (words[0] in NOT_NAMES or self.is_descriptor(words[0]))
            and not self.official(words)
        ):
            words = words[1:]
        return " ".join(words)

    def official(self, words: list[str]) -> bool:
        """ "U.S. Commerce Department", "British Home Insurers' Forum": a demonym or a
        country's initials leading an official name (capitalised words up to a head of
        ``data/en/name_heads.jsonl``) is part of the name, not a description of it."""
        if len(words) < 3 and not (len(words) == 2 and words[0].isupper()):
            # "Chinese Ministry" alone is still described; "U.S. Treasury"-like initials
            # lead a one-word name only with a head after them
            return False
        first = words[0]
        demonym = any(
            r.pattern == first.lower() and r.get("demonym") for r in self.lex["descriptors"].rules
        ) or bool(re.fullmatch(r"(?:[A-Z]\.){2,3}|[A-Z]{2}", first))
        if not demonym:
            return False
        rest = words[1:]
        if not all(w[0].isupper() or w in ("of", "and", "for", "the", "&") for w in rest):
            return False
        last = re.sub(r"(?:'s|’s|'|’)$", "", rest[-1]).lower()
        return any(r.pattern == last for r in self.lex["name_heads"].rules)

    def is_descriptor(self, word: str) -> bool:
        return any(
            r.pattern.lower() == word.lower() and (word.islower() or r.get("strip", True))
            for r in self.lex["descriptors"].rules
        )

    def clean(self, phrase: str) -> str:
        p = phrase.strip(" ,;:")
        p = re.sub(r"^(?:and|but|while|as|so)\s+", "", p, flags=re.IGNORECASE)
        p = _RELATIVE.sub("", p)
        p = re.sub(r"^(?:[A-Z][\w.]*\s+)*[\w.]+-based\s+", "", p)
        p = re.sub(rf"(?<=\w){LEGAL_FORM.pattern}$", "", p)  # "Pellworth Biologics Inc."
        p = re.sub(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+(?=[A-Z])", "", p)
        for _ in range(3):
            p = _TRAILING.sub("", p).strip(" ,")
        return p

    def resolve(self, phrase: str, pos: int) -> Found | None:
        """The speaker named by ``phrase`` (found at ``pos`` in the text), or ``None``."""
        if "\n" in phrase.strip():
            # a speaker phrase does not run over a line break: "BOX OFFICE WEEK" (a rubric
            # or dateline line) is no part of "Northgate Pictures says"
            cut = phrase.rstrip().rfind("\n") + 1
            phrase, pos = phrase[cut:], pos + cut
        self.at = pos
        named = self._apposed_name(phrase, pos)
        if named is not None:
            return named
        raw = phrase
        screen = handle_or_pseudonym(self, raw, pos)
        if screen is not None:
            return screen
        p = self.clean(phrase)
        if not p or len(p.split()) > 12 or '"' in p or "“" in p:
            return None
        shift = pos + max(raw.find(p), 0)
        low = p.lower()
        # "The Paper reported": a name, not "the paper" pointing back
        demonym = re.fullmatch(r"[Tt]he\s+([A-Z][a-z]+)", p)
        named = re.match(r"[Tt]he\s+[A-Z]", p) and not (
            (demonym and self.is_descriptor(demonym.group(1)))  # "the German told reporters"
            or self._described_by_origin(p)  # "the French publisher said"
        )
        holder = role_holder(self, p, shift)
        if holder is not None:
            return holder  # "the chief executive of X", named elsewhere in the article
        back = None if named else backref(self, low, shift)
        if back is not None:
            return back
        doc = document_source(self, p, shift)
        if doc is not None:
            return doc
        # before "on the plans" is cut as a time phrase: "people briefed on the plans"
        whole = re.sub(r"^(?:and|but|while|as|so)\s+", "", raw.strip(" ,;:"), flags=re.I)
        unnamed = unnamed_source(self, whole, pos + max(raw.find(whole), 0))
        if unnamed is None:
            unnamed = unnamed_source(self, p, shift)
        if unnamed is not None:
            return unnamed
        anon = [m for m in self.mentions if shift <= m.start and m.end <= shift + len(p)]
        anon = [m for m in anon if m.kind in (ActorKind.ANONYMOUS, ActorKind.GROUP)]
        if anon and not capitalised_names(p[: anon[0].start - shift]):
            m = anon[0]
            return Found(self._anonymous(m.name, m.kind, m.surface, p, shift), "anonymous")
        unit = self._org_unit(p, shift)
        if unit is not None:
            return unit
        role = resolve_role(self, p, shift)
        if role is not None:
            return role
        own = re.fullmatch(rf"(?P<org>{NAME})(?:'s|’s|(?<=s)'|(?<=s)’)\s+(?P<who>{NAME})", p)
        if own and self.kinds.kind_of(own.group("who")) == ActorKind.PERSON:
            # "Ostwind Rail's Jane Doe said": the person, of that organisation
            person = self._name(own.group("who"), shift + own.start("who"))
            if person is not None and person.actor.kind == ActorKind.PERSON:
                return person
        at = re.fullmatch(rf"(?P<who>{NAME})\s+(?:at|from)\s+(?P<org>{NAME})", p)
        if at and self.kinds.kind_of(at.group("who")) == ActorKind.PERSON:
            # "said Tom Readhead at Peel Hunt": the person, with the firm they are at
            who = self._name(at.group("who"), shift)
            if who is not None and who.actor.kind == ActorKind.PERSON:
                org = self.known(self.strip_name(at.group("org")), ActorKind.ORGANIZATION)
                aff = Affiliation(who.actor, org, None, "", "en.affiliation.of")
                return Found(who.actor, "name", aff)
        found = self._name(p, shift) or self._named_institution(p, shift)
        if found is not None and found.how == "name" and self._media_lead(p):
            # "Madrid sports daily Diario Gol claimed": an outlet, whatever the verb
            a = found.actor
            found = Found(ActorRef(a.name, ActorKind.MEDIA, a.aliases, a.description), "name")
            self.speakers.append((shift, found.actor))
        return found

    def _described_by_origin(self, p: str) -> bool:
        """ "the French publisher", "the Dutch chipmaker": a demonym and a company noun
        point back to an organisation already named, like "the publisher" would (an
        institution, "the French government", is a body of its own)."""
        m = re.fullmatch(
            r"[Tt]he\s+(?P<dem>[A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+){0,2}(?P<noun>[a-z]+)", p
        )
        if m is None:
            return False
        rules = self.lex["descriptors"].rules
        institutions = {r.pattern for r in self.lex["institutions"].rules}
        return (
            any(r.pattern == m.group("dem").lower() and r.get("demonym") for r in rules)
            and any(r.pattern == m.group("noun") and r.get("org_noun") for r in rules)
            and m.group("noun") not in institutions
        )

    def _apposed_name(self, phrase: str, pos: int) -> Found | None:
        """ "The town's MP, Sarah Okafor, said": the role phrase stops at the comma, and
        the person it names follows it."""
        if not re.search(rf"(?<![\w-])(?:{self.roles.alt})\s*$", phrase):
            return None
        end = pos + len(phrase)
        m = re.match(rf"\s*,\s+(?P<n>{NAME})\s*,", self.text[end : end + 80])
        if m is None or self.kinds.kind_of(m.group("n")) != ActorKind.PERSON:
            return None
        found = self._name(m.group("n"), end + m.start("n"))
        return found if found is not None and found.actor.kind == ActorKind.PERSON else None

    def _org_unit(self, p: str, pos: int) -> Found | None:
        """ "Hollis's corporate office", "the company's press office": the organisation (C6).

        An office or team of an organisation (``data/en/org_units.jsonl``) after its
        name in the possessive, or after a back-reference ("the company's").
        """
        m = re.fullmatch(r"(?P<owner>.+?)(?:'s|’s|(?<=s)'|(?<=s)’)\s+(?P<unit>[a-z].*)", p)
        if m is None or not any(
            re.fullmatch(r.pattern, m.group("unit"), re.IGNORECASE)
            for r in self.lex["org_units"].rules
        ):
            return None
        owner = m.group("owner")
        if re.fullmatch(r"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+[a-z][\w\s-]*", owner):
            back = backref(self, owner.lower(), pos)
            if back is None or back.actor.kind != ActorKind.ORGANIZATION:
                back = Found(self.last_org(pos), "pronoun") if self.last_org(pos) else None
            return back
        name = self.strip_name(owner)
        if not name or not NAME_RE.fullmatch(name):
            return None
        # "Whitfield's office" after "Dana Whitfield": the office speaks for the person
        actor = self.known(name, ActorKind.ORGANIZATION)
        self.note(pos, actor)
        return Found(actor, "name")

    def _media_lead(self, p: str) -> bool:
        """Whether a media noun ("daily", "newsletter") describes the name that ends ``p``."""
        lead = re.match(r"(?:(?:[A-Z][\w-]*\s+)?[a-z][\w-]*\s+)+(?=[A-Z])", p)
        media = {r.pattern for r in self.lex["descriptors"].rules if r.get("media")}
        return lead is not None and bool(media.intersection(lead.group().lower().split()))

    def _anonymous(
        self, name: str, kind: ActorKind, surface: str, phrase: str, pos: int
    ) -> ActorRef:
        if kind == ActorKind.GROUP:
            owner = re.search(
                rf"(?P<org>{NAME})(?:'s|’s)?\s+(?:[a-z-]+\s+)*{re.escape(surface)}", phrase
            )
            if owner and self.strip_name(owner.group("org")):
                org = self.known(self.strip_name(owner.group("org")), ActorKind.ORGANIZATION)
                return ActorRef(f"{org.name} {name}", ActorKind.GROUP)
            own = re.search(r"\b(?:the|its)\s+(?P<noun>[a-z-]+)(?:'s|’s)", phrase)
            if own:
                noun = own.group("noun")
                org = self.last(self.described.get(noun, []), pos) or self.last_org(pos)
                if org is not None:
                    return ActorRef(f"{org.name} {name}", ActorKind.GROUP)
            return self.known(name, kind)
        return ActorRef(name, kind, description=surface, scope=self.scope)

    def _named_institution(self, p: str, pos: int) -> Found | None:
        """ "the Hong Kong exchange", "the Aragon regional government": a name and what it is."""
        m = re.fullmatch(
            rf"(?:(?:[Tt]he|[Aa]n?)\s+(?P<name>{NAME})|{NAME}(?:'s|’s))\s+(?:[a-z][\w-]*\s+)?"
            r"(?P<noun>[a-z][\w-]*)",
            p,
        )  # "Norway's energy ministry" too
        if m is None:
            return None
        noun = m.group("noun")
        org_nouns = {r.pattern for r in self.lex["descriptors"].rules if r.get("org_noun")}
        if noun not in org_nouns and noun not in {
            r.pattern for r in self.lex["institutions"].rules
        }:
            return None
        name = p.split(None, 1)[1] if m.group("name") else p
        actor = self.known(name, ActorKind.ORGANIZATION)
        self.note(pos, actor)
        return Found(actor, "name")

    def _name(self, p: str, pos: int) -> Found | None:
        for cand in (p, re.sub(r"^(?:the|a|an)\s+", "", p)):
            e = self.gaz.lookup(cand)
            bare = re.sub(r"^(?i:the|an?)\s+", "", cand)
            if e is not None and (bare.lower() != bare or e.name.lower() == e.name):
                # "the paper" is no outlet called The Paper: a name is capitalised
                actor = self.known(cand, e.kind)
                self.note(pos, actor)
                return Found(actor, "gazetteer")
        words = p.split()
        i = 0
        while (
            i < len(words)
            and (
                words[i] in ("The", "A", "An", "the", "a", "an")
                or self.is_descriptor(words[i])
                or words[i].endswith("-based")
            )
            and not self.official(words[i:])
        ):
            i += 1
        body = " ".join(words[i:])
        if body and not NAME_RE.fullmatch(body):
            # "the courier advocacy group Working Wheels": lower-case descriptors, then a name
            m = re.fullmatch(rf"(?:[A-Z][a-z-]*\s+)?(?:[a-z][\w'’-]*\s+){{0,4}}(?P<n>{NAME})", body)
            lead = body[: m.start("n")].lower().split() if m else []
            if m and lead and not _FUNCTION_WORDS.intersection(lead):
                return self._name(m.group("n"), pos + p.find(m.group("n")))
        if not body or not NAME_RE.fullmatch(body):
            return None
        name = self.strip_name(body)
        if not name or name in NOT_NAMES or name.lower() in self.roles.words:
            return None
        if not re.match(r"[A-Z]", name) or (body.split()[0] in NOT_NAMES and len(name) < 4):
            return None  # "November 10", "Nov 6": a date is nobody
        split = self.person_of(name)
        if split is not None:
            person, org = split
            self.note(pos, person)
            aff = Affiliation(person, org, None, "", "en.affiliation.of")
            return Found(person, "name", aff)
        if self.gaz.lookup(name) is None and name in self.short:
            actor = self.short[name]
        else:
            actor = self.known(name, self.kinds.kind_of(name))
        self.note(pos, actor)
        return Found(actor, "name")

    def person_of(self, name: str) -> tuple[ActorRef, ActorRef] | None:
        """ "Carla Mendes of Marquee Data": a person and the organisation they are with."""
        m = re.fullmatch(r"(?P<person>.+?)\s+(?:of|at|from)\s+(?P<org>[A-Z].+)", name)
        if m is None or self.gaz.lookup(name) is not None:
            return None
        if self.kinds.kind_of(m.group("person")) != ActorKind.PERSON:
            return None
        org = self.known(m.group("org"), ActorKind.ORGANIZATION)
        return self.known(m.group("person"), ActorKind.PERSON), org
