"""Answers in facts: the subject of a Chinese rumour restating it, negated, corrected or in part.

A rumour about X ("X将裁员200人", "X门店大面积关闭") is often answered by X
(its 发言人 or 相关负责人, its 工作室, an employee, 接近X的人士) with no word
such as 否认 or 证实: "门店均正常营业", "涉及员工不足30人", "视频中车辆并非X".
:func:`answer` reads such an assertion as a response to the earlier claim
(the Chinese counterpart of :mod:`pipelines.en.rebuttals`):

* the earlier claim was told before the answer, by someone not on X's side,
  names X (or the short name the article gives it) and is not a response;
* the two are on the same matter: a matter of ``matters.jsonl`` both name
  (staffing, stores, production, price …), the same kind of figure
  (``quantity_units.jsonl``: people, outlets, yuan …), or two content words
  in common (:func:`pipelines.zh.responses.overlap`);
* the stance: ``denies`` when the answer negates (``negators.jsonl``), takes
  the other pole of the matter (正常营业 against 关店) or gives another figure
  of the same kind; ``confirms`` when it bears the matter out (确实/的确 of
  ``answer_amounts.jsonl``), gives the same figure, or a vague smaller amount
  of the same matter (部分, 少量: a partial confirmation).

Who is on X's side: the speaker, the organisation its speaker phrase names,
an organisation's name without its type suffix, and the organisation an
anonymous or collective speaker's own name ties it to (``answer_sides.jsonl``:
接近X的人士, X门店店主, X工作室).

Examples
--------
>>> from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
>>> from pipelines.lexicon import Lexicon
>>> blog = ActorRef("某博主", ActorKind.PERSON)
>>> firm = ActorRef("云杉物流", ActorKind.ORGANIZATION)
>>> said = [ExtractedStatement("s1", blog, Stance.REPORTS, "…", 0, 20, "r",
...                            claim_text="云杉物流将关闭华北所有分拣中心")]
>>> answer(said, firm, "华北各分拣中心目前均正常营业", Lexicon.load("zh"), before=40)
(<Stance.DENIES: 'denies'>, 's1')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.keys import text_key
from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
from pipelines.lexicon import Lexicon
from pipelines.zh.responses import overlap

__all__ = ["answer", "matters", "quantities", "side_names"]

# a figure: Arabic digits, with 万/亿 after it; 约/近/超过 before it are left to the text
_NUMBER = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)(?P<mult>万|亿)?")
_MULTIPLIERS = {"万": 1e4, "亿": 1e8}
_CJK_NAME = re.compile(r"[\u3400-\u9fff]+")
# two content words in common put an answer on the claim's matter
_MIN_SHARED = 2
# the characters of a sentence opening a claim must name (the subject of 青禾零售成立于…)
_MIN_OPENING = 3
# an organisation's name shortened by the article: its first characters (小象 of 小象外卖)
_SHORT_NAME = 2


def matters(text: str, lexicon: Lexicon) -> dict[str, set[str]]:
    """Matter -> the poles (``+``, ``-``, ``""``) ``text`` takes on it."""
    out: dict[str, set[str]] = {}
    for m in lexicon["matters"].finditer(text):
        out.setdefault(str(m.rule.get("matter")), set()).add(str(m.rule.get("pole", "")))
    return out


def quantities(text: str, lexicon: Lexicon) -> dict[str, set[float]]:
    """What ``text`` counts -> the figures it gives ("约60名员工" -> {"people": {60.0}})."""
    units = lexicon["quantity_units"]
    out: dict[str, set[float]] = {}
    for m in _NUMBER.finditer(text):
        unit = next((u for u in units.finditer(text, m.end()) if u.start == m.end()), None)
        if unit is None:
            continue
        value = round(float(m.group("n")) * _MULTIPLIERS.get(m.group("mult") or "", 1.0), 2)
        out.setdefault(str(unit.rule.get("unit")), set()).add(value)
    return out


def side_names(speaker: ActorRef, also: Sequence[str], lexicon: Lexicon) -> set[str]:
    """The names of the speaker's side: itself, its organisations, their short forms."""
    orgs = list(also)
    if speaker.kind == ActorKind.ORGANIZATION:
        orgs += [speaker.name, *speaker.aliases]
    # 蓝海科技内部人士 is named 内部人士, described by 蓝海科技: read the two together
    described = [speaker.description + speaker.name] if speaker.description else []
    for name in [speaker.name, *speaker.aliases, *also, *described]:
        for m in lexicon["answer_sides"].finditer(name):
            if m.group("org"):
                orgs.append(m.group("org"))  # 接近青禾零售的人士: 青禾零售
    out = {speaker.name, *speaker.aliases}
    for name in orgs:
        out.add(name)
        if _CJK_NAME.fullmatch(name) and len(name) == 2 * _SHORT_NAME:
            out.add(name[:_SHORT_NAME])  # 青禾零售 -> 青禾, as articles shorten it
        for rule in lexicon["org_suffixes"].rules:
            suffix = rule.pattern
            if suffix and name.endswith(suffix) and len(name) - len(suffix) >= _SHORT_NAME:
                out.add(name[: -len(suffix)])  # 锦城俱乐部 -> 锦城
    return {text_key(n) for n in out if len(n) >= _SHORT_NAME}


def _names(st: ExtractedStatement, side: set[str]) -> bool:
    """Whether the claim of ``st`` is about someone on ``side``."""
    if any(text_key(a.name) in side for a in st.about):
        return True
    claim = text_key(st.claim_text or "")
    return any(n in claim for n in side)


def _opens(claim: str, openings: Sequence[str]) -> bool:
    """Whether ``claim`` names the first :data:`_MIN_OPENING` characters or more of an opening."""
    return any(o[:_MIN_OPENING] in claim for o in openings if len(o) >= _MIN_OPENING)


def _on_side(st: ExtractedStatement, side: set[str]) -> bool:
    sp = st.speaker
    return text_key(sp.name) in side or any(text_key(a) in side for a in sp.aliases)


def answer(
    statements: Sequence[ExtractedStatement],
    speaker: ActorRef,
    content: str,
    lexicon: Lexicon,
    *,
    before: int,
    also: Sequence[str] = (),
    openings: Sequence[str] = (),
    named_only: bool = True,
) -> tuple[Stance, str] | None:
    """The stance and earlier claim (``local_id``) an assertion by ``speaker`` answers.

    ``before`` is where the answer's sentence starts: only claims told before it count.
    ``openings`` are the openings of sentences that introduced the speaker with a role
    ("青禾零售成立于2019年，创始人王某…"): a claim naming their first three characters or
    more names the speaker's side.  Without ``named_only`` a claim need not name the side
    (it was answered by the speaker already).
    """
    if speaker.kind == ActorKind.MEDIA:
        return None  # an outlet's own narration answers nothing in facts
    side = side_names(speaker, also, lexicon)
    if not side:
        return None
    negated = lexicon["negators"].search(content) is not None
    own_matters = matters(content, lexicon)
    figures = quantities(content, lexicon)
    amounts = {str(m.rule.get("kind")) for m in lexicon["answer_amounts"].finditer(content)}
    # a claim this side answered already: what it says next elaborates that answer
    answered = {st.refers_to for st in statements if st.refers_to and _on_side(st, side)}
    for st in reversed(statements):
        if st.end > before or st.refers_to is not None or st.claim_text is None:
            continue
        if st.stance not in (Stance.ASSERTS, Stance.REPORTS) or st.local_id in answered:
            continue
        if _on_side(st, side):
            continue
        if named_only and not (_names(st, side) or _opens(st.claim_text, openings)):
            continue
        verdict = _compare(
            content, st.claim_text, lexicon, negated, own_matters, figures, amounts, side
        )
        if verdict is not None:
            return verdict, st.local_id
    return None


def _compare(
    content: str,
    claim: str,
    lexicon: Lexicon,
    negated: bool,
    own_matters: dict[str, set[str]],
    figures: dict[str, set[float]],
    amounts: set[str],
    side: set[str],
) -> Stance | None:
    """How an answer stands to a claim (``None``: another matter, or no verdict)."""
    theirs = matters(claim, lexicon)
    their_figures = quantities(claim, lexicon)
    common = set(own_matters) & set(theirs)
    # a total (现有员工8000人) is no other figure for the matter unless the matter is named
    counted = set(figures) & set(their_figures) if common or "total" not in amounts else set()
    shared = _shared_words(content, claim, lexicon, side)
    # the same matter: a matter both name, two words in common, or a figure of the same
    # kind where the answer names no other matter (涉及员工不足30人)
    if not (common or shared >= _MIN_SHARED or (counted and (shared or not own_matters))):
        return None
    if negated:
        return Stance.DENIES
    if any(
        {"+", "-"} <= (own_matters[k] | theirs[k]) and own_matters[k] != theirs[k] for k in common
    ):
        return Stance.DENIES  # 门店正常营业 against 关店
    if "affirm" in amounts:
        return Stance.CONFIRMS  # 确实 + the rumour's matter
    if counted:
        if any(not (figures[k] & their_figures[k]) for k in counted):
            return Stance.DENIES  # 涉及员工不足30人 against a rumoured 200
        return Stance.CONFIRMS
    if "vague" in amounts and common:
        return Stance.CONFIRMS  # 对部分岗位进行了优化 against 裁员: a part of it
    return None


def _shared_words(content: str, claim: str, lexicon: Lexicon, side: set[str]) -> int:
    """Content words the two share, names of the answering side left out."""
    for name in sorted(side, key=len, reverse=True):
        content, claim = content.replace(name, " "), claim.replace(name, " ")
    return overlap(content, claim, lexicon)[0]
