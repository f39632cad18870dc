"""Chinese refusals to comment (C8): the refusal is its own cue (X表示不便透露), and it
takes up the claim the reporter asked about — by default the latest earlier claim about
the responder, a rumour or not, unless its words name another matter.
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from graph.records import Article, ExtractedStatement, Stance
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _run(extractor: Extractor, text: str) -> list[ExtractedStatement]:
    return extractor(Article(id="t", text=text, language="zh", outlet="新京报")).statements


RUMOUR = "网传青禾零售将关闭华东地区约120家门店。"
CLAIM = "行业分析师李明透露，青禾零售明年将进军西南市场。"


@pytest.mark.parametrize(
    "refusal",
    [
        "青禾零售相关负责人表示不便透露。",
        "青禾零售相关负责人表示，暂时不方便透露。",
        "青禾零售方面对此不予置评。",
        "青禾零售表示暂无可公布的信息。",
        "截至发稿，青禾零售未回复本报的置评请求。",
    ],
)
def test_a_refusal_right_after_a_rumour_takes_it_up(extractor: Extractor, refusal: str) -> None:
    rumour, said = _run(extractor, RUMOUR + refusal)
    assert said.speaker.name == "青禾零售"
    assert said.stance == Stance.NO_COMMENT
    assert said.refers_to == rumour.local_id


def test_a_refusal_takes_up_the_latest_claim_about_the_responder(extractor: Extractor) -> None:
    _, claim, said = _run(extractor, RUMOUR + CLAIM + "对于这一说法，青禾零售方面未予置评。")
    assert said.stance == Stance.NO_COMMENT
    assert said.refers_to == claim.local_id


def test_a_refusal_naming_another_matter_takes_that_one_up(extractor: Extractor) -> None:
    rumour, _, said = _run(
        extractor, RUMOUR + CLAIM + "对于关闭华东门店的说法，青禾零售方面未予置评。"
    )
    assert said.stance == Stance.NO_COMMENT
    assert said.refers_to == rumour.local_id


def test_the_source_not_replying_leaves_its_own_rumour_unanswered(extractor: Extractor) -> None:
    said = _run(
        extractor,
        "有网友在社交平台发帖称，青禾零售将关闭北京地区全部门店。"
        "业内人士认为，零售行业竞争加剧，收缩门店是大势所趋。"
        "截至发稿，发帖网友未回复记者的置评请求。",
    )
    assert said[-1].stance == Stance.NO_COMMENT
    assert said[-1].refers_to == said[0].local_id
