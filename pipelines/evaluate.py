"""Score extraction against the hand-written gold articles.

The gold format and the scoring rules are ``pipelines/gold/FORMAT.md``.
Three steps, each usable alone:

- :func:`load_gold_dir` reads and checks the gold files (a malformed file is
  one ``PATH: reason`` line; the others are still read);
- :func:`predict` ingests the gold articles into a store through the normal
  ingestion path and returns what was extracted per article;
- :func:`score_article` / :func:`score_corpus` are pure functions from gold
  and predictions to figures, testable without spaCy.

Examples
--------
>>> gold = GoldArticle(id="a", split="dev", path="a.json", text="甲称：“乙已上线。”",
...     statements=(GoldStatement(speaker="甲", key="乙已上线", stance="asserts"),))
>>> pred = PredictedStatement(id="s1", speaker="甲", stance="asserts", claim_id="c1",
...     claim_text="乙已上线", evidence="甲称：“乙已上线。”")
>>> score_article(gold, ArticlePrediction(statements=(pred,))).statements.f1
1.0
"""

from __future__ import annotations

import datetime as dt
import json
import math
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InputError
from graph.keys import alias_key, text_key
from graph.records import ActorKind, ActorRef, Article, ExtractionResult, Stance
from graph.store import Store

__all__ = [
    "PRF",
    "SPLITS",
    "ArticlePrediction",
    "ArticleScore",
    "ClaimLink",
    "Evaluation",
    "GoldActor",
    "GoldArticle",
    "GoldStatement",
    "Match",
    "PredictedActor",
    "PredictedStatement",
    "Ratio",
    "Summary",
    "load_gold_dir",
    "match_statements",
    "parse_gold",
    "predict",
    "score_article",
    "score_corpus",
    "speaker_matches",
    "trap_hit",
]

SPLITS = ("dev", "test")
TRAP_SHARE = 0.6  # a trap making up this much of a claim text has become the claim
_STANCES = frozenset(str(s) for s in Stance)
_KINDS = frozenset(str(k) for k in ActorKind)


# -- gold ----------------------------------------------------------------------
@dataclass(frozen=True)
class GoldActor:
    name: str
    kind: str


@dataclass(frozen=True)
class GoldStatement:
    speaker: str
    key: str
    stance: str
    refers_to: int | None = None
    via: str | None = None


@dataclass(frozen=True)
class ClaimLink:
    """Statement ``statement`` states the claim of ``other_statement`` of ``article``."""

    statement: int
    article: str
    other_statement: int


@dataclass(frozen=True)
class GoldArticle:
    id: str
    split: str
    path: str
    text: str
    language: str = "zh"
    title: str = ""
    outlet: str | None = None
    published: str | None = None
    actors: tuple[GoldActor, ...] = ()
    statements: tuple[GoldStatement, ...] = ()
    traps: tuple[str, ...] = ()
    claim_links: tuple[ClaimLink, ...] = ()
    notes: str = ""


def _need(data: dict[str, Any], name: str, kind: type, where: str) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        what = {str: "a non-empty string", dict: "an object", list: "a list"}.get(kind, str(kind))
        raise InputError(where, f"'{name}' must be {what}")
    return value


def _index(value: Any, size: int, where: str, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < size:
        raise InputError(where, f"{what} must be a statement index 0..{size - 1}, not {value!r}")
    return value


def _parse_statements(raw: Any, text_folded: str, where: str) -> tuple[GoldStatement, ...]:
    if not isinstance(raw, list):
        raise InputError(where, "'statements' must be a list")
    out = []
    for i, s in enumerate(raw):
        at = f"statement {i}"
        if not isinstance(s, dict):
            raise InputError(where, f"{at} is not an object")
        speaker = _need(s, "speaker", str, f"{where}: {at}").strip()
        key = _need(s, "key", str, f"{where}: {at}")
        if not text_key(key) or text_key(key) not in text_folded:
            raise InputError(where, f"{at}: key {key!r} does not occur in the article text")
        stance = s.get("stance")
        if stance not in _STANCES:
            raise InputError(where, f"{at}: stance {stance!r} is not one of {sorted(_STANCES)}")
        refers_to = s.get("refers_to")
        if refers_to is not None:
            _index(refers_to, len(raw), where, f"{at}: refers_to")
            if refers_to == i:
                raise InputError(where, f"{at}: refers_to points at itself")
        via = s.get("via")
        if via is not None and (not isinstance(via, str) or not via.strip()):
            raise InputError(where, f"{at}: via must be a non-empty string")
        out.append(GoldStatement(speaker, key, stance, refers_to, via))
    return tuple(out)


def parse_gold(data: Any, path: str, split: str) -> GoldArticle:
    """A checked :class:`GoldArticle` from the decoded JSON of one gold file.

    Raises
    ------
    InputError
        Naming ``path`` and what is wrong.
    """
    if not isinstance(data, dict):
        raise InputError(path, "gold file is not a JSON object")
    gold_id = _need(data, "id", str, path)
    art = _need(data, "article", dict, path)
    text = _need(art, "text", str, f"{path}: article")
    language = art.get("language") or "zh"
    if language not in ("zh", "en"):
        raise InputError(path, f"article language {language!r} is not zh or en")
    published = art.get("published")
    if published is not None:
        try:
            dt.date.fromisoformat(str(published))
        except ValueError:
            raise InputError(path, f"published {published!r} is not YYYY-MM-DD") from None
    actors = []
    for i, a in enumerate(data.get("actors") or []):
        if not isinstance(a, dict):
            raise InputError(path, f"actor {i} is not an object")
        name = _need(a, "name", str, f"{path}: actor {i}").strip()
        if a.get("kind") not in _KINDS:
            raise InputError(
                path, f"actor {i} ({name}): kind {a.get('kind')!r} is not one of {sorted(_KINDS)}"
            )
        actors.append(GoldActor(name, a["kind"]))
    statements = _parse_statements(data.get("statements", []), text_key(text), path)
    traps = data.get("traps") or []
    if not isinstance(traps, list) or not all(isinstance(t, str) and t.strip() for t in traps):
        raise InputError(path, "'traps' must be a list of non-empty strings")
    links = []
    for i, link in enumerate(data.get("claim_links") or []):
        if not isinstance(link, dict):
            raise InputError(path, f"claim link {i} is not an object")
        where = f"claim link {i}"
        own = _index(link.get("statement"), len(statements), path, f"{where}: statement")
        other = link.get("other_statement")
        if not isinstance(other, int) or isinstance(other, bool) or other < 0:
            raise InputError(path, f"{where}: other_statement must be an index, not {other!r}")
        links.append(ClaimLink(own, _need(link, "article", str, f"{path}: {where}"), other))
    return GoldArticle(
        id=gold_id,
        split=split,
        path=path,
        text=text,
        language=language,
        title=str(art.get("title") or ""),
        outlet=art.get("outlet") or None,
        published=str(published) if published else None,
        actors=tuple(actors),
        statements=statements,
        traps=tuple(traps),
        claim_links=tuple(links),
        notes=str(data.get("notes") or ""),
    )


def load_gold_dir(
    root: str | Path, splits: Sequence[str] = SPLITS
) -> tuple[list[GoldArticle], list[str]]:
    """Gold articles under ``root`` (``.../<split>/<id>.json``) and problem lines.

    A file that is not under a ``dev``/``test`` folder is named in the problems
    and skipped, as is a malformed one; every other file is still read.
    """
    root = Path(root)
    golds: list[GoldArticle] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in sorted(root.rglob("*.json")):
        if any(p.startswith(".") for p in path.relative_to(root).parts):
            continue
        split = path.parent.name
        if split not in SPLITS:
            problems.append(f"{path}: not under a dev/ or test/ folder; skipped")
            continue
        if split not in splits:
            continue
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            problems.append(f"{path}: cannot read: {err}")
            continue
        except json.JSONDecodeError as err:
            problems.append(f"{path}: not valid JSON: {err.msg} (line {err.lineno})")
            continue
        try:
            gold = parse_gold(data, str(path), split)
        except InputError as err:
            problems.append(str(err))
            continue
        if gold.id in seen:
            problems.append(f"{path}: id {gold.id!r} already used by {seen[gold.id]}")
            continue
        seen[gold.id] = str(path)
        golds.append(gold)
    by_id = {g.id: g for g in golds}
    for g in golds:
        for link in g.claim_links:
            other = by_id.get(link.article)
            if other is not None and link.other_statement >= len(other.statements):
                problems.append(
                    f"{g.path}: claim link to {link.article} statement "
                    f"{link.other_statement}, which has only {len(other.statements)}"
                )
    return golds, problems


# -- predictions ---------------------------------------------------------------
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


class _RecordingExtractor:
    """Wraps an extractor to keep each article's mentions (the store keeps no reader)."""

    def __init__(self) -> None:
        from pipelines.extract import Extractor

        self.inner = Extractor()
        self.mentions: dict[str, tuple[ActorRef, ...]] = {}

    def learn(self, store_rows: Iterable[dict[str, Any]]) -> int:
        return self.inner.learn(store_rows)

    def learn_from(self, store: Store) -> int:
        return self.inner.learn_from(store)

    def __call__(self, article: Article) -> ExtractionResult:
        result = self.inner(article)
        self.mentions[article.id] = result.mentions
        return result


def _front_matter(gold: GoldArticle) -> str:
    fields = {
        "title": gold.title,
        "outlet": gold.outlet,
        "published": gold.published,
        "language": gold.language,
    }
    # JSON strings are YAML double-quoted scalars: no escaping surprises
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items() if v]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _chronological(golds: Sequence[GoldArticle]) -> list[GoldArticle]:
    return sorted(golds, key=lambda g: (g.published is None, g.published or "", g.id))


def predict(
    golds: Sequence[GoldArticle], *, keep_store: str | Path | None = None
) -> dict[str, ArticlePrediction]:
    """Ingest the gold articles (oldest first) into a fresh store; predictions by gold id.

    The articles go through the same loading, normalisation, extraction and
    merge as real files.  ``keep_store`` keeps the store at that path.
    """
    from pipelines.ingest import ingest_paths
    from pipelines.load import load_file

    out: dict[str, ArticlePrediction] = {}
    with tempfile.TemporaryDirectory(prefix="rumour-eval-") as tmp:
        files: dict[str, GoldArticle] = {}
        article_ids: dict[str, str] = {}
        for n, gold in enumerate(_chronological(golds)):
            path = Path(tmp) / f"{n:04d}.md"
            path.write_text(_front_matter(gold) + gold.text + "\n", "utf-8")
            try:
                [article] = load_file(path)
            except (InputError, ValueError) as err:
                out[gold.id] = ArticlePrediction(error=f"{gold.path}: cannot load: {err}")
                continue
            files[str(path)] = gold
            article_ids[gold.id] = article.id
        extractor = _RecordingExtractor()
        store_path = Path(keep_store) if keep_store else Path(tmp) / "eval.sqlite"
        with Store(store_path) as store:
            summary = ingest_paths(list(files), store, extractor=extractor)  # type: ignore[arg-type]
            for event in summary.events:
                gold = files.get(event.source)
                if event.outcome == "failed" and gold is not None:
                    out[gold.id] = ArticlePrediction(error=f"{gold.path}: {event.error}")
            rows = _statement_rows(store)
            actors = {a["id"]: a for a in store.actors()}
            for gold in golds:
                if gold.id in out or gold.id not in article_ids:
                    continue
                aid = article_ids[gold.id]
                sts = [_predicted_statement(r, actors) for r in rows.get(aid, [])]
                out[gold.id] = ArticlePrediction(
                    statements=tuple(sorted(sts, key=lambda s: (s.start, s.id))),
                    actors=_predicted_actors(
                        store,
                        actors,
                        rows.get(aid, []),
                        extractor.mentions.get(aid, ()),
                        gold.outlet,
                        gold.text,
                    ),
                )
    return out


def _statement_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    from graph.frames import statements

    frame = statements(store)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in frame.to_dict("records"):
        clean = {k: (None if _missing(v) else v) for k, v in row.items()}
        by_article.setdefault(clean["article_id"], []).append(clean)
    return by_article


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _names(actor: dict[str, Any]) -> tuple[str, ...]:
    names = [actor["name"], actor["display_name"], *actor["aliases"]]
    # an anonymous source is "业内人士 @ 虎嗅" in the store, "业内人士" in gold
    names += [n.split(" @ ")[0] for n in names]
    return tuple(dict.fromkeys(names))


def _predicted_statement(
    row: dict[str, Any], actors: dict[str, dict[str, Any]]
) -> PredictedStatement:
    actor = actors.get(row["speaker_id"])
    return PredictedStatement(
        id=row["id"],
        speaker=row["speaker_name"],
        stance=row["stance"],
        claim_id=row["claim_id"],
        claim_text=row["claim_text"] or "",
        evidence=row["evidence"] or "",
        quote=row["quote"],
        start=int(row["start"] or 0),
        via=row["via"],
        rule=row["rule"] or "",
        speaker_aliases=_names(actor) if actor else (),
    )


def _named_in(actor: dict[str, Any], text: str) -> bool:
    folded = text_key(text)
    return any(text_key(n) and text_key(n) in folded for n in _names(actor))


def _resolve(store: Store, ref: ActorRef) -> str | None:
    names = [ref.name, *ref.aliases]
    if ref.scope:
        scope_id = store.actor_by_alias(alias_key(ref.scope))
        scope_row = store.actor(scope_id) if scope_id else None
        scope = scope_row["name"] if scope_row else ref.scope
        names = [f"{n} @ {scope}" for n in names]
    return next((a for a in (store.actor_by_alias(alias_key(n)) for n in names) if a), None)


def _predicted_actors(
    store: Store,
    actors: dict[str, dict[str, Any]],
    rows: list[dict[str, Any]],
    mentions: Iterable[ActorRef],
    outlet: str | None,
    text: str,
) -> tuple[PredictedActor, ...]:
    """Speakers, relays (but the article's own outlet) and mentions, one per store actor."""
    found: dict[str, PredictedActor] = {}

    def add(actor_id: str | None, fallback: ActorRef | None = None) -> None:
        if actor_id and actor_id in actors:
            a = actors[actor_id]
            found.setdefault(actor_id, PredictedActor(a["display_name"], _names(a), a["kind"]))
        elif fallback is not None:
            found.setdefault(
                fallback.display_name,
                PredictedActor(
                    fallback.display_name, (fallback.name, *fallback.aliases), str(fallback.kind)
                ),
            )

    own = store.actor_by_alias(alias_key(outlet)) if outlet else None
    for row in rows:
        add(row["speaker_id"])
        via = store.actor_by_alias(alias_key(row["via"])) if row["via"] else None
        if via != own:  # the article's own outlet relays everything; the article does not name it
            add(via)
    for ref in mentions:
        actor_id = _resolve(store, ref)
        if actor_id is not None and actor_id == own and not _named_in(actors[actor_id], text):
            continue  # the outlet is the article's frame, not an actor it names
        add(actor_id, ref)
    return tuple(found.values())


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


def speaker_matches(gold_speaker: str, pred: PredictedStatement) -> bool:
    """Whether ``pred``'s speaker (or any alias) resolves to the gold speaker."""
    return alias_key(gold_speaker) in _name_keys(pred.speaker_names)


def match_statements(
    gold: Sequence[GoldStatement], preds: Sequence[PredictedStatement]
) -> list[Match]:
    """One-to-one evidence matching, greedy in text order.

    First every gold key found in a prediction's quote or claim text, then the
    rest against evidence sentences; among candidates the one with the right
    speaker, then the right stance, then the earliest wins.
    """
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
                    not speaker_matches(g.speaker, preds[i]),
                    preds[i].stance != g.stance,
                    i,
                ),
            )
            used.add(pi)
            matches[gi] = Match(
                gi,
                pi,
                by_claim,
                speaker_matches(g.speaker, preds[pi]),
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
    used: set[int] = set()
    missed = []
    for g in gold:
        key = alias_key(g.name)
        hit = next(
            (
                i
                for i, p in enumerate(preds)
                if i not in used and key in _name_keys((p.name, *p.aliases))
            ),
            None,
        )
        if hit is None:
            missed.append(g.name)
        else:
            used.add(hit)
    spurious = [p.name for i, p in enumerate(preds) if i not in used]
    return len(used), missed, spurious


def score_article(gold: GoldArticle, prediction: ArticlePrediction) -> ArticleScore:
    """Every per-article figure of FORMAT.md except claim links (see :func:`score_corpus`)."""
    preds = prediction.statements
    matches = match_statements(gold.statements, preds)
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
