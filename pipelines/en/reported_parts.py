"""The parts of an English reported-speech sentence around its cue.

Where the subject is (after a dateline, a live blog's time, a section label
or a bullet; the head of ``X, an analyst at Y,``; a subordinate clause's
subject in "A week after The Information reported …"; ``X, citing Y,
reported``), where the content begins (after ``told Reuters in Shanghai on
Tuesday that``) and where it ends (a new clause with its own speaker and cue).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from graph.records import ActorKind, ActorRef
from pipelines.en.appositives import appositive
from pipelines.en.names import NAME, Found

if TYPE_CHECKING:
    from pipelines.en.attribution import ArticleRun

__all__ = [
    "NAME_FULL",
    "SUBORDINATE",
    "TOLD",
    "WINDOW_WORD",
    "content_start",
    "next_clause",
    "subject",
]

_OBJECTS = (
    r"(?:reporters|journalists|staff|employees|investors|analysts|customers|partners|"
    r"lawmakers|regulators|sellers|merchants|clients|colleagues|parents|shareholders|members|"
    r"users|fans|residents|readers|subscribers|followers|supporters|workers|suppliers|dealers|"
    r"students|pupils|families|patients|passengers|tenants|the\s+\w+|us|me|him|her|them)"
)
WINDOW_WORD = re.compile(
    rf"^(?:{NAME}|{_OBJECTS}|on|in|at|to|during|from|with|via|by|over|last|this|earlier|"
    r"late|early|the|a|an|his|her|its|their|our|statement|interview|post|podcast|message|"
    r"email|emailed|call|briefing|conference|meeting|note|letter|filing|video|livestream|"
    r"complaint|lawsuit|suit|petition|motion|submission|amended|written|court|testimony|"
    r"blog|text|week|month|year|night|morning|afternoon|evening|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|\d[\w,.]*|\"[^\"]*\"|“[^”]*”|[A-Z][\w'’.-]*)$"
)
NAME_FULL = re.compile(rf"(?:[A-Z][\w'’-]*\s+)?{NAME}")
_CLAUSE_BOUNDARY = re.compile(r",\s+(?:(?:and|but|while|whereas)\s+)?|;\s+")
_LABEL = re.compile(r"^\s*[A-Z][\w' ]{0,30}(?:\([^()\n]{1,40}\))?:\s+(?=\S)")
TOLD = re.compile(r"(?i:told|tells|telling|assured|informed|reminded|warned)")
_CLAUSE_START = (
    r"(?:he|she|they|it|we|I|the|a|an|its|their|his|her|there|no|nobody|[A-Z][\w'’-]+)\b"
)
SUBORDINATE = re.compile(
    r"^.*\b(?:after|before|when|since|because|although|though|until|once|while|as|where)\s+",
    re.IGNORECASE | re.DOTALL,
)


def next_clause(run: ArticleRun, rest: list[re.Match[str]], start: int, s1: int) -> int:
    """Where a new clause with its own speaker and cue begins, after ``start``.

    "… talks to buy rival Munch, the food delivery app on Wednesday confirmed …" /
    "… new NDAs, and a former employee, who asked not to be named, told …".
    """
    for c in rest:
        if run.rule(c.group()) is None or run.rule(c.group()).get("document_only"):
            continue
        bounds = list(_CLAUSE_BOUNDARY.finditer(run.text, start, c.start()))
        for b in reversed(bounds):
            head = run.text[b.end() : c.start()].split(",")[0]
            if not head.strip() or re.match(r"\s*(?:who|whom|which|speaking|asking)\b", head):
                continue  # an appositive or relative clause between the subject and its cue
            if len(head.split()) > 8 or re.search(r"[\"“”]", head):
                continue
            # a speaker, or a noun phrase that will be one once this claim is made
            # ("the food delivery app" is the company the claim is about)
            np = re.fullmatch(
                r"\s*(?:the|a|an|its|their)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*",
                run.finder.clean(head) + " ",
            )
            if SUBORDINATE.match(head) or re.search(r"\b(?:that|which|who|than)\b", head):
                break  # "…, a week after the company pushed back": no new speaker
            pronoun = re.fullmatch(r"\s*(?:he|she|it|they|we)\s*", head)  # ", but it maintained"
            if np is not None or pronoun or run.finder.resolve(head, b.end()) is not None:
                return b.start()
            break
    return s1


# ", posted on X by the account @x," / ", shared on WeChat by a seller,": who put it there
_POSTED_BY = re.compile(
    r"\s*(?:first\s+)?(?:posted|published|shared|written|circulated|uploaded)\s+"
    r"(?:(?:on|to|in)\s+[\w.@-]+(?:\s+[\w.@-]+)?\s+)?by\s+(?P<by>[^,;]+?)\s*$"
)
# "<subject> deleted the post on Monday and" before a second verb, the cue
_COORDINATED = re.compile(
    r"\s*(?P<subj>(?:[Tt]he|[Aa]n?|[Ii]ts|[A-Z][\w'’-]*)(?:\s+[\w'’@-]+){0,3}?)\s+"
    r"(?:[a-z]+ed|[a-z]+s|has|had|was|took|made|broke|gave|put|sent|left|kept)\b[^,;\"“”]*"
    r"\s+and\s*$"
)
_LEAD_TIME = re.compile(
    r"\s*(?:On|Last|This|Earlier|Later|Late|Early)\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening|afternoon)\s+)+"
    r"(?=(?:an?|the|two|three|four|several|some|one)\s)"
)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# "Last Thursday, a post on a forum, since deleted, alleged": a time, not a name
_TIME_HEAD = re.compile(
    r"(?:(?:On|Last|This|Next|Earlier|Later|Late|Early|By)\s+)?(?:(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|[Ww]eek|[Mm]onth|[Yy]ear|[Nn]ight|[Mm]orning|"
    r"[Ee]vening|[Aa]fternoon|[Ww]eekend)\b\s*)+(?:\d{1,2}(?:st|nd|rd|th)?)?"
)


def _lead_modifier(run: ArticleRun) -> re.Pattern[str]:
    return _modifiers(tuple(r.pattern for r in run.lex["lead_modifiers"].rules))


@cache
def _modifiers(words: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alt})(?:(?<=-)|\s+)(?=[A-Z])")


def subject(run: ArticleRun, region: str, pos: int) -> tuple[Found | None, ActorRef | None]:
    r = re.sub(
        r"(?:\s+(?:has|have|had|also|later|previously|earlier|then|publicly|already|long|"
        r"often|always|never|still|once|repeatedly|recently|[a-z]+ly))+\s*$",
        "",
        region,
    ).rstrip()
    # a dateline or a live blog's time: "SHANGHAI, Nov 21 (Reuters) - TikTok denied …",
    # "10:15 a.m. - Meridian CEO Tom Alvarez, speaking at a conference, said"
    dash = max(r.rfind(" - "), r.rfind(" — "), r.rfind(" – "))
    if dash >= 0 and (not r.endswith(",") or "," not in r[:dash]):
        pos, r = pos + dash + 3, r[dash + 3 :]
    # a time before the subject with no comma: "On Sunday a pseudonymous account posted"
    lead = _LEAD_TIME.match(r)
    if lead:
        pos, r = pos + lead.end(), r[lead.end() :]
    # a bullet: "- Ravi Menon, a product manager, pushed back …"
    bullet = re.match(r"\s*[-–—•*]\s+", r)
    if bullet:
        pos, r = pos + bullet.end(), r[bullet.end() :]
    # a section label: "Analyst take: Savanti Capital's analyst Rohan Mehta says"
    label = _LABEL.match(r)
    if label:
        pos, r = pos + label.end(), r[label.end() :]
    # "Former Tarrow striker Ben Ruiz": a capitalised modifier opening the sentence
    # (data/en/lead_modifiers.jsonl) is no part of the name after it
    lead_mod = _lead_modifier(run).match(r)
    if lead_mod:
        pos, r = pos + lead_mod.end(), r[lead_mod.end() :]
    # "a 2023 email in which a finance director wrote": the relative clause's subject speaks
    inner = list(re.finditer(r"\b(?:in|on)\s+which\s+", r))
    if inner:
        pos, r = pos + inner[-1].end(), r[inner[-1].end() :]
    if not r.strip():
        return None, None
    app = None
    # "with about 40,000 followers": a thousands separator is no clause comma
    rm = _THOUSANDS.sub(";", r)
    if r.endswith(","):
        body = r[:-1]
        k = rm.rfind(",", 0, len(body))
        if k >= 0:
            app_text = body[k + 1 :]
            head_full = body[:k]
            h = rm.rfind(",", 0, k)
            head, head_pos = head_full[h + 1 :], pos + h + 1
            app = (app_text, pos + k + 1)
            if h >= 0 and not re.match(r"\s*citing\b", app_text):
                # "Liang Qiming, chief executive of Skyline Leasing, which owns …, told"
                g = rm.rfind(",", 0, h)
                first = head_full[g + 1 : h]
                if (
                    NAME_FULL.fullmatch(first.strip())
                    and not SUBORDINATE.match(first)
                    and not _TIME_HEAD.fullmatch(first.strip())
                ):
                    head, head_pos = first, pos + g + 1
                    app = (head_full[h + 1 :], pos + h + 1)
        else:
            head, head_pos = body, pos
    else:
        k = rm.rfind(",")
        head, head_pos = r[k + 1 :], pos + k + 1
        conj = re.match(r"\s*(?:and|but|yet|while|whereas)\s+(?=\S)", head)
        if conj:
            # "…, but it maintained that …": the clause's own subject
            head, head_pos = head[conj.end() :], head_pos + conj.end()
        if k >= 0 and head.strip() == "who":
            # "… by the pseudonymous leaker KeplerBytes, who posted on X that": the name
            # the relative clause is about
            name = re.search(
                rf"(?:\b(?:by|from|of|to|with)\s+)?(?P<n>(?:[\w'’-]+\s+){{0,3}}?{NAME})\s*$", r[:k]
            )
            if name is not None:
                head, head_pos = name.group("n"), pos + name.start("n")
    if app is not None and re.match(r"\s*citing\b", app[0]):
        src = re.sub(r"^\s*citing\s+", "", app[0])
        via = run.finder.resolve(head, head_pos)
        found = run.finder.resolve(src, app[1] + app[0].find(src))
        if found is not None and via is not None and found.actor.kind == ActorKind.ANONYMOUS:
            a = found.actor
            actor = ActorRef(a.name, a.kind, a.aliases, a.description, scope=via.actor.name)
            return Found(actor, found.how), via.actor
        return found or via, None
    found = None
    led = re.match(r"\s*led\s+by\s+", app[0]) if app is not None else None
    if app is not None and led is not None:
        # "The investors, led by the X Pension Fund, claim …": the lead party speaks for them
        found = run.finder.resolve(app[0][led.end() :], app[1] + led.end())
        if found is not None:
            # a plural subject: "claim", "allege" in the base form are its cues
            return Found(found.actor, "led", found.affiliation), None
    sub = SUBORDINATE.match(head)
    if sub:
        # "A week after The Information reported that …", "Chatter that X will … intensified
        # after The Information reported that …": the subordinate clause's subject
        found = run.finder.resolve(head[sub.end() :], head_pos + sub.end())
    coord = _COORDINATED.match(head) if found is None else None
    if coord is not None:
        # "The account deleted the post on Monday and conceded that …": the first verb's subject
        found = run.finder.resolve(coord.group("subj"), head_pos + coord.start("subj"))
    if found is None:
        found = run.finder.resolve(head, head_pos)
    if app is not None and found is not None and NAME_FULL.fullmatch(app[0].strip()):
        if found.how in ("anonymous", "document"):
            # "Another seller, Chen Bo, said", "The account that posted them, Panda Leaks,
            # said": the name, not the description
            found = None
        elif found.how == "role" and re.search(r"\s[a-z]", found.actor.name):
            # "A spokeswoman for Lumora's largest investor, Crestline Ventures, said"
            found = Found(run.finder.known(app[0].strip(), ActorKind.ORGANIZATION), "role")
            app = None
    by = _POSTED_BY.match(app[0]) if found is None and app is not None else None
    if by is not None and app is not None:
        # "One version, posted on X by the account @CityWhispers, says": the poster speaks
        found = run.finder.resolve(by.group("by"), app[1] + by.start("by"))
    if found is None and app is not None and re.match(r"\s*(?:the\s+)?[A-Z]", app[0]):
        # "Coastal's pilots' union, the Coastal Pilots Association, said"
        found = run.finder.resolve(app[0], app[1])
    elif found is not None and app is not None:
        found = appositive(run, found, head_pos + len(head), app[1] + len(app[0]) + 1)
    return found, None


def content_start(run: ArticleRun, pos: int, end: int, *, told: bool = False) -> int:
    """After ``told Reuters in Shanghai on Tuesday that``: where the content begins."""
    text = run.text[pos:end]
    m = re.search(r"\b(?:that|whether|if)\b", text)
    if m and m.start() < 140:
        # "reported last week, citing people familiar with the matter, that …"
        window = re.sub(r",\s+citing\s+[^,;.\"“”]{2,80},", " ", text[: m.start()]).strip()
        if len(window) >= 90:
            window = ","  # too far from the cue to be a window
        words = re.findall(r"\"[^\"]*\"|“[^”]*”|[^\s]+", window)
        if all(WINDOW_WORD.match(w.strip(",")) for w in words) and "," not in window.replace(
            '",', '"'
        ):
            return pos + (m.start() if m.group() != "that" else m.end())
    obj = re.match(rf"\s+(?:{NAME}|{_OBJECTS})(?=\s*[,.]|\s*$)", text)
    if obj:
        return pos + obj.end()
    if told:
        # "told an industry forum in Hangzhou in October that …", "told AFP she had …"
        m = re.match(r"\s+(?:[^\s,;\"“”]+\s+){1,8}?that\b", text) or re.match(
            rf"\s+(?:(?:the\s+)?{NAME}|{_OBJECTS})(?:\s+(?:on|in|at|last|this)\s+\w+)*"
            rf"(?=\s+{_CLAUSE_START})",
            text,
        )
        if m:
            return pos + m.end()
    return pos
