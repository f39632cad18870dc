"""Which earlier claim an English response takes up, and with which stance.

Sentences written for these tests (none from the gold files).
"""

from __future__ import annotations

import pytest

from graph.records import Article, ExtractedStatement, Stance
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str, outlet: str = "Harbour Wire") -> list[ExtractedStatement]:
    return list(extractor(Article(id="t", text=text, language="en", outlet=outlet)).statements)


def only(sts: list[ExtractedStatement], key: str) -> ExtractedStatement:
    [st] = [s for s in sts if key in (s.claim_text or "")] or [s for s in sts if key in s.evidence]
    return st


def test_an_exchange_asking_the_company_to_state_whether_questions_the_rumour(
    extractor: Extractor,
) -> None:
    text = (
        "A user posting as BullRun7 claimed that Tenmark had won a 2 billion yuan order. "
        "The Shenzhen Stock Exchange asked the company to state whether it had any "
        "undisclosed information."
    )
    sts = run(extractor, text)
    inquiry = only(sts, "undisclosed information")
    assert (inquiry.stance, inquiry.refers_to) == (Stance.QUESTIONS, sts[0].local_id)


def test_adding_that_after_a_denial_denies_the_same_claim(extractor: Extractor) -> None:
    text = (
        "Trade paper Fleet Weekly reported that the state had offered €50 million in "
        "subsidies. A spokesman for the state's transport ministry rejected the figure as "
        '"pure speculation", adding that no application had been filed.'
    )
    sts = run(extractor, text)
    assert [(s.cue, s.stance, s.refers_to) for s in sts[1:]] == [
        ("rejected", Stance.DENIES, sts[0].local_id),
        ("adding", Stance.DENIES, sts[0].local_id),
    ]


def test_but_and_a_negation_after_a_concession_deny_the_same_claim(
    extractor: Extractor,
) -> None:
    text = (
        "Tech site Gadgetfeed reported that Norvane planned to close its Lisbon studio. "
        "Norvane conceded that the studio would be restructured, but said it was "
        '"not a closure".'
    )
    sts = run(extractor, text)
    assert [(s.stance, s.refers_to) for s in sts[1:]] == [
        (Stance.CONFIRMS, sts[0].local_id),
        (Stance.DENIES, sts[0].local_id),
    ]


def test_the_claim_is_the_report_told_just_before(extractor: Extractor) -> None:
    text = (
        "Gossip site Pitchside said Corran City had agreed a fee with Porto.\n\n"
        "Journalist Ada Moss reported on Sunday that Corran City's owner had sounded out a "
        "new coach.\n\n"
        "That report was shot down by the club. A Corran City spokesperson said the claim was "
        '"categorically untrue".'
    )
    sts = run(extractor, text)
    coach = only(sts, "sounded out")
    assert only(sts, "categorically").refers_to == coach.local_id


def test_capitalised_first_word_of_a_tabloid_lead_is_a_name(extractor: Extractor) -> None:
    text = (
        "CORRAN City's hunt for a striker stalled last night.\n\n"
        "Gossip site Pitchside said the club had agreed a fee with Porto. "
        'A Corran spokesperson said the claim was "categorically untrue".'
    )
    assert only(run(extractor, text), "categorically").speaker.name == "Corran City"


def test_agent_introduced_by_role_is_who_he_is(extractor: Extractor) -> None:
    text = (
        "Gossip site Pitchside said the striker Tomas Reyes had agreed terms with Corran City.\n\n"
        'But agent Luis Ortega hit back. "Nobody has agreed anything," he posted on Instagram.'
    )
    assert only(run(extractor, text), "Nobody has agreed").speaker.name == "Luis Ortega"
