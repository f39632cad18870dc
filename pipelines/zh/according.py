"""Chinese relayed reports and the outlet's own voice.

A mixin of :class:`pipelines.zh.attribution._ArticleRun`:

* ``according`` patterns: 据X报道 / 据《X》援引Y报道 (Y speaks, via X) / 据称 /
  网传 / 被爆 (the outlet relays a rumour about the last-named actor);
* a rumour quoted as a spreading noun phrase (“X将退出深圳”的说法在…发酵,
  关于X的传言已在…流传, 市场传出X的消息), in the article's own voice;
* a paragraph under an editorial label (编者按：, 风险提示：);
* the clause after a semicolon, carried by the speaker of the clause before.
"""

from __future__ import annotations

from typing import Any

from graph.records import ActorKind, ActorRef, Stance
from pipelines.lexicon import Lexicon
from pipelines.zh.quotes import Quote
from pipelines.zh.speakers import SpeakerParser

__all__ = ["AccordingPass"]

# heads guessed from the shape of a name, and cues only a publication uses
_GUESSED = ("latin_name", "org_name", "pos_name")
_PUBLISHING = ("报道", "报导")


class AccordingPass:
    """Relayed reports of :class:`pipelines.zh.attribution._ArticleRun` (a mixin)."""

    text: str
    lex: Lexicon
    scope: str | None
    parser: SpeakerParser
    mentions: list[Any]
    quotes: list[Quote]
    consumed: list[tuple[int, int]]
    out: Any
    gaz: Any

    # provided by the run and its other mixins
    _in_quote: Any
    _is_consumed: Any
    _cues: Any
    _parse_speaker: Any
    _inside_reported_speech: Any
    _speaker_ref: Any
    _outlet_ref: Any
    _known: Any
    _content_end: Any
    _add: Any

    def _quoted_rumour_pass(self, s0: int, s1: int) -> None:
        """“X将退出深圳”的说法在司机群中发酵: the outlet relays X."""
        for m in self.lex["quoted_rumours"].finditer(self.text, s0, s1):
            if self._in_quote(m.start) or self._is_consumed(m.start, m.end):
                continue
            if m.rule.get("own_voice") and self._inside_reported_speech(s0, m.start):
                continue  # X表示，市场传出…的消息不合常理: the rumour is X's topic, not a relay
            self.consumed.append((m.start, m.end))
            # 提及的丰禾粮油“计划借款”一说: the rumour is about a name the article knows
            subject = (m.group("subject") or "").strip()
            known = {x.name for x in self.mentions} | self.parser.orgs
            self._add(
                speaker=self._outlet_ref(),
                sp=None,
                sentence=(s0, s1),
                content=m.spans["content"],
                rule=m.rule.id,
                cue=m.group("cue") or m.text,
                base=Stance(m.rule.get("stance", "reports")),
                quote=False,
                confidence=0.6,
                subject=subject if subject in known else "",
            )

    def _according_pass(self, s0: int, s1: int, bound: list[Quote]) -> None:
        for m in self.lex["according"].finditer(self.text, s0, s1):
            if self._in_quote(m.start) or self._is_consumed(m.start, m.end):
                continue
            content = (m.end, self._content_end(m.end, s1, bound))
            rule = m.rule.id
            base = Stance(m.rule.get("stance", "reports"))
            via: ActorRef | None = None
            subject = ""
            own = self._own_outlet(*m.spans["speaker"]) if "speaker" in m.spans else None
            if m.rule.get("own_only") and (own is None or self._speech_follows(m.end, s1)):
                continue  # 记者注意到，此前已有自媒体爆料称…: the source that follows speaks
            if own is not None:
                # 据本报记者了解 / 36氪独家获悉: the article's outlet, its own finding (C2)
                sp, speaker, confidence = None, own, 0.7
            elif "speaker" in m.spans:
                a, b = m.spans["speaker"]
                sp = self.parser.parse(a, b)
                speaker = self._speaker_ref(sp) if sp else None
                if speaker is None:
                    continue
                if sp is not None and sp.how in _GUESSED and m.group("cue") in _PUBLISHING:
                    # 据日本媒体Game Watch报道: whoever 报道 is a publication
                    speaker = ActorRef(speaker.name, ActorKind.MEDIA, speaker.aliases)
                if "via" in m.spans:
                    via = self._known(m.group("via").strip("《》"), ActorKind.MEDIA)
                    if speaker.kind == ActorKind.ANONYMOUS:
                        # quoted by that outlet, so scoped to it
                        speaker = ActorRef(
                            speaker.name,
                            speaker.kind,
                            speaker.aliases,
                            speaker.description,
                            scope=via.name,
                        )
                elif self.scope:
                    via = self._outlet_ref()
                confidence = 0.8
            else:
                if self._inside_reported_speech(s0, m.start):
                    continue
                sp = None
                speaker = self._outlet_ref()
                confidence = 0.6
                if m.rule.id.endswith("passive"):
                    subj = self._passive_subject(m.start)
                    if subj is None:
                        continue
                    subject = subj
            self.consumed.append((m.start, m.end))
            self._add(
                speaker=speaker,
                sp=sp,
                sentence=(s0, s1),
                content=content,
                rule=rule,
                cue=m.group("cue") or m.text,
                base=base,
                quote=False,
                confidence=confidence,
                via=via,
                subject=subject,
            )

    def _speech_follows(self, start: int, end: int) -> bool:
        """Whether the first clause of ``text[start:end]`` holds a speech cue (有店员爆料称)."""
        stop = next((i for i in range(start, end) if self.text[i] in "，,；;。"), end)
        return bool(self._cues(start, stop))

    def _own_outlet(self, start: int, end: int) -> ActorRef | None:
        """The article's outlet when ``text[start:end]`` names it or its newsroom only."""
        if not self.scope:
            return None
        phrase = self.text[start:end]
        words = list(self.lex["own_outlet"].finditer(phrase))
        rest, at = [], 0
        for w in words:
            rest.append(phrase[at : w.start])
            at = max(at, w.end)
        name = ("".join(rest) + phrase[at:]).strip(" 《》的")
        if name and self.gaz.canonical(name) != self.scope:
            return None
        if not name and not words:
            return None
        return self._outlet_ref()

    def _passive_subject(self, pos: int) -> str | None:
        for m in reversed(self.mentions):
            if (
                m.end <= pos
                and pos - m.end < 120
                and m.kind
                in (
                    ActorKind.ORGANIZATION,
                    ActorKind.PERSON,
                )
            ):
                return m.name
        return None

    def _editorial_pass(self, s0: int, s1: int) -> None:
        """编者按：… / 风险提示：…: a labelled paragraph is the outlet's own voice."""
        if (s0 > 0 and self.text[s0 - 1] != "\n") or not self.scope:
            return
        m = self.lex["editorial_labels"].search(self.text[s0:s1])
        if m is None:
            return
        self._add(
            speaker=self._outlet_ref(),
            sp=None,
            sentence=(s0, s1),
            content=(s0 + m.end, s1),
            rule=m.rule.id,
            cue=m.text.strip("：: ，,"),
            base=Stance.ASSERTS,
            quote=False,
            confidence=0.6,
        )

    def _semicolon_carry(self, s0: int, s1: int) -> bool:
        """X估算，A； then B。: the clause after the semicolon is X's too."""
        before = self.text[:s0].rstrip()
        if not before.endswith(("；", ";")) or not self.out.statements:
            return False
        last = self.out.statements[-1]
        if last.quote is not None or last.end < len(before) or last.rule.startswith("zh.qa"):
            return False
        if any(self._parse_speaker(s0, c.start, s0) for c in self._cues(s0, s1)):
            return False
        if any(s0 <= q.open < s1 for q in self.quotes):
            return False
        if self.lex["according"].search(self.text, s0, s1) is not None:
            return False
        return self._add(
            speaker=last.speaker,
            sp=None,
            sentence=(s0, s1),
            content=(s0, s1),
            rule=last.rule,
            cue=last.cue,
            base=Stance.ASSERTS,
            quote=False,
            confidence=last.confidence - 0.1,
            via=last.via,
        )
