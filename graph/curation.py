"""Curation: a person's decisions, kept in a YAML file outside the store.

The file survives rebuilding the store from the articles: it is applied after
every ingest and before every export or render, and applying it twice changes
nothing.  Example (every section is optional)::

    actors:                        # aliases, and actors the gazetteer lacks
      - name: 顾俊
        kind: person
        aliases: [Gu Jun]
    actor_merges:                  # the first name absorbs the others
      - [Talkshoplive, TalkShopLive Inc]
    glossary:                      # bilingual concepts for claim matching
      - id: gloss.semi_managed
        zh: [半托管]
        en: [semi-managed]
    claim_merges:                  # the first claim absorbs the others
      - [c_0123456789abcdef, c_fedcba9876543210]
    claim_splits:                  # a statement leaves its claim for a claim of its own
      - s_0123456789abcdef
    review:                        # decisions on flagged (uncertain) matches
      accept: [s_1111111111111111]
      reject: [s_2222222222222222]   # = split
    status_overrides:
      - claim: c_0123456789abcdef
        status: confirmed
        reason: company press release of 2026-11-20
        date: 2026-11-20

``python -m graph review --flagged`` lists uncertain matches and writes
``--accept`` / ``--reject`` decisions into this file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.claim_matching import extend_glossary, features, index_terms
from graph.errors import DataFileError
from graph.glossary import GlossaryEntry
from graph.keys import alias_key, make_id, text_key
from graph.merge import refresh_claim_status
from graph.records import ActorKind, ClaimStatus
from graph.store import Store

__all__ = [
    "Curation",
    "apply_curation",
    "load_curation",
    "record_review",
]


@dataclass
class Curation:
    actors: list[dict[str, Any]] = field(default_factory=list)
    actor_merges: list[list[str]] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    claim_merges: list[list[str]] = field(default_factory=list)
    claim_splits: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    status_overrides: list[dict[str, Any]] = field(default_factory=list)


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise DataFileError(where, f"'{key}' must be a list")
    return value


def load_curation(path: str | Path) -> Curation:
    """Read and check a curation file; a missing file is an empty curation."""
    where = str(path)
    p = Path(path)
    if not p.exists():
        return Curation()
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise DataFileError(where, f"not valid YAML ({err})") from err
    if not isinstance(data, dict):
        raise DataFileError(where, "must be a mapping of sections")
    unknown = set(data) - {
        "actors", "actor_merges", "glossary", "claim_merges", "claim_splits", "review",
        "status_overrides",
    }  # fmt: skip
    if unknown:
        raise DataFileError(where, f"unknown sections: {', '.join(sorted(unknown))}")
    cur = Curation()
    for a in _list(data, "actors", where):
        if not isinstance(a, dict) or "name" not in a:
            raise DataFileError(where, f"actor entry needs a name: {a!r}")
        kind = a.get("kind", "organization")
        if kind not in {str(k) for k in ActorKind}:
            raise DataFileError(where, f"actor {a['name']!r}: unknown kind {kind!r}")
        cur.actors.append(
            {
                "name": str(a["name"]),
                "kind": kind,
                "aliases": [str(x) for x in a.get("aliases") or []],
            }
        )
    for key in ("actor_merges", "claim_merges"):
        for group in _list(data, key, where):
            if not isinstance(group, list) or len(group) < 2:
                raise DataFileError(where, f"{key}: each entry is a list of two or more")
            getattr(cur, key).append([str(x) for x in group])
    for g in _list(data, "glossary", where):
        if not isinstance(g, dict) or "id" not in g:
            raise DataFileError(where, f"glossary entry needs an id: {g!r}")
        cur.glossary.append(
            GlossaryEntry(str(g["id"]), tuple(g.get("zh") or ()), tuple(g.get("en") or ()))
        )
    cur.claim_splits = [str(x) for x in _list(data, "claim_splits", where)]
    review = data.get("review") or {}
    if not isinstance(review, dict):
        raise DataFileError(where, "'review' must have 'accept' and/or 'reject' lists")
    cur.accept = [str(x) for x in _list(review, "accept", where)]
    cur.reject = [str(x) for x in _list(review, "reject", where)]
    for o in _list(data, "status_overrides", where):
        if not isinstance(o, dict) or not o.get("claim") or not o.get("reason"):
            raise DataFileError(where, f"status override needs claim and reason: {o!r}")
        if o.get("status") not in {str(s) for s in ClaimStatus}:
            raise DataFileError(where, f"status override: unknown status {o.get('status')!r}")
        date = o.get("date")
        cur.status_overrides.append({**o, "date": str(date) if date else None})
    return cur


def _actor_id(store: Store, name: str) -> str | None:
    return store.actor_by_alias(alias_key(name))


def _ensure_actor(store: Store, entry: dict[str, Any]) -> list[str]:
    """The actor exists under its name and every alias; actors found under them are merged."""
    names = [entry["name"], *entry["aliases"]]
    found = list(dict.fromkeys(a for a in (_actor_id(store, n) for n in names) if a))
    done = []
    if not found:
        actor_id = make_id("a", alias_key(entry["name"]))
        store.add_actor(
            {
                "id": actor_id,
                "name": entry["name"],
                "kind": entry["kind"],
                "scope": None,
                "description": "",
                "first_seen": None,
            }
        )
        done.append(f"actor {entry['name']} added")
    else:
        actor_id = found[0]
        for other in found[1:]:
            row = store.actor(other)
            store.merge_actors(actor_id, other)
            name = row["name"] if row else other
            done.append(f"actor {name} merged into {entry['name']} (curated alias)")
    for n in names:
        if store.add_alias(alias_key(n), n, actor_id):
            done.append(f"alias {n} -> {entry['name']}")
    return done


def _merge_claims(store: Store, keep: str, other: str) -> bool:
    if store.claim(keep) is None or store.claim(other) is None or keep == other:
        return False
    for m in store.claim_members(other):
        store.move_statement(m["id"], keep)
    store.add_claim_terms(keep, store.claim_terms(other))
    for a in store.claim_actor_ids(other):
        store.add_claim_actor(keep, a)
    store.delete_claim(other)
    refresh_claim_status(store, keep)
    return True


def _split(store: Store, statement_id: str) -> bool:
    st = store.statement(statement_id)
    if st is None:
        return False
    old = st["claim_id"]
    if len(store.claim_members(old)) <= 1:
        return False
    text = st["claim_text"] or st["evidence"]
    claim_id = make_id("c", text_key(text), "split", statement_id)
    if store.claim(claim_id) is None:
        store.add_claim(
            {
                "id": claim_id,
                "text": text,
                "language": st["language"],
                "first_seen": st["date"],
                "first_article_id": st["article_id"],
                "status": "unverified",
            },
            index_terms(features(text, st["language"])),
        )
    store.move_statement(statement_id, claim_id)
    for a in store.statement_about_ids(statement_id):
        store.add_claim_actor(claim_id, a)
    refresh_claim_status(store, claim_id)
    refresh_claim_status(store, old)
    return True


def apply_curation(store: Store, cur: Curation) -> list[str]:
    """Apply every decision (idempotent); returns one line per thing it changed."""
    done: list[str] = []
    if cur.glossary:
        extend_glossary(cur.glossary)
    with store.transaction():
        store.defer_foreign_keys()
        for entry in cur.actors:
            done += _ensure_actor(store, entry)
        for group in cur.actor_merges:
            keep = _actor_id(store, group[0])
            for name in group[1:]:
                other = _actor_id(store, name)
                if keep and other and other != keep:
                    store.merge_actors(keep, other)
                    done.append(f"actor {name} merged into {group[0]}")
        for group in cur.claim_merges:
            for other in group[1:]:
                if _merge_claims(store, group[0], other):
                    done.append(f"claim {other} merged into {group[0]}")
        for statement_id in [*cur.claim_splits, *cur.reject]:
            if _split(store, statement_id):
                done.append(f"statement {statement_id} split into a claim of its own")
        for statement_id in [*cur.accept, *cur.reject]:
            store.set_needs_review(statement_id, False)
        for o in cur.status_overrides:
            if store.claim(o["claim"]) is None:
                done.append(f"status override skipped: no claim {o['claim']}")
                continue
            before = store.status_override(o["claim"])
            store.set_status_override(o["claim"], o["status"], o["reason"], o["date"])
            refresh_claim_status(store, o["claim"])
            if not before or before["status"] != o["status"]:
                done.append(f"claim {o['claim']} set to {o['status']} ({o['reason']})")
    return done


def record_review(path: str | Path, statement_id: str, *, accept: bool) -> None:
    """Write an accept/reject decision on a flagged match into the curation file."""
    p = Path(path)
    data: dict[str, Any] = {}
    if p.exists():
        load_curation(p)  # refuse to rewrite a file that does not check
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    review = data.setdefault("review", {})
    review.setdefault("accept", [])
    review.setdefault("reject", [])
    for key in ("accept", "reject"):
        if statement_id in review[key]:
            review[key].remove(statement_id)
    review["accept" if accept else "reject"].append(statement_id)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(
        f"# curation, last changed {dt.date.today().isoformat()}\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    tmp.replace(p)
