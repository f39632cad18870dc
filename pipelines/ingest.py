"""Ingest a batch: load -> extract -> merge, each article whole or not at all.

A bad file is reported in one line (``PATH: reason``) and the batch goes
on; an article already stored is ``unchanged`` and costs no extraction.
Progress goes through a callback so the CLI decides how to show it.

Articles are merged in windows: one transaction for up to
:data:`MERGE_WINDOW` articles or :data:`MERGE_WINDOW_SECONDS`, each article in
its own savepoint (an article that fails leaves nothing behind, the others
stay).  A window commits whole or not at all, and its articles are reported
only once it is committed.

Several processes may ingest into one store at once.  The store waits for
the write lock (WAL, busy timeout); should SQLite still answer "database is
locked" or "busy", the window is rolled back and merged again a few times
with a growing, jittered pause before its articles are reported as failed.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.claim_matching import FeatureEntry, features_for, prime_features
from graph.errors import InputError, RumorGraphError
from graph.merge import ChangeReport, merge_extraction
from graph.records import Article, ExtractionResult
from graph.store import Store
from pipelines.extract import Extractor
from pipelines.reading.load import iter_articles, iter_sources, load_source

__all__ = ["MERGE_ATTEMPTS", "IngestEvent", "IngestSummary", "ingest_paths"]

# Attempts at merging one article while the store is locked, and the first
# pause between them in seconds (doubled each time, with jitter).
MERGE_ATTEMPTS = 6
MERGE_RETRY_PAUSE = 0.2


@dataclass(frozen=True)
class IngestEvent:
    """One line of progress: an article added or unchanged, or a failure."""

    outcome: str  # added | unchanged | failed
    source: str
    title: str = ""
    report: ChangeReport | None = None
    error: str = ""

    def line(self) -> str:
        if self.outcome == "failed":
            return f"error     {self.error}"
        detail = self.report.summary() if self.report else ""
        title = f" [{self.title}]" if self.title else ""
        return f"{self.outcome:<9} {self.source}{title} {detail}".rstrip()


@dataclass
class IngestSummary:
    events: list[IngestEvent] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for e in self.events if e.outcome == outcome)

    @property
    def reports(self) -> list[ChangeReport]:
        return [e.report for e in self.events if e.report and e.outcome == "added"]

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0

    def lines(self) -> list[str]:
        """The closing summary: counts, then every claim whose status changed."""
        reports = self.reports
        out = [
            f"{len(self.events)} articles: {self.count('added')} added, "
            f"{self.count('unchanged')} unchanged, {self.count('failed')} failed; "
            f"{sum(len(r.new_actors) for r in reports)} new actors, "
            f"{sum(len(r.new_claims) for r in reports)} new claims, "
            f"{sum(len(r.new_statements) for r in reports)} new statements, "
            f"{sum(len(r.status_changes) for r in reports)} status changes"
        ]
        for r in reports:
            for c in r.status_changes:
                out.append(
                    f"  status {c['old']} -> {c['new']}: {c['text'][:60]} "
                    f"(by {c['by']}, in {r.title or r.source})"
                )
        return out


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
    extractor: Extractor | None = None,
    on_event: Callable[[IngestEvent], None] | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Ingest files and folders into ``store``; never raises for one bad file.

    With ``workers`` > 1, extraction runs in that many processes while the
    merge stays here, in file order (so the store ends up the same).  Worker
    processes know the actors the store had when the batch started; a single
    process also learns the ones each article adds, for the next article.
    """
    summary = IngestSummary()
    options = {"outlet": outlet, "published": published, "language": language}
    if workers > 1:
        results = _in_processes(paths, options, store, workers)
    else:
        items = _date_ordered(iter_articles(paths, **options))
        extractor = extractor or Extractor()
        extractor.learn_from(store)
        results = (_extract_one(item, store, extractor) for item in items)

    def emit(events: list[IngestEvent]) -> None:
        for event in events:
            summary.events.append(event)
            if on_event is not None:
                on_event(event)

    window = _MergeWindow(store, extractor if workers <= 1 else None, emit)
    try:
        for item, outcome in results:
            window.merge(item, outcome)
            if window.due():
                window.commit()
        window.commit()
    finally:
        window.abandon()
    return summary


# Articles merged in one transaction: a commit per article costs more than the
# merge of a small article.  A window is committed when it holds this many
# articles or has been open this many seconds, so other writers wait little
# and a crash loses at most one window (each article still whole or absent).
MERGE_WINDOW = 64
MERGE_WINDOW_SECONDS = 0.5


class _MergeWindow:
    """Merges articles inside one open transaction, each in its own savepoint.

    Events are handed on once the window is committed, so nothing is reported
    added that a crash could still take away.  Should the store be locked or
    busy, the window is rolled back and merged again from its first article.
    """

    def __init__(
        self,
        store: Store,
        extractor: Extractor | None,
        emit: Callable[[list[IngestEvent]], None],
    ) -> None:
        self.store = store
        self.extractor = extractor
        self.emit = emit
        self.items: list[tuple[Article | InputError, _Outcome]] = []
        self.events: list[IngestEvent] = []
        self.opened = 0.0
        self.open = False

    def merge(self, item: Article | InputError, outcome: _Outcome) -> None:
        self.items.append((item, outcome))
        if not _needs_merge(item, outcome):
            self.events.append(_merge_one(item, outcome, self.store))
            if not self.open:
                self._flush_events()
            return
        self._attempt(self._merge_last)

    def due(self) -> bool:
        return len(self.items) >= MERGE_WINDOW or (
            self.open and time.monotonic() - self.opened >= MERGE_WINDOW_SECONDS
        )

    def commit(self) -> None:
        if self.open:
            self._attempt(self._commit)
        self._flush_events()

    def abandon(self) -> None:
        """Roll back what is not committed (an exception is on its way out)."""
        if self.open:
            self.store.rollback()
            self.open = False

    # -- inside -------------------------------------------------------------
    def _begin(self) -> None:
        self.store.begin()
        self.open = True
        self.opened = time.monotonic()

    def _merge_last(self) -> None:
        item, outcome = self.items[-1]
        event = _merge_one(item, outcome, self.store)
        self.events.append(event)
        if self.extractor is not None and event.outcome == "added":
            self.extractor.learn_from(self.store)

    def _commit(self) -> None:
        self.store.commit()
        self.open = False

    def _replay(self) -> None:
        """Merge the window's articles again (after a rollback)."""
        self.events = []
        for item, outcome in self.items:
            event = _merge_one(item, outcome, self.store)
            self.events.append(event)
            if self.extractor is not None and event.outcome == "added":
                self.extractor.learn_from(self.store)

    def _attempt(self, step: Callable[[], None]) -> None:
        """``step`` inside the open window; while the store is busy, roll back and replay."""
        for attempt in range(MERGE_ATTEMPTS):
            try:
                if not self.open:
                    self._begin()
                    if attempt:
                        # a rollback undid the whole window: merge it all again
                        self._replay()
                        if step != self._commit:
                            return
                step()
                return
            except sqlite3.OperationalError as err:
                if not _is_busy(err):
                    raise
                self.abandon()
                if attempt == MERGE_ATTEMPTS - 1:
                    self._give_up(err)
                    return
                pause = MERGE_RETRY_PAUSE * 2**attempt
                time.sleep(pause * (0.5 + random.random()))  # jitter: writers do not collide

    def _give_up(self, err: sqlite3.OperationalError) -> None:
        message = f"store busy: {err} (gave up after {MERGE_ATTEMPTS} attempts; ingest it again)"
        self.events = [
            _failed(item, message)
            if _needs_merge(item, outcome)
            else _merge_one(item, outcome, self.store)
            for item, outcome in self.items
        ]
        self._flush_events()

    def _flush_events(self) -> None:
        events, self.events, self.items = self.events, [], []
        self.emit(events)


# Articles are merged oldest first within windows of this many: an older article
# after newer ones makes the store rewind and replay (see graph.assignment).
ORDER_WINDOW = 256


def _date_ordered(
    items: Iterable[Article | InputError], window: int = ORDER_WINDOW
) -> Iterator[Article | InputError]:
    """Articles by date (undated last) within bounded windows; errors straight away."""
    buffer: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        buffer.append(item)
        if len(buffer) >= window:
            yield from sorted(buffer, key=_date_key)
            buffer = []
    yield from sorted(buffer, key=_date_key)


def _date_key(a: Article) -> tuple[bool, dt.date, str]:
    # the store's canonical order (graph.assignment): date, then article id
    return (a.published is None, a.published or dt.date.min, a.id)


# What extraction hands to the merge: the records, or the line saying why not.
_Outcome = ExtractionResult | str | None


def _extract_one(
    item: Article | InputError, store: Store | None, extractor: Extractor
) -> tuple[Article | InputError, _Outcome]:
    if isinstance(item, InputError):
        return item, None
    if store is not None and store.has_article(item.id):
        return item, None
    try:
        return item, extractor(item)
    except RumorGraphError as err:
        return item, str(err)
    except (ValueError, KeyError, IndexError, TypeError) as err:
        # A rule that trips on odd text must not stop the batch: the article is
        # named, so it can be reported and retried.
        return item, f"extraction failed ({type(err).__name__}: {err})"


def _needs_merge(item: Article | InputError, outcome: _Outcome) -> bool:
    return isinstance(item, Article) and isinstance(outcome, ExtractionResult)


def _failed(item: Article | InputError, message: str) -> IngestEvent:
    if isinstance(item, InputError):
        return IngestEvent("failed", item.path, error=str(item))
    source = item.source or item.id
    return IngestEvent("failed", source, item.title, error=f"{source}: {message}")


def _merge_one(item: Article | InputError, outcome: _Outcome, store: Store) -> IngestEvent:
    """Merge one article (a savepoint inside an open window); busy errors propagate."""
    if isinstance(item, InputError):
        return IngestEvent("failed", item.path, error=str(item))
    source = item.source or item.id
    if isinstance(outcome, str):
        return _failed(item, outcome)
    if outcome is None or store.has_article(item.id):
        return IngestEvent("unchanged", source, item.title)
    try:
        report = merge_extraction(store, outcome)
    except RumorGraphError as err:
        return _failed(item, str(err))
    return IngestEvent(report.outcome, source, item.title, report)


_WORKER_EXTRACTOR: Extractor | None = None


def _worker_start(gazetteer_rows: list[dict[str, object]]) -> None:
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = Extractor()
    _WORKER_EXTRACTOR.learn(gazetteer_rows)


# What a worker hands back: the item, its outcome, and the features of the claim
# texts found (computed there, so the merge finds them ready).
_WorkerResult = tuple[Article | InputError, _Outcome, list[FeatureEntry]]


def _worker_extract(item: Article | InputError) -> _WorkerResult:
    if _WORKER_EXTRACTOR is None:  # pragma: no cover - set by the initializer
        raise RuntimeError("worker not initialised")
    item, outcome = _extract_one(item, None, _WORKER_EXTRACTOR)
    primed: list[FeatureEntry] = []
    if isinstance(outcome, ExtractionResult):
        language = outcome.article.language
        # a superset of what the merge matches: a statement that takes up an
        # earlier one's claim (refers_to) is not matched at all
        primed = features_for((st.claim_text or st.evidence, language) for st in outcome.statements)
    return item, outcome, primed


def _in_processes(
    paths: Iterable[str | Path], options: dict[str, Any], store: Store, workers: int
) -> Iterator[tuple[Article | InputError, _Outcome]]:
    """Reading and extraction in ``workers`` processes; results in merge order."""
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_worker_start, initargs=(store.gazetteer(),)
    ) as pool:
        # a window ahead: the next window is read while this one is merged
        items = _date_ordered(_load_in_processes(pool, paths, options, ORDER_WINDOW))
        yield from _extract_in_processes(pool, items, store, workers * 4)


def _load_in_processes(
    pool: ProcessPoolExecutor, paths: Iterable[str | Path], options: dict[str, Any], ahead: int
) -> Iterator[Article | InputError]:
    """What ``iter_articles`` yields, each file read by a worker, ``ahead`` files ahead."""
    pending: deque[Future[list[Article | InputError]]] = deque()
    for source in iter_sources(paths):
        if isinstance(source, InputError):
            done: Future[list[Article | InputError]] = Future()
            done.set_result([source])
            pending.append(done)
        else:
            pending.append(pool.submit(load_source, source, **options))
        while len(pending) >= ahead:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _extract_in_processes(
    pool: ProcessPoolExecutor, items: Iterable[Article | InputError], store: Store, window: int
) -> Iterator[tuple[Article | InputError, _Outcome]]:
    """Extraction in the pool's processes; results in input order, ``window`` ahead."""
    pending: deque[Future[_WorkerResult]] = deque()
    for item in items:
        if isinstance(item, InputError) or store.has_article(item.id):
            pending.append(_done(item))
        else:
            pending.append(pool.submit(_worker_extract, item))
        while len(pending) >= window:
            yield _primed(pending.popleft().result())
    while pending:
        yield _primed(pending.popleft().result())


def _primed(result: _WorkerResult) -> tuple[Article | InputError, _Outcome]:
    item, outcome, primed = result
    prime_features(primed)
    return item, outcome


def _done(item: Article | InputError) -> Future[_WorkerResult]:
    f: Future[_WorkerResult] = Future()
    f.set_result((item, None, []))
    return f


def _is_busy(err: sqlite3.OperationalError) -> bool:
    message = str(err).lower()
    return "locked" in message or "busy" in message
