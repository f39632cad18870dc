"""English direct quotes: the quote pass of the attributor.

``"…," said Lisa Chen, a seller`` / ``"…," she said`` (the speaker after the
quote) and ``X said: "…"`` (before it).  A quote that is the whole next
sentence, or follows another quote with no speaker between them, continues
the previous statement; quotation marks that no speaker claims ("Live
Cart", titles, scare quotes) are terms, not speech.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.records import Stance
from pipelines.en.appositives import appositive
from pipelines.en.names import NAME, Found
from pipelines.en.statement_edits import continue_quote
from pipelines.en.statements import add_statement

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun

__all__ = ["quote_pass"]


def quote_pass(run: ArticleRun, s0: int, s1: int) -> list[tuple[int, int]]:
    used: list[tuple[int, int]] = []
    qcue = run.o.quote_cue
    for a, b in [q for q in run.quotes if s0 <= q[0] < s1]:
        qs, qe = a - 1, b + 1
        inner = run.text[a:b].rstrip()
        lead = run.text[max(used[-1][1], s0) if used else s0 : qs]
        after = run.text[qe:s1]
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
                found = run.finder.resolve(m.group("spk"), qe + m.start("spk"))
                if found is not None:
                    found = appositive(run, found, qe + m.end("spk"), s1)
            if found is None:
                m = re.match(
                    rf"\s*,?\s*(?P<spk>[^,.;\"“”]{{1,90}}?)\s+(?P<cue>{qcue})(?![\w-])", after
                )
                if m:
                    found = run.finder.resolve(m.group("spk"), qe + m.start("spk"))
            if found is None:
                # "…," Anna Berg, the company's head of programmes, told SpaceNews.
                m = re.match(
                    rf"\s*,?\s*(?P<spk>[^,.;\"“”]{{1,60}}?),(?P<app>[^.;\"“”]{{1,90}}?),\s+"
                    rf"(?P<cue>{qcue})(?![\w-])",
                    after,
                )
                if m:
                    found = run.finder.resolve(m.group("spk"), qe + m.start("spk"))
                    if found is not None and found.how != "name":
                        found = None
                    if found is not None:
                        found = appositive(run, found, qe + m.end("spk"), qe + m.end("app") + 1)
            if found is not None and m is not None:
                span_end = qe + m.end()
        if found is None and after.strip(" .") == "" and inner[-1:] not in ",":
            m = re.search(
                rf"(?P<spk>[^,.;\"“”]+?)\s+(?P<cue>{qcue})(?:\s+[^,.;:\"“”]{{0,40}}?)?\s*[:,]\s*$",
                lead,
            )
            if m:
                base = qs - len(lead)
                found = _speaker_before(run, lead, m, base)
        if found is None or m is None:
            if at_start or (used and not lead.strip(" ,")):
                continue_quote(run, a, b, s0, s1)
            continue
        rule = run.rule(m.group("cue"))
        ctx = run.text[qe + m.end() : s1] if m.start() >= 0 and span_end > qe else ""
        # the rest of a split quote is the speaker's words, not the attribution's context
        ctx = re.sub(r"\"[^\"]*\"|“[^”]*”", " ", ctx)
        add_statement(
            run,
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


_COORDINATED = re.compile(r"\s+(?:[a-z]+ed|[a-z]+s|smiled|laughed)(?:\s+[a-z]+)?\s+and$")


def _speaker_before(run: ArticleRun, lead: str, m: re.Match[str], base: int) -> Found | None:
    """Who speaks in ``X said: "…"``, also ``she smiled and said:`` and ``X, who wrote in a
    post:``."""
    spk = m.group("spk")
    found = run.finder.resolve(spk, base + m.start("spk"))
    if found is None:
        # "she smiled and said:": the subject of the first verb
        cut = _COORDINATED.search(spk)
        if cut is not None:
            found = run.finder.resolve(spk[: cut.start()], base + m.start("spk"))
    if found is None and spk.strip() in ("who", "which"):
        # "bassist Nadia Okafor, who wrote in an Instagram story:": the name before "who"
        head = lead[: m.start("spk")].rstrip()
        if head.endswith(","):
            prev = re.search(rf"(?:{NAME}\s+)?(?P<n>{NAME}),$", head)
            if prev is not None:
                found = run.finder.resolve(prev.group("n"), base + prev.start("n"))
    return found
