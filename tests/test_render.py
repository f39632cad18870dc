"""Tests for graph.render: one offline, escaped, self-contained HTML page."""

from __future__ import annotations

import copy
import json
import os
import random
import re
import time
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from pyvis.network import Network

import graph.render
from graph.errors import RumorGraphError
from graph.render import RenderReport, html_document, render_html
from graph.render_template import ACTOR_KIND_STYLE, CLAIM_STATUS_STYLE, PAGE_JS, STANCE_STYLE

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">href</a>',
    "</script><script>window.__pwned=1</script>",
]
ZWJ = "\u200d"


def small_graph(payload: str = "") -> nx.MultiDiGraph:
    """Five actors of each kind, four claims of each status, every edge type."""
    g = nx.MultiDiGraph(name="fixture")
    g.add_node(
        "a1",
        type="actor",
        name="TikTok" + payload,
        kind="organization",
        aliases=["抖音", "ByteDance app" + payload],
        description="short-video platform" + payload,
        track={"confirmed": 1, "denied": 2, "unverified": 0},
        affiliations=["owned by ByteDance"],
    )
    g.add_node("a2", type="actor", name="周受资", kind="person", aliases=["Shou Chew"])
    g.add_node("a3", type="actor", name="业内人士 @ 虎嗅", kind="anonymous", aliases=[])
    g.add_node("a4", type="actor", name="虎嗅", kind="media", aliases=["Huxiu"])
    g.add_node("a5", type="actor", name="国内卖家", kind="group", aliases=["sellers"])
    g.add_node(
        "c1",
        type="claim",
        text="TikTok美国跨境店已上线" + payload,
        status="denied",
        first_seen="2026-10-20",
        language="zh",
        provenance=["2026-10-20 业内人士 @ 虎嗅 asserts", "2026-10-22 周受资 denies" + payload],
        n_statements=2,
    )
    g.add_node(
        "c2",
        type="claim",
        text="TikTok Shop US opens to cross-border sellers",
        status="confirmed",
        first_seen="2026-10-23",
        language="en",
        provenance=["2026-10-23 TikTok confirms"],
        n_statements=1,
    )
    g.add_node("c3", type="claim", text="佣金上调", status="unverified", first_seen=None)
    g.add_node("c4", type="claim", text="Invitations went out", status="disputed")
    g.add_edge(
        "a3",
        "c1",
        key="s1",
        type="statement",
        stance="asserts",
        evidence="据业内人士透露，美国跨境店已上线",
        quote=None,
        article_title="跨境店来了",
        outlet="虎嗅",
        date="2026-10-20",
        via=None,
        rule="zh.cue.toulu",
        confidence=0.8,
    )
    g.add_edge(
        "a2",
        "c1",
        key="s2",
        type="statement",
        stance="denies",
        evidence="He said: that is not true" + payload,
        quote="that is not true" + payload,
        article_title="Chew denies" + payload,
        outlet="Reuters",
        date="2026-10-22",
        via="Axios",
        rule="en.deny.not_true",
        confidence=0.9,
    )
    g.add_edge("a1", "c2", key="s3", type="statement", stance="confirms", date="2026-10-23")
    g.add_edge("a5", "c3", key="s4", type="statement", stance="reports", date="2026-10-19")
    g.add_edge("a4", "c4", key="s5", type="statement", stance="asserts", date="2026-11-02")
    g.add_edge("a1", "c4", key="s6", type="statement", stance="denies", date="2026-11-03")
    g.add_edge("c1", "a1", key="ab1", type="about")
    g.add_edge("a2", "a1", key="af1", type="affiliation", role="CEO of")
    g.add_edge("a4", "a3", key="r1", type="relay")
    return g


def big_graph(n_nodes: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """Half actors, half claims, two statements and one ``about`` per claim."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    kinds = list(ACTOR_KIND_STYLE)
    statuses = list(CLAIM_STATUS_STYLE)
    stances = list(STANCE_STYLE)
    n_actors = n_nodes // 2
    for i in range(n_actors):
        g.add_node(f"a{i}", type="actor", name=f"Actor {i}", kind=kinds[i % 5], aliases=[])
    for j in range(n_nodes - n_actors):
        g.add_node(f"c{j}", type="claim", text=f"声明 {j}", status=statuses[j % 4])
        for k in range(2):
            g.add_edge(
                f"a{rnd.randrange(n_actors)}",
                f"c{j}",
                key=f"s{j}.{k}",
                type="statement",
                stance=rnd.choice(stances),
                evidence="e" * 80,
                date=f"2026-{1 + j % 12:02d}-{1 + k:02d}",
            )
        g.add_edge(f"c{j}", f"a{rnd.randrange(n_actors)}", type="about")
    return g


def dataset(page: str, which: str) -> list[dict[str, Any]]:
    """The JSON that pyvis put into ``<which> = new vis.DataSet(...)``."""
    match = re.search(rf"{which} = new vis\.DataSet\((.*)\);", page)
    assert match, f"no {which} DataSet in page"
    return json.loads(match.group(1))


def options(page: str) -> dict[str, Any]:
    match = re.search(r"var options = (\{.*\});", page)
    assert match
    return json.loads(match.group(1))


def snapshot(g: nx.MultiDiGraph) -> Any:
    return (
        copy.deepcopy(dict(g.graph)),
        copy.deepcopy(list(g.nodes(data=True))),
        copy.deepcopy(list(g.edges(keys=True, data=True))),
    )


@pytest.fixture
def page() -> str:
    return html_document(small_graph(), title="Rumour graph")


# --- files and side effects -------------------------------------------------------------


def test_render_writes_utf8_file_at_explicit_path_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out" / "graph.html"
    report = render_html(small_graph(), out, title="谣言图谱")
    assert report == RenderReport(
        path=out, nodes=9, edges=9, dropped_nodes=0, dropped_claims=0, total_nodes=9
    )
    text = out.read_bytes().decode("utf-8")
    assert "<title>谣言图谱</title>" in text
    assert text.startswith("<!DOCTYPE html>")
    assert sorted(os.listdir(tmp_path)) == ["out"]
    assert os.listdir(tmp_path / "out") == ["graph.html"]


def test_render_accepts_str_path(tmp_path: Path) -> None:
    out = str(tmp_path / "g.html")
    assert render_html(small_graph(), out).path == Path(out)
    assert Path(out).read_text(encoding="utf-8") == html_document(small_graph())


def test_render_leaves_callers_graph_unchanged(tmp_path: Path) -> None:
    g = small_graph("<b>x</b> href")
    before = snapshot(g)
    render_html(g, tmp_path / "g.html", max_nodes=4)
    assert snapshot(g) == before


def test_empty_graph_renders(tmp_path: Path) -> None:
    report = render_html(nx.MultiDiGraph(), tmp_path / "e.html")
    assert (report.nodes, report.edges, report.dropped_nodes) == (0, 0, 0)
    assert dataset((tmp_path / "e.html").read_text(encoding="utf-8"), "nodes") == []


def test_max_nodes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_nodes"):
        html_document(small_graph(), max_nodes=0)


# --- offline ------------------------------------------------------------------------------


def test_page_has_no_external_references(page: str) -> None:
    refs = re.findall(r"""\b(?:src|href)\s*=\s*["']?\s*([^"'\s>]+)""", page, re.I)
    assert [r for r in refs if re.match(r"(?:https?:)?//", r, re.I)] == []
    assert not re.search(r"@import|url\(\s*[\"']?\s*(?:https?:)?//", page, re.I)
    assert "<link" not in page
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert "bootstrap" not in page


def test_urls_in_graph_text_are_only_text() -> None:
    text = "logo at <img src=https://example.com/x.png> and src=//cdn.example/y.js"
    page = html_document(small_graph(text), title="src=https://example.com/t")
    assert any(text in n["title"] for n in dataset(page, "nodes"))
    assert "<img" not in page


def test_vis_network_is_inlined(page: str) -> None:
    vis_dir = Path(__import__("pyvis").__file__).parent / "lib" / "vis-9.1.2"
    js = (vis_dir / "vis-network.min.js").read_text(encoding="utf-8")
    assert js[-2000:] in page
    assert "new vis.Network(container, data, options)" in page


# --- content ------------------------------------------------------------------------------


def test_legend_lists_every_kind_status_and_stance(page: str) -> None:
    legend = page[page.index('id="rg-legend"') :]
    legend = legend[: legend.index("</fieldset>")]
    for name in [*ACTOR_KIND_STYLE, *CLAIM_STATUS_STYLE, *STANCE_STYLE, "about", "affiliation"]:
        assert f"{name}</div>" in legend


def test_nodes_styled_by_kind_and_status(page: str) -> None:
    nodes = {n["id"]: n for n in dataset(page, "nodes")}
    assert nodes["c1"]["shape"] == "box"
    assert nodes["c1"]["color"]["border"] == "#d62728"  # denied
    assert nodes["c2"]["color"]["border"] == "#2ca02c"  # confirmed
    assert nodes["c4"]["color"]["border"] == "#9467bd"  # disputed
    actors = [n for n in nodes.values() if n["rg_type"] == "actor"]
    looks = {(n["shape"], n["color"]["background"]) for n in actors}
    assert len(looks) == len(actors) == 5
    assert len({shape for shape, _ in looks}) == 5


def test_edges_styled_by_stance(page: str) -> None:
    edges = dataset(page, "edges")
    by_stance = {
        e["title"].split(" · ")[0].split()[-1]: e for e in edges if e["rg_type"] == "statement"
    }
    assert by_stance["denies"]["color"]["color"] == "#d62728"
    assert by_stance["denies"]["dashes"] and by_stance["denies"]["width"] >= 3
    assert by_stance["confirms"]["color"]["color"] == "#2ca02c"
    assert not by_stance["confirms"]["dashes"] and by_stance["confirms"]["width"] >= 3
    assert by_stance["reports"]["dashes"]
    assert not by_stance["asserts"]["dashes"]
    assert all(e["arrows"] == "to" for e in edges)


def test_tooltips_carry_provenance_evidence_and_track_record(page: str) -> None:
    nodes = {n["id"]: n for n in dataset(page, "nodes")}
    claim = nodes["c1"]["title"]
    assert "status: denied" in claim and "2026-10-20 业内人士 @ 虎嗅 asserts" in claim
    actor = nodes["a1"]["title"]
    assert "抖音" in actor and "owned by ByteDance" in actor and "denied 2" in actor
    edge = next(e for e in dataset(page, "edges") if "not true" in e["title"])
    for part in ["denies", "2026-10-22", "Reuters", "via Axios", "Chew denies", "en.deny.not_true"]:
        assert part in edge["title"]
    assert "quote: “that is not true”" in edge["title"]


def test_stabilisation_is_bounded_and_physics_freezes() -> None:
    small = options(html_document(small_graph()))
    big = options(html_document(big_graph(1000)))
    for opts in (small, big):
        assert 150 <= opts["physics"]["stabilization"]["iterations"] <= 300
    assert small["edges"]["smooth"] == {"type": "continuous"}
    assert big["edges"]["smooth"] is False
    assert 'once("stabilizationIterationsDone"' in PAGE_JS
    assert "setOptions({physics: false})" in PAGE_JS


def test_page_has_filters_and_search(page: str) -> None:
    for status in CLAIM_STATUS_STYLE:
        assert f'id="rg-status-{status}"' in page
    for kind in ACTOR_KIND_STYLE:
        assert f'id="rg-kind-{kind}"' in page
    for element in ['id="rg-from"', 'id="rg-to"', 'id="rg-search"']:
        assert element in page


# --- escaping -----------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_never_reach_the_page_as_markup(payload: str) -> None:
    page = html_document(small_graph(payload), title="T" + payload)
    assert payload not in page
    assert "<img" not in page
    assert "alert(1)</script>" not in page
    # pyvis's utils.js, vis-network, pyvis's drawGraph, our filters: nothing else closes.
    assert page.count("</script>") == 4
    for which in ("nodes", "edges"):
        line = re.search(rf"{which} = new vis\.DataSet\(.*\);", page)
        assert line and "</" not in line.group(0) and "<" not in line.group(0)
    # The text itself survives, as text.
    titles = [n["title"].replace(ZWJ, "") for n in dataset(page, "nodes")]
    assert any(payload in t for t in titles)
    assert any(payload in e["title"].replace(ZWJ, "") for e in dataset(page, "edges"))


def test_title_is_escaped_in_heading_and_title_element() -> None:
    page = html_document(small_graph(), title="<img src=x onerror=alert(1)> & co")
    escaped = "&lt;img src=x onerror=alert(1)&gt; &amp; co"
    assert f"<title>{escaped}</title>" in page
    assert f'<h1 id="rg-title">{escaped}</h1>' in page


def test_href_does_not_switch_pyvis_to_html_popups() -> None:
    page = html_document(small_graph('<img src=x onerror="window.__pwned=1"> href HREF'))
    assert "div.popup" not in page
    assert "popup.innerHTML" not in page
    for item in [*dataset(page, "nodes"), *dataset(page, "edges")]:
        assert "href" not in item["title"].lower()
    assert any(f"h{ZWJ}ref" in n["title"] for n in dataset(page, "nodes"))


def test_pyvis_link_popup_is_defused_even_if_href_got_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(graph.render, "_tooltip", lambda lines: "\n".join(lines))
    page = html_document(small_graph("<a href='x'>y</a>"))
    assert "div.popup" in page  # pyvis took its link-popup branch ...
    assert "popup.innerHTML" not in page  # ... but it can only set text
    assert "popup.innerText = nodeData[0].title;" in page


def test_leftover_external_markup_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Network.generate_html

    def with_cdn_image(self: Network, *args: Any, **kwargs: Any) -> str:
        return real(self, *args, **kwargs).replace("<body>", '<body><img src="https://x/y">')

    monkeypatch.setattr(Network, "generate_html", with_cdn_image)
    with pytest.raises(RumorGraphError, match="refers outside"):
        html_document(small_graph())


# --- size ---------------------------------------------------------------------------------


def test_max_nodes_keeps_busiest_and_latest_claims_with_a_note(tmp_path: Path) -> None:
    g = big_graph(400)
    for i in range(6):
        g.add_edge(f"a{i}", "c7", type="statement", stance="asserts", date="2025-01-01")
    g.add_edge("a9", "c9", type="statement", stance="reports", date="2027-06-30")
    report = render_html(g, tmp_path / "g.html", max_nodes=100)
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    kept = {n["id"] for n in dataset(page, "nodes")}
    assert report.nodes == len(kept) <= 100
    assert report.total_nodes == 400 and report.dropped_nodes == 400 - report.nodes
    assert {"c7", "c9", "a9"} <= kept
    assert {f"a{i}" for i in range(6)} <= kept
    dropped_claims = 200 - sum(1 for n in kept if n.startswith("c"))
    assert report.dropped_claims == dropped_claims > 0
    note = f"showing {report.nodes} of 400 nodes; {dropped_claims} claims left out"
    assert f'<p id="rg-note">{note}</p>' in page
    edges = dataset(page, "edges")
    assert report.edges == len(edges)
    assert all(e["from"] in kept and e["to"] in kept for e in edges)


def test_no_note_within_budget(page: str) -> None:
    assert 'id="rg-note"' not in page


def test_ten_thousand_nodes_build_quickly(tmp_path: Path) -> None:
    g = big_graph(10_000)
    start = time.perf_counter()
    report = render_html(g, tmp_path / "big.html", max_nodes=10_000)
    elapsed = time.perf_counter() - start
    assert report.nodes == 10_000 and report.edges == 15_000
    assert elapsed < 5.0, f"render took {elapsed:.2f}s"
