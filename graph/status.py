"""Derive a claim's status from its dated statements.

Status is never typed in (except as a curated override, applied elsewhere):
it is recomputed from all statements of a claim, sorted by date, so the
order in which articles arrive does not matter.

Rules, walking the statements in date order:

* asserts / reports / questions / no_comment alone leave a claim ``unverified``;
* a denial makes it ``denied``, a confirmation ``confirmed``;
* a denial after a confirmation (or the reverse) makes it ``disputed`` unless
  the later statement is *authoritative* (made by an actor the claim is about,
  or one affiliated to it, e.g. the company's spokesperson): that is a later
  resolution and its side wins;
* a ``disputed`` claim is resolved by the next authoritative denial or
  confirmation.

Examples
--------
>>> import datetime as dt
>>> s = [DatedStance("s1", Stance.ASSERTS, dt.date(2026, 10, 20)),
...      DatedStance("s2", Stance.DENIES, dt.date(2026, 10, 28))]
>>> derive_status(s)[0]
<ClaimStatus.DENIED: 'denied'>
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from graph.records import ClaimStatus, Stance

__all__ = ["DatedStance", "StatusChange", "derive_status"]

_DECISIVE = {Stance.DENIES: ClaimStatus.DENIED, Stance.CONFIRMS: ClaimStatus.CONFIRMED}


@dataclass(frozen=True)
class DatedStance:
    """The part of a statement that status depends on.

    ``order`` breaks ties between statements of the same date (the article
    id and the statement's offset: never the arrival order).
    """

    statement_id: str
    stance: Stance
    date: dt.date | None
    authoritative: bool = False
    order: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class StatusChange:
    status: ClaimStatus
    date: dt.date | None
    statement_id: str


def _sort_key(s: DatedStance) -> tuple[bool, dt.date, tuple[str | int, ...], str]:
    # Undated statements go last: they cannot resolve anything dated after them.
    return (s.date is None, s.date or dt.date.min, s.order, s.statement_id)


def _next_status(current: ClaimStatus | None, s: DatedStance) -> ClaimStatus:
    side = _DECISIVE.get(s.stance)
    if current is None:
        return side or ClaimStatus.UNVERIFIED
    if side is None or current == side:
        return current
    if current == ClaimStatus.UNVERIFIED or s.authoritative:
        return side
    return ClaimStatus.DISPUTED


def derive_status(
    stances: Iterable[DatedStance],
) -> tuple[ClaimStatus, list[StatusChange]]:
    """Final status and the history of changes, each with its cause."""
    current: ClaimStatus | None = None
    history: list[StatusChange] = []
    for s in sorted(stances, key=_sort_key):
        new = _next_status(current, s)
        if new != current:
            history.append(StatusChange(new, s.date, s.statement_id))
            current = new
    return current or ClaimStatus.UNVERIFIED, history
