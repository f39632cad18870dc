"""The bundled sample corpus as a store, for the main job and the notebooks.

The store is built beside its final path and moved into place in one step,
so a reader never sees a half-built store.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from graph.store import Store
from pipelines.ingest import IngestEvent, IngestSummary, ingest_paths

__all__ = ["SAMPLE_CORPUS", "SAMPLE_STORE", "build_store", "sample_store"]

SAMPLE_CORPUS = Path(__file__).parent / "corpus" / "sample"
# beside the repository's other outputs; RUMOUR_SAMPLE_STORE points elsewhere (tests do)
SAMPLE_STORE = Path(__file__).resolve().parents[1] / "out" / "sample.sqlite"


def build_store(
    corpus: Path,
    store_path: Path,
    *,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> IngestSummary:
    """Build a fresh store from ``corpus`` at ``store_path`` (replacing it)."""
    store_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = store_path.with_name(store_path.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    with Store(tmp) as store:
        summary = ingest_paths([corpus], store, on_event=on_event)
        store.checkpoint()
    for old in (Path(f"{store_path}-wal"), Path(f"{store_path}-shm")):
        old.unlink(missing_ok=True)
    shutil.move(tmp, store_path)
    return summary


def sample_store(path: Path | None = None, *, rebuild: bool = False) -> Store:
    """The sample corpus's store, built on first use."""
    path = Path(path or os.environ.get("RUMOUR_SAMPLE_STORE") or SAMPLE_STORE)
    if rebuild or not path.exists():
        build_store(SAMPLE_CORPUS, path)
    return Store(path)
