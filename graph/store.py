"""The store of record: one SQLite file.

This module is the only one that speaks SQL.  Everything above it (merge,
views) uses the small method interface of :class:`Store`, which is the seam
where a PostgreSQL store for a team could be put later.

Writes happen inside :meth:`Store.transaction` (``BEGIN IMMEDIATE``), one per
article, so an article is either fully in or not at all; a batch ingest opens
one transaction for several articles (:meth:`Store.begin`) and each article's
block is then a savepoint, so a window of articles commits whole or not at
all, and an article that fails leaves nothing behind.  The file runs in
WAL mode with a busy timeout so readers and other writers wait instead of
failing.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, Self

from graph.claim_index import PROFILE_TEXTS, ClaimIndex, PendingRows, Profile
from graph.errors import StoreError

__all__ = ["DEFAULT_STORE", "SCHEMA_VERSION", "Store"]

DEFAULT_STORE = Path("rumours.sqlite")
SCHEMA_VERSION = 3
# SQLite page cache of one connection, in KiB
CACHE_KIB = 65536

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    outlet TEXT,
    url TEXT,
    published TEXT,
    language TEXT NOT NULL,
    source TEXT,
    republished_from TEXT,
    republished_by TEXT,
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    scope TEXT,
    description TEXT NOT NULL DEFAULT '',
    first_seen TEXT
);
CREATE TABLE IF NOT EXISTS aliases (
    key TEXT PRIMARY KEY,
    alias TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors(id)
);
CREATE INDEX IF NOT EXISTS aliases_actor ON aliases(actor_id);
CREATE TABLE IF NOT EXISTS affiliations (
    member_id TEXT NOT NULL REFERENCES actors(id),
    organization_id TEXT NOT NULL REFERENCES actors(id),
    role TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    evidence TEXT NOT NULL DEFAULT '',
    rule TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (member_id, organization_id, role)
);
CREATE TABLE IF NOT EXISTS article_actors (
    article_id TEXT NOT NULL REFERENCES articles(id),
    actor_id TEXT NOT NULL REFERENCES actors(id),
    role TEXT NOT NULL,
    PRIMARY KEY (article_id, actor_id, role)
);
CREATE INDEX IF NOT EXISTS article_actors_actor ON article_actors(actor_id);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    first_seen TEXT,
    first_article_id TEXT NOT NULL REFERENCES articles(id),
    status TEXT NOT NULL DEFAULT 'unverified',
    derived_status TEXT NOT NULL DEFAULT 'unverified'
);
CREATE TABLE IF NOT EXISTS status_overrides (
    claim_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    date TEXT
);
CREATE TABLE IF NOT EXISTS claim_actors (
    claim_id TEXT NOT NULL REFERENCES claims(id),
    actor_id TEXT NOT NULL REFERENCES actors(id),
    PRIMARY KEY (claim_id, actor_id)
);
CREATE TABLE IF NOT EXISTS claim_terms (
    term TEXT NOT NULL,
    claim_id TEXT NOT NULL REFERENCES claims(id),
    PRIMARY KEY (term, claim_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claim_terms_claim ON claim_terms(claim_id);
CREATE TABLE IF NOT EXISTS term_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id),
    speaker_id TEXT NOT NULL REFERENCES actors(id),
    stance TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    evidence TEXT NOT NULL,
    quote TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote_start INTEGER,
    quote_end INTEGER,
    cue TEXT NOT NULL DEFAULT '',
    hedges TEXT NOT NULL DEFAULT '[]',
    via_id TEXT REFERENCES actors(id),
    rule TEXT NOT NULL,
    confidence REAL NOT NULL,
    claim_text TEXT,
    refers_to_id TEXT,
    match_score REAL,
    needs_review INTEGER NOT NULL DEFAULT 0,
    date TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_claim ON statements(claim_id);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements(speaker_id);
CREATE INDEX IF NOT EXISTS statements_article ON statements(article_id);
CREATE INDEX IF NOT EXISTS statements_date ON statements(date);
CREATE TABLE IF NOT EXISTS statement_about (
    statement_id TEXT NOT NULL REFERENCES statements(id),
    actor_id TEXT NOT NULL REFERENCES actors(id),
    PRIMARY KEY (statement_id, actor_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS status_history (
    claim_id TEXT NOT NULL REFERENCES claims(id),
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    statement_id TEXT NOT NULL REFERENCES statements(id),
    PRIMARY KEY (claim_id, seq)
);
CREATE TABLE IF NOT EXISTS changes (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    seq INTEGER NOT NULL,
    report TEXT NOT NULL
);
"""


class Store:
    """A rumour graph stored in one SQLite file.

    Examples
    --------
    >>> with Store(":memory:") as store:
    ...     store.count("articles")
    0
    """

    def __init__(self, path: str | Path = DEFAULT_STORE, *, timeout: float = 60.0) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            # the claim index is read and written all over for every statement:
            # a page cache of 64 MB (default 2 MB) keeps it in memory
            self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._index = ClaimIndex()
            self._pending = PendingRows()
            self._check_and_create()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a usable store ({err})") from err

    # -- lifecycle -----------------------------------------------------
    def _check_and_create(self) -> None:
        with self.transaction():
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    self._db.execute(stmt)
            row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                self._db.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                )
            elif int(row["value"]) != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: schema version {row['value']}, expected {SCHEMA_VERSION}"
                )

    def close(self) -> None:
        self._db.close()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (before moving or copying it)."""
        if self.path != ":memory:":
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing block; takes the write lock at once.

        Inside an open transaction (see :meth:`begin`) the block is a savepoint:
        a failure undoes the block alone and the enclosing transaction goes on.
        """
        if self._db.in_transaction:
            with self._savepoint():
                yield
            return
        self.begin()
        try:
            yield
            self.commit()
        except BaseException:
            self.rollback()
            raise

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        mark = self._pending.mark()
        self._db.execute("SAVEPOINT block")
        try:
            yield
        except BaseException:
            self._index.clear()
            if self._db.in_transaction:
                self._db.execute("ROLLBACK TO block")
                self._db.execute("RELEASE block")
                self._pending.rollback_to(mark)
            else:
                # an error that already rolled the whole transaction back leaves no savepoint
                self._pending.reset()
            raise
        self._db.execute("RELEASE block")

    @property
    def in_transaction(self) -> bool:
        return self._db.in_transaction

    def begin(self) -> None:
        """Open a transaction that several :meth:`transaction` blocks share (takes the lock)."""
        self._db.execute("BEGIN IMMEDIATE")
        # with the write lock held, the claim index in memory stays true until
        # the commit, if no other connection has committed since it was read
        self._index.check(self._db.execute("PRAGMA data_version").fetchone()[0])

    def commit(self) -> None:
        self._write_pending()
        self._db.execute("COMMIT")
        self._pending.reset()

    def rollback(self) -> None:
        """Undo the open transaction (nothing to do when an error already undid it)."""
        self._index.clear()
        self._pending.reset()
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def _write_pending(self) -> None:
        """Write the index rows filed in memory since the last write (see :class:`PendingRows`)."""
        if not self._pending:
            return
        # in key order (term, claim id), which SQLite inserts fastest: sorting the
        # distinct terms, then each term's few claims, is cheaper than sorting rows
        by_term = self._pending.by_term
        terms = sorted(by_term)
        self._db.executemany(
            "INSERT INTO claim_terms(term, claim_id) VALUES (?, ?)",
            [(t, c) for t in terms for c in sorted(by_term[t])],
        )
        self._db.executemany(
            "INSERT INTO term_df(term, df) VALUES (?, ?)"
            " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            [(t, len(by_term[t])) for t in terms],
        )
        self._pending.all_written()

    # -- generic reads ---------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read-only query as plain dicts (for views)."""
        if self._pending and ("claim_terms" in sql or "term_df" in sql):
            self._write_pending()
        return [dict(r) for r in self._db.execute(sql, params).fetchall()]

    def count(self, table: str) -> int:
        if table not in _TABLES:
            raise ValueError(f"unknown table {table!r}")
        if table in ("claim_terms", "term_df"):
            self._write_pending()
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity check plus the model's own invariants."""
        self._write_pending()
        problems = [
            r[0] for r in self._db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"
        ]
        problems += [
            f"foreign key: {tuple(r)}" for r in self._db.execute("PRAGMA foreign_key_check")
        ]
        orphan = self._db.execute(
            "SELECT count(*) FROM claims c WHERE NOT EXISTS"
            " (SELECT 1 FROM statements s WHERE s.claim_id = c.id)"
        ).fetchone()[0]
        if orphan:
            problems.append(f"{orphan} claims without statements")
        return problems

    # -- articles --------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add_article(self, row: dict[str, Any]) -> int:
        """Insert an article row; returns its ingest sequence number."""
        seq = self._db.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
        self._insert("articles", {**row, "seq": seq})
        return int(seq)

    def article(self, article_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM articles WHERE id = ?", (article_id,))
        return rows[0] if rows else None

    # -- actors ----------------------------------------------------------
    def actor_by_alias(self, key: str) -> str | None:
        cached = self._cached
        if cached and (found := self._index.aliases.get(key)) is not None:
            return found
        row = self._db.execute("SELECT actor_id FROM aliases WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        if cached:
            self._index.alias_known(key, row[0])
        return str(row[0])

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM actors WHERE id = ?", (actor_id,))
        return rows[0] if rows else None

    def add_actor(self, row: dict[str, Any]) -> None:
        self._insert("actors", row)

    def update_actor_description(self, actor_id: str, description: str) -> None:
        self._db.execute(
            "UPDATE actors SET description = ? WHERE id = ? AND description = ''",
            (description, actor_id),
        )

    def add_alias(self, key: str, alias: str, actor_id: str) -> bool:
        """Record an alias; False when the key already names some actor."""
        cached = self._cached
        if cached and key in self._index.aliases:
            return False  # what INSERT OR IGNORE would find
        cur = self._db.execute(
            "INSERT OR IGNORE INTO aliases(key, alias, actor_id) VALUES (?, ?, ?)",
            (key, alias, actor_id),
        )
        if cur.rowcount > 0 and cached:
            self._index.alias_known(key, actor_id)
        return cur.rowcount > 0

    def link_article_actor(self, article_id: str, actor_id: str, role: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO article_actors(article_id, actor_id, role) VALUES (?, ?, ?)",
            (article_id, actor_id, role),
        )

    def add_affiliation(self, row: dict[str, Any]) -> bool:
        return self._insert("affiliations", row, or_ignore=True)

    def gazetteer_since(self, rowid: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Actors added after ``rowid`` (with their aliases), and the newest rowid.

        Lets a long-running extractor learn only what is new, whatever the size
        of the store.
        """
        top = self._db.execute("SELECT coalesce(max(rowid), 0) FROM actors").fetchone()[0]
        if top <= rowid:
            return [], int(top)
        rows = self.query(
            "SELECT a.id, a.name, a.kind, a.scope, a.description,"
            " group_concat(al.alias, char(31)) AS aliases"
            " FROM actors a LEFT JOIN aliases al ON al.actor_id = a.id"
            " WHERE a.rowid > ? GROUP BY a.id",
            (rowid,),
        )
        for r in rows:
            r["aliases"] = sorted(set((r["aliases"] or "").split("\x1f")) - {""})
        return rows, int(top)

    def gazetteer(self) -> list[dict[str, Any]]:
        """Every known actor with its aliases, for the extraction side."""
        rows = self.query(
            "SELECT a.id, a.name, a.kind, a.scope, a.description,"
            " group_concat(al.alias, char(31)) AS aliases"
            " FROM actors a LEFT JOIN aliases al ON al.actor_id = a.id GROUP BY a.id"
        )
        for r in rows:
            r["aliases"] = sorted(set((r["aliases"] or "").split("\x1f")) - {""})
        return rows

    # -- claims ----------------------------------------------------------
    def add_claim(self, row: dict[str, Any], terms: Iterable[str]) -> None:
        self._insert("claims", row)
        self._index.claim_added(row["id"], row["language"], row["text"])
        # a claim just inserted has no index terms yet (deleting one drops them)
        self._index_claim(row["id"], set(terms))

    def add_claim_terms(self, claim_id: str, terms: Iterable[str]) -> None:
        """Index ``claim_id`` under ``terms`` (new ones only), keeping document frequencies."""
        have = self._index.terms.get(claim_id) if self._cached else None
        if have is None:
            have = self._stored_terms(claim_id) | self._pending.by_claim.get(claim_id, set())
            if self._cached:
                self._index.terms[claim_id] = have
                self._index.charge(len(have))
        self._index_claim(claim_id, set(terms) - have)

    def _index_claim(self, claim_id: str, terms: set[str]) -> None:
        self._pending.add(claim_id, terms)
        self._index.indexed(claim_id, terms)
        if not self._db.in_transaction:
            self._write_pending()

    @property
    def _cached(self) -> bool:
        """Whether reads may use the claim index in memory (inside a write transaction)."""
        return self._db.in_transaction and self._index.valid

    def candidate_profiles(
        self, claim_ids: Sequence[str], *, texts_per_claim: int = PROFILE_TEXTS
    ) -> dict[str, tuple[str, list[str], frozenset[str]]]:
        """For each claim: its language, wordings to compare with, and its actors.

        Three queries for all candidates not in the claim index, whatever their
        number.  Wordings attached only for review are left out (see
        :meth:`claim_texts`).
        """
        if not (self._cached and texts_per_claim == PROFILE_TEXTS):
            return self._profiles_from_sql(claim_ids, texts_per_claim)
        profiles = self._index.profiles
        out: dict[str, tuple[str, list[str], frozenset[str]]] = {}
        missing: list[str] = []
        for cid in claim_ids:
            p = profiles.get(cid)
            if p is None:
                missing.append(cid)
            else:
                out[cid] = (p.language, p.texts, p.actors)
        if missing:
            loaded = self._profiles_from_sql(missing, texts_per_claim)
            out.update(loaded)
            for cid, (lang, texts, actors) in loaded.items():
                profiles[cid] = Profile(lang, texts, actors)
            # may start the index over: ``out`` is complete already
            self._index.charge(sum(len(p[1]) + len(p[2]) for p in loaded.values()))
        return out

    def _profiles_from_sql(
        self, claim_ids: Sequence[str], texts_per_claim: int
    ) -> dict[str, tuple[str, list[str], frozenset[str]]]:
        if not claim_ids:
            return {}
        marks = ",".join("?" * len(claim_ids))
        out: dict[str, tuple[str, list[str], set[str]]] = {
            r[0]: (r[1], [r[2]], set())
            for r in self._db.execute(
                f"SELECT id, language, text FROM claims WHERE id IN ({marks})", tuple(claim_ids)
            )
        }
        for cid, text in self._db.execute(
            f"SELECT DISTINCT claim_id, claim_text FROM statements WHERE claim_id IN ({marks})"
            " AND claim_text IS NOT NULL AND needs_review = 0",
            tuple(claim_ids),
        ):
            texts = out[cid][1]
            if len(texts) < texts_per_claim and text not in texts:
                texts.append(text)
        for cid, actor in self._db.execute(
            f"SELECT claim_id, actor_id FROM claim_actors WHERE claim_id IN ({marks})",
            tuple(claim_ids),
        ):
            out[cid][2].add(actor)
        return {cid: (lang, texts, frozenset(actors)) for cid, (lang, texts, actors) in out.items()}

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM claims WHERE id = ?", (claim_id,))
        return rows[0] if rows else None

    def has_claim(self, claim_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone()
        return row is not None

    def claim_candidates(
        self, terms: Sequence[str], *, limit: int = 12, probe: int = 24, budget: int = 4000
    ) -> list[tuple[str, int]]:
        """Claims sharing the most of the rarest of ``terms`` (inverted index).

        Terms are probed rarest first (concepts and numbers first while they
        are still selective) until ``probe`` terms or ``budget`` postings are
        used, so a lookup costs the same in a store of any size.
        """
        if not terms:
            return []
        dfs = self._cached_dfs(terms) if self._cached else self._dfs(terms)
        # selective concepts and numbers first, then the rest; each rarest first,
        # equal frequencies in the order of ``dfs`` (sorting is stable)
        first = [p for p in dfs if p[0] <= 200 and p[1].startswith(_SELECTIVE)]
        if first:
            rest = [p for p in dfs if not (p[0] <= 200 and p[1].startswith(_SELECTIVE))]
            first.sort(key=_first)
            rest.sort(key=_first)
            ranked = first + rest
        else:
            ranked = sorted(dfs, key=_first)
        chosen: list[str] = []
        used = 0
        for df, term in ranked:
            if len(chosen) >= probe or used + df > budget:
                break
            chosen.append(term)
            used += df
        if not chosen:
            return []
        if self._cached:
            return self._counted(chosen, limit)
        marks = ",".join("?" * len(chosen))
        rows = self._db.execute(
            f"SELECT claim_id, count(*) AS n FROM claim_terms WHERE term IN ({marks})"
            " GROUP BY claim_id ORDER BY n DESC, claim_id LIMIT ?",
            (*chosen, limit),
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def _dfs(self, terms: Sequence[str]) -> list[tuple[int, str]]:
        """``(df, term)`` of the indexed ``terms``, in the order SQLite gives them."""
        self._write_pending()
        dfs: list[tuple[int, str]] = []
        for chunk in _chunks(list(terms), 500):
            marks = ",".join("?" * len(chunk))
            dfs += [
                (int(r[1]), r[0])
                for r in self._db.execute(
                    f"SELECT term, df FROM term_df WHERE term IN ({marks}) AND df > 0", chunk
                )
            ]
        return dfs

    def _cached_dfs(self, terms: Sequence[str]) -> list[tuple[int, str]]:
        """:meth:`_dfs` from the claim index, loading the terms it lacks."""
        known = self._index.df
        order = sorted(set(terms))
        # map/compress: run for every statement over a few hundred terms
        dfs = list(map(known.get, order, repeat(-1)))
        missing_at = list(compress(range(len(order)), map((-1).__eq__, dfs)))
        if missing_at:
            pending = self._pending.by_term
            missing = [order[i] for i in missing_at]
            found: dict[str, int] = {t: len(pending.get(t, ())) for t in missing}
            for chunk in _chunks(missing, 500):
                marks = ",".join("?" * len(chunk))
                for term, df in self._db.execute(
                    f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk
                ):
                    found[term] += int(df)
            for i, t in zip(missing_at, missing, strict=True):
                dfs[i] = found[t]
            known.update(found)
            self._index.charge(len(found))
        # SQLite walks the values of each chunk's IN list in sorted order
        if len(terms) <= 500:
            return list(compress(zip(dfs, order, strict=True), map((0).__lt__, dfs)))
        values = dict(zip(order, dfs, strict=True))
        return [
            (df, t)
            for chunk in _chunks(list(terms), 500)
            for t in sorted(set(chunk))
            if (df := values[t]) > 0
        ]

    def _counted(self, terms: list[str], limit: int) -> list[tuple[str, int]]:
        """The postings query of :meth:`claim_candidates`, counted from cached postings."""
        cached = self._index.postings
        postings = {t: ids for t in terms if (ids := cached.get(t)) is not None}
        missing = [t for t in terms if t not in postings]
        if missing:
            pending = self._pending.by_term
            found: dict[str, list[str]] = {t: list(pending.get(t, ())) for t in missing}
            marks = ",".join("?" * len(missing))
            for term, claim_id in self._db.execute(
                f"SELECT term, claim_id FROM claim_terms WHERE term IN ({marks})", missing
            ):
                found[term].append(claim_id)
            cached.update(found)
            postings.update(found)
            self._index.charge(sum(len(ids) for ids in found.values()))
        counts = Counter(chain.from_iterable(postings[t] for t in terms))
        # ORDER BY n DESC, claim_id (ids are ASCII: str order is SQLite's binary order)
        if not 0 < limit < len(counts):
            return sorted(counts.items(), key=_by_count_then_id)[:limit]
        # the claims counted more often than the limit-th one, then the first
        # ids among those counted as often as it
        least = sorted(counts.values(), reverse=True)[limit - 1]
        # compress/map: both passes over a few hundred counts run in C
        above = [(c, counts[c]) for c in compress(counts, map(least.__lt__, counts.values()))]
        above.sort(key=_by_count_then_id)
        tied = list(compress(counts, map(least.__eq__, counts.values())))
        tied.sort()
        return above + [(c, least) for c in tied[: limit - len(above)]]

    def claim_texts(self, claim_id: str, *, limit: int = 8) -> list[str]:
        """The claim's text and the wordings of statements that matched it surely.

        Wordings attached only for review are left out, so one doubtful match
        cannot pull further claims in.
        """
        rows = self._db.execute(
            "SELECT text FROM claims WHERE id = ? UNION"
            " SELECT DISTINCT claim_text FROM statements"
            " WHERE claim_id = ? AND claim_text IS NOT NULL AND needs_review = 0 LIMIT ?",
            (claim_id, claim_id, limit),
        )
        return [r[0] for r in rows]

    def claim_terms(self, claim_id: str) -> set[str]:
        self._write_pending()
        return self._stored_terms(claim_id)

    def _stored_terms(self, claim_id: str) -> set[str]:
        """The claim's terms in SQL (without those pending)."""
        rows = self._db.execute("SELECT term FROM claim_terms WHERE claim_id = ?", (claim_id,))
        return {r[0] for r in rows}

    def add_claim_actor(self, claim_id: str, actor_id: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO claim_actors(claim_id, actor_id) VALUES (?, ?)",
            (claim_id, actor_id),
        )
        self._index.actor_added(claim_id, actor_id)

    def claim_actor_ids(self, claim_id: str) -> set[str]:
        rows = self._db.execute("SELECT actor_id FROM claim_actors WHERE claim_id = ?", (claim_id,))
        return {r[0] for r in rows}

    def affiliated_org_ids(self, member_id: str) -> set[str]:
        rows = self._db.execute(
            "SELECT organization_id FROM affiliations WHERE member_id = ?", (member_id,)
        )
        return {r[0] for r in rows}

    def set_claim_status(
        self, claim_id: str, derived: str, first_seen: str | None, history: Sequence[dict[str, Any]]
    ) -> str:
        """Store the derived status and history; returns the effective status."""
        override = self._db.execute(
            "SELECT status FROM status_overrides WHERE claim_id = ?", (claim_id,)
        ).fetchone()
        effective = override[0] if override else derived
        self._db.execute(
            "UPDATE claims SET status = ?, derived_status = ?, first_seen = ? WHERE id = ?",
            (effective, derived, first_seen, claim_id),
        )
        self._db.execute("DELETE FROM status_history WHERE claim_id = ?", (claim_id,))
        self._db.executemany(
            "INSERT INTO status_history(claim_id, seq, status, date, statement_id)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (claim_id, i, h["status"], h["date"], h["statement_id"])
                for i, h in enumerate(history)
            ],
        )
        return effective

    def set_status_override(
        self, claim_id: str, status: str | None, reason: str = "", date: str | None = None
    ) -> None:
        """A person's decision on a claim's status (None removes it)."""
        if status is None:
            self._db.execute("DELETE FROM status_overrides WHERE claim_id = ?", (claim_id,))
        else:
            self._db.execute(
                "INSERT OR REPLACE INTO status_overrides(claim_id, status, reason, date)"
                " VALUES (?, ?, ?, ?)",
                (claim_id, status, reason, date),
            )

    def status_override(self, claim_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM status_overrides WHERE claim_id = ?", (claim_id,))
        return rows[0] if rows else None

    # -- curation: moving things ------------------------------------------
    def merge_actors(self, keep_id: str, other_id: str) -> None:
        """Everything said by or about ``other_id`` now belongs to ``keep_id``."""
        moves = [
            ("statements", "speaker_id"),
            ("statements", "via_id"),
            ("aliases", "actor_id"),
            ("article_actors", "actor_id"),
            ("claim_actors", "actor_id"),
            ("statement_about", "actor_id"),
            ("affiliations", "member_id"),
            ("affiliations", "organization_id"),
        ]
        for table, col in moves:
            self._db.execute(
                f"UPDATE OR IGNORE {table} SET {col} = ? WHERE {col} = ?", (keep_id, other_id)
            )
            self._db.execute(f"DELETE FROM {table} WHERE {col} = ?", (other_id,))
        self._db.execute("DELETE FROM actors WHERE id = ?", (other_id,))
        self._index.clear()  # claims' actors and aliases changed

    def move_statement(self, statement_id: str, claim_id: str) -> None:
        self._index.forget_profiles([self.statement_claim_id(statement_id), claim_id])
        self._db.execute(
            "UPDATE statements SET claim_id = ?, needs_review = 0 WHERE id = ?",
            (claim_id, statement_id),
        )

    def set_needs_review(self, statement_id: str, flag: bool) -> None:
        self._index.forget_profiles([self.statement_claim_id(statement_id)])
        self._db.execute(
            "UPDATE statements SET needs_review = ? WHERE id = ?", (int(flag), statement_id)
        )

    def statement(self, statement_id: str) -> dict[str, Any] | None:
        rows = self.query(
            "SELECT s.*, a.language FROM statements s JOIN articles a ON a.id = s.article_id"
            " WHERE s.id = ?",
            (statement_id,),
        )
        return rows[0] if rows else None

    def flagged_statements(self) -> list[dict[str, Any]]:
        """Statements attached to a claim by an uncertain match, for review."""
        return self.query(
            "SELECT s.id, s.claim_id, s.match_score, s.claim_text, s.evidence, s.date,"
            " c.text AS claim, a.name AS speaker FROM statements s"
            " JOIN claims c ON c.id = s.claim_id JOIN actors a ON a.id = s.speaker_id"
            " WHERE s.needs_review = 1 ORDER BY s.match_score"
        )

    # -- statements ------------------------------------------------------
    def add_statement(self, row: dict[str, Any]) -> bool:
        row = {**row, "hedges": json.dumps(list(row.get("hedges", ())), ensure_ascii=False)}
        added = self._insert("statements", row, or_ignore=True)
        if added:
            self._index.statement_added(
                row["claim_id"], row.get("claim_text"), bool(row.get("needs_review"))
            )
        return added

    def claim_statement_facts(self, claim_id: str) -> list[dict[str, Any]]:
        """What status derivation needs of each statement of a claim."""
        return self.query(
            "SELECT s.id, s.stance, s.date, s.speaker_id, s.start, s.article_id, a.seq"
            " FROM statements s JOIN articles a ON a.id = s.article_id"
            " WHERE s.claim_id = ?",
            (claim_id,),
        )

    # -- claim assignment (canonical order replay) -------------------------
    def defer_foreign_keys(self) -> None:
        """Check foreign keys at commit only (statements move between claims)."""
        self._db.execute("PRAGMA defer_foreign_keys = ON")

    def add_statement_about(self, statement_id: str, actor_ids: Iterable[str]) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO statement_about(statement_id, actor_id) VALUES (?, ?)",
            [(statement_id, a) for a in actor_ids],
        )

    def statement_about_ids(self, statement_id: str) -> frozenset[str]:
        rows = self._db.execute(
            "SELECT actor_id FROM statement_about WHERE statement_id = ?", (statement_id,)
        )
        return frozenset(r[0] for r in rows)

    def placement_rows(self, since: str | None) -> list[dict[str, Any]]:
        """What claim assignment needs of statements dated ``since`` or later (or undated)."""
        cols = (
            "SELECT s.id, s.claim_id, s.claim_text, s.refers_to_id, s.date, s.article_id,"
            " s.start, s.match_score, s.needs_review, a.language"
            " FROM statements s JOIN articles a ON a.id = s.article_id WHERE "
        )
        # two index lookups: an OR of the two conditions would scan every statement
        rows = self.query(cols + "s.date IS NULL")
        if since is not None:
            rows += self.query(cols + "s.date >= ?", (since,))
        return rows

    def statement_claim_id(self, statement_id: str) -> str | None:
        row = self._db.execute(
            "SELECT claim_id FROM statements WHERE id = ?", (statement_id,)
        ).fetchone()
        return row[0] if row else None

    def claim_members(self, claim_id: str) -> list[dict[str, Any]]:
        return self.query(
            "SELECT s.id, s.claim_text, s.refers_to_id, s.date, s.article_id, s.start,"
            " s.needs_review, a.language"
            " FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.claim_id = ?",
            (claim_id,),
        )

    def _drop_claim_terms(self, claim_id: str) -> None:
        self._write_pending()
        terms = [
            r[0]
            for r in self._db.execute(
                "SELECT term FROM claim_terms WHERE claim_id = ?", (claim_id,)
            )
        ]
        self._db.executemany("UPDATE term_df SET df = df - 1 WHERE term = ?", [(t,) for t in terms])
        self._db.execute("DELETE FROM claim_terms WHERE claim_id = ?", (claim_id,))
        self._index.unindexed(claim_id, terms)

    def delete_claim(self, claim_id: str) -> None:
        """Remove a claim that no statement is about any more."""
        self._drop_claim_terms(claim_id)
        for table in ("claim_actors", "status_history"):
            self._db.execute(f"DELETE FROM {table} WHERE claim_id = ?", (claim_id,))
        self._db.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
        self._index.claim_deleted(claim_id)

    def reset_claim_index(
        self, claim_id: str, terms: Iterable[str], actor_ids: Iterable[str]
    ) -> None:
        """Re-index a claim from scratch (after statements left it)."""
        self._drop_claim_terms(claim_id)
        self.add_claim_terms(claim_id, terms)
        self._db.execute("DELETE FROM claim_actors WHERE claim_id = ?", (claim_id,))
        self._index.forget_profiles([claim_id])
        for a in actor_ids:
            self.add_claim_actor(claim_id, a)

    def assign_statement(
        self, statement_id: str, claim_id: str, score: float | None, needs_review: bool
    ) -> None:
        self._index.forget_profiles([self.statement_claim_id(statement_id), claim_id])
        self._db.execute(
            "UPDATE statements SET claim_id = ?, match_score = ?, needs_review = ? WHERE id = ?",
            (claim_id, score, int(needs_review), statement_id),
        )

    def claim_statuses(self, claim_ids: Iterable[str]) -> dict[str, str]:
        out = {}
        for cid in claim_ids:
            row = self._db.execute("SELECT status FROM claims WHERE id = ?", (cid,)).fetchone()
            if row:
                out[cid] = row[0]
        return out

    # -- change reports ----------------------------------------------------
    def add_change_report(self, article_id: str, seq: int, report: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO changes(article_id, seq, report) VALUES (?, ?, ?)",
            (article_id, seq, json.dumps(report, ensure_ascii=False)),
        )

    # -- reads for views (network, frames, export) ---------------------------
    def articles(self) -> list[dict[str, Any]]:
        """Every article without its text, in ingest order."""
        return self.query(
            "SELECT id, seq, title, outlet, url, published, language, source,"
            " republished_from, republished_by, ingested_at FROM articles ORDER BY seq"
        )

    def actors(self) -> list[dict[str, Any]]:
        """Every actor with ``display_name`` ("name @ scope") and sorted ``aliases``."""
        rows = self.query(
            f"SELECT a.*, {_DISPLAY.format(t='a')} AS display_name,"
            " group_concat(al.alias, char(31)) AS aliases"
            " FROM actors a LEFT JOIN aliases al ON al.actor_id = a.id"
            " GROUP BY a.id ORDER BY a.name, a.scope, a.id"
        )
        for r in rows:
            r["aliases"] = sorted(set((r["aliases"] or "").split("\x1f")) - {""})
        return rows

    def claims(self) -> list[dict[str, Any]]:
        """Every claim, oldest first (undated last)."""
        return self.query(
            "SELECT c.*, a.seq AS first_article_seq FROM claims c"
            " JOIN articles a ON a.id = c.first_article_id"
            " ORDER BY c.first_seen IS NULL, c.first_seen, a.seq, c.id"
        )

    def claim_actor_links(self) -> list[dict[str, Any]]:
        """All (claim_id, actor_id) pairs: which actors each claim is about."""
        return self.query("SELECT claim_id, actor_id FROM claim_actors ORDER BY claim_id, actor_id")

    def affiliations(self) -> list[dict[str, Any]]:
        """Every affiliation with both actors' display names."""
        return self.query(
            f"SELECT f.*, {_DISPLAY.format(t='m')} AS member_name,"
            f" {_DISPLAY.format(t='o')} AS organization_name"
            " FROM affiliations f JOIN actors m ON m.id = f.member_id"
            " JOIN actors o ON o.id = f.organization_id"
            " ORDER BY f.member_id, f.organization_id, f.role"
        )

    def statement_details(self, claim_id: str | None = None) -> list[dict[str, Any]]:
        """Statements joined with claim, speaker, relay and article, in provenance order.

        Order: date (undated last), article ingest sequence, offset.  ``hedges``
        is decoded to a list.
        """
        where, params = ("WHERE s.claim_id = ?", (claim_id,)) if claim_id else ("", ())
        rows = self.query(
            "SELECT s.*, c.text AS claim_text, c.status AS claim_status,"
            f" {_DISPLAY.format(t='sp')} AS speaker_name, sp.kind AS speaker_kind,"
            f" CASE WHEN v.id IS NULL THEN NULL ELSE {_DISPLAY.format(t='v')} END AS via,"
            " a.title AS article_title, a.outlet AS outlet, a.seq AS article_seq"
            " FROM statements s JOIN claims c ON c.id = s.claim_id"
            " JOIN actors sp ON sp.id = s.speaker_id"
            " LEFT JOIN actors v ON v.id = s.via_id"
            " JOIN articles a ON a.id = s.article_id"
            f" {where} ORDER BY s.date IS NULL, s.date, a.seq, s.start, s.id",
            params,
        )
        for r in rows:
            r["hedges"] = json.loads(r["hedges"] or "[]")
        return rows

    def status_history(self, claim_id: str | None = None) -> list[dict[str, Any]]:
        """Status changes with the display name of the speaker that caused each."""
        where, params = ("WHERE h.claim_id = ?", (claim_id,)) if claim_id else ("", ())
        return self.query(
            "SELECT h.claim_id, h.seq, h.status, h.date, h.statement_id,"
            f" {_DISPLAY.format(t='sp')} AS speaker_name"
            " FROM status_history h JOIN statements s ON s.id = h.statement_id"
            f" JOIN actors sp ON sp.id = s.speaker_id {where} ORDER BY h.claim_id, h.seq",
            params,
        )

    def change_reports(self) -> list[dict[str, Any]]:
        """Stored change reports in ingest order, ``report`` decoded from JSON."""
        rows = self.query("SELECT article_id, seq, report FROM changes ORDER BY seq")
        for r in rows:
            r["report"] = json.loads(r["report"])
        return rows

    # -- helpers ---------------------------------------------------------
    def _insert(self, table: str, row: dict[str, Any], *, or_ignore: bool = False) -> bool:
        if table not in _TABLES:
            raise ValueError(f"unknown table {table!r}")
        cur = self._db.execute(_insert_sql(table, tuple(row), or_ignore), tuple(row.values()))
        return cur.rowcount > 0


@lru_cache(maxsize=256)
def _insert_sql(table: str, cols: tuple[str, ...], or_ignore: bool) -> str:
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    names = ",".join(f'"{c}"' for c in cols)
    return f"{verb} INTO {table} ({names}) VALUES ({','.join('?' * len(cols))})"


_first = itemgetter(0)
# index terms still probed first while rare: glossary concepts and numbers
_SELECTIVE = ("k:", "n:")


def _by_count_then_id(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


# An anonymous source is shown with the outlet that quoted it: "业内人士 @ 虎嗅".
_DISPLAY = "CASE WHEN {t}.scope IS NULL THEN {t}.name ELSE {t}.name || ' @ ' || {t}.scope END"


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


_TABLES = frozenset(
    {
        "term_df",
        "articles",
        "actors",
        "aliases",
        "affiliations",
        "article_actors",
        "claims",
        "claim_actors",
        "claim_terms",
        "statements",
        "statement_about",
        "status_history",
        "status_overrides",
        "changes",
        "meta",
    }
)
