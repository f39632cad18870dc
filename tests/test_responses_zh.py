"""Response linking in Chinese: which earlier claim a response takes up."""

from __future__ import annotations

import pytest

from graph.records import ActorKind, ActorRef, ExtractedStatement, Stance
from pipelines.lexicon import Lexicon
from pipelines.zh.responses import Response, answered_claim, opposed, overlap, topics

LEX = Lexicon.load("zh")
MEDIA = ActorRef("某周刊", ActorKind.MEDIA)
FIRM = ActorRef("禾川电子", ActorKind.ORGANIZATION)
ANALYST = ActorRef("郑启明", ActorKind.PERSON)


def said(
    local_id: str, who: ActorRef, stance: Stance, claim: str | None, refers: str | None = None
) -> ExtractedStatement:
    start = int(local_id[1:]) * 100
    return ExtractedStatement(
        local_id, who, stance, "…", start, start + 50, "r", claim_text=claim, refers_to=refers
    )


RUMOUR = said("s1", MEDIA, Stance.REPORTS, "禾川电子将在明年关闭苏州工厂")
ASIDE = said("s2", ANALYST, Stance.ASSERTS, "消费电子需求仍然疲软")


def test_overlap_ignores_generic_and_stance_words() -> None:
    shared, share = overlap("关闭苏州工厂的说法不实", "禾川电子将在明年关闭苏州工厂", LEX)
    assert shared == 3  # 关闭, 苏州, 工厂
    assert share == 1.0
    assert overlap("该消息不实", "禾川电子将在明年关闭苏州工厂", LEX) == (0, 0.0)


def test_shared_number_weighs_double() -> None:
    assert overlap("裁员20%", "公司将裁员20%", LEX)[0] == 3


def test_content_overlap_finds_a_claim_several_statements_back() -> None:
    resp = Response(FIRM, "关闭苏州工厂")
    assert answered_claim([RUMOUR, ASIDE], resp, LEX) == "s1"


def test_no_overlap_and_no_pointing_back_links_nothing() -> None:
    assert answered_claim([RUMOUR, ASIDE], Response(FIRM, "新品下月上市"), LEX) is None


def test_pointing_back_prefers_the_rumour_about_the_speaker() -> None:
    resp = Response(FIRM, "", points_back=True)
    assert answered_claim([RUMOUR, ASIDE], resp, LEX) == "s1"


def test_pointing_back_without_a_rumour_takes_the_nearest_claim() -> None:
    other = ActorRef("蓝港物流", ActorKind.ORGANIZATION)
    assert answered_claim([ASIDE], Response(other, "", points_back=True), LEX) == "s2"


@pytest.mark.parametrize(("also", "expected"), [((), None), (("禾川电子",), "s1")])
def test_negated_restatement_needs_the_rumour_to_be_about_the_speaker(
    also: tuple[str, ...], expected: str | None
) -> None:
    ceo = ActorRef("沈一舟", ActorKind.PERSON)
    resp = Response(ceo, "没有关闭工厂的计划", about_only=True, also=also)
    assert answered_claim([RUMOUR, ASIDE], resp, LEX) == expected


def test_answered_claim_is_recent_again_and_own_claims_are_skipped() -> None:
    denial = said("s3", FIRM, Stance.DENIES, None, refers="s1")
    found = topics([RUMOUR, ASIDE, denial], ANALYST)
    assert [t.statement.local_id for t in found] == ["s1"]  # s2 is the analyst's own
    assert found[0].answered and found[0].rumour


def test_adjacent_rumour_is_answered_without_shared_words() -> None:
    resp = Response(FIRM, "一切正常", adjacent_from=0)
    assert answered_claim([RUMOUR], resp, LEX) == "s1"
    assert answered_claim([RUMOUR], Response(FIRM, "一切正常", adjacent_from=10_000), LEX) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("新工厂按计划投产", "新工厂的投产可能延期到后年", True),
        ("可能延期到后年", "项目如期推进", True),  # either side may state the steady state
        ("该行长目前正常履职", "该行长已被带走调查", True),
        ("新工厂没有按计划投产", "新工厂的投产可能延期到后年", False),  # a negated steady state
        ("新工厂按计划投产", "新工厂将扩招两百人", False),
    ],
)
def test_opposed_states(a: str, b: str, expected: bool) -> None:
    assert opposed(a, b, LEX) is expected


def test_a_steady_state_answers_only_the_claim_it_opposes() -> None:
    delay = said("s3", MEDIA, Stance.REPORTS, "禾川电子的苏州新厂投产将推迟半年")
    resp = Response(FIRM, "苏州新厂按计划建设", about_only=True, opposite_only=True)
    assert answered_claim([RUMOUR, ASIDE, delay], resp, LEX) == "s3"
    assert answered_claim([RUMOUR, ASIDE], resp, LEX) is None  # nothing it opposes


@pytest.mark.parametrize(
    ("response", "claim"),
    [
        ("停服的消息不实", "《云端幻境》将于明年3月停止运营"),
        ("从没有听说客户要转单", "某手机品牌要求把部分屏幕订单从禾川电子转移至印度工厂"),
        ("董事长请辞的消息不实", "禾川电子董事长已于上月离职"),
        ("没有提价计划", "禾川电子下月起上调价格"),
    ],
)
def test_synonymous_wordings_share_a_term(response: str, claim: str) -> None:
    assert overlap(response, claim, LEX)[0] >= 1


def test_a_synonym_term_is_counted_once_and_not_as_a_number() -> None:
    # 停止运营 on both sides is one shared term (its group), not 停止 + 运营 + the group
    assert overlap("停止运营", "游戏将停止运营", LEX) == (1, 1.0)
    assert overlap("停服", "新品下月上市", LEX) == (0, 0.0)


def test_a_denial_in_another_wording_takes_up_that_rumour_not_the_latest() -> None:
    orders = said("s1", MEDIA, Stance.REPORTS, "禾川电子将把部分订单从苏州工厂转移至越南")
    plant = said("s3", MEDIA, Stance.REPORTS, "禾川电子明年将关闭东莞工厂")
    resp = Response(FIRM, "转单一事纯属谣言", points_back=True)
    assert answered_claim([orders, ASIDE, plant], resp, LEX) == "s1"


def test_a_silent_rumour_source_leaves_its_own_rumour_unanswered() -> None:
    account = ActorRef("科技内幕", ActorKind.MEDIA)
    own = said("s1", account, Stance.ASSERTS, "禾川电子将在明年关闭苏州工厂")
    other = said("s3", ActorRef("行业人士", ActorKind.ANONYMOUS), Stance.ASSERTS, "需求疲软")
    silent = Response(account, "未回应置评请求", points_back=True, own_rumours=True)
    assert answered_claim([own, ASIDE, other], silent, LEX) == "s1"
    # without the flag (a denial) one's own claim is never taken up
    denial = Response(account, "", points_back=True)
    assert answered_claim([own, ASIDE, other], denial, LEX) == "s3"
    # a named organisation's own claim is no rumour: never its own topic
    firm_claim = said("s1", FIRM, Stance.ASSERTS, "苏州工厂运转正常")
    firm_silent = Response(FIRM, "未回应", points_back=True, own_rumours=True)
    assert answered_claim([firm_claim, ASIDE], firm_silent, LEX) == "s2"


def test_a_confirmation_after_a_rumour_needs_one_shared_word() -> None:
    insider = ActorRef("接近禾川的人士", ActorKind.ANONYMOUS)
    one_word = Response(
        insider, "工厂的时间表确实已经下发", adjacent_from=0, adjacent_needs_word=True
    )
    assert answered_claim([RUMOUR], one_word, LEX) == "s1"
    no_word = Response(insider, "新品反馈整体正面", adjacent_from=0, adjacent_needs_word=True)
    assert answered_claim([RUMOUR], no_word, LEX) is None
    # far from the rumour, one shared word is not enough
    far = Response(
        insider, "工厂的时间表确实已经下发", adjacent_from=10_000, adjacent_needs_word=True
    )
    assert answered_claim([RUMOUR], far, LEX) is None


def test_on_equal_words_a_response_takes_up_the_rumour_not_the_official_notice() -> None:
    notice = said(
        "s1", ActorRef("市交通局", ActorKind.ORGANIZATION), Stance.ASSERTS, "平台限期整改"
    )
    rumour = said("s2", ActorRef("司机", ActorKind.GROUP), Stance.ASSERTS, "平台将退出本市")
    resp = Response(ANALYST, "整改不等于退出，明显是误读", points_back=True)
    assert answered_claim([rumour, notice], resp, LEX) == "s2"


def test_one_word_shared_with_only_one_rumour_links_a_short_denial() -> None:
    other = said("s2", MEDIA, Stance.REPORTS, "禾川电子的财务总监已被带走调查")
    short = Response(ANALYST, "跟工厂无关", unique_word=True)
    assert answered_claim([RUMOUR, other], short, LEX) == "s1"
    # without the flag (a confirmation), one word is not enough
    assert answered_claim([RUMOUR, other], Response(ANALYST, "跟工厂无关"), LEX) is None


def test_one_shared_word_is_not_enough_when_two_rumours_share_it() -> None:
    other = said("s2", MEDIA, Stance.REPORTS, "禾川电子将关闭东莞的研发中心")
    short = Response(ANALYST, "跟关闭无关", unique_word=True)
    assert answered_claim([RUMOUR, other], short, LEX) is None


def test_marriage_wordings_are_one_event() -> None:
    assert overlap("隐婚", "早已登记结婚", LEX)[0] == 1


DETAIL = "禾川电子收购苏州工厂后产能将翻倍"


def test_an_answer_to_a_story_takes_up_its_main_claim_not_the_detail_after_it() -> None:
    insider = ActorRef("知情人士", ActorKind.ANONYMOUS)
    main = said("s1", insider, Stance.ASSERTS, "禾川电子正在洽谈收购一家苏州工厂")
    detail = ExtractedStatement(
        "s2", insider, Stance.ASSERTS, "…", 160, 200, "r", claim_text=DETAIL
    )
    assert answered_claim([main, detail], Response(FIRM, "收购苏州工厂", True), LEX) == "s1"
    # the outlet's rumours, one after the other, are each their own
    first = said("s1", MEDIA, Stance.REPORTS, "禾川电子正在洽谈收购一家苏州工厂")
    second = ExtractedStatement(
        "s2", MEDIA, Stance.REPORTS, "…", 160, 200, "r", claim_text=DETAIL
    )
    assert answered_claim([first, second], Response(FIRM, "收购苏州工厂", True), LEX) == "s2"


def test_a_particle_inside_a_word_is_not_a_stopword() -> None:
    # 在 of 存在 stays: "存在漏洞" and "存在违规车辆" share 存在
    assert "存在" in _terms_of("审核确实存在漏洞")
    assert overlap("审核存在漏洞", "三家平台存在违规车辆", LEX)[0] == 1


def test_franchise_is_not_joining_a_company() -> None:
    assert overlap("加盟车队的审核", "上月已经入职", LEX)[0] == 0
    assert overlap("已离职，加盟竞争对手", "上月已经入职", LEX)[0] == 1


def _terms_of(text: str) -> list[str]:
    from pipelines.zh.responses import _terms

    return _terms(text, LEX)
