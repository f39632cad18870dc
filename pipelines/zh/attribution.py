"""Chinese attribution: who said what, with which stance, in one article.

Passes per sentence, each driven by rule files of ``data/zh`` (statement
building lives in :mod:`pipelines.zh.statements`, response linking in
:mod:`pipelines.zh.responses`):

1. direct quotes bound to a speaker before them (``X表示：“…”``, ``其称：“…”``)
   or after them (``“…”X告诉虎嗅``, ``“…”X在分析…时如此说道``); quotation marks
   that no speaker claims (“小黄车”, “Aquaman”) are terms, not speech;
2. ``according`` patterns: 据X报道 / 据《X》援引Y报道 / 据称 / 网传 / 被爆;
3. reported speech: a speaker phrase, a cue word (称, 认为, 透露, 否认 …) and
   the content after it;
4. a rumour quoted as a spreading noun phrase (“X”的说法在…发酵), a paragraph
   under an editorial label (编者按：), the clause after a semicolon.

Stance comes from the cue and from phrases in the content (see
:mod:`pipelines.stance`); a response takes up the earlier claim it answers
(see :mod:`pipelines.zh.responses`).  Traditional characters are folded to
simplified for the rules (:mod:`pipelines.zh.fold`); records quote the
article as written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import jieba
from spacy.tokens import Doc

from graph.records import ActorKind, ActorRef, Affiliation, Article, ExtractedStatement, Stance
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon, RuleMatch
from pipelines.mentions import Mention, find_mentions
from pipelines.nlp import GLUE
from pipelines.sentences import OPEN_QUOTES
from pipelines.zh.fold import fold_traditional
from pipelines.zh.quotes import Quote, QuotePass, find_quotes, is_term_quote
from pipelines.zh.speaker_refs import SpeakerRefs
from pipelines.zh.speakers import SpeakerParser, SpeakerPhrase
from pipelines.zh.statements import StatementPass

__all__ = ["Attribution", "ChineseAttributor", "find_quotes"]

_CLAUSE_PUNCT = "，,；;：:"
# between two cues of one clause (回应钛媒体称): the first is part of the speaker phrase
_CUE_CHAIN_GAP = 12
# a clause with no speaker of its own: "X称A，并表示B", "X表示A，同时指出B"
_GOES_ON = re.compile(
    r"\s*(?:并且|并|还|也|同时|另外|此外|随后|则|又|更|亦|再|而且|且|只是|仅|只)*\s*"
)
_QUOTE_OR_RUMOUR_SCOPE = 1500
_CONTENT_LEAD = re.compile(r"(?:了|称|说|道|表示)?[\s，,：:]*")  # used with .match(text, pos)
_ADVERB_FILLER = "zh.filler.adverb"
_CHANNEL_FILLER = "zh.filler.channel_tail"
_AFTER_SPEECH = ("。", "，", ",", "：", ":", "“", "「")
# heads guessed from the shape of a name, and cues only a publication uses
_GUESSED = ("latin_name", "org_name", "pos_name")
_PUBLISHING = ("报道", "报导")


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


class _ArticleRun(SpeakerRefs, StatementPass, QuotePass):
    def __init__(self, owner: ChineseAttributor, doc: Doc, article: Article) -> None:
        self.lex = owner.lexicon
        self.gaz = owner.gazetteer
        self.doc = doc
        # rules read simplified characters; records quote the article as written
        self.original = doc.text
        self.text = fold_traditional(doc.text)
        self.article = article
        outlet = article.outlet or article.republished_from
        self.scope = self.gaz.canonical(outlet) if outlet else None
        self.mentions: list[Mention] = find_mentions(doc, owner.lexicon)
        self.token_starts = {t.idx for t in doc}
        self._starts = sorted(self.token_starts)
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
        self.answers = self._answers()

    # -- helpers -------------------------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        return any(q.open < pos < q.close for q in self.quotes)

    def _is_consumed(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.consumed)

    def _aligned(self, m: RuleMatch) -> bool:
        # jieba's unknown-word guess may glue a particle to a cue: 时称, 中称
        glued = m.start - 1 in self.token_starts and self.text[m.start - 1] in GLUE
        if (m.start in self.token_starts or glued) and m.end in self.token_ends:
            return True
        # 普遍认为, 一再强调 read as one word: an adverb glued before the cue
        if m.end in self.token_ends and self._adverb_glued(m.start):
            return True
        # 微博称, 公告称, 周文说 read as one word: a channel or a name before the cue
        if m.end in self.token_ends and not _is_word(self.text[m.start - 2 : m.end]):
            for size in (2, 3):
                if m.start - size not in self.token_starts:
                    continue
                before = self.text[m.start - size : m.start]
                channel = any(
                    f.rule.id == _CHANNEL_FILLER and f.start == 0 and f.end == size
                    for f in self.lex["fillers"].finditer(before)
                )
                if channel or before in self.parser.people:
                    return True
        # 周文说。/ 文说，“…”: a cue closing its clause, glued into a word jieba made up
        if m.end in self.token_ends and self.text[m.end : m.end + 1] in _AFTER_SPEECH:
            i = bisect.bisect_right(self._starts, m.start) - 1
            ts = self._starts[i]
            if ts < m.start and not _is_word(self.text[ts : m.end]):
                return True
            # 周|文说: a surname token and the rest of the name glued to the cue
            name = self.text[self._starts[i - 1] : m.start] if i > 0 and ts < m.start else ""
            if 2 <= len(name) <= 3 and self.lex["surnames"].search(name[:1]) is not None:
                return True
        # …，称小象外卖…: a cue opening a clause glued to the next word (no word 称小)
        return (
            m.start in self.token_starts
            and m.start > 0
            and self.text[m.start - 1] in "，,"
            and not _is_word(self.text[m.start : m.end + 1])
        )

    def _adverb_glued(self, pos: int) -> bool:
        for size in (1, 2, 3):
            if pos - size in self.token_starts:
                adverb = self.text[pos - size : pos]
                return any(
                    m.start == 0 and m.end == size
                    for m in self.lex["fillers"].finditer(adverb)
                    if m.rule.id == _ADVERB_FILLER
                )
        return False

    def _cues(self, start: int, end: int) -> list[RuleMatch]:
        found = [
            m
            for m in self.lex["cues"].finditer(self.text, start, end)
            if self._aligned(m)
            and not self._in_quote(m.start)
            and not self._is_consumed(m.start, m.end)
        ]
        # one cue per stretch of text: 暂未作出回应, not also 回应 inside it
        return [
            m
            for m in found
            if not any(
                o is not m and o.start <= m.start and m.end <= o.end and len(o.text) > len(m.text)
                for o in found
            )
        ]

    def _clause_start(self, pos: int, floor: int) -> int:
        i = pos
        while i > floor and self.text[i - 1] not in _CLAUSE_PUNCT + "”」":
            i -= 1
        return i

    def _parse_speaker(self, start: int, end: int, floor: int) -> SpeakerPhrase | None:
        """Try the clause before ``end``, widening over "在…时，" commas."""
        cs = self._clause_start(end, floor)
        for _ in range(3):
            sp = self.parser.parse(cs, end)
            if sp is not None:
                return sp
            if cs <= floor or self.text[cs - 1] not in "，,":
                return None
            comma = cs - 1
            bare = self.parser.strip_fillers(cs, end) <= cs  # "…发布声明，称": nothing left
            cs = self._clause_start(comma, floor)
            if bare:
                sp = self.parser.parse(cs, comma)
                if sp is not None:
                    return sp
        return None

    # -- statements ----------------------------------------------------------

    def _chain_base(self, cue: RuleMatch) -> Stance:
        """Stance of ``cue``, or of a stronger cue just before it (否认称, 辟谣表示)."""
        base = Stance(cue.rule.get("stance", "asserts"))
        if base != Stance.ASSERTS:
            return base
        for c in self._cues_chained_before(cue):
            stance = Stance(c.rule.get("stance", "asserts"))
            if stance != Stance.ASSERTS:
                base = stance
        return base

    def _cues_chained_before(self, cue: RuleMatch) -> list[RuleMatch]:
        start = max(0, cue.start - _CUE_CHAIN_GAP)
        return [
            c
            for c in self.lex["cues"].finditer(self.text, start, cue.start)
            if not any(ch in self.text[c.end : cue.start] for ch in _CLAUSE_PUNCT + "。“”")
            and self.text[c.end : c.end + 1] != "的"  # 公布的处罚信息显示: an attribute
        ]

    def _chain_response(self, cue: RuleMatch) -> bool:
        if cue.rule.get("response"):
            return True
        return any(c.rule.get("response") for c in self._cues_chained_before(cue))

    def _quoted_rumour_pass(self, s0: int, s1: int) -> None:
        """“X将退出深圳”的说法在司机群中发酵: the outlet relays X."""
        for m in self.lex["quoted_rumours"].finditer(self.text, s0, s1):
            if self._in_quote(m.start) or self._is_consumed(m.start, m.end):
                continue
            self.consumed.append((m.start, m.end))
            # 提及的丰禾粮油“计划借款”一说: the rumour is about a name the article knows
            subject = (m.group("subject") or "").strip()
            known = {x.name for x in self.mentions} | self.parser.orgs
            self._add(
                speaker=self._outlet_ref(),
                sp=None,
                sentence=(s0, s1),
                content=m.spans["content"],
                rule=m.rule.id,
                cue=m.group("cue") or m.text,
                base=Stance(m.rule.get("stance", "reports")),
                quote=False,
                confidence=0.6,
                subject=subject if subject in known else "",
            )

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
                if sp is not None and sp.how in _GUESSED and m.group("cue") in _PUBLISHING:
                    # 据日本媒体Game Watch报道: whoever 报道 is a publication
                    speaker = ActorRef(speaker.name, ActorKind.MEDIA, speaker.aliases)
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
                if self._inside_reported_speech(s0, m.start):
                    continue
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

    def _chained(self, cue: RuleMatch, s1: int) -> bool:
        """Whether another cue follows in the same clause (回应钛媒体称, 发布声明称)."""
        for c in self.lex["cues"].finditer(self.text, cue.end, min(s1, cue.end + _CUE_CHAIN_GAP)):
            gap = self.text[cue.end : c.start]
            if self._aligned(c) and not any(ch in gap for ch in _CLAUSE_PUNCT + "。“”"):
                return True
        return False

    def _reported_pass(self, s0: int, s1: int, bound: list[Quote]) -> None:
        found: list[tuple[RuleMatch, SpeakerPhrase, int]] = []
        prev_cue_end = s0
        for cue in self._cues(s0, s1):
            if self._chained(cue, s1):
                continue
            after = self.text[cue.end : cue.end + 2]
            if cue.rule.get("needs_clause") and after[:1] == "了" and after[1:] not in "，,：:":
                continue  # 介绍了公司的情况: an object, not speech
            if cue.rule.get("needs_clause") and self.text[cue.start - 1 : cue.start] == "的":
                continue  # 鼎泰方面的回应要模糊得多: a noun, not speech
            clause = self._clause_start(cue.start, s0)
            if (
                found
                and clause - 1 == found[-1][0].end
                and not self.text[clause : cue.start].strip()
            ):
                continue  # X表示，暂不回应…: the second cue opens the content of the first
            sp = self._parse_speaker(s0, cue.start, s0) or self._rumour_subject(s0, cue)
            if sp is None and found and _GOES_ON.fullmatch(self.text, clause, cue.start):
                sp = found[-1][1]  # "X称A，并表示B": the same speaker goes on
            if sp is not None:
                own = sp.head_start if sp.head_start >= prev_cue_end else cue.start
                found.append((cue, sp, self._clause_start(own, s0)))
                prev_cue_end = cue.end
        for i, (cue, sp, boundary) in enumerate(found):
            speaker = self._speaker_ref(sp)
            if speaker is None:
                continue
            relayed = (
                sp.pronoun_kind == "report"
                and speaker.kind == ActorKind.MEDIA
                and (speaker == self._outlet_ref())
            )
            c0 = cue.end
            if cue.rule.get("recipient"):
                rec = next((m for m in self.mentions if m.start == c0), None)
                if rec is not None:
                    c0 = rec.end
            c0 = _CONTENT_LEAD.match(self.text, c0).end()  # type: ignore[union-attr]
            if c0 < s1 and self.text[c0] in OPEN_QUOTES:
                q = next((q for q in self.quotes if q.open == c0), None)
                if q is None or q in bound or not is_term_quote(self.text, q, s1):
                    continue
            c1 = found[i + 1][2] if i + 1 < len(found) else s1
            c1 = min(c1, self._content_end(c0, s1, bound))
            added = self._add(
                speaker=speaker,
                sp=sp,
                sentence=(s0, s1),
                content=(c0, max(c0, c1)),
                rule=f"zh.reported/{cue.rule.id}",
                cue=cue.text,
                base=Stance.REPORTS if relayed else self._chain_base(cue),
                quote=False,
                confidence=0.8 if sp.how != "pronoun" else 0.6,
                context_start=boundary,
                response=self._chain_response(cue),
            )
            if added:
                self.consumed.append((cue.start, cue.end))

    def _rumour_subject(self, s0: int, cue: RuleMatch) -> SpeakerPhrase | None:
        """一则帖子在脉脉上热传，称…: no speaker, a rumour the outlet relays."""
        if cue.rule.get("stance") != "asserts" or not self.scope:
            return None
        start = self._clause_start(cue.start, s0)
        if start > s0 and not self.text[start : cue.start].strip():
            start = self._clause_start(start - 1, s0)
        if not self.lex["rumour_markers"].search(self.text[start : cue.start]):
            return None
        return SpeakerPhrase(self.scope, ActorKind.MEDIA, start, start, "outlet")

    def _inside_reported_speech(self, s0: int, pos: int) -> bool:
        """Whether ``pos`` lies in the content of someone's reported speech (李娜称，网传…)."""
        for cue in self._cues(s0, pos):
            if self._chained(cue, pos):
                continue
            if self._parse_speaker(s0, cue.start, s0) is not None:
                return True
        return False

    # -- the article ---------------------------------------------------------
    def _editorial_pass(self, s0: int, s1: int) -> None:
        """编者按：… / 风险提示：…: a labelled paragraph is the outlet's own voice."""
        if (s0 > 0 and self.text[s0 - 1] != "\n") or not self.scope:
            return
        m = self.lex["editorial_labels"].search(self.text[s0:s1])
        if m is None:
            return
        self._add(
            speaker=self._outlet_ref(),
            sp=None,
            sentence=(s0, s1),
            content=(s0 + m.end, s1),
            rule=m.rule.id,
            cue=m.text.strip("：: ，,"),
            base=Stance.ASSERTS,
            quote=False,
            confidence=0.6,
        )

    def _semicolon_carry(self, s0: int, s1: int) -> bool:
        """X估算，A； then B。: the clause after the semicolon is X's too."""
        before = self.text[:s0].rstrip()
        if not before.endswith(("；", ";")) or not self.out.statements:
            return False
        last = self.out.statements[-1]
        if last.quote is not None or last.end < len(before) or last.rule.startswith("zh.qa"):
            return False
        if any(self._parse_speaker(s0, c.start, s0) for c in self._cues(s0, s1)):
            return False
        if any(s0 <= q.open < s1 for q in self.quotes):
            return False
        if self.lex["according"].search(self.text, s0, s1) is not None:
            return False
        return self._add(
            speaker=last.speaker,
            sp=None,
            sentence=(s0, s1),
            content=(s0, s1),
            rule=last.rule,
            cue=last.cue,
            base=Stance.ASSERTS,
            quote=False,
            confidence=last.confidence - 0.1,
            via=last.via,
        )

    def _headline_end(self) -> int:
        """End of the headline when the text opens with the article's title.

        A headline teases what the body reports (青羽游戏裁员？申花辟谣…); its
        statements would only repeat the body's with less context.
        """
        title = (self.article.title or "").strip()
        lead = len(self.text) - len(self.text.lstrip())
        if len(title) >= 4 and self.text.startswith(title, lead):
            return lead + len(title)
        return 0

    def run(self) -> Attribution:
        headline_end = self._headline_end()
        for sent in self.doc.sents:
            s0, s1 = sent.start_char, sent.end_char
            if s1 <= headline_end or not self.text[headline_end:s1].strip():
                continue
            if self._answer_pass(s0, s1):
                continue
            if self._semicolon_carry(s0, s1):
                continue
            before = len(self.out.statements)
            bound = self._quotes_pass(s0, s1)
            self._quoted_rumour_pass(s0, s1)
            self._according_pass(s0, s1, bound)
            self._reported_pass(s0, s1, bound)
            if len(self.out.statements) == before:
                self._editorial_pass(s0, s1)
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


def _is_word(text: str) -> bool:
    """Whether jieba's own dictionary lists ``text`` as a word."""
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(text, 0) > 0
