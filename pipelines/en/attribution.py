"""English attribution: who said what, with which stance, in one article.

Four passes per sentence, driven by the rule files of ``data/en``:

1. direct quotes with the speaker after (``"…," said Lisa Chen, a seller`` /
   ``"…," she said``) or before (``X said: "…"``); a quote that is the whole
   next sentence (or follows ``X said,``) continues the same statement;
   quotation marks that no speaker claims ("Live Cart", titles, scare quotes)
   are terms, not speech;
2. reported speech: a cue (said, told, denied, declined to comment, called …)
   with the speaker before it (``X, an analyst at Y, said (that) …``) or after
   the content (``…, two sources told Axios.``);
3. ``according to X`` (before or after the content) and ``X, citing people
   familiar with the matter, reported …`` (the source, scoped to and relayed
   via X);
4. rumour markers with no source (reportedly, is rumored to, is said to): the
   article's outlet relays the claim (stance ``reports``).

The passes live in :mod:`pipelines.en.qa` (interview transcripts),
:mod:`pipelines.en.quote_pass`, :mod:`pipelines.en.reported` (with
:mod:`pipelines.en.reported_parts`)
and :mod:`pipelines.en.according`; each statement is built by
:mod:`pipelines.en.statements`, responses are linked to the claim they answer
by :mod:`pipelines.en.responses`, and speakers are found by
:mod:`pipelines.en.speakers`.  A denial, confirmation
or refusal to comment takes up an earlier claim (``refers_to``) when it points
back ("denied the report", "called that claim untrue", "declined to comment on
the camera") or is about the speaker itself; a direct quote right after such a
statement (``X denied the report. "…," X said.``) elaborates it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.records import ActorKind, ActorRef, Article
from pipelines.en.according import according_pass, afterthought_pass, relay_pass, verdict_pass
from pipelines.en.filings import plaintiff, suit_pass
from pipelines.en.memberships import memberships
from pipelines.en.qa import qa_pass
from pipelines.en.quote_pass import quote_pass
from pipelines.en.quotes import find_en_quotes
from pipelines.en.reported import reported_pass
from pipelines.en.speakers import Found, SpeakerFinder
from pipelines.en.statements import Made
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon, Rule
from pipelines.mentions import Mention, find_mentions
from pipelines.zh.attribution import Attribution

__all__ = ["ArticleRun", "EnglishAttributor", "find_en_quotes"]


class EnglishAttributor:
    """Applies the ``en`` rules to a spaCy ``Doc`` of one article."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lex = lexicon
        self.gaz = gazetteer
        rules = sorted(lexicon["cues"].rules, key=lambda r: -len(r.pattern))
        self.cue_rules = {r.pattern.lower(): r for r in rules}
        alt = "|".join(re.escape(r.pattern) for r in rules)
        qalt = "|".join(re.escape(r.pattern) for r in rules if r.get("quote"))
        self.cue_re = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")
        self.quote_cue = qalt

    def __call__(self, doc: Doc, article: Article) -> Attribution:
        run = ArticleRun(self, doc, article)
        run.run()
        return run.out


class ArticleRun:
    """The state of one article's attribution: its text, quotes, speakers and statements so far."""

    def __init__(self, owner: EnglishAttributor, doc: Doc, article: Article) -> None:
        self.o = owner
        self.lex = owner.lex
        self.doc = doc
        self.text = doc.text
        self.article = article
        outlet = article.outlet or article.republished_from
        self.scope = owner.gaz.canonical(outlet) if outlet else None
        self.mentions: list[Mention] = find_mentions(doc, owner.lex)
        self.quotes = find_en_quotes(self.text)
        self.finder = SpeakerFinder(self.text, self.mentions, self.lex, owner.gaz, self.scope)
        self.members = memberships(self.finder)  # person -> organisation, as introduced
        self.plaintiff = plaintiff(self.finder)  # who brought the suit the article reports
        for m in self.mentions:
            if m.kind == ActorKind.ANONYMOUS:
                self.finder.note(m.start, self.anon_ref(m))
        self._outlet_short_name()
        self.out = Attribution()
        self.made: list[Made] = []
        self.pools: dict[str, str] = {}
        self.documented: set[str] = set()  # claims a post, memo or document stated
        self.sent_index = 0

    def _outlet_short_name(self) -> None:
        """ "AFP could not find …" in an AFP Fact Check article: the outlet by its short name."""
        outlet = self.outlet()
        if outlet is None:
            return
        for r in self.lex["outlet_suffixes"].rules:
            head = outlet.name.removesuffix(" " + r.pattern)
            if head != outlet.name and head[:1].isupper():
                self.finder.short.setdefault(head, outlet)

    # -- helpers ---------------------------------------------------------------
    def anon_ref(self, m: Mention) -> ActorRef:
        name = m.name
        if "{surface}" in name:
            name = re.sub(r"^(?:an?|the)\s+", "", m.surface.lower())
        return ActorRef(name, m.kind, description=m.surface, scope=self.scope)

    def outlet(self) -> ActorRef | None:
        if not self.scope:
            return None
        return self.finder.known(self.scope, ActorKind.MEDIA)

    def paragraph(self, pos: int) -> int:
        return self.text.count("\n\n", 0, pos)

    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quotes)

    def rule(self, text: str) -> Rule | None:
        return self.o.cue_rules.get(text.lower())

    def cues(self, start: int, end: int) -> list[re.Match[str]]:
        return [
            m for m in self.o.cue_re.finditer(self.text, start, end) if not self.in_quote(m.start())
        ]

    def via(self, found: Found) -> ActorRef | None:
        a = found.actor
        if a.kind == ActorKind.MEDIA and self.scope and a.name != self.scope:
            return self.outlet()
        return None

    # -- passes ----------------------------------------------------------------
    def run(self) -> None:
        for i, sent in enumerate(self.doc.sents):
            self.sent_index = i
            s0, s1 = sent.start_char, sent.end_char
            while s1 > s0 and self.text[s1 - 1].isspace():
                s1 -= 1
            before = len(self.made)
            if qa_pass(self, s0, s1) or verdict_pass(self, s0, s1):
                continue
            relay_pass(self, s0, s1, clauses_only=True)
            if len(self.made) > before:
                before = len(self.made)
            used = quote_pass(self, s0, s1)
            reported_pass(self, s0, s1, used)
            if len(self.made) == before:
                according_pass(self, s0, s1)
            if len(self.made) == before:
                suit_pass(self, s0, s1)
            if len(self.made) == before:
                relay_pass(self, s0, s1)
            afterthought_pass(self, s0, s1, before)
        self._mentions()

    def _mentions(self) -> None:
        refs: dict[ActorRef, None] = {}
        for name in (
            self.article.outlet,
            self.article.republished_from,
            self.article.republished_by,
        ):
            if name:
                refs.setdefault(self.finder.known(name, ActorKind.MEDIA), None)
        for m in self.mentions:
            if m.kind in (ActorKind.ANONYMOUS, ActorKind.GROUP):
                continue
            refs.setdefault(self.finder.known(m.name, m.kind), None)
        self.out.mentions = list(refs)
