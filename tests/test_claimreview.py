"""Tests for graph.claimreview: schema.org ClaimReview for decided claims.

The store is made by merging hand-made extraction results (no spaCy):
rumour X "TikTok美国跨境店已上线" is asserted by an anonymous insider of 虎嗅 on
10-20, relayed from Axios by 36氪 on 10-22, denied by TikTok (the actor it is
about) on 10-25, backed by a seller on 11-01 (disputed) and finally confirmed by
TikTok on 11-05; rumour Y is asserted by 许卫东 and denied by 沈立言; rumour Z
stays unverified.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from graph.claimreview import actor_node, claim_reviews, write_claim_reviews
from graph.cli import main
from graph.merge import merge_extraction
from graph.records import (
    ActorKind,
    ActorRef,
    Article,
    ExtractedStatement,
    ExtractionResult,
    Stance,
)
from graph.store import Store
from tests.test_network import CLAIM_A, CLAIM_B, make_store

CLAIM_X = "TikTok美国跨境店已上线"
CLAIM_Y = "运链通将在洛杉矶建仓"
CLAIM_Z = "Newme将获得新一轮融资"

TIKTOK = ActorRef("TikTok", ActorKind.ORGANIZATION)
INSIDER = ActorRef("业内人士", ActorKind.ANONYMOUS, scope="虎嗅")
AXIOS = ActorRef("Axios", ActorKind.MEDIA)
KR36 = ActorRef("36氪", ActorKind.MEDIA)
SELLER = ActorRef("卖家", ActorKind.GROUP)
XU = ActorRef("许卫东", ActorKind.PERSON)
SHEN = ActorRef("沈立言", ActorKind.PERSON)


def _st(local_id: str, speaker: ActorRef, stance: Stance, **kw: object) -> ExtractedStatement:
    evidence = str(kw.pop("evidence", f"{speaker.name}{stance}{local_id}"))
    start = int(kw.pop("start", 0))  # type: ignore[call-overload]
    return ExtractedStatement(
        local_id=local_id,
        speaker=speaker,
        stance=stance,
        evidence=evidence,
        start=start,
        end=start + len(evidence),
        rule=f"test.{stance}",
        **kw,  # type: ignore[arg-type]
    )


def _art(aid: str, month: int, day: int, outlet: str, **kw: object) -> Article:
    return Article(
        id=aid,
        text=f"{aid} 正文",
        language="zh",
        title=f"标题{aid}",
        outlet=outlet,
        url=f"https://example.cn/{aid}",
        published=dt.date(2026, month, day),
        **kw,  # type: ignore[arg-type]
    )


def results() -> list[ExtractionResult]:
    return [
        ExtractionResult(
            _art("h1", 10, 20, "虎嗅"),
            statements=(
                _st("1", INSIDER, Stance.ASSERTS, claim_text=CLAIM_X, about=(TIKTOK,)),
                _st("2", XU, Stance.ASSERTS, claim_text=CLAIM_Y, start=40),
                _st("3", XU, Stance.ASSERTS, claim_text=CLAIM_Z, start=80),
            ),
        ),
        ExtractionResult(
            _art("k1", 10, 22, "36氪", republished_by="新浪科技"),
            statements=(_st("1", AXIOS, Stance.REPORTS, claim_text=CLAIM_X, via=KR36),),
        ),
        ExtractionResult(
            _art("r1", 10, 25, "Reuters"),
            statements=(
                _st("1", KR36, Stance.REPORTS, claim_text=CLAIM_X),
                _st("2", TIKTOK, Stance.DENIES, refers_to="1", quote="不实", start=30),
            ),
        ),
        ExtractionResult(
            _art("l1", 10, 26, "晚点LatePost"),
            statements=(
                _st("1", XU, Stance.ASSERTS, claim_text=CLAIM_Y),
                _st("2", SHEN, Stance.DENIES, refers_to="1", evidence="沈立言否认", start=20),
            ),
        ),
        ExtractionResult(
            _art("s1", 11, 1, "虎嗅"),
            statements=(
                _st("1", SELLER, Stance.ASSERTS, claim_text=CLAIM_X),
                _st("2", SELLER, Stance.CONFIRMS, refers_to="1", start=20),
            ),
        ),
        ExtractionResult(
            _art("a1", 11, 5, "Axios"),
            statements=(
                _st("1", AXIOS, Stance.REPORTS, claim_text=CLAIM_X),
                _st("2", TIKTOK, Stance.CONFIRMS, refers_to="1", start=20),
            ),
        ),
    ]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "rumours.sqlite") as s:
        for r in results():
            merge_extraction(s, r)
        yield s


def by_text(reviews: list[dict], text: str) -> dict:
    return next(r for r in reviews if r["claimReviewed"] == text)


def test_fixture_statuses(store: Store) -> None:
    statuses = {c["text"]: c["status"] for c in store.claims()}
    assert statuses == {CLAIM_X: "confirmed", CLAIM_Y: "denied", CLAIM_Z: "unverified"}
    x = next(c["id"] for c in store.claims() if c["text"] == CLAIM_X)
    assert [h["status"] for h in store.status_history(x)] == [
        "unverified",
        "denied",
        "disputed",
        "confirmed",
    ]


def test_only_decided_claims_are_reviewed(store: Store) -> None:
    reviews = claim_reviews(store)
    assert sorted(r["claimReviewed"] for r in reviews) == sorted([CLAIM_X, CLAIM_Y])
    for r in reviews:
        assert r["@context"] == "https://schema.org"
        assert r["@type"] == "ClaimReview"
        assert r["itemReviewed"]["@type"] == "Claim"


def test_confirmed_review_names_the_last_decisive_statement(store: Store) -> None:
    x = by_text(claim_reviews(store), CLAIM_X)
    assert x["author"] == {"@type": "Organization", "name": "TikTok"}
    assert x["datePublished"] == "2026-11-05"  # the final confirmation, not the 10-25 denial
    assert x["url"] == "https://example.cn/a1"
    assert x["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "True (confirmed by TikTok)",
    }


def test_item_reviewed_is_the_first_statement(store: Store) -> None:
    item = by_text(claim_reviews(store), CLAIM_X)["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "业内人士 @ 虎嗅"}
    assert item["datePublished"] == "2026-10-20"
    assert item["firstAppearance"]["url"] == "https://example.cn/h1"
    assert item["firstAppearance"]["publisher"] == {
        "@type": "NewsMediaOrganization",
        "name": "虎嗅",
    }
    # every article that spread it, once each, in date order
    assert [a["url"].rsplit("/", 1)[1] for a in item["appearance"]] == [
        "h1",
        "k1",
        "r1",
        "s1",
        "a1",
    ]


def test_denied_review(store: Store) -> None:
    y = by_text(claim_reviews(store), CLAIM_Y)
    assert y["author"] == {"@type": "Person", "name": "沈立言"}
    assert (y["datePublished"], y["url"]) == ("2026-10-26", "https://example.cn/l1")
    assert y["reviewRating"]["ratingValue"] == 1
    assert y["reviewRating"]["alternateName"] == "False (denied by 沈立言)"
    assert y["reviewBody"] == "沈立言否认"
    assert y["itemReviewed"]["author"] == {"@type": "Person", "name": "许卫东"}


def test_reviews_without_urls_leave_url_out(tmp_path: Path) -> None:
    with make_store(tmp_path / "s.sqlite") as s:
        reviews = claim_reviews(s)
    a, b = by_text(reviews, CLAIM_A), by_text(reviews, CLAIM_B)
    assert "url" not in a and "url" not in a["itemReviewed"]["firstAppearance"]
    assert a["reviewRating"]["alternateName"] == "False (denied by 张三)"
    assert a["reviewBody"] == "此消息并不真实"  # the quote, when there is one
    assert b["reviewRating"]["alternateName"] == "True (confirmed by TikTok)"
    assert b["datePublished"] == "2026-10-25"


def test_empty_store(tmp_path: Path) -> None:
    with Store(tmp_path / "e.sqlite") as s:
        assert claim_reviews(s) == []


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("person", "Person"),
        ("anonymous", "Person"),
        ("organization", "Organization"),
        ("group", "Organization"),
        ("media", "NewsMediaOrganization"),
        (None, "Organization"),
    ],
)
def test_actor_node_types(kind: str | None, schema_type: str) -> None:
    assert actor_node("x", kind) == {"@type": schema_type, "name": "x"}


def test_write_and_cli_export(store: Store, tmp_path: Path, capsys) -> None:
    out = write_claim_reviews(store, tmp_path / "a.json")
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == claim_reviews(store)
    assert "沈立言" in out.read_text(encoding="utf-8")  # Chinese kept readable
    cli_out = tmp_path / "cli.json"
    argv = ["export", "--store", str(store.path), "--format", "claimreview"]
    assert main([*argv, "--out", str(cli_out)]) == 0
    assert capsys.readouterr().out.strip() == str(cli_out)
    assert json.loads(cli_out.read_text(encoding="utf-8")) == written


def test_cli_export_claimreview_refuses_focus(store: Store, tmp_path: Path, capsys) -> None:
    argv = ["export", "--store", str(store.path), "--format", "claimreview"]
    assert main([*argv, "--out", str(tmp_path / "x.json"), "--actor", "TikTok"]) == 2
    assert "graph formats only" in capsys.readouterr().err
