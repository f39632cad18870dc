"""English speakers that are organisations: official names a demonym leads, organisations
referred back to by origin and kind, and who answers a question an article put.

Sentences written for these tests (none from the gold files).
"""

from __future__ import annotations

import pytest

from graph.records import ActorKind, Article, ExtractedStatement, Stance
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
            "In a letter to the council, the Irish Beekeepers' Federation said hive losses had "
            "doubled since spring.",
            "Irish Beekeepers' Federation",
            "hive losses",
            id="demonym-leads-federation",
        ),
        pytest.param(
            "The U.K. Transport Department is drafting new toll rules, two officials said. "
            "A Transport Department spokeswoman said the plans were at an early stage.",
            "U.K. Transport Department",
            "early stage",
            id="short-form-after-official-name",
        ),
        pytest.param(
            "German carmaker Brennwald Motors said on Friday that orders fell by a tenth.",
            "Brennwald Motors",
            "orders fell",
            id="demonym-before-descriptor-still-dropped",
        ),
    ],
)
def test_official_name_keeps_its_demonym(
    extractor: Extractor, text: str, speaker: str, key: str
) -> None:
    assert only(run(extractor, text), key).speaker.name == speaker


def test_demonym_and_company_noun_point_back(extractor: Extractor) -> None:
    text = (
        "Talvor Games is closing a studio. On Monday, Talvor confirmed the closure. "
        "In an email, the Finnish developer said about 40 staff would be offered other roles."
    )
    st = only(run(extractor, text), "40 staff")
    assert st.speaker.name == "Talvor Games"


def test_demonym_before_an_institution_is_no_back_reference(extractor: Extractor) -> None:
    text = (
        "Talvor Games is closing a studio, its chief said. "
        "The Finnish government said it would help the workers find new jobs."
    )
    st = only(run(extractor, text), "new jobs")
    assert st.speaker.name != "Talvor Games"


def test_the_company_that_was_asked_answers(extractor: Extractor) -> None:
    text = (
        "Harlan Freight says its new depot will open in May. Rival Ostmark Logistics doubts "
        "it. Critics point to Ostmark's own delays in 2024. We asked Harlan whether the "
        "permits were in place. The company did not respond to that question."
    )
    st = only(run(extractor, text), "did not respond")
    assert st.speaker.name == "Harlan Freight"


def test_the_startup_is_what_the_paragraph_is_about(extractor: Extractor) -> None:
    text = (
        "Pelican Pay filed its results with the Federal Reserve Board on Monday.\n\n"
        "Quillo kept quiet. Quillo's investors have asked for a sale, a banker said. "
        "The startup declined to comment on the talks."
    )
    st = only(run(extractor, text), "declined to comment")
    assert st.speaker.name == "Quillo"


def test_a_sentence_opener_used_once_is_no_paragraph_subject(extractor: Extractor) -> None:
    text = (
        "Pelican Pay said on Monday that it had cut its fees in March.\n\n"
        "Under Ferran rules, a fee cut needs approval. The company declined to comment."
    )
    speakers = {s.speaker.name for s in run(extractor, text)}
    assert "Under Ferran" not in speakers
    assert "Pelican Pay" in speakers


def test_the_chief_executive_named_in_the_next_paragraph(extractor: Extractor) -> None:
    text = (
        "Under fire over its depots, the chief executive of Harlan Freight told MPs on "
        "Tuesday that the firm had no plans to close them.\n\n"
        "Mira Lund, who has led Harlan since 2021, was the first witness."
    )
    st = only(run(extractor, text), "no plans to close")
    assert st.speaker.name == "Mira Lund"


def test_the_chief_executive_named_before(extractor: Extractor) -> None:
    text = (
        "Ostmark Logistics' chief executive, Jonas Brandt, opened the meeting. "
        "Later, Ostmark's chief executive told shareholders that margins would recover."
    )
    st = only(run(extractor, text), "margins would recover")
    assert st.speaker.name == "Jonas Brandt"


def test_another_firms_chief_executive_is_not_the_holder(extractor: Extractor) -> None:
    text = (
        "Ostmark Logistics' chief executive, Jonas Brandt, opened the meeting. "
        "Later, the chief executive of Harlan Freight told reporters that prices would rise."
    )
    st = only(run(extractor, text), "prices would rise")
    assert st.speaker.name != "Jonas Brandt"


def test_a_post_by_a_described_author_is_the_authors(extractor: Extractor) -> None:
    text = (
        "A post on the chat app Tandem, apparently written by a Brennwald Motors engineer, "
        "claimed on Monday that the paint shop would close by June."
    )
    st = only(run(extractor, text), "paint shop")
    assert st.speaker.name == "Brennwald Motors engineer"
    assert st.speaker.kind == ActorKind.ANONYMOUS
    assert st.stance == Stance.ASSERTS


def test_a_post_with_no_author_is_relayed_by_the_outlet(extractor: Extractor) -> None:
    text = "A post on the chat app Tandem claimed on Monday that the paint shop would close."
    st = only(run(extractor, text), "paint shop")
    assert st.speaker.name == "Harbour Wire"
    assert st.stance == Stance.REPORTS


def test_he_is_the_person_not_an_outlet_read_as_a_name(extractor: Extractor) -> None:
    text = (
        "Coach Pieter Jansen was sacked on Sunday. Dutch daily Noorder Bode reported that "
        "the board had met twice.\n\n"
        "Jansen, 47, who arrived from Malmo in 2023, thanked the fans online. "
        '"We gave everything this season," he wrote.'
    )
    st = only(run(extractor, text), "gave everything")
    assert st.speaker.name == "Pieter Jansen"


def test_at_a_firm_sets_the_topic_for_the_firm(extractor: Extractor) -> None:
    text = (
        "Kestra Bank wants a charter, its chief said on Monday. At Halden Securities, "
        "analysts led by Ana Ruiz estimated that the process could take two years and "
        "cautioned that Kestra would need more capital. The firm put the chance of approval "
        "at about 30% in a note."
    )
    st = only(run(extractor, text), "chance of approval")
    assert st.speaker.name == "Halden Securities"


def test_a_company_representative_speaks_for_the_paragraphs_company(
    extractor: Extractor,
) -> None:
    text = (
        "Kestra Bank wants a charter, its chief said on Monday. Analysts at Halden "
        "Securities said the process could take two years.\n\n"
        "Kestra itself has said little. On Tuesday a company representative told reporters "
        'that Kestra "does not discuss supervisory talks."'
    )
    st = only(run(extractor, text), "supervisory talks")
    assert st.speaker.name == "Kestra Bank"


def test_a_title_without_an_organisation_joins_the_paragraphs(extractor: Extractor) -> None:
    text = (
        "Rivet Studios says its film took $9 million. Quarry Analytics disputes it.\n\n"
        'Quarry is sticking with its figure. "We count every ticket. Our method is public," '
        "said chief executive Lena Hart."
    )
    result = extractor(Article(id="t", text=text, language="en", outlet="Harbour Wire"))
    [st] = [s for s in result.statements if "every ticket" in (s.quote or "")]
    assert st.speaker.name == "Lena Hart"
    tied = {(a.member.name, a.organization.name, a.role) for a in result.affiliations}
    assert ("Lena Hart", "Quarry Analytics", "chief executive") in tied


def test_an_office_whose_name_starts_with_a_document_word(extractor: Extractor) -> None:
    text = (
        "Kestra Bank lost customer files last week. The Data Protection Commissioner's "
        "Office said it had been told of the breach on Friday."
    )
    st = only(run(extractor, text), "told of the breach")
    assert st.speaker.name == "Data Protection Commissioner's Office"
    assert st.speaker.kind == ActorKind.ORGANIZATION


def _ties(extractor: Extractor, text: str) -> set[tuple[str, str, str | None]]:
    result = extractor(Article(id="t", text=text, language="en", outlet="Harbour Wire"))
    return {(a.member.name, a.organization.name, a.role) for a in result.affiliations}


def test_a_title_in_a_paragraph_without_an_organisation_joins_the_articles(
    extractor: Extractor,
) -> None:
    text = (
        "LEEDS, May 2 (Harbour Wire) - Marlow Foods will close its Leeds bakery in March, "
        "the company said on Tuesday.\n\n"
        '"This was a hard call," said managing director Claire Dunn.'
    )
    assert ("Claire Dunn", "Marlow Foods", "managing director") in _ties(extractor, text)


def test_the_paragraphs_described_company_beats_the_articles(extractor: Extractor) -> None:
    text = (
        "The Trade Ministry is drafting new export rules, officials said.\n\n"
        "Dutch chipmaker Velmor Devices said it had built up stocks. "
        '"We saw this coming," Chief Financial Officer Ines Kraal told reporters.'
    )
    ties = _ties(extractor, text)
    assert ("Ines Kraal", "Velmor Devices", "chief financial officer") in ties
    assert not any(org == "Trade Ministry" for _, org, _ in ties)


def test_analysts_at_a_two_word_firm_speak_for_the_firm(extractor: Extractor) -> None:
    text = "Analysts at Brandt Lowe said the closure would save about $6 million a year."
    st = only(run(extractor, text), "save about")
    assert st.speaker.name == "Brandt Lowe"
    assert st.speaker.kind == ActorKind.ORGANIZATION
