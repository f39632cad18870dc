"""The pipeline's shortcuts: cached part-of-speech tags, sentence starts written as one array,
the jieba tokenizer's linear word alignment."""

from __future__ import annotations

import random
import re

import jieba.posseg
import pytest
from spacy.lang.zh import ChineseTokenizer
from spacy.util import get_words_and_spaces

from graph.records import ActorKind
from pipelines.gazetteer import Gazetteer, GazetteerEntry
from pipelines.nlp import (
    CachedPOSTokenizer,
    JiebaTokenizer,
    add_gazetteer_entries,
    build_nlp,
    pos_tagger,
    words_and_spaces,
)
from pipelines.sentences import sentence_spans


def _pairs(tagger: jieba.posseg.POSTokenizer, text: str) -> list[tuple[str, str]]:
    return [(p.word, p.flag) for p in tagger.cut(text)]


def test_cached_tags_equal_fresh_tags() -> None:
    nlp = build_nlp("zh", Gazetteer.default())
    seg = nlp.tokenizer.jieba_seg  # type: ignore[attr-defined]
    cached = pos_tagger(nlp)
    plain = jieba.posseg.POSTokenizer(tokenizer=seg)
    assert isinstance(cached, CachedPOSTokenizer)
    for text in ["王小明表示", "该公司发言人称", "记者昨日致电", "王小明表示"]:
        assert _pairs(cached, text) == _pairs(plain, text)
        assert [(p.word, p.flag) for p in cached.lcut(text)] == _pairs(plain, text)


def test_a_new_actor_empties_the_cache() -> None:
    nlp = build_nlp("zh", Gazetteer.default())
    tagger = pos_tagger(nlp)
    text = "据蓝鲸豹科技透露"
    before = [p.word for p in tagger.cut(text)]
    assert "蓝鲸豹科技" not in before
    entry = GazetteerEntry("test.org", "蓝鲸豹科技", ActorKind.ORGANIZATION)
    add_gazetteer_entries(nlp, [entry])
    assert "蓝鲸豹科技" in [p.word for p in tagger.cut(text)]


def test_sentence_starts_follow_the_sentence_splitter() -> None:
    for language, text in [
        ("zh", "“此消息不实。”他告诉记者。\n第二段 开头。第三句！"),
        ("en", 'He said: "It is false." Then he left.\n\nA new paragraph. Dec. 31 is late.'),
    ]:
        doc = build_nlp(language, Gazetteer.default())(text)
        token_starts = [t.idx for t in doc]
        want = [s for s, _ in sentence_spans(text)]
        # a sentence starts at the token that starts at its first character
        assert [s.start_char for s in doc.sents] == [0] + [
            s for s in want if s in token_starts and s != 0
        ]
        assert len(list(doc.sents)) > 2


def _cut(rng: random.Random, text: str) -> list[str]:
    """jieba-like words: whitespace runs whole, other runs cut at random points."""
    words = []
    for run in re.findall(r"\s+|\S+", text):
        cuts = sorted(rng.sample(range(1, len(run)), min(len(run) - 1, rng.randint(0, 3))))
        words += [run[a:b] for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True)]
    return words


@pytest.mark.parametrize("seed", range(10))
def test_words_and_spaces_equal_spacys(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [
        "他",
        "说",
        "此消息",
        "不实",
        "。",
        " ",
        "  ",
        "\n",
        "\n\n",
        "A",
        "Apple",
        " \n ",
        "\t",
    ]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        words = _cut(rng, text)
        assert words_and_spaces(words, text) == get_words_and_spaces(words, text), text


def test_words_and_spaces_refuse_words_not_in_the_text() -> None:
    with pytest.raises(ValueError):
        words_and_spaces(["他", "说"], "他讲")


def test_the_pipeline_tokens_equal_spacys_jieba_tokenizer() -> None:
    nlp = build_nlp("zh", Gazetteer.default())
    assert isinstance(nlp.tokenizer, JiebaTokenizer)
    text = "据悉，该公司发言人称：“此消息不实。”  \n\n Apple 表示 no comment。"
    plain = ChineseTokenizer(nlp.vocab, segmenter="jieba")
    plain.jieba_seg = nlp.tokenizer.jieba_seg
    ours, theirs = nlp.tokenizer(text), plain(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]
    assert ours.text == text
