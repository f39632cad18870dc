"""Chinese recall: forms upstream of linking (a cue character inside another word, the
reporter's contact refusing, rumours in the article's voice, the outlet's own findings).
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from graph.records import Article, ExtractedStatement, Stance
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _run(extractor: Extractor, text: str, outlet: str = "新京报") -> list[ExtractedStatement]:
    return list(extractor(Article(id="t", text=text, language="zh", outlet=outlet)).statements)


RUMOUR = "网传青禾零售将关闭华东地区一半门店。"


# -- a cue is a word, not a character inside another word ---------------------------


@pytest.mark.parametrize(
    "verdict",
    [
        "青禾零售相关负责人表示，关一半说不通，今年还在开新店。",
        "青禾零售相关负责人表示，关一半根本说不过去，今年还在开新店。",
    ],
)
def test_a_verdict_built_on_shuo_is_no_second_speaker(extractor: Extractor, verdict: str) -> None:
    found = _run(extractor, RUMOUR + verdict)
    assert [s.speaker.name for s in found[1:]] == ["青禾零售"]
    assert found[1].refers_to == found[0].local_id


def test_an_idiom_with_shuo_is_not_speech(extractor: Extractor) -> None:
    found = _run(extractor, "门店说关就关，店员们措手不及，老顾客也很意外。")
    assert found == []


def test_cheng_as_to_call_is_not_speech(extractor: Extractor) -> None:
    assert _run(extractor, "这家门店堪称全城客流最大的一家，周末常常排队。") == []


def test_a_speaker_ending_in_ren_still_speaks_with_cheng(extractor: Extractor) -> None:
    found = _run(extractor, "青禾零售负责人称，华东门店今年不会关闭。")
    assert [s.speaker.name for s in found] == ["青禾零售"]


# -- the reporter's contact refuses (C8) ------------------------------------------------


@pytest.mark.parametrize(
    "refusal",
    [
        "记者致电青禾零售，截至发稿未获回复。",
        "本报记者就此向青禾零售求证，截至发稿尚未收到回复。",
        "记者联系青禾零售，对方表示不予置评。",
        "记者联系了青禾零售。对方表示，不予置评。",
    ],
)
def test_the_contacted_party_declines(extractor: Extractor, refusal: str) -> None:
    rumour, said = _run(extractor, RUMOUR + refusal)
    assert said.speaker.name == "青禾零售"
    assert said.stance == Stance.NO_COMMENT
    assert said.refers_to == rumour.local_id


def test_a_staffer_of_the_contacted_party_speaks_for_it(extractor: Extractor) -> None:
    found = _run(extractor, RUMOUR + "记者联系青禾零售，对方工作人员称门店营业正常。")
    assert found[-1].speaker.name == "青禾零售"


def test_the_other_party_without_a_contact_is_no_speaker(extractor: Extractor) -> None:
    found = _run(extractor, "张伟与李明在店门口发生争执，对方称他先动的手。")
    assert all(s.speaker.name != "对方" for s in found)


# -- rumours in the article's voice ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("上周起，关于青禾零售关闭华东门店的传言已在业内流传。", "青禾零售关闭华东门店"),
        ("近期有关青禾零售将关闭门店的传闻甚嚣尘上。", "青禾零售将关闭门店"),
        ("几个店员群里流传“青禾零售明年全部门店改为加盟”的说法。", "全部门店改为加盟"),
        ("市场传出青禾零售将关闭120家门店的消息。", "关闭120家门店"),
        ("入冬以来，店员圈子里流传着一个说法：青禾零售明年将关闭一半门店。", "关闭一半门店"),
    ],
)
def test_a_rumour_in_the_articles_voice_is_relayed(
    extractor: Extractor, text: str, key: str
) -> None:
    (said,) = _run(extractor, text)
    assert said.speaker.name == "新京报"
    assert said.stance == Stance.REPORTS
    assert key in (said.claim_text or "")


def test_a_count_of_rumours_about_a_name_is_no_rumour(extractor: Extractor) -> None:
    assert _run(extractor, "近来，两则关于青禾零售的传闻在业内流传。") == []


def test_a_rumour_named_inside_someones_speech_is_not_relayed(extractor: Extractor) -> None:
    found = _run(extractor, "分析师王强表示，市场传出青禾零售要关店的消息，这并不合常理。")
    assert [s.speaker.name for s in found] == ["王强"]


# -- the outlet's own findings (C2) ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "新京报独家获悉，青禾零售已完成新一轮约2亿元融资。",
        "据新京报记者了解，青禾零售已完成新一轮约2亿元融资。",
        "据本报记者多方了解，青禾零售已完成新一轮约2亿元融资。",
        "记者注意到，青禾零售前三季度净利润同比下降两成。",
    ],
)
def test_the_outlets_own_finding(extractor: Extractor, text: str) -> None:
    (said,) = _run(extractor, text)
    assert said.speaker.name == "新京报"
    assert said.stance == Stance.ASSERTS
    assert said.via is None


def test_another_party_learning_is_no_finding_of_the_outlet(extractor: Extractor) -> None:
    found = _run(extractor, "青禾零售获悉，部分门店的租约将在年底到期。")
    assert all(s.speaker.name != "新京报" for s in found)


def test_a_finding_that_introduces_a_source_leaves_it_to_the_source(
    extractor: Extractor,
) -> None:
    found = _run(extractor, "记者注意到，此前已有店员爆料称，青禾零售华东门店拖欠房租。")
    assert all(s.speaker.name != "新京报" for s in found)


# -- speech verbs the cue list did not know -----------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "key"),
    [
        ("分析师张伟坚称，青禾零售的门店租约早已到期。", "张伟", "门店租约早已到期"),
        ("庭审中，被告律师王磊辩称，租约在去年已经解除。", "王磊", "租约在去年已经解除"),
        ("店长李娜建议，顾客先看青禾零售的官方通报。", "李娜", "先看青禾零售的官方通报"),
        ("评论员李娜在视频中直指青禾零售拖欠三个月房租。", "李娜", "拖欠三个月房租"),
    ],
)
def test_a_manner_verb_of_saying_is_a_cue(
    extractor: Extractor, text: str, speaker: str, key: str
) -> None:
    (said,) = _run(extractor, text)
    assert said.speaker.name == speaker
    assert key in (said.claim_text or "")


@pytest.mark.parametrize(
    "text",
    ["青禾零售采纳了店员提出的建议，门店下月起延长营业时间。", "这一认定结果让青禾零售很意外。"],
)
def test_a_noun_is_no_cue(extractor: Extractor, text: str) -> None:
    assert _run(extractor, text) == []


# -- the same speaker goes on (C3) ----------------------------------------------------


def test_but_said_is_a_second_statement_of_the_same_speaker(extractor: Extractor) -> None:
    first, second = _run(extractor, "青禾零售发布公告，证实将关闭部分门店，但称涉及门店约30家。")
    assert first.speaker.name == second.speaker.name == "青禾零售"
    assert "约30家" in (second.claim_text or "")
    assert "约30家" not in (first.claim_text or "")


def test_a_relayed_post_goes_on_in_its_caption(extractor: Extractor) -> None:
    first, second = _run(
        extractor,
        "几个店员群里流传一段视频，称青禾零售华东门店已经停业，并配文称“下个月工资都发不出了”。",
    )
    assert first.speaker.name == second.speaker.name == "新京报"
    assert first.stance == second.stance == Stance.REPORTS
    assert "工资都发不出" in (second.claim_text or "")


def test_a_list_of_two_rumours_is_two_statements(extractor: Extractor) -> None:
    first, second = _run(
        extractor,
        "店员们在议论网传的两个说法：一是青禾零售将关闭华东门店，二是青禾零售已拿到某基金5亿元投资。",
    )
    assert first.stance == second.stance == Stance.REPORTS
    assert first.claim_text == "青禾零售将关闭华东门店"
    assert second.claim_text == "青禾零售已拿到某基金5亿元投资"


def test_first_time_is_no_list_item(extractor: Extractor) -> None:
    (said,) = _run(extractor, "店长张伟说，第一次听到关店的消息是在上周。")
    assert (said.claim_text or "").startswith("第一次")


def test_a_quote_closing_its_paragraph_goes_on_the_persons_statement(
    extractor: Extractor,
) -> None:
    text = (
        "店长张伟坦言，他已经在考虑转让门店。“房租一年涨了三成，客流少了一半，算下来是亏的。”\n\n"
        "另一家门店的情况稍好一些。"
    )
    first, second = _run(extractor, text)
    assert first.speaker.name == second.speaker.name == "张伟"
    assert "算下来是亏的" in (second.claim_text or "")


def test_a_quote_then_who_said_so_after_another_cue(extractor: Extractor) -> None:
    rumour, said = _run(
        extractor,
        "网传青禾零售将关闭华东门店。“我们没有任何关店计划。”20日晚间，青禾零售在官方微博回复网友时如此表态。",
    )
    assert said.speaker.name == "青禾零售"
    assert said.stance == Stance.DENIES
    assert said.refers_to == rumour.local_id


def test_a_quote_followed_by_an_unrelated_clause_keeps_no_speaker(extractor: Extractor) -> None:
    found = _run(extractor, "“门店的灯还亮着。”当晚，青禾零售回复网友的评论被顶上了热搜。")
    assert all(s.speaker.name != "青禾零售" or s.quote is None for s in found)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("近日有传闻指青禾零售将关闭120家门店。", "关闭120家门店"),
        ("业内盛传青禾零售将关闭120家门店。", "关闭120家门店"),
        ("一则关于青禾零售将关闭120家门店的消息在网上疯传。", "关闭120家门店"),
        ("网上流传的一份截图显示，青禾零售将关闭120家门店。", "关闭120家门店"),
    ],
)
def test_one_relayed_rumour_per_form(extractor: Extractor, text: str, key: str) -> None:
    (said,) = _run(extractor, text)
    assert said.speaker.name == "新京报"
    assert said.stance == Stance.REPORTS
    assert (said.claim_text or "").startswith("青禾零售")
    assert key in (said.claim_text or "")
