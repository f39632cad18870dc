"""Merge one article's extraction into the store, in one transaction.

Steps: resolve actors by alias, attach each statement to an existing claim
(or a new one), store the statements, recompute the status of every claim
that was touched, and record what changed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from graph.assignment import ClaimAssigner, Placement, canonical_key
from graph.keys import alias_key, make_id
from graph.records import ActorKind, ActorRef, ExtractionResult, Stance
from graph.status import DatedStance, StatusChange, derive_status
from graph.store import Store

__all__ = ["ChangeReport", "merge_extraction"]

# "虎嗅网" and "虎嗅" are one outlet: a site suffix is not part of a media name.
_MEDIA_SUFFIX = re.compile(r"(网|网站|新闻网|\.com|\.cn)$", re.IGNORECASE)


@dataclass
class ChangeReport:
    """What one article changed in the store (also stored as JSON)."""

    article_id: str
    title: str = ""
    source: str | None = None
    outcome: str = "added"
    new_actors: list[dict[str, Any]] = field(default_factory=list)
    new_claims: list[dict[str, Any]] = field(default_factory=list)
    new_statements: list[dict[str, Any]] = field(default_factory=list)
    status_changes: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "source": self.source,
            "outcome": self.outcome,
            "new_actors": self.new_actors,
            "new_claims": self.new_claims,
            "new_statements": self.new_statements,
            "status_changes": self.status_changes,
        }

    def summary(self) -> str:
        if self.outcome == "unchanged":
            return "unchanged"
        on_existing = sum(1 for s in self.new_statements if s["existing_claim"])
        return (
            f"{len(self.new_statements)} statements ({on_existing} on existing claims), "
            f"{len(self.new_claims)} new claims, {len(self.new_actors)} new actors, "
            f"{len(self.status_changes)} status changes"
        )


class _Merger:
    def __init__(self, store: Store, result: ExtractionResult, ingested_at: str) -> None:
        self.store = store
        self.result = result
        self.article = result.article
        self.ingested_at = ingested_at
        self.report = ChangeReport(
            article_id=self.article.id, title=self.article.title, source=self.article.source
        )
        self._actor_cache: dict[ActorRef, str] = {}
        self._links: set[tuple[str, str]] = set()

    # -- actors ------------------------------------------------------------
    @staticmethod
    def _aliases(ref: ActorRef) -> list[tuple[str, str]]:
        """``(key, alias text)`` pairs under which ``ref`` is known, first one canonical."""
        names = [ref.name, *ref.aliases]
        if ref.kind == ActorKind.MEDIA:
            names += [_MEDIA_SUFFIX.sub("", n) for n in names]
        pairs: dict[str, str] = {}
        for n in names:
            text = f"{n} @ {ref.scope}" if ref.scope else n
            key = alias_key(text)
            if key and n:
                pairs.setdefault(key, text)
        return list(pairs.items())

    def actor(self, ref: ActorRef) -> str:
        if ref in self._actor_cache:
            return self._actor_cache[ref]
        resolved = ref
        if ref.scope:
            scope_id = self.actor(ActorRef(ref.scope, ActorKind.MEDIA))
            scope_row = self.store.actor(scope_id)
            resolved = replace(ref, scope=scope_row["name"] if scope_row else ref.scope)
        aliases = self._aliases(resolved)
        actor_id = next((a for a in (self.store.actor_by_alias(k) for k, _ in aliases) if a), None)
        if actor_id is None:
            actor_id = make_id("a", aliases[0][0])
            self.store.add_actor(
                {
                    "id": actor_id,
                    "name": resolved.name,
                    "kind": str(resolved.kind),
                    "scope": resolved.scope,
                    "description": resolved.description,
                    "first_seen": _iso(self.article.published),
                }
            )
            self.report.new_actors.append(
                {"id": actor_id, "name": resolved.display_name, "kind": str(resolved.kind)}
            )
        elif resolved.description:
            self.store.update_actor_description(actor_id, resolved.description)
        for key, alias in aliases:
            self.store.add_alias(key, alias, actor_id)
        self._actor_cache[ref] = actor_id
        return actor_id

    def _link(self, actor_id: str, role: str) -> None:
        """Link the article to an actor in a role, once (several mentions name one actor)."""
        if (actor_id, role) not in self._links:
            self._links.add((actor_id, role))
            self.store.link_article_actor(self.article.id, actor_id, role)

    def recompute_status(self, claim_id: str, old_status: dict[str, str]) -> None:
        claim = self.store.claim(claim_id)
        if claim is None:
            return
        status, history = refresh_claim_status(self.store, claim_id)
        old = old_status.get(claim_id, claim["status"])
        if status == old:
            return
        cause = history[-1].statement_id if history else None
        by = next(
            (
                h["speaker_name"]
                for h in self.store.status_history(claim_id)
                if h["statement_id"] == cause
            ),
            None,
        )
        self.report.status_changes.append(
            {
                "claim_id": claim_id,
                "text": claim["text"],
                "old": old,
                "new": str(status),
                "by": by,
                "statement_id": cause,
                "article_id": self.article.id,
            }
        )

    # -- the whole article ---------------------------------------------------
    def run(self) -> ChangeReport:
        a = self.article
        seq = self.store.add_article(
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "url": a.url,
                "published": _iso(a.published),
                "language": a.language,
                "source": a.source,
                "republished_from": a.republished_from,
                "republished_by": a.republished_by,
                "ingested_at": self.ingested_at,
                "text": a.text,
            }
        )
        for ref in self.result.mentions:
            self._link(self.actor(ref), "mention")
        for name, role in (
            (a.outlet, "outlet"),
            (a.republished_from, "origin"),
            (a.republished_by, "portal"),
        ):
            if name:
                self._link(self.actor(ActorRef(name, ActorKind.MEDIA)), role)
        for aff in self.result.affiliations:
            self.store.add_affiliation(
                {
                    "member_id": self.actor(aff.member),
                    "organization_id": self.actor(aff.organization),
                    "role": aff.role,
                    "article_id": a.id,
                    "evidence": aff.evidence,
                    "rule": aff.rule,
                }
            )
        assigner = ClaimAssigner(self.store, first_seen=_iso(a.published), article_id=a.id)
        placements: list[Placement] = []
        local_ids: dict[str, str] = {}
        for st in self.result.statements:
            speaker_id = self.actor(st.speaker)
            self._link(speaker_id, "speaker")
            statement_id = make_id("s", a.id, st.start, st.end, speaker_id, st.rule, st.local_id)
            local_ids[st.local_id] = statement_id
            refers = local_ids.get(st.refers_to) if st.refers_to else None
            text = None if refers else (st.claim_text or st.evidence)
            placements.append(
                Placement(
                    statement_id,
                    canonical_key(_iso(a.published), a.id, st.start),
                    text,
                    a.language,
                    frozenset(self.actor(ref) for ref in st.about),
                    refers,
                    row={
                        "id": statement_id,
                        "speaker_id": speaker_id,
                        "stance": str(st.stance),
                        "article_id": a.id,
                        "evidence": st.evidence,
                        "quote": st.quote,
                        "start": st.start,
                        "end": st.end,
                        "quote_start": st.quote_start,
                        "quote_end": st.quote_end,
                        "cue": st.cue,
                        "hedges": st.hedges,
                        "via_id": self.actor(st.via) if st.via else None,
                        "rule": st.rule,
                        "confidence": st.confidence,
                        "claim_text": text,
                        "refers_to_id": refers,
                        "date": _iso(a.published),
                        "ingested_at": self.ingested_at,
                    },
                )
            )
        touched = assigner.place(placements)
        self.report.new_claims = assigner.new_claims
        new_claim_ids = {c["id"] for c in assigner.new_claims}
        for p, st in zip(placements, self.result.statements, strict=True):
            self.report.new_statements.append(
                {
                    "id": p.statement_id,
                    "claim_id": p.claim_id,
                    "speaker": st.speaker.display_name,
                    "stance": str(st.stance),
                    "existing_claim": p.claim_id not in new_claim_ids,
                    "match_score": p.score,
                }
            )
        for claim_id in sorted(touched):
            self.recompute_status(claim_id, assigner.old_status)
        self.store.add_change_report(a.id, seq, self.report.to_dict())
        return self.report


def refresh_claim_status(store: Store, claim_id: str) -> tuple[str, list[StatusChange]]:
    """Derive a claim's status from its statements, store it; (effective status, history).

    A curated override (``Store.set_status_override``) wins over the derived
    status; the derived history is kept either way.
    """
    about = store.claim_actor_ids(claim_id)
    facts = store.claim_statement_facts(claim_id)
    orgs: dict[str, set[str]] = {}
    for f in facts:
        if f["speaker_id"] not in orgs:
            orgs[f["speaker_id"]] = store.affiliated_org_ids(f["speaker_id"]) if about else set()
    stances = [
        DatedStance(
            statement_id=f["id"],
            stance=Stance(f["stance"]),
            date=dt.date.fromisoformat(f["date"]) if f["date"] else None,
            authoritative=bool(
                about and (f["speaker_id"] in about or orgs[f["speaker_id"]] & about)
            ),
            order=(f["article_id"], f["start"]),
        )
        for f in facts
    ]
    derived, history = derive_status(stances)
    dates = [s.date for s in stances if s.date]
    effective = store.set_claim_status(
        claim_id,
        str(derived),
        _iso(min(dates)) if dates else None,
        [
            {"status": str(h.status), "date": _iso(h.date), "statement_id": h.statement_id}
            for h in history
        ],
    )
    return effective, history


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def merge_extraction(
    store: Store, result: ExtractionResult, *, ingested_at: dt.datetime | None = None
) -> ChangeReport:
    """Put one article's records into ``store``; all or nothing.

    Ingesting an article whose id is already stored changes nothing and
    returns a report with ``outcome == "unchanged"``.
    """
    stamp = (ingested_at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    with store.transaction():
        if store.has_article(result.article.id):
            return ChangeReport(
                article_id=result.article.id,
                title=result.article.title,
                source=result.article.source,
                outcome="unchanged",
            )
        return _Merger(store, result, stamp).run()
