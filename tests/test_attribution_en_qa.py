"""English press-conference transcripts: labelled questions, surname labels, answers that respond.

Transcripts written for these tests (none from the gold files).
"""

from __future__ import annotations

import pytest

from graph.records import Article, ExtractedStatement, Stance
from pipelines.extract import Extractor

TRANSCRIPT = (
    "Harbourline chief executive Lam Kwok-wing and chief financial officer He Min spoke to "
    "reporters on Monday.\n\n"
    "Q (Reuters): Our colleagues reported last week, citing people familiar with the matter, "
    "that Harbourline is close to buying 12 new ferries. Can you confirm that?\n\n"
    "LAM: We are talking to two shipyards. That is no secret. I can confirm we will order new "
    "ferries this year. How many, I'm not going to say today.\n\n"
    "Q (Metro Radio): There is talk in the market that Harbourline wants to buy a rival bus "
    "company. Is that true?\n\n"
    "LAM: No. We are not buying a bus company.\n\n"
    "Q (Bay Times): How much fuel have you hedged?\n\n"
    "HE: About 60% of next year's needs, at an average of US$80 a barrel.\n\n"
    "Q (Island News): The Ferry Crews Union says the company is 90 crew short.\n\n"
    "LAM: That number is wrong. We will not cut any sailings."
)


@pytest.fixture(scope="module")
def statements() -> list[ExtractedStatement]:
    article = Article(id="t", text=TRANSCRIPT, language="en", outlet="Harbour Wire")
    return list(Extractor()(article).statements)


def only(sts: list[ExtractedStatement], key: str) -> ExtractedStatement:
    [st] = [s for s in sts if key in s.evidence]
    return st


def test_our_colleagues_in_a_labelled_question_is_the_askers_outlet(
    statements: list[ExtractedStatement],
) -> None:
    st = only(statements, "12 new ferries")
    # "Our colleagues reported, citing people familiar with the matter, that …": the
    # cited source speaks, scoped to and relayed via the asker's outlet (C1)
    assert st.speaker.name == "people familiar with the matter"
    assert st.speaker.scope == "Reuters" and st.via is not None and st.via.name == "Reuters"
    assert st.claim_text == "Harbourline is close to buying 12 new ferries"


def test_answers_take_up_the_claim_the_question_restated(
    statements: list[ExtractedStatement],
) -> None:
    rumour = only(statements, "12 new ferries")
    confirm = only(statements, "I can confirm")
    refusal = only(statements, "not going to say")
    assert (confirm.stance, confirm.refers_to) == (Stance.CONFIRMS, rumour.local_id)
    assert (refusal.stance, refusal.refers_to) == (Stance.NO_COMMENT, rumour.local_id)


def test_no_secret_is_no_denial(statements: list[ExtractedStatement]) -> None:
    assert only(statements, "no secret").stance != Stance.DENIES


def test_there_is_talk_that_is_relayed_by_the_outlet(statements: list[ExtractedStatement]) -> None:
    talk = only(statements, "There is talk")
    assert (talk.speaker.name, talk.stance) == ("Harbour Wire", Stance.REPORTS)
    denial = only(statements, "not buying a bus company")
    assert (denial.stance, denial.refers_to) == (Stance.DENIES, talk.local_id)


def test_surname_label_that_is_an_english_word_names_the_person(
    statements: list[ExtractedStatement],
) -> None:
    assert only(statements, "About 60%").speaker.name == "He Min"


def test_a_union_claim_in_a_question_is_denied_by_the_answer(
    statements: list[ExtractedStatement],
) -> None:
    claim = only(statements, "90 crew short")
    assert claim.speaker.name == "Ferry Crews Union"
    assert only(statements, "number is wrong").refers_to == claim.local_id
    assert only(statements, "not cut any sailings").refers_to == claim.local_id


INTERVIEW = (
    "We spoke to Ana Ruiz, Ferrow's head of sales.\n\n"
    "WIRE: Dock Times reported that the ferry launch had slipped to 2028.\n\n"
    "RUIZ: I've read that story. It's not what our yards are telling us. Delivery is set for "
    "May 2027.\n\n"
    "WIRE: Is Ferrow talking to a rival about a merger?\n\n"
    "RUIZ: We talk to everyone. That is normal in this business."
)


def test_an_answers_lead_in_and_asides_go_on_its_statements() -> None:
    article = Article(id="i", text=INTERVIEW, language="en", outlet="Wire")
    sts = [s for s in Extractor()(article).statements if s.speaker.name == "Ana Ruiz"]
    denial, date, talk = sts
    assert denial.stance == Stance.DENIES and denial.refers_to is not None
    assert "not what our yards" in denial.evidence and "read that story" in denial.evidence
    assert "May 2027" in (date.claim_text or "")
    assert talk.claim_text == "We talk to everyone That is normal in this business"
