"""Plain, typed, serialisable records passed from extraction to the graph.

``pipelines`` produces them, ``graph`` consumes them; neither side needs the
other's machinery (no spaCy here, no SQL there).  Every record round-trips
through :func:`to_dict` / :func:`from_dict` so extraction can run in another
process or on another machine and be merged later.

Examples
--------
>>> a = Article(id="x", text="TikTok said so.", language="en")
>>> article_from_dict(to_dict(a)) == a
True
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "ActorKind",
    "ActorRef",
    "Affiliation",
    "Article",
    "ClaimStatus",
    "ExtractedStatement",
    "ExtractionResult",
    "Stance",
    "article_from_dict",
    "extraction_from_dict",
    "to_dict",
]


class Stance(StrEnum):
    """What a speaker does with a claim."""

    ASSERTS = "asserts"
    REPORTS = "reports"
    CONFIRMS = "confirms"
    DENIES = "denies"
    QUESTIONS = "questions"
    NO_COMMENT = "no_comment"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    MEDIA = "media"
    GROUP = "group"
    ANONYMOUS = "anonymous"


class ClaimStatus(StrEnum):
    UNVERIFIED = "unverified"
    DENIED = "denied"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"


@dataclass(frozen=True)
class Article:
    """One cleaned news article; ``id`` is a hash of the normalised text."""

    id: str
    text: str
    language: str
    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None
    republished_from: str | None = None
    republished_by: str | None = None


@dataclass(frozen=True)
class ActorRef:
    """An actor as extraction sees it: a name and what is known about it.

    ``scope`` is the outlet an anonymous source was quoted by ("业内人士 @ 虎嗅").
    ``aliases`` carries gazetteer knowledge so the store can learn it.
    """

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    description: str = ""
    scope: str | None = None

    @property
    def display_name(self) -> str:
        return f"{self.name} @ {self.scope}" if self.scope else self.name


@dataclass(frozen=True)
class Affiliation:
    """``member`` is ``role`` of ``organization`` (founder of, spokesperson of...)."""

    member: ActorRef
    organization: ActorRef
    role: str
    evidence: str = ""
    rule: str = ""


@dataclass(frozen=True)
class ExtractedStatement:
    """One actor's act on one claim in one article, with its evidence.

    Exactly one of ``claim_text`` and ``refers_to`` is set: ``refers_to`` is the
    ``local_id`` of an earlier statement of the same article whose claim this one
    takes up ("此消息并不真实" denies the claim stated just before).
    ``start``/``end`` are character offsets of ``evidence`` in the article text;
    ``quote_start``/``quote_end`` those of ``quote`` when it is a direct quote.
    """

    local_id: str
    speaker: ActorRef
    stance: Stance
    evidence: str
    start: int
    end: int
    rule: str
    claim_text: str | None = None
    refers_to: str | None = None
    about: tuple[ActorRef, ...] = ()
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    cue: str = ""
    hedges: tuple[str, ...] = ()
    via: ActorRef | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class ExtractionResult:
    """Everything extraction learned from one article."""

    article: Article
    mentions: tuple[ActorRef, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    statements: tuple[ExtractedStatement, ...] = field(default_factory=tuple)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_dict(record: Any) -> dict[str, Any]:
    """Any record of this module as JSON-ready plain data."""
    return _plain(record)


def article_from_dict(data: dict[str, Any]) -> Article:
    published = data.get("published")
    return Article(
        **{
            **data,
            "published": dt.date.fromisoformat(published) if published else None,
        }
    )


def actor_from_dict(data: dict[str, Any]) -> ActorRef:
    return ActorRef(
        name=data["name"],
        kind=ActorKind(data["kind"]),
        aliases=tuple(data.get("aliases", ())),
        description=data.get("description", ""),
        scope=data.get("scope"),
    )


def _statement_from_dict(data: dict[str, Any]) -> ExtractedStatement:
    via = data.get("via")
    return ExtractedStatement(
        **{
            **data,
            "speaker": actor_from_dict(data["speaker"]),
            "stance": Stance(data["stance"]),
            "about": tuple(actor_from_dict(a) for a in data.get("about", ())),
            "hedges": tuple(data.get("hedges", ())),
            "via": actor_from_dict(via) if via else None,
        }
    )


def extraction_from_dict(data: dict[str, Any]) -> ExtractionResult:
    return ExtractionResult(
        article=article_from_dict(data["article"]),
        mentions=tuple(actor_from_dict(m) for m in data.get("mentions", ())),
        affiliations=tuple(
            Affiliation(
                member=actor_from_dict(a["member"]),
                organization=actor_from_dict(a["organization"]),
                role=a["role"],
                evidence=a.get("evidence", ""),
                rule=a.get("rule", ""),
            )
            for a in data.get("affiliations", ())
        ),
        statements=tuple(_statement_from_dict(s) for s in data.get("statements", ())),
    )
