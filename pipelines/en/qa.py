"""Interview transcripts in English: ``WHITFIELD: No. We never moved the date.``

A paragraph that opens with a speaker label in capitals (or ``Q:``/``A:``)
is one turn of an interview.  The article's outlet (``VARIETY:``) or ``Q``
asks; any other label names the person answering, found like any other
speaker phrase (a surname introduced earlier, "Whitfield" -> Dana
Whitfield).  Every sentence of an answer is that person's own words (a
statement with the sentence as its quote), except a plain aside, which goes
on the statement before it, and plain assertions that lead up to the
answer's denial, which that denial takes in.  An answer that opens with a
bare "No." denies, and "Yes." confirms, what the question before it asked,
and is linked to the claim that question restated; so is the answer's first
negated sentence ("It's not a number from any screening we ran"), and a
refusal ("I won't get into …") answers that claim too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.records import ActorKind, Stance
from pipelines.en.names import Found
from pipelines.en.statements import CONTENT_TRAIL, add_statement
from pipelines.en.stopwords import stopwords

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun
    from pipelines.en.statements import Made

__all__ = ["qa_pass"]

# "TANG:", "Q:", "Q (Reuters):" (a question with the asker's outlet)
_LABEL = re.compile(
    r"(?P<label>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2}|Q|A)(?:\s+\([^()\n]{1,40}\))?:\s+"
)
# "That is no secret", "no doubt": a "no" that affirms (data/en/stopwords.jsonl, affirming_no)
_AFFIRMING = "|".join(sorted(stopwords("affirming_no")))
_NEGATED = re.compile(
    rf"\b(?:not|never|no(?!\s+(?:{_AFFIRMING})\b)|nobody|nothing)\b|n['’]t\b", re.IGNORECASE
)
_ANSWER_START = re.compile(r"(?P<word>No|Yes)[.,!]\s*", re.IGNORECASE)


def _turn(run: ArticleRun, pos: int) -> tuple[int, re.Match[str]] | None:
    start = run.text.rfind("\n", 0, pos) + 1
    m = _LABEL.match(run.text, start)
    return (start, m) if m else None


def _asks(run: ArticleRun, label: str) -> bool:
    outlet = (run.scope or "").lower()
    return label in ("Q",) or (bool(outlet) and label.lower() == outlet.lower())


def qa_pass(run: ArticleRun, s0: int, s1: int) -> bool:
    """Attribute the sentence ``s0:s1`` if it belongs to an interview answer."""
    turn = _turn(run, s0)
    if turn is None:
        return False
    start, m = turn
    label = m.group("label")
    if _asks(run, label) or (label == "A" and not run.made):
        return False
    found: Found | None
    if label == "A":
        found = Found(run.made[-1].statement.speaker, "answer")
    elif re.search(rf"\b{re.escape(label.title())}\b", run.text[:start]):
        # only a person the article has named answers ("VERDICT:" is a heading)
        full = _full_name(run, label.title(), start)
        if full is not None:
            # who answers under a label is a person
            found = Found(run.finder.known(full, ActorKind.PERSON), "name")
        else:
            found = run.finder.resolve(label.title(), m.start("label"))
    else:
        found = None
    if found is None or found.actor.kind != ActorKind.PERSON:
        return False
    c0 = max(s0, m.end())
    base = Stance.ASSERTS
    context = ""
    opening = _ANSWER_START.match(run.text, m.end())
    if opening and s0 <= opening.start() and s1 <= opening.end():
        return True  # a bare "No." is read with the sentence after it
    if opening and (s0 <= opening.start() or not run.text[opening.end() : s0].strip()):
        # the sentence with or right after "No."/"Yes." answers the question before it
        base = Stance.DENIES if opening.group("word").lower() == "no" else Stance.CONFIRMS
        context = _previous_turn(run, start) or ""
        c0 = max(c0, opening.end())
    asked = _question_claim(run, start)
    takes_up = None
    if asked is not None and base == Stance.ASSERTS:
        sentence = run.text[c0:s1]
        cue = run.lex["content_cues"].search(sentence)
        if cue is not None and cue.rule.get("stance") in ("denies", "no_comment", "confirms"):
            takes_up = asked  # "I won't get into …" answers the claim the question restated
        elif _NEGATED.search(sentence) and _first_negated(run, start, c0):
            # "It's not a number from any screening we ran": the answer's first negation
            # denies the claim the question restated
            base, takes_up = Stance.DENIES, asked
    if _goes_on(run, start, s0, c0, s1, found, base, takes_up):
        return True
    add_statement(
        run,
        found,
        None,
        base,
        (s0, s1),
        (c0, s1),
        "en.qa.answer",
        quote=True,
        conf=0.7,
        cue_text=label,
        context=context,
        elaborates=False,
        takes_up=takes_up,
    )
    return True


def _question_claim(run: ArticleRun, start: int) -> str | None:
    """The claim stated in the question turn right before the answer starting at ``start``."""
    before = run.text[:start].rstrip()
    q0 = before.rfind("\n") + 1
    m = _LABEL.match(before, q0)
    if m is None or not _asks(run, m.group("label")):
        return None
    stated = [x for x in run.made if q0 <= x.statement.start < start]
    return stated[-1].claim if stated else None


def _first_negated(run: ArticleRun, start: int, pos: int) -> bool:
    """Whether no sentence of this answer before ``pos`` was negated."""
    return _NEGATED.search(run.text, start, pos) is None


def _previous_turn(run: ArticleRun, start: int) -> str | None:
    """The text of the question turn before the answer that starts at ``start``."""
    before = run.text[:start].rstrip()
    line_start = before.rfind("\n") + 1
    m = _LABEL.match(before, line_start)
    if m is None or not _asks(run, m.group("label")):
        return None
    return before[m.end() :]


def _full_name(run: ArticleRun, label: str, start: int) -> str | None:
    """ "HE:" after "chief financial officer He Lingyun": the name the label is part of.

    A family name that is also an English word ("He", "Long") is no pronoun here.
    """
    w = re.escape(label)
    name = rf"(?<![\w.])(?:{w}\s+[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?|[A-Z][a-z]+\s+{w})(?![\w-])"
    found = [m.group() for m in re.finditer(name, run.text[:start]) if "\n" not in m.group()]
    return found[-1] if found else None


def _goes_on(
    run: ArticleRun,
    start: int,
    s0: int,
    c0: int,
    s1: int,
    found: Found,
    base: Stance,
    takes_up: str | None,
) -> bool:
    """Whether this sentence of an answer goes on a statement the answer already made.

    A plain sentence (no stance or reporting word, no figure) is an aside to the
    statement before it ("We are talking to two yards. That is no secret."); the
    answer's first denial takes in the plain assertions that led up to it ("I've
    seen that number. It's not a number from any screening we ran.").
    """
    earlier = [
        x
        for x in run.made
        if start <= x.statement.start < s0 and x.statement.speaker == found.actor
    ]
    if not earlier:
        return False
    sentence = run.text[c0:s1]
    figure = re.compile(r"\d")

    def plain(text: str) -> bool:
        return (
            run.lex["content_cues"].search(text) is None
            and not figure.search(text)
            and not run.o.cue_re.search(text)
        )

    if base == Stance.ASSERTS and takes_up is None and plain(sentence):
        if earlier[-1].statement.stance in (Stance.ASSERTS, Stance.DENIES):
            _extend(run, earlier[-1], s1, None)
            return True
        return False
    lead = [
        x for x in earlier if x.statement.refers_to is None and x.statement.stance == Stance.ASSERTS
    ]
    if (
        base == Stance.DENIES
        and takes_up is not None
        and lead == earlier
        and all(plain(x.statement.claim_text or "") for x in lead)
    ):
        for x in lead[1:]:
            run.out.statements.remove(x.statement)
            run.made.remove(x)
        _extend(run, lead[0], s1, takes_up)
        return True
    return False


def _extend(run: ArticleRun, made: Made, end: int, denies: str | None) -> None:
    """``made`` runs on to ``end``; with ``denies``, it becomes a denial of that claim."""
    st = made.statement
    extra = run.text[st.end : end].strip()
    quote_end = end - 1 if run.text[end - 1 : end] in ".!?" else end
    new = replace(
        st,
        end=end,
        evidence=run.text[st.start : end],
        quote=run.text[st.quote_start : quote_end] if st.quote_start is not None else st.quote,
        quote_end=quote_end if st.quote_start is not None else st.quote_end,
        claim_text=None if denies else f"{st.claim_text} {CONTENT_TRAIL.sub('', extra)}".strip(),
        stance=Stance.DENIES if denies else st.stance,
        refers_to=denies or st.refers_to,
    )
    run.out.statements[run.out.statements.index(st)] = new
    made.statement = new
    if denies:
        made.claim = denies
    run.pools[made.claim] = run.pools.get(made.claim, "") + " " + extra
