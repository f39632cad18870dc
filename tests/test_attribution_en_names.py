"""English speakers known by screen names, descriptors and legal forms; plaintiffs who lead a suit.

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
    result = extractor(Article(id="t", text=text, language="en", outlet=outlet))
    return list(result.statements)


def only(sts: list[ExtractedStatement], key: str) -> ExtractedStatement:
    [st] = [s for s in sts if key in (s.claim_text or "") or key in s.evidence]
    return st


@pytest.mark.parametrize(
    ("text", "speaker", "key"),
    [
        pytest.param(
            "The music blog account @tunebird_news posted that the drummer had joined a band.",
            "@tunebird_news",
            "joined a band",
            id="handle-after-descriptors",
        ),
        pytest.param(
            "The rally began after a reader posting as LakeView77 on a stock forum claimed that "
            "the brewery would close in March.",
            "LakeView77",
            "would close in March",
            id="posting-as-pseudonym",
        ),
        pytest.param(
            "A leaker who goes by Ferret has insisted that the console would not ship this year.",
            "Ferret",
            "would not ship",
            id="who-goes-by-pseudonym",
        ),
    ],
)
def test_screen_name_speaker(extractor: Extractor, text: str, speaker: str, key: str) -> None:
    st = only(run(extractor, text), key)
    assert st.speaker.name == speaker
    assert st.stance == Stance.ASSERTS


def test_handle_known_without_at_sign(extractor: Extractor) -> None:
    sts = run(extractor, "The account @CornerGossip posted that the mayor had resigned.")
    st = only(sts, "mayor")
    assert st.speaker.name == "@CornerGossip"
    assert "CornerGossip" in st.speaker.aliases


def test_known_as_a_role_is_no_pseudonym(extractor: Extractor) -> None:
    sts = run(extractor, "Dana Price, known as the founder of Orchid Labs, said the app was ready.")
    assert only(sts, "the app was ready").speaker.name == "Dana Price"


def test_denial_and_assertion_joined_by_and_that_are_two_statements(extractor: Extractor) -> None:
    text = (
        "Tech site Gadgetfeed reported that Pellworth had signed a supply deal with Corvane. "
        "Pellworth said it had not signed any contract with Corvane and that trials of its "
        "sensor were at an early stage."
    )
    sts = run(extractor, text)
    mine = [s for s in sts if s.speaker.name == "Pellworth"]
    assert [s.stance for s in mine] == [Stance.DENIES, Stance.ASSERTS]
    assert mine[0].refers_to == sts[0].local_id  # the site's claim
    assert "early stage" in (mine[1].claim_text or "")


def test_place_based_descriptor_is_not_part_of_the_name(extractor: Extractor) -> None:
    text = (
        "Tech site Gadgetfeed reported that Bellmont would buy Lyon-based Corvane Robotics. "
        "Corvane Robotics did not respond to requests for comment."
    )
    st = only(run(extractor, text), "did not respond")
    assert st.speaker.name == "Corvane Robotics"


def test_legal_form_is_dropped_from_an_organisation_name(extractor: Extractor) -> None:
    text = 'Pellworth Biologics Inc. said it would appeal. "We will win this," Pellworth said.'
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts] == ["Pellworth Biologics", "Pellworth Biologics"]


def test_acronym_after_a_country_prefix(extractor: Extractor) -> None:
    text = (
        "The U.S. Federal Aviation Administration grounded the jets in May. "
        "The FAA declined to comment on the audit."
    )
    st = only(run(extractor, text), "declined to comment")
    assert st.speaker.name == "U.S. Federal Aviation Administration"


def test_judge_title_names_the_person_later_by_surname(extractor: Extractor) -> None:
    text = (
        "U.S. District Judge Ellen Marsh heard the motion on Monday. "
        "Marsh said she would rule by the end of January."
    )
    st = only(run(extractor, text), "rule by the end")
    assert st.speaker.name == "Ellen Marsh"


def test_investors_led_by_a_fund_claim_in_their_complaint(extractor: Extractor) -> None:
    text = (
        "The investors, led by the Northside Teachers' Fund, claim in their amended complaint "
        "that Zoomcart hid losses for two years. The complaint also alleges that managers "
        "deleted records."
    )
    sts = run(extractor, text, outlet="Law Wire")
    first = only(sts, "hid losses")
    assert first.speaker.name == "Northside Teachers' Fund"
    assert (first.claim_text or "").startswith("Zoomcart hid losses")
    assert only(sts, "deleted records").speaker.name == "Northside Teachers' Fund"


def test_concession_of_a_reported_claim_confirms_it(extractor: Extractor) -> None:
    text = (
        "Tech site Gadgetfeed reported that Pellworth would close its Leeds plant and cut "
        "300 jobs. Pellworth conceded that the Leeds plant would close next year."
    )
    sts = run(extractor, text)
    assert sts[1].stance == Stance.CONFIRMS
    assert sts[1].refers_to == sts[0].local_id


def test_concession_sharing_only_a_topic_word_confirms_nothing(extractor: Extractor) -> None:
    text = (
        "Chief executive Ana Ruiz announced that the new scooter will cost $1,200. "
        "Finance chief Tom Lacey conceded that the target assumes a lot goes right."
    )
    sts = run(extractor, text)
    assert [s.stance for s in sts] == [Stance.ASSERTS, Stance.ASSERTS]


def test_the_paper_is_the_outlet_named_before(extractor: Extractor) -> None:
    text = (
        "Madrid sports daily Diario Norte claimed on Sunday that the striker had agreed terms. "
        "The paper said the clubs had already shaken hands on a fee."
    )
    sts = run(extractor, text, outlet="Daily Terrace")
    assert [s.speaker.name for s in sts] == ["Diario Norte", "Diario Norte"]


def test_appositive_label_is_who_the_label_is(extractor: Extractor) -> None:
    text = (
        "The gossip account @tea_kettle posted that the singer had signed a solo deal. "
        "The band's label, Corda Sound, followed on Sunday. In a statement, the label said "
        'the screenshot was "fabricated".'
    )
    assert only(run(extractor, text), "screenshot").speaker.name == "Corda Sound"


def test_bare_spokesperson_speaks_for_the_previous_sentence_subject(extractor: Extractor) -> None:
    text = (
        "The gossip account @tea_kettle posted that the singer had signed with Vantor Records. "
        "Vantor Records took longer. A spokesperson told us on Monday that the label had "
        '"no agreement of any kind" with her.'
    )
    st = only(run(extractor, text), "of any kind")
    assert st.speaker.name == "Vantor Records"


def test_a_role_holder_denying_a_rumour_about_the_employer(extractor: Extractor) -> None:
    text = (
        "Trade paper Fleet Weekly reported that Qorvane was in advanced talks to buy Beltro. "
        "Qorvane's head of European sales, Dana Reyes, was blunt. "
        '"There are no advanced talks with anyone," Reyes told us.'
    )
    sts = run(extractor, text)
    denial = only(sts, "no advanced talks")
    assert (denial.speaker.name, denial.stance) == ("Dana Reyes", Stance.DENIES)
    assert denial.refers_to == sts[0].local_id


def test_suit_called_without_merit_denies_the_complaints_first_claim(
    extractor: Extractor,
) -> None:
    text = (
        "The shareholders, led by the Ridgeway Pension Plan, claim in their complaint that "
        "Pellworth hid a safety warning for months. The complaint also alleges that two "
        'directors sold shares early. Pellworth has called the suit "without merit". '
        "The regulator declined to comment on the litigation."
    )
    sts = run(extractor, text, outlet="Law Wire")
    first = only(sts, "hid a safety warning")
    merit = only(sts, "without merit")
    assert (merit.stance, merit.refers_to) == (Stance.DENIES, first.local_id)
    assert only(sts, "the litigation").refers_to == first.local_id


def test_smaller_than_reported_denies_the_report(extractor: Extractor) -> None:
    text = (
        "Sky Bulletin reported that Norvik Bank would sell £3 billion of loans. "
        'Norvik said the portfolio was "much smaller" than reported.'
    )
    sts = run(extractor, text)
    assert (sts[1].stance, sts[1].refers_to) == (Stance.DENIES, sts[0].local_id)


@pytest.mark.parametrize(
    ("text", "speaker", "key"),
    [
        pytest.param(
            "A trader working on the deal told us the price was closer to $2 billion.",
            "trader working on the deal",
            "closer to $2 billion",
            id="unnamed-with-participle-modifier",
        ),
        pytest.param(
            "An anonymous poster on a stock forum claimed that Ferrow would skip its dividend.",
            "anonymous poster on a stock forum",
            "skip its dividend",
            id="anonymous-forum-poster",
        ),
        pytest.param(
            'Three creditors we spoke to were unconvinced. "They promised the same in May," '
            "one of them said.",
            "creditors",
            "promised the same",
            id="one-of-them-after-a-counted-group",
        ),
        pytest.param(
            "Asked about it on Friday, Mara Lind smiled and said: "
            '"I am only here to talk about the new ferries."',
            "Mara Lind",
            "new ferries",
            id="smiled-and-said",
        ),
        pytest.param(
            "The first to respond was drummer Lea Novak, who wrote in a post: "
            '"Please stop inventing things."',
            "Lea Novak",
            "stop inventing",
            id="name-who-wrote-colon",
        ),
    ],
)
def test_unnamed_and_introduced_speakers(
    extractor: Extractor, text: str, speaker: str, key: str
) -> None:
    assert only(run(extractor, text), key).speaker.name == speaker


def test_here_to_talk_about_is_a_deflection(extractor: Extractor) -> None:
    text = (
        "Chief executive Mara Lind is reportedly preparing to step down. Asked about it on "
        'Friday, Lind smiled and said: "I am only here to talk about ferries."'
    )
    sts = run(extractor, text)
    deflection = only(sts, "here to talk about")
    assert (deflection.stance, deflection.refers_to) == (Stance.NO_COMMENT, sts[0].local_id)


def test_an_analysts_employer_is_no_person(extractor: Extractor) -> None:
    text = (
        "Jonas Weber, an automotive analyst at Tannen Equity in Munich, argued that the plant "
        'was a bargain. But he warned that its contracts were "among the costliest".'
    )
    assert only(run(extractor, text), "costliest").speaker.name == "Jonas Weber"


def test_a_post_shared_by_an_account_is_the_accounts_claim(extractor: Extractor) -> None:
    text = (
        "One version, posted on X by the account @TownTattle, says the figure comes from "
        '"an internal memo seen by staff".'
    )
    st = only(run(extractor, text, outlet="Fact Desk"), "internal memo")
    assert st.speaker.name == "@TownTattle"


def test_by_our_estimates_is_the_outlets_own_forecast(extractor: Extractor) -> None:
    text = "Corvane's gross margin could rise to 58% in 2027 from 41% this year, by our estimates."
    st = only(run(extractor, text, outlet="Halden Notes"), "58%")
    assert (st.speaker.name, st.stance) == ("Halden Notes", Stance.ASSERTS)


def test_widely_expected_to_is_relayed_but_expected_to_is_not(extractor: Extractor) -> None:
    sts = run(extractor, "Rival Sable Labs is widely expected to unveil its own chip in May.")
    assert [(s.speaker.name, s.stance) for s in sts] == [("Harbour Wire", Stance.REPORTS)]
    assert run(extractor, "The company is expected to report earnings on Friday.") == []


def test_comma_and_that_starts_a_second_statement(extractor: Extractor) -> None:
    text = (
        "Lawyer Mia Tran said the question had already been argued before the board, and that "
        'the plaintiffs faced "a long road" unless the emails were damaging.'
    )
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts] == ["Mia Tran", "Mia Tran"]
    assert "long road" in (sts[1].claim_text or "")


def test_who_posted_after_a_leaker_named_in_a_noun_phrase(extractor: Extractor) -> None:
    text = (
        "The leak lines up with claims made last month by the pseudonymous leaker OrbitBytes, "
        "who posted on X that Lumen had ordered millions of panels from Veyra Display. "
        "Veyra Display declined to comment."
    )
    sts = run(extractor, text, outlet="The Verge")
    leak = only(sts, "ordered millions")
    assert leak.speaker.name == "OrbitBytes"
    assert only(sts, "declined to comment").refers_to == leak.local_id


def test_claims_after_a_preposition_is_a_noun(extractor: Extractor) -> None:
    sts = run(extractor, "The leak lines up with claims made last month on a forum.")
    assert sts == []


@pytest.mark.parametrize("epithet", ["the German", "the 41-year-old"])
def test_an_epithet_after_a_quote_is_the_person_named_last(
    extractor: Extractor, epithet: str
) -> None:
    text = (
        "Gossip site Pitchside said Corran City were about to sack manager Jens Kohl. "
        'Kohl was in no mood to discuss it. "I won\'t talk about it," '
        f"{epithet} told reporters on Friday."
    )
    st = only(run(extractor, text), "talk about it")
    assert (st.speaker.name, st.stance) == ("Jens Kohl", Stance.NO_COMMENT)


@pytest.mark.parametrize("name", ["Panda Leaks", "Seabright Data Report"])
def test_a_name_ending_in_a_document_word_is_a_speaker(extractor: Extractor, name: str) -> None:
    text = (
        "Screenshots of internal slides, posted on Weibo on Sunday, show a banner. "
        f"The account that posted them, {name}, said the slides came from a retailer."
    )
    st = only(run(extractor, text, outlet="The Verge"), "came from a retailer")
    assert st.speaker.name == name


def test_participle_after_a_subject_and_its_verb(extractor: Extractor) -> None:
    text = (
        "Ana Holt of Brightline Capital was less forgiving, warning that a second delay "
        'would be "very hard for investors to forgive".'
    )
    st = only(run(extractor, text), "second delay")
    assert (st.speaker.name, st.cue) == ("Ana Holt", "warning")


def test_with_x_telling_reporters_is_xs_statement(extractor: Extractor) -> None:
    text = (
        "The striker's camp stayed calm on Monday, with his agent Luis Ortega telling "
        'reporters that his client "has not spoken to anyone" about a move.'
    )
    st = only(run(extractor, text), "spoken to anyone")
    assert (st.speaker.name, st.cue) == ("Luis Ortega", "telling")
