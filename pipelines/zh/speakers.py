"""Who is the speaker in a Chinese speaker phrase?

Given the words between a clause start and a speech cue ("All in TikTok的
Newme创始人顾俊" before 告诉), find the speaker head and what the phrase says
about it: a known actor, an anonymous-source descriptor, a pronoun to
resolve, a spokesperson standing for an organisation, a Latin-script name or
a Chinese person name (:mod:`pipelines.zh.person_heads`).  The words
before the head are kept as the description, and a role word right before
it (创始人, CEO, 发言人 …) gives an affiliation.
"""

from __future__ import annotations

import re
from functools import cache

import jieba.posseg

from graph.records import ActorKind
from pipelines.lexicon import Lexicon
from pipelines.mentions import Mention
from pipelines.zh.org_heads import (
    _LEADING_NOISE,
    _ORG_CHUNK,
    _TYPE_NOUN,
    OrgHeads,
    SpeakerPhrase,
    _org_suffix_re,
    _strip_after_last_descriptor,
)
from pipelines.zh.person_heads import PersonHeads, _role_suffix

__all__ = ["SpeakerParser", "SpeakerPhrase"]

# words after a name that show it is an organisation: X方面, X官方微博, X发布公告称
_INSTITUTIONAL = re.compile(
    r"方面|官方|官微|公众号|官网|微博|声明|公告|说明|财报|季报|年报|中报|报告|通报|内部信|客服"
)
# a social-media account (@吃货老周) or a publication title (巴西《环球体育》) ending the phrase
_ACCOUNT = re.compile(r"@(?P<name>[^\s@，,。；;：:“”《》()（）]{2,20})$")
_ISSUED_DOCUMENT = re.compile(
    r"(?P<issuer>.+?)(?:\d{1,4}年)?(?:\d{1,2}月\d{1,2}日)?(?:公布|发布|披露|发出|下发|印发|出具|公示)的"
    r"[^，,。“”]{0,12}?(?:信息|通报|公告|数据|报告|文件|通知|声明|决定书|年报|财报|结果|名单)"
)
# a person known only by role, at the end of a phrase, after a quoting verb or a 的
_BARE_ROLE = re.compile(
    r"(?:(?<=援引)|(?<=引述)|(?<=的)|^)[\u4e00-\u9fff]{0,6}?"
    r"(?:经纪人|律师|分析师|研究员|经济学家|评论员|专家|学者|教授|员工|高管|人士|知情者)$"
)
# 该/这家 + a noun phrase the article introduced before (一家日本厂商 … 该日本厂商)
_DEMONSTRATIVE = re.compile(r"(?:该|这家|这位|这名|此)(?P<np>[\u4e00-\u9fffA-Za-z]{2,8})$")
_ORG_NOUN = re.compile(
    r"(?:厂商|公司|企业|机构|平台|品牌|银行|工厂|医院|学校|俱乐部|球队|基金|券商)$"
)
_TITLE = re.compile(r"《(?P<name>[^》《：:，,]{2,12})》$")


@cache
def _suffix_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    rules = lexicon["fillers"].rules
    return tuple(
        re.compile(f"(?:{r.pattern if r.form == 'regex' else re.escape(r.pattern)})\\s*$")
        for r in rules
    )


class SpeakerParser(OrgHeads, PersonHeads):
    """Parses speaker phrases of one document."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        lexicon: Lexicon,
        tagger: jieba.posseg.POSTokenizer,
        token_starts: set[int],
    ) -> None:
        self.text = text
        self.lexicon = lexicon
        self.tagger = tagger
        self.token_starts = token_starts
        self._mention_by_end = {m.end: m for m in mentions}
        self._mentions = mentions
        self._roles = {r.pattern: r for r in lexicon["roles"].rules}
        # person names already found in this document: "许卫东还称" is 许卫东 again
        self.people: set[str] = set()
        # organisations found as speakers in this document, not in the gazetteer
        self.orgs: set[str] = set()
        # people a role word introduces (站长老周): (offset, name)
        self.introduced: list[tuple[int, str]] = self._introduced_people()
        self.people.update(name for _, name in self.introduced)

    def strip_fillers(self, start: int, end: int) -> int:
        """New end of the phrase after removing adverbs and "在…时" clauses."""
        changed = True
        while changed and end > start:
            changed = False
            while end > start and self.text[end - 1].isspace():
                end -= 1
            for rx in _suffix_patterns(self.lexicon):
                m = rx.search(self.text, start, end)
                if m and m.start() > start:
                    end = m.start()
                    changed = True
                    break
        return end

    def parse(self, start: int, end: int) -> SpeakerPhrase | None:
        """Speaker of the phrase ``text[start:end]``, or None if there is none."""
        phrase_end = end
        while True:  # 我们对…代理商的 (走访): a filler may end before a 的
            new = self.strip_fillers(start, end)
            while new > start and self.text[new - 1] in " \t的":
                new -= 1
            if new - start > 3 and self.text[new - 1] in "）)":
                # Karen Lau（刘嘉欣）介绍, Kevin Wu（吴凯文）前两天…说: the name before its gloss
                gloss = max(self.text.rfind(b, start, new) for b in "（(")
                new = gloss if gloss > start else new
            if new == end:
                break
            end = new
        if end <= start:
            return None
        institutional = bool(_INSTITUTIONAL.search(self.text, end, phrase_end))
        issued = _ISSUED_DOCUMENT.fullmatch(self.text, start, end)
        if issued is not None and issued.end("issuer") > start:
            # 监管局11月3日公布的行政处罚信息显示: the office that issued it speaks
            by = self.parse(start, issued.end("issuer"))
            if by is not None and by.how == "latin_name":
                # a Latin name issuing a document is an organisation (Northgate Labs出具的报告)
                by = SpeakerPhrase(**{**by.__dict__, "kind": ActorKind.ORGANIZATION})
            if by is not None:
                return by
        head = (
            self._account_or_title(start, end)
            or self._spokesperson(start, end)
            or self._mention(start, end)
            or self._seen_org(start, end)
            or self._pronoun(start, end)
            or self._org_demonstrative(start, end)
            or self._demonstrative(start, end)
            or self._seen_person(start, end)
            or self._latin_name(start, end)
            or (self._org_name(start, end, whole=True) if institutional else None)
            or self._pos_name(start, end)
            or self._org_name(start, end)
            or self._bare_role(start, end)
            or self._bare_org_noun(start, end)
        )
        if head is None:
            return None
        return self._with_description(head, start)

    # -- heads -------------------------------------------------------------
    def _account_or_title(self, start: int, end: int) -> SpeakerPhrase | None:
        for rx, kind in ((_ACCOUNT, ActorKind.PERSON), (_TITLE, ActorKind.MEDIA)):
            m = rx.search(self.text, start, end)
            if m is not None and kind == ActorKind.MEDIA:
                # 《声明》称: the document named earlier (下称《声明》), not a publication
                doc = self._pronoun(m.start("name"), m.end("name"))
                if doc is not None and doc.head_start == m.start("name"):
                    span = {"head_start": m.start(), "head_end": end}
                    return SpeakerPhrase(**{**doc.__dict__, **span})
            if m is not None:
                known = self._mention_by_end.get(m.end("name"))
                if known is not None and known.start == m.start("name"):
                    kind = known.kind
                return SpeakerPhrase(m.group("name"), kind, m.start(), end, "account")
        return None

    def _mention(self, start: int, end: int) -> SpeakerPhrase | None:
        m = self._mention_by_end.get(end)
        if m is None or m.start < start:
            return None
        how = "gazetteer" if m.rule == "gazetteer" else "descriptor"
        return SpeakerPhrase(m.name, m.kind, m.start, m.end, how, description=m.qualifier)

    def _pronoun(self, start: int, end: int) -> SpeakerPhrase | None:
        for rule in self.lexicon["pronouns"].rules:
            if rule.form == "regex":
                m = _regex_suffix(rule.pattern).search(self.text, start, end)
                p = m.group() if m else ""
            else:
                p = rule.pattern
            s = end - len(p)
            if p and s >= start and self.text[s:end] == p and s in self.token_starts:
                return SpeakerPhrase(
                    p, ActorKind.PERSON, s, end, "pronoun", pronoun_kind=rule.get("kind")
                )
        return None

    def _bare_role(self, start: int, end: int) -> SpeakerPhrase | None:
        """球员经纪人称 / 报道援引一名律师的话称: an unnamed person known by role."""
        m = _BARE_ROLE.search(self.text, start, end)
        if m is None or m.start() not in self.token_starts:
            return None
        return SpeakerPhrase(m.group(), ActorKind.ANONYMOUS, m.start(), end, "descriptor")

    def _bare_org_noun(self, start: int, end: int) -> SpeakerPhrase | None:
        """工作室表示, 俱乐部称: the organisation of that kind the article named last."""
        raw = self.text[start:end]
        body = _LEADING_NOISE.sub("", raw)
        if len(body) < 2 or not _org_suffix_re(self.lexicon).fullmatch(body):
            return None
        seen = [
            (self.text.rfind(name, 0, start), name)
            for name in self.orgs
            if name.endswith(body) and name != body
        ]
        seen += [
            (m.start, m.name)
            for m in self._mentions
            if m.end <= start and m.kind == ActorKind.ORGANIZATION and m.name.endswith(body)
        ]
        seen = [(at, name) for at, name in seen if at >= 0]
        if not seen:
            return None
        name = max(seen)[1]
        at = end - len(body)
        return SpeakerPhrase(name, ActorKind.ORGANIZATION, at, end, "org_name")

    def _org_demonstrative(self, start: int, end: int) -> SpeakerPhrase | None:
        """该行称 / 该平台不予置评: the organisation of that type named before."""
        m = _org_demonstrative_re(self.lexicon).search(self.text, start, end)
        if m is None or (m.start() not in self.token_starts and m.start() > start):
            return None  # 应该行: no demonstrative
        return SpeakerPhrase(
            m.group(),
            ActorKind.ORGANIZATION,
            m.start(),
            end,
            "pronoun",
            pronoun_kind="organization",
        )

    def _demonstrative(self, start: int, end: int) -> SpeakerPhrase | None:
        """该日本厂商 after "一家日本厂商": the noun phrase introduced before."""
        m = _DEMONSTRATIVE.search(self.text, start, end)
        if m is None or self.text.find(m.group("np"), 0, m.start()) < 0:
            return None
        np = m.group("np")
        org = _ORG_NOUN.search(np) or _org_suffix_re(self.lexicon).search(np)
        kind = ActorKind.ORGANIZATION if org else ActorKind.ANONYMOUS
        return SpeakerPhrase(np, kind, m.start(), end, "descriptor")

    # -- description and affiliation ---------------------------------------
    def _with_description(self, head: SpeakerPhrase, start: int) -> SpeakerPhrase:
        raw = self.text[start : head.head_start]
        desc_start = start + len(raw) - len(_LEADING_NOISE.sub("", raw))
        # a descriptor's own qualifier (华东地区 of 华东地区院线经理) when nothing precedes it
        desc = self.text[desc_start : head.head_start].rstrip() or head.description
        if head.how == "spokesperson":
            return SpeakerPhrase(**{**head.__dict__, "description": desc})
        role = organization = None
        org_kind = ActorKind.ORGANIZATION
        rm = _role_suffix(self.lexicon).search(desc)
        if rm and head.kind in (ActorKind.PERSON, ActorKind.ANONYMOUS):
            role = self._roles[rm.group()].get("role")
            before = desc[: rm.start()].rstrip("的 ")
            org_mention = self._mention_by_end.get(desc_start + len(before))
            if org_mention is not None and not org_mention.is_source_descriptor:
                organization, org_kind = org_mention.name, org_mention.kind
            else:
                chunk = _strip_after_last_descriptor(before, self._mentions, desc_start)
                om = _ORG_CHUNK.search(chunk)
                name = _TYPE_NOUN.sub("", om.group()).strip() if om else ""
                if name and _org_suffix_re(self.lexicon).fullmatch(name):
                    # 公司董秘陈立群: a bare 公司 is the company the article is about
                    organization = self._org_in_the_news(desc_start)
                elif name and name not in self._roles and self._looks_like_org(name):
                    organization = name
        return SpeakerPhrase(
            **{
                **head.__dict__,
                "description": desc,
                "role": role,
                "organization": organization or None,
                "organization_kind": org_kind,
            }
        )


@cache
def _org_demonstrative_re(lexicon: Lexicon) -> re.Pattern[str]:
    nouns = sorted((r.pattern for r in lexicon["org_type_nouns"].rules), key=len, reverse=True)
    return re.compile(f"(?:该|这家|此)(?:{'|'.join(map(re.escape, nouns))})$")


@cache
def _regex_suffix(pattern: str) -> re.Pattern[str]:
    return re.compile(f"(?:{pattern})$")
