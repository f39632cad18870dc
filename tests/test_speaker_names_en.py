"""English speaker names: an organisation's office speaks for it, a rubric line above a
paragraph is no part of a name, and a maker's product ("a Sorrel Tern") is not the
long form of the maker's name.  Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from graph.records import ActorKind, Article
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def speakers(extractor: Extractor, text: str) -> list[tuple[str, ActorKind]]:
    result = extractor(Article(id="t", text=text, language="en", outlet="Wire"))
    return [(s.speaker.name, s.speaker.kind) for s in result.statements]


ORG = ActorKind.ORGANIZATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rubric in capitals on its own line
        (
            "MARKETS DAILY\n\nBellwood Pictures says its new film opened to $12 million.",
            [("Bellwood Pictures", ORG)],
        ),
        # an office of the organisation named in the possessive
        (
            "Marlow Foods pulled two products from its shelves on Friday. "
            "Marlow's head office said the recall was a precaution.",
            [("Marlow Foods", ORG)],
        ),
        # "the company's press office": the company named before
        (
            "Shares of Quillon Labs fell on Monday. "
            "The company's press office said the trial would resume in May.",
            [("Quillon Labs", ORG)],
        ),
        # a capitalised office is a name of its own
        (
            "Brightmoor Learning runs forty schools. "
            "The Information Commissioner's Office said it would review the complaints.",
            [("Information Commissioner's Office", ORG)],
        ),
        # a lower-case noun is no organisation's name: the one named with it before
        (
            "The Ohio Department of Natural Resources opened a review on Monday. "
            "A department spokesperson said the fund held $18 million.",
            [("Ohio Department of Natural Resources", ORG)],
        ),
        (
            "Harbor Star Lines cancelled two sailings. "
            "A spokesperson for the line said the route would resume in May.",
            [("Harbor Star Lines", ORG)],
        ),
        # "a Kestrel Finch" is a product: "Kestrel" stays the maker
        (
            "If you drive a Kestrel Finch, an update is coming. "
            "Kestrel said the update was routine.",
            [("Kestrel", ORG)],
        ),
    ],
)
def test_speaker_names(extractor: Extractor, text: str, expected: list) -> None:
    assert speakers(extractor, text) == expected


PERSON = ActorKind.PERSON


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "he" after a person introduced "of" their firm as a sentence's subject, not the
        # previous speaker
        (
            '"A cut that size is routine in December," said Mara Quint, an analyst at Veld '
            "Research. Pieter Alm of Caspian Markets was less sure. Prices would fall by "
            "March, he said.",
            [("Mara Quint", PERSON), ("Pieter Alm", PERSON)],
        ),
        # a person "at" their firm after a quote is the speaker, and "he" next
        (
            "Chief executive Lina Sauer has cut costs since 2024. "
            '"Forty branches is meaningful," said Owen Tallis at Brook Hale. '
            "He forecast that the ratio would fall to 58 per cent in 2027.",
            [("Owen Tallis", PERSON), ("Owen Tallis", PERSON)],
        ),
        # a role phrase and the person named after its comma
        (
            "The town's mayor, Ruth Ellory, said the council had raised the matter and "
            "stressed that the jobs could not be replaced.",
            [("Ruth Ellory", PERSON), ("Ruth Ellory", PERSON)],
        ),
        # an unnamed source who spoke after the last named person is "he"
        (
            '"Forty branches is meaningful," said Owen Tallis at Brook Hale. '
            "Another analyst, who asked not to be named, said the bank might go further. "
            '"I would not be surprised to see 80 closures," he said.',
            [
                ("Owen Tallis", PERSON),
                ("analyst", ActorKind.ANONYMOUS),
                ("analyst", ActorKind.ANONYMOUS),
            ],
        ),
    ],
)
def test_pronoun_is_the_person_introduced_last(
    extractor: Extractor, text: str, expected: list
) -> None:
    assert speakers(extractor, text) == expected


ANON = ActorKind.ANONYMOUS


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        # a partitive: the distributors, the phrase kept as the description
        (
            "The price would fall to 499 euros, one of the distributors told Wire.",
            "distributors",
            "one of the distributors",
        ),
        # an ordinal tells two sources apart; it is no part of what they are
        (
            "A second distributor said the cut would take effect on Monday.",
            "distributor",
            "A second distributor",
        ),
        # the place a source is at goes before the head, with its name
        (
            "A manager at the Dock Road shop said the shelves were cleared on Friday.",
            "Dock Road shop manager",
            "A manager at the Dock Road shop",
        ),
        (
            "A user on the Quayside forum posted that the memo was genuine.",
            "Quayside forum user",
            "A user on the Quayside forum",
        ),
    ],
)
def test_unnamed_source_is_named_by_its_head(
    extractor: Extractor, text: str, name: str, description: str
) -> None:
    result = extractor(Article(id="t", text=text, language="en", outlet="Wire"))
    found = [(s.speaker.name, s.speaker.kind, s.speaker.description) for s in result.statements]
    assert found == [(name, ANON, description)]


@pytest.mark.parametrize(
    "text",
    [
        "Harlow Creamery faced a scare that started with a single Facebook post. "
        "It said three children had been taken to hospital.",
        "The scare started online.\n\nThe post appeared on Friday in a parents' group. "
        "It said three children had been taken to hospital.",
    ],
)
def test_it_after_a_document_is_the_document(extractor: Extractor, text: str) -> None:
    # the post is relayed by the outlet (C2), not said by Facebook or the creamery
    result = extractor(Article(id="t", text=text, language="en", outlet="Wire"))
    assert [(s.speaker.name, s.stance.value) for s in result.statements] == [("Wire", "reports")]
