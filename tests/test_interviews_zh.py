"""Chinese officials' Q&A and their offices: 答： paragraphs after "X接受了记者采访"
or "X就…答记者问", a ministry department's 有关负责人, and 这位负责人 after a
sentence that only introduced the official.  Every sentence is written for
these tests."""

from __future__ import annotations

import pytest

from graph.records import Article, Stance
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def statements(extractor: Extractor, text: str) -> list[tuple[str, Stance, str]]:
    result = extractor(Article(id="t", text=text, language="zh", outlet="新京报"))
    return [(s.speaker.name, s.stance, s.rule) for s in result.statements]


def test_answers_after_a_press_conference_belong_to_the_office(extractor: Extractor) -> None:
    text = (
        "商务部新闻发言人就出口管制新规答记者问。\n\n"
        "问：新规会不会影响民用产品出口？\n\n"
        "答：新规只涉及少数军民两用物项。民用产品出口不受影响。"
    )
    got = [(name, rule) for name, _, rule in statements(extractor, text)]
    assert got == [("商务部", "zh.qa.answer"), ("商务部", "zh.qa.answer")]


def test_answers_after_an_interview_introduction(extractor: Extractor) -> None:
    text = (
        "水利部规划计划司有关负责人接受了记者采访。\n\n"
        "问：明年的水利投资会减少吗？\n\n"
        "答：投资规模将保持稳定。"
    )
    assert statements(extractor, text) == [("水利部", Stance.ASSERTS, "zh.qa.answer")]


def test_ministry_department_head_speaks_for_the_ministry(extractor: Extractor) -> None:
    text = "交通运输部运输服务司有关负责人表示，新规将于明年实施。"
    assert [n for n, _, _ in statements(extractor, text)] == ["交通运输部"]


def test_youguan_is_not_a_count_you(extractor: Extractor) -> None:
    # 有关负责人 is "the official concerned", not 有 + 关负责人
    text = "蓝海贸易公司有关负责人表示，公司经营一切正常。"
    assert [n for n, _, _ in statements(extractor, text)] == ["蓝海贸易公司"]


def test_demonstrative_role_after_an_introduction_without_speech(extractor: Extractor) -> None:
    text = (
        "自然资源部昨日召开发布会。自然资源部调控监测司有关负责人出席了发布会。"
        "这位负责人说，耕地保护红线不会调整。"
    )
    assert [n for n, _, _ in statements(extractor, text)] == ["自然资源部"]


def test_demonstrative_role_needs_a_name_the_article_uses(extractor: Extractor) -> None:
    # the chunk before the role (记者联系了X公司) is no name the article knows
    text = "记者联系了蓝海贸易公司一位工作人员。这名工作人员说，公司运营正常。"
    assert statements(extractor, text) == []
