"""Chinese long-read interviewees: pseudonyms (X（化名）) introduce a person a
later 他/她 points at, and a quote standing alone is the speaker's the next
sentence names (说这话的是X).  Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from graph.records import Article
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def names(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    result = extractor(Article(id="t", text=text, language="zh", outlet="南方周末"))
    return [(s.speaker.name, s.rule) for s in result.statements]


def test_quote_then_speaker_revealed(extractor: Extractor) -> None:
    text = (
        "“一天跑十二个小时，到手不到两百块。”\n\n"
        "说这话的是王海涛（化名）。他在城郊开网约车已经三年。"
    )
    assert names(extractor, text) == [("王海涛", "zh.quote.speaker_revealed")]


def test_revealed_speaker_is_who_a_later_pronoun_means(extractor: Extractor) -> None:
    text = (
        "“今年的订单少了一半。”\n\n"
        "发出这番感慨的是陈秀兰（化名）。\n\n"
        "在另一个镇上，货车司机老郑告诉我们，运费已经降了两成。\n\n"
        "陈秀兰说，她准备明年换一个行当。"
    )
    got = names(extractor, text)
    assert got[0] == ("陈秀兰", "zh.quote.speaker_revealed")
    assert got[-1][0] == "陈秀兰"


def test_pseudonym_introduces_the_person_a_pronoun_means(extractor: Extractor) -> None:
    text = (
        "做过多年区域经理的孙立（化名）告诉我们，今年的补贴少了很多。\n\n"
        "00后的小范（化名）今年刚从城里回到镇上。她说自己每天要工作十四个小时。"
    )
    assert [n for n, _ in names(extractor, text)] == ["孙立", "小范"]


def test_a_quote_without_a_reveal_stays_unattributed(extractor: Extractor) -> None:
    text = "“一天跑十二个小时，到手不到两百块。”\n\n城郊的网约车越来越多了。"
    assert names(extractor, text) == []


def test_live_blog_time_stamp_and_first_words(extractor: Extractor) -> None:
    text = (
        "14:06 孟书航宣布，公司的观光飞行器已取得型号合格证。\n\n"
        "14:25 “这里的山，从天上看才最美。”这是文旅集团副总经理覃海鹰上台后的第一句话。"
    )
    assert names(extractor, text) == [
        ("孟书航", "zh.reported/zh.cue.xuanbu"),
        ("覃海鹰", "zh.quote.speaker_revealed"),
    ]
