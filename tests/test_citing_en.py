"""C1: an outlet citing an unnamed source between the cue and the content; short names."""

from __future__ import annotations

import pytest

from graph.records import Article
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "Bloomberg News reported on Tuesday, citing people familiar with the matter, "
            "that Harlow Bank was weighing a sale of its card unit.",
            "people familiar with the matter",
            "Harlow Bank was weighing a sale of its card unit",
        ),
        (
            "The Information reported last week, citing two people close to the company, "
            "that Vexa would cut 200 jobs.",
            "people close to the company",
            "Vexa would cut 200 jobs",
        ),
    ],
)
def test_the_cited_source_speaks_relayed_via_the_outlet(extractor, text, speaker, claim):
    [st] = extractor(Article(id="a", text=text, language="en", outlet="Daily Ledger")).statements
    assert st.speaker.name == speaker and st.speaker.scope == st.via.name
    assert st.via.name in text and st.claim_text == claim


def test_a_named_document_is_not_an_unnamed_source(extractor):
    text = "Reuters reported on Monday, citing a company filing, that Vexa had raised $20 million."
    [st] = extractor(Article(id="a", text=text, language="en", outlet="Daily Ledger")).statements
    assert st.speaker.name == "Reuters"


def test_an_organisation_named_without_its_last_word_is_the_same_actor(extractor):
    text = (
        "Shares of Carrow Valley Bancorp fell 19% on Wednesday.\n\n"
        '"Deposits are higher today than last month," a Carrow Valley spokeswoman said.'
    )
    [st] = extractor(Article(id="a", text=text, language="en", outlet="Wire")).statements
    assert st.speaker.name == "Carrow Valley Bancorp"
