"""Actor mentions in a document: gazetteer entities and source descriptors.

Gazetteer mentions come from spaCy's entity ruler (label = actor kind, id =
canonical name); anonymous-source and group descriptors (业内人士, 接近…的人士,
"people familiar with the matter", sellers) come from the language's
``sources.jsonl`` rules.  Overlaps keep the longer mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from graph.records import ActorKind
from pipelines.lexicon import Lexicon

__all__ = ["Mention", "find_mentions"]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # canonical name
    kind: ActorKind
    surface: str
    rule: str
    # what a descriptor says about where the source is, kept out of its name (华东地区 of
    # 华东地区院线经理): its description
    qualifier: str = ""

    @property
    def is_source_descriptor(self) -> bool:
        return self.rule != "gazetteer"


def find_mentions(doc: Doc, lexicon: Lexicon) -> list[Mention]:
    """All actor mentions of ``doc``, sorted, without overlaps."""
    found: list[Mention] = [
        Mention(
            ent.start_char,
            ent.end_char,
            ent.ent_id_ or ent.text,
            ActorKind(ent.label_.lower()),
            ent.text,
            "gazetteer",
        )
        for ent in doc.ents
        if ent.label_.lower() in ActorKind.__members__.values()
    ]
    for m in lexicon["sources"].finditer(doc.text):
        canonical = m.rule.get("canonical", m.text)
        if canonical == "{match}":
            name = m.text
        elif canonical.startswith("{") and canonical.endswith("}"):
            # a named group of the rule: "一位小米供应链人士" -> 小米供应链人士
            name = m.group(canonical[1:-1]) or m.text
        else:
            name = canonical
        qualifier = ""
        if "qualifiers" in lexicon.sets and ActorKind(m.rule.get("kind")) == ActorKind.ANONYMOUS:
            qualifier = _qualifier(name, lexicon)
            name = name[len(qualifier) :]
        found.append(
            Mention(
                m.start, m.end, name, ActorKind(m.rule.get("kind")), m.text, m.rule.id, qualifier
            )
        )
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            if (m.end - m.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def _qualifier(name: str, lexicon: Lexicon) -> str:
    """The leading region of a Chinese source descriptor, or "" (华东地区 of 华东地区院线经理).

    A region (``qualifiers.jsonl``) says where the source is, not who: it goes to the
    description.  An organisation stays in the name (星澜授权门店店主 and another
    brand's shop owner are different sources), and so does a 接近…的 descriptor.
    What remains keeps at least two characters.
    """
    if "的" in name:
        return ""
    for m in lexicon["qualifiers"].finditer(name):
        if m.start == 0 and len(name) - m.end >= 2:
            return name[: m.end]
    return ""
