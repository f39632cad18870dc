"""English word lists kept as data: ``data/en/stopwords.jsonl``.

One word per line, with an ``id`` and the ``lists`` it belongs to:
``claim_overlap`` (words that say nothing about which claim a response
answers), ``relevance`` (words ignored when judging whether a headline is
about a claim), ``not_name`` (capitalised words that never start or are a
name), ``legal_form`` (Inc, Ltd, LLP: dropped from the end of a name),
``affirming_no`` ("no secret", "no doubt": a "no" that affirms)
and ``speaker_phrase_function`` (function words that make a phrase a
clause rather than a descriptor before a name).

Examples
--------
>>> "the" in stopwords("claim_overlap")
True
>>> "However" in stopwords("not_name")
True
"""

from __future__ import annotations

from functools import cache

from graph.errors import DataFileError
from pipelines.lexicon import DATA_DIR, Lexicon

__all__ = ["stopwords"]


@cache
def stopwords(name: str) -> frozenset[str]:
    """The words of list ``name`` (case as written in the file)."""
    rules = Lexicon.load("en")["stopwords"].rules
    words = frozenset(r.pattern for r in rules if name in r.get("lists", ()))
    if not words:
        raise DataFileError(str(DATA_DIR / "en" / "stopwords.jsonl"), f"no word in list {name!r}")
    return words
