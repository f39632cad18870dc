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

Speakers are found by :mod:`pipelines.speakers_en`.  A denial, confirmation
or refusal to comment takes up an earlier claim (``refers_to``) when it points
back ("denied the report", "called that claim untrue", "declined to comment on
the camera") or is about the speaker itself; a direct quote right after such a
statement (``X denied the report. "…," X said.``) elaborates it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from graph.records import ActorKind, ActorRef, Article, ExtractedStatement, Stance
from pipelines.attribution_zh import Attribution
from pipelines.gazetteer import Gazetteer
from pipelines.lexicon import Lexicon, Rule
from pipelines.mentions import Mention, find_mentions
from pipelines.quotes_en import find_en_quotes
from pipelines.speakers_en import NAME, Found, SpeakerFinder
from pipelines.stance import read_stance

__all__ = ["EnglishAttributor", "find_en_quotes"]

_CONTENT_LEAD = re.compile(r"[\s,:]*(?:that\s+)?")
_CONTENT_TRAIL = re.compile(r"[\s.,;:!?\"”]+$")
_CONTENT_CUTS = re.compile(
    r",\s+according to\b|,\s+(?:he|she|they|it)\s+(?:said|added)\b|\s+but\s+did\s+not\b"
    r"|,\s+(?:months?|weeks?|days?|years?)\s+(?:after|before)\b"
)
_OBJECTS = (
    r"(?:reporters|journalists|staff|employees|investors|analysts|customers|partners|"
    r"lawmakers|regulators|sellers|merchants|clients|colleagues|the\s+\w+|us|me|him|her|them)"
)
_WINDOW_WORD = re.compile(
    rf"^(?:{NAME}|{_OBJECTS}|on|in|at|to|during|from|with|via|by|over|last|this|earlier|"
    r"late|early|the|a|an|his|her|its|their|our|statement|interview|post|podcast|message|"
    r"email|emailed|call|briefing|conference|meeting|note|letter|filing|video|livestream|"
    r"blog|text|week|month|year|night|morning|afternoon|evening|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|\d[\w,.]*|\"[^\"]*\"|“[^”]*”|[A-Z][\w'’.-]*)$"
)
_SUBORDINATE = re.compile(
    r"^.*?\b(?:after|before|when|since|because|although|though|until|once|while|as|where)\s+",
    re.IGNORECASE | re.DOTALL,
)
_ELLIPSIS = re.compile(r"(?:,?\s+(?:but|and)(?:\s+(?:also|then|later|has|had))?\s*)$")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "about",
        "into",
        "over",
        "after",
        "before",
        "that",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "while",
        "than",
        "then",
        "also",
        "only",
        "just",
        "more",
        "most",
        "some",
        "any",
        "each",
        "such",
        "very",
        "would",
        "could",
        "should",
        "will",
        "shall",
        "have",
        "has",
        "had",
        "been",
        "being",
        "were",
        "was",
        "are",
        "is",
        "be",
        "not",
        "no",
        "nor",
        "said",
        "says",
        "told",
        "report",
        "reports",
        "reported",
        "claim",
        "claims",
        "comment",
        "request",
        "statement",
        "company",
        "matter",
        "figure",
        "figures",
        "plans",
        "plan",
        "people",
        "person",
        "sources",
        "source",
        "news",
        "story",
        "article",
        "issue",
        "question",
        "questions",
        "rumor",
        "rumour",
        "rumors",
        "rumours",
        "details",
        "detail",
        "they",
        "them",
        "it",
        "he",
        "she",
        "we",
    ]
)
_REPORT_WORD = re.compile(r"\b(?:reports?|story|article|stories|leaks?)\b", re.IGNORECASE)


def _rumour(st: ExtractedStatement) -> bool:
    return st.stance == Stance.REPORTS or st.speaker.kind in (ActorKind.ANONYMOUS, ActorKind.MEDIA)


def _words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z0-9-]+|\d[\d,.]*", text):
        w = w.lower().rstrip(".,")
        if len(w) < 4 or w in _STOP:
            continue
        out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return out


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
        run = _Run(self, doc, article)
        run.run()
        return run.out


@dataclass
class _Made:
    statement: ExtractedStatement
    paragraph: int
    sentence: int
    claim: str  # the claim id (local) this statement is on
    pool: str  # words that identify its claim


class _Run:
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
        for m in self.mentions:
            if m.kind == ActorKind.ANONYMOUS:
                self.finder.note(m.start, self._anon_ref(m))
        self.out = Attribution()
        self.made: list[_Made] = []
        self.pools: dict[str, str] = {}
        self.sent_index = 0

    # -- helpers ---------------------------------------------------------------
    def _anon_ref(self, m: Mention) -> ActorRef:
        name = m.name
        if "{surface}" in name:
            name = re.sub(r"^(?:an?|the)\s+", "", m.surface.lower())
        return ActorRef(name, m.kind, description=m.surface, scope=self.scope)

    def _outlet(self) -> ActorRef | None:
        if not self.scope:
            return None
        return self.finder.known(self.scope, ActorKind.MEDIA)

    def _paragraph(self, pos: int) -> int:
        return self.text.count("\n\n", 0, pos)

    def _in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quotes)

    def _rule(self, text: str) -> Rule | None:
        return self.o.cue_rules.get(text.lower())

    def _cues(self, start: int, end: int) -> list[re.Match[str]]:
        return [
            m
            for m in self.o.cue_re.finditer(self.text, start, end)
            if not self._in_quote(m.start())
        ]

    # -- statements ------------------------------------------------------------
    def _add(
        self,
        found: Found,
        cue: Rule | None,
        base: Stance,
        sent: tuple[int, int],
        content: tuple[int, int],
        rule: str,
        *,
        quote: bool,
        conf: float,
        cue_text: str = "",
        context: str = "",
        via: ActorRef | None = None,
    ) -> _Made | None:
        s0, s1 = sent
        c0, c1 = content
        whole = self.text[max(s0, c0 - 5) : c1]  # "called that claim untrue": keep "that"
        if not quote:
            lead = _CONTENT_LEAD.match(self.text, c0, c1)
            c0 = lead.end() if lead else c0
            cut = _CONTENT_CUTS.search(self.text, c0, c1)
            c1 = cut.start() if cut else c1
        else:
            while c1 > c0 and self.text[c1 - 1] in " ,.;:":
                c1 -= 1
            while c0 < c1 and self.text[c0] == " ":
                c0 += 1
        raw = self.text[c0:c1]
        speaker = found.actor
        reading = read_stance(raw, base, self.lex, context, quoted=quote)
        stance = reading.stance
        if cue is not None and cue.get("needs_content_cue") and stance == Stance.ASSERTS:
            return None
        if (
            stance == Stance.ASSERTS
            and speaker.kind in (ActorKind.ANONYMOUS, ActorKind.MEDIA)
            and not quote
            and any(m.rule.get("modal") for m in self.lex["hedges"].finditer(raw))
        ):
            stance = Stance.REPORTS
        claim = _CONTENT_TRAIL.sub("", raw.strip())
        refers = None
        takes_up = stance in (Stance.DENIES, Stance.CONFIRMS, Stance.NO_COMMENT)
        prev = self.made[-1] if self.made else None
        para = self._paragraph(s0)
        if (
            quote
            and prev is not None
            and not reading.points_back
            and stance
            in (
                Stance.ASSERTS,
                prev.statement.stance,
            )
        ):
            p = prev.statement
            same = p.speaker.name == speaker.name or para == prev.paragraph
            if (
                p.stance in (Stance.DENIES, Stance.CONFIRMS)
                and same
                and (self.sent_index - prev.sentence <= 1)
            ):
                stance, refers = p.stance, prev.claim
        clause = re.search(r"\b(?:reports?|claims?|rumou?rs?)?\s*(?:that|whether)\s+(?P<c>.+)", raw)
        if refers is None and takes_up:
            obj = context if quote else raw
            if stance == Stance.NO_COMMENT and clause and len(clause.group("c").split()) >= 4:
                # "declined to comment on reports that it plans to hire 20 staff": a claim
                refers = self._target(found, obj, latest=False, clause=True)
                if refers is None:
                    claim = _CONTENT_TRAIL.sub("", clause.group("c").strip())
            elif reading.points_back or stance == Stance.NO_COMMENT or len(claim.split()) < 3:
                refers = self._target(
                    found, obj, latest=True, anaphor=self.lex["anaphors"].search(whole) is not None
                )
            else:
                refers = self._target(found, obj, latest=False)
        if refers is None and len(claim.split()) < 3:
            return None
        if refers is None and stance == Stance.CONFIRMS and cue and cue.get("takes_up_only"):
            stance = Stance.ASSERTS  # "acknowledged that requests had tripled": nothing taken up
        about = tuple(
            dict.fromkeys(
                self.finder.known(m.name, m.kind)
                for m in self.mentions
                if c0 <= m.start and m.end <= c1 and m.kind != ActorKind.ANONYMOUS
            )
        )
        local = f"s{len(self.out.statements) + 1}"
        st = ExtractedStatement(
            local_id=local,
            speaker=speaker,
            stance=stance,
            evidence=self.text[s0:s1],
            start=s0,
            end=s1,
            rule=rule,
            claim_text=None if refers else claim,
            refers_to=refers,
            about=about,
            quote=raw if quote else None,
            quote_start=c0 if quote else None,
            quote_end=c1 if quote else None,
            cue=cue_text,
            hedges=reading.hedges,
            via=via,
            confidence=conf,
        )
        self.out.statements.append(st)
        if found.affiliation is not None:
            a = found.affiliation
            self.out.affiliations.append(
                type(a)(a.member, a.organization, a.role, self.text[s0:s1], a.rule)
            )
        claim_id = refers or local
        self.pools[claim_id] = self.pools.get(claim_id, "") + " " + (claim or raw)
        made = _Made(st, para, self.sent_index, claim_id, claim)
        self.made.append(made)
        self.finder.note(s0 if not quote else c1, speaker, spoke=True)
        return made

    def _target(
        self, found: Found, obj: str, *, latest: bool, clause: bool = False, anaphor: bool = False
    ) -> str | None:
        """The earlier claim a denial / confirmation / refusal takes up."""
        me = found.actor.name
        cands = [m for m in self.made if m.statement.speaker.name != me]
        if not cands:
            return None
        names = " ".join(m.surface for m in self.mentions) + " " + " ".join(self.finder.short)
        words = _words(obj) - _words(self.scope or "") - _words(names)
        if words:
            scored = [
                (len(words & _words(self.pools.get(m.claim, ""))), i) for i, m in enumerate(cands)
            ]
            best = max(scored)
            if best[0] >= max(1, len(words) // 3):
                return cands[best[1]].claim
        if _REPORT_WORD.search(obj):
            media = [m for m in cands if m.statement.speaker.kind == ActorKind.MEDIA]
            if media:
                return media[-1].claim
        if clause:
            return None
        names = {me, *found.actor.aliases}
        if found.affiliation is not None:
            org = found.affiliation.organization
            names |= {org.name, *org.aliases}
        short = [k for k, v in self.finder.short.items() if v.name in names]
        names |= set(short)
        names = {n for n in names if n and len(n) > 1}
        for m in reversed(cands):
            text = self.pools.get(m.claim, "")
            if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names):
                return m.claim
        if latest:
            # nothing names the claim: the article's rumour (a report or an unnamed source)
            rumours = [m for m in cands if m.statement.refers_to is None and _rumour(m.statement)]
            return (rumours[0] if rumours and not anaphor else cands[-1]).claim
        return None

    # -- passes ----------------------------------------------------------------
    def run(self) -> None:
        for i, sent in enumerate(self.doc.sents):
            self.sent_index = i
            s0, s1 = sent.start_char, sent.end_char
            while s1 > s0 and self.text[s1 - 1].isspace():
                s1 -= 1
            before = len(self.made)
            used = self._quote_pass(s0, s1)
            self._reported_pass(s0, s1, used)
            if len(self.made) == before:
                self._according_pass(s0, s1)
            if len(self.made) == before:
                self._relay_pass(s0, s1)
        self._mentions()

    def _quote_pass(self, s0: int, s1: int) -> list[tuple[int, int]]:
        used: list[tuple[int, int]] = []
        qcue = self.o.quote_cue
        for a, b in [q for q in self.quotes if s0 <= q[0] < s1]:
            qs, qe = a - 1, b + 1
            inner = self.text[a:b].rstrip()
            lead = self.text[max(used[-1][1], s0) if used else s0 : qs]
            after = self.text[qe:s1]
            at_start = not lead.strip(" ,")
            speech = at_start or inner[-1:] in ",?!"
            found: Found | None = None
            m = None
            span_end = qe
            if speech and len(inner.split()) >= 2:
                m = re.match(
                    rf"\s*,?\s*(?P<cue>{qcue})\s+(?P<spk>(?:[^,.;\"“”]|(?<=\b[A-Z])\.)+?)"
                    # an initial's full stop (K. Lin) does not end the name
                    r"(?=\s*[,;]|\s*\.(?!\s?[A-Z][a-z])|\s*$)",
                    after,
                )
                if m:
                    found = self.finder.resolve(m.group("spk"), qe + m.start("spk"))
                    if found is not None:
                        self._appositive(found, qe + m.end("spk"), s1)
                if found is None:
                    m = re.match(
                        rf"\s*,?\s*(?P<spk>[^,.;\"“”]{{1,90}}?)\s+(?P<cue>{qcue})(?![\w-])", after
                    )
                    if m:
                        found = self.finder.resolve(m.group("spk"), qe + m.start("spk"))
                if found is not None and m is not None:
                    span_end = qe + m.end()
            if found is None and after.strip(" .") == "" and inner[-1:] not in ",":
                m = re.search(
                    rf"(?P<spk>[^,.;\"“”]+?)\s+(?P<cue>{qcue})(?:\s+[^,.;:\"“”]{{0,40}}?)?\s*[:,]\s*$",
                    lead,
                )
                if m:
                    base = qs - len(lead)
                    found = self.finder.resolve(m.group("spk"), base + m.start("spk"))
            if found is None or m is None:
                if at_start or (used and not lead.strip(" ,")):
                    self._continue_quote(a, b, s0, s1)
                continue
            rule = self._rule(m.group("cue"))
            ctx = self.text[qe + m.end() : s1] if m.start() >= 0 and span_end > qe else ""
            self._add(
                found,
                rule,
                Stance(rule.get("stance")) if rule else Stance.ASSERTS,
                (s0, s1),
                (a, b),
                f"en.quote/{rule.id}" if rule else "en.quote",
                quote=True,
                conf=0.85,
                cue_text=m.group("cue"),
                context=ctx,
            )
            used.append((s0 if at_start else qs, max(span_end, qe)))
        return used

    def _continue_quote(self, a: int, b: int, s0: int, s1: int) -> None:
        """``"A," X said. "B."``: B continues the statement of A."""
        if not self.made:
            return
        last = self.made[-1]
        st = last.statement
        if (
            st.quote is None
            or last.paragraph != self._paragraph(a)
            or self.sent_index - last.sentence > 1
        ):
            return
        extra = _CONTENT_TRAIL.sub("", self.text[a:b].strip())
        claim = f"{st.claim_text} {extra}" if st.claim_text else None
        new = ExtractedStatement(
            **{
                **{f: getattr(st, f) for f in st.__dataclass_fields__},
                "claim_text": claim,
                "end": max(st.end, s1),
                "evidence": self.text[st.start : max(st.end, s1)],
            }
        )
        self.out.statements[self.out.statements.index(st)] = new
        last.statement = new
        self.pools[last.claim] = self.pools.get(last.claim, "") + " " + extra

    def _appositive(self, found: Found, pos: int, end: int) -> Found:
        """``X, co-founder of Y`` / ``X, an analyst at Y`` -> an affiliation edge."""
        if found.actor.kind != ActorKind.PERSON:
            return found
        tail = self.text[pos:end]
        role = self.finder._role_alt
        m = re.match(
            rf"\s*,\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,3}}?(?P<role>{role})"
            rf"(?:\s+of\s+[a-z][\w\s-]{{0,30}}?)?\s+(?:of|at|for|with)\s+"
            rf"(?:the\s+(?:[a-z-]+\s+)*)?(?P<org>{NAME})",
            tail,
        ) or re.match(rf"\s*,\s*(?P<org>{NAME})(?:'s|’s)\s+(?:[\w-]+\s+)*?(?P<role>{role})\b", tail)
        if m is None:
            return found
        org_name = m.group("org").rstrip(".")
        org = self.finder.known(org_name, ActorKind.ORGANIZATION)
        rule = self.finder._role_rule(m.group("role"))
        from graph.records import Affiliation

        self.out.affiliations.append(
            Affiliation(
                found.actor, org, rule.get("role"), self.text[pos:end], "en.affiliation.appositive"
            )
        )
        self.finder.note(pos + m.start("org"), org)
        return found

    def _reported_pass(self, s0: int, s1: int, used: list[tuple[int, int]]) -> None:
        floor = max((e for _, e in used), default=s0)
        cues = [c for c in self._cues(floor, s1) if not any(a <= c.start() < b for a, b in used)]
        covered = floor  # statements so far own the text up to here
        prev_found: Found | None = None
        for k, cm in enumerate(cues):
            ell = _ELLIPSIS.search(self.text, max(floor, cm.start() - 30), cm.start())
            elliptic = prev_found is not None and ell is not None and ell.end() == cm.start()
            if cm.start() < covered and not elliptic:
                continue  # a cue inside the content of the previous statement
            rule = self._rule(cm.group())
            if rule is None:
                continue
            nxt = self._next_ellipsis(cues[k + 1 :], s1)
            made = (None if elliptic else self._content_first(cm, rule, s0, s1, floor)) or (
                self._subject_first(cm, rule, s0, nxt, floor, prev_found if elliptic else None)
            )
            if made is not None:
                _m, found, end = made
                prev_found = found
                covered = end

    def _next_ellipsis(self, rest: list[re.Match[str]], s1: int) -> int:
        for c in rest:
            ell = _ELLIPSIS.search(self.text, max(0, c.start() - 30), c.start())
            if ell and ell.end() == c.start() and self._rule(c.group()) is not None:
                return ell.start()
        return s1

    def _prev_comma(self, pos: int, floor: int) -> int:
        c = self.text.rfind(",", floor, pos)
        while c > floor and self._in_quote(c):
            c = self.text.rfind(",", floor, c)
        return c

    def _content_first(
        self, cm: re.Match[str], rule: Rule, s0: int, s1: int, floor: int
    ) -> tuple[_Made, Found, int] | None:
        """``…, two sources told Axios.`` / ``…, the people said, asking not to be named``."""
        if rule.get("content") == "object":
            return None
        comma = self.text.rfind(",", floor, cm.start())
        while comma > floor and self._in_quote(comma):
            comma = self.text.rfind(",", floor, comma)
        if comma <= floor:
            return None
        spk = self.text[comma + 1 : cm.start()]
        app_end = None
        if not spk.strip():
            # "…, Priya Nair, an analyst at Gartner, told Reuters."
            c2 = self._prev_comma(comma, floor)
            c3 = self._prev_comma(c2, floor) if c2 > floor else -1
            if c3 <= floor or not re.match(r"\s+(?:an?|the)\s", self.text[c2 + 1 : comma]):
                return None
            spk, app_end, comma = self.text[c3 + 1 : c2], comma, c3
        if not spk.strip() or len(spk.split()) > 10:
            return None
        tail_end = self.text.find(",", cm.end(), s1)
        tail_end = s1 if tail_end < 0 else tail_end
        tail = self.text[cm.end() : tail_end].strip(" .")
        if re.search(r"\b(?:that|whether|if)\b|[\"“]", tail) or len(tail.split()) > 6:
            return None
        if len(self.text[floor:comma].split()) < 4:
            return None
        found = self.finder.resolve(spk, comma + 1)
        if found is None:
            return None
        if app_end is not None:
            self._appositive(found, comma + 1 + len(spk), app_end + 1)
        made = self._add(
            found,
            rule,
            Stance(rule.get("stance")),
            (s0, s1),
            (floor, comma),
            f"en.reported.speaker_after/{rule.id}",
            quote=False,
            conf=0.75,
            cue_text=cm.group(),
            context=self.text[comma:s1],
            via=self._via(found),
        )
        return (made, found, s1) if made else None

    def _subject_first(
        self,
        cm: re.Match[str],
        rule: Rule,
        s0: int,
        end: int,
        floor: int,
        prev: Found | None,
    ) -> tuple[_Made, Found, int] | None:
        region = self.text[floor : cm.start()]
        found: Found | None = None
        via = None
        if prev is None:
            found, via = self._subject(region, floor)
        else:
            found = prev
            self._trim_last(cm.start())
        if found is None:
            return None
        c0 = cm.end()
        if rule.get("content") != "object":
            c0 = self._content_start(cm.end(), end)
        made = self._add(
            found,
            rule,
            Stance(rule.get("stance")),
            (s0, self._sent_end(s0)),
            (c0, end),
            f"en.reported/{rule.id}",
            quote=False,
            conf=0.75,
            cue_text=cm.group(),
            context=region,
            via=via or self._via(found),
        )
        return (made, found, end) if made else None

    def _sent_end(self, s0: int) -> int:
        for sent in self.doc.sents:
            if sent.start_char == s0:
                e = sent.end_char
                while e > s0 and self.text[e - 1].isspace():
                    e -= 1
                return e
        return len(self.text)

    def _trim_last(self, pos: int) -> None:
        """ "…, but declined to comment": the previous content ends before "but"."""
        if not self.made:
            return
        last = self.made[-1]
        st = last.statement
        ell = _ELLIPSIS.search(self.text, max(0, pos - 30), pos)
        if st.claim_text is None or ell is None:
            return
        cut = self.text[: ell.start()]
        claim = st.claim_text
        tail = cut[-40:].strip()
        idx = claim.find(tail[-20:]) if tail else -1
        if idx >= 0:
            new_claim = _CONTENT_TRAIL.sub("", claim[: idx + len(tail[-20:])])
            new = ExtractedStatement(
                **{**{f: getattr(st, f) for f in st.__dataclass_fields__}, "claim_text": new_claim}
            )
            self.out.statements[self.out.statements.index(st)] = new
            last.statement = new

    def _subject(self, region: str, pos: int) -> tuple[Found | None, ActorRef | None]:
        r = re.sub(
            r"(?:\s+(?:has|have|had|also|later|previously|earlier|then|publicly|already))+\s*$",
            "",
            region,
        ).rstrip()
        # a dateline: "SHANGHAI, Nov 21 (Reuters) - TikTok denied …"
        dash = max(r.rfind(" - "), r.rfind(" — "), r.rfind(" – "))
        if dash >= 0 and not r.endswith(","):
            pos, r = pos + dash + 3, r[dash + 3 :]
        if not r.strip():
            return None, None
        app = None
        if r.endswith(","):
            body = r[:-1]
            k = body.rfind(",")
            if k >= 0:
                app_text = body[k + 1 :]
                head_full = body[:k]
                h = head_full.rfind(",")
                head, head_pos = head_full[h + 1 :], pos + h + 1
                app = (app_text, pos + k + 1)
            else:
                head, head_pos = body, pos
        else:
            k = r.rfind(",")
            head, head_pos = r[k + 1 :], pos + k + 1
        if app is not None and re.match(r"\s*citing\b", app[0]):
            src = re.sub(r"^\s*citing\s+", "", app[0])
            via = self.finder.resolve(head, head_pos)
            found = self.finder.resolve(src, app[1] + app[0].find(src))
            if found is not None and via is not None and found.actor.kind == ActorKind.ANONYMOUS:
                a = found.actor
                actor = ActorRef(a.name, a.kind, a.aliases, a.description, scope=via.actor.name)
                return Found(actor, found.how), via.actor
            return found or via, None
        found = self.finder.resolve(head, head_pos)
        sub = _SUBORDINATE.match(head)
        if found is None and sub:
            # "A week after The Information reported that …": the subordinate clause's subject
            found = self.finder.resolve(head[sub.end() :], head_pos + sub.end())
        if found is None and app is not None and app[0].strip()[:1].isupper():
            found = self.finder.resolve(app[0], app[1])
        elif found is not None and app is not None:
            self._appositive(found, head_pos + len(head), app[1] + len(app[0]) + 1)
        return found, None

    def _content_start(self, pos: int, end: int) -> int:
        """After ``told Reuters in Shanghai on Tuesday that``: where the content begins."""
        text = self.text[pos:end]
        m = re.search(r"\b(?:that|whether|if)\b", text)
        if m and m.start() < 90:
            window = text[: m.start()].strip()
            words = re.findall(r"\"[^\"]*\"|“[^”]*”|[^\s]+", window)
            if all(_WINDOW_WORD.match(w.strip(",")) for w in words) and "," not in window.replace(
                '",', '"'
            ):
                return pos + (m.start() if m.group() != "that" else m.end())
        obj = re.match(rf"\s+(?:{NAME}|{_OBJECTS})(?=\s*[,.]|\s*$)", text)
        if obj:
            return pos + obj.end()
        return pos

    def _via(self, found: Found) -> ActorRef | None:
        a = found.actor
        if a.kind == ActorKind.MEDIA and self.scope and a.name != self.scope:
            return self._outlet()
        return None

    def _according_pass(self, s0: int, s1: int) -> None:
        for am in self.lex["according"].finditer(self.text, s0, s1):
            if self._in_quote(am.start):
                continue
            a, b = am.spans["speaker"]
            found = self.finder.resolve(self.text[a:b], a)
            if found is None:
                continue
            via = self._via(found)
            if "via" in am.spans:
                v0, v1 = am.spans["via"]
                vf = self.finder.resolve(self.text[v0:v1], v0)
                if vf is None:
                    continue
                if found.actor.kind == ActorKind.ANONYMOUS:
                    x = found.actor
                    found = Found(
                        ActorRef(x.name, x.kind, x.aliases, x.description, vf.actor.name), found.how
                    )
                via = vf.actor
                content = (am.end, s1)
            elif self.text[s0 : am.start].strip(" ,"):
                content = (s0, am.start)
            else:
                content = (b, s1)
            made = self._add(
                found,
                None,
                Stance.ASSERTS,
                (s0, s1),
                content,
                am.rule.id,
                quote=False,
                conf=0.75,
                context=self.text[am.start : am.end],
                via=via,
            )
            if made is not None:
                return

    def _relay_pass(self, s0: int, s1: int) -> None:
        outlet = self._outlet()
        if outlet is None:
            return
        for m in self.lex["rumour_markers"].finditer(self.text, s0, s1):
            if not m.rule.get("relay") or self._in_quote(m.start):
                continue
            self._add(
                Found(outlet, "outlet"),
                None,
                Stance.REPORTS,
                (s0, s1),
                (s0, s1),
                f"en.relay/{m.rule.id}",
                quote=False,
                conf=0.6,
                cue_text=m.text,
            )
            return

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
