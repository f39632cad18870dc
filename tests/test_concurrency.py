"""Concurrency: four ``python -m pipelines ingest`` processes, one store.

Four processes ingest four different batches into one (not yet existing)
store at the same time.  None may fail or say more than that it waited, and
the store must end up with exactly what ingesting the four batches one after
another gives: the same articles, statements and claims.

The slow variant runs each process through the crash test's shim, which
sleeps inside every statement insert, so each article holds the write lock a
while and the four writers queue for it all the time.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pipelines.ingest as ingest
from graph.store import Store
from pipelines.cli import main
from tests.test_crash_safety import counts, ingest_command, write_batch

PROCESSES = 4
PER_BATCH = 8


def _statement_ids(store_path: Path) -> set[str]:
    with Store(store_path) as store:
        return {r["id"] for r in store.query("SELECT id FROM statements")}


@pytest.fixture(scope="module")
def batches(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path]:
    """Four batches of different articles, and a store of them ingested in turn."""
    root = tmp_path_factory.mktemp("concurrency")
    folders = []
    for index in range(PROCESSES):
        folder = root / f"batch{index}"
        write_batch(folder, range(index * PER_BATCH, (index + 1) * PER_BATCH), seed=7)
        folders.append(folder)
    sequential = root / "sequential.sqlite"
    command = [sys.executable, "-m", "pipelines", "ingest", *map(str, folders)]
    done = subprocess.run(
        [*command, "--store", str(sequential)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return folders, sequential


@pytest.mark.slow
@pytest.mark.parametrize("slow", [False, True], ids=["plain", "slow-writers"])
def test_four_processes_one_store(
    batches: tuple[list[Path], Path], tmp_path: Path, slow: bool
) -> None:
    folders, sequential = batches
    store = tmp_path / "shared.sqlite"
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            ingest_command(folder, store, slow=slow),
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    outputs = [proc.communicate(timeout=300) for proc in procs]
    seconds = time.perf_counter() - started
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, out + err
        assert err.strip() == "", err
        assert "locked" not in out and "busy" not in out, out
        assert f"{PER_BATCH} added, 0 unchanged, 0 failed" in out, out
    expected = counts(sequential)
    assert expected["articles"] == PROCESSES * PER_BATCH
    got = counts(store)
    for table in ("articles", "statements", "claims"):
        assert got[table] == expected[table], (table, got, expected)
    assert _statement_ids(store) == _statement_ids(sequential)
    with Store(store) as s:
        assert s.integrity_problems() == []
    assert seconds < 150, seconds


def _one_article(tmp_path: Path) -> Path:
    path = tmp_path / "a.md"
    path.write_text("业内人士透露，美区跨境店下周开放入驻。", encoding="utf-8")
    return path


def test_merge_retried_while_store_is_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_merge = ingest.merge_extraction
    calls: list[int] = []

    def locked_twice(store: Store, result: object) -> object:
        calls.append(1)
        if len(calls) <= 2:
            raise sqlite3.OperationalError("database is locked")
        return real_merge(store, result)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "merge_extraction", locked_twice)
    monkeypatch.setattr(ingest, "MERGE_RETRY_PAUSE", 0.01)
    store = tmp_path / "s.sqlite"
    assert main(["ingest", str(_one_article(tmp_path)), "--store", str(store)]) == 0
    assert len(calls) == 3
    assert "1 added, 0 unchanged, 0 failed" in capsys.readouterr().out
    assert counts(store)["articles"] == 1


def test_merge_gives_up_in_one_line_when_store_stays_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def always_locked(store: Store, result: object) -> object:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(ingest, "merge_extraction", always_locked)
    monkeypatch.setattr(ingest, "MERGE_RETRY_PAUSE", 0.001)
    path = _one_article(tmp_path)
    store = tmp_path / "s.sqlite"
    assert main(["ingest", str(path), "--store", str(store)]) == 1
    errors = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("error")]
    assert errors == [
        f"error     {path}: store busy: database is locked "
        f"(gave up after {ingest.MERGE_ATTEMPTS} attempts; ingest it again)"
    ]
    assert counts(store)["articles"] == 0


def test_other_store_errors_are_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def disk_error(store: Store, result: object) -> object:
        calls.append(1)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(ingest, "merge_extraction", disk_error)
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        main(["ingest", str(_one_article(tmp_path)), "--store", str(tmp_path / "s.sqlite")])
    assert len(calls) == 1
