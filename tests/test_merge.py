import datetime as dt

import pytest

from graph.errors import StoreError
from graph.merge import merge_extraction
from graph.records import (
    ActorKind,
    ActorRef,
    Affiliation,
    Article,
    ExtractedStatement,
    ExtractionResult,
    Stance,
)
from graph.store import Store

TIKTOK = ActorRef("TikTok", ActorKind.ORGANIZATION, aliases=("Tik Tok",))
PROVIDER = ActorRef("服务商", ActorKind.ANONYMOUS, scope="虎嗅网")
GU = ActorRef("顾俊", ActorKind.PERSON, description="Newme创始人")
CLAIM = "Temu欧洲半托管下周开放,一家公司可绑定3个店铺"


def _article(aid: str, day: int, outlet: str = "虎嗅") -> Article:
    return Article(
        aid, f"text {aid}", "zh", title=aid, outlet=outlet, published=dt.date(2026, 10, day)
    )


def _st(local, speaker, stance, *, claim=None, refers=None, start=0, about=()):
    return ExtractedStatement(
        local,
        speaker,
        stance,
        "evidence",
        start,
        start + 8,
        "test.rule",
        claim_text=claim,
        refers_to=refers,
        about=about,
    )


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def test_merge_denial_by_reference_makes_claim_denied(store):
    result = ExtractionResult(
        _article("a1", 20),
        statements=(
            _st("s1", PROVIDER, Stance.ASSERTS, claim=CLAIM, about=(TIKTOK,)),
            _st("s2", GU, Stance.DENIES, refers="s1", start=10),
        ),
    )
    report = merge_extraction(store, result)
    assert report.outcome == "added"
    assert len(report.new_claims) == 1
    claim = store.query("SELECT * FROM claims")[0]
    assert claim["status"] == "denied"
    assert [c["new"] for c in report.status_changes] == ["denied"]
    assert report.status_changes[0]["by"] == "顾俊"
    history = store.query("SELECT status, date FROM status_history ORDER BY seq")
    assert [(h["status"], h["date"]) for h in history] == [
        ("unverified", "2026-10-20"),
        ("denied", "2026-10-20"),
    ]


def test_merge_same_text_twice_is_unchanged(store):
    result = ExtractionResult(
        _article("a1", 20), statements=(_st("s1", PROVIDER, Stance.ASSERTS, claim=CLAIM),)
    )
    merge_extraction(store, result)
    again = merge_extraction(store, result)
    assert again.outcome == "unchanged"
    assert store.count("statements") == 1


def test_merge_same_claim_twice_in_one_article_is_one_claim(store):
    result = ExtractionResult(
        _article("a1", 20),
        statements=(
            _st("s1", PROVIDER, Stance.ASSERTS, claim=CLAIM),
            _st("s2", GU, Stance.ASSERTS, claim=CLAIM + "。", start=20),
        ),
    )
    merge_extraction(store, result)
    assert store.count("claims") == 1
    assert store.count("statements") == 2


def test_merge_resolves_aliases_case_and_width_insensitively(store):
    merge_extraction(
        store,
        ExtractionResult(
            _article("a1", 20),
            mentions=(
                ActorRef("Talkshoplive", ActorKind.ORGANIZATION),
                ActorRef("虎嗅", ActorKind.MEDIA),
            ),
        ),
    )
    merge_extraction(
        store,
        ExtractionResult(
            _article("a2", 21, outlet="虎嗅网"),
            mentions=(ActorRef("ＴａｌｋＳｈｏｐＬｉｖｅ", ActorKind.ORGANIZATION),),
        ),
    )
    names = sorted(r["name"] for r in store.query("SELECT name FROM actors"))
    assert names == ["Talkshoplive", "虎嗅"]


def test_merge_anonymous_sources_are_scoped_to_the_outlet(store):
    insider = ActorRef("业内人士", ActorKind.ANONYMOUS, scope="虎嗅")
    other = ActorRef("业内人士", ActorKind.ANONYMOUS, scope="36氪")
    merge_extraction(store, ExtractionResult(_article("a1", 20), mentions=(insider, other)))
    rows = store.query("SELECT name, scope FROM actors WHERE kind = 'anonymous' ORDER BY scope")
    assert [(r["name"], r["scope"]) for r in rows] == [("业内人士", "36氪"), ("业内人士", "虎嗅")]


def test_merge_status_order_independent_across_articles(tmp_path):
    assert_claim = ExtractionResult(
        _article("a1", 20), statements=(_st("s1", PROVIDER, Stance.ASSERTS, claim=CLAIM),)
    )
    denial = ExtractionResult(
        _article("a2", 28), statements=(_st("s1", GU, Stance.DENIES, claim=CLAIM),)
    )
    finals = []
    for order in ([assert_claim, denial], [denial, assert_claim]):
        with Store(tmp_path / f"{len(finals)}.sqlite") as store:
            for r in order:
                merge_extraction(store, r)
            finals.append(
                store.query(
                    "SELECT c.status, h.status AS h, h.date FROM claims c"
                    " JOIN status_history h ON h.claim_id = c.id ORDER BY h.seq"
                )
            )
    assert finals[0] == finals[1]
    assert finals[0][-1]["status"] == "denied"


def test_merge_affiliation_is_an_edge_and_makes_statements_authoritative(store):
    spokes = ActorRef("Megan Cole", ActorKind.PERSON)
    tsl = ActorRef("Talkshoplive", ActorKind.ORGANIZATION)
    result = ExtractionResult(
        _article("a1", 20),
        affiliations=(Affiliation(spokes, tsl, "spokesperson"),),
        statements=(
            _st("s1", PROVIDER, Stance.ASSERTS, claim="Talkshoplive将与TikTok合作", about=(tsl,)),
            _st("s2", GU, Stance.DENIES, refers="s1", start=10),
            _st("s3", spokes, Stance.CONFIRMS, refers="s1", start=20),
        ),
    )
    merge_extraction(store, result)
    assert store.count("affiliations") == 1
    assert store.query("SELECT status FROM claims")[0]["status"] == "confirmed"


def test_merge_failure_leaves_nothing_half_written(store, monkeypatch):
    result = ExtractionResult(
        _article("a1", 20), statements=(_st("s1", PROVIDER, Stance.ASSERTS, claim=CLAIM),)
    )

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "add_statement", boom)
    with pytest.raises(RuntimeError):
        merge_extraction(store, result)
    for table in ("articles", "actors", "claims", "statements", "aliases"):
        assert store.count(table) == 0, table


def test_store_rejects_a_file_that_is_not_a_store(tmp_path):
    bad = tmp_path / "x.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match=r"x\.sqlite"):
        Store(bad)


def test_store_integrity_check_is_clean_after_merges(store):
    merge_extraction(
        store,
        ExtractionResult(
            _article("a1", 20), statements=(_st("s1", PROVIDER, Stance.ASSERTS, claim=CLAIM),)
        ),
    )
    assert store.integrity_problems() == []
