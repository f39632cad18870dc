import json
import re

import pytest

from graph.store import Store
from pipelines.cli import SAMPLE_CORPUS, main

GOOD = """---
title: 卖家服务商否认美区跨境店开通
outlet: 36氪
published: 2026-10-25
---

某物流服务商透露，美区跨境店下周开放入驻。

“此消息不实。”Tidewave创始人沈立言告诉36氪。
"""


@pytest.fixture
def batch(tmp_path):
    d = tmp_path / "batch"
    d.mkdir()
    (d / "good.md").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (d / "undecodable.txt").write_bytes(b"plain words then \x81\x8d\x8f\x90\x9d bytes " * 3)
    (d / "frontmatter.md").write_text("---\ntitle: x\nno closing line\n正文。", encoding="utf-8")
    (d / "baddate.md").write_text("---\npublished: 2022-13-45\n---\n正文内容。", encoding="utf-8")
    (d / "doc.pdf").write_bytes(b"%PDF-1.4")
    good_line = {
        "text": "“消息属实。”TikTok发言人说。",
        "outlet": "虎嗅",
        "published": "2026-11-01",
    }
    (d / "feed.jsonl").write_text(
        json.dumps(good_line, ensure_ascii=False) + "\n{not json\n", encoding="utf-8"
    )
    return d


def test_ingest_batch_reports_each_bad_file_and_keeps_the_good(batch, tmp_path, capsys):
    store_path = tmp_path / "s.sqlite"
    code = main(["ingest", str(batch), "--store", str(store_path)])
    out = capsys.readouterr().out
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("error")]
    expected = {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "undecodable.txt": "undecodable",
        "frontmatter.md": "front matter",
        "baddate.md": "2022-13-45",
        "doc.pdf": "unsupported",
        "feed.jsonl:2": "JSON",
    }
    for name, reason in expected.items():
        hits = [e for e in errors if name in e]
        assert len(hits) == 1, (name, errors)
        assert re.search(reason, hits[0], re.IGNORECASE), hits[0]
    assert len(errors) == len(expected)
    with Store(store_path) as store:
        assert store.count("articles") == 2
        sources = {r["source"] for r in store.query("SELECT source FROM articles")}
        assert all("good.md" in s or "feed.jsonl" in s for s in sources)
        assert store.integrity_problems() == []
    assert re.search(r"2 added, 0 unchanged, 7 failed", out)


def test_ingest_same_files_again_says_unchanged(batch, tmp_path, capsys):
    store_path = tmp_path / "s.sqlite"
    good = batch / "good.md"
    assert main(["ingest", str(good), "--store", str(store_path)]) == 0
    capsys.readouterr()
    assert main(["ingest", str(good), "--store", str(store_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("unchanged")
    assert "0 added, 1 unchanged" in out


def test_ingest_flags_fill_what_the_file_lacks(tmp_path, capsys):
    f = tmp_path / "plain.txt"
    f.write_text("业内人士称，TikTok将在美国开设跨境店。", encoding="utf-8")
    store_path = tmp_path / "s.sqlite"
    assert (
        main(
            [
                "ingest",
                str(f),
                "--store",
                str(store_path),
                "--outlet",
                "虎嗅网",
                "--published",
                "2026-10-20",
            ]
        )
        == 0
    )
    with Store(store_path) as store:
        art = store.query("SELECT outlet, published FROM articles")[0]
        assert art == {"outlet": "虎嗅网", "published": "2026-10-20"}
        anon = store.query("SELECT name, scope FROM actors WHERE kind = 'anonymous'")
        assert anon == [{"name": "业内人士", "scope": "虎嗅"}]


def test_ingest_reports_status_change_in_summary(batch, tmp_path, capsys):
    assert main(["ingest", str(batch / "good.md"), "--store", str(tmp_path / "s.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "status unverified -> denied" in out
    assert "沈立言" in out


def test_run_builds_store_and_html_from_the_bundled_corpus(tmp_path, capsys):
    out_dir = tmp_path / "out"
    assert main(["run", "--out", str(out_dir)]) == 0
    printed = capsys.readouterr().out
    html = out_dir / "rumour_graph.html"
    store_path = out_dir / "sample.sqlite"
    assert str(html.resolve()) in printed and str(store_path.resolve()) in printed
    page = html.read_text(encoding="utf-8")
    assert "vis-network" in page and "https://cdn" not in page
    n_files = len(list(SAMPLE_CORPUS.glob("*.md")))
    with Store(store_path) as store:
        assert store.count("articles") == n_files
        statuses = {r["status"] for r in store.query("SELECT status FROM claims")}
        assert {"denied", "confirmed", "unverified"} <= statuses
        relayed = store.query("SELECT count(*) AS n FROM statements WHERE via_id IS NOT NULL")
        assert relayed[0]["n"] >= 2
    # running again rebuilds from scratch and gives the same store
    assert main(["run", "--out", str(out_dir)]) == 0
