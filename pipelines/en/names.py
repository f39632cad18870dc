"""English names: the capitalised-name pattern and person-or-organisation heuristics.

``NAME`` matches a run of capitalised words with linking words between them
("Office of the Comptroller of the Currency", "K. Lin").  A name the
gazetteer does not know is an organisation when it carries an organisation
suffix (Motors, Ministry, Labs …) or a possessive, and a person when it is
two or three plain capitalised words, unless the article uses its first
word alone but never its last (people are named again by surname,
organisations by their first word).  Capitalised words that never are a
name (The, However, According …) are data: the ``not_name`` list of
``data/en/stopwords.jsonl``.

Examples
--------
>>> capitalised_names("However, Dana Whitfield said so.")
[(9, 'Dana Whitfield')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.records import ActorKind, ActorRef, Affiliation
from pipelines.en.stopwords import stopwords
from pipelines.gazetteer import Gazetteer

__all__ = [
    "LEGAL_FORM",
    "NAME",
    "NAME_RE",
    "NOT_NAMES",
    "ORG_SUFFIX",
    "Found",
    "NameKinds",
    "capitalised_names",
]

_WORD = r"(?:(?:[A-Z]\.)+(?=\s+[A-Z])|[A-Z](?:[\w&'’-]|\.(?=\w))*|\d+\w*)"
_LINK = r"(?:(?:of|for|and|de|van|von|bin|&)(?:\s+the)?|the)"
# a name never runs over a line break: "BOX OFFICE WEEK" (a rubric) + "Northgate Pictures"
NAME = rf"{_WORD}(?:[^\S\n]+(?:{_LINK}[^\S\n]+)?{_WORD})*"
NAME_RE = re.compile(NAME)
NOT_NAMES = stopwords("not_name")
_LEGAL_FORMS = stopwords("legal_form")  # Inc, Ltd, LLP …: not part of the name news uses
LEGAL_FORM = re.compile(r",?\s+(?:" + "|".join(sorted(_LEGAL_FORMS)) + r")\.?(?!\w)")
_BASED = re.compile(r"[\w.]+-based$")
ORG_SUFFIX = re.compile(
    r"\b(?:Inc|Corp|Ltd|LLC|Co|Group|Games|Studios?|Auto|Motors|Commerce|Council|"
    r"Ventures|Partners|Capital|Research|Analysis|Analytics|Interactive|Ministry|"
    r"Government|Agency|Bank|Holdings|Technologies|Technology|Labs|Media|News|Times|"
    r"Post|Journal|Association|Union|Institute|University|Foundation|Securities|"
    r"Insights|Intelligence|Consulting|Entertainment|Electronics|Network|Systems|"
    r"Leaks|Pulse|Department|Office|Commission|Authority|Bureau|Court|Party|Club|"
    r"Herald|Tribune|Gazette|Observer|Chronicle|Telegraph|Insider|Wire|Weekly|Daily|"
    r"Rail|Railways?|Airlines?|Airways|Foods|Shipping|Logistics|Energy|Pharma|Pharmaceuticals|"
    r"Retail|Mobile|Telecom|Motor|Semiconductors?|Robotics|Biotech|Brands|"
    r"United|Rovers|Athletic|Records|Pictures|Films|Music|Therapeutics|Properties|"
    r"Equity|Advisors|Advisory|Investments|Management|Markets|Exchange|"
    r"ISI|AG|SA|SE|PLC|plc)\b"
)


@dataclass(frozen=True)
class Found:
    """A resolved speaker, and who it speaks through or for."""

    actor: ActorRef
    how: str  # gazetteer | name | role | anonymous | pronoun | backref
    affiliation: Affiliation | None = None


def capitalised_names(text: str) -> list[tuple[int, str]]:
    """``(start, name)`` of runs of capitalised words (a weak signal for names)."""
    out = []
    for m in NAME_RE.finditer(text):
        name = m.group().rstrip(".'’")
        words = name.split()
        while words and words[0] in NOT_NAMES:
            words = words[1:]
        while words and words[-1].lower() in ("of", "for", "and", "the", "de", "&"):
            words = words[:-1]
        # "Hangzhou-based Yunqi Cloud" is Yunqi Cloud; "Verdane Therapeutics Inc" is
        # Verdane Therapeutics
        while len(words) > 1 and _BASED.match(words[0]):
            words = words[1:]
        if len(words) > 1 and words[-1] in _LEGAL_FORMS:
            words = words[:-1]
        if words:
            name = " ".join(words)
            out.append((m.start() + m.group().find(words[0]), name))
    return out


class NameKinds:
    """Person or organisation, for the names of one article."""

    def __init__(self, text: str, gazetteer: Gazetteer, roles: str = "") -> None:
        self.text = text
        self.gaz = gazetteer
        self.roles = roles  # a regex alternation of role words (analyst, founder …)
        self._singles: set[str] | None = None

    def _introduced_as_person(self, name: str) -> bool:
        """ "Park Ji-min, an analyst at Mirae Asset," / "analyst Park Ji-min": a person."""
        if not self.roles:
            return False
        n = re.escape(name)
        return (
            re.search(rf"{n},\s+(?:an?|the)\s+[^,.;]{{0,40}}?\b(?:{self.roles})\b", self.text)
            is not None
            or re.search(rf"\b(?:{self.roles})\s+{n}\b", self.text) is not None
        )

    def kind_of(self, name: str) -> ActorKind:
        e = self.gaz.lookup(name)
        if e is not None:
            return e.kind
        words = name.split()
        if ORG_SUFFIX.search(name) or "'" in name or "’" in name:
            return ActorKind.ORGANIZATION
        if re.search(rf"(?<!\w){re.escape(name)}{LEGAL_FORM.pattern}", self.text):
            return ActorKind.ORGANIZATION  # "Verdane Therapeutics Inc."
        if 2 <= len(words) <= 3 and all(
            re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z'’-]+", w) for w in words
        ):
            # people are named again by surname, organisations by their first word
            if (
                self.alone(words[0])
                and not self.alone(words[-1])
                and not self._introduced_as_person(name)
            ):
                return ActorKind.ORGANIZATION
            return ActorKind.PERSON
        return ActorKind.ORGANIZATION

    def alone(self, word: str) -> bool:
        """Whether ``word`` is, somewhere in the text, a name on its own."""
        if self._singles is None:
            # "Representatives for Raman": a name after a link word stands alone too
            parts = [
                part
                for _, n in capitalised_names(self.text)
                for part in re.split(r"\s+(?:of|for|and|de|&)(?:\s+the)?\s+", n)
            ]
            self._singles = {re.sub(r"(?:'s|’s|'|’)$", "", n) for n in parts}
        return word in self._singles
