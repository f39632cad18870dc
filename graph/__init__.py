"""The rumour graph: store, merge and views (no spaCy in here)."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "DEFAULT_STORE",
    "RumorGraphError",
    "Store",
    "StoreError",
    "actors",
    "build_graph",
    "changes",
    "claims",
    "export_json",
    "open_store",
    "provenance",
    "statements",
    "status_history",
]

# Loaded on first use, so ``import graph.records`` (the extraction side) does not
# pull in pandas and networkx.
_HOME = {
    "DEFAULT_STORE": "graph.store",
    "Store": "graph.store",
    "RumorGraphError": "graph.errors",
    "StoreError": "graph.errors",
    **{
        name: "graph.api"
        for name in __all__
        if name not in {"DEFAULT_STORE", "Store", "RumorGraphError", "StoreError"}
    },
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
