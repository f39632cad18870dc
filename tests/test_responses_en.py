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


def test_refusal_to_comment_takes_up_the_report_not_an_analysts_view(
    extractor: Extractor,
) -> None:
    text = (
        "Trade site Lender Daily reported that Quillpay had filed an application with the "
        "regulator. Analyst Rob Tan argued that regulators had shown little appetite for "
        "fintech charters. A company representative told us that Quillpay "
        '"does not comment on regulatory matters."'
    )
    sts = run(extractor, text)
    refusal = only(sts, "regulatory matters")
    assert (refusal.stance, refusal.refers_to) == (Stance.NO_COMMENT, sts[0].local_id)


def test_a_quoted_denial_is_matched_by_its_own_words(extractor: Extractor) -> None:
    text = (
        "Shipping paper Dock Times reported that Ferrow Line had held early talks with a "
        "rival, citing two people familiar with the matter. Analyst Jo Park said freight "
        "rates would fall further next year.\n\n"
        'Asked about it on the call, chief executive Mia Lund was blunt. "There are no talks, '
        'early or late," she said.'
    )
    sts = run(extractor, text)
    denial = only(sts, "no talks")
    assert (denial.stance, denial.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_a_doubt_with_no_shared_words_takes_up_the_articles_rumour(
    extractor: Extractor,
) -> None:
    text = (
        "Is Torvane for sale? A pseudonymous account on X posted that Torvane had agreed to "
        "sell a majority stake to Helm Capital for $900 million.\n\n"
        "Let me say it up front: I don't believe a deal is close."
    )
    sts = run(extractor, text, outlet="Block Letter")
    doubt = only(sts, "a deal is close")
    assert (doubt.stance, doubt.refers_to) == (Stance.QUESTIONS, sts[0].local_id)


FAN_STORY = (
    "Late on Saturday, the fan account @tune_bird, which has 90,000 followers, posted an "
    "image it said showed a group chat in which Lena Vos told her bandmates she would quit "
    "after the tour.\n\n"
    'The band\'s label, Corda Sound, said the screenshot was "fabricated".\n\n'
    '"I\'m not leaving the band," Vos said on Monday.\n\n'
    "The damage, for @tune_bird at least, was done. The account deleted the post and "
    "conceded that it had never been able to verify the image."
)


@pytest.fixture(scope="module")
def fan_story(extractor: Extractor) -> list[ExtractedStatement]:
    return run(extractor, FAN_STORY, outlet="Velvet Wire")


def test_it_said_after_an_account_is_the_account(fan_story: list[ExtractedStatement]) -> None:
    rumour = fan_story[0]
    assert rumour.speaker.name == "@tune_bird"
    assert "would quit" in (rumour.claim_text or "")
    assert all(s.speaker.name != "Lena Vos" or s.stance != Stance.ASSERTS for s in fan_story)


def test_the_screenshot_is_the_claim_an_account_posted(fan_story: list[ExtractedStatement]) -> None:
    denial = only(fan_story, "fabricated")
    assert (denial.speaker.name, denial.stance) == ("Corda Sound", Stance.DENIES)
    assert denial.refers_to == fan_story[0].local_id


def test_not_leaving_denies_would_quit(fan_story: list[ExtractedStatement]) -> None:
    denial = only(fan_story, "not leaving")
    assert (denial.stance, denial.refers_to) == (Stance.DENIES, fan_story[0].local_id)


def test_an_account_conceding_it_could_not_verify_questions_its_own_claim(
    fan_story: list[ExtractedStatement],
) -> None:
    doubt = only(fan_story, "able to verify")
    assert (doubt.speaker.name, doubt.stance) == ("@tune_bird", Stance.QUESTIONS)
    assert doubt.refers_to == fan_story[0].local_id


def test_a_pseudonym_opening_a_later_clause_is_he_and_the_post_is_his(
    extractor: Extractor,
) -> None:
    text = (
        "For months, a dataminer who goes by Wren has insisted Skyforge would slip to 2028.\n\n"
        "Wren first made the claim in May, when he wrote on a Discord server that test builds "
        '"point to spring 2028". Norlight did not respond to questions about the post then.'
    )
    sts = run(extractor, text, outlet="Checkpoint")
    post = only(sts, "point to spring 2028")
    assert post.speaker.name == "Wren"
    assert only(sts, "did not respond").refers_to == post.local_id


def test_rumour_words_of_a_first_clause_do_not_make_the_second_a_relay(
    extractor: Extractor,
) -> None:
    text = (
        "Trade site Gridwire reported that Norvane was buying a battery maker. Asked about it, "
        'Norvane\'s chief executive Eva Lind dismissed the reports as "speculation" but said '
        'Norvane "talks to every supplier".'
    )
    sts = run(extractor, text)
    assert only(sts, "talks to every supplier").stance == Stance.ASSERTS


def test_a_negated_clause_after_and_goes_on_a_denial(extractor: Extractor) -> None:
    text = (
        "Trade site Gridwire reported that Norvane's offer could value Beltro at $2 billion. "
        'Norvane chief executive Eva Lind called the figure "pure speculation" and said the two '
        "sides had not discussed price."
    )
    sts = run(extractor, text)
    said = [s for s in sts if s.cue == "said"]
    assert [(s.stance, s.refers_to) for s in said] == [(Stance.DENIES, sts[0].local_id)]


def test_a_tag_question_questions(extractor: Extractor) -> None:
    text = (
        'Judge Ana Ortiz interrupted the lawyer. "A line in an appendix is not the same as '
        'a warning, is it?" she asked.'
    )
    assert only(run(extractor, text), "appendix").stance == Stance.QUESTIONS


@pytest.mark.parametrize(
    ("verdict", "stance"),
    [
        ("Our read: the sale is happening.", Stance.CONFIRMS),
        ("My guess is that it wouldn't, at least not at $1.4 billion.", Stance.QUESTIONS),
    ],
)
def test_a_columns_verdict_takes_up_the_rumour_it_restates(
    extractor: Extractor, verdict: str, stance: Stance
) -> None:
    text = (
        "Sky Bulletin reported on Monday that Norvik Bank had hired advisers to sell a loan "
        f"book for $1.4 billion.\n\n{verdict}"
    )
    sts = run(extractor, text, outlet="The Ledger")
    assert (sts[-1].stance, sts[-1].refers_to) == (stance, sts[0].local_id)
    assert "$1.4 billion" in sts[-1].evidence or stance == Stance.CONFIRMS


def test_refusing_to_say_whether_that_included_points_back(extractor: Extractor) -> None:
    text = (
        "Trade site Ledgerline reported that Quillpay had applied for a bank charter. "
        'Chief executive Ana Ruiz said the company was "evaluating all options," but would not '
        "say whether that included a charter."
    )
    sts = run(extractor, text)
    [refusal] = [s for s in sts if s.cue == "would not say"]
    assert (refusal.stance, refusal.refers_to) == (Stance.NO_COMMENT, sts[0].local_id)


def test_declining_to_comment_on_reports_that_it_plans_states_its_own_claim(
    extractor: Extractor,
) -> None:
    text = (
        "Gadgetfeed reported that Norvane had opened a store in Lyon. Norvane declined to "
        "comment on reports that it plans to hire about 20 engineers in Oslo."
    )
    [refusal] = [s for s in run(extractor, text) if s.stance == Stance.NO_COMMENT]
    assert refusal.refers_to is None
    assert "hire about 20 engineers" in (refusal.claim_text or "")


def test_a_hearsay_source_that_does_not_respond_is_silent_on_its_own_rumour(
    extractor: Extractor,
) -> None:
    text = (
        "Posts shared thousands of times claim that Northbank is cutting 9,000 jobs. "
        "One version, posted on X by the account @TownTattle, says the figure comes from "
        '"an internal memo". @TownTattle did not respond to a message asking for its source.'
    )
    sts = run(extractor, text, outlet="Fact Desk")
    post = only(sts, "internal memo")
    [silence] = [s for s in sts if s.stance == Stance.NO_COMMENT]
    assert silence.refers_to == post.local_id


def test_the_report_was_x_not_y_denies_the_report(extractor: Extractor) -> None:
    text = (
        "Trade site Ledgerline reported that Quillpay had filed for a bank charter. Investor "
        'Tom Reyes posted on X that the report was "a sales pitch, not a filing."'
    )
    sts = run(extractor, text)
    denial = only(sts, "sales pitch")
    assert (denial.stance, denial.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_has_not_received_any_notification_is_no_comment(extractor: Extractor) -> None:
    text = (
        "Reuters reported that Washington would add 30 chipmakers to its export blacklist. "
        'Tenmark said it "has not received any notification" from the Commerce Department.'
    )
    sts = run(extractor, text)
    assert (sts[1].stance, sts[1].refers_to) == (Stance.NO_COMMENT, sts[0].local_id)


def test_pouring_cold_water_on_the_reports_takes_up_the_report_naming_the_responder(
    extractor: Extractor,
) -> None:
    text = (
        "The Tribune reported that FC Lindor had approached coach Mateo Ruiz about the job. "
        "It was also reported in Spain that the club had sounded out Ivo Brandt. "
        "Mateo Ruiz's agent, Lia Gomez, poured cold water on the reports."
    )
    sts = run(extractor, text)
    denial = only(sts, "poured cold water")
    assert (denial.stance, denial.refers_to) == (Stance.DENIES, sts[0].local_id)


def test_would_not_be_drawn_on_is_a_refusal(extractor: Extractor) -> None:
    text = (
        "The Tribune reported that Dunmore Foods would close its bakery in Alston. "
        "Dunmore Foods would not be drawn on the future of the bakery."
    )
    sts = run(extractor, text)
    refusal = only(sts, "not be drawn")
    assert (refusal.stance, refusal.refers_to) == (Stance.NO_COMMENT, sts[0].local_id)


def test_pushing_back_on_claims_by_a_named_rival_states_the_rivals_claim(
    extractor: Extractor,
) -> None:
    text = (
        "Halden Mobile chief executive Ana Pires pushed back on claims by rival Kestrel Telecom "
        "that Halden's rural network drops one call in five."
    )
    sts = run(extractor, text)
    claim = next(s for s in sts if s.speaker.name == "Kestrel Telecom")
    denial = next(s for s in sts if s.speaker.name == "Ana Pires")
    assert claim.stance == Stance.ASSERTS
    assert "drops one call in five" in (claim.claim_text or "")
    assert (denial.stance, denial.refers_to) == (Stance.DENIES, claim.local_id)


def test_a_spokesperson_in_touch_to_say_talks_ended_denies_the_talks(
    extractor: Extractor,
) -> None:
    text = (
        "Northwind and Castle Towers are back in talks about a merger, according to two "
        "bankers. A Castle Towers spokesperson has been in touch to say the talks ended in "
        "June and have not been revived."
    )
    sts = run(extractor, text)
    denial = only(sts, "in touch to say")
    assert (denial.stance, denial.refers_to) == (Stance.DENIES, sts[0].local_id)
