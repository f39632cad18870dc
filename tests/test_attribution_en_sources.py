"""English sources named through a document, and refusals told in the past tense.

Sentences written for these tests (none from the gold files).
"""

from __future__ import annotations

import pytest

from graph.records import Article, Stance
from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_according_to_a_note_by_a_firm_names_the_firm(extractor: Extractor) -> None:
    text = (
        "Ostrava Shipping is weighing the sale of its tanker arm, according to a note sent "
        "to clients on Tuesday by Oslo-based broker Fjordline Partners."
    )
    [st] = extractor(Article(id="t", text=text, language="en", outlet="Sea Wire")).statements
    assert st.speaker.name == "Fjordline Partners"
    assert st.stance == Stance.ASSERTS
    assert "weighing the sale" in (st.claim_text or "")


def test_said_it_did_not_comment_on_is_a_refusal(extractor: Extractor) -> None:
    text = (
        "People familiar with the matter said Ostrava Shipping would leave the Baltic pool. "
        "Ostrava Shipping said it did not comment on the commercial affairs of the pool."
    )
    sts = extractor(Article(id="t", text=text, language="en", outlet="Sea Wire")).statements
    refusal = next(s for s in sts if "commercial affairs" in s.evidence)
    assert (refusal.stance, refusal.refers_to) == (Stance.NO_COMMENT, sts[0].local_id)
