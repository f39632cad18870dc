"""Person heads of a Chinese speaker phrase.

A mixin of :class:`pipelines.zh.speakers.SpeakerParser`: people a role word
or a pseudonym gloss introduces (站长老周, 李春梅（化名）), a person named before,
a Latin-script name (DC.Wang), a Chinese name after a role or person noun or
tagged by jieba (分析师郑子墨), a bare surname-and-name phrase, and the person
a sentence opens with.
"""

from __future__ import annotations

import re
from functools import cache

import jieba.posseg

from graph.records import ActorKind
from pipelines.lexicon import Lexicon
from pipelines.zh.org_heads import _LEADING_NOISE, _PERSON_NOUNS, SpeakerPhrase

__all__ = ["PersonHeads"]

_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z]*(?:[ .·-]{1,2}[A-Z][A-Za-z]+)*|[a-z]+[A-Z][A-Za-z]*)\.?\s*$"
)
_NAME_AFTER_ROLE = re.compile(r"[\u4e00-\u9fff]{2,3}")
_FAMILIAR_NAME = re.compile(r"[老小][\u4e00-\u9fff]")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}$")


@cache
def _role_suffix(lexicon: Lexicon) -> re.Pattern[str]:
    phrases = sorted((r.pattern for r in lexicon["roles"].rules), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, phrases))})$")


@cache
def _role_suffix_anywhere(lexicon: Lexicon) -> re.Pattern[str]:
    phrases = sorted((r.pattern for r in lexicon["roles"].rules), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, phrases)))


class PersonHeads:
    """Person heads of :class:`pipelines.zh.speakers.SpeakerParser` (a mixin)."""

    text: str
    lexicon: Lexicon
    tagger: jieba.posseg.POSTokenizer
    token_starts: set[int]
    people: set[str]

    def _introduced_people(self) -> list[tuple[int, str]]:
        found = []
        for m in _role_suffix_anywhere(self.lexicon).finditer(self.text):
            name = _NAME_AFTER_ROLE.match(self.text, m.end())
            if name is None or m.end() not in self.token_starts:
                continue
            word = name.group()[:2]
            if not _FAMILIAR_NAME.fullmatch(word):
                pairs = list(self.tagger.cut(self.text[m.end() : m.end() + 6]))
                if not pairs or pairs[0].flag not in ("nr", "nrfg", "nrt"):
                    continue
                word = pairs[0].word
                if not 2 <= len(word) <= 3:
                    continue
            found.append((m.end(), word))
        for m in self.lexicon["pseudonyms"].finditer(self.text):
            # 李春梅（化名）, 95后的小何（化名）: the name right before the gloss
            for size in (3, 2):
                word = self.text[max(0, m.start - size) : m.start]
                surname = self.lexicon["surnames"].search(word[:1])
                if _HAN_NAME.fullmatch(word) and (
                    _FAMILIAR_NAME.fullmatch(word) or (surname is not None and surname.start == 0)
                ):
                    found.append((m.start, word))
                    break
        return sorted(found)

    def _seen_person(self, start: int, end: int) -> SpeakerPhrase | None:
        phrase = self.text[start:end]
        for name in sorted(self.people, key=len, reverse=True):
            if phrase.endswith(name):
                return SpeakerPhrase(name, ActorKind.PERSON, end - len(name), end, "pos_name")
        # "Ma说" after "Ma Lin": one part of a Latin name already introduced
        for name in self.people:
            parts = re.split(r"[ .·-]+", name)
            if len(parts) < 2:
                continue
            for part in parts:
                if (
                    len(part) >= 2
                    and phrase.endswith(part)
                    and not re.search(r"[A-Za-z.·-]$", phrase[: -len(part)])
                ):
                    return SpeakerPhrase(name, ActorKind.PERSON, end - len(part), end, "pos_name")
        return None

    def _latin_name(self, start: int, end: int) -> SpeakerPhrase | None:
        m = _LATIN_NAME.search(self.text, start, end)
        if m is None:
            return None
        name = m.group().strip().rstrip(".")
        if len(name) < 2:
            return None
        before = self.text[start : m.start()]
        multi = bool(re.search(r"[ .·-][A-Z]", name))
        after_person_word = bool(re.search(f"(?:{_PERSON_NOUNS})$", before)) or bool(
            _role_suffix(self.lexicon).search(before)
        )
        kind = ActorKind.PERSON if multi or after_person_word else ActorKind.ORGANIZATION
        return SpeakerPhrase(name, kind, m.start(), m.start() + len(name), "latin_name")

    def _pos_name(self, start: int, end: int) -> SpeakerPhrase | None:
        # a 2-3 character name right after a role or a person noun (分析师郑子墨)
        before = self.text[start:end]
        for size in (3, 2):
            name, rest = before[-size:], before[:-size]
            if (
                _HAN_NAME.fullmatch(name)
                and (
                    re.search(f"(?:{_PERSON_NOUNS})$", rest)
                    or _role_suffix(self.lexicon).search(rest)
                )
                and (end - size) in self.token_starts
            ):
                return SpeakerPhrase(name, ActorKind.PERSON, end - size, end, "pos_name")
        # otherwise trust jieba's person-name tag on the last word
        window_start = max(start, end - 16)
        pairs = list(self.tagger.cut(self.text[window_start:end]))
        if not pairs:
            return None
        word, tag = pairs[-1].word, pairs[-1].flag
        if tag in ("nr", "nrfg", "nrt") and 2 <= len(word) <= 4:
            return SpeakerPhrase(word, ActorKind.PERSON, end - len(word), end, "pos_name")
        return self._surname_name(start, end)

    def subject_person(self, start: int, end: int) -> str | None:
        """A person's name opening ``text[start:end]`` (张文博本人当晚…，他说): its subject."""
        while start < end and self.text[start] in "”」’ \t\n":
            start += 1
        pairs = list(self.tagger.cut(self.text[start : min(end, start + 12)]))
        if not pairs:
            return None
        word, tag = pairs[0].word, pairs[0].flag
        if word in self.people or (tag in ("nr", "nrfg", "nrt") and 2 <= len(word) <= 4):
            return word
        return None

    def _surname_name(self, start: int, end: int) -> SpeakerPhrase | None:
        """A phrase that is nothing but a surname and one or two characters (沈立言)."""
        phrase = _LEADING_NOISE.sub("", self.text[start:end]).strip()
        if not 2 <= len(phrase) <= 4 or not _HAN_NAME.fullmatch(phrase[-3:]):
            return None
        surname = next(
            (r.pattern for r in self.lexicon["surnames"].rules if phrase.startswith(r.pattern)),
            None,
        )
        if surname is None or not 1 <= len(phrase) - len(surname) <= 2:
            return None
        s = end - len(phrase)
        return SpeakerPhrase(phrase, ActorKind.PERSON, s, end, "pos_name")
