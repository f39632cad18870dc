"""Place statements on claims, in one canonical order whatever the arrival order.

Claim matching is greedy (each statement joins the best existing claim), so
its result could depend on the order articles arrive in.  To make the store a
function of *what* was ingested, not *when*, statements are always placed in
canonical order: (date, undated last; article id; offset).  A new article
whose statements come before some already placed ones rewinds those to the
state before the new article's first statement (claims left with no earlier
statement are dropped, the others re-indexed from their earlier members) and
places everything again in canonical order.  For reports arriving in date
order the rewind is empty and placement is a plain append.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.claim_matching import (
    ATTACH_THRESHOLD,
    REVIEW_THRESHOLD,
    features,
    index_terms,
    similarity,
)
from graph.keys import make_id, text_key
from graph.records import ClaimStatus
from graph.store import Store

__all__ = ["ClaimAssigner", "Placement", "canonical_key"]

SortKey = tuple[bool, str, str, int]


def canonical_key(date: str | None, article_id: str, start: int) -> SortKey:
    return (date is None, date or "", article_id, start)


@dataclass
class Placement:
    """One statement to put on a claim.

    ``text`` is the wording matched against claims (None when the statement
    takes up the claim of ``refers_to_id``). ``row`` is set for a statement not
    yet in the store; existing statements are only re-assigned.
    """

    statement_id: str
    key: SortKey
    text: str | None
    language: str
    about: frozenset[str]
    refers_to_id: str | None = None
    row: dict[str, Any] | None = None
    claim_id: str = field(default="", init=False)
    score: float | None = field(default=None, init=False)


class ClaimAssigner:
    def __init__(self, store: Store, *, first_seen: str | None, article_id: str) -> None:
        self.store = store
        self.first_seen = first_seen
        self.article_id = article_id
        self.new_claims: list[dict[str, str]] = []
        self.existing_before: set[str] = set()
        self.old_status: dict[str, str] = {}

    # -- the whole placement -------------------------------------------------
    def place(self, new: list[Placement]) -> set[str]:
        """Place ``new`` (and re-place what they precede); returns the claims touched."""
        if not new:
            return set()
        k0 = min(p.key for p in new)
        new_ids = {p.statement_id for p in new}
        tail_rows = [
            r
            for r in self.store.placement_rows(None if k0[0] else k0[1])
            if r["id"] not in new_ids and canonical_key(r["date"], r["article_id"], r["start"]) > k0
        ]
        rewound = {r["claim_id"] for r in tail_rows}
        self.old_status = self.store.claim_statuses(rewound)
        self.existing_before |= rewound
        if tail_rows:
            self.store.defer_foreign_keys()
            for claim_id in rewound:
                self._rewind(claim_id, k0)
            # detached until re-placed, so they cannot lend their wording to a claim
            for r in tail_rows:
                self.store.assign_statement(r["id"], "", None, False)
        items = [
            Placement(
                r["id"],
                canonical_key(r["date"], r["article_id"], r["start"]),
                r["claim_text"],
                r["language"],
                self.store.statement_about_ids(r["id"]),
                r["refers_to_id"],
            )
            for r in tail_rows
        ] + list(new)
        placed: dict[str, str] = {}
        touched: set[str] = set()
        for item in sorted(items, key=lambda p: p.key):
            self._place_one(item, placed)
            placed[item.statement_id] = item.claim_id
            touched.add(item.claim_id)
        return touched | {c for c in rewound if self.store.has_claim(c)}

    def _place_one(self, item: Placement, placed: dict[str, str]) -> None:
        if item.refers_to_id:
            item.claim_id = placed.get(item.refers_to_id) or self._claim_of(item.refers_to_id)
            item.score = None
        else:
            item.claim_id, item.score = self._match(item)
        review = item.score is not None and item.score < ATTACH_THRESHOLD
        if item.row is not None:
            self.store.add_statement(
                {
                    **item.row,
                    "claim_id": item.claim_id,
                    "match_score": item.score,
                    "needs_review": int(review),
                }
            )
            self.store.add_statement_about(item.statement_id, item.about)
        else:
            self.store.assign_statement(item.statement_id, item.claim_id, item.score, review)
        for actor_id in item.about:
            self.store.add_claim_actor(item.claim_id, actor_id)

    def _claim_of(self, statement_id: str) -> str:
        return self.store.statement_claim_id(statement_id) or ""

    # -- matching ------------------------------------------------------------
    def _match(self, item: Placement) -> tuple[str, float | None]:
        text = item.text or ""
        feats = features(text, item.language)
        terms = index_terms(feats) | {f"a:{a}" for a in item.about}
        best: tuple[float, str] | None = None
        candidates = [c for c, _shared in self.store.claim_candidates(sorted(terms))]
        for claim_id, (language, texts, theirs) in sorted(
            self.store.candidate_profiles(candidates).items()
        ):
            score = max(
                similarity(feats, features(t, language), actors_a=item.about, actors_b=theirs)
                for t in texts
            )
            if best is None or score > best[0] or (score == best[0] and claim_id < best[1]):
                best = (score, claim_id)
        if best and best[0] >= REVIEW_THRESHOLD:
            if best[0] >= ATTACH_THRESHOLD:
                self.store.add_claim_terms(best[1], terms)
            return best[1], round(best[0], 3)
        claim_id = make_id("c", text_key(text))
        if self.store.has_claim(claim_id):
            return claim_id, 1.0
        self.store.add_claim(
            {
                "id": claim_id,
                "text": text,
                "language": item.language,
                "first_seen": item.key[1] or None,
                "first_article_id": item.row["article_id"] if item.row else self.article_id,
                "status": str(ClaimStatus.UNVERIFIED),
            },
            terms,
        )
        if claim_id not in self.existing_before:
            self.new_claims.append({"id": claim_id, "text": text})
        return claim_id, None

    # -- rewinding -----------------------------------------------------------
    def _rewind(self, claim_id: str, k0: SortKey) -> None:
        """Leave the claim as it was before the statement at ``k0`` was placed."""
        keep = [
            m
            for m in self.store.claim_members(claim_id)
            if canonical_key(m["date"], m["article_id"], m["start"]) < k0
        ]
        if not keep:
            self.store.delete_claim(claim_id)
            return
        terms: set[str] = set()
        actors: set[str] = set()
        for m in keep:
            about = self.store.statement_about_ids(m["id"])
            actors |= about
            if m["claim_text"] and not m["needs_review"]:
                terms |= index_terms(features(m["claim_text"], m["language"]))
                terms |= {f"a:{a}" for a in about}
        self.store.reset_claim_index(claim_id, terms, actors)
