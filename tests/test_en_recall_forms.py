"""English forms of statements the extractor used to miss (issue 4, English recall).

Second propositions of one reported clause (C3), rumours in the article's own
voice, data sources that show or put a figure. Sentences written for these
tests (none from the gold files).
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


def claims(sts: list[ExtractedStatement]) -> list[tuple[str, Stance, str]]:
    return [(s.speaker.name, s.stance, s.claim_text or "") for s in sts]


def test_and_would_opens_a_second_statement(extractor: Extractor) -> None:
    text = "Kara Moss said the bakery had passed its hygiene audit and would reopen on Monday."
    assert claims(run(extractor, text)) == [
        ("Kara Moss", Stance.ASSERTS, "the bakery had passed its hygiene audit"),
        ("Kara Moss", Stance.ASSERTS, "would reopen on Monday"),
    ]


def test_and_inside_a_quote_does_not_split(extractor: Extractor) -> None:
    text = 'Kara Moss said the bakery was "clean and would stay that way for good".'
    assert len(run(extractor, text)) == 1


def test_a_denial_goes_on_denying_in_its_second_verb_phrase(extractor: Extractor) -> None:
    text = (
        "A post on a local forum claimed that Orrin Mills would close its Dayton plant. "
        "Orrin Mills said it had no plans to close the Dayton plant and would keep all 300 jobs "
        "there."
    )
    sts = run(extractor, text)
    assert [s.stance for s in sts[1:]] == [Stance.DENIES, Stance.DENIES]
    assert all(s.refers_to == sts[0].local_id for s in sts[1:])


def test_a_denial_does_not_spread_to_a_clause_with_its_own_subject(extractor: Extractor) -> None:
    text = (
        "A post on a local forum claimed that Orrin Mills would close its Dayton plant. "
        "Orrin Mills said the post was false and that the board had approved a new kiln."
    )
    sts = run(extractor, text)
    assert [s.stance for s in sts[1:]] == [Stance.DENIES, Stance.ASSERTS]


@pytest.mark.parametrize(
    ("text", "stance", "claim"),
    [
        (
            "It was reported last week that the Tarrow council had hired consultants.",
            Stance.REPORTS,
            "the Tarrow council had hired consultants",
        ),
        (
            "The Tarrow depot will lose its night shift, it was reported on Tuesday.",
            Stance.REPORTS,
            "The Tarrow depot will lose its night shift",
        ),
        (
            "The long queues have fed a rumour, first aired on a parents' forum, that the "
            "clinic will stop taking new patients.",
            Stance.REPORTS,
            "the clinic will stop taking new patients",
        ),
        (
            "Claims circulated on social media that the ferry service had been suspended.",
            Stance.REPORTS,
            "the ferry service had been suspended",
        ),
        (
            "Speculation that the brewery will relocate has grown since the spring.",
            Stance.REPORTS,
            "the brewery will relocate",
        ),
        (
            "It is understood that two bidders remain in the running for the depot.",
            Stance.ASSERTS,
            "two bidders remain in the running for the depot",
        ),
        (
            "Questions have been raised over whether the ferry can meet the new timetable.",
            Stance.QUESTIONS,
            "the ferry can meet the new timetable",
        ),
    ],
)
def test_the_article_own_voice(extractor: Extractor, text: str, stance: Stance, claim: str) -> None:
    assert claims(run(extractor, text)) == [("Valley Ledger", stance, claim)]


def test_a_parenthetical_it_is_understood_states_the_sentence(extractor: Extractor) -> None:
    text = "The depot talks stalled, it is understood, over the price of the land."
    [st] = run(extractor, text)
    assert (st.speaker.name, st.stance) == ("Valley Ledger", Stance.ASSERTS)
    assert "price of the land" in (st.claim_text or "")


def test_a_rumour_marker_inside_a_quote_is_no_relay(extractor: Extractor) -> None:
    text = '"It was reported last week that we had hired consultants," Kara Moss said.'
    assert [s.speaker.name for s in run(extractor, text)] == ["Kara Moss"]


def test_an_answer_takes_up_the_rumour_not_the_outlet_finding(extractor: Extractor) -> None:
    text = (
        "Posts on a drivers' forum claimed that Pelham Motors would close its Tarrow plant. "
        "It is understood that Pelham Motors engineers visited the Tarrow plant in May. "
        "Pelham Motors dismissed the reports as nonsense."
    )
    sts = run(extractor, text)
    assert sts[1].stance == Stance.ASSERTS
    assert (sts[2].stance, sts[2].refers_to) == (Stance.DENIES, sts[0].local_id)


@pytest.mark.parametrize(
    ("text", "speaker", "key"),
    [
        (
            "Data from market tracker Brightline, however, shows Pellor's sales in Spain fell "
            "12% in the second quarter.",
            "Brightline",
            "fell 12%",
        ),
        (
            "Figures from the trade body Ferrow Council put the loss at $2 million.",
            "Ferrow Council",
            "$2 million",
        ),
        (
            "Brightline, the research firm, puts the total at $4.2 million, well below the "
            "studio's estimate.",
            "Brightline",
            "$4.2 million",
        ),
        (
            "Ana Ruiz, an analyst at Pell Securities, cut her 2027 sales estimate for the group "
            "to $310 million from $350 million.",
            "Ana Ruiz",
            "$310 million",
        ),
    ],
)
def test_a_data_source_states_its_figure(
    extractor: Extractor, text: str, speaker: str, key: str
) -> None:
    [st] = run(extractor, text)
    assert (st.speaker.name, st.stance) == (speaker, Stance.ASSERTS)
    assert key in (st.claim_text or "")


def test_a_banker_who_knows_the_group_puts_a_price(extractor: Extractor) -> None:
    text = "A banker who has advised the family put the likely price higher, at $900 million."
    [st] = run(extractor, text)
    assert "banker" in st.speaker.name and "$900 million" in (st.claim_text or "")


def test_put_without_a_figure_is_no_statement(extractor: Extractor) -> None:
    assert run(extractor, "The Brightline report puts pressure on the Pellor board.") == []


def test_maintained_that_is_a_statement(extractor: Extractor) -> None:
    text = (
        "Kara Moss said the bakery was safe. She maintained that the fire was caused by a "
        "faulty heater, not arson."
    )
    assert claims(run(extractor, text))[1] == (
        "Kara Moss",
        Stance.ASSERTS,
        "the fire was caused by a faulty heater, not arson",
    )


def test_maintained_without_a_clause_is_no_statement(extractor: Extractor) -> None:
    assert run(extractor, "Orrin Mills maintained the Dayton plant for thirty years.") == []


def test_but_it_maintained_opens_a_clause_of_its_own(extractor: Extractor) -> None:
    text = (
        "Posts claimed that Harwick Bank would close its branches. Harwick Bank has confirmed "
        "that its Dayton branch was sold in May, but it maintained that no jobs would be lost."
    )
    sts = run(extractor, text)
    assert [(s.speaker.name, s.cue) for s in sts[1:]] == [
        ("Harwick Bank", "confirmed"),
        ("Harwick Bank", "maintained"),
    ]
    assert sts[2].stance == Stance.DENIES


def test_a_verb_then_saying_the_subject_speaks(extractor: Extractor) -> None:
    text = 'Dana Holt pushed back, saying the audit was "a paper exercise" and changed nothing.'
    [st] = run(extractor, text)
    assert st.speaker.name == "Dana Holt" and st.cue == "saying"


def test_before_conceding_the_same_speaker_goes_on(extractor: Extractor) -> None:
    text = (
        '"I will not discuss it," Dan Pike told reporters on Friday, before conceding that '
        '"the results have been poor".'
    )
    sts = run(extractor, text)
    assert [(s.speaker.name, s.cue) for s in sts] == [
        ("Dan Pike", "told"),
        ("Dan Pike", "conceding"),
    ]


def test_a_letter_to_parents_is_a_window_before_the_content(extractor: Extractor) -> None:
    text = (
        "School principal Dana Holt wrote in a letter to parents Sunday that none of the pupils "
        "had been hospitalized."
    )
    [st] = run(extractor, text)
    assert st.claim_text == "none of the pupils had been hospitalized"


def test_a_former_player_is_named_without_former(extractor: Extractor) -> None:
    text = "Former Tarrow striker Ben Ruiz, now a radio pundit, said the club would hire locally."
    [st] = run(extractor, text)
    assert st.speaker.name == "Ben Ruiz"


def test_a_time_before_a_post_is_no_name(extractor: Extractor) -> None:
    text = (
        "Last Thursday, a post on a parents' forum, since deleted, alleged that the school had "
        "changed its rules in May."
    )
    assert claims(run(extractor, text)) == [
        ("Valley Ledger", Stance.REPORTS, "the school had changed its rules in May")
    ]


def test_declined_to_give_a_figure_is_a_refusal(extractor: Extractor) -> None:
    text = (
        "Posts on a drivers' forum claimed that Pelham Motors would cut 300 jobs. "
        "Pelham Motors declined to give a figure."
    )
    sts = run(extractor, text)
    assert (sts[1].stance, sts[1].refers_to) == (Stance.NO_COMMENT, sts[0].local_id)


def test_an_outlet_standing_by_its_reporting_confirms_its_own_claim(extractor: Extractor) -> None:
    text = (
        "The Valley Ledger reported last week that Harwick Bank would close 40 branches. "
        "We stand by our reporting."
    )
    sts = run(extractor, text)
    assert (sts[1].speaker.name, sts[1].stance, sts[1].refers_to) == (
        "Valley Ledger",
        Stance.CONFIRMS,
        sts[0].local_id,
    )


def test_standing_by_with_no_claim_of_its_own_is_no_statement(extractor: Extractor) -> None:
    assert run(extractor, "We stand by our reporting.") == []


def test_not_something_we_discuss_is_a_refusal(extractor: Extractor) -> None:
    text = (
        "Posts claimed that Harwick Bank would sell its card arm. Harwick Bank declined to "
        'comment, saying only that such matters were "not something we discuss in public".'
    )
    sts = run(extractor, text)
    assert [s.stance for s in sts[1:]] == [Stance.NO_COMMENT, Stance.NO_COMMENT]


def test_and_was_before_a_quote_opens_a_second_statement(extractor: Extractor) -> None:
    text = (
        'Kara Moss told a radio station that her client "has not met the board" and was '
        '"happy to wait for an offer".'
    )
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts] == ["Kara Moss"] * 2
    assert "happy to wait" in (sts[1].claim_text or "")
