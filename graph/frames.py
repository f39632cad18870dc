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
    "anonymous_sources",
    "change_report_frame",
    "changes",
    "claims",
    "contradictions",
    "decided_claims",
    "provenance",
    "relay_chain",
    "source_record",
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


# -- analyst's views: relay chains, sources, contradictions, changes -------------

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
    return _dates(_frame(rows, RELAY_COLUMNS), "date")


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
    return _dates(_frame(rows, SOURCE_COLUMNS), "first_date")


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
    return _frame(rows, ANONYMOUS_COLUMNS)


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
        stated = [s for s in sts if s["stance"] in _SPREADING]
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
    return _dates(_frame(rows, CONTRADICTION_COLUMNS), "stated_on", "answered_on")


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
    return _frame(rows, CHANGE_REPORT_COLUMNS)
