"""spaCy pipelines without pretrained models.

``zh``: ``spacy.blank("zh")`` with a jieba segmenter whose user dictionary
holds every gazetteer alias, so names come out as single tokens;
``en``: ``spacy.blank("en")``.  Both get the quote-aware sentence splitter
and an entity ruler fed by the gazetteer (label = actor kind, id = the
actor's canonical name).  New actors learned by the store are added to a
running pipeline with :func:`add_gazetteer_entries`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import jieba
import jieba.posseg
import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipelines.gazetteer import Gazetteer, GazetteerEntry
from pipelines.lexicon import Lexicon
from pipelines.sentences import sentence_spans

__all__ = ["GLUE", "add_gazetteer_entries", "build_nlp", "pos_tagger"]

jieba.setLogLevel(logging.WARNING)

# one-character words jieba likes to glue to a following cue (采访时说 -> 时说, 并称 -> 并称)
GLUE = ("时", "中", "上", "并", "还", "也", "则", "又", "就", "都", "亦", "曾", "再", "均", "后")


@Language.component("rumour_sentences")
def rumour_sentences(doc: Doc) -> Doc:
    """Quote-aware sentence starts (see :mod:`pipelines.sentences`)."""
    starts = {s for s, _ in sentence_spans(doc.text)}
    # one array write: setting token.is_sent_start one by one re-checks the
    # whole doc's annotation each time (quadratic on long articles)
    flags = numpy.array(
        [1 if i == 0 or t.idx in starts else -1 for i, t in enumerate(doc)], dtype="int64"
    )
    if len(doc):
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    return doc


def build_nlp(language: str, gazetteer: Gazetteer) -> Language:
    """A blank pipeline for ``language`` ("zh" or "en") fed by ``gazetteer``."""
    if language == "zh":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        # A private jieba instance: user words must not leak into the global one.
        seg = jieba.Tokenizer()
        _teach_rule_words(seg, Lexicon.load("zh"))
        nlp.tokenizer.jieba_seg = seg  # type: ignore[attr-defined]
    else:
        nlp = spacy.blank("en")
    nlp.add_pipe("rumour_sentences")
    nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    add_gazetteer_entries(nlp, gazetteer)
    return nlp


def _teach_rule_words(seg: jieba.Tokenizer, lexicon: Lexicon) -> None:
    """Make rule words whole tokens, and split pronoun+cue pairs (其称 -> 其 | 称)."""
    seg.check_initialized()  # FREQ is empty until the dictionary loads
    for name in ("cues", "sources", "roles", "anaphors", "content_cues", "rumour_markers"):
        for rule in lexicon[name].rules:
            if rule.form == "phrase" and len(rule.pattern) > 1:
                seg.add_word(rule.pattern)
    for rule in lexicon["pronouns"].rules:
        if rule.form == "phrase" and len(rule.pattern) > 1:
            seg.add_word(rule.pattern)
    pronouns = [r.pattern for r in lexicon["pronouns"].rules if len(r.pattern) == 1]
    for cue in lexicon["cues"].rules:
        for p in pronouns:
            seg.suggest_freq((p, cue.pattern), True)
        for p in GLUE:
            # a frequency tweak would not survive the gazetteer's heavy user words
            if seg.FREQ.get(p + cue.pattern):
                seg.del_word(p + cue.pattern)


def add_gazetteer_entries(nlp: Language, entries: Iterable[GazetteerEntry]) -> None:
    """Teach a running pipeline new actors (jieba words + ruler patterns)."""
    entries = list(entries)
    seg = getattr(nlp.tokenizer, "jieba_seg", None)
    patterns = []
    for e in entries:
        for form in e.surface_forms:
            if seg is not None and form.strip():
                seg.add_word(form, freq=100000)
            patterns.append({"label": e.kind.upper(), "pattern": form, "id": e.name})
    if patterns:
        nlp.get_pipe("entity_ruler").add_patterns(patterns)  # type: ignore[attr-defined]


def pos_tagger(nlp: Language) -> jieba.posseg.POSTokenizer:
    """jieba part-of-speech tagger sharing the pipeline's user dictionary."""
    seg = getattr(nlp.tokenizer, "jieba_seg", None) or jieba.dt
    return jieba.posseg.POSTokenizer(tokenizer=seg)
