"""Chinese reported speech: a speaker phrase, a cue word and the content after it.

A mixin of :class:`pipelines.zh.attribution._ArticleRun`.  ``X称A``,
``X表示，A``, ``X称A，并表示B`` (the same speaker goes on), cues chained in one
clause (回应钛媒体称, 否认称: the first is part of the speaker phrase and may
lend its stance), and a rumour with no speaker that the outlet relays
(一则帖子在脉脉上热传，称…).
"""

from __future__ import annotations

import re
from typing import Any

from graph.records import ActorKind, Stance
from pipelines.lexicon import Lexicon, RuleMatch
from pipelines.sentences import OPEN_QUOTES
from pipelines.zh.quotes import Quote, is_term_quote
from pipelines.zh.speakers import SpeakerPhrase

__all__ = ["CLAUSE_PUNCT", "ReportedPass"]

CLAUSE_PUNCT = "，,；;：:"
# between two cues of one clause (回应钛媒体称): the first is part of the speaker phrase
_CUE_CHAIN_GAP = 12
# a clause with no speaker of its own: "X称A，并表示B", "X表示A，同时指出B"
_GOES_ON = re.compile(
    r"\s*(?:并且|并|还|也|同时|另外|此外|随后|则|又|更|亦|再|而且|且|只是|仅|只)*\s*"
)
# 对/关于…的N to the end of the sentence: a noun phrase object (披露对问询函的回复公告)
_NOUN_OBJECT = re.compile(r"了?(?:对|关于)[^，,；;：:“”。]*的[^，,；;：:“”。的]{1,8}[。！]?\s*$")
_TOLD_REPORTER = re.compile(
    r"(?:本报)?(?:记者|笔者|我们|我)(?:[，,]\s*(?:他|她|他们|对方))?[，,]?(?=[^“「，,])"
)
_COUNTERPART = "对方"
# how a rumour with no speaker that the outlet relays is parsed (一则帖子热传，称…)
_RELAYED_RUMOUR = "outlet"
_SENTENCE_ENDS = ("。", "！", "？", "!", "?")
# whom a reporter contacts and who can decline to comment
_CONTACTED_KINDS = (ActorKind.ORGANIZATION, ActorKind.PERSON, ActorKind.MEDIA)
_CONTENT_LEAD = re.compile(r"(?:了|称|说|道|表示)?[\s，,：:]*")  # used with .match(text, pos)


class ReportedPass:
    """Reported speech of :class:`pipelines.zh.attribution._ArticleRun` (a mixin)."""

    text: str
    lex: Lexicon
    scope: str | None
    mentions: list[Any]
    quotes: list[Quote]
    consumed: list[tuple[int, int]]

    # provided by the run and its other mixins
    _cues: Any
    _aligned: Any
    _clause_start: Any
    _parse_speaker: Any
    _speaker_ref: Any
    _outlet_ref: Any
    _content_end: Any
    _add: Any

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
            if not any(ch in self.text[c.end : cue.start] for ch in CLAUSE_PUNCT + "。“”")
            and self.text[c.end : c.end + 1] != "的"  # 公布的处罚信息显示: an attribute
        ]

    def _chain_response(self, cue: RuleMatch) -> bool:
        if cue.rule.get("response"):
            return True
        return any(c.rule.get("response") for c in self._cues_chained_before(cue))

    def _chained(self, cue: RuleMatch, s1: int) -> bool:
        """Whether another cue follows in the same clause (回应钛媒体称, 发布声明称)."""
        for c in self.lex["cues"].finditer(self.text, cue.end, min(s1, cue.end + _CUE_CHAIN_GAP)):
            gap = self.text[cue.end : c.start]
            if self._aligned(c) and not any(ch in gap for ch in CLAUSE_PUNCT + "。“”"):
                return True
        return False

    def _reported_pass(self, s0: int, s1: int, bound: list[Quote]) -> None:
        found: list[tuple[RuleMatch, SpeakerPhrase, int]] = []
        carried: set[int] = set()  # cues whose speaker goes on from the clause before
        prev_cue_end = s0
        for cue in self._cues(s0, s1):
            if self._chained(cue, s1):
                continue
            after = self.text[cue.end : cue.end + 2]
            if cue.rule.get("needs_clause") and after[:1] == "了" and after[1:] not in "，,：:":
                continue  # 介绍了公司的情况: an object, not speech
            if cue.rule.get("needs_clause") and self.text[cue.start - 1 : cue.start] == "的":
                continue  # 鼎泰方面的回应要模糊得多: a noun, not speech
            if cue.rule.get("needs_clause") and _NOUN_OBJECT.match(self.text, cue.end, s1):
                continue  # 披露对问询函的回复公告: a document disclosed, not speech
            clause = self._clause_start(cue.start, s0)
            if (
                found
                and clause - 1 == found[-1][0].end
                and not self.text[clause : cue.start].strip()
            ):
                continue  # X表示，暂不回应…: the second cue opens the content of the first
            end = cue.start
            for c in reversed(self._cues_chained_before(cue)):
                if c.end == end and c.start > clause:
                    end = c.start  # X质疑称, Y否认称: the speaker ends before the first cue
            sp = (
                self._parse_speaker(s0, cue.start, s0)
                if end == cue.start
                else self._parse_speaker(s0, end, s0) or self._parse_speaker(s0, cue.start, s0)
            ) or self._rumour_subject(s0, cue)
            if (sp is None and cue.rule.get("stance") == "no_comment") or (
                sp is not None and self._counterpart(sp)
            ):
                sp = self._contacted(s0, cue) or sp  # 记者致电X，截至发稿未获回复 / 对方表示
            if sp is None and found and self._carries_speaker(clause, cue.start):
                sp = found[-1][1]  # "X称A，并表示B" / "X证实A，但称B": the same speaker goes on
                carried.add(cue.start)
            if sp is not None:
                own = sp.head_start if sp.head_start >= prev_cue_end else cue.start
                found.append((cue, sp, self._clause_start(own, s0)))
                prev_cue_end = cue.end
        for i, (cue, sp, boundary) in enumerate(found):
            speaker = self._speaker_ref(sp)
            if speaker is None:
                continue
            by_outlet = speaker.kind == ActorKind.MEDIA and speaker == self._outlet_ref()
            hearsay = sp.pronoun_kind in ("report", "hearsay") or sp.how == _RELAYED_RUMOUR
            relayed = by_outlet and hearsay
            c0 = cue.end
            if cue.rule.get("recipient"):
                rec = next((m for m in self.mentions if m.start == c0), None)
                if rec is not None:
                    c0 = rec.end
                # 告诉记者，他“…”: the reporter told, then the speaker again as a pronoun
                told = _TOLD_REPORTER.match(self.text, c0)
                if told is not None:
                    c0 = told.end()
            c0 = _CONTENT_LEAD.match(self.text, c0).end()  # type: ignore[union-attr]
            if c0 < s1 and self.text[c0] in OPEN_QUOTES:
                q = next((q for q in self.quotes if q.open == c0), None)
                if q is None or q in bound:
                    continue
                if not is_term_quote(self.text, q, s1) and cue.start not in carried:
                    continue  # a quote the quote pass left: no speaker of its own

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
        return SpeakerPhrase(self.scope, ActorKind.MEDIA, start, start, _RELAYED_RUMOUR)

    def _carries_speaker(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` only carries the speaker before on (并, 但, 并配文)."""
        if _GOES_ON.fullmatch(self.text, start, end):
            return True
        lead = self.text[start:end].strip()
        return any(m.start == 0 and m.end == len(lead) for m in self.lex["goes_on"].finditer(lead))

    def _counterpart(self, sp: SpeakerPhrase) -> bool:
        """对方 / 对方工作人员: whom the reporter contacted, not the last speaker."""
        return sp.name == _COUNTERPART or self.text[sp.head_start : sp.head_end] == _COUNTERPART

    def _contacted(self, s0: int, cue: RuleMatch) -> SpeakerPhrase | None:
        """记者致电X，截至发稿未获回复 / 本报联系X。对方表示不予置评: X refuses (C8).

        The reporter's contact is looked for in the clauses before the cue, back to the
        start of the sentence before it in the same paragraph; the last one wins.
        """
        clause = self._clause_start(cue.start, s0)
        floor = s0
        if s0 > 0 and self.text[s0 - 1] != "\n":
            prev = max(self.text.rfind(p, 0, s0 - 1) for p in _SENTENCE_ENDS)
            floor = max(prev + 1, self.text.rfind("\n", 0, s0) + 1)
        last = None
        for m in self.lex["contacts"].finditer(self.text, floor, clause):
            last = m
        if last is None or "target" not in last.spans:
            return None
        a, b = last.spans["target"]
        sp = self.parser.parse(a, b)
        if sp is None or sp.how == "pronoun" or sp.kind not in _CONTACTED_KINDS:
            return None
        return sp

    def _inside_reported_speech(self, s0: int, pos: int) -> bool:
        """Whether ``pos`` lies in the content of someone's reported speech (李娜称，网传…)."""
        for cue in self._cues(s0, pos):
            if self._chained(cue, pos):
                continue
            if self._parse_speaker(s0, cue.start, s0) is not None:
                return True
        return False
