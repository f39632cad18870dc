"""Tests of text normalisation, boilerplate removal and language detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import DataFileError
from pipelines.reading.language import detect_language
from pipelines.reading.normalise import (
    BOILERPLATE_PATH,
    TRAILING_BLOCK_RULE,
    clean_article_text,
    load_boilerplate_rules,
    normalise_text,
)

SEED = Path(__file__).parents[2] / "shared" / "seed" / "tiktok_us_closed_loop.zh.txt"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("Tik\u200bTok\u200c\u200d\u2060\ufeff", "TikTok"),
        ("虎嗅\u3000网\u00a0报道", "虎嗅 网 报道"),
        ("line   \nnext\t", "line\nnext"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("bell\x07 and\x1b esc\ttab", "bell and esc\ttab"),
        ("e\u0301", "\u00e9"),
        ("\n\ntext\n\n", "text"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("line", "rule_id"),
    [
        ("打开APP", "boilerplate.zh.open_app"),
        ("打开澎湃新闻APP阅读全文", "boilerplate.zh.open_app"),
        ("相关资讯", "boilerplate.zh.related"),
        ("相关企业", "boilerplate.zh.related"),
        ("相关阅读", "boilerplate.zh.related"),
        ("推荐阅读", "boilerplate.zh.related"),
        ("最新资讯", "boilerplate.zh.related"),
        ("热门TOP10热门公司|创投日报", "boilerplate.zh.hot"),
        ("去某某网看更多精彩内容", "boilerplate.zh.see_more"),
        ("【声明:本页面数据仅供参考,不构成投资建议。】", "boilerplate.zh.disclaimer"),
        ("如有任何疑问,请联系(someone@example.com)编辑部处理。", "boilerplate.zh.contact"),
        ("责任编辑：张三", "boilerplate.zh.editor"),
        ("分享到：微信 微博", "boilerplate.zh.share"),
        ("扫码关注我们", "boilerplate.zh.scan_code"),
        ("未经授权，禁止转载。", "boilerplate.zh.no_reprint"),
        ("Share this article", "boilerplate.en.share"),
        ("Advertisement", "boilerplate.en.advertisement"),
        ("Read more", "boilerplate.en.read_more"),
        ("Read more: TikTok's next move in retail", "boilerplate.en.read_more"),
        ("Sign up for our newsletter", "boilerplate.en.newsletter"),
        ("© 2023 Example Media. All rights reserved.", "boilerplate.en.copyright"),
        ("Copyright 2023 Example Media", "boilerplate.en.copyright"),
    ],
)
def test_portal_line_dropped(line: str, rule_id: str) -> None:
    body = "TikTok否认了这一消息。"
    cleaned = clean_article_text(f"{body}\n{line}\n{body}后续。")
    assert cleaned.dropped_lines == [(line, rule_id)]
    assert line not in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "相关企业表示，美区跨境店的邀请已经发出。",
        "热门产品的价格战让卖家压力很大，安迪说。",
        "Related companies have denied the report.",
        "Read more than one report before you believe it.",
        "来自深圳的卖家称，跨境店已经开放。",
        "未经证实的消息称，TikTok美区将开通小店。",
        "Copyright law was not the issue, the company said.",
    ],
)
def test_body_line_kept(line: str) -> None:
    cleaned = clean_article_text(line)
    assert cleaned.text == line
    assert cleaned.dropped_lines == []


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("本文由投资界合作伙伴虎嗅网授权发布", "虎嗅网"),
        (
            "【本文由合作伙伴虎嗅网授权发布,本平台仅提供信息存储服务。】如有任何疑问题,请联系(a@b.cn)处理。",
            "虎嗅网",
        ),
        ("本文来源：36氪", "36氪"),
        ("来源：界面新闻", "界面新闻"),
        ("本文来自微信公众号：晚点LatePost（ID：postlate）", "晚点LatePost"),
        ("This article was originally published by The Conversation.", "The Conversation"),
        ("This story originally appeared on Rest of World on May 3.", "Rest of World"),
    ],
)
def test_credit_line_gives_republished_from(line: str, outlet: str) -> None:
    cleaned = clean_article_text(f"TikTok否认了这一消息。\n{line}")
    assert cleaned.republished_from == outlet
    assert cleaned.text == "TikTok否认了这一消息。"
    assert cleaned.dropped_lines[0][0] == line
    assert cleaned.dropped_lines[0][1].startswith("source.")


def test_paragraphs_joined_by_blank_line() -> None:
    cleaned = clean_article_text("标题\n第一段。\n\n\n第二段。")
    assert cleaned.text == "标题\n\n第一段。\n\n第二段。"


def test_duplicate_paragraph_kept_once() -> None:
    cleaned = clean_article_text("小标题\n重复的段落。\n中间。\n重复的段落。\n小标题\n结尾。")
    assert cleaned.text.split("\n\n") == ["小标题", "重复的段落。", "中间。", "结尾。"]
    assert [rule for _, rule in cleaned.dropped_lines] == ["dedupe.paragraph"] * 2


def test_trailing_block_dropped() -> None:
    cleaned = clean_article_text("标题\n正文说了一件事。\n“引语。”他说。\n数据总览\n更多内容区")
    assert cleaned.text == "标题\n\n正文说了一件事。\n\n“引语。”他说。"
    assert cleaned.dropped_lines == [
        ("数据总览", TRAILING_BLOCK_RULE),
        ("更多内容区", TRAILING_BLOCK_RULE),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "正文说了一件事。\n这是一个超过二十个字符的长句子但没有句末标点所以不算导航",
        "只有标题没有句子\n第二个短行",
        "Sentence one.\nA closing quote follows.”",
    ],
)
def test_trailing_block_needs_short_tail_after_a_sentence(text: str) -> None:
    assert clean_article_text(text).dropped_lines == []


def test_bundled_boilerplate_rules_load() -> None:
    rules = load_boilerplate_rules()
    lines = [json.loads(line) for line in BOILERPLATE_PATH.read_text("utf-8").splitlines()]
    assert len(rules) == len(lines)
    assert len({rule.id for rule in rules}) == len(rules)
    assert {rule.kind for rule in rules} == {"line", "source"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not json\n", "not valid JSON"),
        ('["a"]\n', "JSON object"),
        ('{"pattern": "x", "kind": "line"}\n', "no 'id'"),
        ('{"id": "a", "pattern": "x", "kind": "word"}\n', "kind must be"),
        ('{"id": "a", "pattern": "(", "kind": "line"}\n', "bad pattern"),
        ('{"id": "a", "pattern": "x", "kind": "source"}\n', "(?P<outlet>"),
        ('{"id": "a", "pattern": "x", "kind": "line"}\n' * 2, "duplicate rule id 'a'"),
    ],
)
def test_malformed_boilerplate_file_raises(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "rules.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=reason.replace("(", r"\(").replace("?", r"\?")) as err:
        load_boilerplate_rules(path)
    assert str(path) in str(err.value)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Temu欧洲站何时开放半托管模式，是卖家最关心的问题。", "zh"),
        ("Tidewave创始人沈立言告诉36氪，Talkshoplive和Shopify都不是。", "zh"),
        ("業內人士稱，TikTok美區還是以本土店鋪為主。", "zh"),
        ("TikTok Shop的GMV在Q3增长了，Talkshoplive称。", "zh"),
        ("TikTok denied the report on Tuesday, a spokesperson said.", "en"),
        ("TikTok's founder 张一鸣 did not comment on the report yesterday.", "en"),
        ("", "und"),
        ("🙂🙂🎉 123", "und"),
        ("ТикТок опроверг сообщение.", "und"),
        ("ティックトックは報道を否定した。", "und"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED} (the shared folder is absent)")
    return SEED.read_text(encoding="utf-8")


def test_seed_article_cleaned(seed_text: str) -> None:
    cleaned = clean_article_text(seed_text)
    paragraphs = cleaned.text.split("\n\n")
    # the headline (the first line after the portal's own lines) comes first
    headline = next(line for line in seed_text.splitlines()[1:] if line.strip())
    assert paragraphs[0] == headline.strip()
    assert len(paragraphs) == len(set(paragraphs))
    assert any(rule == "dedupe.paragraph" for _, rule in cleaned.dropped_lines)
    assert paragraphs[-1].endswith("。")
    for portal in ("打开APP", "相关资讯", "相关企业", "最新资讯", "投资界", "声明"):
        assert portal not in cleaned.text
    assert cleaned.republished_from == "虎嗅网"
