"""Response linking: which earlier claim an English denial, confirmation or refusal answers.

A response ("X denied the report", "declined to comment on the valuation",
"called the claim untrue") takes up a claim stated anywhere earlier in the
article by someone else:

1. the claim it shares most content with: word stems counted against the
   shorter of the two texts, plus the actors and numbers both name;
2. a report's claim when it names a report ("denied the story");
3. a claim that names the responder (or its organisation): the earliest
   such rumour (a report, an unnamed source, a media outlet), else the latest
   such claim;
A bare pronoun object ("pushed back on that", "denied it") takes the claim
just made before any of these.

4. only when the response has no object of its own or points back: when it
   points back ("the claims", "that account", "it"), the nearest plausible
   claim (the latest, or the first of the latest rumour source's account),
   else the article's first rumour.

Examples
--------
>>> sorted(content_words("the valuation of Munch"))
['munch', 'valu']
>>> sorted(content_words("could value the deal at $1.1 billion"))
['$1.1', 'bill', 'deal', 'valu']
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
from pipelines.en.handles import is_screen_name
from pipelines.en.names import Found
from pipelines.en.stopwords import stopwords
from pipelines.lexicon import Lexicon

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun
    from pipelines.en.statements import Made

__all__ = ["content_words", "find_target"]

_STOP = stopwords("claim_overlap")
_REPORT_WORD = re.compile(r"\b(?:reports?|story|article|stories|leaks?)\b", re.IGNORECASE)
_SUIT_WORD = re.compile(
    r"\b(?:suit|lawsuit|litigation|complaint|case|allegations|claims)\b", re.IGNORECASE
)
_DOCUMENT_WORD = re.compile(
    r"\b(?:the|that|this|those|these)\s+(?:\w+\s+)?(?:posts?|memos?|documents?|screenshots?|"
    r"slides|filing|emails?|letter|messages?|leaks?)\b",
    re.IGNORECASE,
)
# what kind of information a claim states, for responses about "the timing", "the price" …
_KINDS = {
    "date": re.compile(
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|20\d\d|"
        r"as soon as|next (?:week|month|year|quarter)|by the end of|quarter)\b"
    ),
    "money": re.compile(
        r"[$€£¥]\s?\d|\b\d[\d.,]*\s?(?:billion|million|yuan|euros?|dollars?|pounds?)\b"
    ),
    "number": re.compile(r"\d"),
}
# a bare pronoun as the object of a response: "pushed back on that in a post", "denied it"
_PRONOUN_OBJECT = re.compile(
    r"\s*(?:that|this|it|those|these|them)(?=\s*(?:[,.;]|$)|\s+(?:in|on|at|as|with|during|"
    r"over|last|this|earlier|again|outright|flatly|firmly|publicly|strongly|immediately)\b)",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"(?:ations?|ions?|ings?|ments?|ures?|ed|es|s|ly)$")
_NUMBER = re.compile(r"\$?\d[\d,.]*")
_MIN_SHARE = 1 / 3


def _own_voice(st: ExtractedStatement) -> bool:
    """The article's own finding ("It is understood that …", data/en/own_voice.jsonl): no
    rumour or report that a later answer takes up."""
    return st.rule.startswith("en.own.") and st.stance == Stance.ASSERTS


def _rumour(st: ExtractedStatement) -> bool:
    if _own_voice(st):
        return False
    return (
        st.stance == Stance.REPORTS
        or st.speaker.kind in (ActorKind.ANONYMOUS, ActorKind.MEDIA)
        or is_screen_name(st.speaker)
        or st.cue.lower().startswith("report")  # "journalist X reported on X that …"
    )


# "wrote on a Discord server that", "said in an Instagram story": words put on a platform
_ON_PLATFORM = re.compile(
    r"\s+(?:on|in)\s+(?:an?\s+|the\s+|his\s+|her\s+|its\s+|their\s+)?(?:[A-Z]\w*|"
    r"(?:[\w-]+\s+)?(?:forum|blog|post|thread|server|story|channel|group\s+chat))\b"
)


def _posted(run: ArticleRun, m: Made) -> bool:
    """Whether a claim was made by posting it (a post, a screenshot, a tweet)."""
    st = m.statement
    rule = run.rule(st.cue)
    if rule is not None and rule.get("posts"):
        return True
    at = run.text.find(st.cue, st.start, st.end) if st.cue else -1
    return at >= 0 and _ON_PLATFORM.match(run.text, at + len(st.cue)) is not None


def _report(st: ExtractedStatement) -> bool:
    """An outlet's report, or a claim someone "reported"."""
    if _own_voice(st):
        return False
    return st.speaker.kind == ActorKind.MEDIA or st.cue.lower().startswith("report")


@cache
def _lemmas() -> dict[str, str]:
    """Irregular and derived forms news uses for the same act (sold/sale -> sell): data."""
    return {r.pattern: r.get("lemma") for r in Lexicon.load("en")["lemmas"].rules}


@cache
def _lemma_bases() -> frozenset[str]:
    """The base forms the lemma rules map to ("sell"): the base itself is that act too."""
    return frozenset(_lemmas().values())


def _stem(word: str) -> str:
    """A crude stem: "valuation"/"value", "discussed"/"discussions", "sold"/"sale" meet."""
    w = word.lower().removesuffix("'s").removesuffix("’s")
    if _NUMBER.fullmatch(w):
        return w.rstrip(".,")
    if w in _lemmas():
        return "=" + _lemmas()[w]
    if w in _lemma_bases():
        return "=" + w
    cut = _SUFFIX.sub("", w)
    w = cut if len(cut) >= 3 else w
    w = w[:-1] if w.endswith("e") and len(w) > 4 else w
    return w[:5]


def content_words(text: str) -> set[str]:
    """Stems of the words (and numbers) of ``text`` that can say which claim it is about."""
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z0-9'’-]+|\$?\d[\d,.]*\d|\$?\d\w*", text):
        w = w.lower().rstrip(".,").removesuffix("'s").removesuffix("’s")
        if w in _lemmas() or w in _lemma_bases():
            # "cut", "sold": short, but the act itself; "sell" is what "sale" is
            out.add("=" + _lemmas().get(w, w))
            continue
        if (len(w) < 4 and not re.search(r"\d", w)) or w in _STOP:
            continue
        out.add(_stem(w))
    return out


def _named(names: set[str], text: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names)


def _responder_orgs(run: ArticleRun, found: Found) -> list[ActorRef]:
    """The organisations the speaker answers for: its affiliation's, the one it works for."""
    orgs = [found.affiliation.organization] if found.affiliation is not None else []
    if found.actor.name in run.members:
        orgs.append(run.members[found.actor.name])  # "Zhengtu's head of operations, Pan"
    return orgs


def _responder_names(run: ArticleRun, found: Found) -> set[str]:
    names = {found.actor.name, *found.actor.aliases}
    orgs = _responder_orgs(run, found)
    for org in orgs:
        names |= {org.name, *org.aliases}
    names |= {k for k, v in run.finder.short.items() if v.name in names}
    return {n for n in names if n and len(n) > 1}


def _actors_in(run: ArticleRun, text: str, exclude: set[str]) -> set[str]:
    """Names of actors (gazetteer mentions, names seen in the article) that ``text`` names."""
    names = {m.surface for m in run.mentions if m.kind != ActorKind.ANONYMOUS}
    names |= set(run.finder.short)
    return {n for n in names if len(n) > 2 and n not in exclude and _named({n}, text)}


def _by_content(
    run: ArticleRun, cands: list[Made], obj: str, me: set[str], *, clause: bool = False
) -> Made | None:
    """The candidate sharing most with ``obj``, if it shares enough.

    A word naming a kind of information ("the price", "the target") meets a
    claim stating one; a ``clause`` that states its own content must share a
    word too ("conceded that the target assumes a lot" is no answer to a
    price announcement).
    """
    skip = content_words(" ".join(me)) | content_words(run.scope or "")
    topics = {m.rule.get("kind") for m in run.lex["topics"].finditer(obj.lower())}
    actors = _actors_in(run, obj, me | {run.scope or ""})
    words = content_words(obj) - skip - content_words(" ".join(actors))
    words |= {f"<{k}>" for k in topics}
    if not words and not actors:
        return None
    best: tuple[float, int, bool, bool, int] | None = None
    for i, m in enumerate(cands):
        pool = run.pools.get(m.claim, "")
        theirs = content_words(pool) - skip
        named = sum(1 for n in actors if _named({n}, pool))
        common = words & theirs
        # "declined to comment on the valuation": a claim that states a sum of money
        if clause and not common:
            continue  # a clause with its own content shares words, not just a topic
        common |= {f"<{k}>" for k in topics if _KINDS[k].search(pool)}
        # a shared number or actor says more than a shared word
        shared = len(common) + sum(1 for w in common if w[:1].isdigit() or w[:1] == "$") + named
        if not common:
            continue  # naming the same company is not saying the same thing
        shorter = max(1, min(len(words), len(theirs)) + len(actors))
        # on a tie, a claim about the responder ("declined to comment on the numbers")
        key = (shared / shorter, shared, _rumour(m.statement), _named(me, pool), i)
        if shared >= max(1, int(shorter * _MIN_SHARE)) and (best is None or key > best):
            best = key
    return cands[best[4]] if best else None


def _account_start(cands: list[Made], last: int) -> Made:
    """The first claim of the run of claims the speaker of ``cands[last]`` made in a row."""
    who = cands[last].statement.speaker.name
    k = last
    while (
        k > 0
        and cands[k - 1].statement.speaker.name == who
        and cands[k - 1].statement.refers_to is None
    ):
        k -= 1
    return cands[k]


def _nearest(cands: list[Made]) -> Made:
    """What a response pointing back means: the latest claim.

    A rumour source's account may run over several statements ("that account"):
    the first of them is the claim it answers.
    """
    last = cands[-1].statement
    if last.refers_to is None and _rumour(last):
        return _account_start(cands, len(cands) - 1)
    return cands[-1]


def find_target(
    run: ArticleRun,
    found: Found,
    obj: str,
    *,
    latest: bool,
    clause: bool = False,
    anaphor: bool = False,
    hearsay: bool = False,
) -> str | None:
    """The earlier claim a denial / confirmation / refusal takes up.

    ``obj`` is what the response is about (its content, or the words around
    its cue); ``clause`` means it states the claim itself ("denied reports
    that …"), so only a claim with the same content is taken up;
    ``latest`` allows the fallback of step 4, ``anaphor`` says the response
    points back; ``hearsay`` (a refusal to comment) takes up a report or
    rumour when the article has one, not an analyst's view.
    """
    me = _responder_names(run, found)
    if hearsay and not clause:
        # "@CityWhispers did not respond to a message asking for its source": a hearsay
        # source that will not say more is silent on its own rumour
        own = [
            m
            for m in run.made
            if m.statement.speaker.name == found.actor.name
            and m.statement.refers_to is None
            and _rumour(m.statement)
        ]
        if own:
            return own[-1].claim
    cands = [m for m in run.made if m.statement.speaker.name != found.actor.name]
    rumours = [m for m in cands if _rumour(m.statement) and m.statement.refers_to is None]
    if hearsay and rumours:
        # what the rumour's answers added to its pool stays with it
        cands = [m for m in cands if any(r.claim == m.claim for r in rumours)]
    if not cands:
        return None
    if not clause and _PRONOUN_OBJECT.match(obj):
        # "pushed back on that in a post, writing …", "denied it": the claim just made
        return _nearest(cands).claim
    about_me = any(_named(me, run.pools.get(m.claim, "")) and _rumour(m.statement) for m in cands)
    if not clause and not about_me and _DOCUMENT_WORD.search(obj):
        # a third party "said the posts were scaremongering": what the posts said, not a
        # claim about them (the subject of a rumour answers the rumour about it, below)
        stated = [m for m in cands if m.claim in run.documented and m.statement.refers_to is None]
        if stated:
            best = _by_content(run, stated, obj, me)
            return (best or stated[0]).claim
    best = _by_content(run, cands, obj, me, clause=clause)
    if best is not None:
        return best.claim
    if clause:
        return None
    if _DOCUMENT_WORD.search(obj):
        # "called the post fabricated": the claim a post or memo made
        posts = [
            m for m in cands if m.claim in run.documented and _named(me, run.pools.get(m.claim, ""))
        ]
        if posts:
            return posts[-1].claim
    if _SUIT_WORD.search(obj):
        # "declined to comment on the litigation": the first claim of the suit's plaintiff
        suer = run.plaintiff
        suits = [m for m in cands if suer is not None and m.statement.speaker == suer.actor]
        if suits:
            return suits[0].claim
    if _DOCUMENT_WORD.search(obj):
        # "the label said the screenshot was fabricated": the first claim an account posted
        posted = [m for m in cands if m.statement.refers_to is None and _posted(run, m)]
        if posted:
            return posted[0].claim
    if _REPORT_WORD.search(obj):
        reports = [m for m in cands if _report(m.statement)]
        # "poured cold water on the reports": the report about the responder, if one is
        mine = [m for m in reports if _named(me, run.pools.get(m.claim, ""))]
        if reports:
            return (mine or reports)[-1].claim
    if latest and anaphor:
        # "That report was shot down. A spokesperson said the claim was untrue": a rumour
        # told just before is what "the claim" is, before older ones that name the responder
        near = _nearest(cands)
        if _rumour(near.statement) and run.sent_index - near.sentence <= 2:
            return near.claim
    naming = [m for m in cands if _named(me, run.pools.get(m.claim, ""))]
    rumours = [m for m in naming if m.statement.refers_to is None and _rumour(m.statement)]
    if rumours:
        return rumours[0].claim
    if naming:
        # "called the suit without merit": the first of the latest account that names it
        return _account_start(cands, cands.index(naming[-1])).claim
    if latest and anaphor:
        return _nearest(cands).claim
    if latest:
        # nothing names the claim: the article's rumour (a report or an unnamed source)
        rumours = [m for m in cands if m.statement.refers_to is None and _rumour(m.statement)]
        return (rumours[0] if rumours else cands[-1]).claim
    return None
