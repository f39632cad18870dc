"""Chinese answers in facts (:mod:`pipelines.zh.rebuttals`): the subject of a rumour
answering it with no denial word — the other pole of the matter, a negation, another
figure — denies it; the same figure or 确实 on the same matter confirms it.
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from graph.records import ActorKind, ActorRef, Article, ExtractedStatement, Stance
from pipelines.extract import Extractor
from pipelines.lexicon import Lexicon
from pipelines.zh.rebuttals import answer, matters, quantities, side_names


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load("zh")


def _run(extractor: Extractor, text: str) -> list[ExtractedStatement]:
    return extractor(Article(id="t", text=text, language="zh", outlet="新京报")).statements


RUMOUR = "网传青禾零售将在年底前关闭华东地区约120家门店。"


@pytest.mark.parametrize(
    "reply",
    [
        "青禾零售相关负责人表示，华东地区的门店目前均正常营业。",
        "青禾零售回应称，今年华东地区调整的门店不足20家。",
        "青禾零售表示，华东门店并没有撤店计划，还将新开30家。",
    ],
)
def test_the_subject_answering_in_facts_denies(extractor: Extractor, reply: str) -> None:
    rumour, answer_ = _run(extractor, RUMOUR + reply)
    assert answer_.speaker.name == "青禾零售"
    assert answer_.stance == Stance.DENIES
    assert answer_.refers_to == rumour.local_id


@pytest.mark.parametrize(
    ("reply", "stance"),
    [
        ("青禾零售表示，公司今年仍在持续招聘，门店人手还将扩充。", Stance.DENIES),
        ("青禾零售人力资源部负责人表示，公司确实对部分岗位进行了人员优化。", Stance.CONFIRMS),
        ("青禾零售表示，这次受影响的员工约300人。", Stance.CONFIRMS),
    ],
)
def test_answers_on_staffing(extractor: Extractor, reply: str, stance: Stance) -> None:
    rumour, answer_ = _run(extractor, "有员工在社交平台爆料称，青禾零售将裁员约300人。" + reply)
    assert answer_.speaker.name == "青禾零售"
    assert answer_.stance == stance
    assert answer_.refers_to == rumour.local_id


def test_the_same_figure_confirms(extractor: Extractor) -> None:
    rumour, reply = _run(extractor, RUMOUR + "青禾零售表示，华东地区将调整约120家门店。")
    assert reply.stance == Stance.CONFIRMS
    assert reply.refers_to == rumour.local_id


def test_a_third_party_saying_so_is_its_own_assertion(extractor: Extractor) -> None:
    said = _run(extractor, RUMOUR + "一位零售行业分析师表示，今年华东地区调整的门店不足20家。")
    assert said[-1].stance == Stance.ASSERTS
    assert said[-1].refers_to is None


def test_the_subject_on_another_matter_is_its_own_assertion(extractor: Extractor) -> None:
    said = _run(extractor, RUMOUR + "青禾零售表示，公司明年将推出三款新品饮料。")
    assert said[-1].stance == Stance.ASSERTS
    assert said[-1].refers_to is None


def test_an_answer_before_the_rumour_answers_nothing(extractor: Extractor) -> None:
    said = _run(extractor, "青禾零售表示，华东地区的门店目前均正常营业。" + RUMOUR)
    assert said[0].stance == Stance.ASSERTS
    assert said[0].refers_to is None


def test_a_person_close_to_the_subject_speaks_for_it(lex: Lexicon) -> None:
    side = side_names(ActorRef("接近青禾零售的人士", ActorKind.ANONYMOUS), (), lex)
    assert "青禾零售" in side
    blog = ActorRef("某博主", ActorKind.PERSON)
    rumour = ExtractedStatement(
        "s1", blog, Stance.REPORTS, "…", 0, 30, "r", claim_text="青禾零售将裁员约300人"
    )
    close = ActorRef("接近青禾零售的人士", ActorKind.ANONYMOUS)
    found = answer([rumour], close, "这次受影响的员工不足40人", lex, before=40)
    assert found == (Stance.DENIES, "s1")
    # a partial confirmation: some posts, no figure
    found = answer([rumour], close, "公司确实对部分岗位进行了人员优化", lex, before=40)
    assert found == (Stance.CONFIRMS, "s1")


def test_matters_and_figures_are_read_from_data(lex: Lexicon) -> None:
    assert matters("工厂已全面复工，产线运转正常", lex) == {"production": {"+"}}
    assert matters("该厂已停产两周", lex) == {"production": {"-"}}
    assert quantities("裁员约1.5万人，补偿总额3亿元", lex) == {
        "people": {15000.0},
        "yuan": {300000000.0},
    }
    # a year or a date counts nothing
    assert quantities("2026年3月起", lex) == {}


def test_a_denial_going_on_in_facts_is_one_statement(extractor: Extractor) -> None:
    said = _run(
        extractor,
        "网传青禾零售已停掉自有品牌饮料项目。青禾零售否认项目被叫停，称该项目仍在正常研发中。",
    )
    assert [s.stance for s in said] == [Stance.REPORTS, Stance.DENIES]
    assert said[1].refers_to == said[0].local_id


def test_a_person_introduced_with_a_role_speaks_for_the_organisation(
    extractor: Extractor,
) -> None:
    said = _run(
        extractor,
        "网传青禾零售正与一家外资超市洽谈整体出售。"
        "青禾零售成立于2015年，创始人兼CEO赵明远此前在快消行业工作多年。"
        "赵明远在上周的内部会上强调，公司不会出售给任何外资。",
    )
    assert said[-1].speaker.name == "赵明远"
    assert said[-1].stance == Stance.DENIES
    assert said[-1].refers_to == said[0].local_id


def test_seen_at_work_answers_a_rumour_that_he_left(extractor: Extractor) -> None:
    said = _run(
        extractor,
        "有自媒体称，青禾零售董事长孙志刚已于上月出境。"
        "一位青禾零售员工表示，昨天还在公司总部见到孙志刚。",
    )
    assert said[-1].stance == Stance.DENIES
    assert said[-1].refers_to == said[0].local_id


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # outlets counted with 个 + a branch noun
        (
            "有自媒体称，南城银行将撤并市区30个网点。南城银行回应称，今年只对5个网点进行了迁址。",
            Stance.DENIES,
        ),
        # an insider named by its description (蓝海科技 + 内部人士)
        (
            "网传蓝海科技将裁员500人。蓝海科技内部人士透露，此次优化涉及的员工不到100人。",
            Stance.DENIES,
        ),
        # food safety: safe sourcing against spoiled meat
        (
            "网传李记面馆使用过期牛肉。李记面馆负责人表示，店里所有食材均来自正规渠道，检测合格。",
            Stance.DENIES,
        ),
        # a total is no other figure for the rumoured cut
        ("网传蓝海科技将裁员500人。蓝海科技表示，公司目前共有员工8000人。", Stance.ASSERTS),
        # another matter of the same subject
        ("网传蓝海科技将裁员500人。蓝海科技表示，公司第三季度营收同比增长12%。", Stance.ASSERTS),
    ],
)
def test_answer_forms(extractor: Extractor, text: str, stance: Stance) -> None:
    said = _run(extractor, text)
    assert said[-1].stance == stance
    assert (said[-1].refers_to == said[0].local_id) == (stance != Stance.ASSERTS)


def test_a_person_described_with_the_organisation_speaks_for_it(extractor: Extractor) -> None:
    said = _run(
        extractor,
        "有网友发帖称，茶小满将关闭北京地区全部门店，涉及约60家店。"
        "茶小满北京区域负责人王磊告诉记者，今年北京地区只调整了3家门店。",
    )
    assert said[-1].speaker.name == "王磊"
    assert said[-1].stance == Stance.DENIES
    assert said[-1].refers_to == said[0].local_id


def test_a_statement_made_before_the_news_answers_nothing(extractor: Extractor) -> None:
    said = _run(
        extractor,
        "网传青禾零售正在洽谈新一轮融资。"
        "青禾零售创始人赵明远曾在一次行业论坛上强调，公司不会为了估值而融资。",
    )
    assert said[-1].stance == Stance.ASSERTS
    assert said[-1].refers_to is None
