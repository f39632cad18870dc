"""The evaluation harness: scoring on hand-made predictions, gold checks, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import InputError
from pipelines.evaluation import (
    ArticlePrediction,
    ClaimLink,
    GoldActor,
    GoldArticle,
    GoldStatement,
    PredictedActor,
    PredictedStatement,
    load_gold_dir,
    load_gold_file,
    match_statements,
    same_descriptor,
    score_article,
    score_corpus,
    speaker_matches,
    trap_hit,
)

TEXT = (
    "据知情人士透露，Tidewave美区跨境小店将于下月正式开放。\n\n"
    "对此，Tidewave创始人沈立言回应称：“此消息不实。”\n\n"
    "有网友在《今夜娱乐》节目中看到相关讨论。"
)
GOLD = GoldArticle(
    id="g1",
    split="dev",
    path="g1.json",
    text=TEXT,
    outlet="虎嗅",
    actors=(
        GoldActor("知情人士", "anonymous"),
        GoldActor("Tidewave", "organization"),
        GoldActor("沈立言", "person"),
    ),
    statements=(
        GoldStatement("知情人士", "美区跨境小店将于下月正式开放", "asserts"),
        GoldStatement("沈立言", "此消息不实", "denies", refers_to=0),
    ),
    traps=("今夜娱乐",),
)


def _st(
    sid: str,
    speaker: str,
    stance: str,
    claim_id: str,
    claim: str,
    *,
    evidence: str = "",
    quote: str | None = None,
    start: int = 0,
    aliases: tuple[str, ...] = (),
    kind: str = "",
) -> PredictedStatement:
    return PredictedStatement(
        id=sid,
        speaker=speaker,
        stance=stance,
        claim_id=claim_id,
        claim_text=claim,
        evidence=evidence or claim,
        quote=quote,
        start=start,
        rule="test",
        speaker_aliases=aliases,
        speaker_kind=kind,
    )


RUMOUR = _st("s1", "知情人士 @ 虎嗅", "asserts", "c1", "Tidewave美区跨境小店将于下月正式开放")
DENIAL = _st(
    "s2",
    "沈立言",
    "denies",
    "c1",
    "Tidewave美区跨境小店将于下月正式开放",
    evidence="对此，Tidewave创始人沈立言回应称：“此消息不实。”",
    quote="此消息不实。",
    start=40,
)
ACTORS = (
    PredictedActor("知情人士 @ 虎嗅", ("知情人士",)),
    PredictedActor("Tidewave"),
    PredictedActor("沈立言"),
)


def _score(*statements: PredictedStatement, actors: tuple[PredictedActor, ...] = ACTORS):
    return score_article(GOLD, ArticlePrediction(statements=statements, actors=actors))


def test_score_perfect_prediction():
    s = _score(RUMOUR, DENIAL)
    assert (s.statements.precision, s.statements.recall, s.statements.f1) == (1.0, 1.0, 1.0)
    assert s.speaker.rate == 1.0 and s.stance.rate == 1.0
    assert s.actors.f1 == 1.0
    assert (s.denial_links.found, s.denial_links.total) == (1, 1)
    assert (s.traps.found, s.traps.total) == (1, 1)
    assert not (s.missed or s.spurious or s.missed_actors or s.spurious_actors)


def test_score_missing_statement_lowers_recall_and_loses_the_denial_link():
    s = _score(RUMOUR)
    assert s.statements.precision == 1.0 and s.statements.recall == 0.5
    assert s.missed == [1]
    assert s.missed_denial_links == [1] and s.denial_links.found == 0


def test_score_wrong_speaker_counts_in_speaker_accuracy_not_in_f1():
    wrong = _st(
        "s2",
        "Tidewave",
        "denies",
        "c1",
        DENIAL.claim_text,
        evidence=DENIAL.evidence,
        quote=DENIAL.quote,
        start=40,
    )
    s = _score(RUMOUR, wrong)
    assert len(s.matches) == 2  # still evidence-matched
    assert (s.speaker.found, s.speaker.total) == (1, 2)
    assert s.statements.right == 1 and s.statements.f1 == 0.5
    assert s.denial_links.found == 1  # the link is about claims, not speakers


def test_score_wrong_stance_is_right_for_f1_but_not_for_stance_accuracy():
    wrong = _st(
        "s2",
        "沈立言",
        "asserts",
        "c1",
        DENIAL.claim_text,
        evidence=DENIAL.evidence,
        quote=DENIAL.quote,
        start=40,
    )
    s = _score(RUMOUR, wrong)
    assert s.statements.f1 == 1.0
    assert (s.stance.found, s.stance.total) == (1, 2)


def test_score_spurious_prediction_lowers_precision():
    extra = _st("s3", "网友", "asserts", "c9", "相关讨论", start=60)
    s = _score(RUMOUR, DENIAL, extra)
    assert s.statements.precision == pytest.approx(2 / 3) and s.statements.recall == 1.0
    assert s.spurious == [2]


@pytest.mark.parametrize(
    ("quote", "claim", "hit"),
    [
        ("《今夜娱乐》", "网友看到讨论", True),  # the title became a quote
        (None, "今夜娱乐", True),  # ... or the claim
        (None, "今夜娱乐节目", True),  # ... or most of it (4 of 6 chars)
        (None, "有网友在今夜娱乐节目中看到相关讨论", False),  # a small part of a real claim
    ],
)
def test_trap_hit(quote, claim, hit):
    pred = _st("s9", "网友", "asserts", "c9", claim, quote=quote)
    assert trap_hit("今夜娱乐", [pred]) is hit
    assert (_score(RUMOUR, DENIAL, pred).traps.found == 0) is hit


def test_denial_link_missed_when_the_denial_has_its_own_claim():
    alone = _st(
        "s2",
        "沈立言",
        "denies",
        "c2",
        "此消息不实",
        evidence=DENIAL.evidence,
        quote=DENIAL.quote,
        start=40,
    )
    s = _score(RUMOUR, alone)
    assert s.statements.f1 == 1.0
    assert s.missed_denial_links == [1]


@pytest.mark.parametrize(
    ("gold", "speaker", "aliases", "ok"),
    [
        ("TikTok", "ＴＩＫＴＯＫ", (), True),  # case and width
        ("TikTok", "抖音国际版", ("TikTok",), True),  # an alias of the predicted actor
        ("Talk Shop Live", "TalkShopLive", (), True),  # spacing
        ("业内人士", "业内人士 @ 虎嗅", (), True),  # outlet scope of an anonymous source
        ("TikTok", "Tidewave", (), False),
    ],
)
def test_speaker_matches_alias_insensitive(gold, speaker, aliases, ok):
    pred = _st("s", speaker, "asserts", "c", "x", aliases=aliases)
    assert speaker_matches(gold, pred) is ok


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("授权门店店主", "星澜授权门店店主 @ 财联社", True),  # the outlet's qualifier
        ("江淮农商银行内部人士", "银行内部人士 @ 经济报", True),
        ("业内人士", "知情人士 @ 虎嗅", False),  # two kinds of source
        ("人", "知情人 @ 虎嗅", False),  # one character is no descriptor
        ("store manager", "manager at the Elm Street store @ Gazette", True),
        ("distributors", "one of the distributors @ Reuters", True),
        ("SorrelOwners forum user", "user on the SorrelOwners forum @ Voltlog", True),
        ("people familiar with the matter", "a person familiar with the talks", True),
        ("people familiar with the matter", "industry analysts", False),
        ("sources", "people familiar with the matter", False),
    ],
)
def test_same_descriptor(gold, predicted, same):
    assert same_descriptor(gold, predicted) is same


@pytest.mark.parametrize(
    ("gold_kind", "pred_kind", "ok"),
    [
        ("anonymous", "anonymous", True),
        ("group", "anonymous", True),
        ("person", "anonymous", False),  # a named gold speaker needs its name
        ("anonymous", "person", False),
        ("anonymous", "", False),
    ],
)
def test_unnamed_speakers_match_by_descriptor_only_when_both_are_unnamed(gold_kind, pred_kind, ok):
    pred = _st("s", "华东地区院线经理 @ 影市周报", "asserts", "c", "x", kind=pred_kind)
    assert speaker_matches("院线经理", pred, gold_kind) is ok
    assert speaker_matches("院线经理", pred) is False  # no kind given: names only


def test_unnamed_actors_match_by_descriptor_after_names():
    gold = GoldArticle(
        id="g2",
        split="dev",
        path="g2.json",
        text="文",
        actors=(GoldActor("院线经理", "anonymous"), GoldActor("星海影业", "organization")),
    )
    preds = (
        PredictedActor("华东地区院线经理 @ 影市周报", kind="anonymous"),
        PredictedActor("星海", kind="organization"),  # a named actor is never guessed at
    )
    s = score_article(gold, ArticlePrediction(actors=preds))
    assert s.actors.right == 1
    assert s.missed_actors == ["星海影业"] and s.spurious_actors == ["星海"]


def test_match_prefers_quote_or_claim_over_evidence_sentence():
    # both predictions share the sentence; only the second has the key in its claim
    sentence = "甲说乙将上线，丙说丁已关闭。"
    gold = (GoldStatement("丙", "丁已关闭", "asserts"),)
    first = _st("a", "甲", "asserts", "c1", "乙将上线", evidence=sentence, start=0)
    second = _st("b", "丙", "asserts", "c2", "丁已关闭", evidence=sentence, start=0)
    [m] = match_statements(gold, [first, second])
    assert m.pred == 1 and m.by_claim


def test_match_is_one_to_one():
    gold = (GoldStatement("甲", "乙将上线", "asserts"), GoldStatement("甲", "乙将上线", "asserts"))
    [m] = match_statements(gold, [_st("a", "甲", "asserts", "c1", "乙将上线")])
    assert m.gold == 0


def test_actors_alias_and_spurious():
    s = _score(
        RUMOUR,
        DENIAL,
        actors=(
            PredictedActor("某公司", ("Tidewave",)),
            PredictedActor("知情人士 @ 虎嗅"),
            PredictedActor("沈某"),
        ),
    )
    assert (s.actors.right, s.actors.predicted, s.actors.gold) == (2, 3, 3)
    assert s.missed_actors == ["沈立言"] and s.spurious_actors == ["沈某"]


def test_claim_links_across_articles():
    other = GoldArticle(
        id="g2",
        split="dev",
        path="g2.json",
        text="外媒称美区跨境小店将于下月正式开放。",
        statements=(GoldStatement("外媒", "美区跨境小店将于下月正式开放", "reports"),),
    )
    linked = GoldArticle(**{**vars(GOLD), "claim_links": (ClaimLink(0, "g2", 0),)})
    same = _st("t1", "外媒", "reports", "c1", "美区跨境小店将于下月正式开放")
    elsewhere = _st("t1", "外媒", "reports", "c7", "美区跨境小店将于下月正式开放")
    base = ArticlePrediction(statements=(RUMOUR, DENIAL), actors=ACTORS)
    found = score_corpus([linked, other], {"g1": base, "g2": ArticlePrediction((same,))})
    assert found.scores[0].claim_links.found == 1
    missed = score_corpus([linked, other], {"g1": base, "g2": ArticlePrediction((elsewhere,))})
    assert missed.scores[0].claim_links.found == 0 and missed.summary().claim_links.total == 1
    # a link into an article that is not evaluated (another split) is not counted
    assert score_corpus([linked], {"g1": base}).summary().claim_links.total == 0


# -- gold files ------------------------------------------------------------------
ARTICLES = [
    {
        "id": "zh-t-01",
        "article": {
            "title": "传美区跨境小店将开放",
            "outlet": "虎嗅",
            "published": "2026-10-20",
            "language": "zh",
            "text": "据知情人士透露，Tidewave美区跨境小店将于下月正式开放。\n\n"
            "对此，Tidewave创始人沈立言回应称：“此消息不实。”",
        },
        "actors": [
            {"name": "知情人士", "kind": "anonymous"},
            {"name": "Tidewave", "kind": "organization"},
            {"name": "沈立言", "kind": "person"},
        ],
        "statements": [
            {"speaker": "知情人士", "key": "美区跨境小店将于下月正式开放", "stance": "asserts"},
            {"speaker": "沈立言", "key": "此消息不实", "stance": "denies", "refers_to": 0},
        ],
        "traps": [],
        "notes": "anonymous source's claim, denied by anaphor",
    },
    {
        "id": "zh-t-02",
        "article": {
            "title": "Tidewave招聘物流团队",
            "outlet": "36氪",
            "published": "2026-10-22",
            "language": "zh",
            "text": "据外媒Axios报道，Tidewave正在美国招聘约20名物流员工。\n\n"
            "业内人士表示，这是为美区跨境小店做准备。",
        },
        "actors": [
            {"name": "Axios", "kind": "media"},
            {"name": "Tidewave", "kind": "organization"},
            {"name": "业内人士", "kind": "anonymous"},
        ],
        "statements": [
            {"speaker": "Axios", "key": "招聘约20名物流员工", "stance": "asserts", "via": "36氪"},
            {"speaker": "业内人士", "key": "为美区跨境小店做准备", "stance": "asserts"},
        ],
        "traps": [],
        "notes": "据外媒X报道 relay",
    },
]


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    return path


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    root = tmp_path / "gold"
    _write(root / "zh" / "dev" / "zh-t-01.json", ARTICLES[0])
    _write(root / "zh" / "test" / "zh-t-02.json", ARTICLES[1])
    return root


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            {"statements": [{"speaker": "甲", "key": "不在文中的话", "stance": "asserts"}]},
            "does not occur in the article text",
        ),
        (
            {"statements": [{"speaker": "甲", "key": "此消息不实", "stance": "rumours"}]},
            "stance 'rumours'",
        ),
        (
            {
                "statements": [
                    {"speaker": "甲", "key": "此消息不实", "stance": "denies", "refers_to": 3}
                ]
            },
            "refers_to must be a statement index",
        ),
        ({"actors": [{"name": "甲", "kind": "alien"}]}, "kind 'alien'"),
        ({"article": {"title": "x"}}, "'text' must be a non-empty string"),
    ],
)
def test_malformed_gold_is_named_and_the_rest_still_load(gold_dir, change, reason):
    bad = _write(gold_dir / "zh" / "dev" / "zh-bad.json", {**ARTICLES[0], "id": "bad", **change})
    golds, problems = load_gold_dir(gold_dir)
    assert [g.id for g in golds] == ["zh-t-01", "zh-t-02"]
    [problem] = problems
    assert problem.startswith(str(bad)) and reason in problem


def test_gold_split_from_folder_and_bad_json(gold_dir):
    (gold_dir / "zh" / "test" / "broken.json").write_text("{", "utf-8")
    golds, problems = load_gold_dir(gold_dir, ("test",))
    assert [(g.id, g.split) for g in golds] == [("zh-t-02", "test")]
    assert len(problems) == 1 and "not valid JSON" in problems[0]


def _sourced(source: str) -> dict:
    article = {k: v for k, v in ARTICLES[0]["article"].items() if k != "text"}
    return {**ARTICLES[0], "article": {**article, "source": source}}


def test_gold_article_text_read_from_a_source_file_beside_it(gold_dir):
    text_file = gold_dir / "zh" / "texts" / "t01.txt"
    text_file.parent.mkdir(parents=True)
    text_file.write_text(ARTICLES[0]["article"]["text"], "utf-8")
    _write(gold_dir / "zh" / "dev" / "zh-t-01.json", _sourced("../texts/t01.txt"))
    golds, problems = load_gold_dir(gold_dir, ("dev",))
    assert problems == []
    [gold] = golds
    assert gold.text == ARTICLES[0]["article"]["text"]
    assert gold.source == str(text_file.resolve())


def test_gold_article_source_from_the_repository_root(tmp_path, monkeypatch):
    import pipelines.evaluation.gold

    root = tmp_path / "repo"
    (root / "texts").mkdir(parents=True)
    (root / "texts" / "t01.txt").write_text(ARTICLES[0]["article"]["text"], "utf-8")
    monkeypatch.setattr(pipelines.evaluation.gold, "REPO_ROOT", root)
    # not beside the gold file (no texts/ there), so from the root
    path = _write(tmp_path / "anywhere" / "g.json", _sourced("texts/t01.txt"))
    gold = load_gold_file(path)
    assert gold.source == str(root / "texts" / "t01.txt") and gold.split == "dev"


@pytest.mark.parametrize(
    ("article", "reason"),
    [
        ({"source": "../texts/missing.txt"}, "article source '../texts/missing.txt' not found"),
        ({"source": "../texts/t01.txt", "text": "甲称：“乙。”"}, "has both 'text' and 'source'"),
        ({"source": ""}, "'source' must be a non-empty string"),
    ],
)
def test_gold_article_source_problems_are_one_line(gold_dir, article, reason):
    bad = _write(gold_dir / "zh" / "dev" / "zh-bad.json", {**ARTICLES[0], "article": article})
    golds, problems = load_gold_dir(gold_dir)
    assert [g.id for g in golds] == ["zh-t-01", "zh-t-02"]
    [problem] = problems
    assert problem.startswith(str(bad)) and reason in problem and "\n" not in problem
    with pytest.raises(InputError, match=r"zh-bad\.json"):
        load_gold_file(bad)


# -- the command, end to end --------------------------------------------------------
@pytest.mark.slow
def test_cli_evaluate_end_to_end(gold_dir, tmp_path, capsys):
    from pipelines.cli import main

    out = tmp_path / "figures.json"
    assert main(["evaluate", str(gold_dir), "--verbose", "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "zh-t-01" in text and "== test" in text and "overall (2)" in text
    figures = json.loads(out.read_text("utf-8"))
    assert [a["id"] for a in figures["articles"]] == ["zh-t-01", "zh-t-02"]
    assert set(figures["splits"]) == {"dev", "test"}
    assert figures["overall"]["statements"]["gold"] == 4
    assert figures["overall"]["denial_links"]["total"] == 1
    # thresholds apply to the test split when there is one
    f1 = figures["splits"]["test"]["statements"]["f1"]
    assert main(["evaluate", str(gold_dir), "--min-statement-f1", str(f1)]) == 0
    assert "thresholds met (test)" in capsys.readouterr().out
    assert main(["evaluate", str(gold_dir), "--min-statement-f1", str(f1 + 0.001)]) == 1
    assert "thresholds NOT met (test)" in capsys.readouterr().out
    # a malformed file: named on stderr, the others still scored, exit 2
    _write(gold_dir / "zh" / "dev" / "zh-bad.json", {"id": "zh-bad"})
    assert main(["evaluate", str(gold_dir), "--split", "dev"]) == 2
    captured = capsys.readouterr()
    assert "zh-bad.json: 'article' must be an object" in captured.err
    assert "zh-t-01" in captured.out


def test_cli_evaluate_usage_errors(tmp_path, capsys):
    from pipelines.cli import main

    assert main(["evaluate", str(tmp_path / "nowhere")]) == 2
    assert "no such directory" in capsys.readouterr().err
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "no gold articles" in capsys.readouterr().err


def test_statements_of_one_sentence_keep_extraction_order() -> None:
    """Two denials in one sentence, each taking up its own rumour, are told apart."""
    from pipelines.evaluation.predict import _extraction_order

    def row(sid: str, start: int, claim: str, text: str | None, stance: str) -> dict[str, object]:
        return {
            "id": sid,
            "start": start,
            "end": start + 40,
            "rule": "r",
            "stance": stance,
            "claim_id": claim,
            "claim_text": text,
        }

    rows = [
        row("s_b", 100, "c_second", None, "denies"),  # stored first, extracted second
        row("s_a", 100, "c_first", None, "denies"),
        row("r2", 50, "c_second", "second rumour", "reports"),
        row("r1", 10, "c_first", "first rumour", "reports"),
    ]
    extracted = [
        (10, 50, "r", "reports", -1),
        (50, 90, "r", "reports", -1),
        (100, 140, "r", "denies", 10),
        (100, 140, "r", "denies", 50),
    ]
    order = _extraction_order(rows, extracted)
    assert order["s_a"] < order["s_b"]
    assert order["r1"] < order["r2"] < order["s_a"]
