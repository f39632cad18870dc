"""The stance of a statement, read from its cue and its content.

The cue gives a base stance (否认 -> denies, 证实 -> confirms, 称 -> asserts);
phrases inside the content can override an assertion (“此消息并不真实” is a
denial, “消息属实” a confirmation, 未予置评 no comment); rumour markers
(传言, 据称, 网传 …) turn an assertion into a relay (``reports``).  A denial,
confirmation or refusal whose content is only an anaphor (此消息, 对此) or
nearly empty *points back* at the claim stated before it.

Examples
--------
>>> from pipelines.lexicon import Lexicon
>>> lex = Lexicon.load("zh")
>>> r = read_stance("此消息并不真实。", Stance.ASSERTS, lex)
>>> r.stance, r.points_back
(<Stance.DENIES: 'denies'>, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.records import Stance
from pipelines.lexicon import Lexicon

__all__ = ["StanceReading", "read_stance"]

_OVERRIDABLE = (Stance.ASSERTS, Stance.REPORTS)
_TAKES_UP = (Stance.DENIES, Stance.CONFIRMS, Stance.NO_COMMENT, Stance.QUESTIONS)
_PARTICLES = re.compile(r"[了的是予以也都均就并这此该其\W_]+")
_ANAPHOR_WINDOW = 12


@dataclass(frozen=True)
class StanceReading:
    stance: Stance
    hedges: tuple[str, ...] = ()
    points_back: bool = False
    bare: bool = False  # nothing but an anaphor and stance words: 此消息不实


def read_stance(
    content: str, base: Stance, lexicon: Lexicon, context: str = "", *, quoted: bool = False
) -> StanceReading:
    """Stance of ``content`` said with a cue of stance ``base``.

    ``context`` is the clause around the cue (the speaker side), where rumour
    markers and anaphors such as 对此 also count.  In a direct quote
    (``quoted``) a rumour word is the speaker's own topic ("网上流传的截图都不是
    官方信息"), so only markers in the context make it a relay.
    """
    stance = base
    cues = lexicon["content_cues"].matches_all(content)
    if stance in _OVERRIDABLE:
        for m in cues:
            stance = Stance(m.rule.get("stance"))
            break
    markers = lexicon["rumour_markers"]
    # 听说… opening a quote: the speaker passes on hearsay
    opening = any(m.rule.get("opens_quote") and m.start <= 2 for m in markers.finditer(content))
    # 消息在车主群里传开了 inside the content: the speaker tells that it spread
    relays = any(not m.rule.get("context_only") for m in markers.finditer(content))
    if stance == Stance.ASSERTS and (
        (not quoted and relays) or (quoted and opening) or markers.search(context)
    ):
        stance = Stance.REPORTS
    hedges = tuple(dict.fromkeys(m.text for m in lexicon["hedges"].finditer(content)))
    points_back = bare = False
    if stance in _TAKES_UP:
        anaphors = lexicon["anaphors"].matches_all(content)
        residual = content
        for m in sorted([*anaphors, *cues], key=lambda m: -len(m.text)):
            residual = residual.replace(m.text, "")
        near_start = any(m.start < _ANAPHOR_WINDOW for m in anaphors)
        in_context = lexicon["anaphors"].search(context) is not None
        bare = len(_PARTICLES.sub("", residual)) < 4
        points_back = (
            near_start
            or bare
            or (in_context and not content.strip())
            # 否认了这一消息：“…”: a quote answering the claim its cue names
            or (in_context and quoted and stance == Stance.DENIES)
            # a cue that names the rumour it answers: 远低于外界传言
            or any(m.rule.get("points_back") for m in cues)
        )
    return StanceReading(stance, hedges, points_back, bare)
