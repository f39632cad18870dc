"""Is a new statement about a claim the store already has?

Each claim text is reduced to :class:`ClaimFeatures`:

* ``native`` terms: character bigrams of Chinese text, word stems of English;
* ``concepts``: bilingual glossary concepts (跨境小店 = cross-border shop);
* ``glosses``: English stems (CC-CEDICT glosses of Chinese words);
* ``numbers``: normalised quantities (457亿 = 45.7 billion = 4.57e10; 10%).

Claims are indexed under these terms (prefixed ``t:``, ``k:``, ``g:``,
``n:``) plus ``a:<actor id>`` for the actors they are about; candidates come
from the store's inverted index using only the rarest terms, so the cost of
a lookup does not grow with the size of the store.  :func:`similarity` then
weighs text, shared actors and shared numbers.  A score of at least
:data:`ATTACH_THRESHOLD` attaches the statement to the claim; between
:data:`REVIEW_THRESHOLD` and that, it is attached but flagged for review.

Examples
--------
>>> a = features("TikTok美区跨境小店下周开放", "zh")
>>> b = features("TikTok's US cross-border shop has launched", "en")
>>> sorted(a.concepts & b.concepts)
['gloss.cross_border_shop', 'gloss.launch', 'gloss.us']
>>> sorted(numbers("市场从 366 亿美元增至 457 亿美元"))
['3.66e+10', '4.57e+10']
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from graph.cedict import en_stems, gloss_stems
from graph.glossary import Glossary, GlossaryEntry
from graph.keys import text_key

__all__ = [
    "ATTACH_THRESHOLD",
    "REVIEW_THRESHOLD",
    "ClaimFeatures",
    "FeatureEntry",
    "claim_terms",
    "dice",
    "extend_glossary",
    "features",
    "features_for",
    "forget_features",
    "from_index_terms",
    "index_terms",
    "numbers",
    "prime_features",
    "similarity",
]

ATTACH_THRESHOLD = 0.5
REVIEW_THRESHOLD = 0.35

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_ZH_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|万亿|亿|万|千)?")
_EN_NUMBER = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(%|percent|trillion|billion|million|thousand|bn|m|k)?\b",
    re.IGNORECASE,
)
_SCALE = {
    "万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "trillion": 1e12, "billion": 1e9,
    "bn": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3,
}  # fmt: skip
_YEARISH = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class ClaimFeatures:
    language: str
    native: frozenset[str]
    concepts: frozenset[str]
    glosses: frozenset[str]
    numbers: frozenset[str]


@cache
def _glossary() -> Glossary:
    return Glossary.default()


def numbers(text: str) -> set[str]:
    """Quantities in ``text``, normalised so that 457亿 and 45.7 billion agree."""
    out = set()
    rx = _ZH_NUMBER if _HAN_RUN.search(text) else _EN_NUMBER
    for m in rx.finditer(text):
        raw, unit = m.group(1).replace(",", ""), (m.group(2) or "").lower()
        value = float(raw)
        if unit in ("%", "％", "percent"):
            out.add(f"{value:.4g}%")
        elif _YEARISH.match(raw) and not unit:
            out.add(f"y{raw}")
        else:
            out.add(f"{value * _SCALE.get(unit, 1):.4g}")
    return out


def _native(text: str, language: str) -> set[str]:
    if language != "zh":
        return en_stems(text)
    folded = text_key(text)
    terms: set[str] = set()
    for run in _HAN_RUN.findall(folded):
        if len(run) == 1:
            terms.add(run)
        terms.update(run[i : i + 2] for i in range(len(run) - 1))
    terms |= en_stems(_HAN_RUN.sub(" ", text))
    return terms


def features(text: str, language: str, glossary: Glossary | None = None) -> ClaimFeatures:
    """Everything claim matching compares, from one claim text."""
    if glossary is not None:
        return _features(text, language, glossary)
    key = (text, language, _glossary().version)
    found = _CACHE.get(key)
    if found is not None:
        _CACHE.move_to_end(key)
        return found
    found = _features(text, language, _glossary())
    _remember(key, found)
    return found


# Features by (text, language, glossary version), least recently used first.
_CACHE: OrderedDict[tuple[str, str, int], ClaimFeatures] = OrderedDict()
_CACHE_SIZE = 65536

FeatureEntry = tuple[tuple[str, str, int], ClaimFeatures]


def _remember(key: tuple[str, str, int], found: ClaimFeatures) -> None:
    _CACHE[key] = found
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def forget_features() -> None:
    """Empty the features cache (a benchmark's runs start equal)."""
    _CACHE.clear()


def features_for(texts: Iterable[tuple[str, str]]) -> list[FeatureEntry]:
    """Features of ``(text, language)`` pairs, keyed for :func:`prime_features`.

    Extraction processes compute the features of the claim texts they find,
    so the process that merges finds them ready.
    """
    version = _glossary().version
    return [((t, lang, version), features(t, lang)) for t, lang in dict.fromkeys(texts)]


def prime_features(entries: Iterable[FeatureEntry]) -> None:
    """Cache features computed elsewhere (:func:`features_for` in another process).

    An entry made under another glossary version than this process's is left
    out: the glossary may have changed in between.  A process started from
    this one shares its glossary history, so equal versions mean equal glossaries.
    """
    version = _glossary().version
    for key, found in entries:
        if key[2] == version and key not in _CACHE:
            _remember(key, found)


def _features(text: str, language: str, glossary: Glossary) -> ClaimFeatures:
    lang = "zh" if language == "zh" else "en"
    return ClaimFeatures(
        language=lang,
        native=frozenset(_native(text, lang)),
        concepts=frozenset(glossary.concepts(text, lang)),
        glosses=frozenset(gloss_stems(text) if lang == "zh" else en_stems(text)),
        numbers=frozenset(numbers(text)),
    )


def index_terms(f: ClaimFeatures) -> set[str]:
    """The terms a claim is indexed under (see module docstring)."""
    return (
        {f"t:{t}" for t in f.native}
        | {f"k:{c}" for c in f.concepts}
        | {f"g:{g}" for g in f.glosses}
        | {f"n:{n}" for n in f.numbers}
    )


def from_index_terms(language: str, terms: Iterable[str]) -> ClaimFeatures:
    """Features back from stored index terms (actor terms are ignored)."""
    parts: dict[str, set[str]] = {"t": set(), "k": set(), "g": set(), "n": set()}
    for term in terms:
        kind, _, value = term.partition(":")
        if kind in parts:
            parts[kind].add(value)
    return ClaimFeatures(
        language,
        frozenset(parts["t"]),
        frozenset(parts["k"]),
        frozenset(parts["g"]),
        frozenset(parts["n"]),
    )


def claim_terms(text: str, language: str) -> set[str]:
    """Index terms of a claim text (without actor terms)."""
    return index_terms(features(text, language))


def dice(a: Iterable[str], b: Iterable[str]) -> float:
    """Dice coefficient of two term sets (0 when both are empty)."""
    sa = a if isinstance(a, (set, frozenset)) else set(a)
    sb = b if isinstance(b, (set, frozenset)) else set(b)
    if not sa and not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def similarity(
    a: ClaimFeatures,
    b: ClaimFeatures,
    *,
    actors_a: frozenset[str] = frozenset(),
    actors_b: frozenset[str] = frozenset(),
) -> float:
    """How likely two claim texts state the same proposition, in [0, 1].

    Text counts most (bigrams or stems within a language; glossary concepts
    and dictionary glosses across languages); shared actors and agreeing
    numbers add to it; numbers that disagree entirely pull it down.
    """
    # called for every candidate wording of every statement: the Dice
    # coefficients (see :func:`dice`) are worked out inline, and so are the
    # clamps (``x if x < 1.0 else 1.0`` is ``min(1.0, x)``)
    concepts_a, concepts_b = a.concepts, b.concepts
    shared = len(concepts_a & concepts_b)
    if a.language != b.language:
        if not shared:
            return 0.0  # the glosses count for nothing without a shared concept
        en, zh = (a, b) if a.language == "en" else (b, a)
        # dictionary glosses are noisy: across languages, trust them as far as
        # the curated glossary agrees (three shared concepts or more)
        small = en.glosses
        cover = len(small & zh.glosses) / len(small) if small else 0.0
        text = cover * (shared / 3 if shared < 3 else 1.0)
    else:
        native_a, native_b = a.native, b.native
        common = len(native_a & native_b)
        if not (common or shared):
            return 0.0  # no text in common: nothing else counts
        text = 2 * common / (len(native_a) + len(native_b)) if common else 0.0
    if shared:
        # one shared concept ("US") says little; three or more say a lot
        concepts = 2 * shared / (len(concepts_a) + len(concepts_b))
        mixed = 0.5 * text + 0.5 * concepts * (shared / 3 if shared < 3 else 1.0)
        if mixed > text:
            text = mixed
    # actors and numbers only add to text that already looks alike
    gate = text / 0.3
    if gate > 1.0:
        gate = 1.0
    score = text
    if actors_a and actors_b:
        la, lb = len(actors_a), len(actors_b)
        score += 0.15 * (len(actors_a & actors_b) / (la if la < lb else lb)) * gate
    numbers_a, numbers_b = a.numbers, b.numbers
    if numbers_a and numbers_b:
        agree = 2 * len(numbers_a & numbers_b) / (len(numbers_a) + len(numbers_b))
        score = score + 0.1 * agree * gate if agree else score * 0.7
    if score > 1.0:
        score = 1.0
    return round(score, 4)


def extend_glossary(entries: Iterable[GlossaryEntry]) -> None:
    """Add curated concepts to the glossary every later match uses."""
    _glossary().add(entries)
