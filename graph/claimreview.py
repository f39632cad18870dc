"""schema.org ``ClaimReview`` JSON-LD for every denied or confirmed claim.

A claim the news resolved is published the way fact-checks are
(https://schema.org/ClaimReview): the ``Claim`` reviewed, with the actor who
stated it first, when and where; the actor whose denial or confirmation gave
the claim its current status as the review's ``author``; a ``Rating`` of 1
(denied: false) or 5 (confirmed: true).  The "review" is the news itself —
the decisive statement — not a judgement of ours, and ``alternateName`` says so
("False (denied by TikTok)").

Examples
--------
>>> from graph.store import Store
>>> with Store(":memory:") as store:
...     claim_reviews(store)
[]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.export import write_text_atomic
from graph.frames import with_roles
from graph.store import Store

__all__ = ["RATINGS", "actor_node", "claim_reviews", "write_claim_reviews"]

SCHEMA_ORG = "https://schema.org"
# status -> (ratingValue, alternateName prefix)
RATINGS: dict[str, tuple[int, str]] = {"denied": (1, "False"), "confirmed": (5, "True")}
_VERB = {"denied": "denied", "confirmed": "confirmed"}
_TYPES = {
    "person": "Person",
    "anonymous": "Person",
    "media": "NewsMediaOrganization",
    "organization": "Organization",
    "group": "Organization",
}


def actor_node(name: str, kind: str | None) -> dict[str, Any]:
    """A schema.org ``Person`` / ``Organization`` for an actor of ``kind``.

    >>> actor_node("业内人士 @ 虎嗅", "anonymous")
    {'@type': 'Person', 'name': '业内人士 @ 虎嗅'}
    """
    return {"@type": _TYPES.get(kind or "", "Organization"), "name": name}


def _article_node(article: dict[str, Any] | None) -> dict[str, Any] | None:
    if not article:
        return None
    node: dict[str, Any] = {"@type": "NewsArticle"}
    if article.get("url"):
        node["url"] = article["url"]
    if article.get("title"):
        node["headline"] = article["title"]
    if article.get("published"):
        node["datePublished"] = article["published"]
    if article.get("outlet"):
        node["publisher"] = {"@type": "NewsMediaOrganization", "name": article["outlet"]}
    if article.get("language"):
        node["inLanguage"] = article["language"]
    return node if len(node) > 1 else None


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, [], {})}


def claim_reviews(store: Store) -> list[dict[str, Any]]:
    """One ``ClaimReview`` per denied or confirmed claim, oldest claim first.

    The review's ``author`` and ``datePublished`` come from the statement
    that moved the claim into its current status (its last such change in the
    status history); ``url`` is the article that statement was in.
    ``itemReviewed.author`` is the actor of the first asserting or reporting
    statement, ``datePublished`` its date, ``firstAppearance`` its article and
    ``appearance`` every article that spread the claim.
    """
    articles = {a["id"]: a for a in store.articles()}
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for s in store.statement_details():
        by_claim.setdefault(s["claim_id"], []).append(s)
    history: dict[str, list[dict[str, Any]]] = {}
    for h in store.status_history():
        history.setdefault(h["claim_id"], []).append(h)
    reviews = []
    for claim in store.claims():
        status = claim["status"]
        if status not in RATINGS:
            continue
        rows = with_roles(by_claim.get(claim["id"], []))
        by_id = {r["id"]: r for r in rows}
        changes = [h for h in history.get(claim["id"], []) if h["status"] == status]
        decisive = by_id.get(changes[-1]["statement_id"]) if changes else None
        first = next((r for r in rows if r["role"] == "first"), None)
        spread = [r for r in rows if r["stance"] in ("asserts", "reports")]
        appearances = [
            node
            for node in (
                _article_node(articles.get(aid))
                for aid in dict.fromkeys(r["article_id"] for r in spread)
            )
            if node
        ]
        value, verdict = RATINGS[status]
        by_name = decisive["speaker_name"] if decisive else "unknown"
        decisive_article = articles.get(decisive["article_id"]) if decisive else None
        item = _drop_none(
            {
                "@type": "Claim",
                "author": actor_node(first["speaker_name"], first["speaker_kind"])
                if first
                else None,
                "datePublished": first["date"] if first else claim["first_seen"],
                "firstAppearance": _article_node(articles.get(first["article_id"]))
                if first
                else None,
                "appearance": appearances,
                "inLanguage": claim["language"],
            }
        )
        reviews.append(
            _drop_none(
                {
                    "@context": SCHEMA_ORG,
                    "@type": "ClaimReview",
                    "identifier": claim["id"],
                    "claimReviewed": claim["text"],
                    "itemReviewed": item,
                    "author": actor_node(decisive["speaker_name"], decisive["speaker_kind"])
                    if decisive
                    else None,
                    "datePublished": changes[-1]["date"] if changes else None,
                    "url": (decisive_article or {}).get("url"),
                    "reviewBody": decisive["quote"] or decisive["evidence"] if decisive else None,
                    "reviewRating": {
                        "@type": "Rating",
                        "ratingValue": value,
                        "bestRating": 5,
                        "worstRating": 1,
                        "alternateName": f"{verdict} ({_VERB[status]} by {by_name})",
                    },
                }
            )
        )
    return reviews


def write_claim_reviews(store: Store, path: str | Path) -> Path:
    """Write :func:`claim_reviews` to ``path`` as a JSON array (UTF-8, readable Chinese)."""
    text = json.dumps(claim_reviews(store), ensure_ascii=False, indent=2)
    return write_text_atomic(path, text + "\n")
