"""Organisation heads of a Chinese speaker phrase.

A mixin of :class:`pipelines.zh.speakers.SpeakerParser`: a spokesperson or
an office speaking for an organisation (TikTok发言人, 恒芯精密董秘办工作人员,
Halcyon Hotels亚太区发言人, 其相关负责人), an organisation seen before, an
unknown organisation name told by its suffix (深几科技), and the organisation
a bare 公司 stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph.records import ActorKind
from pipelines.lexicon import Lexicon, Rule
from pipelines.mentions import Mention

__all__ = ["OrgHeads", "SpeakerPhrase"]

_LEADING_NOISE = re.compile(
    # a live blog's time stamp (14:06 X宣布) is cut at its colon: the minutes remain
    r"^(?:(?:\d{1,2}[:：])?\d{2}\s+|[，,、\s]|也有|还有|另有|另外|此外|不过|但是|但|而|并且|同时|其中|这件事儿?|这事儿?|此事|【?[^【】，,。]{0,20}】)+"
)
# a type noun before a name: 跨境物流公司货运宝 -> 货运宝, MCN机构鲸跃传媒 -> 鲸跃传媒
_TYPE_NOUN = re.compile(
    r"^.*?(?:公司|机构|平台|企业|品牌|厂商|服务商|制造商|供应商|运营商|回收商|开发商|集团|媒体|工厂|商家|卖家)(?=..)"
)

# between an organisation and the role speaking for it: 江汇银行办公室一名工作人员
_ORG_TO_ROLE = re.compile(r"[\u4e00-\u9fff]{0,8}")

# a department between an organisation and its speaking role (松果出行人力资源负责人)
_DEPARTMENT = re.compile(
    r"(?:(?:亚太|大中华|中国|全球|海外|北美|欧洲)区|人力资源|人事|行政|财务|市场|销售|公关|法务|合规|风控|采购|研发|技术|产品|运营|品牌|战略|证券|投资者关系|客户服务"
    r"|董事会办公室|董事会秘书处|董秘办|董办|总裁办|新闻办公室|办公室|宣传)"
    r"(?:部|部门|中心|团队)?$"
    # a ministry's department (计划财务司, 运输服务司) or general office (办公厅)
    r"|[^\W部局委厅省市县区]{2,6}(?<![公上])司$|办公厅$"
)

_DEMONSTRATIVES = "该|本|这家|此"


@cache
def _generic_org(lexicon: Lexicon) -> re.Pattern[str]:
    """公司, 该行, 其相关: an organisation named before, by its type noun (org_type_nouns)."""
    rules = sorted(lexicon["org_type_nouns"].rules, key=lambda r: -len(r.pattern))
    bare = "|".join(re.escape(r.pattern) for r in rules if r.get("bare"))
    typed = "|".join(re.escape(r.pattern) for r in rules)
    return re.compile(
        rf"(?:(?:{_DEMONSTRATIVES})?(?:{bare})|(?:{_DEMONSTRATIVES})(?:{typed})|其)(?:相关)?"
    )

_COUNT_BEFORE_ROLE = re.compile(
    r"(?:一名|一位|某位|某名|多名|多位|两名|两位|(?:通过|经由|借助|透过)(?:其)?)$"
)

# a count opening the phrase (一位俱乐部工作人员)
_LEADING_COUNT = re.compile(
    r"[，,、\s]*(?:另有|还有|也有)?(?:一名|一位|某位|某名|多名|多位|两名|两位|几位)"
)

_ORG_CHUNK = re.compile(
    r"(?:[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*)*|[\u4e00-\u9fff]{2,16})$"
)


@cache
def _org_suffix_re(lexicon: Lexicon) -> re.Pattern[str]:
    phrases = sorted((r.pattern for r in lexicon["org_suffixes"].rules), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, phrases))})$")


_PERSON_NOUNS = (
    "人士|卖家|商家|用户|博主|主播|记者|编辑|店主|老板|员工|教授|学者|律师|创业者|从业者"
)
_NOT_A_NAME = re.compile(r"^[该这此其那本各某每另在]")


@dataclass(frozen=True)
class SpeakerPhrase:
    """The parsed speaker phrase; ``name`` is canonical when known."""

    name: str
    kind: ActorKind
    head_start: int
    head_end: int
    how: str  # gazetteer | descriptor | pronoun | spokesperson | latin_name | pos_name
    description: str = ""
    role: str | None = None
    organization: str | None = None
    organization_kind: ActorKind = ActorKind.ORGANIZATION
    pronoun_kind: str | None = None
    short_name: str | None = None  # 青岛海鸥 for 青岛海鸥足球俱乐部


class OrgHeads:
    """Organisation heads of :class:`pipelines.zh.speakers.SpeakerParser` (a mixin)."""

    text: str
    lexicon: Lexicon
    orgs: set[str]
    _mentions: list[Mention]
    _mention_by_end: dict[int, Mention]
    _roles: dict[str, Rule]

    def _seen_org(self, start: int, end: int) -> SpeakerPhrase | None:
        phrase = self.text[start:end]
        for name in sorted(self.orgs, key=len, reverse=True):
            # the name, or its head without a short trade word (荣星 for 荣星手机)
            for short in (name, name[:-2] if len(name) >= 4 else name):
                if phrase.endswith(short) and (end - len(short)) in self.token_starts:
                    return SpeakerPhrase(
                        name, ActorKind.ORGANIZATION, end - len(short), end, "org_name"
                    )
        return None

    def _org_before_role(self, start: int, role_start: int) -> tuple[str, ActorKind, int] | None:
        """A known or seen organisation a few words before a speaking role."""
        found = [
            (m.name, m.kind, m.start, m.end)
            for m in self._mentions
            if start <= m.start and m.end <= role_start and not m.is_source_descriptor
        ]
        phrase = self.text[start:role_start]
        for name in self.orgs:
            i = phrase.rfind(name)
            if i >= 0:
                found.append((name, ActorKind.ORGANIZATION, start + i, start + i + len(name)))
        for name, kind, s, e in sorted(found, key=lambda f: -f[3]):
            if _ORG_TO_ROLE.fullmatch(self.text, e, role_start):
                return name, kind, s
        return None

    def _spokesperson(self, start: int, end: int) -> SpeakerPhrase | None:
        described = self._mention_by_end.get(end)
        body = start + len(self.text[start:end]) - len(_LEADING_NOISE.sub("", self.text[start:end]))
        if described is not None and described.start <= body and described.is_source_descriptor:
            return None  # 一位代理商负责人: an anonymous source, not 代理商 speaking
        for rule in self._speaking_roles() + self._department_roles():
            s = end - len(rule.pattern)
            if s < start or self.text[s:end] != rule.pattern:
                continue
            if rule.get("via_department") and not self._after_department(start, s):
                continue  # 一位极澜汽车员工: an employee talking, not the company
            if s == start or not _LEADING_NOISE.sub("", self.text[start:s]):
                # "X则回复港媒查询，发言人表示": a bare 发言人 speaks for the sentence's subject
                subject = self._sentence_subject_org(start)
                if subject is None:
                    continue
                return SpeakerPhrase(
                    subject, ActorKind.ORGANIZATION, s, end, "spokesperson", role=rule.get("role")
                )
            org_end = s - 1 if self.text[s - 1] == "的" else s
            counted = _LEADING_COUNT.match(self.text, start, org_end)
            if counted is not None and _org_suffix_re(self.lexicon).fullmatch(
                self.text, counted.end(), org_end
            ):
                # 一位俱乐部工作人员: the club (company, crew) the article is about
                subject = self._org_in_the_news(start)
                if subject is not None:
                    return SpeakerPhrase(
                        subject,
                        ActorKind.ORGANIZATION,
                        start,
                        end,
                        "spokesperson",
                        role=rule.get("role"),
                    )
            # 市场监管局一名工作人员: a count between the office and the role
            count = _COUNT_BEFORE_ROLE.search(self.text, start, org_end)
            if count is not None and count.start() > start:
                org_end = count.start()
            # Halcyon Hotels亚太区发言人: the office is no part of the name
            dept = _DEPARTMENT.search(self.text, start, org_end)
            if dept is not None and dept.start() - start >= 2:
                org_end = dept.start()
            org = self._mention_by_end.get(org_end)
            if org is not None and org.start >= start and not org.is_source_descriptor:
                return SpeakerPhrase(
                    org.name, org.kind, org.start, end, "spokesperson", role=rule.get("role")
                )
            if _generic_org(self.lexicon).fullmatch(
                _LEADING_NOISE.sub("", self.text[start:org_end])
            ):
                # 公司投资者关系负责人: the company the article is about
                return SpeakerPhrase(
                    self.text[start:end],
                    ActorKind.ORGANIZATION,
                    start,
                    end,
                    "pronoun",
                    role=rule.get("role"),
                    pronoun_kind="organization",
                )
            near = self._org_before_role(start, org_end)
            if near is not None:
                return SpeakerPhrase(
                    near[0], near[1], near[2], end, "spokesperson", role=rule.get("role")
                )
            chunk = self._org_chunk(start, org_end, whole_phrase_ok=True)
            if chunk is not None:
                # 恒芯精密董秘办工作人员: the office is part of the company
                org_end = self._without_department(chunk, org_end)
                if rule.get("names_an_office") and not self._looks_like_org(
                    self.text[chunk:org_end]
                ):
                    # 国家组织药品联合采购办公室: an office named as such, not a company's office
                    org_end = end
                chunk, short = self._name_without_affixes(chunk, org_end)
                return SpeakerPhrase(
                    self.text[chunk:org_end],
                    ActorKind.ORGANIZATION,
                    chunk,
                    end,
                    "spokesperson",
                    role=rule.get("role"),
                    short_name=_short(self.text[chunk:org_end], short),
                )
        return None

    def _without_department(self, start: int, end: int) -> int:
        """``end`` moved before a speaking office that closes an organisation name."""
        dept = _DEPARTMENT.search(self.text, start, end)
        if dept is not None and dept.start() - start >= 2:
            return dept.start()
        for rule in self._speaking_roles():
            if end - start > len(rule.pattern) + 1 and self.text.endswith(rule.pattern, start, end):
                return end - len(rule.pattern)
        return end

    def _org_chunk(self, start: int, end: int, *, whole_phrase_ok: bool = False) -> int | None:
        """Start of an unknown organisation name ending at ``end``, if there is one.

        A chunk with an organisation suffix (深几科技, 鲸跃传媒) after a 的 or
        a descriptor, or - before a spokesperson role - the whole phrase
        when it is short (极澜汽车发言人).
        """
        raw = self.text[start:end]
        lead = len(raw) - len(_LEADING_NOISE.sub("", raw))
        body_start = start + lead
        chunk = _strip_after_last_descriptor(self.text[body_start:end], self._mentions, body_start)
        m = _ORG_CHUNK.search(chunk)
        if m is None:
            return None
        name = _TYPE_NOUN.sub("", m.group().strip())
        if (
            len(name) < 2
            or name in self._roles
            or _NOT_A_NAME.match(name)
            or re.search(f"(?:{_PERSON_NOUNS})$", name)
            or _org_suffix_re(self.lexicon).fullmatch(name)
        ):
            return None
        chunk_start = end - len(name)
        if chunk_start not in self.token_starts:
            return None
        if self._looks_like_org(name):
            return chunk_start
        if whole_phrase_ok and chunk_start == body_start and len(name) <= 8:
            return chunk_start
        return None

    def _org_name(self, start: int, end: int, *, whole: bool = False) -> SpeakerPhrase | None:
        chunk = self._org_chunk(start, end, whole_phrase_ok=whole)
        if chunk is None or re.fullmatch(r"[A-Za-z].*", self.text[chunk:end]):
            return None
        # 动力电池制造商锂拓新能源: the type of business before the name is no part of it
        typed = _TYPE_NOUN.match(self.text, chunk, end)
        if typed is not None and self._looks_like_org(self.text[typed.end() : end]):
            chunk = typed.end()
        chunk, short = self._name_without_affixes(chunk, end)
        name = self.text[chunk:end]
        return SpeakerPhrase(
            name, ActorKind.ORGANIZATION, chunk, end, "org_name", short_name=_short(name, short)
        )

    def _name_without_affixes(self, chunk: int, end: int) -> tuple[int, str]:
        """Start and short running name of the organisation ``text[chunk:end]``.

        A leading occupation or league word is no part of the name (演员X工作室,
        中超球队X足球俱乐部), and a club is called without its 足球俱乐部.
        """
        for rule in self.lexicon["org_name_affixes"].rules:
            if rule.get("position") != "prefix":
                continue
            m = re.compile(rule.pattern).match(self.text, chunk, end)
            if m is not None and m.end() > chunk and self._looks_like_org(self.text[m.end() : end]):
                chunk = m.end()
        name = self.text[chunk:end]
        for rule in self.lexicon["org_name_affixes"].rules:
            if rule.get("position") != "suffix":
                continue
            m = re.compile(f"(?:{rule.pattern})$").search(name)
            if m is not None and m.start() >= int(rule.get("min_rest", 2)):
                name = name[: m.start()]
        return chunk, name

    def _sentence_subject_org(self, pos: int) -> str | None:
        """An organisation opening a clause of the sentence before ``pos`` (X则回复…)."""
        s0 = max(self.text.rfind(ch, 0, pos) for ch in "。！？!?\n") + 1
        suffix = _org_suffix_re(self.lexicon).pattern.removesuffix("$")
        found = None
        for m in re.finditer(
            rf"(?:^|(?<=[，,]))([\u4e00-\u9fffA-Za-z]{{1,10}}?{suffix})"
            r"(?=则|也|还|随后|已|于|在|对|向|方面|[，,])",
            self.text[s0:pos],
        ):
            if len(m.group(1)) >= 3:
                found = m.group(1)
        return found

    def _department_roles(self) -> list[Rule]:
        """Roles that speak for an organisation only through a department (roles.jsonl:
        北辰互动人力资源部门一名员工向我们证实 is the company, 一位北辰互动员工 a source)."""
        return [r for r in self.lexicon["roles"].rules if r.get("via_department")]

    def _after_department(self, start: int, role_start: int) -> bool:
        """Whether a department (and a count) ends right before ``role_start``."""
        end = role_start - 1 if self.text[role_start - 1] == "的" else role_start
        count = _COUNT_BEFORE_ROLE.search(self.text, start, end)
        if count is not None:
            end = count.start()
        dept = _DEPARTMENT.search(self.text, start, end)
        return dept is not None and dept.start() - start >= 2

    def _speaking_roles(self) -> list[Rule]:
        roles = [r for r in self.lexicon["roles"].rules if r.get("speaks_for_organization")]
        return sorted(roles, key=lambda r: -len(r.pattern))  # 新闻发言人 before 发言人

    def _org_in_the_news(self, pos: int) -> str | None:
        """The organisation named last before ``pos`` (a mention or an earlier speaker)."""
        best: tuple[int, str] | None = None
        for m in self._mentions:
            if m.end <= pos and m.kind == ActorKind.ORGANIZATION:
                best = max(best or (m.end, m.name), (m.end, m.name))
        for name in self.orgs:
            i = self.text.rfind(name, 0, pos)
            if i >= 0:
                best = max(best or (i + len(name), name), (i + len(name), name))
        return best[1] if best else None

    def org_opening(self, claim: str) -> str | None:
        """An organisation name opening a claim (蓝港物流将关闭华南仓 -> 蓝港物流)."""
        suffix = _org_suffix_re(self.lexicon).pattern.removesuffix("$")
        m = re.match(
            rf"([\u4e00-\u9fffA-Za-z]{{1,10}}?{suffix})(?=将|已|正|拟|计划|或|要|被|旗下|的|在)",
            claim,
        )
        return m.group(1) if m and len(m.group(1)) >= 3 else None

    def _looks_like_org(self, chunk: str) -> bool:
        """Latin names pass; Chinese ones need an organisation suffix (运链通, 海川研究)."""
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\- ]*", chunk):
            return True
        return bool(_org_suffix_re(self.lexicon).search(chunk))


def _short(name: str, short: str) -> str | None:
    return short if short != name else None


def _strip_after_last_descriptor(before: str, mentions: list[Mention], offset: int) -> str:
    """The part of ``before`` after the last mention or 的 (物流服务商运链通 -> 运链通)."""
    cut = 0
    for m in mentions:
        if offset <= m.start and m.end <= offset + len(before):
            cut = max(cut, m.end - offset)
    last_de = before.rfind("的")
    cut = max(cut, last_de + 1)
    return before[cut:]
