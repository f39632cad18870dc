"""English attribution: the basic patterns of news English.

``"…," said X`` / ``"…," X said`` / ``X said: "…"`` / ``X said (that) …`` /
``X told Reuters (that) …`` / ``according to X, …`` / ``X denied …`` /
``X declined to comment``, with the speaker found among gazetteer mentions,
source descriptors ("people familiar with the matter"), pronouns, role
phrases ("a TikTok spokesperson" -> TikTok) and capitalised names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.records import ActorKind, ActorRef, Affiliation, Article, ExtractedStatement, Stance
from pipelines.attribution_zh import Attribution
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon, RuleMatch
from pipelines.mentions import Mention, find_mentions
from pipelines.stance import read_stance

__all__ = ["EnglishAttributor", "find_en_quotes"]

_NAME = r"[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|de|van|von|bin))*"
_QUOTE = re.compile(r"\"([^\"\n]{2,}?)\"|“([^”\n]{2,}?)”")
_CONTENT_LEAD = re.compile(r"^\s*(?:that\s+|on\s+|reports?\s+that\s+|claims?\s+that\s+|,\s*)*")
_CONTENT_TRAIL = re.compile(r"[\s.,;:!?\"”]+$")
# "…, a spokesperson said on Friday, after weeks of rumours" ends the content
_CONTENT_STOP = re.compile(
    r",\s+(?:(?:an?|the)\s+)?[\w .'-]{0,40}?\b(?:said|says|told|added|according)\b"
)
_ROLE_ORG = re.compile(
    rf"(?:an?|the)\s+(?P<org>{_NAME})\s+(?P<role>spokesperson|spokesman|spokeswoman|representative)$"
)
_PRONOUNS = {
    "he": ActorKind.PERSON,
    "she": ActorKind.PERSON,
    "they": ActorKind.PERSON,
    "it": ActorKind.ORGANIZATION,
    "the company": ActorKind.ORGANIZATION,
}
_TRAILING_AUX = re.compile(
    r"(?:\s+(?:has|have|had|also|later|previously|earlier|publicly|separately|then|further|"
    r"again|first|initially|quickly|flatly|firmly|officially))+$",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(
    r"^\s*,\s*(?:an?\s+|the\s+)?(?P<role>[\w -]{2,30}?)\s+(?:of|at|for|with)\s+(?P<org>"
    + _NAME
    + r")"
)
_NOT_NAMES = frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "But",
        "And",
        "It",
        "This",
        "That",
        "He",
        "She",
        "They",
        "We",
        "I",
        "According",
        "Last",
        "Next",
        "However",
    }
)


def find_en_quotes(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of quoted content (without the marks)."""
    out = []
    for m in _QUOTE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        out.append((m.start(g), m.end(g)))
    return out


class EnglishAttributor:
    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lex = lexicon
        self.gaz = gazetteer
        phrases = sorted((r.pattern for r in lexicon["cues"].rules), key=len, reverse=True)
        self._cue_alt = "|".join(re.escape(p) for p in phrases)

    def __call__(self, doc: Doc, article: Article) -> Attribution:
        run = _Run(self, doc, article)
        run.run()
        return run.out


class _Run:
    def __init__(self, owner: EnglishAttributor, doc: Doc, article: Article) -> None:
        self.o = owner
        self.lex = owner.lex
        self.doc = doc
        self.text = doc.text
        outlet = article.outlet or article.republished_from
        entry = owner.gaz.lookup(outlet) if outlet else None
        self.scope = entry.name if entry else outlet
        self.article = article
        self.mentions: list[Mention] = find_mentions(doc, owner.lex)
        self.quotes = find_en_quotes(self.text)
        self.out = Attribution()
        self.last: ActorRef | None = None
        self.used: list[tuple[int, int]] = []
        # "Dana Whitfield" is later "Whitfield": short names of people seen so far
        self.people: dict[str, ActorRef] = {}

    def _known(self, name: str, kind: ActorKind, description: str = "") -> ActorRef:
        e = self.o.gaz.lookup(name)
        if e is None:
            return ActorRef(name, kind, description=description)
        return ActorRef(e.name, e.kind, e.aliases, description or e.description)

    def _speaker(self, phrase: str, offset: int, *, head_first: bool) -> ActorRef | None:
        """Speaker in ``phrase`` (text at ``offset``); head at its end unless ``head_first``."""
        p = _TRAILING_AUX.sub("", phrase.strip(" ,")).strip(" ,")
        if not p:
            return None
        shift = offset + phrase.find(p)
        low = p.lower()
        if low in _PRONOUNS:
            if _PRONOUNS[low] == ActorKind.ORGANIZATION:
                m = next(
                    (
                        m
                        for m in reversed(self.mentions)
                        if m.end <= shift and m.kind == ActorKind.ORGANIZATION
                    ),
                    None,
                )
                return self._known(m.name, m.kind) if m else None
            return self.last
        rm = _ROLE_ORG.search(p) if not head_first else _ROLE_ORG.match(p)
        if rm:
            return self._known(rm.group("org"), ActorKind.ORGANIZATION)
        spans = [m for m in self.mentions if shift <= m.start and m.end <= shift + len(p)]
        if spans:
            m = spans[0] if head_first else spans[-1]
            if (head_first and m.start - shift > 4) or (
                not head_first and shift + len(p) - m.end > 1
            ):
                spans = []
            else:
                if m.kind == ActorKind.ANONYMOUS:
                    return ActorRef(m.name, m.kind, scope=self.scope, description=m.surface)
                return self._known(m.name, m.kind)
        names = re.findall(_NAME, p)
        names = [n for n in names if n.split()[0] not in _NOT_NAMES or len(n.split()) > 1]
        if not names:
            return None
        name = names[0] if head_first else names[-1]
        name = re.sub(r"^(?:The|A|An)\s+", "", name)
        if name in self.people:
            return self.people[name]
        kind = ActorKind.PERSON if len(name.split()) >= 2 else ActorKind.ORGANIZATION
        rest = p[p.find(name) + len(name) :].strip(" ,")
        return self._known(name, kind, rest if head_first else p[: p.find(name)].strip(" ,"))

    def _add(
        self,
        speaker: ActorRef,
        cue: RuleMatch | None,
        base: Stance,
        sent: tuple[int, int],
        content: tuple[int, int],
        rule: str,
        quote: bool,
        conf: float,
    ) -> None:
        s0, s1 = sent
        c0, c1 = content
        raw = self.text[c0:c1]
        if not quote:
            lead = _CONTENT_LEAD.match(raw)
            c0 += lead.end() if lead else 0
            stop = _CONTENT_STOP.search(self.text, c0, c1)
            c1 = stop.start() if stop else c1
            raw = self.text[c0:c1]
        context = self.text[s0 : c0 - 1] + self.text[c1 + 1 : s1] if quote else self.text[s0:c0]
        reading = read_stance(raw, base, self.lex, context, quoted=quote)
        claim = _CONTENT_TRAIL.sub("", raw.strip())
        refers = None
        if reading.points_back:
            refers = next(
                (
                    s.local_id
                    for s in reversed(self.out.statements)
                    if s.claim_text and s.stance in (Stance.ASSERTS, Stance.REPORTS)
                ),
                None,
            )
        if refers is None and len(claim.split()) < 3:
            return
        about = tuple(
            dict.fromkeys(
                self._known(m.name, m.kind)
                for m in self.mentions
                if c0 <= m.start and m.end <= c1 and m.kind != ActorKind.ANONYMOUS
            )
        )
        self.out.statements.append(
            ExtractedStatement(
                local_id=f"s{len(self.out.statements) + 1}",
                speaker=speaker,
                stance=reading.stance,
                evidence=self.text[s0:s1],
                start=s0,
                end=s1,
                rule=rule,
                claim_text=None if refers else claim,
                refers_to=refers,
                about=about,
                quote=raw if quote else None,
                quote_start=c0 if quote else None,
                quote_end=c1 if quote else None,
                cue=cue.text if cue else "",
                hedges=reading.hedges,
                via=None,
                confidence=conf,
            )
        )
        if speaker.kind != ActorKind.MEDIA:
            self.last = speaker
        if speaker.kind == ActorKind.PERSON:
            parts = speaker.name.replace(".", ". ").split()
            self.people[speaker.name] = speaker
            if len(parts) >= 2:
                self.people[parts[-1]] = speaker

    def _affiliation(self, person: ActorRef, after: str, sent: tuple[int, int]) -> None:
        """``X, co-founder of Y`` / ``X, an analyst at Y`` -> an affiliation edge."""
        m = _APPOSITIVE.match(after)
        if m is None or person.kind != ActorKind.PERSON:
            return
        role = self.lex["roles"].search(m.group("role").lower())
        if role is None:
            return
        org = self._known(m.group("org").rstrip("."), ActorKind.ORGANIZATION)
        self.out.affiliations.append(
            Affiliation(
                person,
                org,
                role.rule.get("role"),
                self.text[sent[0] : sent[1]],
                "en.affiliation.appositive",
            )
        )

    def _cue_at(self, text: str, start: int, end: int) -> RuleMatch | None:
        return self.lex["cues"].search(text, start, end)

    def run(self) -> None:
        cue = self.o._cue_alt
        for sent in self.doc.sents:
            s0, s1 = sent.start_char, sent.end_char
            st = self.text[s0:s1]
            quotes = [(a, b) for a, b in self.quotes if s0 <= a < s1]
            bound = []
            for a, b in quotes:
                after = self.text[b + 1 : s1]
                before = self.text[s0 : a - 1]
                m = re.match(rf"\s*,?\s*(?P<cue>{cue})\s+(?P<spk>[^,;]+?)(?=\s*[,;]|\.?$)", after)
                spk = None
                if m:
                    spk = self._speaker(m.group("spk"), b + 1 + m.start("spk"), head_first=True)
                    if spk is not None:
                        self._affiliation(spk, self.text[b + 1 + m.end("spk") : s1], (s0, s1))
                if spk is None:
                    m = re.match(rf"\s*,?\s*(?P<spk>[^,.;\"“”]+?)\s+(?P<cue>{cue})\b", after)
                    if m:
                        spk = self._speaker(
                            m.group("spk"), b + 1 + m.start("spk"), head_first=False
                        )
                if spk is None:
                    m = re.search(rf"(?P<spk>[^,.;\"“”]+?)\s+(?P<cue>{cue})\s*[:,]?\s*$", before)
                    if m:
                        spk = self._speaker(m.group("spk"), s0 + m.start("spk"), head_first=False)
                if spk is None or m is None:
                    continue
                cm = self._cue_at(m.group("cue"), 0, len(m.group("cue")))
                self._add(
                    spk,
                    cm,
                    Stance(cm.rule.get("stance")) if cm else Stance.ASSERTS,
                    (s0, s1),
                    (a, b),
                    "en.quote",
                    True,
                    0.85,
                )
                bound.append((a - 1, b + 1))
            if bound:
                continue
            for am in self.lex["according"].finditer(self.text, s0, s1):
                a, b = am.spans["speaker"]
                spk = self._speaker(self.text[a:b], a, head_first=True)
                if spk is not None:
                    self._add(
                        spk, None, Stance.ASSERTS, (s0, s1), (am.end, s1), am.rule.id, False, 0.75
                    )
                    bound.append((am.start, s1))
            if bound:
                continue
            for m in re.finditer(rf"(?P<spk>[^,;\"“”]+?)\s+(?P<cue>{cue})\b", st):
                spk = self._speaker(m.group("spk"), s0 + m.start("spk"), head_first=False)
                if spk is None:
                    continue
                cm = self._cue_at(m.group("cue"), 0, len(m.group("cue")))
                tail = st[m.end() :]
                told = (
                    re.match(rf"\s+(?:{_NAME})(?=\s+that\b|\s*[,.])", tail)
                    if m.group("cue") == "told"
                    else None
                )
                c0 = s0 + m.end() + (told.end() if told else 0)
                self._add(
                    spk,
                    cm,
                    Stance(cm.rule.get("stance")) if cm else Stance.ASSERTS,
                    (s0, s1),
                    (c0, s1),
                    "en.reported",
                    False,
                    0.75,
                )
                break
        refs: dict[ActorRef, None] = {}
        for name in (
            self.article.outlet,
            self.article.republished_from,
            self.article.republished_by,
        ):
            if name:
                refs.setdefault(self._known(name, ActorKind.MEDIA), None)
        for m in self.mentions:
            refs.setdefault(
                ActorRef(m.name, m.kind, scope=self.scope)
                if m.kind == ActorKind.ANONYMOUS
                else self._known(m.name, m.kind),
                None,
            )
        self.out.mentions = list(refs)
