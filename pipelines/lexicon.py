"""Rule and lexicon files: JSONL, one rule per line, each with an ``id``.

A rule is either a literal ``phrase`` or a ``regex``; any other fields are
the rule's attributes (``stance``, ``role``, ``canonical`` ...).  Files are
checked when they load: a malformed line raises :class:`DataFileError`
naming the file and line.  Code that applies rules stays generic: it asks a
:class:`RuleSet` for matches and reads the attributes of the rule that
matched, so every extracted statement can name that rule.

Examples
--------
>>> rs = RuleSet.from_rules([Rule("x.deny", "phrase", "不实", {"stance": "denies"})])
>>> [(m.rule.id, m.start) for m in rs.finditer("此消息不实")]
[('x.deny', 3)]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from graph.errors import DataFileError
from graph.records import Stance
from pipelines.memo import remember

__all__ = ["DATA_DIR", "Lexicon", "Rule", "RuleMatch", "RuleSet", "load_rules"]

DATA_DIR = Path(__file__).parent / "data"

_STANCES = {str(s) for s in Stance}


@dataclass(frozen=True)
class Rule:
    id: str
    form: str  # "phrase" or "regex"
    pattern: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)


@dataclass(frozen=True)
class RuleMatch:
    rule: Rule
    start: int
    end: int
    text: str
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def group(self, name: str) -> str | None:
        """Text of a named group of a regex rule, if it matched."""
        span = self.spans.get(name)
        return None if span is None else self.text[span[0] - self.start : span[1] - self.start]


# a named group, not escaped: renamed away in the union test (names repeat across rules)
_NAMED_GROUP = re.compile(r"(?<!\\)((?:\\\\)*)\(\?P<\w+>")
# what a regex test cannot carry over into an alternation: group references, conditionals
_REFERS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
_LEADING_FLAGS = re.compile(r"\(\?([ims]+)\)")
_CACHE_SIZE = 512  # entries per rule set, emptied when full (repeats come within one article)
_CACHE_TEXT = 2000  # longer texts (whole articles) are searched once and not kept
_NEEDLE_TEXT = 200  # from this long on a window is tested with needles, not the union


def _union(patterns: list[str]) -> re.Pattern[str] | None:
    """One regex that matches somewhere iff one of ``patterns`` does, or ``None``.

    Each pattern becomes a non-capturing alternative: named groups lose their
    names (they repeat across rules) and leading global flags (``(?i)``) become
    scoped ones, neither of which changes what matches.  Patterns whose meaning
    depends on group numbers (``\\1``, ``(?P=x)``, ``(?(1)…)``) get no union.
    """
    alts = []
    for pattern in patterns:
        if _REFERS.search(pattern):
            return None
        flags = _LEADING_FLAGS.match(pattern)
        body = _NAMED_GROUP.sub(r"\1(?:", pattern[flags.end() :] if flags else pattern)
        alts.append(f"(?{flags.group(1)}:{body})" if flags else f"(?:{body})")
    try:
        return re.compile("|".join(alts))
    except re.error:
        return None


Needles = frozenset[str]
_REPEATS = frozenset(
    getattr(sre_constants, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(sre_constants, name)
)


def _needles(pattern: str) -> Needles | None:
    """Literal strings one of which lies inside every match of ``pattern``, or ``None``.

    A regex rule whose needles are all absent from a text cannot match there,
    and is not run.  Read from the parsed pattern: runs of literal characters,
    groups, repeats of at least one, and alternatives that each have needles;
    lookarounds are left out (what they see lies outside the match).
    Case-insensitive patterns and groups give none.

    >>> sorted(_needles(r"(?:person|source) close to (?:the|its)"))
    [' close to ']
    >>> sorted(_needles(r"\\b(?:an? )?(?:insider|sources?)\\b"))
    ['insider', 'source']
    """
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _sequence_needles(list(parsed))


def _sequence_needles(items: list[tuple[Any, Any]]) -> Needles | None:
    """The most telling needles of a sequence: the longest shortest needle, then the fewest."""
    options: list[Needles] = []
    run: list[str] = []
    for op, av in items:
        if op == sre_constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        found: Needles | None = None
        if op == sre_constants.SUBPATTERN:
            _group, add_flags, _del_flags, body = av
            if not add_flags & re.IGNORECASE:
                found = _sequence_needles(list(body))
        elif op == sre_constants.ATOMIC_GROUP:
            found = _sequence_needles(list(av))
        elif op in _REPEATS:
            low, _high, body = av
            if low >= 1:
                found = _sequence_needles(list(body))
        elif op == sre_constants.BRANCH:
            branches = [_sequence_needles(list(b)) for b in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        if found:
            options.append(found)
    if run:
        options.append(frozenset(["".join(run)]))
    if not options:
        return None
    return max(options, key=lambda n: (min(map(len, n)), -len(n)))


def _order(m: RuleMatch) -> tuple[int, int]:
    return m.start, m.start - m.end


class RuleSet:
    """A set of rules searched together, longest phrase first.

    Results are kept per ``(text, pos, endpos)``: extraction asks the same rule
    set about the same clause many times.  Callers must not change the
    :class:`RuleMatch` objects they get.
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        phrases = sorted(
            (r for r in self.rules if r.form == "phrase"), key=lambda r: -len(r.pattern)
        )
        self._by_phrase = {r.pattern: r for r in phrases}
        self._phrase_re = (
            re.compile("|".join(re.escape(r.pattern) for r in phrases)) if phrases else None
        )
        regex_rules = [r for r in self.rules if r.form == "regex"]
        self._regexes = [(r, re.compile(r.pattern)) for r in regex_rules]
        # quick tests before trying the regex rules one by one: on a short text, one union of
        # them all; on a long one (where the union is slow), each rule's needles
        self._any_regex = _union([r.pattern for r in regex_rules]) if regex_rules else None
        self._needles = [_needles(r.pattern) for r in regex_rules]
        self._found: dict[tuple[str, int, int], tuple[RuleMatch, ...]] = {}
        self._first: dict[tuple[str, int, int], RuleMatch | None] = {}

    @classmethod
    def from_rules(cls, rules: Iterable[Rule]) -> RuleSet:
        return cls(rules)

    def __len__(self) -> int:
        return len(self.rules)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[RuleMatch]:
        """All non-overlapping matches per rule form, sorted by position.

        At one position a longer match comes first; at the same position and
        length a phrase comes before a regex, and regexes come in file order.
        """
        end = len(text) if endpos is None else endpos
        if len(text) > _CACHE_TEXT:
            return iter(self._find_all(text, pos, end))
        found = remember(
            self._found, (text, pos, end), _CACHE_SIZE, lambda: self._find_all(text, pos, end)
        )
        return iter(found)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> RuleMatch | None:
        """The first match :meth:`finditer` would give, found without listing the others."""
        end = len(text) if endpos is None else endpos
        if len(text) > _CACHE_TEXT:
            return self._find_first(text, pos, end)
        key = (text, pos, end)
        found = self._found.get(key) if key not in self._first else None
        if found is not None:
            return found[0] if found else None
        return remember(self._first, key, _CACHE_SIZE, lambda: self._find_first(text, pos, end))

    def matches_all(self, text: str) -> list[RuleMatch]:
        return list(self.finditer(text))

    def _find_all(self, text: str, pos: int, end: int) -> tuple[RuleMatch, ...]:
        found: list[RuleMatch] = []
        if self._phrase_re is not None:
            by_phrase = self._by_phrase
            for m in self._phrase_re.finditer(text, pos, end):
                found.append(RuleMatch(by_phrase[m.group()], m.start(), m.end(), m.group()))
        sources = 1 if found else 0
        for rule, rx in self._runnable(text, pos, end):
            before = len(found)
            for m in rx.finditer(text, pos, end):
                if m.end() > m.start():
                    found.append(_regex_match(rule, m))
            if len(found) > before:
                sources += 1
        # each source's matches are already in order
        if sources > 1:
            found.sort(key=_order)
        return tuple(found)

    def _find_first(self, text: str, pos: int, end: int) -> RuleMatch | None:
        # each source's first match, in the order finditer lists sources: the
        # earliest start wins, then the longer match, then the earlier source
        best: RuleMatch | None = None
        if self._phrase_re is not None:
            m = self._phrase_re.search(text, pos, end)
            if m is not None:
                best = RuleMatch(self._by_phrase[m.group()], m.start(), m.end(), m.group())
        for rule, rx in self._runnable(text, pos, end):
            for m in rx.finditer(text, pos, end):
                if m.end() > m.start():
                    if best is None or (m.start(), m.start() - m.end()) < _order(best):
                        best = _regex_match(rule, m)
                    break
        return best

    def _runnable(self, text: str, pos: int, end: int) -> list[tuple[Rule, re.Pattern[str]]]:
        """The regex rules that may match in ``text[pos:end]``, in file order."""
        if end - pos >= _NEEDLE_TEXT:
            return [
                rx
                for rx, needles in zip(self._regexes, self._needles, strict=True)
                if needles is None or any(text.find(n, pos, end) >= 0 for n in needles)
            ]
        if self._any_regex is not None and self._any_regex.search(text, pos, end) is None:
            return []
        return self._regexes


def _regex_match(rule: Rule, m: re.Match[str]) -> RuleMatch:
    spans = {k: m.span(k) for k, v in m.groupdict().items() if v is not None}
    return RuleMatch(rule, m.start(), m.end(), m.group(), spans)


def _rule_from_line(path: Path, lineno: int, line: str) -> Rule:
    where = f"{path.name}:{lineno}"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise DataFileError(str(path), f"line {lineno}: not JSON ({err.msg})") from err
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
        raise DataFileError(str(path), f"line {lineno}: a rule needs a string 'id'")
    forms = [f for f in ("phrase", "regex") if f in data]
    if len(forms) != 1 or not isinstance(data[forms[0]], str) or not data[forms[0]]:
        raise DataFileError(str(path), f"line {lineno}: needs exactly one of 'phrase' or 'regex'")
    form = forms[0]
    if form == "regex":
        try:
            re.compile(data["regex"])
        except re.error as err:
            raise DataFileError(str(path), f"line {lineno}: bad regex ({err})") from err
    stance = data.get("stance")
    if stance is not None and stance not in _STANCES:
        raise DataFileError(str(path), f"{where}: unknown stance {stance!r}")
    attrs = {k: v for k, v in data.items() if k not in ("id", form)}
    return Rule(data["id"], form, data[form], attrs)


def load_rules(path: Path) -> tuple[Rule, ...]:
    """Read and check one JSONL rule file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataFileError(str(path), f"cannot read ({err.strerror})") from err
    rules = []
    seen: set[str] = set()
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        rule = _rule_from_line(path, lineno, line)
        if rule.id in seen:
            raise DataFileError(str(path), f"line {lineno}: duplicate id {rule.id!r}")
        seen.add(rule.id)
        rules.append(rule)
    return tuple(rules)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """All rule sets of one language, by file name (``cues`` = ``cues.jsonl``)."""

    language: str
    sets: dict[str, RuleSet]

    def __getitem__(self, name: str) -> RuleSet:
        try:
            return self.sets[name]
        except KeyError:
            raise DataFileError(
                str(DATA_DIR / self.language / f"{name}.jsonl"), "rule file missing"
            ) from None

    def rule(self, rule_id: str) -> Rule:
        for rs in self.sets.values():
            for r in rs.rules:
                if r.id == rule_id:
                    return r
        raise KeyError(rule_id)

    @staticmethod
    @cache
    def load(language: str, data_dir: Path = DATA_DIR) -> Lexicon:
        folder = data_dir / language
        sets: dict[str, RuleSet] = {}
        ids: dict[str, str] = {}
        for path in sorted(folder.glob("*.jsonl")):
            rules = load_rules(path)
            for r in rules:
                if r.id in ids:
                    raise DataFileError(str(path), f"id {r.id!r} already used in {ids[r.id]}")
                ids[r.id] = path.name
            sets[path.stem] = RuleSet(rules)
        return Lexicon(language, sets)
