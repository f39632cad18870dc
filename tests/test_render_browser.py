"""The rendered page in headless Chromium: drawn, offline, inert, filterable.

Needs the Debian ``chromium`` package at /usr/bin/chromium and the ``playwright``
Python package (its own browser downloads are not needed and not used).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from graph.render import render_html
from tests.test_render import small_graph

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
PAYLOAD = '<img src=x onerror="window.__pwned=1"> href <script>alert(1)</script>'
SCREENSHOT = Path("/tmp/rumour_graph_render_test.png")

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright Python package is not installed"
)


@dataclass
class Loaded:
    """A page opened from a file, with everything it tried to do recorded."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def loaded(browser: Any, tmp_path: Path) -> Iterator[Loaded]:
    out = tmp_path / "graph.html"
    render_html(small_graph(PAYLOAD), out, title="Rumour graph " + PAYLOAD)
    context = browser.new_context(viewport={"width": 1300, "height": 800})
    page = context.new_page()
    got = Loaded(page=page, url=out.as_uri())
    page.on("request", lambda r: got.requests.append(r.url))
    page.on("dialog", lambda d: (got.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: got.errors.append(str(e)))
    page.goto(got.url)
    page.wait_for_function("document.body.getAttribute('data-stabilised') === '1'", timeout=30_000)
    yield got
    context.close()


def hover_node(got: Loaded, node_id: str) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    pos = got.page.evaluate(
        "id => window.network.canvasToDOM(window.network.getPositions([id])[id])", node_id
    )
    box = got.page.locator("#mynetwork").bounding_box()
    got.page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    got.page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible'; }",
        timeout=5_000,
    )
    return got.page.inner_text("div.vis-tooltip")


def hidden_ids(got: Loaded) -> set[str]:
    return set(
        got.page.evaluate("window.network.body.data.nodes.getIds({filter: n => Boolean(n.hidden)})")
    )


def test_nodes_are_drawn_on_a_non_blank_canvas(loaded: Loaded) -> None:
    assert loaded.page.evaluate("window.network.body.data.nodes.length") == 9
    assert loaded.page.evaluate("window.network.body.data.edges.length") == 9
    coloured = loaded.page.evaluate(
        """() => {
          const c = document.querySelector('#mynetwork canvas');
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) { n++; }
          }
          return n;
        }"""
    )
    assert coloured > 1000
    assert loaded.page.evaluate("window.network.physics.options.enabled") is False
    loaded.page.screenshot(path=str(SCREENSHOT))
    assert loaded.errors == []


def test_page_makes_no_network_request_and_opens_no_dialog(loaded: Loaded) -> None:
    hover_node(loaded, "a1")
    loaded.page.fill("#rg-search", "chew")
    loaded.page.press("#rg-search", "Enter")
    loaded.page.wait_for_timeout(300)
    outside = [u for u in loaded.requests if u != loaded.url and not u.startswith("data:")]
    assert outside == []
    assert loaded.dialogs == []


@pytest.mark.parametrize("node_id", ["a1", "c1"])
def test_payload_tooltips_stay_text(loaded: Loaded, node_id: str) -> None:
    text = hover_node(loaded, node_id)
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert "<script>alert(1)</script>" in text
    assert loaded.page.evaluate("document.querySelectorAll('img').length") == 0
    assert (
        loaded.page.evaluate("document.querySelectorAll('div.vis-tooltip *:not(br)').length") == 0
    )
    assert loaded.page.evaluate("typeof window.__pwned") == "undefined"
    assert loaded.page.evaluate("document.scripts.length") == 4
    assert loaded.page.inner_text("#rg-title").endswith(PAYLOAD)
    assert loaded.dialogs == []


def test_unchecking_denied_hides_denied_claims(loaded: Loaded) -> None:
    loaded.page.uncheck("#rg-status-denied")
    assert hidden_ids(loaded) == {"c1"}
    loaded.page.check("#rg-status-denied")
    assert hidden_ids(loaded) == set()


def test_unchecking_a_kind_hides_those_actors(loaded: Loaded) -> None:
    loaded.page.uncheck("#rg-kind-anonymous")
    loaded.page.uncheck("#rg-kind-person")
    assert hidden_ids(loaded) == {"a2", "a3"}
    loaded.page.click("#rg-reset")
    assert hidden_ids(loaded) == set()


def test_date_range_hides_statements_outside_it(loaded: Loaded) -> None:
    loaded.page.fill("#rg-from", "2026-10-21")
    loaded.page.fill("#rg-to", "2026-10-31")
    loaded.page.dispatch_event("#rg-to", "change")
    # Left: s2 (2026-10-22, a2 denies c1) and s3 (2026-10-23, a1 confirms c2).
    assert hidden_ids(loaded) == {"a3", "a4", "a5", "c3", "c4"}
    hidden_edges = loaded.page.evaluate(
        "window.network.body.data.edges.get({filter: e => e.hidden})"
        ".filter(e => e.rg_type === 'statement').length"
    )
    assert hidden_edges == 4


def test_search_selects_by_alias_and_claim_text(loaded: Loaded) -> None:
    loaded.page.fill("#rg-search", "Shou Chew")
    loaded.page.press("#rg-search", "Enter")
    assert loaded.page.evaluate("window.network.getSelectedNodes()") == ["a2"]
    loaded.page.fill("#rg-search", "跨境店")
    loaded.page.click("#rg-search-go")
    assert loaded.page.evaluate("window.network.getSelectedNodes()") == ["c1"]
    loaded.page.fill("#rg-search", "nothing like this")
    loaded.page.press("#rg-search", "Enter")
    assert loaded.page.inner_text("#rg-search-msg") == "no match"
