"""How big a rumour graph can the HTML page take?  A script that prints figures.

Synthetic graphs of 2,000 and 10,000 nodes in the schema :mod:`graph.render`
draws (actors of every kind, claims of every status, statement edges with
evidence text, relay / about / affiliation edges) are rendered with
:func:`graph.render.render_html` twice: with the default ``max_nodes`` (the
page keeps the most relevant part) and with ``max_nodes`` = every node.

For each page it prints the nodes and edges drawn, the file size, the Python
render time, and the time headless Chromium takes to load the page and to
have the network drawn and stabilised.

"Stabilised" is the page's own flag: the injected script
(:data:`graph.render_template.PAGE_JS`) listens once for vis-network's
``stabilizationIterationsDone``, switches physics off and sets
``data-stabilised="1"`` on ``<body>``.  That event fires after the bounded
stabilisation run (``physics.stabilization.iterations``) whether or not the
layout converged, so the wait always ends; after it the script waits for two
animation frames so the first post-stabilisation drawing is on screen.  The
same flag is what ``tests/test_render_browser.py`` waits for.

Usage::

    python benchmarks/render_benchmark.py [--sizes 2000 10000] [--timeout 600]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graph.render import render_html

__all__ = ["Measurement", "browser_time", "main", "synthetic_graph"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
KINDS = ("person", "organization", "media", "group", "anonymous")
STATUSES = ("unverified", "denied", "confirmed", "disputed")
STANCES = ("asserts", "reports", "confirms", "denies", "questions", "no_comment")
OUTLETS = ("虎嗅", "36氪", "晚点LatePost", "Axios", "Reuters", "The Information")
EVIDENCE = (
    "据业内人士透露，TikTok美区跨境小店已于上周开放，邀请码已发到一批大卖手里。",
    "“此消息不实，我们没有收到任何官方通知。”该公司创始人告诉记者。",
    "A spokesperson said the company had signed an agreement and would start next month.",
    "据外媒报道，双方的谈判已进入最后阶段，合作计划先在美国试点，再扩展到加拿大。",
)


def synthetic_graph(n_nodes: int, *, seed: int = 7) -> nx.MultiDiGraph:
    """A graph of ``n_nodes`` nodes (40% actors, 60% claims) in the render schema."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph(name=f"synthetic {n_nodes}")
    n_actors = max(5, int(n_nodes * 0.4))
    actors = [f"a{i}" for i in range(n_actors)]
    for i, a in enumerate(actors):
        kind = KINDS[i % len(KINDS)]
        name = f"演员{i}" if kind != "anonymous" else f"知情人士 @ {OUTLETS[i % len(OUTLETS)]}"
        g.add_node(
            a,
            type="actor",
            name=name,
            kind=kind,
            scope=OUTLETS[i % len(OUTLETS)] if kind == "anonymous" else None,
            aliases=[f"Actor {i}"],
            description=f"synthetic {kind}",
            track={s: rng.randint(0, 3) for s in STATUSES},
            affiliations=[],
        )
    # a few hub actors say most things, as in real news
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_actors)]
    for j in range(n_nodes - n_actors):
        c = f"c{j}"
        day = f"2026-{10 + j % 2}-{1 + j % 28:02d}"
        n_statements = rng.randint(1, 5)
        g.add_node(
            c,
            type="claim",
            text=f"第{j}条传闻：TikTok将在美国第{j % 50}个城市开设海外仓",
            status=STATUSES[j % len(STATUSES)],
            first_seen=day,
            language="zh" if j % 3 else "en",
            provenance=[f"{day} 演员{k} asserts" for k in range(n_statements)],
            n_statements=n_statements,
        )
        for k, speaker in enumerate(rng.choices(actors, weights=weights, k=n_statements)):
            via = rng.choice(actors) if rng.random() < 0.15 else None
            g.add_edge(
                speaker,
                c,
                key=f"s{j}_{k}",
                type="statement",
                stance=STANCES[0] if k == 0 else rng.choice(STANCES),
                evidence=rng.choice(EVIDENCE),
                quote=None,
                article_title=f"报道{j}",
                outlet=rng.choice(OUTLETS),
                date=day,
                via=g.nodes[via]["name"] if via else None,
                rule="zh.cue.synthetic",
                confidence=round(rng.uniform(0.3, 1.0), 2),
            )
            if via and via != speaker:
                g.add_edge(speaker, via, key="relay", type="relay", n_statements=1)
        g.add_edge(c, rng.choice(actors[:50]), key="about", type="about")
    for i in range(0, n_actors, 10):
        member, org = actors[i], actors[(i + 1) % n_actors]
        g.add_edge(member, org, key="founder", type="affiliation", role="founder")
    return g


def browser_time(html: Path, *, timeout_s: float) -> tuple[float, float, int]:
    """Seconds to the load event and to drawn-and-stabilised, and page errors seen."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 800})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            start = time.perf_counter()
            page.goto(html.as_uri(), wait_until="load", timeout=timeout_s * 1000)
            loaded = time.perf_counter() - start
            page.wait_for_function(
                "document.body.getAttribute('data-stabilised') === '1'",
                timeout=timeout_s * 1000,
                polling=50,
            )
            page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
            )
            drawn = time.perf_counter() - start
        finally:
            browser.close()
    return loaded, drawn, len(errors)


@dataclass(frozen=True)
class Measurement:
    """One rendered page and its timings."""

    graph_nodes: int
    max_nodes: int
    nodes: int
    edges: int
    size_mb: float
    render_s: float
    load_s: float | None
    stable_s: float | None
    errors: int | None


def measure(g: nx.MultiDiGraph, max_nodes: int, out: Path, *, timeout_s: float) -> Measurement:
    """Render ``g`` once at ``out`` and open it in Chromium."""
    start = time.perf_counter()
    report = render_html(g, out, title="benchmark", max_nodes=max_nodes)
    render_s = time.perf_counter() - start
    load_s = stable_s = None
    errors = None
    if Path(CHROMIUM).exists():
        load_s, stable_s, errors = browser_time(out, timeout_s=timeout_s)
    return Measurement(
        graph_nodes=g.number_of_nodes(),
        max_nodes=max_nodes,
        nodes=report.nodes,
        edges=report.edges,
        size_mb=out.stat().st_size / 1e6,
        render_s=render_s,
        load_s=load_s,
        stable_s=stable_s,
        errors=errors,
    )


def _fmt(value: float | None, spec: str) -> str:
    return format("n/a", spec) if value is None else format(value, spec)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print one table row per page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--default-max-nodes", type=int, default=1500)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per page")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: browser times are n/a", file=sys.stderr)
    header = (
        f"{'graph':>6} {'max_nodes':>9} {'nodes':>6} {'edges':>6} {'MB':>6}"
        f" {'render s':>8} {'load s':>7} {'stable s':>8} {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            g = synthetic_graph(size)
            for max_nodes in dict.fromkeys((args.default_max_nodes, g.number_of_nodes())):
                m = measure(
                    g, max_nodes, Path(tmp) / f"g{size}_{max_nodes}.html", timeout_s=args.timeout
                )
                print(
                    f"{m.graph_nodes:>6} {m.max_nodes:>9} {m.nodes:>6} {m.edges:>6}"
                    f" {m.size_mb:>6.2f} {m.render_s:>8.2f} {_fmt(m.load_s, '>7.2f')}"
                    f" {_fmt(m.stable_s, '>8.2f')} {_fmt(m.errors, '>6')}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
