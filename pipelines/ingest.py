"""Ingest a batch: load -> extract -> merge, one transaction per article.

A bad file is reported in one line (``PATH: reason``) and the batch goes
on; an article already stored is ``unchanged`` and costs no extraction.
Progress goes through a callback so the CLI decides how to show it.

Several processes may ingest into one store at once.  The store waits for
the write lock (WAL, busy timeout); should SQLite still answer "database is
locked" or "busy", the merge, which is one transaction and so leaves nothing
behind when it fails, is retried a few times with a growing, jittered pause
before the article is reported as failed.
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

from graph.errors import InputError, RumorGraphError
from graph.merge import ChangeReport, merge_extraction
from graph.records import Article, ExtractionResult
from graph.store import Store
from pipelines.extract import Extractor
from pipelines.load import iter_articles

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
    items = _date_ordered(
        iter_articles(paths, outlet=outlet, published=published, language=language)
    )
    if workers > 1:
        results = _extract_in_processes(items, store, workers)
    else:
        extractor = extractor or Extractor()
        extractor.learn_from(store)
        results = (_extract_one(item, store, extractor) for item in items)
    for item, outcome in results:
        event = _merge_one(item, outcome, store)
        if extractor is not None and event.outcome == "added":
            extractor.learn_from(store)
        summary.events.append(event)
        if on_event is not None:
            on_event(event)
    return summary


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


def _merge_one(item: Article | InputError, outcome: _Outcome, store: Store) -> IngestEvent:
    if isinstance(item, InputError):
        return IngestEvent("failed", item.path, error=str(item))
    source = item.source or item.id
    if isinstance(outcome, str):
        return IngestEvent("failed", source, item.title, error=f"{source}: {outcome}")
    if outcome is None or store.has_article(item.id):
        return IngestEvent("unchanged", source, item.title)
    try:
        report = _merge_with_retry(store, outcome)
    except _StoreBusy as err:
        return IngestEvent("failed", source, item.title, error=f"{source}: {err}")
    except RumorGraphError as err:
        return IngestEvent("failed", source, item.title, error=f"{source}: {err}")
    return IngestEvent(report.outcome, source, item.title, report)


_WORKER_EXTRACTOR: Extractor | None = None


def _worker_start(gazetteer_rows: list[dict[str, object]]) -> None:
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = Extractor()
    _WORKER_EXTRACTOR.learn(gazetteer_rows)


def _worker_extract(item: Article | InputError) -> tuple[Article | InputError, _Outcome]:
    if _WORKER_EXTRACTOR is None:  # pragma: no cover - set by the initializer
        raise RuntimeError("worker not initialised")
    return _extract_one(item, None, _WORKER_EXTRACTOR)


def _extract_in_processes(
    items: Iterable[Article | InputError], store: Store, workers: int
) -> Iterator[tuple[Article | InputError, _Outcome]]:
    """Extraction in ``workers`` processes; results in input order, a bounded window ahead."""
    window = workers * 4
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_worker_start, initargs=(store.gazetteer(),)
    ) as pool:
        pending: deque[Future[tuple[Article | InputError, _Outcome]]] = deque()
        for item in items:
            if isinstance(item, InputError) or store.has_article(item.id):
                pending.append(_done(item))
            else:
                pending.append(pool.submit(_worker_extract, item))
            while len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _done(item: Article | InputError) -> Future[tuple[Article | InputError, _Outcome]]:
    f: Future[tuple[Article | InputError, _Outcome]] = Future()
    f.set_result((item, None))
    return f


class _StoreBusy(Exception):
    """The store stayed locked by other writers through every attempt."""


def _is_busy(err: sqlite3.OperationalError) -> bool:
    message = str(err).lower()
    return "locked" in message or "busy" in message


def _merge_with_retry(
    store: Store, result: ExtractionResult, *, attempts: int = MERGE_ATTEMPTS
) -> ChangeReport:
    """Merge ``result``; retry while another process holds the store's write lock."""
    for attempt in range(attempts):
        try:
            return merge_extraction(store, result)
        except sqlite3.OperationalError as err:
            if not _is_busy(err):
                raise
            if attempt == attempts - 1:
                raise _StoreBusy(
                    f"store busy: {err} (gave up after {attempts} attempts; ingest it again)"
                ) from err
            pause = MERGE_RETRY_PAUSE * 2**attempt
            time.sleep(pause * (0.5 + random.random()))  # jitter: writers do not collide again
    raise _StoreBusy("store busy")  # not reached: attempts >= 1
