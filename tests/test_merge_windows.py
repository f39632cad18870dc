"""Merging in windows: one transaction for several articles, and what the store caches.

The ingest merges up to ``MERGE_WINDOW`` articles in one transaction, each in
a savepoint; the store counts candidate claims from postings it caches inside
write transactions.  Neither may change what ends up in the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

import graph.claim_index
import pipelines.ingest as ingest
from graph.errors import RumorGraphError
from graph.merge import merge_extraction
from graph.records import ActorKind, ActorRef, Article, ExtractedStatement, ExtractionResult, Stance
from graph.store import Store
from pipelines.ingest import ingest_paths
from tests.test_crash_safety import statements_by_article, write_batch


def _claim(store: Store, claim_id: str, terms: list[str]) -> None:
    store.add_article(
        {
            "id": f"art-{claim_id}",
            "language": "zh",
            "ingested_at": "2026-11-24T00:00:00",
            "text": claim_id,
        }
    )
    store.add_claim(
        {"id": claim_id, "text": claim_id, "language": "zh", "first_article_id": f"art-{claim_id}"},
        terms,
    )
    store.add_statement(
        {
            "id": f"s-{claim_id}",
            "claim_id": claim_id,
            "speaker_id": "a_x",
            "stance": "asserts",
            "article_id": f"art-{claim_id}",
            "evidence": claim_id,
            "start": 0,
            "end": 1,
            "rule": "test",
            "confidence": 1.0,
            "ingested_at": "2026-11-24T00:00:00",
        }
    )


def _candidates(store: Store, terms: list[str]) -> list[tuple[str, int]]:
    with store.transaction():
        return store.claim_candidates(terms)


@pytest.fixture
def two_connections(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    path = tmp_path / "s.sqlite"
    first, second = Store(path), Store(path)  # two connections to one file
    with first.transaction():
        first.add_actor({"id": "a_x", "name": "x", "kind": "person"})
    yield first, second
    first.close()
    second.close()


def test_candidates_see_what_another_connection_committed(two_connections):
    first, second = two_connections
    with first.transaction():
        _claim(first, "c_1", ["t:ab", "t:bc"])
    assert _candidates(first, ["t:ab", "t:bc"]) == [("c_1", 2)]  # now cached
    with second.transaction():
        _claim(second, "c_2", ["t:ab", "t:bc", "t:cd"])
    assert _candidates(first, ["t:ab", "t:bc", "t:cd"]) == [("c_2", 3), ("c_1", 2)]


def test_candidates_forget_what_a_rollback_undid(two_connections):
    first, _ = two_connections
    with first.transaction():
        _claim(first, "c_1", ["t:ab"])
        assert first.claim_candidates(["t:ab"]) == [("c_1", 1)]
    with pytest.raises(RuntimeError), first.transaction():
        _claim(first, "c_2", ["t:ab"])
        assert first.claim_candidates(["t:ab"]) == [("c_1", 1), ("c_2", 1)]
        raise RuntimeError("undo")
    assert _candidates(first, ["t:ab"]) == [("c_1", 1)]


def test_cached_candidates_equal_the_sql_count(two_connections):
    first, second = two_connections
    with first.transaction():
        for n in range(30):
            _claim(first, f"c_{n:02d}", [f"t:{k}" for k in range(n % 7 + 1)])
    terms = [f"t:{k}" for k in range(7)]
    cached = _candidates(first, terms)
    assert cached == second.claim_candidates(terms)  # outside a transaction: SQL
    assert cached[0] == ("c_06", 7) and len(cached) == 12


def test_cached_candidates_survive_the_cache_starting_over(two_connections, monkeypatch):
    first, second = two_connections
    with first.transaction():
        for n in range(30):
            _claim(first, f"c_{n:02d}", [f"t:{k}" for k in range(n % 7 + 1)])
    terms = [f"t:{k}" for k in range(7)]
    expected = second.claim_candidates(terms)
    monkeypatch.setattr(graph.claim_index, "INDEX_CACHED", 20)
    assert _candidates(first, terms[:2]) == second.claim_candidates(terms[:2])
    assert _candidates(first, terms) == expected  # cached terms and a cache started over
    assert _candidates(first, terms) == expected


def _article(aid: str) -> Article:
    return Article(
        id=aid, text=f"{aid} 业内人士称，美区跨境店下周开放。", language="zh",
        title=aid, outlet="虎嗅", published=dt.date(2026, 10, 20),
    )  # fmt: skip


def _result(aid: str) -> ExtractionResult:
    speaker = ActorRef("业内人士", ActorKind.ANONYMOUS, scope="虎嗅")
    st = ExtractedStatement(
        local_id="s1", speaker=speaker, stance=Stance.ASSERTS, evidence="美区跨境店下周开放",
        start=0, end=9, rule="test", confidence=0.9, claim_text="美区跨境店下周开放",
    )  # fmt: skip
    return ExtractionResult(article=_article(aid), statements=(st,))


def test_an_article_failing_inside_a_window_leaves_the_others(tmp_path, monkeypatch):
    store = Store(tmp_path / "s.sqlite")
    real = merge_extraction

    def fails_on_b(s: Store, result: ExtractionResult) -> object:
        if result.article.id == "b":
            with s.transaction():
                real(s, result)
                raise RumorGraphError("b cannot be merged")
        return real(s, result)

    monkeypatch.setattr(ingest, "merge_extraction", fails_on_b)
    events = []
    window = ingest._MergeWindow(store, None, events.extend)
    for aid in ("a", "b", "c"):
        window.merge(_article(aid), _result(aid))
    assert events == []  # nothing reported before the commit
    window.commit()
    assert [e.outcome for e in events] == ["added", "failed", "added"]
    assert {r["id"] for r in store.query("SELECT id FROM articles")} == {"a", "c"}
    assert store.integrity_problems() == []


def test_windows_commit_what_one_transaction_per_article_gives(tmp_path, monkeypatch):
    batch = tmp_path / "batch"
    write_batch(batch, range(12))
    monkeypatch.setattr(ingest, "MERGE_WINDOW", 5)
    with Store(tmp_path / "windows.sqlite") as store:
        ingest_paths([batch], store)
    monkeypatch.setattr(ingest, "MERGE_WINDOW", 1)
    with Store(tmp_path / "single.sqlite") as store:
        ingest_paths([batch], store)
    windows = statements_by_article(tmp_path / "windows.sqlite")
    assert len(windows) == 12
    assert windows == statements_by_article(tmp_path / "single.sqlite")
