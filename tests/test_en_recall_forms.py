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
