"""Which earlier claim a Chinese statement takes up, seen from the statement builder.

A mixin of :class:`pipelines.zh.statements.StatementPass`: the response of
a statement (its own words, the topic its sentence opens on, whether it
points back) is put to :func:`pipelines.zh.responses.answered_claim`; a
statement that restates a rumour its sentence opens on confirms it; a
sentence opening on 与此同时 turns to another matter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
from pipelines.lexicon import Lexicon
from pipelines.zh.claims import strip_stance_words
from pipelines.zh.rebuttals import answer
from pipelines.zh.responses import Response, answered_claim, opposed, overlap

__all__ = ["NEGATION", "NEGATION_WORD", "ORDINAL", "TAKES_UP", "AnswerPass", "clean_claim"]

# negation in a response to a rumour: 回应称“账号状态正常，没有任何处罚”
NEGATION = re.compile(
    r"没有|并没有|从未|从来没有|不会|并未|未曾|并非|不是|不存在|一切正常|状态正常|暂无|暂未"
    r"|未(?:收到|接到|听说|发现|签署|签订|签约|达成|参与|进行|发生|做出|作出)"
)
_CLAIM_LEAD = re.compile(r"(?:了|称|说|道|表示)?[\s，,：:“]*")
_CONTENT_TRAIL = re.compile(r"[\s。！？!?；;，,…”“]+$")
# a plain negation word (not a steady state such as 一切正常)
NEGATION_WORD = re.compile(r"没有|并没有|从未|从来没有|不会|并未|未曾|并非|不是|不存在")
TAKES_UP = (Stance.DENIES, Stance.CONFIRMS, Stance.NO_COMMENT, Stance.QUESTIONS)
# an anaphor this close to the start is the content's subject (该传闻有一定依据)
_ANAPHOR_OPENING = 6
# a denial or refusal this close after a rumour answers it, words in common or not
_RUMOUR_REACH = 300
# 第二条（传闻）…: the n-th item of a list of rumours
ORDINAL = re.compile(r"第(?P<n>[一二三四五六七八九十]|\d{1,2})(?:条|个|则)")
# …“数据惨淡”的说法: a quoted phrase called a claim is a rumour's
_RUMOUR_WORD = re.compile(r"传言|传闻|网传|谣言|爆料|流言|小道消息|[”」]的说法")
# the content names the rumour it answers: 否认了裁员传闻, 网传停产一事纯属谣言, “…”的说法
_NAMES_A_RUMOUR = re.compile(
    r"[\u4e00-\u9fff]{2}[”」]?(?:的)?(?:传闻|传言|说法|报道|消息|一事|一说)"
)
# 未就此作出回应 / 对此不予置评: a refusal about what was just said
_THIS_MATTER = re.compile(r"[就对]此")
# how far into a sentence a topic shift (与此同时，) is looked for
_SHIFT_WINDOW = 16
# a person introduced with a role (青禾零售创始人兼CEO王某): how far back the roles reach,
# and the organisation name right before them
_MIN_NAME = 2
_ROLE_REACH = 12
_ORG_HEAD_MAX = 10
_ORG_HEAD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·&]{2,10}$")
_DEICTIC = re.compile(r"[该本这此其我我们他她]")
_OPENING = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·&]{3,12}")
# a statement of these stances right after a rumour answers it on one shared word
_ADJACENT_ANSWERS = (Stance.DENIES, Stance.NO_COMMENT, Stance.CONFIRMS)


class AnswerPass:
    """Response finding of :class:`pipelines.zh.statements.StatementPass` (a mixin)."""

    text: str
    lex: Lexicon
    out: Any

    # provided by the statement pass
    _own_stance: Any

    def _restated_rumour(self, speaker: ActorRef, raw: str, around: str) -> str | None:
        """The rumour a statement restates when its sentence opens on that rumour.

        "对于…辞职传闻，工作人员说，他已提交辞呈": asked about a rumour, the
        speaker says it in its own words, unnegated: a confirmation.
        """
        frames = [m.group("topic") or "" for m in self.lex["topic_frames"].finditer(around)]
        frames = [f for f in frames if _RUMOUR_WORD.search(f)]
        if not frames or NEGATION.search(raw) or self._own_stance(raw):
            return None
        found = answered_claim(
            self.out.statements,
            Response(speaker, "，".join([clean_claim(raw), *frames]), rumour_only=True),
            self.lex,
        )
        if found is None:
            return None
        claim = next(st.claim_text for st in self.out.statements if st.local_id == found)
        shared, _ = overlap(clean_claim(raw), claim or "", self.lex)
        return found if shared else None

    def _topic_shift(self, s0: int) -> int | None:
        """Start of the latest sentence of this paragraph that turns to another matter."""
        para = self.text.rfind("\n", 0, s0) + 1
        ends = [para + m.end() for m in re.finditer("[。！？!?]", self.text[para:s0])]
        found = None
        for at in [para, *ends]:
            if self.lex["topic_shifts"].search(self.text[at : at + _SHIFT_WINDOW].lstrip()):
                found = at
        return found

    def _paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def _opposes(self, raw: str, local_id: str) -> bool:
        """Whether ``raw`` states the opposite of the claim of statement ``local_id``."""
        claim = next((st.claim_text for st in self.out.statements if st.local_id == local_id), None)
        return claim is not None and opposed(raw, claim, self.lex)

    def _answered(
        self,
        speaker: ActorRef,
        stance: Stance,
        raw: str,
        context: str,
        around: str,
        points_back: bool,
        response: bool,
        s0: int,
        also: tuple[str, ...],
    ) -> tuple[str | None, Stance | None]:
        """The earlier statement whose claim this one takes up (see :mod:`responses_zh`),
        and the stance that taking it up gives an assertion (a negated restatement or
        an answer in facts, :mod:`pipelines.zh.rebuttals`), if any."""
        anaphors = self.lex["anaphors"]
        opening = anaphors.search(raw[:_ANAPHOR_OPENING])
        ordinal = ORDINAL.match(raw)
        opens = (opening is not None and opening.start == 0) or ordinal is not None
        if stance == Stance.QUESTIONS and self.lex["official_accounts"].search(raw):
            official = self._official_statement(s0)
            if official is not None:
                return official, None  # 厂家的说法他不太相信: what the organisation said
        if stance in TAKES_UP or (stance == Stance.ASSERTS and opens):
            # 该传闻有一定依据: an assessment of the rumour is about the rumour
            points = (
                points_back
                or opens
                or _NAMES_A_RUMOUR.search(raw) is not None
                or response
                or stance == Stance.NO_COMMENT
                or anaphors.search(context) is not None
                or self.lex["demonstratives"].search(raw) is not None
            )
            own = strip_stance_words(clean_claim(raw), self.lex)
            topic = [m.group("topic") or "" for m in self.lex["topic_frames"].finditer(around)]
            if not topic:
                # 至于出售前滩项目，X的回应要模糊得多。Y表示…: a topic set earlier in the paragraph
                para = self.text.rfind("\n", 0, s0) + 1
                earlier = list(self.lex["topic_frames"].finditer(self.text, para, s0))
                topic = [earlier[-1].group("topic") or ""] if earlier else []
            adjacent = s0 - _RUMOUR_REACH if stance in _ADJACENT_ANSWERS else None
            found = answered_claim(
                self.out.statements,
                Response(
                    speaker,
                    "，".join([own, *topic]),
                    points,
                    adjacent_from=adjacent,
                    also=also,
                    rumour_only=_RUMOUR_WORD.search(raw + "".join(topic)) is not None,
                    ordinal=_ordinal_number(ordinal.group("n")) if ordinal else None,
                    own_rumours=stance == Stance.NO_COMMENT,
                    latest_about=stance == Stance.NO_COMMENT,
                    adjacent_needs_word=stance == Stance.CONFIRMS,
                    unique_word=stance in (Stance.DENIES, Stance.QUESTIONS),
                    shift_at=self._topic_shift(s0),
                    this_paragraph=self._paragraph_start(s0)
                    if stance == Stance.NO_COMMENT and _THIS_MATTER.search(around)
                    else None,
                ),
                self.lex,
            )
            if found is None and stance in (Stance.DENIES, Stance.CONFIRMS):
                # 没有裁员 / 确实收到了保价通知 that names no claim: the rumour's subject on
                # the rumour's matter answers it (a concession takes the verdict of its facts)
                facts = self._facts(speaker, raw, s0, also)
                if facts is not None:
                    return facts[1], facts[0] if stance == Stance.CONFIRMS else None
            return found, None
        if self._said_earlier(raw, s0):
            return None, None  # X曾在论坛上强调…: said before the news, it answers nothing
        if NEGATION.search(raw):
            # a negated restatement by the one a rumour is about answers it
            found = answered_claim(
                self.out.statements, Response(speaker, raw, about_only=True, also=also), self.lex
            )
            if found is not None:
                return found, Stance.DENIES
        if self.lex["opposites"].search(raw):
            # 项目按计划推进 from the one said to delay it: the opposite, so a denial
            found = answered_claim(
                self.out.statements,
                Response(speaker, raw, about_only=True, also=also, opposite_only=True),
                self.lex,
            ) or answered_claim(
                # 项目“正常施工” after a rumour that it stopped: whoever says so answers it
                self.out.statements,
                Response(speaker, raw, opposite_only=True, rumour_only=True),
                self.lex,
            )
            if found is not None:
                return found, Stance.DENIES
        if stance == Stance.ASSERTS:
            # the rumour's subject answering in facts: 门店均正常营业, 涉及员工不足30人
            facts = self._facts(speaker, raw, s0, also)
            if facts is not None:
                return facts[1], facts[0]
        return None, None

    def _facts(
        self,
        speaker: ActorRef,
        raw: str,
        s0: int,
        also: tuple[str, ...],
        statements: Sequence[ExtractedStatement] | None = None,
    ) -> tuple[Stance, str] | None:
        """An answer in facts (:func:`pipelines.zh.rebuttals.answer`) to a claim told before."""
        # the organisation counts only where the sentence names it (X创始人Y, X相关负责人)
        at = self.text.find(raw, s0)
        phrase = self.text[s0:at] if at >= 0 else ""
        named = [org for org in also if org and org[:2] in phrase]
        # 他 of 创始人魏思远 introduced before: the organisations the article tied him to
        named += [aff.organization.name for aff in self.out.affiliations if aff.member == speaker]
        heads, openings = self._introduced_orgs(speaker, s0)
        openings += self._described_org(speaker)
        said = self.out.statements if statements is None else statements
        # only claims of earlier sentences: within one sentence, a cue says who answers
        return answer(
            said,
            speaker,
            raw,
            self.lex,
            before=s0,
            also=tuple(dict.fromkeys(named + heads)),
            openings=openings,
            named_only=statements is None,
        )

    def _introduced_orgs(self, speaker: ActorRef, before: int) -> tuple[list[str], list[str]]:
        """Organisations a person was introduced with in the narration, and the openings of
        sentences that introduced it with a role after a comma (the organisation is then
        their subject: 青禾零售成立于2019年，创始人王某…)."""
        heads: list[str] = []
        openings: list[str] = []
        if speaker.kind != ActorKind.PERSON or len(speaker.name) < _MIN_NAME:
            return heads, openings
        for m in re.finditer(re.escape(speaker.name), self.text[:before]):
            start = m.start()
            # the role words right before the name (创始人兼CEO王某): their chain's start
            roles = list(self.lex["roles"].finditer(self.text, max(0, start - _ROLE_REACH), start))
            while roles and roles[-1].end >= start - 1:
                start = roles.pop().start
            if start == m.start():
                continue
            head = _ORG_HEAD.search(self.text, max(0, start - _ORG_HEAD_MAX), start)
            core = head.group() if head else ""
            for rule in self.lex["org_suffixes"].rules:
                if core.endswith(rule.pattern):
                    core = core[: -len(rule.pattern)]
                    break
            if head and len(core) >= _MIN_NAME and not _DEICTIC.match(core):
                heads.append(head.group())
            elif self.text[start - 1 : start] in "，,":
                s0 = max(self.text.rfind(p, 0, start) for p in "。！？!?\n") + 1
                opening = _OPENING.match(self.text, s0)
                if opening and not _DEICTIC.match(opening.group()):
                    openings.append(opening.group())
        return heads, openings

    def _official_statement(self, s0: int) -> str | None:
        """The claim of the latest statement an organisation made before ``s0``: its own,
        or the one it answered."""
        for st in reversed(self.out.statements):
            if st.end <= s0 and st.speaker.kind == ActorKind.ORGANIZATION:
                return st.refers_to or st.local_id
        return None

    def _said_earlier(self, raw: str, s0: int) -> bool:
        """Whether the speaker phrase dates the assertion before the news (曾, 此前, 去年…)."""
        at = self.text.find(raw, s0)
        return at >= 0 and self.lex["earlier_said"].search(self.text, s0, at) is not None

    def _described_org(self, speaker: ActorRef) -> list[str]:
        """The organisation a person's description names before its role words
        (茶小满北京区域负责人 -> 茶小满北京区域), read as an opening: a claim naming its
        first characters names the person's side."""
        text = speaker.description
        if speaker.kind != ActorKind.PERSON or not text:
            return []
        roles = [m for m in self.lex["roles"].finditer(text) if m.end == len(text)]
        if not roles:
            return []
        org = text[: roles[0].start]
        return [org] if _OPENING.fullmatch(org) and not _DEICTIC.match(org) else []

    def _elaborates(self, speaker: ActorRef, raw: str, s0: int, also: tuple[str, ...]) -> bool:
        """Whether an assertion goes on with the answer its speaker just gave in this sentence.

        "X否认项目被取消，称该项目仍在正常研发中": the second cue's content is the
        same denial in facts (C3: one proposition, one statement).
        """
        last = self.out.statements[-1] if self.out.statements else None
        if (
            last is None
            or last.start != s0
            or last.speaker != speaker
            or last.refers_to is None
            or last.stance not in (Stance.DENIES, Stance.CONFIRMS)
        ):
            return False
        target = [st for st in self.out.statements if st.local_id == last.refers_to]
        facts = self._facts(speaker, raw, s0, also, statements=target)
        return facts is not None and facts[0] == last.stance


def clean_claim(raw: str) -> str:
    """``raw`` without the cue's tail before it and punctuation after it."""
    raw = raw.strip()
    return _CONTENT_TRAIL.sub("", raw[_CLAIM_LEAD.match(raw).end() :])  # type: ignore[union-attr]


def _ordinal_number(word: str) -> int:
    digits = "一二三四五六七八九十"
    return int(word) if word.isdigit() else digits.index(word) + 1
