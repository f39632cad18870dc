"""Chinese speaker names: an organisation's short form and its type noun (该行, 该平台)
point at the organisation the article named; a party word or a day of the month is
no part of the speaker phrase.  Every sentence is written for these tests."""

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


ORG = ActorKind.ORGANIZATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the short form of a name the article introduced with its trade suffix
        (
            "新京报向云帆科技求证。云帆品牌公关负责人表示，公司没有裁员计划。",
            [("云帆科技", ORG)],
        ),
        # a bare type noun after a name only describes it: no longer name
        (
            "Lumio公司此前已推迟新品。Lumio发言人表示，新品将在明年发布。",
            [("Lumio", ORG)],
        ),
        # 该行 is the bank named before, not the company quoted last
        (
            "北岸农商银行表示，今年将新开五家网点。星河科技则表示，合作照常推进。"
            "该行一位负责人称，网点调整属于正常经营。",
            [("北岸农商银行", ORG), ("星河科技", ORG), ("北岸农商银行", ORG)],
        ),
        # 该平台: the organisation quoted just before
        (
            "青禾票务方面表示，票房数据均以实际出票为准。该平台还称，部分影院的排片将在下周调整。",
            [("青禾票务", ORG), ("青禾票务", ORG)],
        ),
        # a two-character party word + 方 before a name is its part in the deal
        ("版权方远山影业称，暂未收到任何下架通知。", [("远山影业", ORG)]),
        # a day of the month alone, and an interview adjunct without 在
        ("远山影业21日发布声明称，影片排片一切正常。", [("远山影业", ORG)]),
        ("“我们尊重判决。”安和保险相关负责人接受新京报采访时说。", [("安和保险", ORG)]),
        # an employee of a department answers for the organisation; one on their own is a source
        (
            "云帆科技人力资源部门一名员工向新京报证实，新的创意总监已在本月入职。",
            [("云帆科技", ORG)],
        ),
        (
            "一位云帆科技员工告诉新京报，公司正在裁员。",
            [("云帆科技员工", ActorKind.ANONYMOUS)],
        ),
        # an office named as such is the organisation; a company's office speaks for it
        (
            "全国药品联合采购办公室公示的结果显示，云帆制药的产品位列拟中选名单。",
            [("全国药品联合采购办公室", ORG)],
        ),
        ("北岸银行办公室称，所有网点正常营业。", [("北岸银行", ORG)]),
        # 从X处独家获悉: 处 and 独家 are no part of the source
        (
            "新京报从两位知情人士处独家获悉，云帆科技正准备召回部分车型。",
            [("知情人士", ActorKind.ANONYMOUS)],
        ),
    ],
)
def test_speaker_names(extractor: Extractor, text: str, expected: list) -> None:
    assert speakers(extractor, text) == expected


def test_short_form_needs_one_long_form(extractor: Extractor) -> None:
    # two longer names start with the short one: which is meant is not known
    text = "云帆科技和云帆汽车都在名单上。云帆品牌公关负责人表示，公司没有裁员计划。"
    assert [n for n, _ in speakers(extractor, text)] != ["云帆科技"]
    assert [n for n, _ in speakers(extractor, text)] != ["云帆汽车"]


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        # a region before the role says where the source is: the description
        ("一位华南地区院线经理向新京报透露，多家影院已下调排片。", "院线经理", "华南地区"),
        # an organisation stays in the name: another brand's shop owner is another source
        (
            "云帆手机本周降价。一位云帆授权门店店主告诉新京报，近期收到了保价通知。",
            "云帆授权门店店主",
            "",
        ),
        # 接近…的 keeps its whole form
        ("一位接近云帆科技的人士透露，新机将在下月发布。", "接近云帆科技的人士", ""),
    ],
)
def test_source_descriptor_names(
    extractor: Extractor, text: str, name: str, description: str
) -> None:
    result = extractor(Article(id="t", text=text, language="zh", outlet="新京报"))
    found = [(s.speaker.name, s.speaker.description) for s in result.statements]
    assert found == [(name, description)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 她 after a sentence about a person named in it, not the source quoted before
        (
            "一位接近监管的人士称，多家银行今年提交了撤并报告。\n\n"
            "储户的担忧并未消散。记者在支行看到，62岁的储户周桂芬正在办理转出。"
            "“说是谣言，可网点真在关。”她说。",
            ["接近监管的人士", "周桂芬"],
        ),
        (
            "一位研究员指出，末端网点的压力是行业普遍问题。\n\n"
            "晚上十点，钱玉梅的小店才关门。她说，如果明年再降价，她就不干了。",
            ["研究员", "钱玉梅"],
        ),
        # a pronoun opening a new paragraph keeps the speaker before
        (
            "一位研究员指出，末端网点的压力是行业普遍问题。钱玉梅的小店在城东。\n\n"
            "他还提到，监管部门已要求各品牌不得随意下调派费。",
            ["研究员", "研究员"],
        ),
    ],
)
def test_pronoun_after_a_person_named_just_before(
    extractor: Extractor, text: str, expected: list
) -> None:
    assert [n for n, _ in speakers(extractor, text)] == expected
