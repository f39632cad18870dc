"""The claim index in memory (graph.claim_index) must answer what SQL answers.

The merging store keeps term document frequencies, postings, claim terms and
candidate profiles in memory and files index rows there until the window
commits.  Every answer read from it must equal the same read from SQL by
another connection, after writes, rollbacks and other connections' commits.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import graph.claim_index
from graph.claim_index import PendingRows
from graph.merge import merge_extraction
from graph.records import ActorKind, ActorRef, Article, ExtractedStatement, ExtractionResult, Stance
from graph.store import Store

_ROWS = "SELECT term, claim_id FROM claim_terms ORDER BY term, claim_id"
_DFS = "SELECT term, df FROM term_df ORDER BY term"


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    path = tmp_path / "s.sqlite"
    first, second = Store(path), Store(path)
    with first.transaction():
        first.add_actor({"id": "a_x", "name": "x", "kind": "person"})
        first.add_actor({"id": "a_y", "name": "y", "kind": "person"})
    yield first, second
    first.close()
    second.close()


def _article(store: Store, aid: str) -> None:
    store.add_article(
        {"id": aid, "language": "zh", "ingested_at": "2026-11-24T00:00:00", "text": aid}
    )


def _statement(
    store: Store, sid: str, claim_id: str, text: str | None, *, review: bool = False
) -> None:
    store.add_statement(
        {
            "id": sid,
            "claim_id": claim_id,
            "speaker_id": "a_x",
            "stance": "asserts",
            "article_id": "art",
            "evidence": text or "",
            "start": 0,
            "end": 1,
            "rule": "test",
            "confidence": 1.0,
            "claim_text": text,
            "needs_review": int(review),
            "ingested_at": "2026-11-24T00:00:00",
        }
    )


def _claim(store: Store, claim_id: str, terms: list[str]) -> None:
    store.add_claim(
        {
            "id": claim_id,
            "text": f"text of {claim_id}",
            "language": "zh",
            "first_article_id": "art",
        },
        terms,
    )
    _statement(store, f"s-{claim_id}", claim_id, f"text of {claim_id}")


def test_written_through_answers_equal_sql(two):
    first, second = two
    terms = ["t:ab", "t:bc", "t:cd", "k:shop"]
    with first.transaction():
        _article(first, "art")
        _claim(first, "c_1", terms[:2])
        first.claim_candidates(terms)  # load the index, then change what it holds
        first.candidate_profiles(["c_1"])
        _claim(first, "c_2", terms)
        first.add_claim_terms("c_1", ["t:cd", "t:ab"])
        _statement(first, "s-more", "c_1", "another wording")
        _statement(first, "s-doubt", "c_1", "a doubtful wording", review=True)
        _statement(first, "s-refers", "c_1", None)
        first.add_claim_actor("c_1", "a_y")
        cached = first.claim_candidates(terms)
        profiles = first.candidate_profiles(["c_1", "c_2"])
    # the other connection reads SQL (outside a transaction)
    assert cached == second.claim_candidates(terms) == [("c_2", 4), ("c_1", 3)]
    assert profiles == second.candidate_profiles(["c_1", "c_2"])
    assert profiles["c_1"] == ("zh", ["text of c_1", "another wording"], frozenset({"a_y"}))


def test_index_rows_wait_for_the_commit_yet_every_read_sees_them(two):
    first, second = two
    with first.transaction():
        _article(first, "art")
        _claim(first, "c_1", ["t:ab", "t:bc"])
        assert second.query(_ROWS) == []  # filed in memory only
        assert first.claim_candidates(["t:ab"]) == [("c_1", 1)]
        assert first.claim_terms("c_1") == {"t:ab", "t:bc"}  # writes them first
        _claim(first, "c_2", ["t:ab"])
        assert first.query(_DFS) == [{"term": "t:ab", "df": 2}, {"term": "t:bc", "df": 1}]
    assert second.query(_DFS) == [{"term": "t:ab", "df": 2}, {"term": "t:bc", "df": 1}]
    assert len(second.query(_ROWS)) == 3


def test_rolled_back_article_leaves_no_rows_and_no_cached_answers(two):
    first, second = two
    first.begin()
    with first.transaction():  # a savepoint, as one article of a window
        _article(first, "art")
        _claim(first, "c_1", ["t:ab", "t:bc"])
    first.claim_candidates(["t:ab", "t:bc"])
    with pytest.raises(RuntimeError), first.transaction():
        _claim(first, "c_2", ["t:ab", "t:bc", "t:cd"])
        first.add_claim_terms("c_1", ["t:cd"])
        assert first.claim_candidates(["t:cd"]) == [("c_1", 1), ("c_2", 1)]
        raise RuntimeError("this article fails")
    assert first.claim_candidates(["t:ab", "t:bc", "t:cd"]) == [("c_1", 2)]
    assert first.candidate_profiles(["c_1", "c_2"]) == {"c_1": ("zh", ["text of c_1"], frozenset())}
    with first.transaction():
        _claim(first, "c_3", ["t:cd"])
    first.commit()
    assert second.query(_ROWS) == [
        {"term": t, "claim_id": c} for t, c in [("t:ab", "c_1"), ("t:bc", "c_1"), ("t:cd", "c_3")]
    ]
    assert second.query(_DFS) == [
        {"term": "t:ab", "df": 1}, {"term": "t:bc", "df": 1}, {"term": "t:cd", "df": 1},
    ]  # fmt: skip


def test_rollback_after_rows_were_written_inside_the_savepoint(two):
    first, second = two
    first.begin()
    with first.transaction():
        _article(first, "art")
        _claim(first, "c_1", ["t:ab"])  # pending
    with pytest.raises(RuntimeError), first.transaction():
        _claim(first, "c_2", ["t:ab"])
        first.claim_terms("c_2")  # writes c_1's and c_2's rows inside this savepoint
        raise RuntimeError("undo c_2")
    # SQL undid c_1's rows with the savepoint: they are pending again
    first.commit()
    assert second.query(_ROWS) == [{"term": "t:ab", "claim_id": "c_1"}]
    assert second.query(_DFS) == [{"term": "t:ab", "df": 1}]


def test_another_connection_committing_between_windows(two):
    first, second = two
    with first.transaction():
        _article(first, "art")
        _claim(first, "c_1", ["t:ab", "t:bc"])
        assert first.candidate_profiles(["c_1"])["c_1"][1] == ["text of c_1"]
    with second.transaction():
        _claim(second, "c_2", ["t:ab", "t:bc", "t:cd"])
        second.add_claim_terms("c_1", ["t:cd"])
        _statement(second, "s-other", "c_1", "said elsewhere")
        second.add_claim_actor("c_1", "a_y")
    with first.transaction():
        assert first.claim_candidates(["t:ab", "t:bc", "t:cd"]) == [("c_1", 3), ("c_2", 3)]
        assert first.candidate_profiles(["c_1"])["c_1"] == (
            "zh", ["text of c_1", "said elsewhere"], frozenset({"a_y"}),
        )  # fmt: skip


def test_alias_keys_follow_rollbacks_merges_and_other_connections(two):
    first, second = two
    with first.transaction():
        assert first.add_alias("k_x", "X", "a_x")
        assert first.actor_by_alias("k_x") == "a_x"
        assert not first.add_alias("k_x", "X", "a_y")  # taken, as SQL says
    with pytest.raises(RuntimeError), first.transaction():
        first.add_alias("k_new", "new", "a_y")
        raise RuntimeError("undo")
    with second.transaction():
        assert second.add_alias("k_new", "new", "a_x")
    with first.transaction():
        assert first.actor_by_alias("k_new") == "a_x"  # not the rolled-back a_y
        assert not first.add_alias("k_new", "new", "a_y")
        first.merge_actors("a_y", "a_x")
        assert first.actor_by_alias("k_x") == first.actor_by_alias("k_new") == "a_y"
    assert second.actor_by_alias("k_x") == "a_y"


def test_profiles_survive_the_index_starting_over(two, monkeypatch):
    first, second = two
    ids = [f"c_{n}" for n in range(6)]
    with second.transaction():
        _article(second, "art")
        for cid in ids:
            _claim(second, cid, ["t:ab"])
    monkeypatch.setattr(graph.claim_index, "INDEX_CACHED", 3)
    with first.transaction():
        first.candidate_profiles(ids[:2])  # two profiles in the index
        got = first.candidate_profiles(ids)  # loading four more starts it over
    assert got == second.candidate_profiles(ids)
    assert sorted(got) == ids


def _result(aid: str, claim: str) -> ExtractionResult:
    article = Article(id=aid, text=f"{aid} {claim}", language="zh", title=aid, outlet="虎嗅")
    st = ExtractedStatement(
        local_id="s1", speaker=ActorRef("业内人士", ActorKind.ANONYMOUS, scope="虎嗅"),
        stance=Stance.ASSERTS, evidence=claim, start=0, end=len(claim), rule="test",
        confidence=0.9, claim_text=claim,
    )  # fmt: skip
    return ExtractionResult(article=article, statements=(st,))


def test_a_window_with_a_failed_article_stores_what_the_others_alone_give(tmp_path):
    results = [
        _result("a", "美区跨境小店下周开放"),
        _result("b", "美区跨境小店下周开放招商"),
        _result("c", "跨境物流团队正在扩招"),
    ]
    with Store(tmp_path / "window.sqlite") as store:
        store.begin()
        for r in results:
            try:
                with store.transaction():
                    merge_extraction(store, r)
                    if r.article.id == "b":
                        raise RuntimeError("b fails after its merge")
            except RuntimeError:
                pass
        store.commit()
        window = [store.query(_ROWS), store.query(_DFS), store.query("SELECT * FROM claims")]
    with Store(tmp_path / "alone.sqlite") as store:
        for r in (results[0], results[2]):
            merge_extraction(store, r)
        alone = [store.query(_ROWS), store.query(_DFS), store.query("SELECT * FROM claims")]
    assert window == alone
    assert len(window[2]) == 2


def test_pending_rows_roll_back_to_a_mark():
    pending = PendingRows()
    pending.add("c_1", ["t:ab"])
    pending.all_written()  # before both savepoints
    outer = pending.mark()
    pending.add("c_2", ["t:ab", "t:bc"])
    inner = pending.mark()
    pending.all_written()  # inside both savepoints
    pending.add("c_3", ["t:cd"])
    pending.rollback_to(inner)  # SQL undid the write of c_2's rows
    assert pending.unwritten() == [("t:ab", "c_2"), ("t:bc", "c_2")]
    assert pending.by_term == {"t:ab": ["c_2"], "t:bc": ["c_2"]}
    pending.rollback_to(outer)
    assert not pending and pending.unwritten() == []
    assert pending.by_term == {} and pending.by_claim == {}
