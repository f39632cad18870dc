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

from graph.claim_matching import (
    ATTACH_THRESHOLD,
    REVIEW_THRESHOLD,
    features,
    index_terms,
    similarity,
)
from graph.keys import alias_key, make_id, text_key
from graph.records import ActorKind, ActorRef, ClaimStatus, ExtractionResult, Stance
from graph.status import DatedStance, derive_status
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

    # -- claims --------------------------------------------------------------
    def claim_for(self, text: str, about: frozenset[str]) -> tuple[str, float | None, bool]:
        """(claim id, match score, whether the claim already existed).

        A match between the review and attach thresholds still attaches; the
        statement's ``match_score`` tells a reviewer to look at it.
        """
        language = self.article.language
        feats = features(text, language)
        terms = index_terms(feats) | {f"a:{a}" for a in about}
        best: tuple[float, str] | None = None
        for claim_id, _shared in self.store.claim_candidates(sorted(terms)):
            claim = self.store.claim(claim_id)
            if claim is None:
                continue
            theirs = frozenset(self.store.claim_actor_ids(claim_id))
            score = max(
                similarity(feats, features(t, claim["language"]), actors_a=about, actors_b=theirs)
                for t in self.store.claim_texts(claim_id)
            )
            if best is None or score > best[0]:
                best = (score, claim_id)
        if best and best[0] >= REVIEW_THRESHOLD:
            if best[0] >= ATTACH_THRESHOLD:
                self.store.add_claim_terms(best[1], terms)
            return best[1], round(best[0], 3), True
        claim_id = make_id("c", text_key(text))
        if self.store.claim(claim_id):
            return claim_id, 1.0, True
        self.store.add_claim(
            {
                "id": claim_id,
                "text": text,
                "language": language,
                "first_seen": _iso(self.article.published),
                "first_article_id": self.article.id,
                "status": str(ClaimStatus.UNVERIFIED),
            },
            terms,
        )
        self.report.new_claims.append({"id": claim_id, "text": text})
        return claim_id, None, False

    def recompute_status(self, claim_id: str) -> None:
        claim = self.store.claim(claim_id)
        if claim is None:
            return
        about = self.store.claim_actor_ids(claim_id)
        facts = self.store.claim_statement_facts(claim_id)
        stances = [
            DatedStance(
                statement_id=f["id"],
                stance=Stance(f["stance"]),
                date=dt.date.fromisoformat(f["date"]) if f["date"] else None,
                authoritative=bool(
                    about
                    and (
                        f["speaker_id"] in about
                        or self.store.affiliated_org_ids(f["speaker_id"]) & about
                    )
                ),
                order=(f["seq"], f["start"]),
            )
            for f in facts
        ]
        status, history = derive_status(stances)
        dates = [s.date for s in stances if s.date]
        self.store.set_claim_status(
            claim_id,
            str(status),
            _iso(min(dates)) if dates else None,
            [
                {"status": str(h.status), "date": _iso(h.date), "statement_id": h.statement_id}
                for h in history
            ],
        )
        if status == claim["status"]:
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
                "old": claim["status"],
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
            self.store.link_article_actor(a.id, self.actor(ref), "mention")
        for name, role in (
            (a.outlet, "outlet"),
            (a.republished_from, "origin"),
            (a.republished_by, "portal"),
        ):
            if name:
                self.store.link_article_actor(
                    a.id, self.actor(ActorRef(name, ActorKind.MEDIA)), role
                )
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
        local_claims: dict[str, str] = {}
        touched: dict[str, None] = {}
        for st in self.result.statements:
            speaker_id = self.actor(st.speaker)
            self.store.link_article_actor(a.id, speaker_id, "speaker")
            via_id = self.actor(st.via) if st.via else None
            about = frozenset(self.actor(ref) for ref in st.about)
            if st.refers_to and st.refers_to in local_claims:
                claim_id, score, existed = local_claims[st.refers_to], None, True
            else:
                claim_id, score, existed = self.claim_for(st.claim_text or st.evidence, about)
            local_claims[st.local_id] = claim_id
            for actor_id in about:
                self.store.add_claim_actor(claim_id, actor_id)
            statement_id = make_id("s", a.id, st.start, st.end, speaker_id, claim_id, st.rule)
            added = self.store.add_statement(
                {
                    "id": statement_id,
                    "claim_id": claim_id,
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
                    "via_id": via_id,
                    "rule": st.rule,
                    "confidence": st.confidence,
                    "claim_text": st.claim_text,
                    "match_score": score,
                    "needs_review": int(score is not None and score < ATTACH_THRESHOLD),
                    "date": _iso(a.published),
                    "ingested_at": self.ingested_at,
                }
            )
            if added:
                touched[claim_id] = None
                self.report.new_statements.append(
                    {
                        "id": statement_id,
                        "claim_id": claim_id,
                        "speaker": st.speaker.display_name,
                        "stance": str(st.stance),
                        "existing_claim": existed and not claim_is_new(self.report, claim_id),
                    }
                )
        for claim_id in touched:
            self.recompute_status(claim_id)
        self.store.add_change_report(a.id, seq, self.report.to_dict())
        return self.report


def claim_is_new(report: ChangeReport, claim_id: str) -> bool:
    return any(c["id"] == claim_id for c in report.new_claims)


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
