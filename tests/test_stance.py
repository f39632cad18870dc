"""Stance of a statement from its cue and content (:func:`pipelines.stance.read_stance`)."""

from __future__ import annotations

import pytest

from graph.records import Stance
from pipelines.lexicon import Lexicon
from pipelines.stance import read_stance

ASSERTS, REPORTS, CONFIRMS, DENIES, QUESTIONS, NO_COMMENT = (
    Stance.ASSERTS,
    Stance.REPORTS,
    Stance.CONFIRMS,
    Stance.DENIES,
    Stance.QUESTIONS,
    Stance.NO_COMMENT,
)


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load("zh")


@pytest.mark.parametrize(
    ("content", "base", "context", "stance", "points_back", "hedges"),
    [
        # plain assertions stay assertions; a stronger cue is kept
        pytest.param("美国站将于下月开放", ASSERTS, "", ASSERTS, False, (), id="plain"),
        pytest.param(
            "公司不会关闭中国区的卖家服务", DENIES, "", DENIES, False, (), id="cue-denies"
        ),
        pytest.param(
            "平台将于下月上线新功能", CONFIRMS, "", CONFIRMS, False, (), id="cue-confirms"
        ),
        pytest.param("平台的数据存疑", QUESTIONS, "", QUESTIONS, False, (), id="cue-questions"),
        # denial phrases in the content override an assertion
        pytest.param("此消息并不真实。", ASSERTS, "", DENIES, True, (), id="bingbuzhenshi-anaphor"),
        pytest.param("这一说法不实", ASSERTS, "", DENIES, True, (), id="bushi-anaphor"),
        pytest.param("该消息纯属谣言", ASSERTS, "", DENIES, True, (), id="chunshuyaoyan"),
        pytest.param("这是假消息", ASSERTS, "", DENIES, True, (), id="jiaxiaoxi"),
        pytest.param("上述传闻纯属虚构", ASSERTS, "", DENIES, True, (), id="xugou"),
        pytest.param("没有这回事", ASSERTS, "", DENIES, True, (), id="meiyouzhehuishi"),
        pytest.param(
            "美国站开放全托管的说法不实",
            ASSERTS,
            "",
            DENIES,
            False,
            (),
            id="bushi-with-own-content",
        ),
        pytest.param("消息不实", REPORTS, "", DENIES, True, (), id="reports-overridden"),
        pytest.param(
            "这件事并不真实，美国站不会在下个月开放",
            ASSERTS,
            "",
            DENIES,
            True,
            (),
            id="anaphor-at-start-then-content",
        ),
        pytest.param(
            "公司否认了裁员的传闻",
            ASSERTS,
            "",
            DENIES,
            False,
            (),
            id="fouren-in-content",
        ),
        pytest.param("他并不否认公司在裁员", ASSERTS, "", ASSERTS, False, (), id="bu-fouren-trap"),
        # confirmations
        pytest.param("消息属实", ASSERTS, "", CONFIRMS, True, (), id="xiaoxishushi"),
        pytest.param("确有此事", ASSERTS, "", CONFIRMS, True, (), id="queyoucishi"),
        pytest.param("这一消息", CONFIRMS, "", CONFIRMS, True, (), id="confirms-anaphor"),
        # no comment
        pytest.param("对此未予置评", ASSERTS, "", NO_COMMENT, True, (), id="weiyuzhiping"),
        pytest.param("拒绝置评", ASSERTS, "", NO_COMMENT, True, (), id="jujuezhiping"),
        pytest.param("暂不回应", ASSERTS, "", NO_COMMENT, True, (), id="zanbuhuiying"),
        pytest.param("未予置评", DENIES, "", DENIES, True, (), id="denial-cue-not-overridden"),
        # anaphor in the context (对此，X予以否认)
        pytest.param("", DENIES, "TikTok对此予以否认", DENIES, True, (), id="duici-in-context"),
        pytest.param("上述传闻", DENIES, "", DENIES, True, (), id="only-anaphor"),
        pytest.param("此事", QUESTIONS, "", QUESTIONS, True, (), id="questions-anaphor"),
        # rumour markers make a relay
        pytest.param("传言美国站将开放", ASSERTS, "", REPORTS, False, (), id="chuanyan"),
        pytest.param("网传美国站将开放", ASSERTS, "", REPORTS, False, (), id="wangchuan"),
        pytest.param("美国站将开放", ASSERTS, "据称", REPORTS, False, (), id="jucheng-context"),
        pytest.param("Shein被爆出将上市", ASSERTS, "", REPORTS, False, (), id="beibaochu"),
        pytest.param("美国站将开放", DENIES, "据称", DENIES, False, (), id="marker-no-override"),
        # hedges are recorded, once each, in order
        pytest.param(
            "增速或许会放缓，也可能反弹",
            ASSERTS,
            "",
            ASSERTS,
            False,
            ("或许", "可能"),
            id="two-hedges",
        ),
        pytest.param("可能，可能会上调", ASSERTS, "", ASSERTS, False, ("可能",), id="hedge-once"),
        # a denial as the topic is no denial: "the denial does not mean …"
        pytest.param(
            "官方否认并不意味着新功能不会来", ASSERTS, "", ASSERTS, False, (), id="denial-as-topic"
        ),
        pytest.param(
            "公司辟谣不代表计划取消", ASSERTS, "", ASSERTS, False, (), id="piyao-as-topic"
        ),
        pytest.param("明年有望扭亏为盈", ASSERTS, "", ASSERTS, False, ("有望",), id="youwang"),
        pytest.param("美国站或将下月开放", ASSERTS, "", ASSERTS, False, ("或将",), id="huojiang"),
        pytest.param(
            "网传美国站可能下月开放",
            ASSERTS,
            "",
            REPORTS,
            False,
            ("可能",),
            id="hedge-and-rumour",
        ),
    ],
)
def test_read_stance(
    lex: Lexicon,
    content: str,
    base: Stance,
    context: str,
    stance: Stance,
    points_back: bool,
    hedges: tuple[str, ...],
) -> None:
    reading = read_stance(content, base, lex, context)
    assert (reading.stance, reading.points_back, reading.hedges) == (stance, points_back, hedges)


@pytest.mark.parametrize(
    ("content", "context", "stance"),
    [
        pytest.param("网上流传的截图都不是官方信息", "", ASSERTS, id="topic-word-in-quote"),
        pytest.param("美国站下月开放", "据称", REPORTS, id="marker-in-context"),
    ],
)
def test_read_stance_in_a_direct_quote(
    lex: Lexicon, content: str, context: str, stance: Stance
) -> None:
    assert read_stance(content, ASSERTS, lex, context, quoted=True).stance == stance


def test_read_stance_points_back_only_for_taking_up_stances(lex: Lexicon) -> None:
    assert read_stance("此消息", ASSERTS, lex).points_back is False
    assert read_stance("此消息", REPORTS, lex).points_back is False
    for base in (DENIES, CONFIRMS, NO_COMMENT, QUESTIONS):
        assert read_stance("此消息", base, lex).points_back is True


@pytest.mark.parametrize(
    ("content", "context", "quoted", "stance"),
    [
        # telling that news spread is an assertion; spreading words relay only around the cue
        ("涨价消息早就在经销商群里传开了", "", False, ASSERTS),
        ("公司下月将涨价", "一则帖子在论坛热传，", False, REPORTS),
        # hearsay opening a quote is relayed, a rumour word later in it is the topic
        ("听说那家门店的冷库坏了半个月", "", True, REPORTS),
        ("网上流传的截图都不是官方信息", "", True, ASSERTS),
    ],
)
def test_spreading_words_and_hearsay_in_quotes(
    lex: Lexicon, content: str, context: str, quoted: bool, stance: Stance
) -> None:
    assert read_stance(content, ASSERTS, lex, context, quoted=quoted).stance == stance


@pytest.mark.parametrize("content", ["对此并不知情", "目前还不清楚具体情况", "不了解细节"])
def test_not_knowing_is_no_comment(lex: Lexicon, content: str) -> None:
    assert read_stance(content, ASSERTS, lex).stance == NO_COMMENT


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("订单回暖，不代表利润能马上修复", Stance.QUESTIONS),
        ("他没听说过要关闭华南仓", Stance.QUESTIONS),
        ("听说华南仓要关了", Stance.REPORTS),
        ("这也不代表什么", Stance.ASSERTS),
        ("关仓的传闻更像是同行放出的烟雾弹", Stance.QUESTIONS),
    ],
)
def test_zh_doubt_without_a_doubt_word(content: str, expected: Stance) -> None:
    assert read_stance(content, Stance.ASSERTS, Lexicon.load("zh")).stance == expected
