"""Crash safety: ``python -m pipelines ingest`` killed with SIGKILL, again and again.

A batch of generated Chinese articles (rumours, quotes, denials, recombined
from sentences written here) is ingested by a child process that is killed at
a random point.  After every kill the store must be whole (SQLite integrity,
foreign keys, the model's invariants) and every article either fully present,
with all its statements, or absent.  Re-running the batch then completes it
with the same counts as one clean run: nothing lost, nothing duplicated.

Where the kill lands: a clean run spends about 4 s starting (spaCy, jieba,
the dictionary) and well under a second merging 30 articles, so a kill 0.2-3 s
after the start hits start-up and the store's creation, and one after the
first article would mostly find the batch done.  So every fourth kill counts
from the start, and the others count from the first article reported by a
child slowed by a shim: ``python -m pipelines ingest`` run through ``runpy``
with a short sleep in each statement insert, so each article's transaction
stays open a while and most kills land inside one.  The clock of those starts
at the first article *added*: stored ones are reported ``unchanged`` at once.

``CRASH_KILLS`` sets the number of kills (default 20).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from graph.store import Store

REPO = Path(__file__).resolve().parents[1]
KILLS = int(os.environ.get("CRASH_KILLS", "20"))
SEED = 20261124

# Sentences are written for this test; actors are gazetteer organisations,
# media and anonymous sources, so what a run has learned does not change what
# the next one extracts.
CLAIMS = (
    "美区跨境店下周开放入驻",
    "TikTok将在美国自建物流仓",
    "一家公司最多能绑3个TikTok号",
    "平台将把佣金下调到2%",
    "Talkshoplive将为TikTok提供直播带货服务",
    "跨境店回款将统一使用派安盈",
    "Temu计划在欧洲开设本地仓",
    "Shein将在美国重新提交上市申请",
    "淘宝将向海外卖家开放直播",
    "字节跳动准备出售TikTok美国业务",
)
ASSERTERS = ("业内人士", "知情人士", "某物流服务商", "一位接近平台的人士", "多位卖家")
COMPANIES = ("TikTok", "Temu", "Shein", "淘宝", "字节跳动", "Talkshoplive")
MEDIA = ("Axios", "Reuters", "Bloomberg", "The Information")
OUTLETS = ("虎嗅", "36氪", "晚点LatePost", "界面新闻", "钛媒体")
TEMPLATES = (
    "{anon}透露，{claim}。",
    "据外媒{media}报道，{claim}。",
    "网传{claim}，不少卖家已经开始准备资料。",
    "“{claim}的消息不实。”{company}发言人告诉{outlet}。",
    "{company}发言人表示：“{claim}一事并不属实。”",
    "对于{claim}的传闻，{company}方面予以否认。",
    "{anon}称：“{claim}，我们已经收到了通知。”",
    "{company}相关负责人证实，{claim}。",
    "对此，{company}未予置评。",
    "{anon}认为，{claim}的可能性不大。",
)
FILLERS = (
    "不少卖家在群里讨论这件事。",
    "这一消息在跨境圈迅速传开。",
    "截至发稿，平台尚未发布正式公告。",
    "多位服务商表示仍在观望。",
)


def make_article(rng: random.Random, number: int) -> str:
    """One article: front matter and 4-7 paragraphs of recombined sentences."""
    outlet = rng.choice(OUTLETS)
    paragraphs = []
    for _ in range(rng.randint(4, 7)):
        sentences = [
            rng.choice(TEMPLATES).format(
                anon=rng.choice(ASSERTERS),
                claim=rng.choice(CLAIMS),
                media=rng.choice(MEDIA),
                company=rng.choice(COMPANIES),
                outlet=outlet,
            )
            for _ in range(rng.randint(1, 2))
        ]
        if rng.random() < 0.4:
            sentences.append(rng.choice(FILLERS))
        paragraphs.append("".join(sentences))
    day = 1 + number % 28
    front = (
        f"---\ntitle: 跨境传闻跟踪第{number}篇\noutlet: {outlet}\n"
        f"published: 2026-10-{day:02d}\n---\n"
    )
    return front + f"跨境传闻跟踪第{number}篇\n\n" + "\n\n".join(paragraphs) + "\n"


def write_batch(folder: Path, numbers: Sequence[int], *, seed: int = SEED) -> list[Path]:
    """Write the articles ``numbers`` (each from its own seeded generator)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in numbers:
        path = folder / f"article_{number:03d}.md"
        path.write_text(make_article(random.Random(seed * 1000 + number), number), "utf-8")
        paths.append(path)
    return paths


# ``python -m pipelines`` with a sleep in every statement insert (inside the
# article's transaction).
SLOW_SHIM = """
import runpy, sys, time
from graph.store import Store
original = Store.add_statement
def slow_add_statement(self, row):
    time.sleep(STATEMENT_DELAY)
    return original(self, row)
Store.add_statement = slow_add_statement
sys.argv = ["pipelines", *sys.argv[1:]]
runpy.run_module("pipelines", run_name="__main__", alter_sys=True)
"""
STATEMENT_DELAY = 0.02


def ingest_command(batch: Path, store: Path, *, slow: bool = False) -> list[str]:
    """The ingest command line; ``slow`` runs it through :data:`SLOW_SHIM`."""
    args = ["ingest", str(batch), "--store", str(store)]
    if slow:
        shim = SLOW_SHIM.replace("STATEMENT_DELAY", repr(STATEMENT_DELAY))
        return [sys.executable, "-c", shim, *args]
    return [sys.executable, "-m", "pipelines", *args]


def counts(store_path: Path) -> dict[str, int]:
    with Store(store_path) as store:
        return {t: store.count(t) for t in ("articles", "statements", "claims", "actors")}


def statements_by_article(store_path: Path) -> dict[str, int]:
    with Store(store_path) as store:
        rows = store.query(
            "SELECT a.id, count(s.id) AS n FROM articles a"
            " LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.id"
        )
    return {r["id"]: r["n"] for r in rows}


def _wait_for_first_added(log: Path, proc: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait until the child has added one article (or ended).

    Not its first line: articles already stored are reported ``unchanged``
    before the extraction pipelines are even built.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if b"\nadded" in b"\n" + log.read_bytes():
            return
        time.sleep(0.02)


@pytest.fixture(scope="module")
def crash_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, int]]:
    """The batch, and a store made by one clean run with its counts."""
    root = tmp_path_factory.mktemp("crash")
    batch = root / "batch"
    write_batch(batch, range(30))
    clean = root / "clean.sqlite"
    done = subprocess.run(
        ingest_command(batch, clean), cwd=root, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return batch, clean, counts(clean)


@pytest.mark.slow
def test_sigkill_never_leaves_half_an_article(
    crash_batch: tuple[Path, Path, dict[str, int]], tmp_path: Path
) -> None:
    batch, clean, clean_counts = crash_batch
    assert clean_counts["articles"] == 30 and clean_counts["statements"] > 60
    expected = statements_by_article(clean)
    rng = random.Random(SEED)
    store = tmp_path / "killed.sqlite"
    log = tmp_path / "child.log"
    kills_mid_batch = 0
    progress: set[int] = set()  # articles present after each kill
    for kill in range(KILLS):
        during_merges = kill % 4 != 0
        command = ingest_command(batch, store, slow=during_merges)
        with log.open("wb") as out:
            proc = subprocess.Popen(command, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
            if during_merges:
                _wait_for_first_added(log, proc, timeout=60)
            time.sleep(rng.uniform(0.2, 3.0))
            finished = proc.poll() is not None
            proc.kill()
            proc.wait(timeout=30)
        if not finished:
            kills_mid_batch += 1
        with Store(store) as s:
            assert s.integrity_problems() == [], f"kill {kill}"
        present = statements_by_article(store)
        progress.add(len(present))
        assert set(present) <= set(expected), f"kill {kill}: unknown articles"
        for article_id, n in present.items():
            assert n == expected[article_id], f"kill {kill}: article {article_id} half-written"
        if len(present) == len(expected):
            # The batch was completed: start again, so later kills land mid-batch.
            for suffix in ("", "-wal", "-shm"):
                Path(f"{store}{suffix}").unlink(missing_ok=True)
    assert kills_mid_batch >= KILLS // 2
    assert len(progress) > 2, progress  # the kills landed at different points
    done = subprocess.run(
        ingest_command(batch, store), cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert counts(store) == clean_counts
    assert statements_by_article(store) == expected
    with Store(store) as s:
        assert s.integrity_problems() == []
