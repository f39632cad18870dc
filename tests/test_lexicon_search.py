"""RuleSet.search and finditer: the fast paths give what a plain scan of every rule gives."""

from __future__ import annotations

import re

import pytest

from pipelines.lexicon import _NEEDLE_TEXT, Lexicon, Rule, RuleMatch, RuleSet, _needles, _union


def _plain(rs: RuleSet, text: str, pos: int = 0, endpos: int | None = None) -> list[RuleMatch]:
    """The reference: every phrase and every regex rule scanned, then sorted stably."""
    end = len(text) if endpos is None else endpos
    found: list[RuleMatch] = []
    phrases = sorted((r for r in rs.rules if r.form == "phrase"), key=lambda r: -len(r.pattern))
    if phrases:
        by_phrase = {r.pattern: r for r in phrases}
        alternation = re.compile("|".join(re.escape(r.pattern) for r in phrases))
        for m in alternation.finditer(text, pos, end):
            found.append(RuleMatch(by_phrase[m.group()], m.start(), m.end(), m.group()))
    for rule in rs.rules:
        if rule.form != "regex":
            continue
        for m in re.compile(rule.pattern).finditer(text, pos, end):
            if m.end() > m.start():
                spans = {k: m.span(k) for k, v in m.groupdict().items() if v is not None}
                found.append(RuleMatch(rule, m.start(), m.end(), m.group(), spans))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return found


def _key(m: RuleMatch | None) -> tuple[str, int, int, dict[str, tuple[int, int]]] | None:
    return None if m is None else (m.rule.id, m.start, m.end, m.spans)


RULES = RuleSet(
    [
        Rule("p.short", "phrase", "否认"),
        Rule("p.long", "phrase", "否认此事"),
        Rule("r.same", "regex", "否认此事"),  # ties the long phrase: the phrase comes first
        Rule("r.longer", "regex", r"否认此事[了吧]"),  # longer at the same start: first
        Rule("r.named", "regex", r"(?P<who>[张李]\w)称"),
        Rule("r.named2", "regex", r"(?P<who>王\w)说"),  # the same group name in another rule
        Rule("r.flag", "regex", r"(?i)\bdenied\b"),
        Rule("r.empty", "regex", r"x*"),  # empty matches never count
        Rule("r.behind", "regex", r"(?<=对)此"),
    ]
)

TEXTS = [
    "他否认此事了，张三称不知情",
    "王五说：否认此事吧。对此不予置评",
    "The firm DENIED it; 否认",
    "xx否认",
    "没有任何匹配",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_finditer_and_search_agree_with_a_plain_scan(text: str) -> None:
    for pos in range(len(text) + 1):
        for endpos in (None, *range(pos, len(text) + 1)):
            want = [_key(m) for m in _plain(RULES, text, pos, endpos)]
            assert [_key(m) for m in RULES.finditer(text, pos, endpos)] == want
            assert _key(RULES.search(text, pos, endpos)) == (want[0] if want else None)


def test_search_prefers_the_longer_match_then_the_phrase() -> None:
    m = RULES.search("他否认此事了")
    assert m is not None and (m.rule.id, m.text) == ("r.longer", "否认此事了")
    m = RULES.search("他否认此事")
    assert m is not None and m.rule.id == "p.long"


def test_search_and_finditer_keep_named_groups() -> None:
    m = RULES.search("据悉王五说")
    assert m is not None and m.group("who") == "王五"
    assert [m.group("who") for m in RULES.finditer("李四称，王五说")] == ["李四", "王五"]


def test_a_window_is_not_answered_from_another_window() -> None:
    text = "否认此事"
    assert RULES.search(text, 0, 2) is not None and RULES.search(text, 0, 2).text == "否认"
    assert RULES.search(text) is not None and RULES.search(text).text == "否认此事"
    assert list(RULES.finditer(text, 1)) == []
    assert [m.text for m in RULES.finditer(text)] == ["否认此事", "否认此事"]


def test_union_matches_where_some_rule_matches() -> None:
    patterns = [r"(?i)\bdenied\b", r"(?P<who>张\w)称", r"(?P<who>李\w)说", r"(?i:abc)"]
    union = _union(patterns)
    assert union is not None
    assert union.search("they Denied it") and union.search("张三称") and union.search("ABC")
    assert not union.search("李四称") and not union.search("undeniedly")


def test_union_refuses_patterns_that_refer_to_groups() -> None:
    assert _union([r"(a)\1"]) is None
    assert _union([r"(?P<x>a)(?P=x)"]) is None
    assert _union([r"(a)?(?(1)b|c)"]) is None
    # an escaped parenthesis is no group
    union = _union([r"\(?P<x>", r"(?P<x>y)"])
    assert union is not None and union.search("(P<x>") and union.search("P<x>")


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [
        (r"(?:person|source) close to (?:the|its)", {" close to "}),
        (r"(?P<who>[张李]\w)(?:表示|称)", {"表示", "称"}),
        (r"(?<=据)称", {"称"}),  # a lookbehind's literal lies outside the match
        (r"(?:an? )?insider", {"insider"}),  # an optional group gives none
        (r"a{0,2}b", {"b"}),
        (r"(?:x|yy)+z", {"z"}),  # the fewer needles at the same length
        (r"(?:据|)称", {"称"}),  # an empty alternative gives none
        (r"(?i)denied", None),
        (r"(?i:denied) it", {" it"}),
        (r"\d+", None),
    ],
)
def test_needles_lie_inside_every_match(pattern: str, needles: set[str] | None) -> None:
    assert _needles(pattern) == (None if needles is None else frozenset(needles))


@pytest.mark.parametrize("language", ["zh", "en", "stance"])
def test_every_rule_file_agrees_with_a_plain_scan(language: str) -> None:
    samples = [
        "记者就此事向公司求证，对方否认了这一消息，并称此消息不实。网传该公司将裁员。",
        "据知情人士透露，张伟表示：“目前没有这个计划。”对此，公司未予置评。",
        "A spokesperson for the company denied the report, saying it was 'pure speculation'.",
        "Reuters reported, citing two people familiar with the matter, that talks had stalled.",
        "The company declined to comment. Analysts said the rumours were overblown.",
    ]
    for rs in Lexicon.load(language).sets.values():
        for text in samples:
            want = [_key(m) for m in _plain(rs, text)]
            assert [_key(m) for m in rs.finditer(text)] == want
            assert _key(rs.search(text)) == (want[0] if want else None)
            assert _key(rs.search(text, 5, 30)) == next(
                (_key(m) for m in _plain(rs, text, 5, 30)), None
            )
        # long windows are tested with each rule's needles
        text = " ".join(samples) * 2
        assert len(text) > 2 * _NEEDLE_TEXT
        for pos, endpos in [(0, None), (3, _NEEDLE_TEXT + 7), (40, len(text) - 9)]:
            want = [_key(m) for m in _plain(rs, text, pos, endpos)]
            assert [_key(m) for m in rs.finditer(text, pos, endpos)] == want
            assert _key(rs.search(text, pos, endpos)) == (want[0] if want else None)
