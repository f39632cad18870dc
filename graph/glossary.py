"""Bilingual glossary: domain concepts with their Chinese and English wordings.

``跨境小店`` and ``cross-border shop`` both map to the concept
``gloss.cross_border_shop``, so claims in either language share that term.
Kept as data (``data/glossary.jsonl``, one concept per line with an ``id``);
curation adds entries.

Examples
--------
>>> g = Glossary.default()
>>> sorted(g.concepts("TikTok美区跨境小店上线", "zh"))
['gloss.cross_border_shop', 'gloss.launch', 'gloss.us']
>>> "gloss.cross_border_shop" in g.concepts("its cross-border shop had launched", "en")
True
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.errors import DataFileError

__all__ = ["GLOSSARY_FILE", "Glossary", "GlossaryEntry"]

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary.jsonl"


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    zh: tuple[str, ...]
    en: tuple[str, ...]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


class Glossary:
    def __init__(self, entries: Iterable[GlossaryEntry] = ()) -> None:
        self.entries: dict[str, GlossaryEntry] = {}
        self._zh: re.Pattern[str] | None = None
        self._en: re.Pattern[str] | None = None
        self._owner: dict[tuple[str, str], str] = {}
        self.version = 0  # bumped on every change, so cached features can tell
        self.add(entries)

    @classmethod
    def default(cls) -> Glossary:
        return cls(_load(GLOSSARY_FILE))

    def add(self, entries: Iterable[GlossaryEntry]) -> None:
        for e in entries:
            old = self.entries.get(e.id)
            if old is not None:
                e = GlossaryEntry(e.id, (*old.zh, *e.zh), (*old.en, *e.en))
            self.entries[e.id] = e
            for lang, forms in (("zh", e.zh), ("en", e.en)):
                for form in forms:
                    self._owner[(lang, _fold(form))] = e.id
        self.version += 1
        self._zh = self._compile("zh", lambda f: re.escape(f))
        self._en = self._compile("en", lambda f: rf"(?<![\w-]){re.escape(f)}(?![\w-])")

    def _compile(self, lang: str, wrap: object) -> re.Pattern[str] | None:
        forms = sorted((f for (lg, f) in self._owner if lg == lang), key=len, reverse=True)
        if not forms:
            return None
        return re.compile("|".join(wrap(f) for f in forms))  # type: ignore[operator]

    def concepts(self, text: str, language: str) -> set[str]:
        """Concept ids whose wording occurs in ``text`` (longest wording first)."""
        lang = "zh" if language == "zh" else "en"
        rx = self._zh if lang == "zh" else self._en
        if rx is None:
            return set()
        found = set()
        folded = _fold(text)
        for m in rx.finditer(folded):
            found.add(self._owner[(lang, m.group())])
        if lang == "zh" and self._en is not None:
            # Latin words inside Chinese text (“shop”, “Payoneer”) count too
            found.update(self._owner[("en", m.group())] for m in self._en.finditer(folded))
        return found


@cache
def _load(path: Path) -> tuple[GlossaryEntry, ...]:
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            entries.append(
                GlossaryEntry(str(data["id"]), tuple(data.get("zh", ())), tuple(data.get("en", ())))
            )
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise DataFileError(str(path), f"line {lineno}: bad glossary entry ({err})") from err
    return tuple(entries)
