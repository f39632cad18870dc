"""Exports: the JSON document of DESIGN.md, node-link JSON and GraphML.

:func:`export_json` is the store as one plain document with the top-level
keys ``articles``, ``actors``, ``claims`` and ``statements``;
:func:`to_node_link` / :func:`from_node_link` are a round-trip pair for a
graph built by :func:`graph.network.build_graph`.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a1", type="actor", aliases=["x", "y"])
>>> g.add_edge("a1", "c1", key="s1", type="statement")
's1'
>>> to_node_link(from_node_link(to_node_link(g))) == to_node_link(g)
True
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.store import Store

__all__ = [
    "LIST_SEPARATOR",
    "export_json",
    "from_node_link",
    "graphml_safe",
    "to_node_link",
    "write_graphml",
    "write_json",
    "write_text_atomic",
]

LIST_SEPARATOR = " | "
# The documented fields first, then the extras.
ARTICLE_FIELDS = (
    *("id", "title", "outlet", "published", "language"),
    *("seq", "url", "source", "republished_from", "republished_by", "ingested_at"),
)
STATEMENT_FIELDS = (
    *("id", "claim_id", "speaker_id", "speaker_name", "stance", "article_id"),
    *("evidence", "quote", "start", "end", "via", "rule"),
    *("via_id", "date", "cue", "hedges", "confidence", "quote_start", "quote_end"),
    "match_score",
)


def export_json(store: Store) -> dict[str, Any]:
    """The whole store as the JSON document described in DESIGN.md.

    Besides the documented fields, articles carry ``seq``, ``url`` and
    ``ingested_at``; actors ``display_name``, ``scope``, ``description`` and
    ``affiliations``; claims ``language``, ``first_seen`` and ``about``;
    statements ``date``, ``cue``, ``hedges``, ``confidence``, ``via_id`` and
    the quote's offsets.
    """
    affiliations: dict[str, list[dict[str, Any]]] = {}
    for f in store.affiliations():
        affiliations.setdefault(f["member_id"], []).append(
            {"organization_id": f["organization_id"], "role": f["role"], "rule": f["rule"]}
        )
    about: dict[str, list[str]] = {}
    for link in store.claim_actor_links():
        about.setdefault(link["claim_id"], []).append(link["actor_id"])
    history: dict[str, list[dict[str, Any]]] = {}
    for h in store.status_history():
        history.setdefault(h["claim_id"], []).append(
            {"status": h["status"], "date": h["date"], "statement_id": h["statement_id"]}
        )
    return {
        "articles": [{k: a[k] for k in ARTICLE_FIELDS} for a in store.articles()],
        "actors": [
            {
                **{k: a[k] for k in ("id", "name", "kind", "aliases", "display_name", "scope")},
                "description": a["description"],
                "affiliations": affiliations.get(a["id"], []),
            }
            for a in store.actors()
        ],
        "claims": [
            {
                **{k: c[k] for k in ("id", "text", "status", "language", "first_seen")},
                "status_history": history.get(c["id"], []),
                "about": about.get(c["id"], []),
            }
            for c in store.claims()
        ],
        "statements": [{k: s[k] for k in STATEMENT_FIELDS} for s in store.statement_details()],
    }


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``path`` through a temporary file and ``os.replace``.

    A reader never sees a half-written file, and a failed write leaves the old
    file in place.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_json(store: Store, path: str | Path) -> Path:
    """Write :func:`export_json` to ``path`` (UTF-8, Chinese kept readable)."""
    document = json.dumps(export_json(store), ensure_ascii=False, indent=2)
    return write_text_atomic(path, document + "\n")


def to_node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as node-link data (``nodes`` / ``edges``, edge ``key`` kept)."""
    return nx.node_link_data(g, edges="edges")


def from_node_link(data: Mapping[str, Any]) -> nx.MultiDiGraph:
    """Inverse of :func:`to_node_link`; always a ``MultiDiGraph``."""
    return nx.node_link_graph(dict(data), directed=True, multigraph=True, edges="edges")


def graphml_safe(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Attributes GraphML can hold: lists joined, mappings flattened, ``None`` dropped.

    >>> graphml_safe({"aliases": ["a", "b"], "track": {"denied": 1}, "quote": None})
    {'aliases': 'a | b', 'track_denied': 1}
    """
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, Mapping):
            out.update(graphml_safe({f"{key}_{k}": v for k, v in value.items()}))
        elif isinstance(value, (list, tuple, set, frozenset)):
            out[key] = LIST_SEPARATOR.join(str(v) for v in value)
        elif isinstance(value, (str, int, float, bool)):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``g`` as GraphML (a copy with scalar attributes; ``g`` is not changed)."""
    h = nx.MultiDiGraph()
    h.graph.update(graphml_safe(g.graph))
    h.add_nodes_from((n, graphml_safe(d)) for n, d in g.nodes(data=True))
    h.add_edges_from((u, v, k, graphml_safe(d)) for u, v, k, d in g.edges(keys=True, data=True))
    text = "\n".join(nx.generate_graphml(h, encoding="utf-8", prettyprint=True))
    return write_text_atomic(path, text + "\n")
