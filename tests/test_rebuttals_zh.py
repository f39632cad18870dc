"""Chinese rebuttals by facts: the subject of a rumour that says the opposite
state (a project still in development after "it was cut") denies it.
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from graph.records import Article, Stance
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "answer",
    [
        "星澜科技表示，自动驾驶项目仍在正常研发中。",
        "对此，星澜科技回应称，该项目的研发工作一切正常进行。",
    ],
)
def test_still_in_development_denies_a_cut(extractor: Extractor, answer: str) -> None:
    text = "网传星澜科技已砍掉旗下的自动驾驶项目。" + answer
    result = extractor(Article(id="t", text=text, language="zh", outlet="新京报"))
    rumour, reply = result.statements
    assert reply.speaker.name == "星澜科技"
    assert reply.stance == Stance.DENIES
    assert reply.refers_to == rumour.local_id


def test_in_development_without_a_rumour_is_an_assertion(extractor: Extractor) -> None:
    text = "星澜科技表示，自动驾驶项目仍在正常研发中。"
    result = extractor(Article(id="t", text=text, language="zh", outlet="新京报"))
    assert [s.stance for s in result.statements] == [Stance.ASSERTS]
