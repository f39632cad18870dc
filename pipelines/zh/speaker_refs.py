"""Who a Chinese speaker phrase stands for: names, pronouns, documents.

A mixin of :class:`pipelines.zh.attribution._ArticleRun`.  A pronoun (其, 他,
该公司) takes the speaker just introduced or the last one; a report pronoun
(报道还称, 该文称) the publication quoted last, else the article's outlet; a
document (声明称, 《通报》显示) the organisation that issued or forwarded it
shortly before, in the same sentence or an earlier one.
"""

from __future__ import annotations

import re
from typing import Any

from graph.records import ActorKind, ActorRef
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon
from pipelines.zh.speakers import SpeakerParser, SpeakerPhrase

__all__ = ["SpeakerRefs"]

_UNNAMED = "未具名消息来源"
_DOCUMENT_REACH = 400
_DOCUMENT_DEMONSTRATIVE = re.compile(r"^(?:该|这份|此份|上述|这则|此)")
_POST_REACH = 300  # 帖子还说 refers to a poster quoted shortly before
_POSTERS = (ActorKind.ANONYMOUS, ActorKind.GROUP, ActorKind.PERSON)
_SENTENCE_END = "。！？!?\n"
# 这名工作人员 / 该负责人: a role the article introduced with its speaker shortly before
_DEMONSTRATIVE_ROLE = re.compile(r"(?:该|这位|这名|此位|那位)(?P<role>[\u4e00-\u9fff]{2,5})")
_ROLE_REACH = 600
_LATIN_WORD = re.compile(r"[A-Z][a-zA-Z\-]+")


class SpeakerRefs:
    """Speaker resolution of :class:`pipelines.zh.attribution._ArticleRun` (a mixin)."""

    text: str
    original: str
    lex: Lexicon
    gaz: Gazetteer
    scope: str | None
    parser: SpeakerParser
    mentions: list[Any]
    out: Any
    last_speaker: tuple[int, ActorRef] | None
    token_ends: set[int]

    def _clause_start(self, pos: int, floor: int) -> int:  # provided by the run
        raise NotImplementedError

    def _outlet_ref(self) -> ActorRef:
        if self.scope:
            return self._known(self.scope, ActorKind.MEDIA)
        return ActorRef(_UNNAMED, ActorKind.ANONYMOUS)

    def _known(self, name: str, kind: ActorKind, description: str = "") -> ActorRef:
        return self.gaz.ref(name, kind, description)

    def _speaker_ref(self, sp: SpeakerPhrase) -> ActorRef | None:
        if sp.how == "pronoun":
            return self._resolve_pronoun(sp)
        if sp.how == "outlet":
            return self._outlet_ref()
        if sp.kind == ActorKind.ANONYMOUS:
            return ActorRef(sp.name, sp.kind, description=sp.description, scope=self.scope)
        if sp.how == "latin_name":
            sp = self._full_latin_name(sp)
        ref = self._known(sp.name, sp.kind, sp.description)
        if sp.kind == ActorKind.ORGANIZATION and ref.name == sp.name and not ref.aliases:
            long = self._long_form(sp.name)
            if long is not None:
                # 极驰 after "新能源车企极驰汽车": the name the article introduced
                known = self._known(long, ActorKind.ORGANIZATION, sp.description)
                return ActorRef(known.name, known.kind, (sp.name,), known.description)
        if sp.short_name and not ref.aliases:
            # 青岛海鸥足球俱乐部, called 青岛海鸥 in running text
            return ActorRef(ref.name, ref.kind, (sp.short_name,), ref.description)
        written = self._as_written(sp)
        if ref.name == sp.name and not ref.aliases and written != sp.name:
            # 天曜娛樂 in a traditional-script article: named as written, the folded form an alias
            return ActorRef(written, ref.kind, (sp.name,), ref.description)
        return ref

    def _long_form(self, name: str) -> str | None:
        """The one longer name ``name`` + an organisation suffix the article uses (极驰汽车).

        Only for a bare short form: a name that already ends with a suffix is
        whole (星澜手机 is not 星澜手机公司).
        """
        # a bare type noun (Shopify公司, 极驰集团) describes the name, it does not lengthen it
        types = {r.pattern for r in self.lex["org_type_nouns"].rules if r.get("bare")}
        suffixes = [
            r.pattern
            for r in self.lex["org_suffixes"].rules
            if len(r.pattern) >= 2 and r.pattern not in types
        ]
        if len(name) < 2 or any(name.endswith(x) for x in suffixes):
            return None
        longs = {
            name + x
            for x in suffixes
            if any(
                m.end() in self.token_ends  # not 丰禾粮油证券部: a department, no longer name
                for m in re.finditer(re.escape(name + x), self.text)
            )
        }
        longs = {n for n in longs if not any(o != n and o.startswith(n) for o in longs)}
        return next(iter(longs)) if len(longs) == 1 else None

    def _full_latin_name(self, sp: SpeakerPhrase) -> SpeakerPhrase:
        """Rossi after "Marco Rossi" earlier in the article: the full name."""
        if " " in sp.name or not _LATIN_WORD.fullmatch(sp.name):
            return sp
        full = re.findall(
            rf"[A-Z][a-zA-Z\-]+ {re.escape(sp.name)}(?![A-Za-z])", self.text[: sp.head_start]
        )
        if len(set(full)) != 1:
            return sp
        # a first name and this one before: a person's surname
        return SpeakerPhrase(**{**sp.__dict__, "name": full[0], "kind": ActorKind.PERSON})

    def _as_written(self, sp: SpeakerPhrase) -> str:
        """``sp.name`` as the article spells it (the text is folded to simplified)."""
        i = self.text.rfind(sp.name, 0, max(sp.head_end, sp.head_start + len(sp.name)))
        return self.original[i : i + len(sp.name)] if i >= 0 else sp.name

    def _resolve_pronoun(self, sp: SpeakerPhrase) -> ActorRef | None:
        if sp.pronoun_kind == "document":
            noun = _DOCUMENT_DEMONSTRATIVE.sub("", self.text[sp.head_start : sp.head_end]).strip(
                "《》"
            )
            issuer = self._document_issuer(sp.head_end, noun)
            if issuer is not None:
                return issuer
        if sp.pronoun_kind == "hearsay":
            # 截图称 / 聊天记录显示: no one stands behind it but the outlet that relays it
            return self._outlet_ref() if self.scope else None
        if sp.pronoun_kind == "report":
            # 报道还称 / 该报道援引…: the last publication this article quoted
            for st in reversed(self.out.statements):
                if st.speaker.kind == ActorKind.MEDIA and st.speaker != self._outlet_ref():
                    return st.speaker
            # 该文称 … 最初发布该文章的公众号“X”: named only later in the article
            late = self.lex["late_sources"].search(self.text, sp.head_end)
            if late is not None and late.group("name"):
                return self._known(late.group("name") or "", ActorKind(late.rule.get("kind")))
            # 该文称 after "一篇文章在…传播": an unnamed post the outlet relays
            return self._outlet_ref() if self.scope else None
        if sp.pronoun_kind == "post":
            return self._poster(sp.head_start)
        if sp.pronoun_kind == "author":
            return self._outlet_ref()  # 我们估算 in a research note: the publisher
        if sp.pronoun_kind in ("organization", None) and self.text[sp.head_start] == "其":
            account = self._account_in_sentence(sp.head_start)
            if account is not None:
                return account  # 公众号“X”已删除原文，其运营者未回应: X
        if sp.pronoun_kind in ("organization", "media"):
            named = self._named_of_type(sp)
            if named is not None:
                return named
            # 网传蓝港物流将…。对此，其相关负责人表示: the organisation a claim opens with
            if sp.pronoun_kind == "organization":
                for st in reversed(self.out.statements):
                    name = self.parser.org_opening(st.claim_text or "")
                    if name is not None:
                        return self._known(name, ActorKind.ORGANIZATION)
            return None
        same_role = self._same_role_speaker(sp)
        if same_role is not None:
            return same_role
        intro = [(pos, n) for pos, n in self.parser.introduced if pos <= sp.head_start]
        last_pos = self.last_speaker[0] if self.last_speaker is not None else -1
        if intro and intro[-1][0] > last_pos and sp.head_start - intro[-1][0] < 300:
            # 站长老周，他直接跟我说: the person just introduced
            return self._known(intro[-1][1], ActorKind.PERSON)
        opening = max(self.text.rfind(ch, 0, sp.head_start) for ch in _SENTENCE_END) + 1
        if sp.pronoun_kind is None and opening >= last_pos and self.text[sp.head_start] in "他她":
            # 张文博本人当晚出席活动时被问及此事，他笑着说: the person the sentence is about
            subject = self.parser.subject_person(opening, sp.head_start)
            if subject is not None:
                return self._known(subject, ActorKind.PERSON)
        named = self._person_just_named(sp, last_pos) if sp.pronoun_kind is None else None
        if named is not None:
            # 李春梅的驿站关门时已经快十点。她说…: the person the sentence before is about
            return self._known(named, ActorKind.PERSON)
        fresh = [
            m
            for m in self.mentions
            if last_pos <= m.start
            and m.end <= sp.head_start
            and m.kind == ActorKind.ANONYMOUS
            and sp.head_start - m.end < 120
        ]
        if fresh and sp.pronoun_kind is None:
            # 一位债权人则没那么乐观。他对《财经》表示: the source just introduced
            m = fresh[-1]
            return self._speaker_ref(SpeakerPhrase(m.name, m.kind, m.start, m.end, "descriptor"))
        if self.last_speaker is not None and sp.head_start - self.last_speaker[0] < 400:
            return self.last_speaker[1]
        for m in reversed(self.mentions):
            if m.end <= sp.head_start and m.kind in (ActorKind.PERSON, ActorKind.ANONYMOUS):
                return self._speaker_ref(
                    SpeakerPhrase(m.name, m.kind, m.start, m.end, "descriptor")
                )
        return None

    def _named_of_type(self, sp: SpeakerPhrase) -> ActorRef | None:
        """该公司 / 该行 / 该平台: the organisation (or outlet) of that type named last.

        Candidates are the mentions, the organisations the article quoted and
        those it named as speakers, nearest first; a type noun with name endings
        (org_type_nouns: 该行 -> …银行) takes the nearest that ends so, if any.
        """
        pos = sp.head_start
        found: list[tuple[int, ActorRef]] = [
            (m.start, self._known(m.name, m.kind))
            for m in self.mentions
            if m.end <= pos and m.kind == sp.pronoun_kind
        ]
        # an organisation the article only named as a speaker (鼎泰地产 … 公司…负责人)
        found += [
            (st.start, st.speaker)
            for st in self.out.statements
            if st.start < pos
            and st.speaker.kind == sp.pronoun_kind
            and st.speaker != self._outlet_ref()
        ]
        if not found:
            return None
        ends = self._type_endings(self.text[sp.head_start : sp.head_end])
        typed = [(at, ref) for at, ref in found if ends and ref.name.endswith(ends)]
        return max(typed or found, key=lambda f: f[0])[1]

    def _type_endings(self, phrase: str) -> tuple[str, ...]:
        """The name endings the type noun in ``phrase`` asks for (该行 -> 银行, 农商行 …)."""
        rules = sorted(self.lex["org_type_nouns"].rules, key=lambda r: -len(r.pattern))
        for rule in rules:
            if re.search(rf"(?:该|这家|此|本){re.escape(rule.pattern)}", phrase):
                return tuple(rule.get("ends") or ())
        return ()

    def _person_just_named(self, sp: SpeakerPhrase, last_pos: int) -> str | None:
        """A person named in the sentence before a 他/她 (or in its own, before it).

        Only after the last speaker's sentence and in the same paragraph: "65岁的储户
        王秀兰正在办理…。“…”她说" is 王秀兰, not the source quoted a paragraph before.
        """
        pos = sp.head_start
        if self.text[pos] not in "他她":
            return None
        # “…？”她说: the sentence opens before the quotation
        quote_at = self.text.rfind("“", 0, pos) if self.text[pos - 1 : pos] == "”" else -1
        end = quote_at if quote_at >= 0 else pos
        own = max(self.text.rfind(ch, 0, end) for ch in _SENTENCE_END) + 1
        if own > 0 and self.text[own - 1] == "\n":
            return None  # the pronoun opens a paragraph
        before = max(self.text.rfind(ch, 0, max(own - 1, 0)) for ch in _SENTENCE_END) + 1
        if before < last_pos or "\n" in self.text[before:pos]:
            return None
        found = None
        at = before
        for pair in self.parser.tagger.cut(self.text[before:pos]):
            word = pair.word
            if (
                word in self.parser.people
                or (pair.flag in ("nr", "nrfg", "nrt") and 2 <= len(word) <= 4)
            ) and not self._inside_quote(at):
                found = word
            at += len(word)
        return found

    def _inside_quote(self, pos: int) -> bool:
        opening = self.text.rfind("“", 0, pos)
        return opening >= 0 and self.text.rfind("”", 0, pos) < opening

    def _same_role_speaker(self, sp: SpeakerPhrase) -> ActorRef | None:
        """这名工作人员说 after "X一名工作人员回复称": the speaker that role introduced."""
        m = _DEMONSTRATIVE_ROLE.fullmatch(self.text, sp.head_start, sp.head_end)
        if m is None:
            return None
        for st in reversed(self.out.statements):
            if sp.head_start - st.start > _ROLE_REACH:
                break
            cue_at = st.evidence.find(st.cue) if st.cue else -1
            if cue_at > 0 and m.group("role") in st.evidence[:cue_at]:
                return st.speaker if st.speaker != self._outlet_ref() else None
        return self._role_introduced(m.group("role"), sp.head_start)

    def _role_introduced(self, role: str, pos: int) -> ActorRef | None:
        """这位负责人说 after "X司有关负责人接受了记者采访": the office that role speaks for.

        The role was introduced in a sentence that quoted nothing; the phrase
        ending with it there names the organisation.
        """
        at = self.text.rfind(role, max(0, pos - _ROLE_REACH), pos)
        if at < 0 or _DEMONSTRATIVE_ROLE.fullmatch(self.text, max(0, at - 2), at + len(role)):
            return None
        clause = max(self.text.rfind(ch, 0, at) for ch in "，,。！？!?：:\n") + 1
        found = self.parser.parse(clause, at + len(role))
        if found is None or found.how != "spokesperson" or found.head_end != at + len(role):
            return None
        if self.text.count(found.name) < 2 and found.name not in self.parser.orgs:
            return None  # 记者联系了X公司: a name the article never uses again is unsure
        return self._speaker_ref(found)

    def _account_in_sentence(self, pos: int) -> ActorRef | None:
        """The last named channel account (公众号“X”) of the sentence before ``pos``."""
        start = max(self.text.rfind(ch, 0, pos) for ch in _SENTENCE_END) + 1
        found = list(self.lex["accounts"].finditer(self.text, start, pos))
        if not found:
            return None
        m = found[-1]
        return self._known(m.group("name") or "", ActorKind(m.rule.get("kind")))

    def _poster(self, pos: int) -> ActorRef | None:
        """帖子还说: whoever the article last quoted, if an unnamed or private voice nearby."""
        for st in reversed(self.out.statements):
            if st.start >= pos:
                continue
            if pos - st.start > _POST_REACH:
                return None
            if st.speaker.kind in _POSTERS and st.speaker != self._outlet_ref():
                return st.speaker
            return None
        return None

    def _document_issuer(self, pos: int, noun: str = "") -> ActorRef | None:
        """Who issued the document a 声明称 stands for.

        X发布《…声明》 or X出具的说明 shortly before (``pos`` is the end of the
        document word), else a filer named right after (起诉状显示，X将Y诉至法院).
        """
        floor = max(0, pos - _DOCUMENT_REACH)
        found = list(self.lex["issuing"].finditer(self.text, floor, pos))
        for m in reversed(found):
            if noun and not m.text.endswith(noun):
                continue  # 声明写道 after "X发布说明…": another document
            # the clause opening the sentence ends at the sentence before it
            sentence = max(self.text.rfind(ch, floor, m.start) for ch in _SENTENCE_END) + 1
            end = m.start
            if self.text[end - 1 : end] in "）)" and end > sentence:
                # Kingsway Labs（金斯威检测）出具的说明: the name before its gloss
                gloss = max(self.text.rfind(b, sentence, end) for b in "（(")
                end = gloss if gloss > sentence else end
            start = self._clause_start(end, max(floor, sentence))
            cited = self.text.rfind("援引", start, end)  # 起诉状援引X出具的说明: X issued it
            sp = self.parser.parse(cited + 2 if cited >= 0 else start, end)
            if sp is not None and sp.how == "latin_name":
                # a Latin name issuing a document is an organisation (Northgate Labs出具的报告)
                sp = SpeakerPhrase(**{**sp.__dict__, "kind": ActorKind.ORGANIZATION})
            if sp is not None and sp.how != "pronoun":
                if sp.how in ("org_name", "spokesperson"):
                    self.parser.orgs.add(sp.name)  # 茶语町 speaks again later
                return self._speaker_ref(sp)
        for st in reversed(self.out.statements):
            # 在声明中，X表示… then 声明写道: the one who spoke through that document
            cue_at = st.evidence.find(st.cue) if st.cue else -1
            if (
                noun
                and st.start < pos
                and pos - st.start < _DOCUMENT_REACH
                and noun in st.evidence[:cue_at]
            ) and st.speaker.kind != ActorKind.MEDIA:
                return st.speaker
        # 起诉状显示，X以…为由，将Y诉至法院: the filer is named right after
        stops = [i for i in (self.text.find(ch, pos) for ch in "。\n") if i >= 0]
        for m in self.lex["issuing"].finditer(self.text, pos, min(stops, default=len(self.text))):
            if not m.rule.get("follows"):
                continue
            sp = self.parser.parse(self._clause_start(m.start, pos), m.start)
            if sp is not None and sp.how != "pronoun":
                if sp.how in ("org_name", "spokesperson"):
                    self.parser.orgs.add(sp.name)
                return self._speaker_ref(sp)
        return None
