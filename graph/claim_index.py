"""The claim index in memory: what claim matching reads for every statement.

Matching one statement reads the document frequency of each of its index
terms, the claims filed under the rarest of them (postings), the terms a
claim already has, and for each candidate claim its *profile*: language,
wordings and actors.  From SQLite that is several queries per statement, and
they were most of the cost of a merge.  The merging :class:`~graph.store.Store`
keeps them here instead, while it holds the write lock:

* each entry is loaded from the store the first time it is needed;
* every change the store makes to claims, their terms, statements and claim
  actors is written through to the entries loaded;
* a rollback (of a window or of one article's savepoint) drops everything,
  and so does the start of a transaction when another connection has
  committed since (``PRAGMA data_version``), so nothing stale is ever read.

It also remembers which actor each alias key names, as actor resolution
reads them for every mention.  Past :data:`INDEX_CACHED` entries the index
starts over.  The class holds
plain values only; the store does the SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat

__all__ = ["INDEX_CACHED", "PROFILE_TEXTS", "ClaimIndex", "PendingRows", "Profile"]

# Entries (terms, claim ids in postings, wordings) one index holds at most:
# a few tens of MB.
INDEX_CACHED = 1_000_000
# Wordings a profile keeps: the claim's text and the first distinct others.
PROFILE_TEXTS = 8


@dataclass
class Profile:
    """What matching compares of one claim.

    ``texts`` is the claim's text, then the distinct wordings of statements
    attached to it surely (not for review), oldest statement row first, at
    most :data:`PROFILE_TEXTS` in all.
    """

    language: str
    texts: list[str]
    actors: frozenset[str]


class ClaimIndex:
    """Document frequencies, postings, claim terms, profiles and alias keys, as far as loaded.

    Examples
    --------
    >>> index = ClaimIndex()
    >>> index.check(data_version=1)
    >>> index.df.update({"t:ab": 0})
    >>> index.postings["t:ab"] = []
    >>> index.indexed("c_1", {"t:ab", "t:bc"})
    >>> index.df, index.postings
    ({'t:ab': 1}, {'t:ab': ['c_1']})
    """

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit
        self.df: dict[str, int] = {}
        self.postings: dict[str, list[str]] = {}
        self.terms: dict[str, set[str]] = {}
        self.profiles: dict[str, Profile] = {}
        # alias key -> actor id, for keys known to be taken (an alias key is
        # never re-pointed but by merging actors, which drops the whole index)
        self.aliases: dict[str, str] = {}
        self._size = 0
        self._version: int | None = None
        self.valid = False

    # -- lifetime ------------------------------------------------------------
    def check(self, data_version: int) -> None:
        """At the start of a write transaction: drop all if another connection committed."""
        if data_version != self._version:
            self.clear()
            self._version = data_version
        self.valid = True

    def clear(self) -> None:
        self.df.clear()
        self.postings.clear()
        self.terms.clear()
        self.profiles.clear()
        self.aliases.clear()
        self._size = 0

    def charge(self, entries: int) -> None:
        """Count ``entries`` just loaded; start over when past the limit.

        Callers keep what they loaded for the lookup at hand: only later
        lookups load again.
        """
        self._size += entries
        if self._size > (self.limit if self.limit is not None else INDEX_CACHED):
            self.clear()

    # -- writes, passed through from the store ---------------------------------
    def indexed(self, claim_id: str, terms: set[str]) -> None:
        """``claim_id`` was filed under ``terms`` (none of which it had)."""
        grown = 0
        df, postings = self.df, self.postings
        for t in terms:
            if t in df:
                df[t] += 1
            ids = postings.get(t)
            if ids is not None:
                ids.append(claim_id)
                grown += 1
        have = self.terms.get(claim_id)
        if have is not None:
            have |= terms
            grown += len(terms)
        self.charge(grown)

    def unindexed(self, claim_id: str, terms: Iterable[str]) -> None:
        """``claim_id`` was taken out of every term it had (``terms``)."""
        for t in terms:
            if t in self.df:
                self.df[t] -= 1
            self.postings.pop(t, None)
        self.terms[claim_id] = set()

    def alias_known(self, key: str, actor_id: str) -> None:
        self.aliases[key] = actor_id
        self._size += 1

    def claim_added(self, claim_id: str, language: str, text: str) -> None:
        """A new claim: no statement is attached to it yet."""
        self.profiles[claim_id] = Profile(language, [text], frozenset())

    def statement_added(self, claim_id: str, claim_text: str | None, needs_review: bool) -> None:
        """A statement row was inserted (after every other row) on ``claim_id``."""
        profile = self.profiles.get(claim_id)
        if profile is None or claim_text is None or needs_review:
            return
        if len(profile.texts) < PROFILE_TEXTS and claim_text not in profile.texts:
            profile.texts.append(claim_text)
            self._size += 1

    def actor_added(self, claim_id: str, actor_id: str) -> None:
        profile = self.profiles.get(claim_id)
        if profile is not None and actor_id not in profile.actors:
            profile.actors = profile.actors | {actor_id}

    def forget_profiles(self, claim_ids: Iterable[str | None]) -> None:
        """Statements moved between these claims: load their profiles again."""
        for cid in claim_ids:
            if cid is not None:
                self.profiles.pop(cid, None)

    def claim_deleted(self, claim_id: str) -> None:
        self.profiles.pop(claim_id, None)
        self.terms.pop(claim_id, None)


class PendingRows:
    """Index rows ``(term, claim id)`` the store has not written to SQL yet.

    The store files claims under their terms here and writes the rows of a
    whole window at once (one ``executemany`` for ``claim_terms``, one
    document-frequency update per distinct term), before it commits or reads
    those tables.  ``rows`` is the transaction's log; ``rows[:written]`` are
    in SQL, and ``by_term`` and ``by_claim`` file exactly the others (the
    store writes them from ``by_term``).  A savepoint notes :meth:`mark`;
    rolling back to it forgets the rows filed since, and takes back what
    SQL's rollback undid of the writes.
    """

    def __init__(self) -> None:
        self.rows: list[tuple[str, str]] = []
        self.written = 0
        self.by_term: dict[str, list[str]] = {}
        self.by_claim: dict[str, set[str]] = {}

    def __bool__(self) -> bool:
        return self.written < len(self.rows)

    def add(self, claim_id: str, terms: Iterable[str]) -> None:
        terms = list(terms)
        self.rows.extend(zip(terms, repeat(claim_id)))
        by_term = self.by_term
        for t in terms:
            ids = by_term.get(t)
            if ids is None:
                by_term[t] = [claim_id]
            else:
                ids.append(claim_id)
        have = self.by_claim.get(claim_id)
        if have is None:
            self.by_claim[claim_id] = set(terms)
        else:
            have.update(terms)

    def _file(self, term: str, claim_id: str) -> None:
        self.by_term.setdefault(term, []).append(claim_id)
        self.by_claim.setdefault(claim_id, set()).add(term)

    def unwritten(self) -> list[tuple[str, str]]:
        return self.rows[self.written :]

    def all_written(self) -> None:
        self.written = len(self.rows)
        self.by_term.clear()
        self.by_claim.clear()

    def mark(self) -> tuple[int, int]:
        return len(self.rows), self.written

    def rollback_to(self, mark: tuple[int, int]) -> None:
        """Back to the state noted by :meth:`mark` (SQL rolled back to the same point)."""
        filed, written = mark
        del self.rows[filed:]
        self.written = written
        self.by_term.clear()
        self.by_claim.clear()
        for t, claim_id in self.rows[written:]:
            self._file(t, claim_id)

    def reset(self) -> None:
        """The transaction ended: nothing is pending."""
        self.rows = []
        self.written = 0
        self.by_term.clear()
        self.by_claim.clear()
