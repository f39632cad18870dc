"""English sources named through a document, and refusals told in the past tense.

Sentences written for these tests (none from the gold files).
"""

from __future__ import annotations

import pytest

from graph.records import Article, Stance
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_according_to_a_note_by_a_firm_names_the_firm(extractor: Extractor) -> None:
    text = (
        "Ostrava Shipping is weighing the sale of its tanker arm, according to a note sent "
        "to clients on Tuesday by Oslo-based broker Fjordline Partners."
    )
    [st] = extractor(Article(id="t", text=text, language="en", outlet="Sea Wire")).statements
    assert st.speaker.name == "Fjordline Partners"
    assert st.stance == Stance.ASSERTS
    assert "weighing the sale" in (st.claim_text or "")


def test_said_it_did_not_comment_on_is_a_refusal(extractor: Extractor) -> None:
    text = (
        "People familiar with the matter said Ostrava Shipping would leave the Baltic pool. "
        "Ostrava Shipping said it did not comment on the commercial affairs of the pool."
    )
    sts = extractor(Article(id="t", text=text, language="en", outlet="Sea Wire")).statements
    refusal = next(s for s in sts if "commercial affairs" in s.evidence)
    assert (refusal.stance, refusal.refers_to) == (Stance.NO_COMMENT, sts[0].local_id)


def test_the_outlet_addressed_before_the_company_said_is_not_the_company(
    extractor: Extractor,
) -> None:
    text = (
        "People familiar with the matter said the bakery in Alston would be sold. Dunmore "
        "Foods, a milling company, runs the bakery. In a statement to the Echo, the company "
        'said: "There are no plans to sell the bakery in Alston."'
    )
    sts = extractor(Article(id="t", text=text, language="en", outlet="Sea Wire")).statements
    denial = next(s for s in sts if "no plans" in s.evidence)
    assert denial.speaker.name == "Dunmore Foods"


def test_a_rumour_that_swept_a_town_is_relayed_by_the_outlet(extractor: Extractor) -> None:
    text = (
        "Shops in Alston are worried after a rumour swept the village on Monday that the "
        "bakery will close in the spring."
    )
    [st] = extractor(Article(id="t", text=text, language="en", outlet="Sea Wire")).statements
    assert (st.speaker.name, st.stance) == ("Sea Wire", Stance.REPORTS)
    assert (st.claim_text or "").startswith("the bakery will close")


def test_facing_questions_over_reports_relays_the_reports(extractor: Extractor) -> None:
    text = (
        "Facing questions over reports that Harlow Bank was quietly closing rural branches, "
        "the bank's chairman told MPs on Tuesday that every branch would stay open."
    )
    sts = extractor(Article(id="t", text=text, language="en", outlet="Sea Wire")).statements
    assert all(s.speaker.name != "Facing" for s in sts)
    relayed = next(s for s in sts if s.stance == Stance.REPORTS)
    assert relayed.speaker.name == "Sea Wire"
    assert (relayed.claim_text or "").startswith("Harlow Bank was quietly closing")


def test_a_countrys_ministry_is_an_institution_speaker(extractor: Extractor) -> None:
    text = (
        "Norvik has hired advisers to sell its port stake, two sources said. Denmark's "
        "transport ministry, which must approve any sale, declined to comment on the talks."
    )
    sts = extractor(Article(id="t", text=text, language="en", outlet="Sea Wire")).statements
    refusal = next(s for s in sts if s.stance == Stance.NO_COMMENT)
    assert refusal.speaker.name == "Denmark's transport ministry"
    assert refusal.refers_to == sts[0].local_id
