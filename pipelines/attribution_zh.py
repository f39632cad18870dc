"""Chinese attribution: who said what, with which stance, in one article.

Three passes per sentence, each driven by rule files of ``data/zh``:

1. direct quotes bound to a speaker before them (``X表示：“…”``, ``其称：“…”``)
   or after them (``“…”X告诉虎嗅``, ``“…”X在分析…时如此说道``); quotation marks
   that no speaker claims (“小黄车”, “Aquaman”) are terms, not speech;
2. ``according`` patterns: 据X报道 / 据《X》援引Y报道 / 据称 / 网传 / 被爆;
3. reported speech: a speaker phrase, a cue word (称, 认为, 透露, 否认 …) and
   the content after it.

Stance comes from the cue and from phrases in the content (see
:mod:`pipelines.stance`); a denial that points back with an anaphor (此消息,
对此) takes up the claim of the statement before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from graph.records import ActorKind, ActorRef, Affiliation, Article, ExtractedStatement, Stance
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon, RuleMatch
from pipelines.mentions import Mention, find_mentions
from pipelines.sentences import QUOTE_PAIRS
from pipelines.speakers_zh import SpeakerParser, SpeakerPhrase
from pipelines.stance import StanceReading, read_stance

__all__ = ["Attribution", "ChineseAttributor", "find_quotes"]

_CLAUSE_PUNCT = "，,；;：:"
_AFTER_CUE_TO_QUOTE = re.compile(r"(?:道)?\s*[:：，,]?\s*$")
_CONTENT_LEAD = re.compile(r"(?:了|称|说|道|表示)?[\s，,：:]*")  # used with .match(text, pos)
_CONTENT_TRAIL = re.compile(r"[\s。！？!?；;，,…]+$")
_DENIAL_OBJECT = re.compile(r"(?:的|之)?(?:传闻|消息|说法|传言|报道|一事|言论)$")
_FUTURE_LEAD = re.compile(r"^(?:将|会|要|已经|已|正在|正|计划|即将|准备|拟)")
_UNNAMED = "未具名消息来源"
# in reported speech, "…，但…" usually hands the sentence back to the writer
_ADVERSATIVE = re.compile(r"[，,；;](?:但是|但|不过|然而|可是|而)")


@dataclass(frozen=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close


def find_quotes(text: str) -> list[Quote]:
    """Balanced quotation pairs, paragraph by paragraph.

    A paragraph with unbalanced marks yields no quotes at all: guessing which
    mark is missing would produce garbage attributions.
    """
    closers = {v: k for k, v in QUOTE_PAIRS.items()}
    quotes: list[Quote] = []
    offset = 0
    for para in text.split("\n"):
        stack: list[tuple[str, int]] = []
        found: list[Quote] = []
        ok = True
        for i, ch in enumerate(para):
            if ch in QUOTE_PAIRS:
                stack.append((ch, i))
            elif ch in closers:
                if not stack or stack[-1][0] != closers[ch]:
                    ok = False
                    break
                _, start = stack.pop()
                if not stack:
                    found.append(Quote(offset + start, offset + i))
        if ok and not stack:
            quotes.extend(found)
        offset += len(para) + 1
    return sorted(quotes, key=lambda q: q.open)


@dataclass
class Attribution:
    """Everything attribution found in one document."""

    statements: list[ExtractedStatement] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    mentions: list[ActorRef] = field(default_factory=list)


class ChineseAttributor:
    """Applies the ``zh`` rules to a spaCy ``Doc`` of one article."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer, tagger: object) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.tagger = tagger

    def __call__(self, doc: Doc, article: Article) -> Attribution:
        return _ArticleRun(self, doc, article).run()


class _ArticleRun:
    def __init__(self, owner: ChineseAttributor, doc: Doc, article: Article) -> None:
        self.lex = owner.lexicon
        self.gaz = owner.gazetteer
        self.doc = doc
        self.text = doc.text
        self.article = article
        outlet = article.outlet or article.republished_from
        entry = self.gaz.lookup(outlet) if outlet else None
        self.scope = entry.name if entry else outlet
        self.mentions: list[Mention] = find_mentions(doc, owner.lexicon)
        self.token_starts = {t.idx for t in doc}
        self.token_ends = {t.idx + len(t.text) for t in doc}
        self.parser = SpeakerParser(
            self.text,
            self.mentions,
            owner.lexicon,
            owner.tagger,
            self.token_starts,  # type: ignore[arg-type]
        )
        self.quotes = find_quotes(self.text)
        self.out = Attribution()
        self.consumed: list[tuple[int, int]] = []
        self.last_speaker: tuple[int, ActorRef] | None = None

    # -- helpers -------------------------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        return any(q.open < pos < q.close for q in self.quotes)

    def _is_consumed(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.consumed)

    def _aligned(self, m: RuleMatch) -> bool:
        return m.start in self.token_starts and m.end in self.token_ends

    def _cues(self, start: int, end: int) -> list[RuleMatch]:
        return [
            m
            for m in self.lex["cues"].finditer(self.text, start, end)
            if self._aligned(m)
            and not self._in_quote(m.start)
            and not self._is_consumed(m.start, m.end)
        ]

    def _clause_start(self, pos: int, floor: int) -> int:
        i = pos
        while i > floor and self.text[i - 1] not in _CLAUSE_PUNCT + "”」":
            i -= 1
        return i

    def _outlet_ref(self) -> ActorRef:
        if self.scope:
            return self._known(self.scope, ActorKind.MEDIA)
        return ActorRef(_UNNAMED, ActorKind.ANONYMOUS)

    def _known(self, name: str, kind: ActorKind, description: str = "") -> ActorRef:
        entry = self.gaz.lookup(name)
        if entry is None:
            return ActorRef(name, kind, description=description)
        return ActorRef(entry.name, entry.kind, entry.aliases, description or entry.description)

    def _speaker_ref(self, sp: SpeakerPhrase) -> ActorRef | None:
        if sp.how == "pronoun":
            return self._resolve_pronoun(sp)
        if sp.kind == ActorKind.ANONYMOUS:
            return ActorRef(sp.name, sp.kind, description=sp.description, scope=self.scope)
        return self._known(sp.name, sp.kind, sp.description)

    def _resolve_pronoun(self, sp: SpeakerPhrase) -> ActorRef | None:
        if sp.pronoun_kind in ("organization", "media"):
            for m in reversed(self.mentions):
                if m.end <= sp.head_start and m.kind == sp.pronoun_kind:
                    return self._known(m.name, m.kind)
            return None
        if self.last_speaker is not None and sp.head_start - self.last_speaker[0] < 400:
            return self.last_speaker[1]
        for m in reversed(self.mentions):
            if m.end <= sp.head_start and m.kind in (ActorKind.PERSON, ActorKind.ANONYMOUS):
                return self._speaker_ref(
                    SpeakerPhrase(m.name, m.kind, m.start, m.end, "descriptor")
                )
        return None

    def _parse_speaker(self, start: int, end: int, floor: int) -> SpeakerPhrase | None:
        """Try the clause before ``end``, widening over "在…时，" commas."""
        cs = self._clause_start(end, floor)
        for _ in range(3):
            sp = self.parser.parse(cs, end)
            if sp is not None:
                return sp
            if cs <= floor or self.text[cs - 1] not in "，,":
                return None
            cs = self._clause_start(cs - 1, floor)
        return None

    # -- statements ----------------------------------------------------------
    def _add(
        self,
        *,
        speaker: ActorRef,
        sp: SpeakerPhrase | None,
        sentence: tuple[int, int],
        content: tuple[int, int],
        rule: str,
        cue: str,
        base: Stance,
        quote: bool,
        confidence: float,
        via: ActorRef | None = None,
        subject: str = "",
    ) -> None:
        s0, s1 = sentence
        c0, c1 = content
        if not quote:
            cut = _ADVERSATIVE.search(self.text, c0, c1)
            c1 = cut.start() if cut else c1
        raw = self.text[c0:c1]
        context = self.text[s0 : c0 - 1] + self.text[c1 + 1 : s1] if quote else self.text[s0:c0]
        reading: StanceReading = read_stance(raw, base, self.lex, context, quoted=quote)
        claim_text: str | None = _clean_claim(raw)
        refers_to = None
        if reading.points_back:
            refers_to = self._antecedent()
            if refers_to is not None:
                claim_text = None
                confidence -= 0.1
        elif reading.stance in (Stance.DENIES, Stance.CONFIRMS, Stance.NO_COMMENT) and claim_text:
            claim_text = _DENIAL_OBJECT.sub("", claim_text) or claim_text
            if _FUTURE_LEAD.match(claim_text) and speaker.kind != ActorKind.ANONYMOUS:
                claim_text = speaker.name + claim_text
        if subject and claim_text:
            claim_text = subject + claim_text
        if claim_text is None and refers_to is None:
            return
        if claim_text is not None and len(re.sub(r"\W", "", claim_text)) < 4:
            return
        about = tuple(
            dict.fromkeys(
                self._known(m.name, m.kind)
                for m in self.mentions
                if c0 <= m.start and m.end <= c1 and not m.is_source_descriptor
            )
        )
        if subject:
            about = (*about, self._known(subject, ActorKind.ORGANIZATION))
        local_id = f"s{len(self.out.statements) + 1}"
        self.out.statements.append(
            ExtractedStatement(
                local_id=local_id,
                speaker=speaker,
                stance=reading.stance,
                evidence=self.text[s0:s1],
                start=s0,
                end=s1,
                rule=rule,
                claim_text=claim_text,
                refers_to=refers_to,
                about=tuple(dict.fromkeys(about)),
                quote=raw if quote else None,
                quote_start=c0 if quote else None,
                quote_end=c1 if quote else None,
                cue=cue,
                hedges=reading.hedges,
                via=via,
                confidence=round(max(0.05, min(0.99, confidence)), 2),
            )
        )
        if sp is not None and speaker.kind != ActorKind.MEDIA:
            self.last_speaker = (s1, speaker)
        if speaker.kind == ActorKind.PERSON:
            self.parser.people.add(speaker.name)
        if sp is not None and sp.role and sp.organization and sp.how != "spokesperson":
            org = self._known(sp.organization, sp.organization_kind)
            self.out.affiliations.append(
                Affiliation(
                    speaker, org, sp.role, self.text[s0:s1], "zh.affiliation.role_before_name"
                )
            )

    def _antecedent(self) -> str | None:
        for st in reversed(self.out.statements):
            if st.claim_text is not None and st.stance in (
                Stance.ASSERTS,
                Stance.REPORTS,
                Stance.QUESTIONS,
            ):
                return st.local_id
        for st in reversed(self.out.statements):
            if st.claim_text is not None:
                return st.local_id
        return None

    def _quotes_pass(self, s0: int, s1: int) -> list[Quote]:
        quotes = [q for q in self.quotes if s0 <= q.open < s1]
        bound: list[Quote] = []
        prev_end = s0
        for q in quotes:
            cues = [
                c
                for c in self._cues(prev_end, q.open)
                if _AFTER_CUE_TO_QUOTE.match(self.text, c.end, q.open)
            ]
            for cue in cues[-1:]:
                sp = self._parse_speaker(prev_end, cue.start, prev_end)
                if sp is not None and self._bind(q, sp, cue, (s0, s1), "zh.quote.speaker_before"):
                    bound.append(q)
            prev_end = q.close + 1
        for i, q in enumerate(quotes):
            if q in bound:
                continue
            tail_end = quotes[i + 1].open if i + 1 < len(quotes) else s1
            for cue in self._cues(q.close + 1, tail_end)[:3]:
                start = q.close + 1
                while start < cue.start and self.text[start] in " ，,":
                    start += 1
                end = self.parser.strip_fillers(start, cue.start)
                if any(ch in self.text[start:end] for ch in "，,。；;"):
                    break
                sp = self.parser.parse(start, cue.start)
                if sp is not None and self._bind(q, sp, cue, (s0, s1), "zh.quote.speaker_after"):
                    bound.append(q)
                    break
        return bound

    def _bind(
        self, q: Quote, sp: SpeakerPhrase, cue: RuleMatch, sentence: tuple[int, int], rule: str
    ) -> bool:
        speaker = self._speaker_ref(sp)
        if speaker is None:
            return False
        adjacent = sp.how in ("gazetteer", "descriptor", "latin_name", "pos_name", "spokesperson")
        self._add(
            speaker=speaker,
            sp=sp,
            sentence=sentence,
            content=q.content,
            rule=f"{rule}/{cue.rule.id}",
            cue=cue.text,
            base=Stance(cue.rule.get("stance", "asserts")),
            quote=True,
            confidence=0.9 if adjacent else 0.7,
        )
        self.consumed.append((cue.start, cue.end))
        return True

    def _according_pass(self, s0: int, s1: int, bound: list[Quote]) -> None:
        for m in self.lex["according"].finditer(self.text, s0, s1):
            if self._in_quote(m.start) or self._is_consumed(m.start, m.end):
                continue
            content = (m.end, self._content_end(m.end, s1, bound))
            rule = m.rule.id
            base = Stance(m.rule.get("stance", "reports"))
            via: ActorRef | None = None
            subject = ""
            if "speaker" in m.spans:
                a, b = m.spans["speaker"]
                sp = self.parser.parse(a, b)
                speaker = self._speaker_ref(sp) if sp else None
                if speaker is None:
                    continue
                if "via" in m.spans:
                    via = self._known(m.group("via").strip("《》"), ActorKind.MEDIA)
                    if speaker.kind == ActorKind.ANONYMOUS:
                        # quoted by that outlet, so scoped to it
                        speaker = ActorRef(
                            speaker.name,
                            speaker.kind,
                            speaker.aliases,
                            speaker.description,
                            scope=via.name,
                        )
                elif self.scope:
                    via = self._outlet_ref()
                confidence = 0.8
            else:
                sp = None
                speaker = self._outlet_ref()
                confidence = 0.6
                if m.rule.id.endswith("passive"):
                    subj = self._passive_subject(m.start)
                    if subj is None:
                        continue
                    subject = subj
            self.consumed.append((m.start, m.end))
            self._add(
                speaker=speaker,
                sp=sp,
                sentence=(s0, s1),
                content=content,
                rule=rule,
                cue=m.group("cue") or m.text,
                base=base,
                quote=False,
                confidence=confidence,
                via=via,
                subject=subject,
            )

    def _passive_subject(self, pos: int) -> str | None:
        for m in reversed(self.mentions):
            if (
                m.end <= pos
                and pos - m.end < 120
                and m.kind
                in (
                    ActorKind.ORGANIZATION,
                    ActorKind.PERSON,
                )
            ):
                return m.name
        return None

    def _content_end(self, start: int, s1: int, bound: list[Quote]) -> int:
        for q in bound:
            if start <= q.open < s1:
                return q.open
        return s1

    def _reported_pass(self, s0: int, s1: int, bound: list[Quote]) -> None:
        found: list[tuple[RuleMatch, SpeakerPhrase, int]] = []
        for cue in self._cues(s0, s1):
            sp = self._parse_speaker(s0, cue.start, s0)
            if sp is not None:
                found.append((cue, sp, self._clause_start(sp.head_start, s0)))
        for i, (cue, sp, _) in enumerate(found):
            speaker = self._speaker_ref(sp)
            if speaker is None:
                continue
            c0 = cue.end
            if cue.rule.get("recipient"):
                rec = next((m for m in self.mentions if m.start == c0), None)
                if rec is not None:
                    c0 = rec.end
            c0 = _CONTENT_LEAD.match(self.text, c0).end()  # type: ignore[union-attr]
            if c0 < s1 and self.text[c0] in QUOTE_PAIRS:
                continue
            c1 = found[i + 1][2] if i + 1 < len(found) else s1
            c1 = min(c1, self._content_end(c0, s1, bound))
            self.consumed.append((cue.start, cue.end))
            self._add(
                speaker=speaker,
                sp=sp,
                sentence=(s0, s1),
                content=(c0, max(c0, c1)),
                rule=f"zh.reported/{cue.rule.id}",
                cue=cue.text,
                base=Stance(cue.rule.get("stance", "asserts")),
                quote=False,
                confidence=0.8 if sp.how != "pronoun" else 0.6,
            )

    # -- the article ---------------------------------------------------------
    def run(self) -> Attribution:
        for sent in self.doc.sents:
            s0, s1 = sent.start_char, sent.end_char
            bound = self._quotes_pass(s0, s1)
            self._according_pass(s0, s1, bound)
            self._reported_pass(s0, s1, bound)
        seen: dict[ActorRef, None] = {}
        for name in (
            self.article.outlet,
            self.article.republished_from,
            self.article.republished_by,
        ):
            if name:
                seen.setdefault(self._known(name, ActorKind.MEDIA), None)
        for m in self.mentions:
            if m.kind == ActorKind.ANONYMOUS:
                ref = ActorRef(m.name, m.kind, scope=self.scope)
            else:
                ref = self._known(m.name, m.kind)
            seen.setdefault(ref, None)
        self.out.mentions = list(seen)
        return self.out


def _clean_claim(raw: str) -> str:
    raw = raw.strip()
    return _CONTENT_TRAIL.sub("", raw[_CONTENT_LEAD.match(raw).end() :])  # type: ignore[union-attr]
