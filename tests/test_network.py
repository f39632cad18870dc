"""Tests for graph.network: the store as a networkx graph, whole and focused.

The store is made by merging hand-made extraction results (no spaCy):
rumour A "TikTok美国跨境店已上线" is asserted by an anonymous service provider on
10-20, relayed by sellers via Axios on 10-22, repeated by 晚点 and denied by
张三 on 10-28; rumour B is asserted by an insider on 10-22 and confirmed by
TikTok on 10-25 (an article ingested last); rumour C stays unverified.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graph.export import export_json
from graph.merge import merge_extraction
from graph.network import NotFoundError, build_graph, resolve_actor
from graph.records import (
    ActorKind,
    ActorRef,
    Affiliation,
    Article,
    ExtractedStatement,
    ExtractionResult,
    Stance,
)
from graph.store import Store

CLAIM_A = "TikTok美国跨境店已上线"
CLAIM_B = "TikTok将在得州开设海外仓"
CLAIM_C = "Newme将获得新一轮融资"

TIKTOK = ActorRef("TikTok", ActorKind.ORGANIZATION, aliases=("抖音国际版",))
NEWME = ActorRef("Newme", ActorKind.ORGANIZATION)
PROVIDER = ActorRef("服务商", ActorKind.ANONYMOUS, scope="虎嗅")
SELLERS = ActorRef("国内卖家", ActorKind.GROUP)
AXIOS = ActorRef("Axios", ActorKind.MEDIA)
INSIDER = ActorRef("知情人士", ActorKind.ANONYMOUS, scope="36氪")
LATEPOST = ActorRef("晚点LatePost", ActorKind.MEDIA)
ZHANG = ActorRef("张三", ActorKind.PERSON, aliases=("Zhang San",), description="Newme创始人")


def _statement(local_id: str, speaker: ActorRef, stance: Stance, start: int, **kw: object):
    evidence = str(kw.pop("evidence", f"{speaker.name} {stance} {local_id}"))
    return ExtractedStatement(
        local_id=local_id,
        speaker=speaker,
        stance=stance,
        evidence=evidence,
        start=start,
        end=start + len(evidence),
        rule=str(kw.pop("rule", f"zh.{stance}")),
        **kw,  # type: ignore[arg-type]
    )


def _article(aid: str, day: int, outlet: str, title: str) -> Article:
    return Article(
        id=aid,
        text=f"{title} 正文",
        language="zh",
        title=title,
        outlet=outlet,
        published=dt.date(2026, 10, day),
    )


def sample_results() -> list[ExtractionResult]:
    """Four articles, in ingest order (the 10-25 one arrives last)."""
    return [
        ExtractionResult(
            article=_article("art1", 20, "虎嗅", "跨境店传闻"),
            statements=(
                _statement(
                    "1",
                    PROVIDER,
                    Stance.ASSERTS,
                    0,
                    claim_text=CLAIM_A,
                    about=(TIKTOK,),
                    hedges=("据称",),
                    cue="表示",
                    confidence=0.4,
                ),
                _statement("2", PROVIDER, Stance.ASSERTS, 50, claim_text=CLAIM_C, confidence=0.9),
            ),
        ),
        ExtractionResult(
            article=_article("art2", 22, "36氪", "卖家热议"),
            affiliations=(Affiliation(ZHANG, NEWME, "founder", rule="zh.aff.founder"),),
            statements=(
                _statement(
                    "1", SELLERS, Stance.REPORTS, 10, claim_text=CLAIM_A, via=AXIOS, rule="zh.via"
                ),
                _statement("2", INSIDER, Stance.ASSERTS, 80, claim_text=CLAIM_B, confidence=0.55),
            ),
        ),
        ExtractionResult(
            article=_article("art3", 28, "晚点", "张三否认"),
            statements=(
                _statement("1", LATEPOST, Stance.REPORTS, 0, claim_text=CLAIM_A),
                _statement(
                    "2",
                    ZHANG,
                    Stance.DENIES,
                    30,
                    refers_to="1",
                    quote="此消息并不真实",
                    evidence="张三表示：“此消息并不真实”",
                    confidence=0.95,
                ),
            ),
        ),
        ExtractionResult(
            article=_article("art4", 25, "Reuters", "TikTok证实"),
            statements=(
                _statement("1", TIKTOK, Stance.CONFIRMS, 5, claim_text=CLAIM_B, about=(TIKTOK,)),
            ),
        ),
    ]


def make_store(path: Path) -> Store:
    """A store at ``path`` with :func:`sample_results` merged, one per day of ingest."""
    store = Store(path)
    for i, result in enumerate(sample_results()):
        stamp = dt.datetime(2026, 11, 1 + i, tzinfo=dt.UTC)
        merge_extraction(store, result, ingested_at=stamp)
    return store


def claim_id(store: Store, text: str) -> str:
    return next(c["id"] for c in store.claims() if c["text"] == text)


def actor_id(store: Store, name: str) -> str:
    return resolve_actor(store, name)


@pytest.fixture
def store(tmp_path: Path):
    with make_store(tmp_path / "rumours.sqlite") as s:
        yield s


def names(g: nx.MultiDiGraph) -> set[str]:
    return {d.get("name") or d["text"] for _, d in g.nodes(data=True)}


def test_graph_node_schema(store: Store) -> None:
    g = build_graph(store)
    assert isinstance(g, nx.MultiDiGraph)
    for _, d in g.nodes(data=True):
        assert d["type"] in {"actor", "claim"}
        expected = (
            {"name", "kind", "aliases", "description", "track", "affiliations"}
            if d["type"] == "actor"
            else {"text", "status", "first_seen", "language", "provenance", "n_statements"}
        )
        assert expected <= set(d)
    a = g.nodes[claim_id(store, CLAIM_A)]
    assert a["status"] == "denied"
    assert a["first_seen"] == "2026-10-20"
    assert a["n_statements"] == 4
    assert a["provenance"] == [
        "2026-10-20 服务商 @ 虎嗅 asserts",
        "2026-10-22 国内卖家 reports (via Axios)",
        "2026-10-28 晚点LatePost reports",
        "2026-10-28 张三 denies",
    ]


def test_anonymous_actor_display_name_and_aliases(store: Store) -> None:
    g = build_graph(store)
    zhang = g.nodes[actor_id(store, "张三")]
    assert zhang["name"] == "张三"
    assert zhang["aliases"] == ["Zhang San"]
    assert zhang["affiliations"] == ["founder of Newme"]
    assert g.nodes[actor_id(store, "Newme")]["affiliations"] == ["founder: 张三"]
    assert "服务商 @ 虎嗅" in names(g)
    assert g.nodes[actor_id(store, "服务商 @ 虎嗅")]["kind"] == "anonymous"


def test_statement_edges_carry_evidence(store: Store) -> None:
    g = build_graph(store)
    zhang, a = actor_id(store, "张三"), claim_id(store, CLAIM_A)
    ((key, d),) = g.get_edge_data(zhang, a).items()
    assert key.startswith("s_")
    assert d["type"] == "statement"
    assert d["stance"] == "denies"
    assert d["quote"] == "此消息并不真实"
    assert d["evidence"] == "张三表示：“此消息并不真实”"
    assert (d["outlet"], d["article_title"], d["date"]) == ("晚点", "张三否认", "2026-10-28")
    assert (d["rule"], d["confidence"], d["via"]) == ("zh.denies", 0.95, None)
    n_statements = sum(1 for *_, t in g.edges(data="type") if t == "statement")
    assert n_statements == store.count("statements") == 7


def test_relay_about_and_affiliation_edges(store: Store) -> None:
    g = build_graph(store)
    sellers, axios = actor_id(store, "国内卖家"), actor_id(store, "axios")
    assert g.get_edge_data(sellers, axios) == {"relay": {"type": "relay", "n_statements": 1}}
    ((_, statement),) = g.get_edge_data(sellers, claim_id(store, CLAIM_A)).items()
    assert statement["via"] == "Axios"
    tiktok = actor_id(store, "TikTok")
    assert g.has_edge(claim_id(store, CLAIM_A), tiktok, key="about")
    assert g.has_edge(claim_id(store, CLAIM_B), tiktok, key="about")
    assert (
        g.edges[actor_id(store, "张三"), actor_id(store, "Newme"), "founder"]["role"] == "founder"
    )
    types = {t for *_, t in g.edges(data="type")}
    assert types == {"statement", "relay", "about", "affiliation"}


@pytest.mark.parametrize(
    ("name", "track"),
    [
        ("服务商 @ 虎嗅", {"confirmed": 0, "denied": 1, "disputed": 0, "unverified": 1}),
        ("国内卖家", {"confirmed": 0, "denied": 1, "disputed": 0, "unverified": 0}),
        ("知情人士 @ 36氪", {"confirmed": 1, "denied": 0, "disputed": 0, "unverified": 0}),
        ("张三", {}),  # denied, never spread anything
        ("TikTok", {}),
    ],
)
def test_track_record(store: Store, name: str, track: dict[str, int]) -> None:
    assert build_graph(store).nodes[actor_id(store, name)]["track"] == track


def test_focus_on_claim(store: Store) -> None:
    g = build_graph(store, claim_id=claim_id(store, CLAIM_B))
    assert names(g) == {CLAIM_B, "知情人士 @ 36氪", "TikTok"}
    assert g.number_of_edges() == 3  # two statements, one about


def test_focus_on_claim_keeps_relays(store: Store) -> None:
    g = build_graph(store, claim_id=claim_id(store, CLAIM_A))
    assert names(g) == {
        CLAIM_A,
        "服务商 @ 虎嗅",
        "国内卖家",
        "Axios",
        "晚点LatePost",
        "张三",
        "TikTok",
    }
    assert g.has_edge(actor_id(store, "国内卖家"), actor_id(store, "Axios"), key="relay")


@pytest.mark.parametrize("alias", ["张三", "zhang san", "ZHANGSAN", "Zhang  San"])
def test_focus_on_actor_by_any_alias(store: Store, alias: str) -> None:
    g = build_graph(store, actor=alias)
    # the actor, its claim, who else spoke on it (and through whom), its org, the claim's subject
    assert names(g) == {
        "张三",
        CLAIM_A,
        "服务商 @ 虎嗅",
        "国内卖家",
        "Axios",
        "晚点LatePost",
        "Newme",
        "TikTok",
    }


def test_focus_on_actor_includes_claims_about_it(store: Store) -> None:
    g = build_graph(store, actor="tiktok")
    claims = {d["text"] for _, d in g.nodes(data=True) if d["type"] == "claim"}
    assert claims == {CLAIM_A, CLAIM_B}
    assert CLAIM_C not in names(g)


@pytest.mark.parametrize("since", ["2026-10-25", dt.date(2026, 10, 25)])
def test_since_keeps_later_statements(store: Store, since: str | dt.date) -> None:
    g = build_graph(store, since=since)
    dates = {d for *_, d in g.edges(data="date") if d is not None}
    assert dates == {"2026-10-25", "2026-10-28"}
    assert names(g) == {CLAIM_A, CLAIM_B, "晚点LatePost", "张三", "TikTok"}
    # claim attributes still describe the whole claim
    assert g.nodes[claim_id(store, CLAIM_A)]["n_statements"] == 4


def test_since_with_focus(store: Store) -> None:
    g = build_graph(store, claim_id=claim_id(store, CLAIM_C), since="2026-10-21")
    assert g.number_of_nodes() == 0


@pytest.mark.parametrize(
    "kwargs", [{"claim_id": "c_missing"}, {"actor": "nobody"}, {"actor": "服务商"}]
)
def test_unknown_focus_raises(store: Store, kwargs: dict[str, str]) -> None:
    with pytest.raises(NotFoundError):
        build_graph(store, **kwargs)


def test_build_graph_does_not_write(store: Store) -> None:
    before = export_json(store)
    build_graph(store)
    build_graph(store, actor="张三", since="2026-10-01")
    assert export_json(store) == before


def test_empty_store_gives_empty_graph(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.sqlite") as s:
        g = build_graph(s)
    assert (g.number_of_nodes(), g.number_of_edges()) == (0, 0)


def test_rendered_graph(store: Store, tmp_path: Path) -> None:
    from graph.render import render_html

    report = render_html(build_graph(store), tmp_path / "g.html")
    assert report.nodes == build_graph(store).number_of_nodes()
    page = report.path.read_text(encoding="utf-8")
    match = re.search(r"nodes = new vis\.DataSet\((.*)\);", page)
    assert match, "no nodes in page"
    tips = {n["label"]: n["title"] for n in json.loads(match.group(1))}
    assert "track record: confirmed 0 · denied 1" in tips["服务商 @ 虎嗅"]
    assert "2026-10-22 国内卖家 reports (via Axios)" in tips[CLAIM_A]


def test_media_suffix_is_one_outlet(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as s:
        for day, outlet in enumerate(["虎嗅网", "虎嗅"], start=1):
            article = _article(f"m{day}", day, outlet, "t")
            merge_extraction(s, ExtractionResult(article=article))
        assert resolve_actor(s, "虎嗅") == resolve_actor(s, "虎嗅网")


def test_aliases_keep_their_spelling(tmp_path: Path) -> None:
    tiktok = ActorRef("TikTok", ActorKind.ORGANIZATION, aliases=("tiktok", "抖音国际版"))
    with Store(tmp_path / "s.sqlite") as s:
        article = _article("t1", 1, "虎嗅", "t")
        merge_extraction(s, ExtractionResult(article=article, mentions=(tiktok,)))
        row = next(a for a in s.actors() if a["name"] == "TikTok")
        assert "抖音国际版" in row["aliases"]
