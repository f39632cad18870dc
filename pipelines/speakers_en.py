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

Descriptor and role words are data (``data/en/roles.jsonl``,
``data/en/descriptors.jsonl``, ``data/en/pronouns.jsonl``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.records import ActorKind, ActorRef, Affiliation
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon, Rule
from pipelines.mentions import Mention

__all__ = ["NAME", "Found", "SpeakerFinder", "capitalised_names"]

_WORD = r"(?:[A-Z]\.(?=\s+[A-Z])|[A-Z](?:[\w&'’-]|\.(?=\w))*|\d+\w*)"
_LINK = r"(?:(?:of|for|and|de|van|von|bin|&)(?:\s+the)?|the)"
NAME = rf"{_WORD}(?:\s+(?:{_LINK}\s+)?{_WORD})*"
_NAME_RE = re.compile(NAME)
_ARTICLE = re.compile(r"^(?:the|a|an|another|one|its|their)\s+", re.IGNORECASE)
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|that|which)\b.*$", re.DOTALL)
_TRAILING = re.compile(
    r"(?:\s+(?:on|in|at|during|last|this|earlier|late|early|over)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+)(?:\s+(?:\d+|night|morning|afternoon|evening))?"
    r"|\s+(?:also|later|previously|earlier|publicly|separately|then|further|again|first|"
    r"initially|quickly|flatly|firmly|officially|has|have|had|was|were|is|are|would|"
    r"will|now|recently|privately|yesterday|today))+$",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "It",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "According",
        "Last",
        "Next",
        "However",
        "Meanwhile",
        "Still",
        "Yet",
        "While",
        "Although",
        "After",
        "Before",
        "Asked",
        "When",
        "If",
        "As",
        "For",
        "With",
        "Some",
        "Several",
        "Many",
        "Most",
        "Other",
        "Another",
        "Both",
        "Each",
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "after",
        "before",
        "when",
        "since",
        "as",
        "while",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "and",
        "but",
        "or",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "said",
        "says",
        "told",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "not",
        "also",
    ]
)
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_ORG_SUFFIX = re.compile(
    r"\b(?:Inc|Corp|Ltd|LLC|Co|Group|Games|Studios?|Auto|Motors|Commerce|Council|"
    r"Ventures|Partners|Capital|Research|Analysis|Analytics|Interactive|Ministry|"
    r"Government|Agency|Bank|Holdings|Technologies|Technology|Labs|Media|News|Times|"
    r"Post|Journal|Association|Union|Institute|University|Foundation|Securities|"
    r"Insights|Intelligence|Consulting|Entertainment|Electronics|Network|Systems|"
    r"Leaks|Pulse|Department|Office|Commission|Authority|Bureau|Court|Party|Club|"
    r"ISI|AG|SA|SE|PLC|plc)\b"
)


@dataclass(frozen=True)
class Found:
    """A resolved speaker, and who it speaks through or for."""

    actor: ActorRef
    how: str  # gazetteer | name | role | anonymous | pronoun | backref
    affiliation: Affiliation | None = None


def capitalised_names(text: str) -> list[tuple[int, str]]:
    """``(start, name)`` of runs of capitalised words (a weak signal for names)."""
    out = []
    for m in _NAME_RE.finditer(text):
        name = m.group().rstrip(".'’")
        words = name.split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        while words and words[-1].lower() in ("of", "for", "and", "the", "de", "&"):
            words = words[:-1]
        if words:
            name = " ".join(words)
            out.append((m.start() + m.group().find(words[0]), name))
    return out


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
        roles = sorted((r for r in lexicon["roles"].rules), key=lambda r: -len(r.pattern))
        self._roles = roles
        self._role_alt = "(?i:" + "|".join(re.escape(r.pattern) for r in roles) + ")"
        self._role_words = {w.lower() for r in roles for w in r.pattern.split()}
        desc = sorted((r.pattern for r in lexicon["descriptors"].rules), key=len, reverse=True)
        self._desc_re = re.compile(
            r"^(?:(?:(?i:" + "|".join(re.escape(d) for d in desc) + r")|[\w-]+-based)\s+)+"
        )
        # (position, actor) of people and organisations named so far
        self.people: list[tuple[int, ActorRef]] = []
        self.orgs: list[tuple[int, ActorRef]] = []
        self.anonymous: list[tuple[int, ActorRef]] = []
        self.spokes: list[tuple[int, ActorRef]] = []  # organisations that spoke via a spokesperson
        self.groups: list[tuple[int, ActorRef]] = []
        self.speakers: list[tuple[int, ActorRef]] = []
        self.short: dict[str, ActorRef] = {}
        self._prescan()

    # -- knowledge -------------------------------------------------------------
    def known(self, name: str, kind: ActorKind, description: str = "") -> ActorRef:
        e = self.gaz.lookup(name)
        if name in self.short and (e is None or not self._named_here(e.name)):
            # "Kestrel" after "Kestrel Motors": this article's long form beats an entry
            # the gazetteer knows under the same short alias but this article never names
            return self.short[name]
        return self.gaz.ref(name, kind, description)

    def _named_here(self, name: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.text) is not None

    def _split_runs(self) -> list[tuple[int, str]]:
        """Capitalised runs, split at possessives and at role titles.

        "South Korea's Hanvale Semiconductor" -> South Korea, Hanvale Semiconductor;
        "Fleetbite Chief Executive Sam Whitaker" -> Fleetbite, Sam Whitaker.
        """
        out: list[tuple[int, str]] = []
        role = re.compile(rf"(?<![\w-])(?:{self._role_alt}|(?i:officer))(?![\w-])")
        for pos, name in capitalised_names(self.text):
            parts: list[tuple[int, str]] = []
            k = 0
            for m in re.finditer(r"(?:'s|’s|'|’)(?=\s|$)", name):
                parts.append((pos + k, name[k : m.start()]))
                k = m.end()
            parts.append((pos + k, name[k:]))
            for ppos, part in parts:
                lead = len(part) - len(part.lstrip())
                ppos, part = ppos + lead, part.strip()
                roles = list(role.finditer(part))
                if roles:
                    r = roles[-1]
                    person = part[r.end() :].strip()
                    if person and self._kind_of(person) == ActorKind.PERSON:
                        org = part[: roles[0].start()].strip()
                        if org and not any(w.lower() in self._role_words for w in org.split()):
                            out.append((ppos, org))
                        out.append((ppos + r.end() + 1, person))
                        continue
                if part:
                    out.append((ppos, part))
        return out

    def _prescan(self) -> None:
        """Multi-word names in order: their first word (orgs) or surname (people) refer back."""
        for pos, name in self._split_runs():
            words = name.split()
            if len(words) < 2 or self.gaz.lookup(name) is not None or "'" in name:
                continue
            kind = self._kind_of(name)
            ref = ActorRef(name, kind)
            key = words[-1] if kind == ActorKind.PERSON else words[0]
            if key not in self.short and key not in _NOT_NAMES and len(key) > 2:
                self.short[key] = ActorRef(name, kind, (key,))
            if kind != ActorKind.PERSON:
                # "the Office of the Comptroller of the Currency" ... "The OCC said"
                caps = [w[0] for w in words if w[0].isupper() and w not in _NOT_NAMES]
                acro = "".join(caps)
                if (
                    len(caps) >= 3
                    and acro not in self.short
                    and re.search(rf"(?<!\w){acro}(?!\w)", self.text)
                ):
                    self.short[acro] = ActorRef(name, kind, (acro,))
            if kind == ActorKind.PERSON:
                self.short.setdefault(name, ref)
                # the subject of a sentence ("Omar Reyes runs a shop.") is who "he" is next
                if not self._quoted(pos) and (
                    pos == 0 or re.search(r"(?:[.!?]\s+|\n)$", self.text[max(0, pos - 3) : pos])
                ):
                    self.people.append((pos, ref))
        # "Bidwave, a live-shopping app …" / "carmaker Aurex Auto": "the app", "the carmaker"
        nouns = "|".join(
            re.escape(r.pattern) for r in self.lex["descriptors"].rules if r.pattern.islower()
        )
        self.described: dict[str, list[tuple[int, ActorRef]]] = {}
        noun_set = {r.pattern for r in self.lex["descriptors"].rules if r.pattern.islower()}
        for m in re.finditer(rf"(?P<name>{NAME}),\s+(?:an?|the)\s+(?P<app>[^,.;]+)", self.text):
            name = self._strip_name(m.group("name"))
            if name and self._kind_of(name) != ActorKind.PERSON:
                actor = self.known(name, ActorKind.ORGANIZATION)
                for word in m.group("app").split()[:5]:
                    if word in noun_set:
                        self.described.setdefault(word, []).append((m.start("name"), actor))
        for m in re.finditer(rf"\b(?P<noun>{nouns})\s+(?P<name>{NAME})", self.text):
            name = self._strip_name(m.group("name"))
            if name and self._kind_of(name) != ActorKind.PERSON:
                actor = self.known(name, ActorKind.ORGANIZATION)
                self.described.setdefault(m.group("noun"), []).append((m.start("name"), actor))
        # "Sun Yue, a supply-chain analyst at TrendForce," names a person others refer back to
        role = self._role_alt
        for m in re.finditer(
            rf"(?P<name>{NAME}),\s+(?:an?|the)\s+[\w -]{{0,30}}?\b(?:{role})\b", self.text
        ):
            name = self._strip_name(m.group("name"))
            if name and self._kind_of(name) == ActorKind.PERSON:
                self.note(m.start("name"), self.known(name, ActorKind.PERSON))

    def _quoted(self, pos: int) -> bool:
        line_start = self.text.rfind("\n", 0, pos) + 1
        return self.text.count('"', line_start, pos) % 2 == 1

    def _kind_of(self, name: str) -> ActorKind:
        e = self.gaz.lookup(name)
        if e is not None:
            return e.kind
        words = name.split()
        if _ORG_SUFFIX.search(name) or "'" in name or "’" in name:
            return ActorKind.ORGANIZATION
        if 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z]\.|[A-Z][a-z'’-]+", w) for w in words):
            # people are named again by surname, organisations by their first word
            if self._alone(words[0]) and not self._alone(words[-1]):
                return ActorKind.ORGANIZATION
            return ActorKind.PERSON
        return ActorKind.ORGANIZATION

    def _alone(self, word: str) -> bool:
        """Whether ``word`` is, somewhere in the text, a name on its own."""
        if not hasattr(self, "_singles"):
            self._singles = {
                re.sub(r"(?:'s|’s|'|’)$", "", n) for _, n in capitalised_names(self.text)
            }
        return word in self._singles

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

    @staticmethod
    def _last(table: list[tuple[int, ActorRef]], pos: int) -> ActorRef | None:
        best = [(p, a) for p, a in table if p < pos]
        return max(best, key=lambda x: x[0])[1] if best else None

    def last_org(self, pos: int) -> ActorRef | None:
        # not inside a quote, nor the first word of a longer name ("Kestrel" of "Kestrel Motors")
        orgs = [
            (m.start, self.known(m.name, m.kind))
            for m in self.mentions
            if m.kind in (ActorKind.ORGANIZATION,)
            and not self._quoted(m.start)
            and not re.match(r"\s+[A-Z]", self.text[m.end : m.end + 2])
        ]
        return self._last(orgs + self.orgs, pos)

    # -- resolution ------------------------------------------------------------
    def _strip_name(self, name: str) -> str:
        words = name.split()
        while words and (words[0] in _NOT_NAMES or self._is_descriptor(words[0])):
            words = words[1:]
        return " ".join(words)

    def _is_descriptor(self, word: str) -> bool:
        return any(r.pattern.lower() == word.lower() for r in self.lex["descriptors"].rules)

    def clean(self, phrase: str) -> str:
        p = phrase.strip(" ,;:")
        p = re.sub(r"^(?:and|but|while|as|so)\s+", "", p, flags=re.IGNORECASE)
        p = _RELATIVE.sub("", p)
        p = re.sub(r"^(?:[A-Z][\w.]*\s+)*[\w.]+-based\s+", "", p)
        p = re.sub(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+(?=[A-Z])", "", p)
        for _ in range(3):
            p = _TRAILING.sub("", p).strip(" ,")
        return p

    def resolve(self, phrase: str, pos: int) -> Found | None:
        """The speaker named by ``phrase`` (found at ``pos`` in the text), or ``None``."""
        raw = phrase
        p = self.clean(phrase)
        if not p or len(p.split()) > 12 or '"' in p or "“" in p:
            return None
        shift = pos + max(raw.find(p), 0)
        low = p.lower()
        back = self._backref(low, shift)
        if back is not None:
            return back
        anon = [m for m in self.mentions if shift <= m.start and m.end <= shift + len(p)]
        anon = [m for m in anon if m.kind in (ActorKind.ANONYMOUS, ActorKind.GROUP)]
        if anon and not capitalised_names(p[: anon[0].start - shift]):
            m = anon[0]
            return Found(self._anonymous(m.name, m.kind, m.surface, p, shift), "anonymous")
        role = self._role(p, shift)
        if role is not None:
            return role
        return self._name(p, shift)

    def _anonymous(
        self, name: str, kind: ActorKind, surface: str, phrase: str, pos: int
    ) -> ActorRef:
        if kind == ActorKind.GROUP:
            owner = re.search(
                rf"(?P<org>{NAME})(?:'s|’s)?\s+(?:[a-z-]+\s+)*{re.escape(surface)}", phrase
            )
            if owner and self._strip_name(owner.group("org")):
                org = self.known(self._strip_name(owner.group("org")), ActorKind.ORGANIZATION)
                return ActorRef(f"{org.name} {name}", ActorKind.GROUP)
            own = re.search(r"\b(?:the|its)\s+(?P<noun>[a-z-]+)(?:'s|’s)", phrase)
            if own:
                noun = own.group("noun")
                org = self._last(self.described.get(noun, []), pos) or self.last_org(pos)
                if org is not None:
                    return ActorRef(f"{org.name} {name}", ActorKind.GROUP)
            return self.known(name, kind)
        return ActorRef(name, kind, description=surface, scope=self.scope)

    def _backref(self, low: str, pos: int) -> Found | None:
        rule = next((r for r in self.lex["pronouns"].rules if r.pattern == low), None)
        if rule is None:
            return None
        refers = rule.get("refers", "person")
        actor: ActorRef | None
        if refers == "person":
            actor = self._last(self.people, pos)
        elif refers == "speaker":
            actor = self._last(self.speakers, pos)
        elif refers == "organization":
            noun = low.split()[-1]
            actor = self._last(self.described.get(noun, []), pos) or self.last_org(pos)
        elif refers == "spokesperson":
            actor = self._last(self.spokes, pos) or self.last_org(pos)
        elif refers == "group":
            spoke = [(p, a) for p, a in self.speakers if a.kind == ActorKind.ORGANIZATION]
            actor = self._last(self.groups, pos) or self._last(spoke, pos)
        else:  # an anonymous source named by a word of its descriptor ("the insider")
            word = rule.get("word", "")
            cands = [(p, a) for p, a in self.anonymous if word in (a.description + a.name).lower()]
            actor = self._last(cands, pos)
        if actor is None:
            return None
        return Found(actor, "pronoun")

    def _role(self, p: str, pos: int) -> Found | None:
        role = self._role_alt
        # "a TikTok spokesperson" / "TikTok's spokeswoman"
        m = re.fullmatch(
            rf"(?:(?:[Aa]n?|[Tt]he)\s+)?(?P<org>{NAME}?)(?:'s|’s)?\s+(?:[\w-]+\s+)?(?P<role>{role})",
            p,
        )
        if m and self._speaks_for(m.group("role")) and self._strip_name(m.group("org")):
            org_name = re.sub(r"(?:'s|’s|')$", "", self._strip_name(m.group("org")))
            org = self.known(org_name, ActorKind.ORGANIZATION)
            self.spokes.append((pos, org))
            return Found(org, "role")
        # "the company's spokesperson" / "its spokeswoman"
        m = re.fullmatch(
            rf"(?:(?:[Tt]he\s+(?P<noun>[a-z-]+)(?:'s|’s))|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+)?"
            rf"(?P<role>{role})(?:\s*,?\s+(?P<name>{NAME}))?",
            p,
        )
        if m and self._speaks_for(m.group("role")):
            noun = m.group("noun") or "company"
            org = self._last(self.described.get(noun, []), pos) or self.last_org(pos)
            if org is not None:
                self.spokes.append((pos, org))
                return Found(org, "role")
        # "a spokesman for the Aragon regional government"
        m = re.fullmatch(
            rf"(?:(?:[Aa]n?|[Tt]he)\s+)?(?P<role>{role})\s+(?:for|of|at|with)\s+(?:the\s+)?(?P<org>.+)",
            p,
        )
        if m and self._speaks_for(m.group("role")):
            org = self.known(m.group("org").strip(), ActorKind.ORGANIZATION)
            self.spokes.append((pos, org))
            return Found(org, "role")
        # "Bidwave co-founder Marcus Hale" / "spokeswoman Elena Marsh" / "Chief executive X"
        m = re.fullmatch(
            rf"(?:(?:[Aa]n?|[Tt]he)\s+)?(?:(?P<org>{NAME}?)(?:'s|’s)?\s+)?(?:[\w-]+\s+)?"
            rf"(?P<role>{role})\s+(?P<name>{NAME})",
            p,
        )
        if (
            m
            and _NAME_RE.fullmatch(m.group("name"))
            and m.group("name")[0].isupper()
            and m.group("name").lower() not in self._role_words
        ):
            name = self._strip_name(m.group("name"))
            if not name:
                return None
            person = self.known(name, ActorKind.PERSON)
            org_name = re.sub(r"(?:'s|’s|')$", "", self._strip_name(m.group("org") or ""))
            if org_name.lower() in self._role_words:
                org_name = ""
            org = self.known(org_name, ActorKind.ORGANIZATION) if org_name else None
            role_rule = self._role_rule(m.group("role"))
            if self._speaks_for(m.group("role")):
                org = org or self._last(self.spokes, pos) or self.last_org(pos)
                if org is None:
                    return Found(person, "role")
                self.spokes.append((pos, org))
                aff = Affiliation(person, org, role_rule.get("role"), "", "en.affiliation.role")
                return Found(org, "role", aff)
            self.note(pos, person)
            aff = (
                Affiliation(person, org, role_rule.get("role"), "", "en.affiliation.role")
                if org is not None
                else None
            )
            return Found(person, "role", aff)
        return None

    def _role_rule(self, word: str) -> Rule:
        return next(r for r in self._roles if r.pattern.lower() == word.lower())

    def _speaks_for(self, word: str) -> bool:
        return bool(self._role_rule(word).get("speaks_for_organization"))

    def _name(self, p: str, pos: int) -> Found | None:
        for cand in (p, re.sub(r"^(?:the|a|an)\s+", "", p)):
            e = self.gaz.lookup(cand)
            if e is not None:
                actor = self.known(cand, e.kind)
                self.note(pos, actor)
                return Found(actor, "gazetteer")
        words = p.split()
        i = 0
        while i < len(words) and (
            words[i] in ("The", "A", "An", "the", "a", "an")
            or self._is_descriptor(words[i])
            or words[i].endswith("-based")
        ):
            i += 1
        body = " ".join(words[i:])
        if body and not _NAME_RE.fullmatch(body):
            # "the courier advocacy group Working Wheels": lower-case descriptors, then a name
            m = re.fullmatch(rf"(?:[A-Z][a-z-]*\s+)?(?:[a-z][\w-]*\s+){{0,4}}(?P<n>{NAME})", body)
            lead = body[: m.start("n")].lower().split() if m else []
            if m and lead and not _FUNCTION_WORDS.intersection(lead):
                return self._name(m.group("n"), pos + p.find(m.group("n")))
        if not body or not _NAME_RE.fullmatch(body):
            return None
        name = self._strip_name(body)
        if not name or name in _NOT_NAMES or name.lower() in self._role_words:
            return None
        if self.gaz.lookup(name) is None and name in self.short:
            actor = self.short[name]
        else:
            actor = self.known(name, self._kind_of(name))
        self.note(pos, actor)
        return Found(actor, "name")

    def _starts_desc(self, p: str) -> bool:
        first = p.split()[0]
        return self._is_descriptor(first)
