"""Analyses of the store for notebooks: who decided claims, relay chains, sources.

Built on the tables of :mod:`graph.frames`; every function takes a
:class:`~graph.store.Store` and returns a new ``DataFrame`` (empty, with the
same columns, for an empty store).

Examples
--------
>>> from graph.store import Store
>>> with Store(":memory:") as store:
...     list(source_record(store).columns)[:3]
['actor_id', 'name', 'kind']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from graph.frames import SPREADING, table, with_dates, with_roles
from graph.network import NotFoundError
from graph.store import Store

__all__ = [
    "anonymous_sources",
    "contradictions",
    "decided_claims",
    "relay_chain",
    "source_record",
]

DECIDED_COLUMNS = (
    "claim_id",
    "text",
    "status",
    "stated_by",
    "first_stated",
    "decided_by",
    "decided_on",
)


def decided_claims(store: Store, status: str = "denied") -> pd.DataFrame:
    """Claims with ``status`` (denied, confirmed, disputed): who stated, who decided.

    ``stated_by`` lists who asserted or reported the claim, in date order;
    ``decided_by`` who denied (or confirmed) it; ``decided_on`` the date the
    claim took its current status.
    """
    side = {"denied": {"denies"}, "confirmed": {"confirms"}}.get(status, {"denies", "confirms"})
    history = {h["claim_id"]: h for h in store.status_history()}
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for s in store.statement_details():
        by_claim.setdefault(s["claim_id"], []).append(s)
    rows = []
    for c in store.claims():
        if c["status"] != status:
            continue
        sts = by_claim.get(c["id"], [])
        spread = [s for s in sts if s["stance"] in SPREADING]
        rows.append(
            {
                "claim_id": c["id"],
                "text": c["text"],
                "status": c["status"],
                "stated_by": list(dict.fromkeys(s["speaker_name"] for s in spread)),
                "first_stated": spread[0]["date"] if spread else None,
                "decided_by": list(
                    dict.fromkeys(s["speaker_name"] for s in sts if s["stance"] in side)
                ),
                "decided_on": history[c["id"]]["date"] if c["id"] in history else None,
            }
        )
    return with_dates(table(rows, DECIDED_COLUMNS), "first_stated", "decided_on")


RELAY_COLUMNS = (
    "claim_id",
    "date",
    "speaker_name",
    "speaker_kind",
    "stance",
    "role",
    "via",
    "outlet",
    "republished_from",
    "republished_by",
    "chain",
    "article_title",
    "statement_id",
)
SOURCE_COLUMNS = (
    "actor_id",
    "name",
    "kind",
    "started",
    "confirmed",
    "denied",
    "disputed",
    "unverified",
    "first_date",
)
ANONYMOUS_COLUMNS = (
    "outlet",
    "descriptor",
    "actor_id",
    "n_statements",
    "n_claims",
    "confirmed",
    "denied",
    "disputed",
    "unverified",
)
CONTRADICTION_COLUMNS = (
    "claim_id",
    "claim_text",
    "claim_status",
    "stated_by",
    "stated_stance",
    "stated_on",
    "answered_by",
    "answer",
    "answered_on",
)
_STATUSES = ("confirmed", "denied", "disputed", "unverified")


def _chain(*hops: str | None) -> str:
    """Hops joined by arrows, empty and repeated neighbours dropped."""
    out: list[str] = []
    for hop in hops:
        if hop and (not out or out[-1] != hop):
            out.append(hop)
    return " → ".join(out)


def relay_chain(store: Store, claim_id: str | None = None) -> pd.DataFrame:
    """How each statement of a claim (or of every claim) reached the reader.

    One row per statement, in provenance order: the speaker, the actor or
    outlet it came ``via`` (据外媒Axios报道), the ``outlet`` of the article, the
    outlet the article was ``republished_from`` and the portal that
    ``republished_by`` it.  ``chain`` joins them in the order the words
    travelled, e.g. ``知情人士 @ 《华尔街日报》 → 《华尔街日报》 → 虎嗅`` or
    ``Axios → 36氪 → 投资界``.

    Raises
    ------
    NotFoundError
        When ``claim_id`` is given and the store has no such claim.

    Examples
    --------
    >>> with Store(":memory:") as store:
    ...     relay_chain(store).empty
    True
    """
    if claim_id is not None and store.claim(claim_id) is None:
        raise NotFoundError(f"unknown claim: {claim_id}")
    articles = {a["id"]: a for a in store.articles()}
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for s in store.statement_details(claim_id):
        by_claim.setdefault(s["claim_id"], []).append(s)
    rows = []
    for sts in by_claim.values():
        for r in with_roles(sts):
            art = articles.get(r["article_id"], {})
            rows.append(
                {
                    **r,
                    "statement_id": r["id"],
                    "republished_from": art.get("republished_from"),
                    "republished_by": art.get("republished_by"),
                    "chain": _chain(
                        r["speaker_name"],
                        r["via"],
                        art.get("republished_from"),
                        r["outlet"],
                        art.get("republished_by"),
                    ),
                }
            )
    return with_dates(table(rows, RELAY_COLUMNS), "date")


def source_record(store: Store) -> pd.DataFrame:
    """Actors ranked by how many claims they started, and how those claims ended.

    An actor "started" a claim when it made the claim's first asserting or
    reporting statement (role ``first`` in :func:`provenance`).  The status
    columns count the started claims by their current status; ``first_date``
    is the earliest of those starts.
    """
    statuses = {c["id"]: c["status"] for c in store.claims()}
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for s in store.statement_details():
        by_claim.setdefault(s["claim_id"], []).append(s)
    record: dict[str, dict[str, Any]] = {}
    for cid, sts in by_claim.items():
        first = next((r for r in with_roles(sts) if r["role"] == "first"), None)
        if first is None:
            continue
        row = record.setdefault(
            first["speaker_id"],
            {
                "actor_id": first["speaker_id"],
                "name": first["speaker_name"],
                "kind": first["speaker_kind"],
                "started": 0,
                **{k: 0 for k in _STATUSES},
                "first_date": None,
            },
        )
        row["started"] += 1
        row[statuses[cid]] = row.get(statuses[cid], 0) + 1
        if first["date"] and (row["first_date"] is None or first["date"] < row["first_date"]):
            row["first_date"] = first["date"]
    rows = sorted(
        record.values(), key=lambda r: (-r["started"], -r["denied"], -r["confirmed"], r["name"])
    )
    return with_dates(table(rows, SOURCE_COLUMNS), "first_date")


def anonymous_sources(store: Store) -> pd.DataFrame:
    """Anonymous sources per outlet: how much each said and how its claims ended.

    One row per anonymous actor ("业内人士 @ 虎嗅": ``descriptor`` 业内人士,
    ``outlet`` 虎嗅), with its statements, the distinct claims it spoke on, and
    those claims counted by current status.  Sorted by outlet, then by
    statements.
    """
    stats: dict[str, dict[str, Any]] = {}
    for a in store.actors():
        if a["kind"] == "anonymous":
            stats[a["id"]] = {
                "outlet": a["scope"],
                "descriptor": a["name"],
                "actor_id": a["id"],
                "n_statements": 0,
                "claims": {},
            }
    for s in store.statement_details():
        row = stats.get(s["speaker_id"])
        if row is not None:
            row["n_statements"] += 1
            row["claims"][s["claim_id"]] = s["claim_status"]
            row["outlet"] = row["outlet"] or s["outlet"]
    rows = [
        {
            **r,
            "n_claims": len(r["claims"]),
            **{k: sum(v == k for v in r["claims"].values()) for k in _STATUSES},
        }
        for r in stats.values()
    ]
    rows.sort(key=lambda r: (r["outlet"] or "", -r["n_statements"], r["descriptor"]))
    return table(rows, ANONYMOUS_COLUMNS)


def contradictions(store: Store) -> pd.DataFrame:
    """Who contradicts (or backs) whom: asserting actor vs. denying/confirming actor.

    One row per (claim, actor who asserted or reported it, actor who denied or
    confirmed it), with the first date of each side.  ``answer`` is the
    second actor's stance (``denies`` or ``confirms``).  Sorted by the
    answer's date.
    """
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for s in store.statement_details():
        by_claim.setdefault(s["claim_id"], []).append(s)
    pairs: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for cid, sts in by_claim.items():
        stated = [s for s in sts if s["stance"] in SPREADING]
        answers = [s for s in sts if s["stance"] in ("denies", "confirms")]
        for a in stated:
            for b in answers:
                key = (cid, a["speaker_id"], b["speaker_id"], b["stance"])
                # statement_details is in date order: the first pair seen has the first dates
                pairs.setdefault(
                    key,
                    {
                        "claim_id": cid,
                        "claim_text": a["claim_text"],
                        "claim_status": a["claim_status"],
                        "stated_by": a["speaker_name"],
                        "stated_stance": a["stance"],
                        "stated_on": a["date"],
                        "answered_by": b["speaker_name"],
                        "answer": b["stance"],
                        "answered_on": b["date"],
                    },
                )
    rows = sorted(
        pairs.values(),
        key=lambda r: (r["answered_on"] is None, r["answered_on"] or "", r["claim_id"]),
    )
    return with_dates(table(rows, CONTRADICTION_COLUMNS), "stated_on", "answered_on")
