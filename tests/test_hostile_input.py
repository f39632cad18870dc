"""Hostile and messy input through the real ``python -m pipelines ingest`` path.

One batch holds every kind of bad or odd file.  It is ingested once with
:func:`pipelines.cli.main` into a temporary store; each kind is then its own
test: the file is either ingested correctly or refused with exactly one line
naming it and the reason, the batch goes on, and nothing of a refused file
reaches the store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import pipelines.reading.load as load
from graph.errors import InputError
from graph.store import Store
from pipelines.cli import main

REPO = Path(__file__).resolve().parents[1]

BASE = (
    "某物流服务商透露，美区跨境店下周开放入驻。\n\n“此消息不实。”Tidewave创始人沈立言告诉36氪。\n"
)
FRONT = "---\ntitle: {title}\noutlet: 36氪\npublished: 2026-10-25\n---\n"
MANY_QUOTES = 2000
QUOTE_SPEAKERS = ("顾俊", "沈立言", "TikTok发言人", "业内人士", "某卖家")


def _article(marker: str) -> str:
    """A small Chinese article with a rumour and a denial, unique by ``marker``."""
    return f"{marker}\n\n{BASE}"


def _html_page() -> str:
    return """<!DOCTYPE html><html><head><title>跨境店传闻 | 某新闻网</title>
<style>p { color: red }</style>
<script>var tracker = "SECRET_TRACKER";</script></head><body>
<div class="nav"><nav><ul><li><a href="/">首页导航</a></li><li><a>科技频道</a></li></ul></nav></div>
<div class="main"><article><h1>美区跨境店“已开通”？</h1>
<p>某物流服务商透露，美区跨境店下周开放入驻。这一消息在卖家群中迅速传开，很多卖家开始准备资料。</p>
<p>“此消息不实。”Tidewave创始人沈立言告诉本站。他表示，目前美区仍以本土店为主。</p>
<p>据外媒报道，TikTok正在测试相关功能，但官方未予置评。</p></article></div>
<aside><h3>热门文章推荐</h3><ul><li><a>文章一</a></li><li><a>文章二</a></li></ul></aside>
<footer>版权所有 © 2026 某新闻网</footer></body></html>"""


def _script_page() -> str:
    return """<html><head><title>脚本</title></head><body><article><h1>脚本混入正文</h1>
<p>业内人士称，跨境店已经开始内部邀请<script>document.write('INJECTED_BY_SCRIPT');
alert("pwned")</script>，但尚未公开。</p>
<p>顾俊告诉虎嗅，此消息并不真实<img src=x onerror="alert('IMG_HANDLER')">。</p>
<p><iframe src="javascript:alert('IFRAME')"></iframe>其他卖家表示还在观望。</p>
</article></body></html>"""


def _big5_page() -> bytes:
    page = (
        '<html><head><meta charset="big5"><title>站名</title></head><body>'
        "<h1>美區跨境店傳聞</h1><p>業內人士稱，TikTok美區還是以本土店鋪為主。</p>"
        "<p>顧俊告訴虎嗅，此消息並不真實。</p></body></html>"
    )
    return page.encode("big5")


def _many_quotes() -> str:
    return "\n\n".join(
        f"“第{i}条消息不实。”{QUOTE_SPEAKERS[i % len(QUOTE_SPEAKERS)]}告诉虎嗅。"
        for i in range(MANY_QUOTES)
    )


def _yaml_bomb() -> str:
    lines = ['l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 9):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "---\n" + "\n".join(lines) + "\ntitle: 别名炸弹\n---\n" + _article("别名炸弹正文。")


# -- the kinds -----------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """One hostile input: file name(s), content and what must happen."""

    name: str
    file: str
    content: str | bytes | None  # None: made by the fixture itself
    outcome: str  # added | error | unchanged
    message: str = ""  # regex the line must match
    check: Callable[[dict[str, Any], Store], None] | None = None


def _text_is(expected: str) -> Callable[[dict[str, Any], Store], None]:
    def check(row: dict[str, Any], store: Store) -> None:
        assert row["text"] == expected

    return check


def _statements(store: Store, row: dict[str, Any]) -> list[dict[str, Any]]:
    return store.query("SELECT * FROM statements WHERE article_id = ?", (row["id"],))


def _check_truncated(row: dict[str, Any], store: Store) -> None:
    assert row["text"] == "业内人士称，TikTok将在美国开设跨境店。顾俊回应说此消息不" + "实"[:0]


def _check_gb18030(row: dict[str, Any], store: Store) -> None:
    assert "𠮷野家" in row["text"] and "业内人士称" in row["text"]
    assert row["language"] == "zh"
    assert _statements(store, row)


def _check_gbk(row: dict[str, Any], store: Store) -> None:
    assert (row["title"], row["outlet"], row["published"]) == ("国标码", "虎嗅", "2026-10-20")
    assert "此消息并不真实" in row["text"]


def _check_big5(row: dict[str, Any], store: Store) -> None:
    assert row["title"] == "美區跨境店傳聞"
    assert "顧俊告訴虎嗅，此消息並不真實。" in row["text"] and row["language"] == "zh"


def _check_front_matter_read(outlet: str) -> Callable[[dict[str, Any], Store], None]:
    def check(row: dict[str, Any], store: Store) -> None:
        assert row["outlet"] == outlet
        assert "---" not in row["text"] and "\r" not in row["text"]
        assert "\ufeff" not in row["text"] and _statements(store, row)

    return check


def _check_full_width(row: dict[str, Any], store: Store) -> None:
    assert "TikTok发言人表示" in row["text"] and "2026年10月" in row["text"]
    speakers = store.query(
        "SELECT a.name FROM statements s JOIN actors a ON a.id = s.speaker_id"
        " WHERE s.article_id = ?",
        (row["id"],),
    )
    assert any("TikTok" in s["name"] for s in speakers), speakers


def _check_one_char(row: dict[str, Any], store: Store) -> None:
    assert (row["text"], row["language"]) == ("嗯", "zh")
    assert _statements(store, row) == []


def _check_html(row: dict[str, Any], store: Store) -> None:
    text = row["text"]
    assert row["title"] == "美区跨境店“已开通”？"
    assert "某物流服务商透露" in text and "沈立言告诉本站" in text
    for furniture in (
        "首页导航",
        "科技频道",
        "热门文章推荐",
        "版权所有",
        "SECRET_TRACKER",
        "color",
    ):
        assert furniture not in text, furniture


def _check_script(row: dict[str, Any], store: Store) -> None:
    text = row["text"]
    for trace in ("INJECTED", "alert", "pwned", "IMG_HANDLER", "IFRAME", "<", "javascript"):
        assert trace not in text, trace
    assert "但尚未公开" in text and "其他卖家表示还在观望" in text


def _check_unbalanced(row: dict[str, Any], store: Store) -> None:
    quotes = [s["quote"] for s in _statements(store, row) if s["quote"]]
    assert quotes == []


def _check_no_speaker(row: dict[str, Any], store: Store) -> None:
    assert "“小黄车”" in row["text"]
    assert _statements(store, row) == []


def _check_many_quotes(row: dict[str, Any], store: Store) -> None:
    n = len(_statements(store, row))
    assert n >= MANY_QUOTES * 0.9, n


def _check_emoji(row: dict[str, Any], store: Store) -> None:
    assert "🔥" in row["text"] and "🚀" in row["text"] and row["language"] == "zh"


def _check_rtl(row: dict[str, Any], store: Store) -> None:
    assert "تيك توك شوب" in row["text"] and "טיקטוק שופ" in row["text"]
    assert "\u202e" not in row["text"] and "\u200f" not in row["text"]
    assert row["language"] == "zh"


def _check_nested(row: dict[str, Any], store: Store) -> None:
    assert row["text"] == "深层嵌套的页面里，顾俊告诉虎嗅此消息并不真实。"


def _check_bomb(row: dict[str, Any], store: Store) -> None:
    assert row["title"] == "别名炸弹"


TRUNCATED = "业内人士称，TikTok将在美国开设跨境店。顾俊回应说此消息不实".encode()[:-1]
KINDS = [
    Kind("empty", "empty.txt", "", "error", "empty file"),
    Kind("whitespace only", "blank.txt", " \n\t\n\u3000\n\r\n", "error", "empty file"),
    Kind(
        "binary",
        "binary.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,
        "error",
        "binary file, not text",
    ),
    Kind("truncated UTF-8", "truncated.txt", TRUNCATED, "added", check=_check_truncated),
    Kind(
        "GB18030",
        "gb18030.txt",
        ("业内人士称，𠮷野家与TikTok将在美国开设跨境店。" + _article("国标扩展")).encode("gb18030"),
        "added",
        check=_check_gb18030,
    ),
    Kind(
        "GBK with front matter",
        "gbk.md",
        (
            "---\ntitle: 国标码\noutlet: 虎嗅\npublished: 2026-10-20\n---\n"
            "“此消息并不真实。”顾俊告诉虎嗅，美区还是以本土店铺为主。"
        ).encode("gbk"),
        "added",
        check=_check_gbk,
    ),
    Kind("Big5 HTML page", "big5.html", _big5_page(), "added", check=_check_big5),
    Kind(
        "UTF-8 with BOM",
        "bom.md",
        ("\ufeff---\noutlet: 晚点LatePost\n---\n" + _article("带字节序标记。")).encode(),
        "added",
        check=_check_front_matter_read("晚点LatePost"),
    ),
    Kind(
        "CRLF",
        "crlf.md",
        ("---\noutlet: 界面新闻\n---\n" + _article("回车换行。")).replace("\n", "\r\n").encode(),
        "added",
        check=_check_front_matter_read("界面新闻"),
    ),
    Kind(
        "UTF-16 with BOM",
        "utf16.txt",
        _article("十六位编码。").encode("utf-16"),
        "added",
        check=_text_is(
            "十六位编码。\n\n某物流服务商透露，美区跨境店下周开放入驻。\n\n"
            "“此消息不实。”Tidewave创始人沈立言告诉36氪。"
        ),
    ),
    Kind(
        "mixed full-width",
        "fullwidth.txt",
        "ＴｉｋＴｏｋ发言人表示：“美区跨境店上线的消息不实。”记者在２０２６年１０月获悉。",
        "added",
        check=_check_full_width,
    ),
    Kind(
        "zero-width and control characters",
        "control.txt",
        "顾\u200b俊告诉虎嗅\x07，此消息\u200d并不\x0b真实。\u2060\u00ad\x7f",
        "added",
        check=_text_is("顾俊告诉虎嗅，此消息并不真实。"),
    ),
    Kind(
        "20 MB article", "huge.txt", None, "error", r"file too large: 20\.0 MiB \(limit 5\.0 MiB\)"
    ),
    Kind(
        "article over the character limit",
        "long.txt",
        None,
        "error",
        r"article too long: 1\d\d,\d{3} characters \(limit 100,000; split it into parts\)",
    ),
    Kind("1-character article", "one.txt", "嗯", "added", check=_check_one_char),
    Kind(
        "front matter without closing line",
        "open.md",
        "---\ntitle: 没有结尾\noutlet: 虎嗅\n" + BASE,
        "error",
        "malformed front matter: no closing '---' line",
    ),
    Kind(
        "impossible date",
        "baddate.md",
        "---\npublished: 2022-13-45\n---\n" + _article("坏日期。"),
        "error",
        r"invalid published date '2022-13-45' \(expected YYYY-MM-DD\)",
    ),
    Kind(
        "future date",
        "future.md",
        "---\npublished: 2099-01-01\n---\n" + _article("未来日期。"),
        "error",
        r"published date 2099-01-01 is in the future \(today is \d{4}-\d\d-\d\d\)",
    ),
    Kind(
        "Japanese",
        "japanese.txt",
        "ティックトックは報道を否定した。同社の広報担当者は「事実ではない」と述べた。",
        "error",
        r"unsupported language 'und' \(detected; only Chinese 'zh' and English 'en'",
    ),
    Kind(
        "Korean",
        "korean.txt",
        "틱톡은 보도를 부인했다. 회사 대변인은 사실이 아니라고 말했다.",
        "error",
        "unsupported language 'und'",
    ),
    Kind(
        "Russian",
        "russian.txt",
        "ТикТок опроверг сообщение. Представитель компании назвал его ложным.",
        "error",
        "unsupported language 'und'",
    ),
    Kind(
        "a language given but not supported",
        "french.md",
        "---\nlanguage: fr\n---\nTikTok a démenti l'information.",
        "error",
        r"unsupported language 'fr' \(given;",
    ),
    Kind("emoji only", "emoji_only.txt", "🔥🚀🎉 👍", "error", "unsupported language 'und'"),
    Kind("HTML page", "page.html", _html_page(), "added", check=_check_html),
    Kind("script inside article HTML", "script.html", _script_page(), "added", check=_check_script),
    Kind(
        "HTML with only scripts and navigation",
        "scripts_only.html",
        "<html><head><script>var a = 1;</script></head><body><nav>首页</nav>"
        "<script>alert(1)</script></body></html>",
        "error",
        "no article text left after cleaning",
    ),
    Kind(
        "deeply nested HTML",
        "nested.html",
        "<div>" * 3000 + "<p>深层嵌套的页面里，顾俊告诉虎嗅此消息并不真实。</p>" + "</div>" * 3000,
        "added",
        check=_check_nested,
    ),
    Kind("JSONL broken line", "feed.jsonl:2", None, "error", r"not valid JSON: .* \(column \d+\)"),
    Kind("JSONL good line before", "feed.jsonl:1", None, "added"),
    Kind("JSONL good line after", "feed.jsonl:3", None, "added"),
    Kind(
        "unbalanced quotation marks",
        "unbalanced.txt",
        "顾俊告诉虎嗅：“此消息并不真实，美区还是以本土店铺为主。\n\n第二段也没有结束的引号。",
        "added",
        check=_check_unbalanced,
    ),
    Kind(
        "quote with no speaker",
        "nospeaker.txt",
        "卖家们把直播购物车叫作“小黄车”，这个说法在圈内流行。",
        "added",
        check=_check_no_speaker,
    ),
    Kind("thousands of quotes", "quotes.md", None, "added", check=_check_many_quotes),
    Kind(
        "emoji in text",
        "emoji.txt",
        "🔥🔥重磅！某卖家在群里说，美区跨境店“已开通”了🚀。\n\n👨‍👩‍👧 卖家们都在等消息。",
        "added",
        check=_check_emoji,
    ),
    Kind(
        "right-to-left text",
        "rtl.txt",
        "据外媒报道，TikTok在迪拜的活动名为«تيك توك شوب»，以色列团队称之为\u200fטיקטוק שופ。"
        "\u202e业内人士称这只是传言。\n\n顾俊告诉虎嗅，此消息并不真实。",
        "added",
        check=_check_rtl,
    ),
    Kind("YAML alias bomb in front matter", "bomb.md", _yaml_bomb(), "added", check=_check_bomb),
    Kind("same article twice: first", "dup_a.txt", _article("重复文章。"), "added"),
    Kind("same article twice: second", "dup_b.txt", _article("重复文章。"), "unchanged"),
    Kind(
        "unsupported type",
        "doc.pdf",
        b"%PDF-1.4\n%\xe2\xe3",
        "error",
        "unsupported file type '.pdf'",
    ),
    Kind(
        "file vanishing mid-batch",
        "vanishing.txt",
        _article("会消失的文件。"),
        "error",
        "cannot read file: it disappeared after it was listed",
    ),
    Kind(
        "unreadable file",
        "unreadable.txt",
        _article("读不到。"),
        "error",
        "cannot read file: Permission denied",
    ),
    Kind(
        "symlink loop",
        "loop.txt",
        None,
        "error",
        "cannot read file: Too many levels of symbolic links",
    ),
    Kind("named pipe given as a path", "pipe.txt", None, "error", "not a regular file"),
    Kind("missing path", "missing.txt", None, "error", "no such file or directory"),
]


@dataclass
class Run:
    """The outcome of ingesting the hostile batch once."""

    folder: Path
    extra: Path
    store: Path
    code: int
    lines: list[str]
    seconds: float

    def lines_for(self, file: str) -> list[str]:
        """Progress lines naming ``file`` (``name`` or ``name:LINE``) exactly."""
        pattern = re.compile(rf"/{re.escape(file)}(?=[:\s]|$)")
        return [line for line in self.lines if pattern.search(line.split(" [", 1)[0])]

    def path_of(self, file: str) -> str:
        name, _, line = file.partition(":")
        base = self.extra if name in ("pipe.txt", "missing.txt") else self.folder
        return f"{base / name}:{line}" if line else str(base / name)


def _write_batch(folder: Path, extra: Path) -> None:
    for kind in KINDS:
        if kind.content is None or ":" in kind.file:
            continue
        path = folder / kind.file
        data = kind.content.encode("utf-8") if isinstance(kind.content, str) else kind.content
        path.write_bytes(data)
    paragraph = ("业内人士称，TikTok美区还是以本土店铺为主，跨境店会在明年开放。" * 20) + "\n"
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        while handle.tell() < 20 * 2**20:
            handle.write(paragraph * 100)
        handle.truncate(20 * 2**20 - 1)
    unique = "\n".join(f"第{i}段：{paragraph.strip()}" for i in range(200))
    (folder / "long.txt").write_text(unique[:130_000], encoding="utf-8")
    (folder / "quotes.md").write_text(
        "---\noutlet: 虎嗅\npublished: 2026-10-01\n---\n" + _many_quotes(), encoding="utf-8"
    )
    lines = [
        json.dumps({"text": _article("第一行。"), "outlet": "虎嗅", "published": "2026-11-01"}),
        '{"text": "断了的一行", "outlet": ',
        json.dumps({"text": _article("第三行。"), "outlet": "虎嗅"}, ensure_ascii=False),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(extra / "pipe.txt")


@contextlib.contextmanager
def _vanish_after_listing(victim: Path) -> Iterator[None]:
    """Delete ``victim`` once the folder has been listed, before it is read."""
    original = load._expand

    def listing_then_delete(path: Path) -> Iterator[Path | InputError]:
        listed = list(original(path))
        if victim.exists():
            victim.unlink()
        yield from listed

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(load, "_expand", listing_then_delete)
        yield


@contextlib.contextmanager
def _unreadable(victim: Path) -> Iterator[None]:
    """Make ``victim`` unreadable: chmod 000, or (as root, who reads anyway) a
    simulated ``EACCES`` from opening that one file."""
    if os.geteuid() != 0:
        victim.chmod(0)
        try:
            yield
        finally:
            victim.chmod(0o644)
        return
    original = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == victim:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return original(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "open", refusing_open)
        yield


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("hostile")
    folder, extra = root / "batch", root / "extra"
    folder.mkdir()
    extra.mkdir()
    _write_batch(folder, extra)
    store = root / "store.sqlite"
    out = io.StringIO()
    argv = ["ingest", str(folder), str(extra / "pipe.txt"), str(extra / "missing.txt")]
    started = time.perf_counter()
    with (
        _vanish_after_listing(folder / "vanishing.txt"),
        _unreadable(folder / "unreadable.txt"),
        contextlib.redirect_stdout(out),
    ):
        code = main([*argv, "--store", str(store)])
    seconds = time.perf_counter() - started
    return Run(folder, extra, store, code, out.getvalue().splitlines(), seconds)


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_hostile_kind_is_ingested_or_refused_in_one_line(hostile: Run, kind: Kind) -> None:
    lines = hostile.lines_for(kind.file)
    assert len(lines) == 1, (kind.file, lines)
    [line] = lines
    assert "\n" not in line
    path = hostile.path_of(kind.file)
    with Store(hostile.store) as store:
        rows = store.query("SELECT * FROM articles WHERE source = ?", (path,))
        if kind.outcome == "error":
            assert line.startswith(f"error     {path}: "), line
            assert re.search(kind.message, line), (kind.message, line)
            assert rows == []
        elif kind.outcome == "unchanged":
            assert line.startswith(f"unchanged {path}"), line
            assert rows == []
        else:
            assert line.startswith(f"added     {path}"), line
            assert len(rows) == 1
            if kind.check is not None:
                kind.check(rows[0], store)


def test_hostile_batch_goes_on_and_store_stays_whole(hostile: Run) -> None:
    added = sum(1 for k in KINDS if k.outcome == "added")
    failed = sum(1 for k in KINDS if k.outcome == "error")
    unchanged = sum(1 for k in KINDS if k.outcome == "unchanged")
    assert hostile.code == 1
    summary = f"{added} added, {unchanged} unchanged, {failed} failed"
    assert any(summary in line for line in hostile.lines), hostile.lines[-5:]
    progress = [ln for ln in hostile.lines if ln.startswith(("added", "error", "unchanged"))]
    assert len(progress) == len(KINDS)
    with Store(hostile.store) as store:
        assert store.count("articles") == added
        assert store.integrity_problems() == []
        # every stored statement points into its own article's text
        for s in store.query(
            'SELECT s.start, s."end", s.evidence, a.text FROM statements s'
            " JOIN articles a ON a.id = s.article_id"
        ):
            assert s["text"][s["start"] : s["end"]] == s["evidence"]


def test_hostile_batch_finishes_in_reasonable_time(hostile: Run) -> None:
    # 20 MB and over-long articles are refused before extraction; the 2,000-quote
    # article is the slow one (about 15-25 s today, quadratic in the extractor).
    assert hostile.seconds < 120, hostile.seconds


def test_future_date_from_the_flag_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(_article("旗标日期。"), encoding="utf-8")
    future = dt.date.today() + dt.timedelta(days=30)
    [item] = load.iter_articles([path], published=future)
    assert isinstance(item, InputError)
    assert item.reason.startswith(f"published date {future.isoformat()} is in the future")
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # a time zone ahead: accepted
    [item] = load.iter_articles([path], published=tomorrow)
    assert not isinstance(item, InputError)


# Runs argv[2:], writes its peak resident set (ru_maxrss) to argv[1], exits with its status.
_PEAK_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def test_20mb_article_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    """The real command in its own process: time and peak memory of that process."""
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.write(b"---\ntitle: huge\n---\n")
        block = ("业内人士称，TikTok美区还是以本土店铺为主。" * 1000 + "\n").encode()
        while handle.tell() < 20 * 2**20:
            handle.write(block)
    good = tmp_path / "good.md"
    good.write_text(FRONT.format(title="正常") + BASE, encoding="utf-8")
    log = tmp_path / "out.txt"
    peak_file = tmp_path / "peak.txt"
    started = time.perf_counter()
    with log.open("wb") as out:
        # A child forked from this (large) pytest process inherits its peak in
        # ru_maxrss at exec; a small launcher starts the command instead, so the
        # peak measured is the command's own.
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                _PEAK_LAUNCHER,
                str(peak_file),
                sys.executable,
                "-m",
                "pipelines",
                "ingest",
                str(huge),
                str(good),
                "--store",
                str(tmp_path / "s.sqlite"),
            ],
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    seconds = time.perf_counter() - started
    output = log.read_text(encoding="utf-8")
    assert proc.returncode == 1, output
    errors = [line for line in output.splitlines() if line.startswith("error")]
    assert errors == [f"error     {huge}: file too large: 20.0 MiB (limit 5.0 MiB)"]
    assert "1 added, 0 unchanged, 1 failed" in output
    assert seconds < 60, seconds
    peak_mib = int(peak_file.read_text()) / 1024  # kilobytes on Linux
    assert peak_mib < 1024, peak_mib
