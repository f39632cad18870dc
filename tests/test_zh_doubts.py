"""Chinese doubts (:mod:`pipelines.zh.doubts`, ``data/zh/doubts.jsonl``): an assertion whose
words doubt a claim is ``questions`` and takes that claim up; a plain negated assertion
is no doubt.  Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from graph.records import Article, ExtractedStatement, Stance
from pipelines.extract import Extractor
from pipelines.lexicon import Lexicon
from pipelines.zh.doubts import doubt_rule


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load("zh")


def _run(extractor: Extractor, text: str) -> list[ExtractedStatement]:
    return extractor(Article(id="t", text=text, language="zh", outlet="新京报")).statements


RUMOUR = "网传松果出行将在春节前关闭全国一半的换电站。"


@pytest.mark.parametrize(
    "reply",
    [
        "一位换电站加盟商表示，这个说法他半信半疑。",
        "一位换电站加盟商表示，关一半的说法他不太信。",
        "一位换电站加盟商表示，光凭几张截图就说要关站，证据不够。",
        "一位换电站加盟商表示，附近的站真在关，谁心里不打鼓？",
        # the denial is what others say (说是谣言); the speaker's own word is the doubt
        "一位换电站加盟商表示，说是谣言，可附近的站真在关，谁心里不打鼓？",
        # if it were so, the speaker would know
        "一位换电站加盟商说：“真要关站，我们肯定第一个接到通知。”",
    ],
)
def test_a_doubt_questions_the_rumour(extractor: Extractor, reply: str) -> None:
    rumour, said = _run(extractor, RUMOUR + reply)
    assert said.stance == Stance.QUESTIONS
    assert said.refers_to == rumour.local_id


@pytest.mark.parametrize(
    "text",
    [
        "公司并未关闭任何换电站",
        "我们没有收到过任何关站的通知",
        "这些换电站不是松果出行的",
        "明年换电市场怎么走还不好说",
        "他相信换电模式会越来越普及",
        "车主们不信任小品牌的电池",
    ],
)
def test_plain_negations_and_forecasts_are_no_doubt(lex: Lexicon, text: str) -> None:
    assert doubt_rule(lex, text) is None


def test_a_negated_assertion_by_a_third_party_stays_an_assertion(extractor: Extractor) -> None:
    said = _run(extractor, RUMOUR + "一位换电站加盟商表示，他所在片区的站点并未接到任何关站通知。")
    assert said[-1].stance != Stance.QUESTIONS


def test_a_rhetorical_question_is_a_doubt(lex: Lexicon) -> None:
    assert doubt_rule(lex, "三个月交付五万台，产能拿什么保证？") == "zh.doubt.rhetorical"
    assert doubt_rule(lex, "谁也没想到销量会涨这么快") is None  # no question mark


def test_doubt_forms_are_read_from_data(lex: Lexicon) -> None:
    assert doubt_rule(lex, "订单一直在涨，关一半的站说不通") == "zh.doubt.shuobutong"
    assert doubt_rule(lex, "这个消息是不是真的还不好说") == "zh.doubt.buhaoshuo"
    assert doubt_rule(lex, "听到这个消息，加盟商心里直打鼓") == "zh.doubt.dagu"


def test_a_denial_of_ones_own_stays_a_denial(extractor: Extractor) -> None:
    said = _run(extractor, RUMOUR + "一位换电站加盟商表示，这纯属谣言，谁会信？")
    assert said[-1].stance == Stance.DENIES


def test_a_doubt_about_the_official_account_takes_up_what_it_answered(
    extractor: Extractor,
) -> None:
    said = _run(
        extractor,
        "有车主发视频称，云豹汽车旗下车型Y5存在刹车失灵问题。"
        "云豹汽车售后负责人回应称，视频中车辆的问题系私自改装所致，与车辆本身质量无关。"
        "据了解，云豹汽车已于本周向监管部门提交召回备案。"
        "一位Y5车主表示，厂家的说法他不太相信。",
    )
    rumour, answer = said[0], said[1]
    assert answer.stance == Stance.DENIES  # after-sales speaks for the maker, in facts
    assert answer.refers_to == rumour.local_id
    assert said[-1].stance == Stance.QUESTIONS
    assert said[-1].refers_to == rumour.local_id  # the claim the maker's account answered
