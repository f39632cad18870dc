"""Text normalisation and web-portal boilerplate removal.

Text convention
---------------
:func:`clean_article_text` treats every non-empty line of the input as one
paragraph (news pages and portal copies put one paragraph per line, headings
included) and returns the kept paragraphs joined by one blank line
(``"\\n\\n"``).  Paragraphs themselves never contain a newline, so character
offsets into the cleaned text are stable across re-ingestion.

Boilerplate rules are data: ``data/boilerplate.jsonl`` holds one JSON object
per line, ``{"id": ..., "pattern": ..., "kind": "line" | "source"}``.  Each
pattern is searched (``re.search``, case-insensitive) in a stripped line;
anchor it with ``^``/``$`` to match whole lines.  A ``source`` pattern names
the original outlet of a republished piece in the group ``outlet``.

Examples
--------
>>> normalise_text("a\\u200b\\r\\nb\\u3000c  ")
'a\\nb c'
>>> normalise_text("ＴｉｋＴｏｋ在２０２６年称，")
'TikTok在2026年称，'
>>> cleaned = clean_article_text("Title\\n\\nBody text.\\n\\nBody text.\\n\\nShare")
>>> cleaned.text
'Title\\n\\nBody text.'
>>> [rule for _, rule in cleaned.dropped_lines]
['dedupe.paragraph', 'boilerplate.en.share']
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import DataFileError

__all__ = [
    "BOILERPLATE_PATH",
    "BoilerplateRule",
    "CleanText",
    "clean_article_text",
    "load_boilerplate_rules",
    "normalise_text",
]

BOILERPLATE_PATH = Path(__file__).parents[1] / "data" / "boilerplate.jsonl"

TRAILING_BLOCK_RULE = "boilerplate.trailing_block"
DEDUPE_RULE = "dedupe.paragraph"
# A trailing navigation block is made of lines at most this long.
TRAILING_LINE_MAX = 20

# Invisible characters dropped: zero-width ones, the soft hyphen and the
# bidirectional marks, embeddings, overrides and isolates (an override can make
# stored text read differently from what it says).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f" + "".join(
    map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
)
_ZERO_WIDTH = dict.fromkeys(map(ord, _INVISIBLE))
_SPACES = {0x3000: " ", 0x00A0: " ", 0x2028: "\n", 0x2029: "\n"}
# Full-width Latin letters and digits (ＴｉｋＴｏｋ, ２０２６) are made ASCII, so
# names and numbers match; full-width punctuation is Chinese text and stays.
_FULL_WIDTH_ALNUM = {
    code: code - 0xFEE0
    for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_MANY_BLANKS = re.compile(r"\n{3,}")
_SENTENCE_END = "。！？.!?…"
_CLOSING_QUOTES = "”’\"'」』"
_KINDS = ("line", "source")


@dataclass(frozen=True)
class BoilerplateRule:
    """One compiled rule of ``boilerplate.jsonl``."""

    id: str
    kind: str
    pattern: re.Pattern[str]


@dataclass
class CleanText:
    """An article body after cleaning.

    ``text`` holds the kept paragraphs joined by ``"\\n\\n"``;
    ``dropped_lines`` lists ``(line, rule_id)`` for every dropped line (pattern
    and duplicate drops in text order, then the trailing block);
    ``republished_from`` is the original outlet named by a credit line.
    """

    text: str
    dropped_lines: list[tuple[str, str]] = field(default_factory=list)
    republished_from: str | None = None


def normalise_text(text: str) -> str:
    """Normalise Unicode, spaces and line endings of ``text``.

    NFC; zero-width characters, soft hyphens and bidirectional controls
    removed; full-width and no-break spaces made plain spaces; full-width
    letters and digits made ASCII; CRLF/CR and Unicode line and paragraph
    separators made LF; other control characters (except newline and tab)
    removed; trailing spaces stripped per line; runs of two or more blank lines
    collapsed to one; leading and trailing blank lines removed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_ZERO_WIDTH).translate(_SPACES).translate(_FULL_WIDTH_ALNUM)
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip("\n")


def _parse_rule(raw: str, where: str, seen: set[str]) -> BoilerplateRule:
    try:
        entry = json.loads(raw)
    except json.JSONDecodeError as err:
        raise DataFileError(where, f"not valid JSON: {err.msg}") from None
    if not isinstance(entry, dict):
        raise DataFileError(where, "a rule must be a JSON object")
    rule_id, pattern, kind = entry.get("id"), entry.get("pattern"), entry.get("kind")
    if not isinstance(rule_id, str) or not rule_id:
        raise DataFileError(where, "rule has no 'id'")
    if rule_id in seen:
        raise DataFileError(where, f"duplicate rule id {rule_id!r}")
    if kind not in _KINDS:
        raise DataFileError(where, f"rule {rule_id!r}: kind must be one of {_KINDS}")
    if not isinstance(pattern, str) or not pattern:
        raise DataFileError(where, f"rule {rule_id!r} has no 'pattern'")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise DataFileError(where, f"rule {rule_id!r}: bad pattern: {err}") from None
    if kind == "source" and "outlet" not in compiled.groupindex:
        raise DataFileError(where, f"rule {rule_id!r}: a source rule needs (?P<outlet>...)")
    seen.add(rule_id)
    return BoilerplateRule(id=rule_id, kind=kind, pattern=compiled)


def load_boilerplate_rules(path: str | Path = BOILERPLATE_PATH) -> tuple[BoilerplateRule, ...]:
    """Read and validate a boilerplate rule file; raise ``DataFileError``.

    Source rules come first, so a credit line is reported under its source rule.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(str(path), f"cannot read: {err}") from None
    seen: set[str] = set()
    rules = [
        _parse_rule(raw, f"{path}:{number}", seen)
        for number, raw in enumerate(lines, start=1)
        if raw.strip()
    ]
    return tuple(sorted(rules, key=lambda rule: rule.kind != "source"))


@functools.cache
def _default_rules() -> tuple[BoilerplateRule, ...]:
    return load_boilerplate_rules(BOILERPLATE_PATH)


def _ends_sentence(line: str) -> bool:
    return line.endswith(tuple(_SENTENCE_END + _CLOSING_QUOTES))


def _is_nav_line(line: str) -> bool:
    return len(line) <= TRAILING_LINE_MAX and not any(c in _SENTENCE_END for c in line)


def _trailing_block_start(paragraphs: list[str]) -> int | None:
    """Index where a trailing navigation block starts, if there is one."""
    last = max((i for i, p in enumerate(paragraphs) if _ends_sentence(p)), default=None)
    if last is None or last == len(paragraphs) - 1:
        # Without any sentence we cannot tell navigation from a short text.
        return None
    tail = paragraphs[last + 1 :]
    return last + 1 if all(_is_nav_line(p) for p in tail) else None


def _clean_outlet(name: str) -> str | None:
    name = name.strip().strip("\"'“”「」《》【】[]()（）:：").strip()
    return name or None


def clean_article_text(text: str, *, rules: tuple[BoilerplateRule, ...] | None = None) -> CleanText:
    """Drop portal boilerplate, duplicate paragraphs and trailing navigation.

    Parameters
    ----------
    text
        Raw article text, one paragraph per line (blank lines are ignored).
    rules
        Boilerplate rules; the bundled ``data/boilerplate.jsonl`` by default.
    """
    rules = _default_rules() if rules is None else rules
    dropped: list[tuple[str, str]] = []
    republished_from: str | None = None
    kept: list[str] = []
    seen: set[str] = set()
    for raw in normalise_text(text).split("\n"):
        line = raw.strip()
        if not line:
            continue
        rule = next((r for r in rules if r.pattern.search(line)), None)
        if rule is not None:
            if rule.kind == "source" and republished_from is None:
                match = rule.pattern.search(line)
                republished_from = _clean_outlet(match.group("outlet")) if match else None
            dropped.append((line, rule.id))
        elif line in seen:
            dropped.append((line, DEDUPE_RULE))
        else:
            seen.add(line)
            kept.append(line)
    start = _trailing_block_start(kept)
    if start is not None:
        dropped.extend((line, TRAILING_BLOCK_RULE) for line in kept[start:])
        kept = kept[:start]
    return CleanText(
        text="\n\n".join(kept), dropped_lines=dropped, republished_from=republished_from
    )
