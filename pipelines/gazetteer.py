"""The gazetteer: known actors and their aliases, in any language.

It is made of the curated data file ``data/gazetteer.jsonl`` plus every actor
the store has learned (the graph is its own gazetteer), and feeds both the
jieba user dictionary and spaCy's entity ruler.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from graph.errors import DataFileError
from graph.keys import alias_key
from graph.records import ActorKind, ActorRef
from pipelines.lexicon import DATA_DIR

__all__ = ["GAZETTEER_FILE", "Gazetteer", "GazetteerEntry"]

GAZETTEER_FILE = DATA_DIR / "gazetteer.jsonl"


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    description: str = ""

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _entry(data: dict[str, Any], where: str) -> GazetteerEntry:
    try:
        return GazetteerEntry(
            id=str(data["id"]),
            name=str(data["name"]),
            kind=ActorKind(data["kind"]),
            aliases=tuple(str(a) for a in data.get("aliases", ())),
            description=str(data.get("description", "")),
        )
    except (KeyError, ValueError, TypeError) as err:
        raise DataFileError(where, f"bad gazetteer entry ({err})") from err


@cache
def _load_file(path: Path) -> tuple[GazetteerEntry, ...]:
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataFileError(str(path), f"line {lineno}: not JSON ({err.msg})") from err
        entries.append(_entry(data, f"{path}:{lineno}"))
    return tuple(entries)


class Gazetteer:
    """Known actors, looked up by any alias (case- and width-insensitive)."""

    def __init__(self, entries: Iterable[GazetteerEntry] = ()) -> None:
        self._entries: dict[str, GazetteerEntry] = {}
        self._by_key: dict[str, GazetteerEntry] = {}
        self.add(entries)

    @classmethod
    def default(cls, store_rows: Iterable[dict[str, Any]] = ()) -> Gazetteer:
        """The curated file plus actors learned by a store (``Store.gazetteer()``)."""
        gaz = cls(_load_file(GAZETTEER_FILE))
        gaz.add_store_rows(store_rows)
        return gaz

    def add(self, entries: Iterable[GazetteerEntry]) -> list[GazetteerEntry]:
        """Add entries; returns those that brought a new surface form."""
        added = []
        for e in entries:
            new_forms = [f for f in e.surface_forms if alias_key(f) not in self._by_key]
            known = next(
                (
                    self._by_key[alias_key(f)]
                    for f in e.surface_forms
                    if alias_key(f) in self._by_key
                ),
                None,
            )
            if known is not None:
                e = GazetteerEntry(
                    known.id,
                    known.name,
                    known.kind,
                    tuple(dict.fromkeys((*known.aliases, *new_forms))),
                    known.description or e.description,
                )
            self._entries[e.id] = e
            for form in e.surface_forms:
                self._by_key[alias_key(form)] = e
            if new_forms:
                added.append(e)
        return added

    def add_store_rows(self, rows: Iterable[dict[str, Any]]) -> list[GazetteerEntry]:
        entries = [
            GazetteerEntry(
                r["id"],
                r["name"],
                ActorKind(r["kind"]),
                tuple(a for a in r.get("aliases", ()) if a != r["name"]),
                r.get("description") or "",
            )
            for r in rows
            if r["kind"] != ActorKind.ANONYMOUS and not r.get("scope")
        ]
        return self.add(entries)

    def lookup(self, name: str) -> GazetteerEntry | None:
        return self._by_key.get(alias_key(name))

    def canonical(self, name: str) -> str:
        """The canonical name of a known actor (虎嗅网 -> 虎嗅), else ``name``."""
        entry = self.lookup(name)
        return entry.name if entry else name

    def ref(self, name: str, kind: ActorKind, description: str = "") -> ActorRef:
        """``name`` as an actor reference, with what the gazetteer knows of it."""
        e = self.lookup(name)
        if e is None:
            return ActorRef(name, kind, description=description)
        return ActorRef(e.name, e.kind, e.aliases, description or e.description)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)
