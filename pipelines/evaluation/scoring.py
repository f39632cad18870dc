"""Scoring extraction against gold: prediction records, matching, figures.

Pure functions from gold articles and predicted statements to figures (the
rules are in ``pipelines/gold/FORMAT.md``), testable without spaCy or a store.

Examples
--------
>>> from pipelines.evaluation.gold import GoldArticle, GoldStatement
>>> gold = GoldArticle(id="a", split="dev", path="a.json", text="甲称：“乙已上线。”",
...     statements=(GoldStatement(speaker="甲", key="乙已上线", stance="asserts"),))
>>> pred = PredictedStatement(id="s1", speaker="甲", stance="asserts", claim_id="c1",
...     claim_text="乙已上线", evidence="甲称：“乙已上线。”")
>>> score_article(gold, ArticlePrediction(statements=(pred,))).statements.f1
1.0
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.keys import alias_key, text_key
from pipelines.evaluation.gold import SPLITS, ClaimLink, GoldActor, GoldArticle, GoldStatement

__all__ = [
    "PRF",
    "TRAP_SHARE",
    "ArticlePrediction",
    "ArticleScore",
    "Evaluation",
    "Match",
    "PredictedActor",
    "PredictedStatement",
    "Ratio",
    "Summary",
    "match_statements",
    "same_descriptor",
    "score_article",
    "score_corpus",
    "speaker_matches",
    "trap_hit",
]

UNNAMED_KINDS = frozenset({"anonymous", "group"})
# English descriptor heads: what precedes the head and what follows it
_LEAD_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "some",
        "several",
        "two",
        "three",
        "many",
        "of",
        "another",
        "second",
        "third",
        "other",
    ]
)
_TAIL_WORDS = frozenset(
    ["of", "at", "on", "in", "from", "with", "for", "close", "familiar", "who", "that"]
)
_IRREGULAR_PLURALS = {"people": "person", "persons": "person", "staff": "staff"}
_CJK = re.compile(r"[\u3400-\u9fff]")
TRAP_SHARE = 0.6  # a trap making up this much of a claim text has become the claim


# -- predictions (what the store holds, per article) ---------------------------
@dataclass(frozen=True)
class PredictedStatement:
    """One extracted statement as the store holds it."""

    id: str
    speaker: str
    stance: str
    claim_id: str
    claim_text: str
    evidence: str
    quote: str | None = None
    start: int = 0
    via: str | None = None
    rule: str = ""
    speaker_aliases: tuple[str, ...] = ()
    speaker_kind: str = ""

    @property
    def speaker_names(self) -> tuple[str, ...]:
        return (self.speaker, *self.speaker_aliases)


@dataclass(frozen=True)
class PredictedActor:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""


@dataclass(frozen=True)
class ArticlePrediction:
    statements: tuple[PredictedStatement, ...] = ()
    actors: tuple[PredictedActor, ...] = ()
    error: str | None = None


# -- scoring -------------------------------------------------------------------
@dataclass(frozen=True)
class Ratio:
    """``found`` of ``total``; ``rate`` is None when there is nothing to find."""

    found: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.found / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.found + other.found, self.total + other.total)


@dataclass(frozen=True)
class PRF:
    """Precision / recall / F1 from ``right`` of ``predicted`` and of ``gold``."""

    right: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.right + other.right, self.predicted + other.predicted, self.gold + other.gold
        )


@dataclass(frozen=True)
class Match:
    """Gold statement ``gold`` evidence-matched by prediction ``pred`` (indices)."""

    gold: int
    pred: int
    by_claim: bool  # key found in the quote or claim text, not only the sentence
    speaker_ok: bool
    stance_ok: bool


@dataclass
class ArticleScore:
    article: str
    split: str
    statements: PRF = field(default_factory=PRF)
    speaker: Ratio = field(default_factory=Ratio)
    stance: Ratio = field(default_factory=Ratio)
    actors: PRF = field(default_factory=PRF)
    denial_links: Ratio = field(default_factory=Ratio)
    traps: Ratio = field(default_factory=Ratio)
    claim_links: Ratio = field(default_factory=Ratio)
    matches: list[Match] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    spurious: list[int] = field(default_factory=list)
    missed_actors: list[str] = field(default_factory=list)
    spurious_actors: list[str] = field(default_factory=list)
    missed_denial_links: list[int] = field(default_factory=list)
    trap_hits: list[str] = field(default_factory=list)
    missed_claim_links: list[ClaimLink] = field(default_factory=list)
    error: str | None = None


def _name_keys(names: Iterable[str]) -> set[str]:
    return {alias_key(k) for n in names for k in (n, n.split(" @ ")[0]) if alias_key(k)}


def speaker_matches(gold_speaker: str, pred: PredictedStatement, gold_kind: str = "") -> bool:
    """Whether ``pred``'s speaker (or any alias) resolves to the gold speaker.

    An unnamed speaker (gold kind and predicted kind both ``anonymous`` or
    ``group``) also resolves when the two descriptors name the same kind of
    source (:func:`same_descriptor`).
    """
    if alias_key(gold_speaker) in _name_keys(pred.speaker_names):
        return True
    return (
        gold_kind in UNNAMED_KINDS
        and pred.speaker_kind in UNNAMED_KINDS
        and same_descriptor(gold_speaker, pred.speaker)
    )


def _descriptor_head(name: str) -> str:
    """The head noun of an English descriptor, singular: "users on the X forum" -> "user"."""
    words = re.findall(r"[a-z][a-z'’-]*", name.split(" @ ")[0].lower())
    while len(words) > 2 and words[0] in _LEAD_WORDS and words[1] == "of":
        words = words[2:]  # a partitive: "one of the distributors"
    cut = next((i for i, w in enumerate(words) if w in _TAIL_WORDS and i > 0), len(words))
    head = next((w for w in reversed(words[:cut]) if w not in _LEAD_WORDS), "")
    head = _IRREGULAR_PLURALS.get(head, head)
    return head[:-1] if head.endswith("s") and not head.endswith("ss") and len(head) > 3 else head


def same_descriptor(gold: str, predicted: str) -> bool:
    """Whether two unnamed-source descriptors name the same kind of source.

    Chinese: one ends with the other (授权门店店主 / 星澜授权门店店主 @ 财联社,
    the qualifier is the outlet's wording); English: the same head noun
    ("store manager" / "manager at the Elm Street store", "distributors" /
    "one of the distributors").
    """
    a, b = text_key(gold.split(" @ ")[0]), text_key(predicted.split(" @ ")[0])
    if not a or not b:
        return False
    if _CJK.search(a) or _CJK.search(b):
        short, long_ = sorted((a, b), key=len)
        return len(short) >= 2 and long_.endswith(short)
    head = _descriptor_head(gold)
    return bool(head) and head == _descriptor_head(predicted)


def match_statements(
    gold: Sequence[GoldStatement],
    preds: Sequence[PredictedStatement],
    kinds: dict[str, str] | None = None,
) -> list[Match]:
    """One-to-one evidence matching, greedy in text order.

    First every gold key found in a prediction's quote or claim text, then the
    rest against evidence sentences; among candidates the one with the right
    speaker, then the right stance, then the earliest wins.
    """
    kinds = kinds or {}
    keys = [text_key(g.key) for g in gold]
    strong = [text_key(p.quote or "") + "\x00" + text_key(p.claim_text) for p in preds]
    weak = [text_key(p.evidence) for p in preds]
    used: set[int] = set()
    matches: dict[int, Match] = {}
    for fields, by_claim in ((strong, True), (weak, False)):
        for gi, g in enumerate(gold):
            if gi in matches:
                continue
            cands = [pi for pi in range(len(preds)) if pi not in used and keys[gi] in fields[pi]]
            if not cands:
                continue
            pi = min(
                cands,
                key=lambda i: (
                    not speaker_matches(g.speaker, preds[i], kinds.get(g.speaker, "")),
                    preds[i].stance != g.stance,
                    i,
                ),
            )
            used.add(pi)
            matches[gi] = Match(
                gi,
                pi,
                by_claim,
                speaker_matches(g.speaker, preds[pi], kinds.get(g.speaker, "")),
                preds[pi].stance == g.stance,
            )
    return [matches[gi] for gi in sorted(matches)]


def trap_hit(trap: str, preds: Iterable[PredictedStatement]) -> bool:
    """Whether a trap string became a statement's quote or (most of) its claim."""
    t = text_key(trap)
    for p in preds:
        if p.quote and text_key(p.quote) == t:
            return True
        claim = text_key(p.claim_text)
        if claim and t in claim and len(t) >= TRAP_SHARE * len(claim):
            return True
    return False


def _match_actors(
    gold: Sequence[GoldActor], preds: Sequence[PredictedActor]
) -> tuple[int, list[str], list[str]]:
    """Gold actors found among the predicted ones: by name or alias first, then
    unnamed sources by descriptor (:func:`same_descriptor`)."""
    used: set[int] = set()
    found: set[int] = set()
    for gi, g in enumerate(gold):
        key = alias_key(g.name)
        hit = next(
            (
                i
                for i, p in enumerate(preds)
                if i not in used and key in _name_keys((p.name, *p.aliases))
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            found.add(gi)
    for gi, g in enumerate(gold):
        if gi in found or g.kind not in UNNAMED_KINDS:
            continue
        hit = next(
            (
                i
                for i, p in enumerate(preds)
                if i not in used and p.kind in UNNAMED_KINDS and same_descriptor(g.name, p.name)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            found.add(gi)
    missed = [g.name for gi, g in enumerate(gold) if gi not in found]
    spurious = [p.name for i, p in enumerate(preds) if i not in used]
    return len(used), missed, spurious


def score_article(gold: GoldArticle, prediction: ArticlePrediction) -> ArticleScore:
    """Every per-article figure of FORMAT.md except claim links (see :func:`score_corpus`)."""
    preds = prediction.statements
    kinds = {a.name: a.kind for a in gold.actors}
    matches = match_statements(gold.statements, preds, kinds)
    by_gold = {m.gold: m for m in matches}
    right = sum(m.speaker_ok for m in matches)
    n_actors, missed_actors, spurious_actors = _match_actors(gold.actors, prediction.actors)
    denials = [i for i, g in enumerate(gold.statements) if g.refers_to is not None]
    missed_links = []
    for i in denials:
        ref = gold.statements[i].refers_to
        m, r = by_gold.get(i), by_gold.get(ref) if ref is not None else None
        if m is None or r is None or preds[m.pred].claim_id != preds[r.pred].claim_id:
            missed_links.append(i)
    hits = [t for t in gold.traps if trap_hit(t, preds)]
    matched_preds = {m.pred for m in matches}
    return ArticleScore(
        article=gold.id,
        split=gold.split,
        statements=PRF(right, len(preds), len(gold.statements)),
        speaker=Ratio(right, len(matches)),
        stance=Ratio(sum(m.stance_ok for m in matches), len(matches)),
        actors=PRF(n_actors, len(prediction.actors), len(gold.actors)),
        denial_links=Ratio(len(denials) - len(missed_links), len(denials)),
        traps=Ratio(len(gold.traps) - len(hits), len(gold.traps)),
        matches=matches,
        missed=[i for i in range(len(gold.statements)) if i not in by_gold],
        spurious=[i for i in range(len(preds)) if i not in matched_preds],
        missed_actors=missed_actors,
        spurious_actors=spurious_actors,
        missed_denial_links=missed_links,
        trap_hits=hits,
        error=prediction.error,
    )


@dataclass(frozen=True)
class Summary:
    """Figures summed over articles (micro-averaged)."""

    articles: int
    statements: PRF
    speaker: Ratio
    stance: Ratio
    actors: PRF
    denial_links: Ratio
    traps: Ratio
    claim_links: Ratio
    errors: int


@dataclass
class Evaluation:
    """Gold, predictions and scores of every article, in gold order."""

    golds: list[GoldArticle]
    predictions: dict[str, ArticlePrediction]
    scores: list[ArticleScore]

    @property
    def splits(self) -> list[str]:
        return [s for s in SPLITS if any(g.split == s for g in self.golds)]

    def summary(self, split: str | None = None) -> Summary:
        chosen = [s for s in self.scores if split is None or s.split == split]
        total = _sum_scores(chosen)
        return Summary(
            articles=len(chosen), errors=sum(s.error is not None for s in chosen), **total
        )


def _sum_scores(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    names = ("statements", "speaker", "stance", "actors", "denial_links", "traps", "claim_links")
    out: dict[str, Any] = {}
    for name in names:
        zero: PRF | Ratio = PRF() if name in ("statements", "actors") else Ratio()
        total = zero
        for s in scores:
            total = total + getattr(s, name)
        out[name] = total
    return out


def score_corpus(
    golds: Sequence[GoldArticle], predictions: dict[str, ArticlePrediction]
) -> Evaluation:
    """Score every article, then the claim links between articles.

    A link to an article that is not among ``golds`` (another split) is not counted.
    """
    scores = [score_article(g, predictions.get(g.id, ArticlePrediction())) for g in golds]
    claim_of: dict[tuple[str, int], str] = {}
    for g, s in zip(golds, scores, strict=True):
        preds = predictions.get(g.id, ArticlePrediction()).statements
        for m in s.matches:
            claim_of[(g.id, m.gold)] = preds[m.pred].claim_id
    known = {g.id: g for g in golds}
    for g, s in zip(golds, scores, strict=True):
        links = [
            k
            for k in g.claim_links
            if k.article in known and k.other_statement < len(known[k.article].statements)
        ]
        missed = [
            k
            for k in links
            if claim_of.get((g.id, k.statement)) is None
            or claim_of.get((g.id, k.statement)) != claim_of.get((k.article, k.other_statement))
        ]
        s.claim_links = Ratio(len(links) - len(missed), len(links))
        s.missed_claim_links = missed
    return Evaluation(list(golds), dict(predictions), scores)
