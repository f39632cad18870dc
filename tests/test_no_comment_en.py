"""Refusals to comment and the claim they take up (convention C8; pipelines.en.responses).

Sentences written for these tests (none from the gold files).
"""

from __future__ import annotations

import pytest

from graph.records import Article, ExtractedStatement, Stance
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> list[ExtractedStatement]:
    art = Article(id="t", text=text, language="en", outlet="Valley Ledger")
    return list(extractor(art).statements)


def by(sts: list[ExtractedStatement], key: str) -> ExtractedStatement:
    [st] = [s for s in sts if key in s.evidence]
    return st


RUMOURS = (
    "Marlow Freight is preparing to cut as many as 40 of its 300 depots, according to three "
    "people briefed on the plans. About 900 roles could be affected, one of them added. "
)


@pytest.mark.parametrize(
    "refusal",
    [
        "did not address",
        "didn't address",
        "didn’t answer",
        "declined to answer",
        "would not answer",
        "has not addressed",
    ],
)
def test_refusal_forms_are_no_comment(extractor: Extractor, refusal: str) -> None:
    text = RUMOURS + f"Marlow Freight {refusal} questions about the depots."
    sts = run(extractor, text)
    st = by(sts, refusal)
    assert st.stance == Stance.NO_COMMENT
    assert st.refers_to == sts[0].local_id


def test_a_refusal_on_a_figure_takes_up_the_claim_with_that_figure(extractor: Extractor) -> None:
    text = RUMOURS + "Marlow Freight did not address the figure of 900."
    sts = run(extractor, text)
    rumour = by(sts, "900 roles")
    assert by(sts, "did not address").refers_to == rumour.local_id


def test_on_a_tie_a_refusal_takes_up_the_claim_about_its_speaker(extractor: Extractor) -> None:
    # both rumours state numbers; "the numbers" fits both, only the first names Marlow
    text = RUMOURS + "Marlow Freight declined to comment on the numbers."
    sts = run(extractor, text)
    assert by(sts, "declined to comment").refers_to == sts[0].local_id
