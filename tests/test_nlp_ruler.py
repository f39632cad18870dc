"""The gazetteer's entity ruler: which surface forms match case-insensitively."""

from __future__ import annotations

import pytest

from pipelines.extract import Extractor


@pytest.fixture(scope="module")
def en_nlp():
    return Extractor().nlp("en")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("According to The Paper, the firm cut jobs.", [("The Paper", "澎湃新闻")]),
        # a name of several words is matched only as written
        ("The Daily Wire reported it. The paper said the talks collapsed.", []),
        ("She said the paper was wrong about the numbers.", []),
        # one-word names still match in any case
        ("tiktok said nothing.", [("tiktok", "TikTok")]),
        ("TIKTOK said nothing.", [("TIKTOK", "TikTok")]),
    ],
)
def test_multiword_english_names_match_as_written(en_nlp, text, found):
    doc = en_nlp(text)
    assert [(e.text, e.ent_id_) for e in doc.ents if e.ent_id_ in ("澎湃新闻", "TikTok")] == found
