"""Answers in facts without a denial word (pipelines.en.rebuttals, data/en/matters.jsonl).

A relabelling ("an update, not a recall"), "no decision has been taken" against
a rumoured step, and "we count X" against a claim that X is left out.
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


def test_not_a_label_of_the_claim_denies(extractor: Extractor) -> None:
    text = (
        "An anonymous user on a drivers' forum claimed that the Pelham Motors parking charge "
        "was a hidden tax. "
        '"This is a maintenance fee, not a tax," Pelham Motors spokesperson Iris Vance said.'
    )
    sts = run(extractor, text)
    st = by(sts, "not a tax")
    assert (st.stance, st.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_not_a_label_the_claim_never_used_is_no_answer(extractor: Extractor) -> None:
    text = (
        "An anonymous user on a drivers' forum claimed that the Pelham Motors parking charge "
        "was a hidden tax. "
        '"The new model is a family car, not a sports car," Pelham Motors spokesperson '
        "Iris Vance said."
    )
    sts = run(extractor, text)
    st = by(sts, "family car")
    assert (st.stance, st.refers_to) == (Stance.ASSERTS, None)


def test_no_decision_taken_denies_a_rumoured_step(extractor: Extractor) -> None:
    text = (
        "Corby Rail is preparing to shut three of its repair yards, according to two people "
        "briefed on the plans. Corby Rail spokesperson Alan Frew said no decision had been "
        "taken."
    )
    sts = run(extractor, text)
    st = by(sts, "no decision")
    assert (st.stance, st.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_no_decision_is_no_answer_to_a_claim_of_a_done_fact(extractor: Extractor) -> None:
    # the rumour states something that happened, not a planned step
    text = (
        "Two people familiar with the matter said Corby Rail's yards had flooded in March. "
        "Corby Rail spokesperson Alan Frew said no decision had been taken on the budget."
    )
    sts = run(extractor, text)
    st = by(sts, "no decision")
    assert st.refers_to is None


def test_counting_what_a_claim_says_is_left_out_denies_it(extractor: Extractor) -> None:
    text = (
        "Halloway Pictures said its film opened to $40 million. Halloway Pictures said "
        "Tallyhouse Data leaves out preview screenings from its box-office totals. "
        '"We count previews like everyone else," Tallyhouse Data chief executive Omar Reyes '
        "said."
    )
    sts = run(extractor, text)
    st = by(sts, "We count previews")
    assert (st.stance, st.refers_to) == (Stance.DENIES, by(sts, "leaves out").local_id)
