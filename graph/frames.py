"""pandas views of the store, for notebooks.

Every function takes a :class:`~graph.store.Store` and returns a new
``DataFrame``; an empty store gives empty frames with the same columns.
Dates are pandas datetimes (``NaT`` when unknown); list-valued cells
(``aliases``, ``hedges``) hold Python lists.

Examples
--------
>>> from graph.store import Store
>>> with Store(":memory:") as store:
...     list(claims(store).columns)[:3]
['id', 'text', 'status']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from graph.network import NotFoundError, track_records
from graph.store import Store

__all__ = [
    "ROLES",
    "actors",
    "changes",
    "claims",
    "decided_claims",
    "provenance",
    "statement_role",
    "statements",
    "status_history",
    "with_roles",
]

CLAIM_COLUMNS = (
    "id",
    "text",
    "status",
    "language",
    "first_seen",
    "n_statements",
    "n_denials",
    "n_confirmations",
    "first_speaker",
)
STATEMENT_COLUMNS = (
    "id",
    "claim_id",
    "claim_text",
    "speaker_id",
    "speaker_name",
    "speaker_kind",
    "stance",
    "date",
    "article_id",
    "article_title",
    "outlet",
    "via",
    "evidence",
    "quote",
    "start",
    "end",
    "cue",
    "hedges",
    "rule",
    "confidence",
    "ingested_at",
)
ACTOR_COLUMNS = (
    "id",
    "name",
    "display_name",
    "kind",
    "scope",
    "aliases",
    "description",
    "n_statements",
    "confirmed",
    "denied",
    "unverified",
    "disputed",
)
PROVENANCE_COLUMNS = (
    "date",
    "speaker_name",
    "speaker_kind",
    "stance",
    "via",
    "outlet",
    "article_title",
    "evidence",
    "quote",
    "role",
    "statement_id",
    "article_id",
)
HISTORY_COLUMNS = ("claim_id", "seq", "status", "date", "statement_id", "speaker_name")
CHANGE_COLUMNS = (
    "article_id",
    "seq",
    "title",
    "outcome",
    "new_actors",
    "new_claims",
    "new_statements",
    "status_changes",
    "report",
)

# The part a statement plays in the life of its claim (besides "first"/"repeated"/"relayed").
ROLES = {
    "denies": "denied",
    "confirms": "confirmed",
    "questions": "questioned",
    "no_comment": "no comment",
}
_SPREADING = frozenset({"asserts", "reports"})


def _frame(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns))


def _dates(frame: pd.DataFrame, *columns: str, utc: bool = False) -> pd.DataFrame:
    for c in columns:
        frame[c] = pd.to_datetime(frame[c], utc=utc)
    return frame


def statement_role(stance: str, *, first: bool, via: str | None) -> str:
    """Name the part a statement plays: first, repeated, relayed, denied...

    >>> statement_role("reports", first=False, via="Axios")
    'relayed'
    """
    if stance in _SPREADING:
        if first:
            return "first"
        return "relayed" if via else "repeated"
    return ROLES.get(stance, stance)


def with_roles(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of one claim, in provenance order, each with its ``role``."""
    seen_first = False
    out = []
    for r in rows:
        first = not seen_first and r["stance"] in _SPREADING
        seen_first = seen_first or first
        out.append({**r, "role": statement_role(r["stance"], first=first, via=r["via"])})
    return out


def claims(store: Store) -> pd.DataFrame:
    """One row per claim, oldest first, with statement counts and who said it first."""
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for s in store.statement_details():
        by_claim.setdefault(s["claim_id"], []).append(s)
    rows = []
    for c in store.claims():
        sts = by_claim.get(c["id"], [])
        firsts = [s for s in sts if s["stance"] in _SPREADING] or sts
        rows.append(
            {
                **c,
                "n_statements": len(sts),
                "n_denials": sum(s["stance"] == "denies" for s in sts),
                "n_confirmations": sum(s["stance"] == "confirms" for s in sts),
                "first_speaker": firsts[0]["speaker_name"] if firsts else None,
            }
        )
    return _dates(_frame(rows, CLAIM_COLUMNS), "first_seen")


def statements(store: Store) -> pd.DataFrame:
    """One row per statement, in date, ingest and offset order."""
    frame = _frame(store.statement_details(), STATEMENT_COLUMNS)
    _dates(frame, "ingested_at", utc=True)
    return _dates(frame, "date")


def actors(store: Store) -> pd.DataFrame:
    """One row per actor with its statement count and track record.

    ``confirmed`` ... ``disputed`` count the distinct claims the actor asserted
    or reported, by the claim's current status.
    """
    details = store.statement_details()
    tracks = track_records(details)
    counts: dict[str, int] = {}
    for s in details:
        counts[s["speaker_id"]] = counts.get(s["speaker_id"], 0) + 1
    rows = [
        {
            **a,
            "n_statements": counts.get(a["id"], 0),
            **{k: 0 for k in ("confirmed", "denied", "unverified", "disputed")},
            **tracks.get(a["id"], {}),
        }
        for a in store.actors()
    ]
    return _frame(rows, ACTOR_COLUMNS)


def provenance(store: Store, claim_id: str) -> pd.DataFrame:
    """The statements of one claim in the order they happened, with their role.

    Order: date (undated last), article ingest order, offset in the article.
    ``role`` is "first" for the earliest asserting or reporting statement,
    then "repeated" / "relayed" (came through another outlet or actor) /
    "denied" / "confirmed" / "questioned" / "no comment".

    Raises
    ------
    NotFoundError
        When the store has no such claim.
    """
    if store.claim(claim_id) is None:
        raise NotFoundError(f"unknown claim: {claim_id}")
    rows = [{**r, "statement_id": r["id"]} for r in with_roles(store.statement_details(claim_id))]
    return _dates(_frame(rows, PROVENANCE_COLUMNS), "date")


def status_history(store: Store, claim_id: str | None = None) -> pd.DataFrame:
    """Every status change (of one claim, or all), with the speaker that caused it."""
    return _dates(_frame(store.status_history(claim_id), HISTORY_COLUMNS), "date")


def changes(store: Store) -> pd.DataFrame:
    """One row per ingested article: what it changed (counts) and the full report."""
    rows = []
    for r in store.change_reports():
        report = r["report"]
        rows.append(
            {
                "article_id": r["article_id"],
                "seq": r["seq"],
                "title": report.get("title", ""),
                "outcome": report.get("outcome"),
                **{
                    k: len(report.get(k, []))
                    for k in ("new_actors", "new_claims", "new_statements", "status_changes")
                },
                "report": report,
            }
        )
    return _frame(rows, CHANGE_COLUMNS)


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
        spread = [s for s in sts if s["stance"] in _SPREADING]
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
    return _dates(_frame(rows, DECIDED_COLUMNS), "first_stated", "decided_on")
