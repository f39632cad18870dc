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

from graph.records import ActorKind, ActorRef, Affiliation, Article, ExtractedStatement
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon, RuleMatch
from pipelines.mentions import Mention, find_mentions
from pipelines.nlp import GLUE
from pipelines.zh.according import AccordingPass
from pipelines.zh.fold import fold_traditional
from pipelines.zh.quotes import Quote, QuotePass, find_quotes
from pipelines.zh.reported import CLAUSE_PUNCT, ReportedPass
from pipelines.zh.speaker_refs import SpeakerRefs
from pipelines.zh.speakers import SpeakerParser, SpeakerPhrase
from pipelines.zh.statements import StatementPass

__all__ = ["Attribution", "ChineseAttributor", "find_quotes"]

_ADVERB_FILLER = "zh.filler.adverb"
_CHANNEL_FILLER = "zh.filler.channel_tail"
# a document that "shows" or "says" (结果显示, 数据显示), glued to the cue by jieba
_DOCUMENT_NOUNS = frozenset(
    ("结果", "数据", "报告", "公告", "文件", "名单", "记录", "统计", "调查")
)
# 以“…”为由 right before a cue: a reason, between the speaker and the cue
_REASON_ADJUNCT = re.compile(r"以[“「][^”」]{1,40}[”」]为由\s*$")
# between a quoted channel name and its cue: 在微博发文 (称)
_CHANNEL_GAP = 10
# how far around a cue a word holding it (对消费者来说, 说不过去) is looked for
_NON_CUE_REACH = 12
# a conjunction that jieba glues to a cue opening its clause (，但称)
_CLAUSE_CONJUNCTIONS = ("但", "却")
_AFTER_SPEECH = ("。", "，", ",", "：", ":", "“", "「")


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


class _ArticleRun(SpeakerRefs, StatementPass, QuotePass, ReportedPass, AccordingPass):
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
        # a handle in quotation marks inside a mention (ID为“X”的用户) is a name, not speech
        self.quotes = [
            q
            for q in find_quotes(self.text)
            if not any(m.start < q.open and q.close < m.end for m in self.mentions)
        ]
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
        # …，但称B: jieba reads 但称 as one word; a conjunction opening the clause
        glued = glued or (
            m.start - 1 in self.token_starts
            and self.text[m.start - 1] in _CLAUSE_CONJUNCTIONS
            and self.text[m.start - 2 : m.start - 1] in ("，", ",")
        )
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
        # 结果显示, 数据显示 read as one word: a document noun before the cue
        if m.end in self.token_ends:
            i = bisect.bisect_right(self._starts, m.start) - 1
            if i >= 0 and self.text[self._starts[i] : m.start] in _DOCUMENT_NOUNS:
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
            and not self._in_non_cue_word(m)
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

    def _in_non_cue_word(self, m: RuleMatch) -> bool:
        """说 in 关一半说不通, 称 in 堪称: the cue lies inside a word that is no speech."""
        lo, hi = max(0, m.start - _NON_CUE_REACH), min(len(self.text), m.end + _NON_CUE_REACH)
        return any(
            w.start <= m.start and m.end <= w.end
            for w in self.lex["non_cue_words"].finditer(self.text, lo, hi)
        )

    def _clause_start(self, pos: int, floor: int) -> int:
        i = pos
        while i > floor and self.text[i - 1] not in CLAUSE_PUNCT + "”」":
            i -= 1
        if i > floor and self.text[i - 1] in "”」":
            # ID为“X”的用户: the closing mark is inside a mention, the clause goes on
            inside = next((m for m in self.mentions if m.start < i - 1 < m.end - 1), None)
            if inside is not None:
                return self._clause_start(max(floor, inside.start), floor)
        return i

    def _parse_speaker(self, start: int, end: int, floor: int) -> SpeakerPhrase | None:
        """Try the clause before ``end``, widening over "在…时，" commas."""
        cs = self._clause_start(end, floor)
        named = self._named_channel(cs, end, floor)
        if named is not None:
            return named
        reason = _REASON_ADJUNCT.search(self.text, max(floor, end - 60), end)
        if reason is not None:
            # X则以“不评论客户信息”为由拒绝置评: the speaker before the reason adjunct
            at = reason.start()
            sp = self.parser.parse(self._clause_start(at, floor), at)
            if sp is not None:
                return sp
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

    def _named_channel(self, cs: int, end: int, floor: int) -> SpeakerPhrase | None:
        """自媒体“X”在微博发文称: a quoted channel name ends the clause before the cue."""
        if cs <= floor or self.text[cs - 1] not in "”」" or end - cs > _CHANNEL_GAP:
            return None
        if any(ch in self.text[cs:end] for ch in CLAUSE_PUNCT + "。“”"):
            return None
        start = self._clause_start(max(floor, self.text.rfind("“", floor, cs)), floor)
        for m in self.lex["accounts"].finditer(self.text, start, cs):
            if m.end == cs and m.group("name"):
                kind = ActorKind(m.rule.get("kind", "media"))
                return SpeakerPhrase(m.group("name"), kind, m.start, cs, "account")
        return None

    def _content_end(self, start: int, s1: int, bound: list[Quote]) -> int:
        for q in bound:
            if start <= q.open < s1:
                return q.open
        return s1

    # -- the article ---------------------------------------------------------
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
