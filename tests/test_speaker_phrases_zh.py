"""Chinese speaker-phrase boundaries: descriptor heads with their modifiers,
occupation and league words before an organisation name, a count before a
bare club word.  Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from graph.records import ActorKind, Article
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def speakers(extractor: Extractor, text: str) -> list[tuple[str, ActorKind]]:
    result = extractor(Article(id="t", text=text, language="zh", outlet="新京报"))
    return [(s.speaker.name, s.speaker.kind) for s in result.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 接近X的 + a role noun other than 人士: the whole descriptor, without the count
        (
            "一位接近节目组的工作人员向新京报透露，第二季已经停止录制。",
            [("接近节目组的工作人员", ActorKind.ANONYMOUS)],
        ),
        (
            "多位熟悉该项目的研究员表示，样机的续航还达不到宣传的水平。",
            [("熟悉该项目的研究员", ActorKind.ANONYMOUS)],
        ),
        # the established 接近X的人士 keeps its form
        ("接近该车企的人士称，新车将于明年上市。", [("接近该车企的人士", ActorKind.ANONYMOUS)]),
        # 国内/海外 before 自媒体 is part of the group's name
        ("有海外自媒体爆料称，这名后卫将加盟西甲球队。", [("海外自媒体", ActorKind.GROUP)]),
    ],
)
def test_descriptor_heads(
    extractor: Extractor, text: str, expected: list[tuple[str, ActorKind]]
) -> None:
    assert speakers(extractor, text) == expected


def test_occupation_before_a_studio_name(extractor: Extractor) -> None:
    text = "歌手韩予白工作室当晚在微博发布声明，称网传的解约消息不实。"
    assert speakers(extractor, text)[0][0] == "韩予白工作室"


def test_league_and_club_words_around_a_club_name(extractor: Extractor) -> None:
    text = (
        "中甲球队南湖飞鹰足球俱乐部官方宣布，队长将留队两年。"
        "一位俱乐部工作人员透露，续约谈判进行得很顺利。"
    )
    result = extractor(Article(id="t", text=text, language="zh", outlet="新京报"))
    refs = [s.speaker for s in result.statements]
    assert [r.name for r in refs] == ["南湖飞鹰足球俱乐部", "南湖飞鹰足球俱乐部"]
    assert "南湖飞鹰" in refs[0].aliases


def test_participant_clause_is_a_description_not_a_name(extractor: Extractor) -> None:
    # 参与X的投资人: the relative clause describes the investor; the head is the name
    text = "一位参与过该公司上一轮融资的投资人透露，今年的订单已经翻倍。"
    assert speakers(extractor, text) == [("投资人", ActorKind.ANONYMOUS)]


def test_forum_user_known_by_handle(extractor: Extractor) -> None:
    text = (
        "“这家公司拿到了大单，”一位ID为“光伏老兵”的雪球用户在帖子里写道，“周末会有公告。”"
        "ID为“长线守望”的用户质疑称，公司的产线连中试都还没完成。"
    )
    result = extractor(Article(id="t", text=text, language="zh", outlet="新京报"))
    got = [(s.speaker.name, s.speaker.kind, s.stance.value) for s in result.statements]
    assert got == [
        ("光伏老兵", ActorKind.PERSON, "asserts"),
        ("长线守望", ActorKind.PERSON, "questions"),
    ]
    # the handle is a name, not a quote
    assert all(s.quote is None or "长线守望" not in s.quote for s in result.statements)


def test_speaker_ends_before_a_cue_glued_to_the_last_one(extractor: Extractor) -> None:
    text = "分析师王明远质疑称，这笔订单的规模远超产能。"
    assert speakers(extractor, text) == [("王明远", ActorKind.PERSON)]


def test_party_word_before_a_company_name(extractor: Extractor) -> None:
    text = "16日，《远山如黛》出品方星河影业发布说明，称拍摄计划有调整。"
    assert speakers(extractor, text) == [("星河影业", ActorKind.ORGANIZATION)]


def test_bare_organisation_noun_is_the_one_named_before(extractor: Extractor) -> None:
    text = (
        "歌手韩予白工作室在微博发布声明，称网传解约消息不实。在声明中，工作室表示，韩予白从未迟到。"
    )
    assert [n for n, _ in speakers(extractor, text)] == ["韩予白工作室", "韩予白工作室"]


def test_bare_organisation_noun_without_antecedent_is_no_speaker(extractor: Extractor) -> None:
    assert speakers(extractor, "工作室表示，新专辑将在明年发行。") == []


def test_statement_quoted_after_xiedao_is_its_issuers(extractor: Extractor) -> None:
    # the 说明 issued by another party in between is not the 声明 that 写道 quotes
    text = (
        "出品方星河影业发布说明，称拍摄计划有调整。"
        "在22日的声明中，韩予白工作室表示，韩予白从未迟到。"
        "“我们欢迎善意的批评，”声明写道，“但对恶意造谣的行为，我们将追究到底。”"
    )
    assert [n for n, _ in speakers(extractor, text)] == [
        "星河影业",
        "韩予白工作室",
        "韩予白工作室",
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # the comma inside the marks: one sentence interrupted by its speaker
        ("“光靠卖货是活不下去的，”店主老吴说，“我现在一半收入来自直播。”", 1),
        # the comma outside: two utterances
        ("“光靠卖货是活不下去的”，店主老吴说，“但我们不会关店。”", 2),
    ],
)
def test_quote_split_around_its_speaker(extractor: Extractor, text: str, count: int) -> None:
    assert speakers(extractor, text) == [("老吴", ActorKind.PERSON)] * count


def test_quote_split_around_its_speaker_keeps_both_halves_in_the_claim(
    extractor: Extractor,
) -> None:
    text = "“光靠卖货是活不下去的，”店主老吴说，“我现在一半收入来自直播。”"
    [st] = extractor(Article(id="t", text=text, language="zh", outlet="新京报")).statements
    assert st.claim_text == "光靠卖货是活不下去的，我现在一半收入来自直播"
    # the quote stays the first half, at its offsets
    assert st.quote is not None and text[st.quote_start : st.quote_end] == st.quote
