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
import weakref
from collections.abc import Iterable, Iterator

import jieba
import jieba.posseg
import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.errors import Errors
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipelines.gazetteer import Gazetteer, GazetteerEntry
from pipelines.lexicon import Lexicon
from pipelines.memo import remember
from pipelines.sentences import sentence_spans

__all__ = [
    "GLUE",
    "CachedPOSTokenizer",
    "JiebaTokenizer",
    "add_gazetteer_entries",
    "build_nlp",
    "pos_tagger",
    "words_and_spaces",
]

jieba.setLogLevel(logging.WARNING)

# one-character words jieba likes to glue to a following cue (采访时说 -> 时说, 并称 -> 并称)
GLUE = ("时", "中", "上", "并", "还", "也", "则", "又", "就", "都", "亦", "曾", "再", "均", "后")


@Language.component("rumour_sentences")
def rumour_sentences(doc: Doc) -> Doc:
    """Quote-aware sentence starts (see :mod:`pipelines.sentences`)."""
    if not len(doc):
        return doc
    starts = numpy.array([s for s, _ in sentence_spans(doc.text)], dtype="uint64")
    # one array write: setting token.is_sent_start one by one re-checks the
    # whole doc's annotation each time (quadratic on long articles)
    flags = numpy.where(numpy.isin(doc.to_array(IDX), starts), 1, -1)
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    return doc


class JiebaTokenizer(ChineseTokenizer):  # type: ignore[misc]
    """spaCy's jieba tokenizer with a word alignment in linear time.

    spaCy's ``get_words_and_spaces`` copies the rest of the text for every
    word (quadratic on long articles); :func:`words_and_spaces` gives the same
    words and spaces without the copies.
    """

    def __init__(self, vocab: Vocab, seg: jieba.Tokenizer) -> None:
        super().__init__(vocab, segmenter="jieba")
        self.jieba_seg = seg

    def __call__(self, text: str) -> Doc:
        words = [w for w in self.jieba_seg.cut(text, cut_all=False) if w]
        words, spaces = words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """``spacy.util.get_words_and_spaces``, searching ``text`` from an offset instead of a copy."""
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(Errors.E194.format(text=text, words=words))
    text_words: list[str] = []
    text_spaces: list[bool] = []
    pos = 0
    n = len(text)
    for word in words:
        if word.isspace():
            continue
        try:
            start = text.index(word, pos)
        except ValueError:
            raise ValueError(Errors.E194.format(text=text, words=words)) from None
        if start > pos:
            text_words.append(text[pos:start])
            text_spaces.append(False)
            pos = start
        text_words.append(word)
        pos += len(word)
        space = pos < n and text[pos] == " "
        text_spaces.append(space)
        if space:
            pos += 1
    if pos < n:
        text_words.append(text[pos:])
        text_spaces.append(False)
    return text_words, text_spaces


def build_nlp(language: str, gazetteer: Gazetteer) -> Language:
    """A blank pipeline for ``language`` ("zh" or "en") fed by ``gazetteer``."""
    if language == "zh":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        # A private jieba instance: user words must not leak into the global one.
        seg = jieba.Tokenizer()
        _teach_rule_words(seg, Lexicon.load("zh"))
        nlp.tokenizer = JiebaTokenizer(nlp.vocab, seg)
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
            patterns.append(
                {"label": e.kind.upper(), "pattern": _ruler_pattern(nlp, form), "id": e.name}
            )
    if patterns:
        nlp.get_pipe("entity_ruler").add_patterns(patterns)  # type: ignore[attr-defined]
    if seg is not None:
        for tagger in _TAGGERS.get(seg, ()):
            tagger.clear()


def _ruler_pattern(nlp: Language, form: str) -> str | list[dict[str, str]]:
    """How the entity ruler matches one surface form.

    Case-insensitively as a rule (TIKTOK, tiktok); but an English name of
    several words with a capital in it ("The Paper", "The Information",
    "Talk Shop Live") only as written, so that "the paper said" or "the
    information was" in running text is not taken for an outlet.
    """
    if nlp.lang != "en" or " " not in form.strip() or form.lower() == form:
        return form
    return [{"ORTH": t.text} for t in nlp.make_doc(form)]


class CachedPOSTokenizer(jieba.posseg.POSTokenizer):  # type: ignore[misc]
    """A jieba part-of-speech tagger that tags each text once.

    Speaker parsing tags the same few characters again and again (the window
    after a cue, a name before one).  The cache is emptied when
    :func:`add_gazetteer_entries` changes the dictionary; anything else that
    changes the segmenter's words must call :meth:`clear`.
    """

    max_texts = 4096  # the cache is emptied when full

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        super().__init__(tokenizer=tokenizer)
        self._tagged: dict[tuple[str, bool], tuple[jieba.posseg.pair, ...]] = {}

    def cut(self, sentence: str, HMM: bool = True) -> Iterator[jieba.posseg.pair]:
        pairs = remember(
            self._tagged,
            (sentence, HMM),
            self.max_texts,
            lambda: tuple(super(CachedPOSTokenizer, self).cut(sentence, HMM)),
        )
        return iter(pairs)

    def clear(self) -> None:
        self._tagged.clear()


# the cached taggers of each segmenter, emptied when its dictionary changes
_TAGGERS: weakref.WeakKeyDictionary[jieba.Tokenizer, weakref.WeakSet[CachedPOSTokenizer]] = (
    weakref.WeakKeyDictionary()
)


def pos_tagger(nlp: Language) -> CachedPOSTokenizer:
    """jieba part-of-speech tagger sharing the pipeline's user dictionary."""
    seg = getattr(nlp.tokenizer, "jieba_seg", None) or jieba.dt
    tagger = CachedPOSTokenizer(seg)
    _TAGGERS.setdefault(seg, weakref.WeakSet()).add(tagger)
    return tagger
