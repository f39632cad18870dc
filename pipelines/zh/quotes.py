"""Quotation marks in Chinese news text: balanced pairs, and which are speech.

A paragraph with unbalanced marks yields no quotes at all: guessing which
mark is missing would produce garbage attributions.  A quote glued to the
words after it (“小黄车”功能) is a term inside a clause, not speech.

Examples
--------
>>> [(q.open, q.close) for q in find_quotes("他说：“好。”")]
[(3, 6)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any

from graph.records import ActorKind, Stance
from pipelines.lexicon import Rule, RuleMatch
from pipelines.sentences import QUOTE_PAIRS
from pipelines.zh.org_heads import _LEADING_NOISE
from pipelines.zh.speakers import SpeakerPhrase

__all__ = ["Quote", "QuotePass", "find_quotes", "is_term_quote"]

# what may close a quoted clause: 。！？ and a comma before the speaker's words
_QUOTE_TRAIL = re.compile(r"[\s，,。！？!?；;…]+$")

_AFTER_CUE_TO_QUOTE = re.compile(r"(?:道)?\s*[:：，,]?\s*$")
# a recipient between a cue and its quote: 告诉36氪：“…”
_RECIPIENT = re.compile(r"[^，,。；;：:“”\s]{1,12}?\s*[:：，,]\s*$")
# a cue, its object and a colon: 否认了这一消息：“…”
_OBJECT_THEN_COLON = re.compile(r"了?[^，,。；;：:“”\s]{1,10}?\s*[:：]\s*$")
# a speaker and a colon with no cue at all: 一位分析师向记者表达了保留意见：“…”
_COLON = Rule("zh.quote.colon", "phrase", "：", {"stance": "asserts"})
# an interview answer: 周屹：完全是谣言。
# a label of a Chinese name, or a Latin name of up to four words (Daniel Ho：)
_QA_LABEL = re.compile(
    r"[ \t]*([A-Za-z][A-Za-z.\-]*(?: [A-Za-z][A-Za-z.\-]*){1,3}|[^\s：:，,。“”《》]{2,10})[：:]"
)
# 问：…？答：… within one paragraph
_ANSWER_LABEL = re.compile(r"(?:(?<=^)|(?<=[。？！?!\s]))(?:答|A)[：:]")
_QUESTION_LABEL = re.compile(r"(?:(?<=^)|(?<=[。？！?!\s]))(?:问|Q)[：:]")
# a manner word right before a cue after a quote: “…”在节目中，X这样评价
_POINTS_AT_QUOTE = re.compile(r"(?:这样|如此|这么)$")
_STRONG_HEADS = ("gazetteer", "descriptor", "pronoun", "spokesperson", "latin_name")

# what may follow a quote that is speech: punctuation, the end, or a speaker
_TERM_MAX = 12
_AFTER_SPEECH = frozenset("，,。.；;：:！!？?、…）)】」』”\n")


@dataclass(frozen=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close


def find_quotes(text: str) -> list[Quote]:
    """Balanced quotation pairs, paragraph by paragraph."""
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


def is_term_quote(text: str, q: Quote, sentence_end: int) -> bool:
    """Whether ``q`` is a short term running on into the words after it (“小黄车”功能)."""
    after = q.close + 1
    inner = text[q.open + 1 : q.close]
    return (
        after < sentence_end
        and text[after] not in _AFTER_SPEECH
        and len(inner) <= _TERM_MAX
        and not any(ch in _AFTER_SPEECH for ch in inner)
    )


class QuotePass:
    """The direct-quote pass of :class:`pipelines.zh.attribution._ArticleRun` (a mixin)."""

    text: str
    original: str
    quotes: list[Quote]
    answers: list[tuple[int, int, SpeakerPhrase]]
    out: Any
    consumed: list[tuple[int, int]]

    def _cue_before_quote(self, start: int, q: Quote) -> RuleMatch | None:
        """The cue right before ``q`` (表示：“, 告诉36氪：“), if any."""
        # one past the mark: a cue may look ahead at it (所说的“)
        for c in reversed(self._cues(start, q.open + 1)):
            if self.text[c.start - 1 : c.start] == "的" and not c.rule.get("quote_only"):
                return None  # 管理层的解释“比较有说服力”: a noun, not a speaker's cue
            if (
                _AFTER_CUE_TO_QUOTE.match(self.text, c.end, q.open)
                or (c.rule.get("recipient") and _RECIPIENT.match(self.text, c.end, q.open))
                or _OBJECT_THEN_COLON.match(self.text, c.end, q.open)
            ):
                return c
            return None
        return None

    def _colon_speaker(self, start: int, q: Quote) -> tuple[SpeakerPhrase, RuleMatch, str] | None:
        """``X向记者表达了保留意见：“…”``: a clear speaker, a colon and no cue."""
        colon = q.open - 1
        while colon > start and self.text[colon].isspace():
            colon -= 1
        if colon <= start or self.text[colon] not in "：:":
            return None
        cs = self._clause_start(colon, start)
        if cs > start and self.text[cs - 1] in "：:":
            return None
        sp = self.parser.parse(cs, colon)
        if sp is None or sp.how not in _STRONG_HEADS or self._speaker_ref(sp) is None:
            return None
        cue = RuleMatch(_COLON, colon, colon + 1, self.text[colon])
        return sp, cue, "zh.quote.speaker_colon"

    def _quotes_pass(self, s0: int, s1: int) -> list[Quote]:
        quotes = [q for q in self.quotes if s0 <= q.open < s1]
        bindings: dict[Quote, tuple[SpeakerPhrase, RuleMatch, str]] = {}
        before_cues: list[RuleMatch] = []
        prev_end = s0
        for q in quotes:
            cue = self._cue_before_quote(prev_end, q)
            # X所说的“…”: a cue that names the quote as what X said, a term or not
            named = cue is not None and cue.rule.get("quote_only", False)
            if cue is not None and (named or not is_term_quote(self.text, q, s1)):
                sp = self._parse_speaker(prev_end, cue.start, prev_end)
                if sp is not None and self._speaker_ref(sp) is not None:
                    bindings[q] = (sp, cue, "zh.quote.speaker_before")
                    before_cues.append(cue)
            elif cue is None and self._colon_speaker(prev_end, q) is not None:
                bindings[q] = self._colon_speaker(prev_end, q)  # type: ignore[assignment]
            prev_end = q.close + 1
        for i, q in enumerate(quotes):
            if q in bindings:
                continue
            tail_end = quotes[i + 1].open if i + 1 < len(quotes) else s1
            # “A，”X说，“B。”: the cue of the second half also closes the first
            shared = [c for c in before_cues if q.close < c.start < tail_end]
            cues = sorted([*self._cues(q.close + 1, tail_end), *shared], key=lambda c: c.start)
            for cue in cues[:3]:
                if self.text[q.close - 1] in "？?" and cue.rule.get("response"):
                    break  # “…是否属实？”X回复称: the question is not the one who answers
                start = q.close + 1
                while start < cue.start and self.text[start] in " ，,":
                    start += 1
                end = self.parser.strip_fillers(start, cue.start)
                if any(ch in self.text[start:end] for ch in "，,。；;"):
                    # “…”在一期播客中，X这样评价: 这样/如此 points back at the quote
                    if "。" in self.text[start:end]:
                        break
                    if not _POINTS_AT_QUOTE.search(self.text, start, cue.start):
                        continue  # “…”20日，X回复网友时如此表态: a later cue may point back
                    start = self._clause_start(cue.start, start)
                sp = self.parser.parse(start, cue.start)
                if sp is not None and self._speaker_ref(sp) is not None:
                    bindings[q] = (sp, cue, "zh.quote.speaker_after")
                    break
        bound = []
        # “A，”X说，“B。”: one sentence interrupted by its speaker (the comma inside the
        # marks), said once; “A”，X说，“B” are two utterances
        split_cues = {
            c.start
            for q, (_, c, r) in bindings.items()
            if r == "zh.quote.speaker_after" and self.text[q.close - 1] in "，,"
        }
        for q in quotes:
            if q in bindings:
                sp, cue, rule = bindings[q]
                if rule == "zh.quote.speaker_before" and cue.start in split_cues:
                    self._goes_on(q)
                    bound.append(q)
                    continue
                if self._bind(q, sp, cue, (s0, s1), rule):
                    bound.append(q)
                    if rule == "zh.quote.speaker_after":
                        self._speech_after_cue(sp, cue, (s0, s1), quotes)
        if not bound and len(quotes) == 1:
            bound.extend(self._continuation(quotes[0], s0, s1) or self._revealed(quotes[0], s0, s1))
        return bound

    def _goes_on(self, q: Quote) -> None:
        """“A，”X说，“B。”: B goes on A's statement, its words added to A's claim."""
        if not self.out.statements:
            return
        last = self.out.statements[-1]
        if last.quote_end is None or last.quote_end > q.open or last.claim_text is None:
            return  # a response taking up an earlier claim: B is in its evidence sentence
        more = _QUOTE_TRAIL.sub("", self.original[q.open + 1 : q.close].strip())
        if more:
            head = _QUOTE_TRAIL.sub("", last.claim_text)
            self.out.statements[-1] = replace(last, claim_text=f"{head}，{more}")

    def _revealed(self, q: Quote, s0: int, s1: int) -> list[Quote]:
        """“…” standing alone, then 说这话的是X: the quote is X's."""
        if _LEADING_NOISE.sub("", self.text[s0 : q.open]):
            return []  # 14:25 “…”: a live blog's time stamp may open the sentence
        rest = self.text[q.close + 1 : s1]
        nxt = s1
        if rest.strip("。！？!? \n"):
            # “…”这是X的第一句话: the reveal in the same sentence
            nxt = q.close + 1
        while nxt < len(self.text) and self.text[nxt].isspace():
            nxt += 1
        m = self.lex["speaker_reveals"].search(self.text, nxt, min(len(self.text), nxt + 40))
        if m is None or m.start != nxt or not m.group("who"):
            return []
        a, b = m.spans["who"]
        sp = self.parser.parse(a, b)
        speaker = self._speaker_ref(sp) if sp is not None else None
        if sp is None or speaker is None or sp.head_end != b:
            return []
        if speaker.kind == ActorKind.PERSON:
            bisect.insort(self.parser.introduced, (b, speaker.name))
        added = self._add(
            speaker=speaker,
            sp=sp,
            sentence=(s0, s1),
            content=q.content,
            rule="zh.quote.speaker_revealed",
            cue="",
            base=Stance.ASSERTS,
            quote=True,
            confidence=0.8,
        )
        return [q] if added else []

    def _speech_after_cue(
        self,
        sp: SpeakerPhrase,
        cue: RuleMatch,
        sentence: tuple[int, int],
        quotes: list[Quote],
    ) -> None:
        """“…”何嘉伟说，下月她会恢复直播: the words after the cue are theirs too."""
        s0, s1 = sentence
        if cue.end >= s1 or self.text[cue.end] not in "，,：:":
            return
        c0 = cue.end + 1
        c1 = min([q.open for q in quotes if q.open >= c0] + [s1])
        speaker = self._speaker_ref(sp)
        if speaker is None or self._cues(c0, c1):
            return
        self._add(
            speaker=speaker,
            sp=sp,
            sentence=sentence,
            content=(c0, c1),
            rule=f"zh.reported/{cue.rule.id}",
            cue=cue.text,
            base=self._chain_base(cue),
            quote=False,
            confidence=0.7,
            context_start=self._clause_start(sp.head_start, s0),
        )

    def _continuation(self, q: Quote, s0: int, s1: int) -> list[Quote]:
        """A quote that is a whole sentence right after a person's statement is theirs."""
        rest = self.text[q.close + 1 : s1].strip("。！？!? \n\t")  # a paragraph's end too
        if q.open != s0 or rest or not self.out.statements:
            return []
        last = self.out.statements[-1]
        between = self.text[last.end : s0]
        if "\n" in between or between.strip() or last.speaker.kind != ActorKind.PERSON:
            return []
        added = self._add(
            speaker=last.speaker,
            sp=None,
            sentence=(s0, s1),
            content=q.content,
            rule="zh.quote.continuation",
            cue="",
            base=Stance.ASSERTS,
            quote=True,
            confidence=0.6,
        )
        return [q] if added else []

    def _bind(
        self, q: Quote, sp: SpeakerPhrase, cue: RuleMatch, sentence: tuple[int, int], rule: str
    ) -> bool:
        speaker = self._speaker_ref(sp)
        if speaker is None:
            return False
        adjacent = sp.how in ("gazetteer", "descriptor", "latin_name", "pos_name", "spokesperson")
        added = self._add(
            speaker=speaker,
            sp=sp,
            sentence=sentence,
            content=q.content,
            rule=f"{rule}/{cue.rule.id}",
            cue=cue.text,
            base=self._chain_base(cue),
            quote=True,
            confidence=0.9 if adjacent else 0.7,
            context_start=self._clause_start(sp.head_start, sentence[0]),
            response=self._chain_response(cue),
        )
        if added:
            self.consumed.append((cue.start, cue.end))
        return added

    def _answers(self) -> list[tuple[int, int, SpeakerPhrase]]:
        """Paragraphs of a Q&A interview opened by the answering person's name."""
        found = []
        offset = 0
        for para in self.text.split("\n"):
            m = _QA_LABEL.match(para)
            if m is not None:
                a, b = offset + m.start(1), offset + m.end(1)
                sp = self.parser.parse(a, b)
                if sp is not None and sp.kind == ActorKind.PERSON and sp.head_end == b:
                    found.append((offset + m.end(), offset + len(para), sp))
                    offset += len(para) + 1
                    continue
            found += self._inline_answers(offset, para)
            offset += len(para) + 1
        return found

    def _inline_answers(self, offset: int, para: str) -> list[tuple[int, int, SpeakerPhrase]]:
        """问：…？答：… on one line: the answer is the person the interview introduced."""
        found = []
        for m in _ANSWER_LABEL.finditer(para):
            where = offset + m.start()
            people = [(pos, n) for pos, n in self.parser.introduced if pos < where]
            interviewee = self._interviewee(where)
            if interviewee is not None and (not people or people[-1][0] < interviewee.head_start):
                sp = interviewee
            elif people:
                sp = SpeakerPhrase(people[-1][1], ActorKind.PERSON, where, where, "qa_answer")
            else:
                break
            nxt = _QUESTION_LABEL.search(para, m.end())
            end = offset + (nxt.start() if nxt else len(para))
            found.append((offset + m.end(), end, sp))
        return found

    def _interviewee(self, pos: int) -> SpeakerPhrase | None:
        """The one "X接受了记者采访" or "X就…答记者问" introduced last before ``pos``."""
        last = None
        for m in self.lex["interviews"].finditer(self.text, 0, pos):
            last = m
        if last is None or not last.group("who"):
            return None
        a, b = last.spans["who"]
        return self.parser.parse(a, b)

    def _answer_pass(self, s0: int, s1: int) -> bool:
        """A sentence of an interview answer is the answering person's."""
        for a, b, sp in self.answers:
            if a - 1 <= s1 and s0 < b:
                speaker = self._speaker_ref(sp)
                if speaker is None:
                    return False
                self._add(
                    speaker=speaker,
                    sp=sp,
                    sentence=(s0, s1),
                    content=(max(s0, a), s1),
                    rule="zh.qa.answer",
                    cue="：",
                    base=Stance.ASSERTS,
                    quote=False,
                    confidence=0.7,
                    response=s0 <= a,
                )
                return True
        return False
