"""The store as a networkx ``MultiDiGraph``, whole or focused.

The graph has the schema :mod:`graph.render` draws:

* actor nodes (``type="actor"``): ``name`` (display name, "业内人士 @ 虎嗅" for an
  anonymous source), ``kind``, ``scope``, ``aliases``, ``description``,
  ``affiliations`` ("founder of Newme") and ``track`` (how many distinct claims
  the actor asserted or reported ended ``confirmed`` / ``denied`` /
  ``disputed`` / ``unverified``; empty for an actor who never did);
* claim nodes (``type="claim"``): ``text``, ``status``, ``first_seen``,
  ``language``, ``n_statements`` and ``provenance`` (one dated line per
  statement, in date order);
* ``statement`` edges speaker -> claim keyed by statement id (``stance``,
  ``evidence``, ``quote``, ``article_title``, ``outlet``, ``date``, ``via``,
  ``rule``, ``confidence``); ``about`` edges claim -> actor; ``affiliation``
  edges member -> organization (``role``); ``relay`` edges speaker -> the actor
  a statement came through (``n_statements``).

Building the graph only reads the store.

Examples
--------
>>> from graph.store import Store
>>> with Store(":memory:") as store:
...     build_graph(store).number_of_nodes()
0
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.errors import RumorGraphError
from graph.keys import alias_key
from graph.store import Store

__all__ = ["NotFoundError", "build_graph", "resolve_actor", "track_records"]

TRACK_STATUSES = ("confirmed", "denied", "disputed", "unverified")
_SPREADING = frozenset({"asserts", "reports"})


class NotFoundError(RumorGraphError, LookupError):
    """A claim or actor asked for by id or name is not in the store."""


def resolve_actor(store: Store, name: str) -> str:
    """The id of the actor called ``name`` (any alias, any case, or its id).

    Raises
    ------
    NotFoundError
        When no actor has that alias or id.
    """
    actor_id = store.actor_by_alias(alias_key(name))
    if actor_id is None and store.actor(name) is not None:
        actor_id = name
    if actor_id is None:
        raise NotFoundError(f"unknown actor: {name}")
    return actor_id


def track_records(
    statements: Iterable[dict[str, Any]],
) -> dict[str, dict[str, int]]:
    """Per speaker id, how many distinct claims it spread ended in each status.

    ``statements`` are rows of :meth:`Store.statement_details`; only
    ``asserts`` and ``reports`` count.
    """
    spread: dict[str, dict[str, str]] = defaultdict(dict)
    for s in statements:
        if s["stance"] in _SPREADING:
            spread[s["speaker_id"]][s["claim_id"]] = s["claim_status"]
    return {
        speaker: {
            status: sum(1 for v in claims.values() if v == status) for status in TRACK_STATUSES
        }
        for speaker, claims in spread.items()
    }


def provenance_line(s: dict[str, Any]) -> str:
    """One statement as "2026-10-20 服务商 @ 虎嗅 asserts (via Axios)"."""
    line = f"{s['date'] or 'undated'} {s['speaker_name']} {s['stance']}"
    return line + (f" (via {s['via']})" if s.get("via") else "")


def build_graph(
    store: Store,
    *,
    claim_id: str | None = None,
    actor: str | None = None,
    since: dt.date | str | None = None,
) -> nx.MultiDiGraph:
    """The rumour graph of ``store``, optionally focused.

    Parameters
    ----------
    store
        The store to read (never written).
    claim_id
        Keep only this claim, its statements, their speakers and relays, and
        the actors it is about.
    actor
        Keep only this actor (any alias, case-insensitive), its affiliations,
        the claims it stated anything on or that are about it, and every actor
        who stated anything on those claims, so who contradicted it shows.
    since
        Keep only statements dated on or after this day (undated ones are
        dropped); claims left without statements go too.

    Raises
    ------
    NotFoundError
        For an unknown ``claim_id`` or ``actor``.
    """
    all_statements = store.statement_details()
    focus_claims: set[str] | None = None
    focus_actor: str | None = None
    if claim_id is not None:
        if store.claim(claim_id) is None:
            raise NotFoundError(f"unknown claim: {claim_id}")
        focus_claims = {claim_id}
    if actor is not None:
        focus_actor = resolve_actor(store, actor)
        about = {
            link["claim_id"]
            for link in store.claim_actor_links()
            if link["actor_id"] == focus_actor
        }
        stated = {s["claim_id"] for s in all_statements if s["speaker_id"] == focus_actor}
        focus_claims = (about | stated) & (
            focus_claims if focus_claims is not None else about | stated
        )
    day = dt.date.fromisoformat(since) if isinstance(since, str) else since

    statements = [
        s
        for s in all_statements
        if (focus_claims is None or s["claim_id"] in focus_claims)
        and (day is None or (s["date"] is not None and s["date"] >= day.isoformat()))
    ]
    actors = {a["id"]: a for a in store.actors()}
    by_claim: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in all_statements:
        by_claim[s["claim_id"]].append(s)
    tracks = track_records(all_statements)

    g = nx.MultiDiGraph(name="rumour graph")
    g.graph.update(
        {
            "store": store.path,
            "claim_id": claim_id,
            "actor": actor,
            "since": day and day.isoformat(),
        }
    )
    shown_claims = {s["claim_id"] for s in statements}
    if since is None and focus_claims is not None:
        shown_claims |= focus_claims
    for claim in store.claims():
        if claim["id"] in shown_claims:
            _add_claim(g, claim, by_claim[claim["id"]])

    def add_actor(actor_id: str) -> None:
        if actor_id not in g:
            _add_actor(g, actors[actor_id], tracks.get(actor_id, {}))

    relays: dict[tuple[str, str], int] = defaultdict(int)
    for s in statements:
        add_actor(s["speaker_id"])
        g.add_edge(
            s["speaker_id"],
            s["claim_id"],
            key=s["id"],
            type="statement",
            stance=s["stance"],
            evidence=s["evidence"],
            quote=s["quote"],
            article_id=s["article_id"],
            article_title=s["article_title"],
            outlet=s["outlet"],
            date=s["date"],
            via=s["via"],
            rule=s["rule"],
            confidence=s["confidence"],
            cue=s["cue"],
        )
        if s["via_id"]:
            relays[(s["speaker_id"], s["via_id"])] += 1
    for (speaker, via), n in relays.items():
        add_actor(via)
        g.add_edge(speaker, via, key="relay", type="relay", n_statements=n)
    for link in store.claim_actor_links():
        if link["claim_id"] in g:
            add_actor(link["actor_id"])
            g.add_edge(link["claim_id"], link["actor_id"], key="about", type="about")
    if focus_actor is not None:
        add_actor(focus_actor)
    affiliations = store.affiliations()
    for aff in affiliations:
        member, org = aff["member_id"], aff["organization_id"]
        if (focus_claims is None and day is None) or focus_actor in (member, org):
            add_actor(member)
            add_actor(org)
        if member in g and org in g:
            g.add_edge(member, org, key=aff["role"], type="affiliation", role=aff["role"])
    _describe_affiliations(g, affiliations)
    return g


def _add_claim(g: nx.MultiDiGraph, claim: dict[str, Any], statements: list[dict[str, Any]]) -> None:
    g.add_node(
        claim["id"],
        type="claim",
        text=claim["text"],
        status=claim["status"],
        first_seen=claim["first_seen"],
        language=claim["language"],
        provenance=[provenance_line(s) for s in statements],
        n_statements=len(statements),
    )


def _add_actor(g: nx.MultiDiGraph, row: dict[str, Any], track: dict[str, int]) -> None:
    g.add_node(
        row["id"],
        type="actor",
        name=row["display_name"],
        kind=row["kind"],
        scope=row["scope"],
        aliases=[a for a in row["aliases"] if a != row["display_name"]],
        description=row["description"],
        track=dict(track),
        affiliations=[],
    )


def _describe_affiliations(g: nx.MultiDiGraph, rows: list[dict[str, Any]]) -> None:
    for aff in rows:
        member, org = aff["member_id"], aff["organization_id"]
        if member in g:
            g.nodes[member]["affiliations"].append(f"{aff['role']} of {aff['organization_name']}")
        if org in g:
            g.nodes[org]["affiliations"].append(f"{aff['role']}: {aff['member_name']}")
