"""Doubts as ``questions`` (convention C7; pipelines.en.doubts, data/en/doubts.jsonl).

Sentences written for these tests (none from the gold files).
"""

from __future__ import annotations

import pytest

from graph.records import Article, ExtractedStatement, Stance
from pipelines.en.doubts import doubt_rule
from pipelines.extract import Extractor
from pipelines.lexicon import Lexicon


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> list[ExtractedStatement]:
    art = Article(id="t", text=text, language="en", outlet="Valley Ledger")
    return list(extractor(art).statements)


def by(sts: list[ExtractedStatement], key: str) -> ExtractedStatement:
    [st] = [s for s in sts if key in s.evidence]
    return st


RUMOUR = (
    "A post on a parents' forum claimed that Kestrel Bakery had sold mouldy bread to "
    "three schools in Hartwell. "
)


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        ("we have seen no evidence of any fault", "en.doubt.no_evidence"),
        ("there is little evidence that the bread was the cause", "en.doubt.no_evidence"),
        ("mould is an unlikely culprit", "en.doubt.unlikely"),
        ("it seems unlikely that a bakery that size was involved", "en.doubt.unlikely"),
        ("the story was overblown", "en.doubt.overblown"),
        ("analysts remain sceptical", "en.doubt.sceptical"),
        ("she was not convinced by the explanation", "en.doubt.sceptical"),
        ("it is hard to believe the tally", "en.doubt.hard_to_believe"),
        ("it remains to be seen whether the plant reopens", "en.doubt.remains_to_be_seen"),
        ("it is unclear whether the order was ever placed", "en.doubt.remains_to_be_seen"),
        ("the 40 figure doesn't count temporary staff", "en.doubt.figure_leaves_out"),
        ("the official tally leaves out two shops", "en.doubt.figure_leaves_out"),
        # not doubts: a plain negation, a figure that someone else leaves out, a forecast
        ("we did not cut jobs", None),
        ("the total includes $2 million of fees, which the agency leaves out", None),
        ("sales are likely to fall next year", None),
    ],
)
def test_doubt_forms(content: str, rule: str | None) -> None:
    assert doubt_rule(Lexicon.load("en"), content) == rule


def test_a_third_party_seeing_no_evidence_questions_the_rumour(extractor: Extractor) -> None:
    text = RUMOUR + (
        "A spokeswoman for the Hartwell schools board said the board had seen no evidence "
        "of spoiled food in any school kitchen."
    )
    sts = run(extractor, text)
    st = by(sts, "no evidence")
    assert (st.stance, st.refers_to) == (Stance.QUESTIONS, sts[0].local_id)


def test_an_unlikely_culprit_questions_the_rumour(extractor: Extractor) -> None:
    text = RUMOUR + (
        "Ines Korb, a food scientist at Hartwell University, said mouldy bread was an "
        "unlikely culprit for the illnesses."
    )
    sts = run(extractor, text)
    st = by(sts, "unlikely culprit")
    assert (st.stance, st.refers_to) == (Stance.QUESTIONS, sts[0].local_id)


def test_a_figure_that_leaves_something_out_questions_the_figure(extractor: Extractor) -> None:
    text = (
        "Dorran Logistics said about 40 drivers would lose their jobs at its Leeds depot. "
        "Mara Quill, a union organiser, said the 40 figure did not include agency drivers."
    )
    sts = run(extractor, text)
    st = by(sts, "did not include")
    assert (st.stance, st.refers_to) == (Stance.QUESTIONS, sts[0].local_id)


def test_a_plain_negated_answer_by_the_subject_is_a_denial_not_a_doubt(
    extractor: Extractor,
) -> None:
    text = (
        "People familiar with the matter said Tallow Systems had cut 200 jobs at its Leeds "
        "site. Tallow Systems spokesperson Ian Mercer said the company did not cut jobs "
        "in Leeds."
    )
    sts = run(extractor, text)
    st = by(sts, "did not cut")
    assert (st.stance, st.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_the_subjects_own_no_evidence_contradicting_the_rumour_is_a_denial(
    extractor: Extractor,
) -> None:
    text = RUMOUR + (
        '"We have found no evidence of mould in any bread we sold to schools," Kestrel '
        "Bakery owner Lena Brandt said."
    )
    sts = run(extractor, text)
    st = by(sts, "no evidence")
    assert (st.stance, st.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_a_plain_assertion_stays_an_assertion(extractor: Extractor) -> None:
    text = RUMOUR + "Ines Korb, a food scientist, said bread moulds faster in warm kitchens."
    sts = run(extractor, text)
    assert by(sts, "moulds faster").stance == Stance.ASSERTS
