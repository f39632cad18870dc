"""Answers in facts: the subject of a rumour restating it, negated, corrected or in part.

A rumour or claim about X ("the co-op is out of cash", "200 jobs will go")
is often answered by X (its spokesperson, an employee, a person close to it)
without a word such as "deny" or "confirm": "We are not insolvent", "about
60 roles are affected", "it had received a small number of complaints".
:func:`answer` reads such an assertion as a response to the earlier claim:

* the earlier claim was made by someone not on X's side, names X (or "the
  <kind>" X's name ends with: "the cooperative" for Prairie Gold
  Cooperative) and is not itself a response;
* the two are on the same matter: two shared content words or the act itself
  (:func:`pipelines.en.responses.content_words`), a shared matter of
  ``matters.jsonl`` (insolvency, closure, staffing …), or the same quantity
  noun with a number (a matter rule marked ``in`` counts on one side only:
  "no decision has been taken" answers a claim that a step "is planned");
* the stance: ``denies`` when the statement negates (``negators.jsonl``) or
  denies the claim's own label ("an update, not a recall" against "it is a
  recall": the noun after "not a" is a word of the claim),
  takes the other pole of the same matter ("we are hiring" against job cuts)
  or gives another figure for the same quantity; ``confirms`` when it gives
  the same figure, or restates the claim with a vague smaller amount ("a
  small number of complaints", ``quantifiers.jsonl``: a partial
  confirmation is a confirmation); ``questions`` when it hedges
  (``hedges.jsonl``) without negating.

A statement by a third party, by X on another matter, or made before the
rumour (only earlier statements are looked at) is left as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import ActorKind, Stance
from pipelines.en.responses import (
    _named,
    _responder_names,
    _responder_orgs,
    _rumour,
    content_words,
)
from pipelines.en.stopwords import stopwords

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun
    from pipelines.en.names import Found
    from pipelines.en.statements import Made

__all__ = ["answer", "matter_target", "quantities"]

# "about 60 roles", "$3 billion", "12,000 staff", "6.4%": a number and what it counts
_QUANTITY = re.compile(
    r"(?P<n>\$?\d[\d,.]*\d|\$?\d)\s*(?P<unit>%|per\s?cent|(?:[a-z-]+\s+){0,2}?[a-z]+)?",
    re.IGNORECASE,
)
_MONEY_UNITS = frozenset(["billion", "million", "bn", "m", "dollars", "euros", "pounds", "yuan"])
_ADJECTIVES = frozenset(["extra", "more", "new", "additional", "full-time", "other", "of"])
_STOP = stopwords("claim_overlap")
# "an over-the-air fix, not a safety recall": the answer names what the claim called it, negated
_REFRAMED = re.compile(
    r"\bnot (?:just |simply |merely )?(?:an?|the|some) (?P<np>(?:[\w-]+ ){0,2}?[\w-]+)"
    r"(?=\s*(?:[,.;:!?\"”]|$|\b(?:and|but|or|as|that|which)\b))",
    re.IGNORECASE,
)
# "a person close to Maple Ridge": an unnamed source speaking for Maple Ridge
_CLOSE_TO = re.compile(r"\bclose to (?:the )?(?P<org>[A-Z][\w&'’ -]+?)(?:\s+@|$)")


def _matters(run: ArticleRun, text: str, side: str = "") -> dict[str, set[str]]:
    """Matter -> the poles (``+``, ``-``, or ``""``) the text takes on it.

    ``side`` is ``claim`` (a rumour's words), ``answer`` (a response's) or
    ``""`` (a unit noun): a rule marked ``in`` counts only there ("no decision
    has been taken" answers, "is preparing to close" is a claim; ``either``:
    a claim or an answer, not a unit).
    """
    out: dict[str, set[str]] = {}
    for m in run.lex["matters"].finditer(text.lower()):
        where = m.rule.get("in")
        if where is not None and where != side and not (where == "either" and side):
            continue
        out.setdefault(m.rule.get("matter"), set()).add(m.rule.get("pole", ""))
    return out


def _unit_key(run: ArticleRun, unit: str) -> str:
    words = [w for w in unit.lower().split() if w not in _ADJECTIVES]
    if not words:
        return ""
    head = words[-1]
    if head in ("%", "percent", "cent") or head.endswith("cent"):
        return "%"
    if head in _MONEY_UNITS or words[0] in _MONEY_UNITS:
        return "$"
    matter = _matters(run, head)
    if matter:
        return "<" + min(matter) + ">"  # "roles" and "jobs" count the same thing
    stems = content_words(head)
    return min(stems) if stems else ""


def quantities(run: ArticleRun, text: str) -> dict[str, set[float]]:
    """What the text counts -> the figures it gives ("60 roles" -> {"<staffing>": {60.0}})."""
    out: dict[str, set[float]] = {}
    for m in _QUANTITY.finditer(text):
        raw = m.group("n").lstrip("$").replace(",", "").rstrip(".")
        try:
            value = float(raw)
        except ValueError:
            continue
        key = "$" if m.group("n").startswith("$") else _unit_key(run, m.group("unit") or "")
        if not key or (1900 <= value <= 2100 and "." not in raw):
            continue  # a year, or a bare number
        out.setdefault(key, set()).add(value)
    return out


def _vague(run: ArticleRun, text: str) -> set[str]:
    """What the text gives a vague amount of ("a small number of complaints" -> {"compl"})."""
    out: set[str] = set()
    lower = text.lower()
    for m in run.lex["quantifiers"].finditer(lower):
        noun = re.match(r"\s*(?:[a-z-]+\s+){0,1}?([a-z]+)", lower[m.end :])
        if noun:
            out.add(_unit_key(run, noun.group(1)))
    return out - {""}


def _side(run: ArticleRun, found: Found) -> set[str]:
    """The names of X, its organisation, and "the <kind>" an organisation's name ends with."""
    names = _responder_names(run, found)
    orgs = _responder_orgs(run, found)
    orgs += [found.actor] if found.actor.kind == ActorKind.ORGANIZATION else []
    close = _CLOSE_TO.search(found.actor.name) if found.actor.kind == ActorKind.ANONYMOUS else None
    if close:
        names.add(close.group("org").strip())
    kinds = set()
    for org in orgs:
        words = org.name.split()
        if len(words) >= 2 and words[-1][:1].isupper() and words[-1].isalpha():
            kinds.add(f"the {words[-1].lower()}")  # Prairie Gold Cooperative: "the cooperative"
    return {n for n in names if len(n) > 2} | kinds


def _on_side(m: Made, side: set[str]) -> bool:
    return m.statement.speaker.name in side


def answer(
    run: ArticleRun, found: Found, content: str, *, conceding: bool = False
) -> tuple[Stance, str] | None:
    """The stance and earlier claim an assertion by ``found`` answers, if it answers one.

    ``conceding`` (the cue concedes: "acknowledged that …") makes a restatement on
    the same matter a confirmation.
    """
    side = _side(run, found)
    if not side:
        return None
    text = content.replace("\u2019", "'")
    words = content_words(text) - content_words(" ".join(side))
    negated = run.lex["negators"].search(text.lower()) is not None
    hedged = any(not m.rule.get("modal") for m in run.lex["hedges"].finditer(text.lower()))
    matters = _matters(run, text, "answer")
    figures = quantities(run, text)
    vague = _vague(run, text)
    # "This is an update, not a recall": the noun the claim used, denied as a label
    reframed = {
        w
        for m in _REFRAMED.finditer(text)
        for w in m.group("np").lower().split()
        if len(w) > 2 and w not in _STOP
    }
    for m in reversed(run.made):
        st = m.statement
        if st.refers_to is not None or st.stance not in (Stance.ASSERTS, Stance.REPORTS):
            continue
        if st.speaker.name == found.actor.name or _on_side(m, side):
            continue
        pool = run.pools.get(m.claim, "")
        # X denied or confirmed it already: it is about X even where it does not name X
        answered = any(
            x.claim == m.claim
            and x.statement.speaker.name == found.actor.name
            and x.statement.stance in (Stance.DENIES, Stance.CONFIRMS)
            for x in run.made
        )
        named = _named(side, pool) or _named(side, pool.lower())  # "the cooperative"
        if not answered and not named:
            continue
        # unnamed, the same matter must show in its words (shared words may be names)
        words_count = words if named else set()
        verdict = _compare(run, pool, words_count, negated, hedged, matters, figures, vague)
        if verdict is None and any(
            re.search(rf"\b{re.escape(w)}s?\b", pool.lower()) for w in reframed
        ):
            verdict = Stance.DENIES
        if verdict is None and conceding and _same(run, pool, words_count, matters, figures):
            verdict = Stance.CONFIRMS
        if verdict is not None:
            if answered and verdict != Stance.DENIES:
                return None  # an elaboration of an answer already given
            if answered and not negated:
                return None  # "That number is wrong. It is 60": the counter-figure elaborates
            return verdict, m.claim
    return None


def _same(
    run: ArticleRun,
    pool: str,
    words: set[str],
    matters: dict[str, set[str]],
    figures: dict[str, set[float]],
) -> bool:
    """Whether a statement is on the matter of a claim (its words, matter or quantity)."""
    theirs = content_words(pool)
    shared = {w for w in words & theirs if not (w[:1].isdigit() or w[:1] == "$")}
    if len(shared) >= 2 or any(w.startswith("=") for w in shared):
        return True
    return bool(set(matters) & set(_matters(run, pool, "claim"))) or bool(
        set(figures) & set(quantities(run, pool))
    )


def _compare(
    run: ArticleRun,
    pool: str,
    words: set[str],
    negated: bool,
    hedged: bool,
    matters: dict[str, set[str]],
    figures: dict[str, set[float]],
    vague: set[str],
) -> Stance | None:
    """How a statement stands to a claim on the same matter (``None``: another matter)."""
    their_matters = _matters(run, pool, "claim")
    their_figures = quantities(run, pool)
    common = set(matters) & set(their_matters)
    counted = set(figures) & set(their_figures)
    same = _same(run, pool, words, matters, figures)
    if not same:
        return None
    if negated:
        return Stance.DENIES
    opposite = any(
        {"+", "-"} <= (matters[k] | their_matters[k]) and matters[k] != their_matters[k]
        for k in common
    )
    if opposite:
        return Stance.DENIES
    if counted:
        if any(figures[k] != their_figures[k] for k in counted):
            return Stance.DENIES
        return Stance.CONFIRMS
    if vague & set(their_figures):
        return Stance.CONFIRMS  # "a small number of complaints" against "hundreds": in part
    if hedged:
        return Stance.QUESTIONS
    return None


def matter_target(run: ArticleRun, found: Found, content: str) -> str | None:
    """The first rumour on the matter of a denial or confirmation that found no claim.

    "There are no plans to close the plant" answers a rumour that the site
    will close even where neither names the other: the same matter
    (``matters.jsonl``) is enough when the rumour is not the speaker's own.
    """
    matters = set(_matters(run, content, "answer"))
    if not matters:
        return None
    side = _side(run, found)
    for m in run.made:
        st = m.statement
        if st.refers_to is not None or not _rumour(st) or st.speaker.name in side:
            continue
        if matters & set(_matters(run, run.pools.get(m.claim, ""), "claim")):
            return m.claim
    return None
