"""Predictions for the evaluation harness: gold articles through the real ingestion.

:func:`predict` writes each gold article as a file with front matter, ingests
them (oldest first) into a fresh store with the normal loader, extractor and
merge, and reads back, per article, the statements and the actors it names.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from graph.errors import InputError
from graph.keys import alias_key, text_key
from graph.records import ActorRef, Article, ExtractionResult
from graph.store import Store
from pipelines.evaluation.gold import GoldArticle
from pipelines.evaluation.scoring import ArticlePrediction, PredictedActor, PredictedStatement

__all__ = ["predict"]


class _RecordingExtractor:
    """Wraps an extractor to keep each article's mentions (the store keeps no reader)."""

    def __init__(self) -> None:
        from pipelines.extract import Extractor

        self.inner = Extractor()
        self.mentions: dict[str, tuple[ActorRef, ...]] = {}
        # each article's statements as (start, end, rule, stance, start of the statement it
        # takes up), in extraction order
        self.order: dict[str, list[tuple[int, int, str, str, int]]] = {}

    def learn(self, store_rows: Iterable[dict[str, Any]]) -> int:
        return self.inner.learn(store_rows)

    def learn_from(self, store: Store) -> int:
        return self.inner.learn_from(store)

    def __call__(self, article: Article) -> ExtractionResult:
        result = self.inner(article)
        self.mentions[article.id] = result.mentions
        starts = {st.local_id: st.start for st in result.statements}
        self.order[article.id] = [
            (st.start, st.end, st.rule, str(st.stance), starts.get(st.refers_to or "", -1))
            for st in result.statements
        ]
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
    from pipelines.reading.load import load_file

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
                order = _extraction_order(rows.get(aid, []), extractor.order.get(aid, []))
                sts = [_predicted_statement(r, actors) for r in rows.get(aid, [])]
                out[gold.id] = ArticlePrediction(
                    statements=tuple(sorted(sts, key=lambda s: (s.start, order[s.id], s.id))),
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


def _extraction_order(
    rows: Sequence[dict[str, Any]], extracted: Sequence[tuple[int, int, str, str, int]]
) -> dict[str, int]:
    """Each stored statement's position in extraction order.

    Two statements of one sentence (two denials, each taking up its own
    rumour) share their start; ordered by id they would be in arbitrary order,
    and the greedy matching could pair them with the gold crosswise.  A stored
    statement that takes up a claim is told apart by where that claim was
    stated in the article.
    """
    stated: dict[str, int] = {}
    for row in sorted(rows, key=lambda r: int(r["start"] or 0)):
        if row["claim_text"] and row["claim_id"] not in stated:
            stated[row["claim_id"]] = int(row["start"] or 0)
    free: dict[tuple[int, int, str, str, int], list[int]] = {}
    for i, key in enumerate(extracted):
        free.setdefault(key, []).append(i)
    order: dict[str, int] = {}
    for row in rows:
        start = int(row["start"] or 0)
        ref = -1 if row["claim_text"] else stated.get(row["claim_id"], -1)
        key = (start, int(row["end"] or 0), row["rule"] or "", row["stance"] or "", ref)
        slots = free.get(key)
        order[row["id"]] = slots.pop(0) if slots else len(extracted)
    return order


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
        speaker_kind=str(actor["kind"]) if actor else "",
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
