"""Tests for graph.export: the DESIGN.md JSON document, node-link and GraphML."""

from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx
import pytest

from graph import export
from graph.export import (
    export_json,
    from_node_link,
    graphml_safe,
    to_node_link,
    write_graphml,
    write_json,
)
from graph.network import build_graph
from graph.store import Store
from tests.test_network import CLAIM_A, claim_id, make_store

DOCUMENTED = {
    "articles": {"id", "title", "outlet", "published", "language"},
    "actors": {"id", "name", "kind", "aliases"},
    "claims": {"id", "text", "status", "status_history"},
    "statements": {
        *("id", "claim_id", "speaker_id", "speaker_name", "stance", "article_id"),
        *("evidence", "quote", "start", "end", "via", "rule"),
    },
}


@pytest.fixture
def store(tmp_path: Path):
    with make_store(tmp_path / "rumours.sqlite") as s:
        yield s


def test_json_top_level_keys(store: Store) -> None:
    assert set(export_json(store)) == set(DOCUMENTED)


@pytest.mark.parametrize("section", sorted(DOCUMENTED))
def test_json_documented_fields_present(store: Store, section: str) -> None:
    rows = export_json(store)[section]
    assert rows
    for row in rows:
        assert DOCUMENTED[section] <= set(row), section


def test_json_values(store: Store) -> None:
    doc = export_json(store)
    assert [a["id"] for a in doc["articles"]] == ["art1", "art2", "art3", "art4"]
    assert doc["articles"][0] == {
        **doc["articles"][0],
        "title": "跨境店传闻",
        "outlet": "虎嗅",
        "published": "2026-10-20",
        "language": "zh",
    }
    a = claim_id(store, CLAIM_A)
    claim = next(c for c in doc["claims"] if c["id"] == a)
    assert claim["status"] == "denied"
    assert [(h["status"], h["date"]) for h in claim["status_history"]] == [
        ("unverified", "2026-10-20"),
        ("denied", "2026-10-28"),
    ]
    by_id = {s["id"]: s for s in doc["statements"]}
    assert claim["status_history"][1]["statement_id"] in by_id
    denial = by_id[claim["status_history"][1]["statement_id"]]
    assert (denial["speaker_name"], denial["stance"], denial["quote"]) == (
        "张三",
        "denies",
        "此消息并不真实",
    )
    assert (denial["start"], denial["end"], denial["rule"]) == (
        30,
        30 + len(denial["evidence"]),
        "zh.denies",
    )
    relayed = [s for s in doc["statements"] if s["via"]]
    assert [(s["speaker_name"], s["via"]) for s in relayed] == [("国内卖家", "Axios")]
    zhang = next(x for x in doc["actors"] if x["name"] == "张三")
    assert zhang["aliases"] == ["Zhang San", "张三"]
    assert zhang["affiliations"][0]["role"] == "founder"
    provider = next(x for x in doc["actors"] if x["name"] == "服务商")
    assert (provider["display_name"], provider["kind"]) == ("服务商 @ 虎嗅", "anonymous")


def test_json_empty_store(tmp_path: Path) -> None:
    with Store(tmp_path / "e.sqlite") as s:
        assert export_json(s) == {"articles": [], "actors": [], "claims": [], "statements": []}


def test_write_json_utf8_and_atomic(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "graph.json"
    out.parent.mkdir()
    out.write_text("old", encoding="utf-8")
    assert write_json(store, out) == out
    raw = out.read_bytes().decode("utf-8")
    assert "张三" in raw and "\\u" not in raw
    assert json.loads(raw) == export_json(store)
    assert os.listdir(out.parent) == ["graph.json"]  # no temporary file left


def test_failed_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "graph.json"
    out.write_text("old", encoding="utf-8")

    def broken(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(export.os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        export.write_text_atomic(out, "new")
    assert out.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["graph.json"]


@pytest.mark.parametrize("focus", [{}, {"actor": "张三"}, {"since": "2026-10-25"}])
def test_node_link_round_trip(store: Store, focus: dict[str, str]) -> None:
    g = build_graph(store, **focus)
    data = to_node_link(g)
    assert to_node_link(from_node_link(data)) == data
    back = from_node_link(json.loads(json.dumps(data, ensure_ascii=False)))
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert sorted(back.edges(keys=True, data="stance")) == sorted(g.edges(keys=True, data="stance"))


def test_graphml_readable(store: Store, tmp_path: Path) -> None:
    g = build_graph(store)
    path = write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    provider = next(n for n, d in g.nodes(data=True) if d.get("name") == "服务商 @ 虎嗅")
    node = back.nodes[provider]
    assert node["track_denied"] == 1
    assert node["name"] == "服务商 @ 虎嗅"
    a = back.nodes[claim_id(store, CLAIM_A)]
    assert a["provenance"].split(" | ")[0] == "2026-10-20 服务商 @ 虎嗅 asserts"
    assert isinstance(g.nodes[provider]["track"], dict)  # the caller's graph is untouched


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"a": None}, {}),
        ({"a": ["x", "y"]}, {"a": "x | y"}),
        ({"a": []}, {"a": ""}),
        ({"t": {"denied": 2, "x": None}}, {"t_denied": 2}),
        ({"n": 3, "f": 0.5, "s": "z"}, {"n": 3, "f": 0.5, "s": "z"}),
    ],
)
def test_graphml_safe(attrs: dict, expected: dict) -> None:
    assert graphml_safe(attrs) == expected
