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
