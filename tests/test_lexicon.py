"""Rule files: the bundled ones load, and malformed lines are reported precisely."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph.errors import DataFileError
from graph.records import Stance
from pipelines.lexicon import DATA_DIR, Lexicon, Rule, RuleSet, load_rules

LANGUAGES = sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir() and any(p.glob("*.jsonl")))
ZH_SETS = (
    "according",
    "anaphors",
    "content_cues",
    "cues",
    "fillers",
    "hedges",
    "pronouns",
    "roles",
    "rumour_markers",
    "sources",
)


def test_bundled_languages_are_found() -> None:
    assert "zh" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_rule_file_loads(language: str) -> None:
    lex = Lexicon.load(language)
    files = sorted((DATA_DIR / language).glob("*.jsonl"))
    assert sorted(lex.sets) == sorted(p.stem for p in files)
    for path in files:
        assert len(load_rules(path)) > 0, path


def test_zh_has_the_rule_sets_attribution_needs() -> None:
    lex = Lexicon.load("zh")
    for name in ZH_SETS:
        assert len(lex[name]) > 0, name


@pytest.mark.parametrize("language", LANGUAGES)
def test_rule_ids_are_unique_across_files(language: str) -> None:
    seen: dict[str, str] = {}
    for path in sorted((DATA_DIR / language).glob("*.jsonl")):
        for rule in load_rules(path):
            assert rule.id not in seen, f"{rule.id} in {path.name} and {seen[rule.id]}"
            seen[rule.id] = path.name


def test_rule_ids_are_unique_across_languages() -> None:
    seen: dict[str, str] = {}
    for language in LANGUAGES:
        for path in sorted((DATA_DIR / language).glob("*.jsonl")):
            for rule in load_rules(path):
                where = f"{language}/{path.name}"
                assert rule.id not in seen, f"{rule.id} in {where} and {seen[rule.id]}"
                seen[rule.id] = where


@pytest.mark.parametrize("language", LANGUAGES)
def test_rule_stances_are_known_and_regexes_compile(language: str) -> None:
    for rs in Lexicon.load(language).sets.values():
        for rule in rs.rules:
            if rule.get("stance") is not None:
                Stance(rule.get("stance"))
            if rule.form == "regex":
                re.compile(rule.pattern)


def test_zh_according_rules_have_the_groups_attribution_reads() -> None:
    for rule in Lexicon.load("zh")["according"].rules:
        groups = re.compile(rule.pattern).groupindex
        assert "cue" in groups, rule.id
        assert set(groups) <= {"cue", "speaker", "via"}, rule.id


def test_zh_roles_are_phrases_with_a_role() -> None:
    for rule in Lexicon.load("zh")["roles"].rules:
        assert rule.form == "phrase", rule.id
        assert rule.get("role"), rule.id


def test_zh_sources_have_a_known_kind() -> None:
    kinds = {"person", "organization", "media", "group", "anonymous"}
    for rule in Lexicon.load("zh")["sources"].rules:
        assert rule.get("kind") in kinds, rule.id


def test_gazetteer_file_has_unique_ids_and_known_kinds() -> None:
    kinds = {"person", "organization", "media", "group", "anonymous"}
    ids: set[str] = set()
    lines = (DATA_DIR / "gazetteer.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip():
            continue
        entry = json.loads(line)
        assert entry["id"] not in ids, entry["id"]
        ids.add(entry["id"])
        assert entry["kind"] in kinds, entry
        assert isinstance(entry.get("aliases", []), list), entry


def test_lexicon_rule_lookup() -> None:
    lex = Lexicon.load("zh")
    assert lex.rule("zh.cue.gaosu").pattern == "告诉"
    with pytest.raises(KeyError):
        lex.rule("zh.no.such.rule")


def test_missing_rule_set_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="no_such_set"):
        Lexicon.load("zh")["no_such_set"]


# -- malformed files -----------------------------------------------------------

GOOD = '{"id": "t.good", "phrase": "表示", "stance": "asserts"}'


def _mentions_line(message: str, lineno: int) -> bool:
    return re.search(rf"\bline {lineno}\b|\.jsonl:{lineno}\b", message) is not None


@pytest.mark.parametrize(
    ("bad_line", "words"),
    [
        pytest.param('{"id": "t.bad", "phrase": "称"', "JSON", id="bad-json"),
        pytest.param("not json at all", "JSON", id="not-json"),
        pytest.param('["t.bad", "称"]', "id", id="not-an-object"),
        pytest.param('{"phrase": "称"}', "id", id="missing-id"),
        pytest.param('{"id": "", "phrase": "称"}', "id", id="empty-id"),
        pytest.param('{"id": 7, "phrase": "称"}', "id", id="id-not-string"),
        pytest.param('{"id": "t.bad", "phrase": "称", "regex": "称"}', "phrase", id="both"),
        pytest.param('{"id": "t.bad", "stance": "denies"}', "phrase", id="neither"),
        pytest.param('{"id": "t.bad", "phrase": ""}', "phrase", id="empty-phrase"),
        pytest.param('{"id": "t.bad", "regex": 3}', "regex", id="regex-not-string"),
        pytest.param('{"id": "t.bad", "regex": "据(?P<cue>称"}', "regex", id="bad-regex"),
        pytest.param('{"id": "t.bad", "phrase": "称", "stance": "maybe"}', "stance", id="stance"),
        pytest.param('{"id": "t.good", "phrase": "说"}', "duplicate", id="duplicate-id"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, bad_line: str, words: str) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    path = folder / "cues.jsonl"
    # line 1 good, line 2 blank, line 3 a comment, line 4 bad
    path.write_text(f"{GOOD}\n\n// a comment\n{bad_line}\n{GOOD.replace('good', 'next')}\n")
    with pytest.raises(DataFileError) as info:
        Lexicon.load("zh", tmp_path)
    message = str(info.value)
    assert str(path) in message
    assert info.value.path == str(path)
    assert _mentions_line(message, 4), message
    assert words.lower() in message.lower(), message


def test_load_rules_reports_the_same_error(tmp_path: Path) -> None:
    path = tmp_path / "hedges.jsonl"
    path.write_text(GOOD + "\n{oops\n")
    with pytest.raises(DataFileError) as info:
        load_rules(path)
    assert str(path) in str(info.value)
    assert _mentions_line(str(info.value), 2)


def test_duplicate_id_across_files_names_both_files(tmp_path: Path) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    (folder / "a.jsonl").write_text(GOOD + "\n")
    (folder / "b.jsonl").write_text('{"id": "t.other", "phrase": "说"}\n' + GOOD + "\n")
    with pytest.raises(DataFileError) as info:
        Lexicon.load("zh", tmp_path)
    message = str(info.value)
    assert str(folder / "b.jsonl") in message
    assert "a.jsonl" in message
    assert "t.good" in message


@pytest.mark.xfail(
    reason="a duplicate id across files is reported without its line number: "
    "'…/b.jsonl: id 't.good' already used in a.jsonl'",
    strict=True,
)
def test_duplicate_id_across_files_names_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    (folder / "a.jsonl").write_text(GOOD + "\n")
    (folder / "b.jsonl").write_text('{"id": "t.other", "phrase": "说"}\n' + GOOD + "\n")
    with pytest.raises(DataFileError) as info:
        Lexicon.load("zh", tmp_path)
    assert _mentions_line(str(info.value), 2), str(info.value)


def test_unreadable_rule_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        load_rules(tmp_path / "missing.jsonl")
    assert "missing.jsonl" in str(info.value)


def test_comments_blank_lines_and_attributes(tmp_path: Path) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    (folder / "cues.jsonl").write_text(
        "// cues\n\n"
        + GOOD
        + "\n"
        + json.dumps({"id": "t.rx", "regex": "据(?P<cue>称)", "stance": "reports", "x": 1})
        + "\n"
    )
    lex = Lexicon.load("zh", tmp_path)
    good, rx = lex["cues"].rules
    assert (good.id, good.form, good.pattern, good.get("stance")) == (
        "t.good",
        "phrase",
        "表示",
        "asserts",
    )
    assert (rx.form, rx.get("stance"), rx.get("x"), rx.get("missing", "d")) == (
        "regex",
        "reports",
        1,
        "d",
    )


# -- matching ------------------------------------------------------------------


def test_ruleset_longest_phrase_first_and_sorted() -> None:
    rs = RuleSet.from_rules(
        [
            Rule("t.short", "phrase", "不实"),
            Rule("t.long", "phrase", "并不真实"),
            Rule("t.mid", "phrase", "不真实"),
            Rule("t.rx", "regex", r"据(?P<cue>称|悉)"),
        ]
    )
    found = [(m.rule.id, m.start, m.text) for m in rs.finditer("据称此消息并不真实，也不实")]
    assert found == [("t.rx", 0, "据称"), ("t.long", 5, "并不真实"), ("t.short", 11, "不实")]
    match = rs.search("据悉")
    assert match is not None and match.group("cue") == "悉" and match.spans["cue"] == (1, 2)
    assert match.group("speaker") is None


def test_ruleset_window_and_empty_matches() -> None:
    rs = RuleSet.from_rules([Rule("t.p", "phrase", "称"), Rule("t.empty", "regex", "x*")])
    assert [m.start for m in rs.finditer("称称称", 1, 2)] == [1]
    assert rs.search("没有") is None
    assert len(rs) == 2
