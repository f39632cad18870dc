"""Tests for graph.frames: pandas views of a store, for notebooks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from graph import analyses, frames
from graph.merge import merge_extraction
from graph.network import NotFoundError
from graph.records import ActorKind, ActorRef, Article, ExtractedStatement, ExtractionResult, Stance
from graph.store import Store
from tests.test_network import CLAIM_A, CLAIM_B, CLAIM_C, claim_id, make_store


@pytest.fixture
def store(tmp_path: Path):
    with make_store(tmp_path / "rumours.sqlite") as s:
        yield s


@pytest.fixture
def empty(tmp_path: Path):
    with Store(tmp_path / "empty.sqlite") as s:
        yield s


@pytest.mark.parametrize(
    ("view", "columns"),
    [
        (frames.claims, frames.CLAIM_COLUMNS),
        (frames.statements, frames.STATEMENT_COLUMNS),
        (frames.actors, frames.ACTOR_COLUMNS),
        (frames.status_history, frames.HISTORY_COLUMNS),
        (frames.changes, frames.CHANGE_COLUMNS),
    ],
)
def test_empty_store_gives_empty_frames_with_columns(empty: Store, view, columns) -> None:
    frame = view(empty)
    assert frame.empty
    assert list(frame.columns) == list(columns)


def test_claims_frame(store: Store) -> None:
    df = frames.claims(store).set_index("text")
    assert list(df.index) == [CLAIM_A, CLAIM_C, CLAIM_B]  # by first_seen, then ingest
    assert df.loc[CLAIM_A, "status"] == "denied"
    assert df.loc[CLAIM_B, "status"] == "confirmed"
    assert df.loc[CLAIM_C, "status"] == "unverified"
    assert df.loc[CLAIM_A, ["n_statements", "n_denials", "n_confirmations"]].tolist() == [4, 1, 0]
    assert df.loc[CLAIM_B, "n_confirmations"] == 1
    assert df.loc[CLAIM_A, "first_speaker"] == "服务商 @ 虎嗅"
    assert df.loc[CLAIM_B, "first_speaker"] == "知情人士 @ 36氪"
    assert pd.api.types.is_datetime64_any_dtype(df["first_seen"])
    assert df.loc[CLAIM_A, "first_seen"] == pd.Timestamp("2026-10-20")


def test_statements_frame(store: Store) -> None:
    df = frames.statements(store)
    assert list(df.columns) == list(frames.STATEMENT_COLUMNS)
    assert len(df) == 7
    assert df["date"].is_monotonic_increasing
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    assert str(df["ingested_at"].dt.tz) == "UTC"
    first = df.iloc[0]
    assert (first["speaker_name"], first["speaker_kind"], first["stance"]) == (
        "服务商 @ 虎嗅",
        "anonymous",
        "asserts",
    )
    assert first["hedges"] == ["据称"]
    assert (first["cue"], first["confidence"], first["outlet"]) == ("表示", 0.4, "虎嗅")
    assert first["end"] - first["start"] == len(first["evidence"])
    relayed = df[df["via"].notna()]
    assert relayed[["speaker_name", "via", "rule"]].values.tolist() == [
        ["国内卖家", "Axios", "zh.via"]
    ]


def test_actors_frame(store: Store) -> None:
    df = frames.actors(store).set_index("display_name")
    provider = df.loc["服务商 @ 虎嗅"]
    assert (provider["name"], provider["scope"], provider["kind"]) == (
        "服务商",
        "虎嗅",
        "anonymous",
    )
    assert provider[["n_statements", "confirmed", "denied", "unverified", "disputed"]].tolist() == [
        2,
        0,
        1,
        1,
        0,
    ]
    assert df.loc["张三", "aliases"] == ["Zhang San", "张三"]
    assert df.loc["张三", "description"] == "Newme创始人"
    assert df.loc["张三", ["n_statements", "denied"]].tolist() == [1, 0]
    assert df.loc["虎嗅", "n_statements"] == 0


def test_provenance_order_and_roles(store: Store) -> None:
    df = frames.provenance(store, claim_id(store, CLAIM_A))
    assert list(df.columns) == list(frames.PROVENANCE_COLUMNS)
    assert df[["speaker_name", "stance", "role"]].values.tolist() == [
        ["服务商 @ 虎嗅", "asserts", "first"],
        ["国内卖家", "reports", "relayed"],
        ["晚点LatePost", "reports", "repeated"],
        ["张三", "denies", "denied"],
    ]
    assert df["date"].dt.strftime("%m-%d").tolist() == ["10-20", "10-22", "10-28", "10-28"]
    assert df.iloc[3]["quote"] == "此消息并不真实"
    assert df.iloc[1][["via", "outlet", "article_title"]].tolist() == ["Axios", "36氪", "卖家热议"]


def test_provenance_follows_dates_not_ingest_order(store: Store) -> None:
    # The confirmation (10-25) was ingested after the denial article (10-28).
    df = frames.provenance(store, claim_id(store, CLAIM_B))
    assert df["role"].tolist() == ["first", "confirmed"]


def test_provenance_unknown_claim(store: Store) -> None:
    with pytest.raises(NotFoundError, match="c_nope"):
        frames.provenance(store, "c_nope")


@pytest.mark.parametrize(
    ("stance", "first", "via", "role"),
    [
        ("asserts", True, None, "first"),
        ("reports", True, "Axios", "first"),
        ("asserts", False, None, "repeated"),
        ("reports", False, "Axios", "relayed"),
        ("denies", False, None, "denied"),
        ("confirms", False, None, "confirmed"),
        ("questions", False, None, "questioned"),
        ("no_comment", False, None, "no comment"),
    ],
)
def test_statement_role(stance: str, first: bool, via: str | None, role: str) -> None:
    assert frames.statement_role(stance, first=first, via=via) == role


def test_status_history(store: Store) -> None:
    a = claim_id(store, CLAIM_A)
    df = frames.status_history(store, a)
    assert df[["seq", "status", "speaker_name"]].values.tolist() == [
        [0, "unverified", "服务商 @ 虎嗅"],
        [1, "denied", "张三"],
    ]
    assert df["date"].tolist() == [pd.Timestamp("2026-10-20"), pd.Timestamp("2026-10-28")]
    everything = frames.status_history(store)
    assert set(everything["claim_id"]) == {a, claim_id(store, CLAIM_B), claim_id(store, CLAIM_C)}
    assert len(everything) == 5


def test_changes(store: Store) -> None:
    df = frames.changes(store)
    assert df["article_id"].tolist() == ["art1", "art2", "art3", "art4"]
    assert df["new_claims"].tolist() == [2, 1, 0, 0]
    assert df["new_statements"].tolist() == [2, 2, 2, 1]
    # a new claim starts unverified: that is a new claim, not a status change
    assert df["status_changes"].tolist() == [0, 0, 1, 1]
    assert df.iloc[2]["report"]["status_changes"][0]["new"] == "denied"
    assert df.iloc[0]["title"] == "跨境店传闻"


# -- analyst's views ---------------------------------------------------------


def test_relay_chain_of_one_claim(store: Store) -> None:
    df = analyses.relay_chain(store, claim_id(store, CLAIM_A))
    assert list(df.columns) == list(analyses.RELAY_COLUMNS)
    assert df["chain"].tolist() == [
        "服务商 @ 虎嗅 → 虎嗅",
        "国内卖家 → Axios → 36氪",
        "晚点LatePost → 晚点",
        "张三 → 晚点",
    ]
    assert df["role"].tolist() == ["first", "relayed", "repeated", "denied"]


def test_relay_chain_follows_republication(store: Store) -> None:
    # a 36氪 piece re-posted by a portal, quoting an anonymous source via 《华尔街日报》
    wsj = ActorRef("《华尔街日报》", ActorKind.MEDIA)
    insider = ActorRef("知情人士", ActorKind.ANONYMOUS, scope="《华尔街日报》")
    merge_extraction(
        store,
        ExtractionResult(
            article=Article(
                id="art5",
                text="转载 正文",
                language="zh",
                title="转载",
                outlet="36氪",
                published=dt.date(2026, 10, 29),
                republished_by="投资界",
            ),
            statements=(
                ExtractedStatement(
                    local_id="1",
                    speaker=insider,
                    stance=Stance.REPORTS,
                    evidence="据《华尔街日报》援引知情人士",
                    start=0,
                    end=14,
                    rule="zh.via",
                    claim_text=CLAIM_C,
                    via=wsj,
                ),
            ),
        ),
    )
    df = analyses.relay_chain(store, claim_id(store, CLAIM_C))
    last = df.iloc[-1]
    assert last["chain"] == "知情人士 @ 《华尔街日报》 → 《华尔街日报》 → 36氪 → 投资界"
    assert (last["via"], last["outlet"], last["republished_by"]) == (
        "《华尔街日报》",
        "36氪",
        "投资界",
    )
    everything = analyses.relay_chain(store)
    assert len(everything) == 8
    assert set(everything["claim_id"]) == {claim_id(store, t) for t in (CLAIM_A, CLAIM_B, CLAIM_C)}


def test_relay_chain_unknown_claim(store: Store) -> None:
    with pytest.raises(NotFoundError):
        analyses.relay_chain(store, "c_nope")


def test_source_record(store: Store) -> None:
    df = analyses.source_record(store)
    assert list(df.columns) == list(analyses.SOURCE_COLUMNS)
    rows = df.set_index("name")
    # the provider started A (denied) and C (unverified); the insider started B (confirmed)
    assert df["name"].tolist() == ["服务商 @ 虎嗅", "知情人士 @ 36氪"]
    assert rows.loc["服务商 @ 虎嗅", ["started", "denied", "unverified", "confirmed"]].tolist() == [
        2,
        1,
        1,
        0,
    ]
    assert rows.loc["知情人士 @ 36氪", ["started", "confirmed"]].tolist() == [1, 1]
    assert rows.loc["服务商 @ 虎嗅", "first_date"] == pd.Timestamp("2026-10-20")


def test_anonymous_sources(store: Store) -> None:
    df = analyses.anonymous_sources(store)
    assert list(df.columns) == list(analyses.ANONYMOUS_COLUMNS)
    assert df[
        ["outlet", "descriptor", "n_statements", "n_claims", "confirmed", "denied"]
    ].values.tolist() == [
        ["36氪", "知情人士", 1, 1, 1, 0],
        ["虎嗅", "服务商", 2, 2, 0, 1],
    ]


def test_contradictions(store: Store) -> None:
    df = analyses.contradictions(store)
    assert list(df.columns) == list(analyses.CONTRADICTION_COLUMNS)
    got = df[["stated_by", "answered_by", "answer", "claim_text"]].values.tolist()
    assert got == [
        ["知情人士 @ 36氪", "TikTok", "confirms", CLAIM_B],  # 10-25
        ["服务商 @ 虎嗅", "张三", "denies", CLAIM_A],  # 10-28
        ["国内卖家", "张三", "denies", CLAIM_A],
        ["晚点LatePost", "张三", "denies", CLAIM_A],
    ]
    assert df.iloc[1]["stated_on"] == pd.Timestamp("2026-10-20")
    assert df.iloc[1]["answered_on"] == pd.Timestamp("2026-10-28")


def test_change_report_frame(store: Store) -> None:
    reports = [r["report"] for r in store.change_reports()]
    df = frames.change_report_frame(reports[2])
    assert list(df.columns) == list(frames.CHANGE_REPORT_COLUMNS)
    assert df["change"].value_counts().to_dict() == {
        "new statement": 2,
        "status change": 1,
        "new actor": 2,
    }
    change = df[df["change"] == "status change"].iloc[0]
    assert (change["old"], change["new"], change["speaker"]) == ("unverified", "denied", "张三")
    assert len(frames.change_report_frame(reports)) == sum(
        len(frames.change_report_frame(r)) for r in reports
    )


@pytest.mark.parametrize(
    "view",
    [
        analyses.source_record,
        analyses.anonymous_sources,
        analyses.contradictions,
        analyses.relay_chain,
    ],
)
def test_analyst_views_on_empty_store(empty: Store, view) -> None:
    assert view(empty).empty


def test_claim_timeline_plot(store: Store) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from graph.plots import claim_timeline

    fig, ax = plt.subplots()
    assert claim_timeline(store, claim_id(store, CLAIM_A), ax=ax) is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "服务商 @ 虎嗅",
        "国内卖家",
        "晚点LatePost",
        "张三",
    ]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["asserts", "reports", "denies"]
    assert "[denied]" in ax.get_title()
    plt.close(fig)
    with pytest.raises(NotFoundError):
        claim_timeline(store, "c_nope")
