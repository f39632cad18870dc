"""Render the rumour graph as one self-contained, offline HTML page.

The page is made with pyvis (``Network.generate_html``, nothing that writes
files) and then cleaned: pyvis's CDN links are removed, its link-popup code
path is defused, and our own escaped heading, legend, filters and search are
added.  Every piece of text from the graph is shown as text, never as markup.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a1", type="actor", name="TikTok", kind="organization")
>>> g.add_node("c1", type="claim", text="Shop is live", status="denied")
>>> g.add_edge("a1", "c1", key="s1", type="statement", stance="denies")
's1'
>>> page = html_document(g, title="Demo")
>>> "vis.Network" in page and "cdn.jsdelivr" not in page
True
"""

from __future__ import annotations

import html
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from graph.errors import RumorGraphError
from graph.render_template import (
    ACTOR_KIND_STYLE,
    CLAIM_STATUS_STYLE,
    DEFAULT_ACTOR_STYLE,
    EDGE_TYPE_STYLE,
    PAGE_CSS,
    PAGE_JS,
    STANCE_STYLE,
)

__all__ = ["RenderReport", "html_document", "render_html"]

_TOOLTIP_FIELD_MAX = 600
_PROVENANCE_MAX = 20
_ZWJ = "\u200d"
_FONT_FACE = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
_HREF = re.compile(r"(h)(ref)", re.IGNORECASE)
_EXTERNAL_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>", re.I)
_EXTERNAL_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script\s*>", re.I
)
_EXTERNAL_ANY = re.compile(
    r"(?:\b(?:src|href|action|poster)\s*=\s*[\"']?\s*(?:https?:)?//)"
    r"|@import|url\(\s*[\"']?\s*(?:https?:)?//",
    re.I,
)
_COMMENTED_VIS = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->", re.S)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
_DATASET_LINE = re.compile(r"new vis\.DataSet\(.*\);")


@dataclass(frozen=True)
class RenderReport:
    """What :func:`render_html` wrote.

    ``nodes``/``edges`` are the counts drawn on the page; ``dropped_nodes`` and
    ``dropped_claims`` what was left out to stay within ``max_nodes``.
    """

    path: Path
    nodes: int
    edges: int
    dropped_nodes: int
    dropped_claims: int
    total_nodes: int


@dataclass(frozen=True)
class _Page:
    html: str
    nodes: int
    edges: int
    total_nodes: int
    dropped_claims: int


def render_html(
    g: nx.MultiDiGraph,
    out: str | Path,
    *,
    title: str = "Rumour graph",
    max_nodes: int = 1500,
) -> RenderReport:
    """Write the graph as one UTF-8, offline HTML file at ``out``.

    The caller's graph is only read.  Nothing else is written (no ``lib/``).
    Above ``max_nodes`` the most relevant part is kept (see
    :func:`html_document`) and the page says how much was left out.
    """
    page = _build_page(g, title=title, max_nodes=max_nodes)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.html, encoding="utf-8")
    return RenderReport(
        path=path,
        nodes=page.nodes,
        edges=page.edges,
        dropped_nodes=page.total_nodes - page.nodes,
        dropped_claims=page.dropped_claims,
        total_nodes=page.total_nodes,
    )


def html_document(g: nx.MultiDiGraph, *, title: str = "Rumour graph", max_nodes: int = 1500) -> str:
    """Return the page text that :func:`render_html` would write.

    When the graph has more than ``max_nodes`` nodes, claims are taken in turn
    by most statements and by latest statement date, each with its speakers
    and the actors it is about, until the budget is used; remaining room goes
    to the best-connected other actors.
    """
    return _build_page(g, title=title, max_nodes=max_nodes).html


def _build_page(g: nx.MultiDiGraph, *, title: str, max_nodes: int) -> _Page:
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, got {max_nodes}")
    kept = _select_nodes(g, max_nodes)
    total = g.number_of_nodes()
    n_claims = sum(1 for _, d in g.nodes(data=True) if d.get("type") == "claim")
    kept_claims = sum(1 for n in kept if g.nodes[n].get("type") == "claim")

    nodes = [_node_dict(n, g.nodes[n], g.degree(n)) for n in g.nodes if n in kept]
    edges: list[dict[str, Any]] = []
    for u, v, data in g.edges(data=True):
        if u in kept and v in kept:
            edges.append(_edge_dict(len(edges), u, v, data, g.nodes[u]))

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    # Filled directly: add_node/add_edge scan for duplicates on every call.
    net.nodes = nodes
    net.edges = edges
    net.options = _options(len(nodes))
    raw = net.generate_html(name="index.html")

    note = ""
    if len(nodes) < total:
        note = f"showing {len(nodes)} of {total} nodes; {n_claims - kept_claims} claims left out"
    page = _finish(raw, title=title, note=note, nodes=nodes)
    return _Page(page, len(nodes), len(edges), total, n_claims - kept_claims)


def _select_nodes(g: nx.MultiDiGraph, max_nodes: int) -> set[Any]:
    """Pick at most ``max_nodes`` nodes, the most relevant first."""
    if g.number_of_nodes() <= max_nodes:
        return set(g.nodes)
    counted: dict[Any, int] = defaultdict(int)
    latest: dict[Any, str] = {}
    linked: dict[Any, set[Any]] = defaultdict(set)
    for u, v, data in g.edges(data=True):
        kind = data.get("type")
        if kind == "statement":
            counted[v] += 1
            linked[v].add(u)
            day = _text(data.get("date"))[:10]
            if day > latest.get(v, ""):
                latest[v] = day
        elif kind == "about":
            linked[u].add(v)
    claims = [n for n, d in g.nodes(data=True) if d.get("type") == "claim"]

    def n_statements(c: Any) -> int:
        value = g.nodes[c].get("n_statements")
        return max(value, counted[c]) if isinstance(value, int) else counted[c]

    def last_seen(c: Any) -> str:
        return latest.get(c) or _text(g.nodes[c].get("first_seen"))[:10]

    by_count = sorted(claims, key=lambda c: (-n_statements(c), last_seen(c)))
    by_date = sorted(claims, key=last_seen, reverse=True)
    kept: set[Any] = set()
    for pair in zip_longest(by_count, by_date):
        for claim in pair:
            if claim is None or claim in kept:
                continue
            need = {claim} | (linked[claim] - kept)
            if len(kept) + len(need) <= max_nodes:
                kept |= need
        if len(kept) >= max_nodes:
            return kept
    others = sorted(
        (n for n in g.nodes if n not in kept and g.nodes[n].get("type") != "claim"),
        key=lambda n: -g.degree(n),
    )
    kept.update(others[: max_nodes - len(kept)])
    return kept


def _node_dict(node_id: Any, data: Mapping[str, Any], degree: int) -> dict[str, Any]:
    """A vis-network node; ``rg_*`` fields feed the page's filters and search."""
    if data.get("type") == "claim":
        status = _text(data.get("status")) or "unverified"
        style = CLAIM_STATUS_STYLE.get(status, CLAIM_STATUS_STYLE["unverified"])
        text = _text(data.get("text")) or str(node_id)
        return {
            "id": node_id,
            "label": _clip(text, 70),
            "shape": "box",
            "color": _colour(style["background"], style["border"]),
            "widthConstraint": {"maximum": 170},
            "margin": 6,
            "font": {"size": 12, "color": "#222222"},
            "title": _tooltip(_claim_lines(data, text, status)),
            "rg_type": "claim",
            "rg_status": status,
            "rg_search": text.lower(),
        }
    kind = _text(data.get("kind"))
    style = ACTOR_KIND_STYLE.get(kind, DEFAULT_ACTOR_STYLE)
    name = _text(data.get("name")) or str(node_id)
    aliases = [_text(a) for a in _as_list(data.get("aliases"))]
    return {
        "id": node_id,
        "label": _clip(name, 40),
        "shape": style["shape"],
        "size": round(12 + min(18.0, 3 * math.sqrt(degree)), 1),
        "color": _colour(style["background"], style["border"]),
        "font": {"size": 14, "color": "#111111", "strokeWidth": 3, "strokeColor": "#ffffff"},
        "title": _tooltip(_actor_lines(data, name, kind, aliases)),
        "rg_type": "actor",
        "rg_kind": kind,
        "rg_search": "\n".join([name, *aliases]).lower(),
    }


def _edge_dict(
    index: int, u: Any, v: Any, data: Mapping[str, Any], speaker: Mapping[str, Any]
) -> dict[str, Any]:
    """A vis-network edge styled by stance (statements) or by type."""
    kind = _text(data.get("type"))
    if kind == "statement":
        stance = _text(data.get("stance"))
        style = STANCE_STYLE.get(stance, STANCE_STYLE["asserts"])
        title = _tooltip(_statement_lines(data, speaker, stance))
    else:
        style = EDGE_TYPE_STYLE.get(kind, EDGE_TYPE_STYLE["about"])
        role = _text(data.get("role"))
        title = _tooltip([f"{kind or 'link'}" + (f": {role}" if role else "")])
    return {
        "id": f"e{index}",
        "from": u,
        "to": v,
        "arrows": "to",
        "color": {"color": style["color"], "highlight": style["color"], "hover": style["color"]},
        "width": style["width"],
        "dashes": style["dashes"],
        "title": title,
        "rg_type": kind,
        "rg_date": _text(data.get("date"))[:10],
    }


def _claim_lines(data: Mapping[str, Any], text: str, status: str) -> list[str]:
    lines = [
        text,
        f"status: {status}",
        f"first seen: {_text(data.get('first_seen')) or 'unknown'}"
        f" · language: {_text(data.get('language')) or '?'}"
        f" · statements: {_text(data.get('n_statements')) or '?'}",
    ]
    provenance = [_text(p) for p in _as_list(data.get("provenance"))]
    if provenance:
        lines.append("provenance:")
        lines += [f"  • {p}" for p in provenance[:_PROVENANCE_MAX]]
        if len(provenance) > _PROVENANCE_MAX:
            lines.append(f"  … and {len(provenance) - _PROVENANCE_MAX} more")
    return lines


def _actor_lines(data: Mapping[str, Any], name: str, kind: str, aliases: list[str]) -> list[str]:
    lines = [f"{name} ({kind or 'actor'})"]
    if aliases:
        lines.append("aliases: " + ", ".join(aliases))
    if data.get("description"):
        lines.append(_text(data["description"]))
    affiliations = [_text(a) for a in _as_list(data.get("affiliations"))]
    if affiliations:
        lines.append("affiliations: " + "; ".join(affiliations))
    track = data.get("track")
    if isinstance(track, Mapping) and track:
        lines.append("track record: " + " · ".join(f"{k} {v}" for k, v in track.items()))
    return lines


def _statement_lines(data: Mapping[str, Any], speaker: Mapping[str, Any], stance: str) -> list[str]:
    who = _text(speaker.get("name")) or "?"
    lines = [f"{who} {stance or 'states'} · {_text(data.get('date')) or 'undated'}"]
    outlet = _text(data.get("outlet"))
    via = _text(data.get("via"))
    if outlet or via:
        lines.append(f"outlet: {outlet or '?'}" + (f" (via {via})" if via else ""))
    if data.get("article_title"):
        lines.append(f"article: {_text(data['article_title'])}")
    if data.get("evidence"):
        lines.append(f"evidence: {_text(data['evidence'])}")
    if data.get("quote"):
        lines.append(f"quote: “{_text(data['quote'])}”")
    rule = _text(data.get("rule"))
    confidence = data.get("confidence")
    if rule or confidence is not None:
        lines.append(
            f"rule: {rule or '?'}"
            + (f" · confidence {confidence}" if confidence is not None else "")
        )
    return lines


def _tooltip(lines: Iterable[str]) -> str:
    """Plain text for vis-network (shown with ``innerText``), ``href`` defused.

    pyvis switches every tooltip to an ``innerHTML`` popup when any node title
    contains ``href``; a zero-width joiner keeps that branch switched off.
    """
    text = "\n".join(_clip(line, _TOOLTIP_FIELD_MAX) for line in lines)
    return _HREF.sub(lambda m: m.group(1) + _ZWJ + m.group(2), text)


def _options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: bounded stabilisation, lighter settings when big."""
    big = n_nodes > 300
    return {
        "nodes": {"borderWidth": 1.5, "font": {"face": _FONT_FACE}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": False if big else {"type": "continuous"},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big},
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 200},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "centralGravity": 0.01,
                "springLength": 120,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0.4,
            },
            "stabilization": {
                "enabled": True,
                "iterations": 150 if big else 250,
                "updateInterval": 25,
                "fit": True,
            },
        },
    }


def _finish(raw: str, *, title: str, note: str, nodes: list[dict[str, Any]]) -> str:
    """Strip pyvis's external links and risky paths, add our panel and script."""
    page = _EXTERNAL_LINK.sub("", raw)
    page = _EXTERNAL_SCRIPT.sub("", page)
    page = _COMMENTED_VIS.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    # Never taken (titles carry no "href"), but keep the innerHTML sink out anyway.
    page = page.replace(
        "popup.innerHTML = nodeData[0].title;", "popup.innerText = nodeData[0].title;"
    )
    # Jinja's tojson already writes "<" as \u003c; this keeps "</" out regardless.
    page = _DATASET_LINE.sub(lambda m: m.group(0).replace("</", "<\\/"), page)

    # Checked without the data lines: text such as "src=https://..." in a claim is
    # only text there, while any such attribute in the markup would be fetched.
    leak = _EXTERNAL_ANY.search(_DATASET_LINE.sub("", page) + PAGE_CSS + PAGE_JS)
    if leak:
        raise RumorGraphError(f"pyvis page still refers outside: {leak.group(0)!r}")

    head_end = page.rfind("</head>")
    body_start = page.find("<body>", head_end)
    body_end = page.rfind("</body>")
    if min(head_end, body_start, body_end) < 0:
        raise RumorGraphError("unexpected pyvis template: head/body markers not found")
    head = page[:head_end].replace(
        '<meta charset="utf-8">',
        f'<meta charset="utf-8">\n<title>{html.escape(title)}</title>',
        1,
    )
    page = (
        "<!DOCTYPE html>\n"
        + head
        + f"<style>{PAGE_CSS}</style>\n"
        + page[head_end : body_start + len("<body>")]
        + _panel_html(title, note, nodes)
        + page[body_start + len("<body>") : body_end]
        + f"<script>{PAGE_JS}</script>\n"
        + page[body_end:]
    )
    return page


def _panel_html(title: str, note: str, nodes: list[dict[str, Any]]) -> str:
    """The side panel: heading, note, filters, search and legend (all escaped)."""
    esc = html.escape
    statuses = sorted(
        {n["rg_status"] for n in nodes if n["rg_type"] == "claim"} | set(CLAIM_STATUS_STYLE)
    )
    kinds = sorted({n["rg_kind"] for n in nodes if n["rg_type"] == "actor"} | set(ACTOR_KIND_STYLE))
    parts = ['<aside id="rg-panel">', f'<h1 id="rg-title">{esc(title)}</h1>']
    if note:
        parts.append(f'<p id="rg-note">{esc(note)}</p>')
    parts.append(
        "<fieldset><legend>Search</legend>"
        '<input type="search" id="rg-search" placeholder="actor, alias or claim text">'
        ' <button type="button" id="rg-search-go">Find</button>'
        '<div id="rg-search-msg"></div></fieldset>'
    )
    parts.append("<fieldset><legend>Claim status</legend>")
    parts += [_checkbox("rg-status", s) for s in statuses]
    parts.append("</fieldset><fieldset><legend>Actor kind</legend>")
    parts += [_checkbox("rg-kind", k) for k in kinds]
    parts.append(
        "</fieldset><fieldset><legend>Statement dates</legend>"
        '<label>from <input type="date" id="rg-from"></label>'
        '<label>to <input type="date" id="rg-to"></label>'
        "<small>undated statements are hidden while a range is set</small></fieldset>"
        '<button type="button" id="rg-reset">Reset filters</button> '
        '<span id="rg-visible"></span>'
    )
    parts.append(_legend_html())
    parts.append("</aside>\n")
    return "\n".join(parts)


def _checkbox(name: str, value: str) -> str:
    v = html.escape(value)
    return (
        f'<label><input type="checkbox" name="{name}" id="{name}-{v}" value="{v}" checked> '
        f"{html.escape(value or '(none)')}</label>"
    )


def _legend_html() -> str:
    esc = html.escape
    rows = ['<fieldset id="rg-legend"><legend>Legend</legend><b>Actors</b>']
    for kind, style in ACTOR_KIND_STYLE.items():
        svg = _shape_svg(style["shape"], style["background"], style["border"])
        rows.append(f"<div>{svg}{esc(kind)}</div>")
    rows.append("<b>Claims (boxes)</b>")
    for status, style in CLAIM_STATUS_STYLE.items():
        rows.append(
            f'<div><span class="rg-sw" style="background:{style["background"]};'
            f'border-color:{style["border"]}"></span>{esc(status)}</div>'
        )
    rows.append("<b>Statements (speaker → claim)</b>")
    for stance, style in STANCE_STYLE.items():
        rows.append(f"<div>{_line_svg(style)}{esc(stance)}</div>")
    rows.append("<b>Other links</b>")
    for kind, style in EDGE_TYPE_STYLE.items():
        rows.append(f"<div>{_line_svg(style)}{esc(kind)}</div>")
    rows.append("</fieldset>")
    return "\n".join(rows)


def _shape_svg(shape: str, fill: str, stroke: str) -> str:
    body = {
        "dot": '<circle cx="8" cy="8" r="6"',
        "square": '<rect x="2" y="2" width="12" height="12"',
        "diamond": '<polygon points="8,1 15,8 8,15 1,8"',
        "hexagon": '<polygon points="4,2 12,2 15,8 12,14 4,14 1,8"',
        "triangle": '<polygon points="8,1 15,14 1,14"',
    }.get(shape, '<circle cx="8" cy="8" r="6"')
    return f'<svg width="16" height="16">{body} fill="{fill}" stroke="{stroke}"/></svg>'


def _line_svg(style: Mapping[str, Any]) -> str:
    dashes = style["dashes"]
    dash = f' stroke-dasharray="{",".join(str(d) for d in dashes)}"' if dashes else ""
    return (
        f'<svg width="34" height="10"><line x1="1" y1="5" x2="33" y2="5" '
        f'stroke="{style["color"]}" stroke-width="{style["width"]}"{dash}/></svg>'
    )


def _colour(background: str, border: str) -> dict[str, Any]:
    return {
        "background": background,
        "border": border,
        "highlight": {"background": background, "border": "#000000"},
        "hover": {"background": background, "border": "#000000"},
    }


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
