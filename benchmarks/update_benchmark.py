"""Benchmark: adding one article to a store of 1,000 and of 10,000 articles.

The stores are built from generated articles: the bundled sample reports'
extracted statements, recombined with other companies, people, outlets,
numbers and dates, so claims vary the way a real feed's do.  Then the same
new reports (fresh text, through the whole path: load, extract, merge,
commit) are added to each store, and the times are compared side by side.

    python benchmarks/update_benchmark.py [--sizes 1000 10000] [--adds 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from graph.merge import merge_extraction
from graph.records import ActorKind, ActorRef, Article, ExtractionResult
from graph.store import Store
from pipelines.extract import Extractor
from pipelines.ingest import ingest_paths
from pipelines.reading.load import iter_articles
from pipelines.sample import SAMPLE_CORPUS

COMPANIES = ["TikTok", "Temu", "Shein", "Amazon", "Shopify", "Talkshoplive", "Walmart", "淘宝"]
OUTLETS = ["虎嗅", "36氪", "晚点LatePost", "界面新闻", "财新", "Axios", "Reuters", "Bloomberg"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def _vocabulary() -> list[str]:
    """Common two-to-four character words (jieba's dictionary), for varied claims."""
    import jieba

    jieba.initialize()
    return sorted(
        w
        for w, f in jieba.dt.FREQ.items()
        if f > 2000 and 2 <= len(w) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in w)
    )


def _new_claim(vocab: list[str], rng: random.Random) -> str:
    """A new claim: a company, a few common words and a number."""
    words = "".join(rng.sample(vocab, rng.randint(4, 7)))
    return f"{rng.choice(COMPANIES)}{words}{rng.randint(2, 9999)}家"


def generate(base: list[ExtractionResult], n: int, seed: int = 7) -> list[ExtractionResult]:
    """``n`` articles; most claims new, about one in five taken up again later."""
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    vocab = _vocabulary()
    seen: list[str] = []
    out = []
    for i in range(n):
        src = rng.choice(base)
        outlet = rng.choice(OUTLETS)
        day = start + dt.timedelta(days=i * 1000 // max(n, 1))
        article = dataclasses.replace(
            src.article,
            id=f"gen{n}-{i:06d}",
            outlet=outlet,
            published=day,
            source=f"generated/{i}",
            title=f"generated {i}",
        )
        people: dict[str, ActorRef] = {}
        statements = []
        for st in src.statements:
            speaker = st.speaker
            if speaker.kind == ActorKind.PERSON:
                speaker = people.setdefault(speaker.name, ActorRef(_person(rng), ActorKind.PERSON))
            elif speaker.kind == ActorKind.ANONYMOUS:
                speaker = dataclasses.replace(speaker, scope=outlet)
            claim = None
            if st.claim_text:
                repeat = bool(seen) and rng.random() < 0.2
                claim = rng.choice(seen[-500:]) if repeat else _new_claim(vocab, rng)
                seen.append(claim)
            statements.append(dataclasses.replace(st, speaker=speaker, claim_text=claim))
        out.append(ExtractionResult(article, src.mentions, (), tuple(statements)))
    return out


def build(results: list[ExtractionResult], path: Path) -> float:
    t0 = time.perf_counter()
    with Store(path) as store:
        for r in results:
            merge_extraction(store, r)
        store.checkpoint()
    return time.perf_counter() - t0


NEW_REPORT = """---
title: 新报道 {i}
outlet: 虎嗅
published: 2026-11-{day:02d}
language: zh
---

据外媒Axios报道，{company}正计划在西雅图招聘约{n}名物流员工。

“此消息不实。”{company}发言人告诉虎嗅。

一位接近{company}的知情人士透露，公司内部正在评估美区跨境店方案，最快明年上线。

分析师{person}认为，{company}今年的美区成交额将增长{n}%左右。
"""


def add_reports(store_path: Path, extractor: Extractor, adds: int, folder: Path) -> list[float]:
    rng = random.Random(11)
    times = []
    with Store(store_path) as store:
        for i in range(adds):
            f = folder / f"new-{store_path.stem}-{i}.md"
            f.write_text(
                NEW_REPORT.format(
                    i=i,
                    day=i + 1,
                    company=rng.choice(COMPANIES),
                    n=rng.randint(10, 99),
                    person=_person(rng),
                ),
                encoding="utf-8",
            )
            t0 = time.perf_counter()
            summary = ingest_paths([f], store, extractor=extractor)
            times.append(time.perf_counter() - t0)
            if summary.count("added") != 1:
                raise SystemExit(f"the new report was not added: {summary.lines()}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--adds", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build the stores here and reuse them next time")
    args = ap.parse_args()
    extractor = Extractor()
    # the Chinese sample reports are the material; the new reports are Chinese too
    base = [
        extractor(a)
        for a in iter_articles([SAMPLE_CORPUS])
        if isinstance(a, Article) and a.language == "zh"
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            path = folder / f"store{n}.sqlite"
            kept = args.keep / f"store{n}.sqlite" if args.keep else None
            if kept and kept.exists():
                shutil.copy(kept, path)
                build_s = float("nan")
            else:
                build_s = build(generate(base, n), path)
                if kept:
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(path, kept)
            with Store(path) as s:
                counts = (s.count("articles"), s.count("claims"), s.count("statements"))
            times = add_reports(path, extractor, args.adds, folder)
            rows.append((n, build_s, counts, statistics.median(times), max(times)))
    head = ("articles", "build s", "claims", "stmts", "add median s", "add max s")
    print("{:>9} {:>8} {:>7} {:>7} {:>13} {:>10}".format(*head))
    for _n, build_s, (arts, claims, stmts), med, worst in rows:
        print(f"{arts:>9} {build_s:>8.1f} {claims:>7} {stmts:>7} {med:>13.3f} {worst:>10.3f}")
    if len(rows) >= 2:
        ratio = rows[-1][3] / rows[0][3]
        print(f"ratio {rows[-1][0]} / {rows[0][0]} (median add): {ratio:.2f}  (goal <= 1.5)")
        print(f"largest store, median add: {rows[-1][3]:.3f} s  (goal <= 0.25 s)")


if __name__ == "__main__":
    main()
