"""The small API notebooks use: open a store, get frames and graphs.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "rumours.sqlite"
>>> store = open_store(path, create=True)
>>> claims(store).empty
True
>>> store.close()
"""

from __future__ import annotations

from pathlib import Path

from graph.analyses import (
    anonymous_sources,
    contradictions,
    decided_claims,
    relay_chain,
    source_record,
)
from graph.claimreview import claim_reviews
from graph.errors import StoreError
from graph.export import export_json
from graph.frames import (
    actors,
    change_report_frame,
    changes,
    claims,
    provenance,
    statements,
    status_history,
)
from graph.network import build_graph
from graph.store import DEFAULT_STORE, Store

__all__ = [
    "DEFAULT_STORE",
    "actors",
    "anonymous_sources",
    "build_graph",
    "change_report_frame",
    "changes",
    "claim_reviews",
    "claims",
    "contradictions",
    "decided_claims",
    "export_json",
    "open_store",
    "provenance",
    "relay_chain",
    "source_record",
    "statements",
    "status_history",
]


def open_store(path: str | Path = DEFAULT_STORE, *, create: bool = False) -> Store:
    """Open the store at ``path``.

    Raises
    ------
    StoreError
        When the file does not exist (unless ``create``) or is not a store.
    """
    if not create and str(path) != ":memory:" and not Path(path).is_file():
        raise StoreError(f"{path}: no such store (ingest some articles first)")
    return Store(path)
