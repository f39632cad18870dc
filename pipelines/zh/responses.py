"""Which earlier claim of a Chinese article a response answers.

A denial, confirmation, refusal to comment or doubt usually answers a claim
stated earlier in the same article, often paragraphs before it.  It takes up
that claim (``refers_to``) in two ways:

* by **content**: its own words share enough with the earlier claim, counted
  as character bigrams (and Latin words and numbers) once generic words are
  gone, relative to the shorter of the two (“暂停航线的说法不准确” answers
  “暂停上海往返伦敦…航线”), a claim about the responder counting extra;
* by **pointing back** (此消息, 对此, 该传闻, a bare 拒绝回应, a 回应/辟谣 cue):
  the most plausible topic before it — a rumour about the responder, else
  a claim about the responder, else the nearest rumour, else the nearest
  claim of someone else.

On equal content a rumour wins over a plain statement (a denial of
“退出深圳” also naming the regulator's 整改 answers the rumour).

A response that states the opposite of a claim (按计划推进 against 推迟,
正常履职 against 出境; pairs in ``data/zh/opposites.jsonl``) shares that
much with it even with no word in common.

A topic is an earlier claim with a text of its own; a statement that already
answered one makes that claim recent again.  A response never takes up its
own speaker's claims, but for a rumour it only relayed (an outlet's 网传…
then its own verdict).

Examples
--------
>>> from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
>>> from pipelines.lexicon import Lexicon
>>> media = ActorRef("某媒体", ActorKind.MEDIA)
>>> firm = ActorRef("云杉物流", ActorKind.ORGANIZATION)
>>> said = [ExtractedStatement("s1", media, Stance.REPORTS, "…", 0, 20, "r",
...                            claim_text="云杉物流将关闭华北三个分拣中心")]
>>> answered_claim(said, Response(firm, "关闭分拣中心的说法不实"), Lexicon.load("zh"))
's1'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import jieba

from graph.keys import text_key
from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
from pipelines.lexicon import Lexicon
from pipelines.memo import remember

__all__ = ["Response", "Topic", "answered_claim", "opposed", "overlap", "topics"]

_HEARSAY = (ActorKind.ANONYMOUS, ActorKind.GROUP, ActorKind.MEDIA)
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*|\d+(?:\.\d+)?%?")
# content overlap that takes a claim up: enough shared terms, and a fair share
# of the shorter text (a 5-bigram denial sharing 2 with a 30-bigram rumour)
_MIN_SHARED = 2
# _terms per lexicon and text (segmentation with jieba's default dictionary,
# which the pipelines never change: their own words go to a private tokenizer)
_TERMS_CACHE: dict[Lexicon, dict[str, tuple[str, ...]]] = {}
_TERMS_CACHE_SIZE = 100_000
_SYNONYM = "≈"  # marks a synonym group's term (never produced by segmentation)
_MIN_CONTAINMENT = 0.2
# one shared word is enough when it is half the answer's words and no other rumour shares any
_UNIQUE_SHARE = 0.5
# after a turn to another matter (与此同时), the share of words an earlier claim must have
_SUBSTANTIAL_SHARE = 0.4
# a source's next claim this close after its first one is a detail of it
_DETAIL_GAP = 120


@dataclass(frozen=True)
class Response:
    """A statement looking for the claim it answers.

    ``content`` is its own words (the quote or reported content, stance words
    included); ``points_back`` whether it refers back without saying what to
    (anaphor, bare refusal, a response cue); ``about_only`` that only a claim
    about the speaker (or its organisation) may be taken up, one word in
    common being enough (a negated restatement: 没有任何融资计划);
    ``adjacent_from`` that a rumour told just before (ending after that
    offset) is answered even with no words in common (a denial right after a
    rumour answers it).
    """

    speaker: ActorRef
    content: str
    points_back: bool = False
    about_only: bool = False
    adjacent_from: int | None = None  # a rumour ending after this offset is answered
    also: tuple[str, ...] = ()  # the speaker's organisation (创始人韩冬 of 蓝鲸游戏)
    rumour_only: bool = False  # it names a rumour (远低于外界传言): only rumours qualify
    ordinal: int | None = None  # 第二条…: the second rumour of the article
    opposite_only: bool = False  # it states a steady state: only a claim of its opposite
    own_rumours: bool = False  # a refusal by a rumour's source: about its own rumour first
    adjacent_needs_word: bool = False  # a confirmation: the adjacent rumour only on a shared word
    unique_word: bool = False  # a denial: one word shared with only one rumour may be enough
    shift_at: int | None = None  # 与此同时…: claims told before this offset need words of substance
    this_paragraph: int | None = None  # 未就此作出回应: 此 is the story of this paragraph
    latest_about: bool = False  # a refusal: the latest claim about the responder, rumour or not


@dataclass(frozen=True)
class Topic:
    """An earlier claim and how recently the article spoke of it."""

    statement: ExtractedStatement
    touched: int  # index of the latest statement stating or answering it
    answered: bool  # someone already responded to it
    touched_end: int = 0  # where that latest statement ends in the text

    @property
    def rumour(self) -> bool:
        st = self.statement
        return (
            self.answered
            or st.stance == Stance.REPORTS
            or (st.stance == Stance.ASSERTS and st.speaker.kind in _HEARSAY)
        )


def _terms(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Words of two characters or more and Latin words/numbers, generic words removed.

    A wording listed in ``data/zh/link_synonyms.jsonl`` (停服, 停止运营) gives
    its group's ``canon`` as one term in place of its own words.  Memoised per
    lexicon: one article compares the same claim and sentence texts many times.
    """
    table = _TERMS_CACHE.setdefault(lexicon, {})
    return remember(table, text, _TERMS_CACHE_SIZE, lambda: tuple(_segment_terms(text, lexicon)))


def _segment_terms(text: str, lexicon: Lexicon) -> list[str]:
    out: list[str] = []
    kept: list[tuple[int, int]] = []
    for m in sorted(lexicon["link_synonyms"].finditer(text), key=lambda m: (m.start, -m.end)):
        if not kept or m.start >= kept[-1][1]:
            kept.append((m.start, m.end))
            out.append(_SYNONYM + str(m.rule.get("canon", m.rule.id)))
    for start, end in reversed(kept):
        text = text[:start] + " " + text[end:]
    for m in sorted(lexicon["link_stopwords"].finditer(text), key=lambda m: -len(m.text)):
        if len(m.text) > 1:  # a particle inside a word (在 of 存在) is left to segmentation
            text = text.replace(m.text, " ")
    for run in _CJK_RUN.findall(text):
        out += [w for w in jieba.lcut(run, HMM=False) if len(w) >= 2]
    for tok in _TOKEN.findall(text):
        if not (tok.isdigit() and len(tok) < 2):
            out.append(tok.lower())
    return out


def overlap(a: str, b: str, lexicon: Lexicon) -> tuple[int, float]:
    """Shared terms of ``a`` and ``b`` and their share of the shorter one.

    A shared number or Latin name weighs as two words.
    """
    ta, tb = set(_terms(a, lexicon)), set(_terms(b, lexicon))
    if not ta or not tb:
        return 0, 0.0
    both = ta & tb
    shared = len(both) + sum(1 for t in both if _TOKEN.fullmatch(t))
    return shared, min(1.0, shared / min(len(ta), len(tb)))


def _content_shared(content: str, topic: Topic, lexicon: Lexicon) -> tuple[int, float]:
    """Words ``content`` shares with the topic's claim, actors' names left out,
    and their share of the shorter of the two."""
    names = {text_key(a.name) for a in topic.statement.about}

    def words(text: str) -> set[str]:
        found = set(_terms(text, lexicon))
        return {t for t in found if text_key(t) not in names and not any(t in n for n in names)}

    a, b = words(content), words(topic.statement.claim_text or "")
    if not a or not b:
        return 0, 0.0
    shared = len(a & b)
    return shared, shared / min(len(a), len(b))


def _shares_content(content: str, topic: Topic, lexicon: Lexicon) -> bool:
    """Whether ``content`` shares a word with the topic's claim other than an actor's name."""
    return _content_shared(content, topic, lexicon)[0] > 0


def _substantial(content: str, topic: Topic, lexicon: Lexicon) -> bool:
    """Whether ``content`` is about the topic's claim by its words of substance alone."""
    shared, share = _content_shared(content, topic, lexicon)
    return shared >= _MIN_SHARED and share >= _SUBSTANTIAL_SHARE


def opposed(a: str, b: str, lexicon: Lexicon) -> bool:
    """Whether one of ``a`` and ``b`` states a steady state the other says was broken."""
    for m in lexicon["opposites"].finditer(a + "\n" + b):
        steady_in_a = m.end <= len(a)
        other = b if steady_in_a else a
        if re.search(m.rule.get("opposite", "(?!)"), other):
            return True
    return False


def topics(
    statements: Sequence[ExtractedStatement], speaker: ActorRef, *, own_rumours: bool = False
) -> list[Topic]:
    """Earlier claims of others, the most recently discussed first.

    With ``own_rumours`` a hearsay speaker's (an account's, a poster's) own
    claims count too: the source of a rumour that does not answer a request
    for comment leaves its own rumour unanswered.
    """
    by_id = {st.local_id: st for st in statements}
    found: dict[str, Topic] = {}
    for i, st in enumerate(statements):
        root, answered = st, False
        seen: set[str] = set()
        while root.refers_to is not None and root.refers_to in by_id and root.local_id not in seen:
            seen.add(root.local_id)
            root, answered = by_id[root.refers_to], True
        # one's own claim is not answered, but a rumour one only relayed may be
        own = root.speaker == speaker and root.stance != Stance.REPORTS
        if own and own_rumours and root.speaker.kind in _HEARSAY:
            own = False
        if root.claim_text is None or own:
            continue
        old = found.get(root.local_id)
        found[root.local_id] = Topic(
            root, i, answered or (old is not None and old.answered), st.end
        )
    return sorted(found.values(), key=lambda t: -t.touched)


def _about(response: Response, st: ExtractedStatement, lexicon: Lexicon) -> bool:
    speaker = response.speaker
    names = {text_key(n) for n in (speaker.name, *speaker.aliases, *response.also) if len(n) >= 2}
    org = speaker.kind == ActorKind.ORGANIZATION and _CJK_RUN.fullmatch(speaker.name)
    if org and len(speaker.name) >= 4:
        names.add(speaker.name[:-2])  # 小象 for 小象外卖, as the article shortens it
    for name in (speaker.name if org else "", *response.also):
        core = _org_core(name, lexicon)
        if core:
            names.add(core)  # 锦城 for 锦城俱乐部, when the claim says 成都锦城队
    if any(text_key(a.name) in names for a in st.about):
        return True
    claim = text_key(st.claim_text or "")
    return any(n and n in claim for n in names)


def _org_core(name: str, lexicon: Lexicon) -> str:
    """A Chinese organisation name without its type suffix (锦城俱乐部 -> 锦城), if two or more
    characters remain."""
    if not _CJK_RUN.fullmatch(name):
        return ""
    for rule in sorted(lexicon["org_suffixes"].rules, key=lambda r: -len(r.pattern)):
        if name.endswith(rule.pattern) and len(name) - len(rule.pattern) >= 2:
            return text_key(name[: -len(rule.pattern)])
    return ""


def _details(cands: Sequence[Topic]) -> list[Topic]:
    """Claims that go on from the same source's claim just before (其中一位知情人士称…).

    A source states its main claim first; what it adds right after is a detail,
    and an answer to the story answers the main claim.
    """
    told = sorted((t.statement for t in cands), key=lambda st: st.start)
    follow = {
        b.local_id
        for a, b in itertools.pairwise(told)
        if a.speaker.display_name == b.speaker.display_name
        and a.refers_to is None
        and Stance.REPORTS not in (a.stance, b.stance)  # an outlet's rumours are each their own
        and b.start - a.end < _DETAIL_GAP
    }
    return [t for t in cands if t.statement.local_id in follow]


def answered_claim(
    statements: Sequence[ExtractedStatement], response: Response, lexicon: Lexicon
) -> str | None:
    """The ``local_id`` of the earlier claim ``response`` answers, if any."""
    cands = topics(statements, response.speaker, own_rumours=response.own_rumours)
    if response.ordinal is not None:
        # a round-up's verdict on its n-th rumour, in the order the article told them
        told = sorted((t for t in cands if t.rumour), key=lambda t: t.statement.start)
        if 0 < response.ordinal <= len(told):
            return told[response.ordinal - 1].statement.local_id
    if response.about_only:
        cands = [t for t in cands if _about(response, t.statement, lexicon)]
    elif response.rumour_only and any(t.rumour for t in cands):
        cands = [t for t in cands if t.rumour]
    shift = response.shift_at
    if shift is not None:
        # after a turn to another matter, an earlier claim is taken up only on substance
        cands = [
            t for t in cands if t.touched_end > shift or _substantial(response.content, t, lexicon)
        ]
    edge = response.adjacent_from
    if edge is not None and shift is not None:
        edge = max(edge, shift)
    near = next((t for t in cands if edge is not None and t.touched_end >= edge), None)
    # a denial right after a rumour is a response: one shared word may pick an older rumour
    responding = response.points_back or (near is not None and near.rumour)
    best: tuple[tuple[int, float, bool, int], Topic] | None = None
    # a short answer sharing half its words with one rumour, and nothing with another one
    touching = [t for t in cands if t.rumour and _shares_content(response.content, t, lexicon)]
    details = _details(cands)
    for t in cands:
        claim = t.statement.claim_text or ""
        shared, share = overlap(response.content, claim, lexicon)
        if opposed(response.content, claim, lexicon):
            shared, share = shared + _MIN_SHARED, 1.0  # 按计划推进 answers 推迟
        elif response.opposite_only:
            continue
        about = _about(response, t.statement, lexicon)
        if shared == 0:
            continue
        strong = (shared >= _MIN_SHARED and share >= _MIN_CONTAINMENT) or (
            response.unique_word and touching == [t] and share >= _UNIQUE_SHARE
        )
        # one shared word is enough for a claim about the responder (融资 in 没有融资计划)
        # or for a response that points back anyway (否认了裁员传闻)
        if not strong and not (
            (responding and t.rumour and not response.about_only)
            or (response.points_back and not response.about_only)
            or (about and response.about_only)
        ):
            continue
        key = (shared + int(about) + int(t.rumour), share, t not in details, t.touched)
        if best is None or key > best[0]:
            best = (key, t)
    if best is not None:
        return best[1].statement.local_id
    if response.about_only or response.opposite_only or not cands:
        return None
    # the first rumour of the response's own paragraph: the story 此 refers to
    here = response.this_paragraph
    told_here = [t for t in cands if here is not None and t.statement.start >= here and t.rumour]
    lead = min(told_here, key=lambda t: t.statement.start) if told_here else None
    if not response.points_back:
        adjacent = near is not None and near.rumour and not response.adjacent_needs_word
        return near.statement.local_id if adjacent and near is not None else None
    for pick in (
        # 发帖网友未回复置评请求: the source of a rumour, however the article names it again
        lambda t: (
            response.own_rumours
            and t.statement.speaker.kind in _HEARSAY
            and t.statement.speaker.name == response.speaker.name
        ),
        lambda t: t is lead,
        # 对于这一说法，X未予置评: the reporter asked about the latest claim about X
        lambda t: response.latest_about and _about(response, t.statement, lexicon),
        lambda t: t.rumour and _about(response, t.statement, lexicon),
        lambda t: _about(response, t.statement, lexicon),
        lambda t: t.rumour,
        lambda t: True,
    ):
        hit = next((t for t in cands if pick(t) and t not in details), None)
        hit = hit or next((t for t in cands if pick(t)), None)
        if hit is not None:
            return hit.statement.local_id
    return None
