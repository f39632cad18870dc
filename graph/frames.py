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
    "change_report_frame",
    "changes",
    "claims",
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
SPREADING = frozenset({"asserts", "reports"})


def table(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns))


def with_dates(frame: pd.DataFrame, *columns: str, utc: bool = False) -> pd.DataFrame:
    for c in columns:
        frame[c] = pd.to_datetime(frame[c], utc=utc)
    return frame


def statement_role(stance: str, *, first: bool, via: str | None) -> str:
    """Name the part a statement plays: first, repeated, relayed, denied...

    >>> statement_role("reports", first=False, via="Axios")
    'relayed'
    """
    if stance in SPREADING:
        if first:
            return "first"
        return "relayed" if via else "repeated"
    return ROLES.get(stance, stance)


def with_roles(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of one claim, in provenance order, each with its ``role``."""
    seen_first = False
    out = []
    for r in rows:
        first = not seen_first and r["stance"] in SPREADING
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
        firsts = [s for s in sts if s["stance"] in SPREADING] or sts
        rows.append(
            {
                **c,
                "n_statements": len(sts),
                "n_denials": sum(s["stance"] == "denies" for s in sts),
                "n_confirmations": sum(s["stance"] == "confirms" for s in sts),
                "first_speaker": firsts[0]["speaker_name"] if firsts else None,
            }
        )
    return with_dates(table(rows, CLAIM_COLUMNS), "first_seen")


def statements(store: Store) -> pd.DataFrame:
    """One row per statement, in date, ingest and offset order."""
    frame = table(store.statement_details(), STATEMENT_COLUMNS)
    with_dates(frame, "ingested_at", utc=True)
    return with_dates(frame, "date")


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
    return table(rows, ACTOR_COLUMNS)


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
    return with_dates(table(rows, PROVENANCE_COLUMNS), "date")


def status_history(store: Store, claim_id: str | None = None) -> pd.DataFrame:
    """Every status change (of one claim, or all), with the speaker that caused it."""
    return with_dates(table(store.status_history(claim_id), HISTORY_COLUMNS), "date")


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
    return table(rows, CHANGE_COLUMNS)


CHANGE_REPORT_COLUMNS = (
    "article_id",
    "title",
    "change",
    "id",
    "claim_id",
    "text",
    "speaker",
    "stance",
    "old",
    "new",
)


def change_report_frame(reports: Any) -> pd.DataFrame:
    """What one or more ingested articles changed, one row per change.

    ``reports`` is a :class:`graph.merge.ChangeReport`, its ``to_dict()``
    form (as stored, see :func:`changes`), or a list of either.  ``change``
    is ``new actor``, ``new claim``, ``new statement`` or ``status change``.

    Examples
    --------
    >>> report = {"article_id": "a1", "title": "T", "new_claims": [{"id": "c1", "text": "x"}]}
    >>> change_report_frame(report)[["change", "id", "text"]].values.tolist()
    [['new claim', 'c1', 'x']]
    """
    if not isinstance(reports, (list, tuple)):
        reports = [reports]
    rows: list[dict[str, Any]] = []
    for report in reports:
        r = report.to_dict() if hasattr(report, "to_dict") else dict(report)
        base = {"article_id": r.get("article_id"), "title": r.get("title", "")}
        for a in r.get("new_actors", []):
            rows.append(
                {
                    **base,
                    "change": "new actor",
                    "id": a["id"],
                    "text": f"{a['name']} ({a.get('kind', '?')})",
                }
            )
        for c in r.get("new_claims", []):
            rows.append(
                {
                    **base,
                    "change": "new claim",
                    "id": c["id"],
                    "claim_id": c["id"],
                    "text": c["text"],
                }
            )
        for s in r.get("new_statements", []):
            rows.append(
                {
                    **base,
                    "change": "new statement",
                    "id": s["id"],
                    "claim_id": s["claim_id"],
                    "speaker": s["speaker"],
                    "stance": s["stance"],
                }
            )
        for c in r.get("status_changes", []):
            rows.append(
                {
                    **base,
                    "change": "status change",
                    "id": c["statement_id"],
                    "claim_id": c["claim_id"],
                    "text": c["text"],
                    "speaker": c["by"],
                    "old": c["old"],
                    "new": c["new"],
                }
            )
    return table(rows, CHANGE_REPORT_COLUMNS)
