"""The stance of a sentence or headline toward a claim, in English or Chinese.

A lexicon-driven reader in the spirit of Ferreira & Vlachos (2016, the
Emergent dataset): refuting words (fake, hoax, false, deny, not, debunk …)
make a text *deny* the claim, hedging words (reportedly, allegedly, could,
rumoured …) make it *report* it, confirmation words (confirmed, officially)
*confirm* it, a question (``?``, "whether", "Did …") *questions* it, and a
refusal ("declined to comment") is *no_comment*.  An English text that
credits the claim to someone else *reports* it ("…, officials say", "… -
analyst", "Source: …", "BMO forecasts …", ``data/stance/en_credit.jsonl``),
unless the one credited is the claim's own subject ("…, Tim Cook says" on a
claim about Tim Cook).  Anything else that is about the claim *asserts* it.
The word lists are data
(``data/stance/en.jsonl``, ``data/stance/zh.jsonl``, one rule per line); for
Chinese the attribution lexicon's content cues and rumour markers
(:func:`pipelines.stance.read_stance`) are read too.

Relevance comes first: a text that shares no content word (English stems,
Chinese character bigrams, or bilingual glossary concepts through
:func:`graph.claim_matching.similarity`) with the claim says nothing about it
and gets ``no_comment`` with rule ``stance.unrelated``.

Examples
--------
>>> stance_of_text("Apple will hold an event in February",
...                "Apple's event in February is a hoax").stance
<Stance.DENIES: 'denies'>
>>> stance_of_text("Apple will hold an event in February",
...                "Apple reportedly plans a February event").stance
<Stance.REPORTS: 'reports'>
>>> stance_of_text("Apple will hold an event in February",
...                "Apple to hold event in February").stance
<Stance.ASSERTS: 'asserts'>
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.claim_matching import features, similarity
from graph.records import Stance
from pipelines.en.stopwords import stopwords
from pipelines.lexicon import Lexicon, RuleMatch
from pipelines.stance import read_stance

__all__ = ["StanceResult", "stance_of_text"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
_STOP = stopwords("relevance")
# earlier rules win ties; a refusal or a denial outranks a hedge
_PRIORITY = (
    Stance.NO_COMMENT,
    Stance.DENIES,
    Stance.CONFIRMS,
    Stance.QUESTIONS,
    Stance.REPORTS,
)
_RELEVANT = 0.05


@dataclass(frozen=True)
class StanceResult:
    """What a text does with a claim, the word that showed it and the rule's id.

    ``score`` is the text's relevance to the claim in [0, 1].
    """

    stance: Stance
    cue: str
    rule: str
    score: float


def _language(text: str) -> str:
    return "zh" if _CJK.search(text) else "en"


def _stems(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z0-9'-]+|\d[\d.,]*", text.lower()):
        w = w.strip("'").removesuffix("'s")
        if len(w) < 3 or w in _STOP:
            continue
        out.add(w[:5])
    return out


def _relevance(claim: str, text: str, claim_lang: str, text_lang: str) -> float:
    if claim_lang == text_lang == "en":
        a, b = _stems(claim), _stems(text)
        if not a or not b:
            return 0.0
        return len(a & b) / min(len(a), len(b))
    return similarity(features(claim, claim_lang), features(text, text_lang))


def _best(matches: list[RuleMatch]) -> RuleMatch | None:
    for stance in _PRIORITY:
        for m in matches:
            if m.rule.get("stance") == stance:
                return m
    return None


def _credit(claim: str, text: str) -> RuleMatch | None:
    """A credit line giving the claim to a third party, not to the claim's subject."""
    own = _stems(claim)
    for m in Lexicon.load("stance")["en_credit"].finditer(text):
        who = _stems(m.group("who") or "")
        if not who & own and m.text.lower().strip() not in claim.lower():
            return m
    return None


def stance_of_text(claim: str, text: str, language: str | None = None) -> StanceResult:
    """Stance of ``text`` (a sentence or headline) toward ``claim``.

    ``language`` is the text's ("en" or "zh"); guessed from its script when
    ``None``.  The claim may be in the other language.
    """
    lang = language or _language(text)
    score = round(_relevance(claim, text, _language(claim), lang), 4)
    if score < _RELEVANT:
        return StanceResult(Stance.NO_COMMENT, "", "stance.unrelated", score)
    rules = Lexicon.load("stance")[lang if lang == "zh" else "en"]
    # a refuting word the claim itself contains ("not", "fake") is the claim's, not the text's
    matches = [m for m in rules.finditer(text) if m.text.lower().strip() not in claim.lower()]
    if lang == "zh":
        reading = read_stance(text, Stance.ASSERTS, Lexicon.load("zh"))
        if reading.stance != Stance.ASSERTS and _best(matches) is None:
            return StanceResult(reading.stance, "", "zh.read_stance", score)
    best = _best(matches)
    if best is None and lang == "en":
        best = _credit(claim, text)
    if best is None:
        return StanceResult(Stance.ASSERTS, "", "stance.default", score)
    return StanceResult(Stance(best.rule.get("stance")), best.text, best.rule.id, score)
