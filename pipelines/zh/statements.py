"""Building one Chinese statement record from a speaker, a cue and its content.

A mixin of :class:`pipelines.zh.attribution._ArticleRun`: ``_add`` reads the
stance of the content (:mod:`pipelines.stance`), finds the earlier claim a
response answers (:mod:`pipelines.zh.answering`), cleans the claim text,
splits a second turn of the same speaker off the content (…，但“B的说法不准确”,
a negated quote, the next item of a list, the clause after a semicolon) and
appends the record.
"""

from __future__ import annotations

import re
from typing import Any

from graph.records import ActorKind, ActorRef, Affiliation, Stance
from pipelines.lexicon import Lexicon
from pipelines.stance import StanceReading, read_stance
from pipelines.statement_record import statement_record
from pipelines.zh.answering import (
    NEGATION,
    NEGATION_WORD,
    ORDINAL,
    TAKES_UP,
    AnswerPass,
    clean_claim,
)
from pipelines.zh.claims import strip_rumour_lead, strip_stance_words
from pipelines.zh.doubts import doubt
from pipelines.zh.speakers import SpeakerParser, SpeakerPhrase

__all__ = ["StatementPass"]

# a clause of a quote that negates an event (未签署任何协议): a denial after an assertion
_NEGATED_EVENT = re.compile(
    r"\s*(?:目前|至今|迄今|也|还|均|都|并|从来|暂时?)?(?:未|没有|并未|从未|尚未|没)"
    r"(?:签署|签订|签约|达成|收到|接到|参与|进行|发生|做出|作出)"
)
_MIN_HEAD = 8
# "A将…，B将…": a second subject with a plan or a change of its own is a second claim
_PLANNED = re.compile(r"将|已经|已|正在|拟|未|有意|计划|打算")
_NEW_SUBJECT_PLAN = re.compile(
    r"\s*(?![并还也再又则就且而他她它该此])(?!其(?!中))(?!打算|准备|计划|预计|希望|决定|开始|继续|随后|同时)"
    r"[\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:将|已经|已|正在|拟)"
)
_HEARSAY_KINDS = (ActorKind.ANONYMOUS, ActorKind.GROUP, ActorKind.MEDIA)
# a clause that only sets the circumstances of the next one
_CIRCUMSTANCE = re.compile(r"(?:情况下|前提下|背景下|的时候|的话)\s*$")
# a sentence of a quote opening on these turns against the one before (“…。但…”)
_TURN_OPENING = re.compile(r"\s*(?:但是|但|不过|然而|可是)")
_FUTURE_LEAD = re.compile(r"^(?:将|会|要|已经|已|正在|正|计划|即将|准备|拟)")
# a clause that is a quote opening with a negation: ，“没有收到任何转单通知”
# a sentence opening on 对此 answers what was just said
_ON_THIS = re.compile(r"\s*(?:对此|就此|对于此事|针对此事|对于这一说法|对于上述说法)[，,]")
# a bare stance announcing the quote after it (对此表示怀疑。“…”): this many characters at most
_ANNOUNCEMENT = 12
# "一是A，二是B" / "其一…，其二…": the next item of a list the content opened (C3)
_NTH = "[二三四五六七八九十]"
_FIRST_ITEM = re.compile(r"(?:^|[：:，,])(?:一是|其一[是，,]|第一[是，,])")
_NEXT_ITEM = re.compile(rf"(?:{_NTH}是|其{_NTH}[是，,]|第{_NTH}[是，,])")
# the list's lead and the item's marker, not part of the claim: "两个说法：一是" / "二是"
_ANY_NTH = "[一二三四五六七八九十]"
_ITEM_LEAD = re.compile(
    rf"^(?:[^：:，,“”]{{0,8}}[：:])?(?:{_ANY_NTH}是|[其第]{_ANY_NTH}(?:是|[，,]))[，,]?"
)
_NEGATED_QUOTE = re.compile(
    r"[^“”，,]{0,12}“(?:目前|至今|迄今|暂时|公司|我们|我|均|都|也|还|仍|尚|并|完全|根本|从来)?"
    r"(?:没有|并没有|从未|从来没有|不会|并未|并非|不是|不存在|未发现|没发现)[^“”]{2,}”"
)
# in reported speech, "…，但…" usually hands the sentence back to the writer
_ADVERSATIVE = re.compile(r"[，,；;](?:但是|但|不过|然而|可是|而)")


class StatementPass(AnswerPass):
    """Statement building of :class:`pipelines.zh.attribution._ArticleRun` (a mixin)."""

    text: str
    original: str
    lex: Lexicon
    parser: SpeakerParser
    mentions: list[Any]
    out: Any
    last_speaker: tuple[int, ActorRef] | None
    _facts_concession: str | None = None  # the statement a concession answered in facts

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
        context_start: int | None = None,
        response: bool = False,
        conceded: str | None = None,
    ) -> bool:
        s0, s1 = sentence
        c0, c1 = content
        tail: tuple[int, int] | None = None
        if not quote:
            cut = _ADVERSATIVE.search(self.text, c0, c1)
            turn = self._second_turn(c0, cut.start() if cut else c1)
            if turn is not None:
                tail, c1 = (turn, c1), turn - 1
            elif cut:
                tail, c1 = (cut.end(), c1), cut.start()
        # a rumour "A将…，B将…" tells two: split where a second subject has plans of its own
        rumour = not quote and (base == Stance.REPORTS or speaker.kind in _HEARSAY_KINDS)
        if rumour and tail is None:
            turn = self._second_subject(c0, c1)
            if turn is not None:
                tail, c1 = (turn, c1), turn - 1
        q_end = c1
        if quote:
            turn = self._quote_turn(c0, c1)
            if turn is not None:
                tail, c1 = (turn, c1), turn
        raw = self.text[c0:c1]
        cs = s0 if context_start is None else context_start
        context = self.text[cs : c0 - 1] + self.text[q_end + 1 : s1] if quote else self.text[cs:c0]
        reading: StanceReading = read_stance(raw, base, self.lex, context, quoted=quote)
        # the whole sentence but the content: where a topic (对于…，) is named
        around = self.text[s0:c0] + self.text[c1:s1]
        stance, points_back = reading.stance, reading.points_back
        # 对此，X表示“不会…” opening the sentence: a negated answer to what was just said
        on_this = _ON_THIS.match(self.text, s0) is not None and NEGATION_WORD.search(raw)
        if (response or on_this) and stance == Stance.ASSERTS and NEGATION.search(raw):
            # a negated answer to a rumour (回应称“账号状态正常，没有任何处罚”) denies it
            stance, points_back = Stance.DENIES, True
        also = (sp.organization,) if sp is not None and sp.organization else ()
        # 这个数字我不太信, 证据不够, 订单拿什么交付？: a doubt (doubts.jsonl) questions a claim
        doubted = doubt(self.out.statements, speaker, raw, stance, self.lex, before=s0)
        if doubted.stance != stance:
            stance, points_back = doubted.stance, points_back or doubted.points_back
        claim_text: str | None = clean_claim(raw)
        if claim_text:
            claim_text = _ITEM_LEAD.sub("", claim_text, count=1) or claim_text  # 二是B -> B
        refers_to, verdict = self._answered(
            speaker, stance, raw, context, around, points_back, response, s0, also
        )
        # 确实… taking up a rumour by its facts (the verdict of a concession)
        by_facts = verdict is not None and stance == Stance.CONFIRMS and self._concedes_only(raw)
        if conceded is not None and stance == Stance.ASSERTS and NEGATION.search(raw):
            # "确有合作，但现款不会换": after conceding part of a claim, the negated rest denies it
            refers_to, verdict = conceded, Stance.DENIES
        if stance == Stance.CONFIRMS and refers_to is not None and self._opposes(raw, refers_to):
            stance = Stance.DENIES  # 证实账户“运行正常” against 停工: confirming the opposite
        if refers_to is None and stance == Stance.ASSERTS and not quote:
            refers_to = self._restated_rumour(speaker, raw, around)
            if refers_to is not None:
                stance = Stance.CONFIRMS  # 对于X辞职传闻，Y说，X“已提交辞呈”
        if refers_to is not None:
            if verdict is not None:
                stance = verdict  # 公司“目前没有任何融资计划” after a rumour about it
            claim_text = None
            if points_back:
                confidence -= 0.1
        elif points_back and reading.bare and not self._concedes_only(raw):
            return False  # "此消息不实" with nothing before it to deny
        elif stance != base and self._concedes_only(raw):
            stance = base  # 她确实在休息 with no claim it concedes: a plain statement
        elif stance in (Stance.DENIES, Stance.CONFIRMS, Stance.NO_COMMENT) and claim_text:
            claim_text = strip_stance_words(claim_text, self.lex)
            if _FUTURE_LEAD.match(claim_text) and speaker.kind != ActorKind.ANONYMOUS:
                claim_text = speaker.name + claim_text
        if claim_text and stance == Stance.REPORTS:
            claim_text = strip_rumour_lead(claim_text)
        if subject and claim_text:
            claim_text = subject + claim_text
        if claim_text is None and refers_to is None:
            return False
        if claim_text is not None and len(re.sub(r"\W", "", claim_text)) < 4:
            return False
        about = tuple(
            dict.fromkeys(
                self._known(m.name, m.kind)
                for m in self.mentions
                if c0 <= m.start and m.end <= c1 and not m.is_source_descriptor
            )
        )
        if subject:
            about = (*about, self._known(subject, ActorKind.ORGANIZATION))
        if (
            refers_to is None
            and stance == Stance.ASSERTS
            and self._elaborates(speaker, raw, s0, also)
        ):
            return True  # 否认…，称<the same denial in facts>: one statement
        self._drop_announcement(speaker, s0, quote, stance)
        if self._repeats_answer(
            speaker, stance, s0, refers_to, claim_text, quote, cue, conceded is not None
        ):
            return True
        local_id = f"s{len(self.out.statements) + 1}"
        self._facts_concession = local_id if by_facts else None
        self.out.statements.append(
            statement_record(
                self.original,
                local_id=local_id,
                speaker=speaker,
                stance=stance,
                sentence=(s0, s1),
                content=(c0, c1),
                quote=quote,
                rule=rule,
                claim_text=claim_text,
                refers_to=refers_to,
                about=tuple(dict.fromkeys(about)),
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
        elif (
            sp is not None
            and sp.how in ("org_name", "spokesperson")
            and (not speaker.aliases or sp.short_name)
        ):
            self.parser.orgs.add(speaker.name)
        if sp is not None and sp.role and sp.organization and sp.how != "spokesperson":
            org = self._known(sp.organization, sp.organization_kind)
            self.out.affiliations.append(
                Affiliation(
                    speaker, org, sp.role, self.original[s0:s1], "zh.affiliation.role_before_name"
                )
            )
        tail_text = self.text[tail[0] : tail[1]] if tail is not None else ""
        authors_own = sp is not None and sp.pronoun_kind == "author"  # 我的看法是：A，但B
        after_semicolon = tail is not None and self.text[tail[0] - 1] in "；;"
        # a response that took up a claim: a negated clause after it denies the same claim
        concedes = stance in TAKES_UP and refers_to is not None
        if tail is not None and (
            quote  # a quote is only split where a second statement starts (_quote_turn)
            or (rumour and _PLANNED.search(raw) and _NEW_SUBJECT_PLAN.match(tail_text))
            or self._own_stance(tail_text)
            or _NEGATED_QUOTE.match(tail_text)
            or (concedes and NEGATION.search(tail_text) is not None)
            or ORDINAL.match(tail_text)
            or _NEXT_ITEM.match(tail_text)
            or authors_own
            or after_semicolon
            or (stance in TAKES_UP and self.lex["opposites"].search(tail_text) is not None)
        ):
            # "A，但B的说法不准确": the turn after 但 is the speaker's own answer
            self._add(
                speaker=speaker,
                sp=sp,
                sentence=sentence,
                content=tail,
                rule=rule,
                cue=cue,
                base=Stance.ASSERTS,
                quote=quote,
                confidence=confidence - 0.1,
                via=via,
                context_start=context_start,
                # “…保持沟通，未签署任何协议”: the negated event answers the rumour
                response=quote and _NEGATED_EVENT.match(self.text, tail[0]) is not None,
                conceded=refers_to if concedes else None,
            )
        return True

    def _quote_turn(self, c0: int, c1: int) -> int | None:
        """Start of a second statement inside a quote of several sentences.

        "这是事实。但控股权不会出让": a sentence opening on 但 with a stance or a
        negation of its own.  A verdict followed by its grounds ("纯属谣言。行长
        今天还在主持例会。") stays one statement.
        """
        for m in re.finditer("[，,]", self.text[c0:c1]):
            # “双方保持沟通，未签署任何协议”: an assertion, then a negated event
            turn = c0 + m.end()
            head = self.text[c0 : turn - 1]
            if (
                _NEGATED_EVENT.match(self.text, turn)
                and len(re.sub(r"\W", "", head)) >= _MIN_HEAD
                and not NEGATION.search(head)
                and not self._own_stance(head)
            ):
                return turn
        for m in re.finditer("[。！？!?]", self.text[c0:c1]):
            turn = c0 + m.end()
            tail = self.text[turn:c1]
            if len(re.sub(r"\W", "", tail)) < 4:
                return None
            if _TURN_OPENING.match(tail) and (self._own_stance(tail) or NEGATION_WORD.search(tail)):
                return turn
        return None

    def _second_subject(self, c0: int, c1: int) -> int | None:
        """Start of "B将…" after "A将…，" in a rumour: a second proposition."""
        for m in re.finditer("[，,]", self.text[c0:c1]):
            comma = c0 + m.start()
            if self._in_quote(comma) or not _PLANNED.search(self.text, c0, comma):
                continue
            if _NEW_SUBJECT_PLAN.match(self.text, comma + 1, c1):
                return comma + 1
        return None

    def _second_turn(self, c0: int, c1: int) -> int | None:
        """Start of a clause of reported content that answers on its own.

        "上述说法“完全不属实”，公司“没有任何退出计划”": after a comma, a clause with
        a stance phrase and words of its own, or a quote opening with a
        negation, is a second statement of the same speaker.
        """
        for m in re.finditer("[，,；;]", self.text[c0:c1]):
            comma = c0 + m.start()
            if self._in_quote(comma) or len(re.sub(r"\W", "", self.text[c0:comma])) < 4:
                continue
            if m.group() in "；;" and len(re.sub(r"\W", "", self.text[comma:c1])) >= 4:
                return comma + 1  # A；B: two propositions
            end = comma + 1
            while end < c1 and (self.text[end] not in "，,；;" or self._in_quote(end)):
                end += 1
            clause = self.text[comma + 1 : end]
            if _CIRCUMSTANCE.search(self.text, c0, comma):
                continue  # 在二期数据尚未读出的情况下，A: a circumstance, not a statement
            if _NEGATED_QUOTE.match(clause) or ORDINAL.match(clause):
                return comma + 1  # a negated quote, or the next item of a list (第二条…)
            if _NEXT_ITEM.match(clause) and _FIRST_ITEM.search(self.text[c0:comma]):
                return comma + 1  # 一是A，二是B: two items, two statements
            if self._own_stance(clause):
                reading = read_stance(clause, Stance.ASSERTS, self.lex)
                before = read_stance(self.text[c0:comma], Stance.ASSERTS, self.lex)
                # “看新闻才知道”，“也不掌握情况”: one refusal said twice is one statement
                if not reading.bare and before.stance != reading.stance:
                    return comma + 1
            if self._own_stance(self.text[c0:comma]) and self.lex["opposites"].search(clause):
                return comma + 1  # "A纯属谣言，项目按计划推进": a denial, then a second answer
        return None

    def _repeats_answer(
        self,
        speaker: ActorRef,
        stance: Stance,
        s0: int,
        refers_to: str | None,
        claim_text: str | None,
        quote: bool,
        cue: str,
        conceding: bool,
    ) -> bool:
        """Whether this answer repeats the one just made in the same sentence.

        "确实收到了保价通知，但并未接到降价指令": the concession already answered
        the rumour in facts (保价 against 降价), and the negated rest denies the same
        rumour.  "否认项目被叫停，称该项目仍在正常研发中": a second cue whose content
        answers the same claim the same way.  Either sentence is one answer, not two.
        """
        if quote or refers_to is None or claim_text is not None or not self.out.statements:
            return False
        last = self.out.statements[-1]
        again = (conceding and last.local_id == self._facts_concession) or (
            bool(last.cue) and bool(cue) and last.cue != cue
        )
        return (
            again
            and last.start == s0
            and last.quote is None
            and last.speaker == speaker
            and last.stance == stance
            and last.refers_to == refers_to
            and last.claim_text is None
        )

    def _concedes_only(self, text: str) -> bool:
        """Whether the stance words of ``text`` only concede a claim (确实在…)."""
        found = list(self.lex["content_cues"].finditer(text))
        return bool(found) and all(m.rule.get("needs_claim") for m in found)

    def _own_stance(self, text: str) -> bool:
        """Whether ``text`` says a stance of its own (不准确, 可能被夸大, 未予置评 …)."""
        return any(
            m.rule.get("stance", "asserts") != "asserts"
            for m in self.lex["content_cues"].finditer(text)
        )

    def _drop_announcement(self, speaker: ActorRef, s0: int, quote: bool, stance: Stance) -> None:
        """对此表示怀疑。“…”他说。: the quote says what the bare stance announced."""
        if not quote or not self.out.statements:
            return
        last = self.out.statements[-1]
        cue_at = last.evidence.find(last.cue) if last.cue else -1
        said = last.evidence[cue_at + len(last.cue) :] if cue_at >= 0 else last.evidence
        if (
            last.speaker == speaker
            and last.stance == stance
            and last.claim_text is None
            and last.quote is None
            and len(re.sub(r"\W", "", said)) <= _ANNOUNCEMENT
            and not self.text[last.end : s0].strip()
            and not any(st.refers_to == last.local_id for st in self.out.statements)
        ):
            self.out.statements.pop()
