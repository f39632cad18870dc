"""The subject of a rumour answering it with facts (pipelines.en.rebuttals).

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


RUMOUR = (
    "An anonymous user on a farm forum claimed that Corvale Cooperative was running out of "
    "cash and had missed a loan payment. "
)


def test_rebuttal_negated_restatement_on_the_same_matter_denies(extractor: Extractor) -> None:
    text = RUMOUR + (
        '"We are not insolvent and every grower will be paid," Corvale Cooperative chief '
        "executive Hanna Lutz said on Monday."
    )
    sts = run(extractor, text)
    answer = by(sts, "not insolvent")
    assert (answer.stance, answer.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_rebuttal_the_kind_noun_of_the_name_counts_as_naming(extractor: Extractor) -> None:
    text = (
        "Brenner Grain Cooperative has stopped buying wheat at two elevators. Rumours that the "
        "cooperative was about to close its grain elevators spread on Sunday. Brenner Grain "
        'chief executive Otto Hale said: "We are not closing any elevator this winter."'
    )
    sts = run(extractor, text)
    answer = by(sts, "not closing")
    rumour = by(sts, "Rumours that")
    assert (answer.stance, answer.refers_to) == (Stance.DENIES, rumour.local_id)


def test_rebuttal_other_pole_of_the_matter_denies(extractor: Extractor) -> None:
    text = (
        "People familiar with the matter said Tallow Systems would cut 200 jobs at its "
        "Leeds site. Tallow Systems spokesperson Ian Mercer said the company was hiring "
        "engineers in Leeds this year."
    )
    sts = run(extractor, text)
    answer = by(sts, "was hiring")
    assert (answer.stance, answer.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_rebuttal_a_different_figure_for_the_same_quantity_denies(extractor: Extractor) -> None:
    text = (
        "People familiar with the matter said Tallow Systems would cut 200 jobs at its "
        "Leeds site. Tallow Systems spokesperson Ian Mercer said about 60 roles were "
        "affected by the review."
    )
    sts = run(extractor, text)
    answer = by(sts, "60 roles")
    assert (answer.stance, answer.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_rebuttal_the_same_figure_confirms(extractor: Extractor) -> None:
    text = (
        "People familiar with the matter said Tallow Systems would cut 200 jobs at its "
        "Leeds site. Tallow Systems spokesperson Ian Mercer said 200 roles at the site "
        "were affected by the review."
    )
    sts = run(extractor, text)
    answer = by(sts, "200 roles")
    assert (answer.stance, answer.refers_to) == (Stance.CONFIRMS, sts[0].local_id)


def test_rebuttal_a_vague_smaller_amount_confirms_in_part(extractor: Extractor) -> None:
    text = (
        "A post on a parents' forum claimed that Milbrook Foods had received 300 complaints "
        "about its yoghurt. Milbrook Foods spokesperson Dana Kerr said the company had "
        "received a small number of complaints about the yoghurt."
    )
    sts = run(extractor, text)
    answer = by(sts, "small number")
    assert (answer.stance, answer.refers_to) == (Stance.CONFIRMS, sts[0].local_id)


def test_rebuttal_a_third_party_assertion_is_left_alone(extractor: Extractor) -> None:
    text = RUMOUR + (
        "Greta Moll, an economist at Farnley College, said the cooperative was not insolvent "
        "as far as she could tell from public filings."
    )
    sts = run(extractor, text)
    other = by(sts, "Farnley")
    assert other.stance == Stance.ASSERTS
    assert other.refers_to is None


def test_rebuttal_the_subject_on_another_matter_is_left_alone(extractor: Extractor) -> None:
    text = RUMOUR + (
        "Corvale Cooperative chief executive Hanna Lutz said the new seed store would not "
        "open before April."
    )
    sts = run(extractor, text)
    other = by(sts, "seed store")
    assert other.stance == Stance.ASSERTS
    assert other.refers_to is None


def test_rebuttal_the_subject_speaking_before_the_rumour_is_left_alone(
    extractor: Extractor,
) -> None:
    text = (
        "Corvale Cooperative chief executive Hanna Lutz said in June that the cooperative was "
        "not insolvent and had paid its loans. " + RUMOUR
    )
    sts = run(extractor, text)
    # two propositions (C3: "was not insolvent and had paid its loans"), neither an answer
    firsts = [s for s in sts if "Hanna Lutz" in s.evidence]
    assert [(s.stance, s.refers_to) for s in firsts] == [(Stance.ASSERTS, None)] * 2


@pytest.mark.parametrize(
    "doubt",
    [
        '"We have heard that story before, every single winter," said Rosa Vint, a grain trader.',
        "Rosa Vint, a grain trader, said the cooperative was supposedly short of cash every "
        "winter.",
        "Rosa Vint, a grain trader, said the loan story could not be explained away by "
        "the low river alone.",
    ],
)
def test_doubt_an_analysts_scepticism_questions_the_rumour(
    extractor: Extractor, doubt: str
) -> None:
    sts = run(extractor, RUMOUR + doubt)
    sceptic = by(sts, "Rosa Vint")
    # the rumour is two statements (C3: "was running out of cash and had missed a loan payment")
    rumour = {s.local_id for s in sts if "farm forum" in s.evidence}
    assert len(rumour) == 2
    assert sceptic.stance == Stance.QUESTIONS and sceptic.refers_to in rumour


def test_doubt_a_plain_remark_by_the_same_analyst_asserts(extractor: Extractor) -> None:
    text = RUMOUR + "Rosa Vint, a grain trader, said soybean prices had fallen 4% in a week."
    sts = run(extractor, text)
    remark = by(sts, "Rosa Vint")
    assert (remark.stance, remark.refers_to) == (Stance.ASSERTS, None)


def test_rebuttal_the_other_pole_of_solvency_denies_a_missed_payment(
    extractor: Extractor,
) -> None:
    text = (
        "A user on an investor forum claimed that Quarry Group would miss a $20 million "
        "coupon due next week. Quarry Group's chief financial officer, Lena Brandt, said the "
        "company had sufficient funds on hand."
    )
    sts = run(extractor, text)
    answer = by(sts, "sufficient funds")
    assert (answer.stance, answer.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_rebuttal_conceding_the_matter_of_a_sale_report_confirms(extractor: Extractor) -> None:
    text = (
        "Sky Ledger reported that Tamber Bank had hired advisers to sell a portfolio of "
        "office loans. Tamber Bank acknowledged that it was reviewing options for part of "
        "its property book."
    )
    sts = run(extractor, text)
    answer = by(sts, "reviewing options")
    assert (answer.stance, answer.refers_to) == (Stance.CONFIRMS, sts[0].local_id)


def test_rebuttal_conceding_another_matter_takes_nothing_up(extractor: Extractor) -> None:
    text = (
        "Sky Ledger reported that Tamber Bank had hired advisers to sell a portfolio of "
        "office loans. Tamber Bank acknowledged that its mobile app had been down for a day."
    )
    sts = run(extractor, text)
    other = by(sts, "mobile app")
    assert other.refers_to is None


@pytest.mark.parametrize(
    "reply",
    [
        '"We stand by our reporting," said Ida Crane, the newsletter\'s editor.',
        '"We count every seat we sold. Our figure is right," said Ida Crane, the newsletter\'s '
        "editor.",
    ],
)
def test_maintain_a_claimant_standing_by_its_claim_confirms_it(
    extractor: Extractor, reply: str
) -> None:
    text = (
        "The Dockside Letter reported that Corvale Cooperative had sold 9,000 tickets for its "
        "harvest fair. Corvale Cooperative denied the report. " + reply
    )
    sts = run(extractor, text)
    kept = by(sts, "Ida Crane")
    assert (kept.stance, kept.refers_to) == (Stance.CONFIRMS, sts[0].local_id)


def test_rebuttal_an_agent_negating_contact_denies_the_approach(extractor: Extractor) -> None:
    text = (
        "Sport Daily reported that FC Lindor had already approached coach Mateo Ruiz about "
        "the vacant job. Mateo Ruiz's agent, Lia Gomez, said her client had not spoken to "
        "anyone at FC Lindor."
    )
    sts = run(extractor, text)
    answer = by(sts, "Lia Gomez")
    assert (answer.stance, answer.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_rebuttal_a_claim_the_speaker_denied_before_is_about_them(extractor: Extractor) -> None:
    text = DENIED + (
        "Oduya added that the studio had met several buyers this year but that none of those "
        "meetings had been about ownership."
    )
    sts = run(extractor, text)
    answers = {(s.stance, s.refers_to) for s in sts if "none of those" in s.evidence}
    assert (Stance.DENIES, sts[0].local_id) in answers


def test_rebuttal_a_claim_denied_before_needs_the_same_matter(extractor: Extractor) -> None:
    text = DENIED + "Oduya later said that the studio in Leeds had not yet moved into new offices."
    sts = run(extractor, text)
    more = by(sts, "new offices")
    assert (more.stance, more.refers_to) == (Stance.ASSERTS, None)


# a rumour that does not name Nell Oduya, her denial, then someone else speaks
DENIED = (
    "People familiar with the matter said Harlow Media was in talks to acquire a small games "
    "studio in Leeds. Nell Oduya denied the report. Ben Roe, an analyst at Fenwick Research, "
    "said studio prices had risen this year. "
)


def test_matter_a_denial_takes_up_the_rumour_on_its_matter(extractor: Extractor) -> None:
    text = (
        "Staff at Dunmore Mills' bakery in Alston fear for their jobs after a rumour swept the "
        "village this week that the site will close next spring. The Bakers' Union said it had "
        "written to Dunmore Mills asking for a meeting. In a statement to the Echo, Dunmore Mills "
        'said: "There are no plans to close the Alston bakery."'
    )
    sts = run(extractor, text)
    rumour = by(sts, "rumour swept")
    assert (rumour.stance, rumour.speaker.name) == (Stance.REPORTS, "Valley Ledger")
    denial = by(sts, "no plans")
    assert denial.speaker.name == "Dunmore Mills"
    assert (denial.stance, denial.refers_to) == (Stance.DENIES, rumour.local_id)


def test_matter_a_denial_on_another_matter_keeps_its_own_target(extractor: Extractor) -> None:
    text = (
        "Staff at Dunmore Mills' bakery in Alston fear for their jobs after a rumour swept the "
        "village this week that the site will close next spring. The Bakers' Union said Dunmore "
        "Mills had cut night-shift pay by 5%. Dunmore Mills denied that it had cut night-shift "
        "pay."
    )
    sts = run(extractor, text)
    claim = by(sts, "Bakers' Union")
    denial = by(sts, "denied")
    assert (denial.stance, denial.refers_to) == (Stance.DENIES, claim.local_id)
