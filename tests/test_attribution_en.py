"""English attribution on sentences written for these tests (none from the gold files)."""

from __future__ import annotations

import pytest

from graph.records import ActorKind, Article, ExtractedStatement, Stance
from pipelines.en.quotes import find_en_quotes
from pipelines.extract import Extractor
from pipelines.gazetteer import Gazetteer, GazetteerEntry


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str, outlet: str = "Reuters") -> list[ExtractedStatement]:
    result = extractor(Article(id="t", text=text, language="en", outlet=outlet))
    for st in result.statements:
        assert st.evidence == text[st.start : st.end]
        if st.quote is not None:
            assert st.quote == text[st.quote_start : st.quote_end]
    return list(result.statements)


SPEAKERS = [
    pytest.param(
        '"Orders doubled in a week," said Lisa Chen, a seller in Shenzhen.',
        "Lisa Chen",
        "Orders doubled in a week",
        id="speaker-after-quote-said-x",
    ),
    pytest.param(
        'Omar Reyes runs a shop in Ohio. "Nobody warned us about the fee," he said.',
        "Omar Reyes",
        "Nobody warned us about the fee",
        id="pronoun-to-last-person",
    ),
    pytest.param(
        'Greta Lind said: "The warehouse opens in March."',
        "Greta Lind",
        "The warehouse opens in March",
        id="speaker-before-quote",
    ),
    pytest.param(
        "The new fee will apply to all parcels, Priya Nair, an analyst at Gartner, told Reuters.",
        "Priya Nair",
        "The new fee will apply to all parcels",
        id="content-first-told",
    ),
    pytest.param(
        "Priya Nair, an analyst at Gartner, told Reuters that the fee would hurt small sellers.",
        "Priya Nair",
        "the fee would hurt small sellers",
        id="told-outlet-that",
    ),
    pytest.param(
        "The factory will employ 2,000 workers, according to people familiar with the matter.",
        "people familiar with the matter",
        "The factory will employ 2,000 workers",
        id="according-to-after",
    ),
    pytest.param(
        "According to Axios, the startup is raising money at a lower valuation.",
        "Axios",
        "the startup is raising money at a lower valuation",
        id="according-to-before",
    ),
    pytest.param(
        "Shopify reported on Tuesday that merchant sales rose 20% in the quarter.",
        "Shopify",
        "merchant sales rose 20% in the quarter",
        id="reported-on-day-that",
    ),
    pytest.param(
        '"We have no plans to raise prices this year," a Walmart spokesperson said.',
        "Walmart",
        "We have no plans to raise prices this year",
        id="spokesperson-speaks-for-org",
    ),
    pytest.param(
        "Talkshoplive co-founder Bryan Moore said the app would add live auctions next month.",
        "Bryan Moore",
        "the app would add live auctions next month",
        id="org-role-name",
    ),
    pytest.param(
        "The price cut will reach Europe first, an industry insider said on Friday.",
        "industry insider",
        "The price cut will reach Europe first",
        id="anonymous-insider",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "claim"), SPEAKERS)
def test_attribution_speaker(extractor: Extractor, text: str, speaker: str, claim: str) -> None:
    sts = run(extractor, text)
    assert sts, text
    st = sts[-1]
    assert st.speaker.name == speaker
    assert claim in (st.claim_text or "")


def test_attribution_split_quote_is_one_statement(extractor: Extractor) -> None:
    text = '"The fees are fair," said Ana Ruiz, a reseller. "But the deadlines are not."'
    sts = run(extractor, text)
    assert len(sts) == 1
    assert "deadlines" in (sts[0].claim_text or "")


def test_attribution_anonymous_source_is_scoped_to_outlet(extractor: Extractor) -> None:
    sts = run(extractor, "The deal could close in May, two sources told Axios.", outlet="Axios")
    assert sts[0].speaker.name == "two sources"
    assert sts[0].speaker.scope == "Axios"
    assert sts[0].speaker.kind == ActorKind.ANONYMOUS
    assert sts[0].stance == Stance.REPORTS  # "could" from an unnamed source relays


def test_attribution_citing_sources_via_outlet(extractor: Extractor) -> None:
    text = (
        "Bloomberg, citing people familiar with the matter, reported that the chipmaker "
        "would build a plant in Ohio."
    )
    st = run(extractor, text, outlet="CNBC")[0]
    assert st.speaker.name == "people familiar with the matter"
    assert st.speaker.scope == "Bloomberg"
    assert st.via is not None and st.via.name == "Bloomberg"


def test_attribution_affiliation_from_appositive(extractor: Extractor) -> None:
    text = "Jane Doe, an analyst at Gartner, said the market would shrink next year."
    result = extractor(Article(id="t", text=text, language="en", outlet="Reuters"))
    [aff] = result.affiliations
    assert (aff.member.name, aff.organization.name, aff.role) == ("Jane Doe", "Gartner", "analyst")


STANCES = [
    pytest.param("Temu denied that it would leave the market.", Stance.DENIES, id="denied-that"),
    pytest.param("Temu confirmed that it would leave the market.", Stance.CONFIRMS, id="confirmed"),
    pytest.param(
        "Temu acknowledged that it would stop selling furniture in Canada.",
        Stance.CONFIRMS,
        id="acknowledged-the-claim",
    ),
    # an acknowledgement of something else takes nothing up
    pytest.param("Temu acknowledged that it had paused hiring.", Stance.ASSERTS, id="acknowledged"),
    pytest.param("Temu declined to comment.", Stance.NO_COMMENT, id="declined-to-comment"),
    pytest.param(
        "Temu did not respond to a request for comment.", Stance.NO_COMMENT, id="did-not-respond"
    ),
    pytest.param(
        "Mia Sato, an analyst at UBS, questioned whether Temu could keep its prices low.",
        Stance.QUESTIONS,
        id="questioned-whether",
    ),
    pytest.param(
        "Temu is reportedly preparing to open warehouses in Texas.", Stance.REPORTS, id="reportedly"
    ),
    pytest.param(
        "Temu is rumored to be planning a cheaper membership.", Stance.REPORTS, id="is-rumored-to"
    ),
]


@pytest.mark.parametrize(("text", "stance"), STANCES)
def test_attribution_stance(extractor: Extractor, text: str, stance: Stance) -> None:
    lead = "Temu will stop selling furniture in Canada next year, two sources told Reuters. "
    sts = run(extractor, lead + text)
    assert sts[-1].stance == stance, sts[-1]


def test_attribution_relay_without_source_is_the_outlet(extractor: Extractor) -> None:
    st = run(extractor, "Temu is reportedly preparing to open warehouses in Texas.", "CNBC")[0]
    assert st.speaker.name == "CNBC"
    assert st.stance == Stance.REPORTS


REFERS = [
    pytest.param("Temu denied the report.", Stance.DENIES, id="denied-the-report"),
    pytest.param("Temu dismissed the reports as speculation.", Stance.DENIES, id="dismissed"),
    pytest.param(
        'Temu called the claims "baseless" in a statement.', Stance.DENIES, id="called-baseless"
    ),
    pytest.param(
        '"That is not true," a Temu spokesperson said.', Stance.DENIES, id="quote-not-true"
    ),
    pytest.param("Temu declined to comment on the plan.", Stance.NO_COMMENT, id="no-comment-on"),
    pytest.param("Temu confirmed the report on Monday.", Stance.CONFIRMS, id="confirmed-report"),
]


@pytest.mark.parametrize(("text", "stance"), REFERS)
def test_attribution_refers_to_previous_claim(
    extractor: Extractor, text: str, stance: Stance
) -> None:
    lead = "Temu will reportedly stop selling furniture in Canada next year. "
    sts = run(extractor, lead + text, outlet="CNBC")
    assert len(sts) == 2, sts
    assert sts[1].stance == stance
    assert sts[1].refers_to == sts[0].local_id
    assert sts[1].claim_text is None


def test_attribution_quote_after_denial_elaborates_it(extractor: Extractor) -> None:
    text = (
        "Temu will reportedly stop selling furniture in Canada next year. Temu denied the report. "
        '"Our Canadian customers can keep ordering sofas," a Temu spokesperson said.'
    )
    sts = run(extractor, text, outlet="CNBC")
    assert [s.stance for s in sts] == [Stance.REPORTS, Stance.DENIES, Stance.DENIES]
    assert sts[2].refers_to == sts[0].local_id


def test_attribution_denial_picks_claim_by_shared_words(extractor: Extractor) -> None:
    text = (
        "Temu will open a warehouse in Texas, two sources told CNBC. "
        "The company is also said to be testing drone delivery in Ohio. "
        "Temu declined to comment on the warehouse."
    )
    sts = run(extractor, text, outlet="CNBC")
    assert sts[-1].refers_to == sts[0].local_id


TRAPS = [
    pytest.param('Temu launched its "Deal Drop" feature in May.', id="product-name"),
    pytest.param('The episode "Cart Wars" aired on Sunday, the network said.', id="title"),
    pytest.param('Temu called the screenshots "inaccurate".', id="scare-quote-is-denial"),
]


@pytest.mark.parametrize("text", TRAPS)
def test_attribution_scare_quotes_are_not_speech(extractor: Extractor, text: str) -> None:
    for st in run(extractor, text):
        assert st.quote is None
        quoted = text.split('"')[1]
        assert (st.claim_text or "").strip() != quoted


def test_attribution_surname_back_reference(extractor: Extractor) -> None:
    text = (
        "Dana Whitfield, chief executive of Kestrel, spoke on Monday. "
        '"We will hire again next spring," Whitfield said.'
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "Dana Whitfield"


def test_attribution_unbalanced_quotes_yield_no_quotes() -> None:
    assert find_en_quotes('"We are leaving, she said. Then nothing.') == []
    assert find_en_quotes('"Yes," she said.') == [(1, 5)]


def test_attribution_chinese_name_alias_in_english_text() -> None:
    gaz = Gazetteer.default()
    gaz.add([GazetteerEntry("actor.test.gu", "顾俊", ActorKind.PERSON, ("Gu Jun",))])
    ex = Extractor(gaz)
    text = '"The onboarding link arrived on Thursday," said Gu Jun, an exporter in Shenzhen.'
    [st] = ex(Article(id="t", text=text, language="en", outlet="Reuters")).statements
    assert st.speaker.name == "顾俊"
    assert "Gu Jun" in st.speaker.aliases


GENERAL_RULES = [
    pytest.param(
        "Germany's Brovak Robotics is expanding in Texas, two people familiar with the matter "
        "said. "
        "Brovak declined to comment.",
        "Brovak Robotics",
        id="short-form-after-possessive",
    ),
    pytest.param(
        "Talks have stalled, sources said. Orlin Freight Chief Executive Tomas Ek said the "
        "company had paused hiring. Orlin said in a statement it was reviewing options.",
        "Orlin Freight",
        id="org-before-role-title",
    ),
    pytest.param(
        "A day after the Federal Maritime Board reported that port fees would rise, shippers "
        "complained. The FMB said it does not comment on pending rules.",
        "Federal Maritime Board",
        id="acronym-of-long-name",
    ),
    pytest.param(
        "The shipping advocacy group Harbor Watch rejected the idea that fees would fall.",
        "Harbor Watch",
        id="descriptors-before-name",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), GENERAL_RULES)
def test_attribution_general_rules(extractor: Extractor, text: str, speaker: str) -> None:
    assert speaker in {st.speaker.name for st in run(extractor, text)}


def test_attribution_unnamed_no_comment_takes_up_the_rumour(extractor: Extractor) -> None:
    sts = run(
        extractor,
        "Velda Foods plans to close two plants, according to people familiar with the matter. "
        "Analyst Mia Ross said margins had improved this year. "
        "A Velda spokeswoman declined to comment.",
    )
    rumour, last = sts[0], sts[-1]
    assert last.stance == Stance.NO_COMMENT
    assert last.refers_to == rumour.local_id


def test_attribution_initial_does_not_end_the_speaker_name(extractor):
    from graph.records import Article

    text = '"The timing will be set in Washington," said K. Lin, an analyst in Hangzhou.'
    result = extractor(Article("t-initial", text, "en", outlet="Reuters"))
    assert [s.speaker.name for s in result.statements] == ["K. Lin"]


# -- response linking ----------------------------------------------------------------------------
def test_attribution_response_links_by_content_several_sentences_back(
    extractor: Extractor,
) -> None:
    text = (
        "Harbin Rail could value its freight unit at about $3 billion in a listing, "
        "two bankers told Reuters. "
        "Shares of the group rose 2% in Shanghai. "
        "Ruth Imai, an analyst at Sora Securities, said the freight unit was the group's best "
        "business. "
        '"Freight margins are twice what passenger lines earn," she said. '
        "Harbin Rail declined to comment on the valuation."
    )
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.NO_COMMENT
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_denied_reports_that_states_its_claim(extractor: Extractor) -> None:
    text = (
        "Orvia denied reports that it had closed its Dutch warehouse, a spokesperson said on "
        "Monday, after weeks of complaints from sellers."
    )
    [st] = run(extractor, text)
    assert st.stance == Stance.DENIES
    assert st.claim_text == "it had closed its Dutch warehouse"
    assert st.refers_to is None


def test_attribution_denied_reports_that_takes_up_the_same_claim(extractor: Extractor) -> None:
    text = (
        "A logistics agent wrote on WeChat that Orvia had closed its Dutch warehouse. "
        "Orvia denied reports that it had closed its Dutch warehouse."
    )
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_called_the_claim_untrue_points_back(extractor: Extractor) -> None:
    text = (
        "A logistics agent wrote on WeChat that Orvia had closed its Dutch warehouse. "
        "Orvia's founder, Pia Lund, called the claim untrue in an interview."
    )
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_pointing_back_takes_the_start_of_the_sources_account(
    extractor: Extractor,
) -> None:
    text = (
        "Velmar has hired bankers to sell its scooter unit, according to an executive who asked "
        "not to be named. The executive said the board had set a floor price. "
        "Velmar chair Ines Roth would neither confirm nor deny that account."
    )
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts[:2]] == ["executive", "executive"]
    assert sts[-1].stance == Stance.NO_COMMENT
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_acknowledgement_confirms_only_what_it_restates(extractor: Extractor) -> None:
    text = (
        "Velmar will shut its Lyon plant, two sources told Reuters. "
        "Velmar acknowledged that it had hired a new finance chief."
    )
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.ASSERTS
    assert sts[-1].refers_to is None


# -- sources --------------------------------------------------------------------------------------
UNNAMED = [
    pytest.param(
        "Two Velmar engineers told Reuters the new chip was three months late.",
        "Velmar engineers",
        id="count-org-noun",
    ),
    pytest.param(
        "The scooters will be sold in Chile, according to three dealers and two distributors "
        "that carry the brand.",
        "dealers and distributors",
        id="conjunction-relative-clause",
    ),
    pytest.param(
        "A person briefed on Velmar's plans, who asked not to be named, said the plant "
        "would close.",
        "person briefed on Velmar's plans",
        id="modifier-anonymity-clause",
    ),
    pytest.param(
        "Analysts said the plant had been losing money for two years.",
        "analysts",
        id="bare-plural",
    ),
]


@pytest.mark.parametrize(("text", "name"), UNNAMED)
def test_attribution_unnamed_source_is_named_by_its_description(
    extractor: Extractor, text: str, name: str
) -> None:
    [st] = run(extractor, text)
    assert st.speaker.name == name
    assert st.speaker.kind == ActorKind.ANONYMOUS
    assert st.speaker.scope == "Reuters"


def test_attribution_unnamed_source_keeps_its_counted_form_as_alias(extractor: Extractor) -> None:
    [st] = run(extractor, "Two Velmar engineers told Reuters the new chip was three months late.")
    assert "two Velmar engineers" in st.speaker.aliases


def test_attribution_analysts_at_a_firm_speak_for_it(extractor: Extractor) -> None:
    [st] = run(extractor, "Analysts at Corbel Research wrote that the merger would cut costs.")
    assert st.speaker.name == "Corbel Research"


def test_attribution_analysts_led_by_a_person_are_that_person(extractor: Extractor) -> None:
    text = "At Corbel, analysts led by Ama Osei estimated that approval could take a year."
    [st] = run(extractor, text)
    assert st.speaker.name == "Ama Osei"


DOCUMENTS = [
    pytest.param(
        "Velmar plans to shut two plants, according to an internal memo seen by Bloomberg.",
        "Bloomberg",
        id="memo-seen-by",
    ),
    pytest.param(
        "An internal document shows that Velmar plans to shut two plants in Spain.",
        "Reuters",
        id="unattributed-document",
    ),
    pytest.param(
        "A post circulating on Weibo claims that Velmar will shut two plants in Spain.",
        "Reuters",
        id="unattributed-post",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), DOCUMENTS)
def test_attribution_document_sourced_report(extractor: Extractor, text: str, speaker: str) -> None:
    [st] = run(extractor, text)
    assert st.speaker.name == speaker
    assert st.stance == Stance.REPORTS


def test_attribution_a_report_by_an_outlet_is_the_outlets(extractor: Extractor) -> None:
    text = "Velmar is in talks to buy Ostro, according to a report by business daily Nordpost."
    [st] = run(extractor, text)
    assert st.speaker.name == "Nordpost"


def test_attribution_only_a_document_shows(extractor: Extractor) -> None:
    assert run(extractor, "The chart shows that sales fell in May.") == []
    assert run(extractor, "Ines Roth shows that sales fell in May.") == []


# -- quotes ---------------------------------------------------------------------------------------
def test_attribution_refusal_tacked_onto_a_quote(extractor: Extractor) -> None:
    text = (
        "Velmar will shut its Lyon plant, two sources told Reuters. "
        '"We keep our footprint under review," a Velmar spokeswoman said, declining to comment '
        "further."
    )
    sts = run(extractor, text)
    assert [(s.speaker.name, s.stance) for s in sts[1:]] == [
        ("Velmar", Stance.ASSERTS),
        ("Velmar", Stance.NO_COMMENT),
    ]
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_split_quote_in_a_new_stance_is_a_second_statement(
    extractor: Extractor,
) -> None:
    text = (
        "Velmar will shut its Lyon plant, two sources told Reuters. "
        '"Demand is strong everywhere," Ines Roth said. '
        '"I am not going to talk about any one plant."'
    )
    sts = run(extractor, text)
    assert [s.stance for s in sts[1:]] == [Stance.ASSERTS, Stance.NO_COMMENT]
    assert sts[-1].speaker.name == "Ines Roth"


def test_attribution_split_quote_in_the_same_stance_is_one_statement(
    extractor: Extractor,
) -> None:
    text = '"Demand is strong," Ines Roth said. "We will hire 200 people this year."'
    [st] = run(extractor, text)
    assert st.claim_text is not None and "hire 200 people" in st.claim_text


def test_attribution_rest_of_a_split_quote_is_no_context(extractor: Extractor) -> None:
    text = '"We have not decided anything," Ines Roth said, "and rumours will not rush us."'
    [st] = run(extractor, text)
    assert st.stance == Stance.ASSERTS


# -- speakers -------------------------------------------------------------------------------------
def test_attribution_speaker_after_said_with_role(extractor: Extractor) -> None:
    text = "The first orders arrived in late May, said Aiko Tanaka, founder of Northpeak Goods."
    [st] = run(extractor, text)
    assert st.speaker.name == "Aiko Tanaka"


def test_attribution_named_spokesperson_pronoun_is_the_organisation(extractor: Extractor) -> None:
    text = (
        "Velmar spokesperson Tia Marsh called the post fabricated. "
        '"No such memo exists," she wrote.'
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "Velmar"


def test_attribution_person_of_organisation(extractor: Extractor) -> None:
    text = "J.K. Abara of Lindqvist Partners wrote that the deal made sense."
    [st] = run(extractor, text)
    assert st.speaker.name == "J.K. Abara"


def test_attribution_new_clause_with_its_own_speaker(extractor: Extractor) -> None:
    text = (
        "Several Velmar drivers have posted online that their routes were cut, and a former "
        "manager, who asked not to be named, told Reuters that the depot would close."
    )
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts] == ["Velmar drivers", "former manager"]
    assert "depot" not in (sts[0].claim_text or "")


def test_attribution_interview_transcript_answers(extractor: Extractor) -> None:
    text = (
        "Velmar will close its Lyon plant next year, two sources told Reuters.\n\n"
        "We spoke to Ines Roth, Velmar's chief executive.\n\n"
        "REUTERS: Is the Lyon plant closing?\n\n"
        "ROTH: No. Lyon stays open through 2028. We are adding a second shift."
    )
    sts = run(extractor, text)
    answers = [s for s in sts if s.rule == "en.qa.answer"]
    assert [s.speaker.name for s in answers] == ["Ines Roth", "Ines Roth"]
    assert answers[0].stance == Stance.DENIES
    assert answers[0].refers_to == sts[0].local_id
    assert answers[1].stance == Stance.ASSERTS


def test_attribution_a_heading_label_is_not_a_speaker(extractor: Extractor) -> None:
    text = "VERDICT: Misleading. The bank is cutting jobs, but far fewer than claimed."
    assert all(s.rule != "en.qa.answer" for s in run(extractor, text))


# -- more response linking ------------------------------------------------------------------------
def test_attribution_rumour_subject_restating_a_figure_denies(extractor: Extractor) -> None:
    text = (
        "Posts on social media claim that Corvane Bank is cutting 9,000 jobs in Wales. "
        "Corvane Bank said it was cutting about 900 jobs in Wales over three years."
    )
    sts = run(extractor, text, outlet="Reuters")
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_response_about_the_timing_takes_the_dated_claim(
    extractor: Extractor,
) -> None:
    text = (
        "Corvane plans to close its Cardiff branch, three people briefed on the plans said. "
        "The closure could happen as soon as March, one of the people said. "
        '"We review our network all the time," a Corvane spokesman said, declining to address '
        "the timing."
    )
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.NO_COMMENT
    assert sts[-1].refers_to == sts[1].local_id


def test_attribution_chatter_clause_is_relayed_beside_a_report(extractor: Extractor) -> None:
    text = (
        "Talk that Corvane will sell its card unit grew this week after Harbour Ledger reported "
        "that bids were due in May."
    )
    sts = run(extractor, text, outlet="CNBC")
    relayed = [s for s in sts if s.rule.startswith("en.relay")]
    assert [s.claim_text for s in relayed] == ["Corvane will sell its card unit"]
    assert any(s.speaker.name == "Harbour Ledger" for s in sts)


def test_attribution_whoever_reported_is_an_outlet(extractor: Extractor) -> None:
    text = "Corvane will sell its card unit, the Harbour Ledger reported on Monday."
    [st] = run(extractor, text)
    assert st.speaker.name == "Harbour Ledger"
    assert st.speaker.kind == ActorKind.MEDIA
    assert st.via is not None and st.via.name == "Reuters"


def test_attribution_but_that_gives_two_statements(extractor: Extractor) -> None:
    text = (
        "Ama Osei said she had not seen the offer, but that the price looked low for a bank "
        "with two million customers."
    )
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts] == ["Ama Osei", "Ama Osei"]
    assert "price looked low" in (sts[1].claim_text or "")


def test_attribution_person_introduced_with_a_role_is_a_person(extractor: Extractor) -> None:
    text = (
        "Seo Min-ji, an analyst at Hanbit Securities, said margins would improve. "
        '"It is a good year," Seo said.'
    )
    sts = run(extractor, text)
    assert [(s.speaker.name, s.speaker.kind) for s in sts] == [
        ("Seo Min-ji", ActorKind.PERSON),
        ("Seo Min-ji", ActorKind.PERSON),
    ]


def test_attribution_possessive_subject_is_the_next_he(extractor: Extractor) -> None:
    text = (
        "Ama Osei of Corbel said the deal was cheap. Lindqvist's Peter Hale was less sure. "
        "He argued that regulators would object."
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "Peter Hale"


def test_attribution_sale_and_selling_are_the_same_act(extractor: Extractor) -> None:
    text = (
        "Brava is exploring a sale of its coach unit, two bankers told Reuters. "
        "Brava said it was not selling the coach unit."
    )
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == sts[0].local_id


SPOKESPEOPLE = [
    pytest.param('"We are staying," said Tom Lee, a spokesman for Qorvo.', id="quote-appositive"),
    pytest.param(
        "Tom Lee, a spokesman for Qorvo, said the plant would stay.", id="subject-appositive"
    ),
    pytest.param(
        "The plant will stay open, Tom Lee, a spokesman for Qorvo, told Reuters.",
        id="content-first-appositive",
    ),
    pytest.param(
        '"We are staying," said Tom Lee, Qorvo’s head of communications.', id="possessive-role"
    ),
]


@pytest.mark.parametrize("text", SPOKESPEOPLE)
def test_attribution_named_spokesperson_speaks_for_the_organisation(
    extractor: Extractor, text: str
) -> None:
    [st] = run(extractor, text)
    assert st.speaker.name == "Qorvo"


def test_attribution_scare_quoted_predicate_before_the_speaker(extractor: Extractor) -> None:
    text = (
        "Brava is cutting 300 jobs in Leeds, a union official said on Monday. "
        'The job cuts story was "nonsense," Chief Operating Officer Mia Hart told the BBC.'
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "Mia Hart"
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_pronoun_object_takes_the_claim_just_made(extractor: Extractor) -> None:
    text = (
        "Brava will cut prices on its coaches, two dealers said. "
        'The drivers’ union Fahrt called the plan "a race to the bottom," arguing that fares '
        "would fall.\n"
        "- Lena Brandt, a Brava pricing manager, pushed back on that in a blog post, writing "
        "that dealers set their own prices."
    )
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts] == ["dealers", "Fahrt", "Lena Brandt"]
    assert sts[1].stance == Stance.ASSERTS  # a quoted characterisation is an assertion
    assert sts[2].stance == Stance.DENIES
    assert sts[2].refers_to == sts[1].local_id


def test_attribution_we_in_a_research_note_is_the_outlet(extractor: Extractor) -> None:
    text = 'We think a spring launch is more likely. "We are on track," the chief executive said.'
    sts = run(extractor, text, outlet="Halden Research")
    assert sts[0].speaker.name == "Halden Research"
    assert all(s.speaker.name != "Halden Research" for s in sts[1:])


DEFLECTIONS = [
    pytest.param('"We will open it when it is ready," Tom Beck said.', id="when-it-is-ready"),
    pytest.param('"We look at all opportunities," Tom Beck said.', id="look-at-all-opportunities"),
]


@pytest.mark.parametrize("answer", DEFLECTIONS)
def test_attribution_deflection_without_refusal_words_is_no_comment(
    extractor: Extractor, answer: str
) -> None:
    text = (
        "Corvane will open a plant in Ghent in March, two people familiar with the plans said. "
        f"Asked about the plant, Corvane chief executive Tom Beck would only say this. {answer}"
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "Tom Beck"
    assert sts[-1].stance == Stance.NO_COMMENT
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_knowing_of_the_act_confirms(extractor: Extractor) -> None:
    text = (
        "Pellico asked rival grocers for shelf-space deals, Grocer Weekly reported. "
        'A Marlow Foods buyer said the chain had been "informed of the request" by Pellico.'
    )
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.CONFIRMS


def test_attribution_aware_of_reports_is_not_a_confirmation(extractor: Extractor) -> None:
    text = "Pellico said it was aware of reports about its pricing and would study them."
    sts = run(extractor, text)
    assert all(s.stance != Stance.CONFIRMS for s in sts)


def test_attribution_and_that_splits_an_answer_from_an_assertion(extractor: Extractor) -> None:
    text = (
        "Velmora will buy the Danish shipper Kragh for $900 million, two bankers said. "
        "Velmora said in a statement that the report was inaccurate and that its dividend "
        "would rise next year."
    )
    sts = run(extractor, text)
    assert [s.stance for s in sts] == [Stance.ASSERTS, Stance.DENIES, Stance.ASSERTS]
    assert sts[1].refers_to == sts[0].local_id


def test_attribution_and_that_is_a_second_statement_when_both_halves_assert(
    extractor: Extractor,
) -> None:
    # C3: "said P and that Q" is two propositions, two statements of the same speaker
    text = "Velmora said that sales rose in May and that margins held steady over the summer."
    sts = run(extractor, text)
    assert [(s.speaker.name, s.stance) for s in sts] == [("Velmora", Stance.ASSERTS)] * 2
    assert "margins" not in (sts[0].claim_text or "")
    assert (sts[1].claim_text or "").startswith("margins held")


def test_attribution_outlet_by_short_name_could_not_verify(extractor: Extractor) -> None:
    text = (
        "Posts shared widely since Friday claim that Ostwind Rail will scrap its night trains. "
        "DPA could not verify the screenshot the posts rely on."
    )
    sts = run(extractor, text, outlet="DPA Fact Check")
    assert sts[-1].speaker.name == "DPA Fact Check"
    assert sts[-1].stance == Stance.QUESTIONS


UNNAMED_SUBJECTS = [
    pytest.param(
        "On Friday an anonymous account on Threads with about 12,500 followers posted that "
        "Ostwind Rail would scrap its night trains.",
        "anonymous account on Threads",
        id="time-before-subject-and-follower-count",
    ),
    pytest.param(
        "Last week three safety officers at regional depots said that Ostwind Rail would scrap "
        "its night trains.",
        "safety officers at regional depots",
        id="officers-head-noun",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), UNNAMED_SUBJECTS)
def test_attribution_unnamed_subject_forms(extractor: Extractor, text: str, speaker: str) -> None:
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts] == [speaker]
    assert sts[0].speaker.kind == ActorKind.ANONYMOUS


def test_attribution_thousands_separator_is_no_clause_comma(extractor: Extractor) -> None:
    text = "Ostwind Rail, which carried 4,300,000 riders last year, said it would add trains."
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts] == ["Ostwind Rail"]


def test_attribution_columnist_first_person_is_the_outlet(extractor: Extractor) -> None:
    text = (
        "A pseudonymous account posted that Ostwind Rail would sell its freight arm. "
        "I doubt that Ostwind will sell anything this year. "
        '"I think they will sell," a former Ostwind manager said.'
    )
    sts = run(extractor, text, outlet="Rail Notes")
    assert sts[1].speaker.name == "Rail Notes"
    assert sts[1].stance == Stance.QUESTIONS
    assert sts[2].speaker.name != "Rail Notes"  # "I" inside a quote is the quoted speaker


@pytest.mark.parametrize("cue", ["does not believe", "doesn't believe", "don't think"])
def test_attribution_negated_belief_questions(extractor: Extractor, cue: str) -> None:
    sts = run(
        extractor, f"Two dealers said Ostwind would sell. Halvard {cue} the sale will happen."
    )
    assert sts[-1].stance == Stance.QUESTIONS


def test_attribution_the_noun_ending_an_earlier_name(extractor: Extractor) -> None:
    text = (
        "Halvard Freight said its routes had been cleared by the Baltic Pilots Guild, which "
        "sets the rules.\n\nThe guild did not respond to a request for comment."
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "Baltic Pilots Guild"
    assert sts[-1].speaker.kind == ActorKind.ORGANIZATION
    assert sts[-1].stance == Stance.NO_COMMENT


def test_attribution_a_spokesperson_speaks_for_the_organisation_just_named(
    extractor: Extractor,
) -> None:
    text = (
        "Two dealers said Halvard Freight would sell its Baltic routes. Halvard Freight "
        "rejected the claims. A spokesperson said the company would keep every route."
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "Halvard Freight"


def test_attribution_surname_opening_a_clause_is_who_she_is(extractor: Extractor) -> None:
    text = (
        "Chief executive Greta Lindqvist spoke first. Finance chief Paul Ardent said costs "
        "would fall.\n\nAsked by an analyst about a merger, Lindqvist was firm. "
        '"We are talking to nobody," she said.'
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "Greta Lindqvist"


def test_attribution_quote_then_name_and_appositive_then_cue(extractor: Extractor) -> None:
    text = '"Our order stands," Lena Okoro, the airline\'s head of fleet, told Reuters on Monday.'
    sts = run(extractor, text)
    assert [s.speaker.name for s in sts] == ["Lena Okoro"]


def test_attribution_acronym_of_a_name_used_in_the_article(extractor: Extractor) -> None:
    text = (
        "Two people at the National Rail Safety Board said the review would take a year. "
        "The NRSB said in a statement that it would not speculate on timing."
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "National Rail Safety Board"
    assert sts[-1].stance == Stance.NO_COMMENT


@pytest.mark.parametrize("words", ["was just wrong", "is simply wrong"])
def test_attribution_plainly_wrong_denies(extractor: Extractor, words: str) -> None:
    text = f"Two dealers said Ostwind would sell. Ostwind said the story {words}."
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.DENIES


def test_attribution_outlet_which_said_citing_a_source(extractor: Extractor) -> None:
    text = (
        "The delay surfaced on Friday in Rail Gazette, which said, citing two engineers at "
        "the ministry, that the line would open a year late."
    )
    sts = run(extractor, text, outlet="Reuters")
    assert [s.speaker.name for s in sts] == ["engineers at the ministry"]
    assert sts[0].speaker.scope == "Rail Gazette"


def test_attribution_sale_and_sell_are_the_same_act() -> None:
    from pipelines.en.responses import content_words

    assert "=sell" in content_words("the firm is not for sale")
    assert "=sell" in content_words("agreed to sell a stake")


def test_attribution_refusal_with_a_trailing_remark_takes_up_the_rumour(
    extractor: Extractor,
) -> None:
    text = (
        "An anonymous account posted that Ostwind Rail had agreed to sell its freight arm to "
        "Kessel Partners. Kessel Partners said it does not comment on rumours, which is what "
        "buyers say whether or not they are buying anything."
    )
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.NO_COMMENT
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_report_citing_a_source_at_the_end(extractor: Extractor) -> None:
    text = (
        "Rail Gazette reported that Ostwind Rail was in talks to buy Kessel Freight, citing "
        "two people familiar with the matter."
    )
    sts = run(extractor, text, outlet="Reuters")
    assert [s.speaker.name for s in sts] == ["people familiar with the matter"]
    assert sts[0].speaker.scope == "Rail Gazette"
    assert "citing" not in (sts[0].claim_text or "")


@pytest.mark.parametrize(
    ("label", "stance"),
    [
        ("False", Stance.DENIES),
        ("Missing context", Stance.DENIES),
        ("Unproven", Stance.QUESTIONS),
        ("True", Stance.CONFIRMS),
    ],
)
def test_attribution_fact_check_verdict_rules_on_the_checked_claim(
    extractor: Extractor, label: str, stance: Stance
) -> None:
    text = (
        "Posts shared widely since Friday claim that Ostwind Rail will scrap its night trains.\n\n"
        f"Verdict: {label}. Ostwind Rail runs four night routes and has announced no cuts."
    )
    sts = run(extractor, text, outlet="DPA Fact Check")
    verdict = next(s for s in sts if s.rule.startswith("en.verdict"))
    assert verdict.speaker.name == "DPA Fact Check"
    assert verdict.stance == stance
    assert verdict.refers_to == sts[0].local_id


def test_attribution_verdict_word_mid_paragraph_is_no_verdict(extractor: Extractor) -> None:
    text = (
        "Posts claim that Ostwind Rail will scrap its night trains. The rating: False is a word "
        "the posts never use."
    )
    sts = run(extractor, text, outlet="DPA Fact Check")
    assert not any(s.rule.startswith("en.verdict") for s in sts)


def test_attribution_third_party_on_the_posts_takes_up_what_the_posts_said(
    extractor: Extractor,
) -> None:
    text = (
        "Posts shared widely since Friday claim that Ostwind Rail will scrap its night trains. "
        "DPA could not find the internal memo that the posts describe. "
        'Ida Kron, a local lawmaker, said the posts were "fearmongering".'
    )
    sts = run(extractor, text, outlet="DPA Fact Check")
    assert sts[-1].speaker.name == "Ida Kron"
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == sts[0].local_id


@pytest.mark.parametrize(
    ("tail", "stance"),
    [
        ("a figure the bank confirmed", Stance.CONFIRMS),
        ("a number the bank disputed", Stance.DENIES),
    ],
)
def test_attribution_afterthought_act_on_the_claim_just_stated(
    extractor: Extractor, tail: str, stance: Stance
) -> None:
    text = (
        "Kessel Bank reported a quarterly profit on Monday. The staff union Fahrt said on "
        f"Tuesday that Kessel Bank would cut 900 branch jobs, {tail}."
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.name == "Kessel Bank"
    assert sts[-1].stance == stance
    assert sts[-1].refers_to == sts[-2].local_id
    assert sts[-2].speaker.name == "Fahrt"


def test_attribution_interview_answer_negating_the_claim_the_question_restated(
    extractor: Extractor,
) -> None:
    text = (
        "We spoke to Nora Quist, the chief executive of Ostwind Rail.\n\n"
        "REUTERS: The Baltic Courier reported that Ostwind will close its Malmo depot.\n\n"
        "QUIST: I read that piece. That depot is not closing, it is growing.\n\n"
        "REUTERS: Kessel Freight is said to want your cargo arm.\n\n"
        "QUIST: I won't get into talks we may or may not be having."
    )
    sts = run(extractor, text)
    depot = next(s for s in sts if "Malmo" in (s.claim_text or ""))
    denial = next(s for s in sts if "not closing" in s.evidence)
    assert denial.stance == Stance.DENIES
    assert denial.refers_to == depot.local_id
    cargo = next(s for s in sts if "cargo" in (s.claim_text or ""))
    refusal = sts[-1]
    assert refusal.stance == Stance.NO_COMMENT
    assert refusal.refers_to == cargo.local_id


@pytest.mark.parametrize(
    "question",
    [
        "Is there any truth to the rumours that Ostwind will close its Malmo depot?",
        "Is it true that Ostwind will close its Malmo depot next spring?",
    ],
)
def test_attribution_interviewer_question_passing_on_a_rumour(
    extractor: Extractor, question: str
) -> None:
    text = f"We spoke to Nora Quist of Ostwind Rail.\n\nREUTERS: {question}"
    sts = run(extractor, text)
    assert [(s.speaker.name, s.stance) for s in sts] == [("Reuters", Stance.REPORTS)]
    assert "Malmo depot" in (sts[0].claim_text or "")


def test_attribution_content_first_report_citing_a_source(extractor: Extractor) -> None:
    text = (
        "Ostwind Rail is in talks to buy Kessel Freight, Rail Gazette reported on Tuesday, "
        "citing people familiar with the matter."
    )
    sts = run(extractor, text, outlet="Reuters")
    assert [s.speaker.name for s in sts] == ["people familiar with the matter"]
    assert sts[0].speaker.scope == "Rail Gazette"


RUMOUR = "Ostwind Rail is in talks to buy Kessel Freight, Rail Gazette reported. "


@pytest.mark.parametrize(
    ("answer", "speaker"),
    [
        pytest.param(
            '"There is nothing to this," Ostwind Rail chief executive Jane Doe told reporters.',
            "Jane Doe",
            id="nothing-to-this",
        ),
        pytest.param(
            'Kessel Freight, for its part, said it was "not currently in discussions" with anyone.',
            "Kessel Freight",
            id="negated-act-of-the-rumour",
        ),
        pytest.param(
            "Jane Doe, who leads Ostwind Rail, denied the report.",
            "Jane Doe",
            id="relative-clause-before-the-cue",
        ),
    ],
)
def test_attribution_denials_of_a_reported_deal(
    extractor: Extractor, answer: str, speaker: str
) -> None:
    sts = run(extractor, RUMOUR + answer)
    assert sts[-1].speaker.name == speaker
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == sts[0].local_id


@pytest.mark.parametrize("org", ["Ostwind Rail's", "Halvard Securities'"])
def test_attribution_organisation_possessive_before_a_person(
    extractor: Extractor, org: str
) -> None:
    sts = run(extractor, f"{org} Jane Doe said the company was on track.")
    assert [(s.speaker.name, s.speaker.kind) for s in sts] == [("Jane Doe", ActorKind.PERSON)]


def test_attribution_calling_a_report_speculative_denies(extractor: Extractor) -> None:
    text = RUMOUR + 'Ostwind Rail called the report "speculative".'
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_quote_opening_with_that_is_points_back(extractor: Extractor) -> None:
    text = RUMOUR + '"That is simply not true," Mia Lang wrote on LinkedIn.'
    sts = run(extractor, text)
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == sts[0].local_id


def test_attribution_the_noun_of_an_unnamed_source_in_the_paragraph(
    extractor: Extractor,
) -> None:
    text = (
        "Halvard Group buys parts from Ostwind Rail. A supplier of brake pads to Ostwind's "
        'depot in Malmo said orders had halved. "Now it is week by week," the supplier said.'
    )
    sts = run(extractor, text)
    assert sts[-1].speaker.kind == ActorKind.ANONYMOUS
    assert sts[-1].speaker.name == sts[-2].speaker.name


LAWSUIT = (
    "Three bakery chains have sued Ostwind Rail in a Hamburg court, alleging that the "
    "operator overcharged freight customers for five years. According to the lawsuit, "
    "brought by the Northern Bakers Alliance, the surcharge doubled in 2022. "
    "The complaint alleges that managers hid the figures. "
    "The filing also claims that auditors raised the issue twice."
)


def test_attribution_court_filings_state_the_plaintiffs_claims(extractor: Extractor) -> None:
    sts = run(extractor, LAWSUIT)
    got = [(s.speaker.name, s.stance) for s in sts]
    assert got == [("Northern Bakers Alliance", Stance.ASSERTS)] * 4
    assert "overcharged freight" in sts[0].evidence
    assert "hid the figures" in sts[2].evidence


def test_attribution_a_complaint_with_no_plaintiff_named_is_relayed(
    extractor: Extractor,
) -> None:
    sts = run(extractor, "The complaint alleges that managers hid the figures.")
    assert [(s.speaker.name, s.stance) for s in sts] == [("Reuters", Stance.REPORTS)]


def test_attribution_alleged_needs_a_clause(extractor: Extractor) -> None:
    sts = run(
        extractor, "Mia Lang alleged a cover-up. Jane Doe alleged that the figures were wrong."
    )
    assert [(s.speaker.name, s.rule) for s in sts] == [("Jane Doe", "en.reported/en.cue.alleged")]


def test_attribution_dismissed_speculation_relays_the_rumour(extractor: Extractor) -> None:
    text = (
        "Mia Lang said sales rose in May, and dismissed speculation that Ostwind Rail "
        'was preparing to sell its bus unit as "pure invention".'
    )
    sts = run(extractor, text)
    relayed = [s for s in sts if s.stance == Stance.REPORTS]
    assert [(s.speaker.name, s.claim_text) for s in relayed] == [
        ("Reuters", "Ostwind Rail was preparing to sell its bus unit")
    ]
    assert sts[-1].speaker.name == "Mia Lang"
    assert sts[-1].stance == Stance.DENIES
    assert sts[-1].refers_to == relayed[0].local_id


def test_attribution_denied_reports_of_a_stated_claim_relay_nothing(extractor: Extractor) -> None:
    sts = run(extractor, "Ostwind Rail denied reports that it would sell its bus unit next year.")
    assert [(s.speaker.name, s.stance) for s in sts] == [("Ostwind Rail", Stance.DENIES)]


def test_attribution_according_to_data_from_a_firm(extractor: Extractor) -> None:
    sts = run(
        extractor,
        "Ostwind Rail's freight volumes fell 12% in May, according to data from Railmetrics.",
    )
    assert [(s.speaker.name, s.stance) for s in sts] == [("Railmetrics", Stance.ASSERTS)]
    assert "fell 12%" in (sts[0].claim_text or "")


def test_attribution_which_reported_that_citing_after_the_content(extractor: Extractor) -> None:
    text = (
        "The story was picked up by Nordic Freight Weekly, which reported that the two "
        "firms had held early talks in March, citing a person close to the board."
    )
    sts = run(extractor, text, outlet="Block & Tackle")
    assert len(sts) == 1
    assert sts[0].speaker.kind == ActorKind.ANONYMOUS
    assert sts[0].via is not None and sts[0].via.name == "Nordic Freight Weekly"
    assert "early talks in March" in (sts[0].claim_text or "")
    assert "citing" not in (sts[0].claim_text or "")


def test_attribution_the_source_noun_introduced_without_a_cue(extractor: Extractor) -> None:
    text = (
        "A trader who handles Ostwind Rail's bonds was less upbeat. "
        '"Nobody pays that much for a railway," the trader said.'
    )
    sts = run(extractor, text)
    assert [(s.speaker.name, s.speaker.kind) for s in sts] == [("trader", ActorKind.ANONYMOUS)]


def test_attribution_the_source_noun_not_from_another_paragraph(extractor: Extractor) -> None:
    text = (
        "A trader who handles Ostwind Rail's bonds was less upbeat.\n\n"
        '"Nobody pays that much for a railway," the trader said.'
    )
    assert [s.speaker.name for s in run(extractor, text)] != ["trader"]


def test_attribution_speculation_relayed_by_a_source(extractor: Extractor) -> None:
    text = (
        "Mia Lang also addressed speculation, relayed by several freight agents on Monday, "
        "that Ostwind Rail would close its depot in Malmo."
    )
    sts = run(extractor, text)
    assert [(s.speaker.name, s.stance) for s in sts] == [("freight agents", Stance.REPORTS)]
    assert (sts[0].claim_text or "").startswith("Ostwind Rail would close its depot")


@pytest.mark.parametrize(
    "text",
    [
        'Mia Lang told a forum in May that reports of a bid for Ostwind Rail were "just noise".',
        "Mia Lang said talk of a bid for Ostwind Rail was fan fiction.",
    ],
)
def test_attribution_dismissal_without_a_negation_word_denies(
    extractor: Extractor, text: str
) -> None:
    sts = run(extractor, text)
    assert [(s.speaker.name, s.stance) for s in sts] == [("Mia Lang", Stance.DENIES)]


def test_attribution_noise_as_a_topic_is_no_denial(extractor: Extractor) -> None:
    sts = run(extractor, "Mia Lang said the new trains cut noise by half in Malmo.")
    assert [(s.speaker.name, s.stance) for s in sts] == [("Mia Lang", Stance.ASSERTS)]


def test_attribution_reasons_after_a_bare_denial_deny(extractor: Extractor) -> None:
    text = (
        RUMOUR + "Ostwind Rail rejected the report. A spokesperson said the company had "
        "signed no agreement with any buyer in Malmo."
    )
    sts = run(extractor, text)
    assert [(s.speaker.name, s.stance) for s in sts[-2:]] == [
        ("Ostwind Rail", Stance.DENIES),
        ("Ostwind Rail", Stance.DENIES),
    ]
    assert sts[-1].refers_to == sts[-2].refers_to == sts[0].local_id


def test_attribution_a_later_claim_after_a_bare_denial_asserts(extractor: Extractor) -> None:
    text = (
        RUMOUR + "Ostwind Rail rejected the report.\n\nMia Lang, its chief executive, said "
        "freight volumes rose 12% in May."
    )
    assert run(extractor, text)[-1].stance == Stance.ASSERTS


def test_attribution_the_subject_of_an_in_which_clause_speaks(extractor: Extractor) -> None:
    text = (
        "The lawsuit quotes a 2024 memo in which a product manager at Ostwind Rail wrote "
        'that the surcharge "would not survive scrutiny".'
    )
    sts = run(extractor, text)
    assert [(s.speaker.name, s.speaker.kind) for s in sts] == [
        ("product manager at Ostwind Rail", ActorKind.ANONYMOUS)
    ]


def test_attribution_according_to_an_outlet_which_cited_sources(extractor: Extractor) -> None:
    text = (
        "According to Rail Gazette, which cited three people who have seen the contract, "
        "Ostwind Rail will pay about $90 million for the depot."
    )
    sts = run(extractor, text, outlet="Block & Tackle")
    assert [(s.speaker.name, s.speaker.kind) for s in sts] == [
        ("people who have seen the contract", ActorKind.ANONYMOUS)
    ]
    assert sts[0].via is not None and sts[0].via.name == "Rail Gazette"
    assert (sts[0].claim_text or "").startswith("Ostwind Rail will pay")


def test_attribution_a_who_clause_about_anonymity_is_dropped(extractor: Extractor) -> None:
    text = "Two people who had asked not to be named said Ostwind Rail would sell the depot."
    sts = run(extractor, text)
    assert "named" not in sts[0].speaker.name


def test_attribution_a_columnists_own_call(extractor: Extractor) -> None:
    text = "Ostwind Rail says the depot sale is off. My guess is that it will be back on by June."
    sts = run(extractor, text, outlet="Block & Tackle")
    assert [(s.speaker.name, s.stance) for s in sts][-1] == ("Block & Tackle", Stance.ASSERTS)
    assert (sts[-1].claim_text or "").startswith("it will be back on")


def test_attribution_my_guess_inside_a_quote_is_the_speakers(extractor: Extractor) -> None:
    text = '"My guess is that the depot will be sold by June," Mia Lang said.'
    sts = run(extractor, text, outlet="Block & Tackle")
    assert [s.speaker.name for s in sts] == ["Mia Lang"]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("A trader of scrap metal for Ostwind's depot in Malmo", "trader"),
        (
            "A person with knowledge of Ostwind's depot plans",
            "person with knowledge of Ostwind's depot plans",
        ),
    ],
)
def test_attribution_a_long_chain_of_modifiers_is_no_name(
    extractor: Extractor, source: str, name: str
) -> None:
    sts = run(extractor, f"{source} said orders had halved since March.")
    assert [(s.speaker.name, s.speaker.kind) for s in sts] == [(name, ActorKind.ANONYMOUS)]


def test_attribution_there_are_no_talks_denies(extractor: Extractor) -> None:
    sts = run(extractor, RUMOUR + '"There are no negotiations with anyone," Mia Lang said.')
    assert [(s.speaker.name, s.stance) for s in sts[-1:]] == [("Mia Lang", Stance.DENIES)]
    sts = run(extractor, '"There are no trains on Sundays," Mia Lang said.')
    assert [(s.speaker.name, s.stance) for s in sts] == [("Mia Lang", Stance.ASSERTS)]


def test_attribution_a_companys_own_filing_is_not_the_plaintiffs(extractor: Extractor) -> None:
    text = LAWSUIT + " Ostwind Rail disputes the case. Its filing says that the fee was lawful."
    assert run(extractor, text)[-1].speaker.name != "Northern Bakers Alliance"
