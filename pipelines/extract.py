"""Extraction: a pure function from an :class:`Article` to records.

:class:`Extractor` holds the per-language spaCy pipelines and rule sets;
``extractor(article)`` returns an :class:`ExtractionResult`.  It never touches
the store: give it what the store knows with :meth:`Extractor.learn`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language

from graph.records import Article, ExtractionResult
from graph.store import Store
from pipelines.en.attribution import EnglishAttributor
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon
from pipelines.nlp import add_gazetteer_entries, build_nlp, pos_tagger
from pipelines.zh.attribution import Attribution, ChineseAttributor

__all__ = ["Extractor"]


class Extractor:
    """Turns articles into statement records, in Chinese and English."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self._nlp: dict[str, Language] = {}
        self._attributors: dict[str, Any] = {}
        self._learned_upto: dict[str, int] = {}

    def learn(self, store_rows: Iterable[dict[str, Any]]) -> int:
        """Add actors the store knows (``Store.gazetteer()``); returns how many were new."""
        added = self.gazetteer.add_store_rows(store_rows)
        for nlp in self._nlp.values():
            add_gazetteer_entries(nlp, added)
        return len(added)

    def learn_from(self, store: Store) -> int:
        """Learn the actors ``store`` gained since this extractor last looked."""
        rows, upto = store.gazetteer_since(self._learned_upto.get(store.path, 0))
        self._learned_upto[store.path] = upto
        return self.learn(rows)

    def nlp(self, language: str) -> Language:
        lang = "zh" if language == "zh" else "en"
        if lang not in self._nlp:
            self._nlp[lang] = build_nlp(lang, self.gazetteer)
        return self._nlp[lang]

    def _attributor(self, language: str) -> Any:
        lang = "zh" if language == "zh" else "en"
        if lang not in self._attributors:
            lexicon = Lexicon.load(lang)
            if lang == "zh":
                self._attributors[lang] = ChineseAttributor(
                    lexicon, self.gazetteer, pos_tagger(self.nlp("zh"))
                )
            else:
                self._attributors[lang] = EnglishAttributor(lexicon, self.gazetteer)
        return self._attributors[lang]

    def __call__(self, article: Article) -> ExtractionResult:
        doc = self.nlp(article.language)(article.text)
        found: Attribution = self._attributor(article.language)(doc, article)
        return ExtractionResult(
            article=article,
            mentions=tuple(found.mentions),
            affiliations=tuple(found.affiliations),
            statements=tuple(found.statements),
        )
