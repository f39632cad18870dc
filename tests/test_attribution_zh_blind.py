"""Chinese attribution: cases added while tuning on the blind dev batch (27-34).

Every sentence is written for these tests; none is copied from a gold article.
"""

from __future__ import annotations

import pytest

from graph.records import Article, ExtractionResult, Stance
from pipelines.extract import Extractor

OUTLET = "界面新闻"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> ExtractionResult:
    return extractor(Article(id="t", text=text, language="zh", outlet=OUTLET))


def brief(result: ExtractionResult) -> list[tuple[str, str, str, str | None]]:
    return [
        (st.speaker.name, st.stance.value, st.rule.split("/")[0], st.refers_to)
        for st in result.statements
    ]


def test_spreading_news_colon_is_the_outlets_rumour(extractor: Extractor) -> None:
    text = "引发关注的，是一条在供应商群里疯传的消息：青禾乳业已拖欠奶款三个月。"
    [st] = run(extractor, text).statements
    assert (st.speaker.name, st.stance, st.rule) == (
        OUTLET,
        Stance.REPORTS,
        "zh.according.spreading_news",
    )
    assert st.claim_text is not None and "拖欠奶款三个月" in st.claim_text


def test_news_spreads_in_a_circle_colon_is_the_outlets_rumour(extractor: Extractor) -> None:
    text = "与此同时，另一条消息在经销商圈子里流传：青禾乳业将关闭两座工厂。"
    [st] = run(extractor, text).statements
    assert (st.stance, st.rule) == (Stance.REPORTS, "zh.according.news_spreads")
    assert st.claim_text is not None and "关闭两座工厂" in st.claim_text


def test_enumerated_rumours_one_says_another_says(extractor: Extractor) -> None:
    text = (
        "近日，两则关于青禾乳业的传闻在行业内流传。一则称，青禾乳业将被某外资收购；"
        "另一则称，青禾乳业的董事长已被带走调查。"
    )
    got = run(extractor, text).statements
    assert [(st.speaker.name, st.stance, st.rule) for st in got] == [
        (OUTLET, Stance.REPORTS, "zh.according.one_says"),
        (OUTLET, Stance.REPORTS, "zh.according.one_says"),
    ]
    assert "外资收购" in (got[0].claim_text or "")
    assert "带走调查" in (got[1].claim_text or "")


def test_malicious_rumour_mongering_denies(extractor: Extractor) -> None:
    text = "网传青禾乳业将停产。青禾乳业发布声明称：“工厂生产一切正常，停产传闻系恶意造谣。”"
    got = brief(run(extractor, text))
    assert len(got) == 2
    assert got[-1] == ("青禾乳业", "denies", "zh.quote.speaker_before", "s1")


def test_not_replied_immediately_is_no_comment(extractor: Extractor) -> None:
    text = "知情人士对界面新闻表示，青禾乳业正与两家外资洽谈出售事宜。青禾乳业未立即回复置评请求。"
    got = run(extractor, text).statements
    assert (got[-1].speaker.name, got[-1].stance, got[-1].refers_to) == (
        "青禾乳业",
        Stance.NO_COMMENT,
        "s1",
    )


def test_negated_quote_opening_with_so_far_is_a_second_turn(extractor: Extractor) -> None:
    text = "青禾乳业副总裁周岩表示，公司“确实和几家机构见过面”，但“至今没有签署任何协议”。"
    got = run(extractor, text).statements
    assert len(got) == 2, brief(run(extractor, text))
    assert got[1].claim_text is not None and "没有签署任何协议" in got[1].claim_text
