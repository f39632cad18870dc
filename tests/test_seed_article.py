"""End to end on the real article this product was conceived from (read from ../shared)."""

import pytest

from graph.store import Store
from pipelines.ingest import ingest_paths


@pytest.fixture(scope="module")
def seed_store(seed_article_path, tmp_path_factory, extractor):
    path = tmp_path_factory.mktemp("seed") / "seed.sqlite"
    store = Store(path)
    summary = ingest_paths([seed_article_path], store, extractor=extractor)
    assert summary.count("added") == 1
    yield store
    store.close()


def _statements(store):
    return store.query(
        "SELECT s.*, a.name AS speaker, a.kind AS speaker_kind, c.text AS claim, c.status"
        " FROM statements s JOIN actors a ON a.id = s.speaker_id"
        " JOIN claims c ON c.id = s.claim_id ORDER BY s.start"
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("顾俊", "person"),
        ("安迪", "person"),
        ("DC.Wang", "person"),
        ("吴萌", "person"),
        ("Axios", "media"),
        ("Talkshoplive", "organization"),
        ("虎嗅", "media"),
        ("eMarketer", "organization"),
        ("TikTok", "organization"),
        ("业内人士", "anonymous"),
        ("知情人士", "anonymous"),
        ("服务商", "anonymous"),
    ],
)
def test_seed_actor_found(seed_store, name, kind):
    rows = seed_store.query("SELECT kind, scope FROM actors WHERE name = ?", (name,))
    assert rows, f"{name} not among the actors"
    assert rows[0]["kind"] == kind
    if kind == "anonymous":
        assert rows[0]["scope"] == "虎嗅"


def test_seed_service_provider_claim_denied_by_gu_jun(seed_store):
    rows = [s for s in _statements(seed_store) if "派安盈" in s["claim"]]
    assert rows, "the service provider's claim is missing"
    claim_ids = {s["claim_id"] for s in rows}
    assert len(claim_ids) == 1
    stances = {(s["speaker"], s["stance"]) for s in rows}
    assert ("服务商", "asserts") in stances
    assert ("顾俊", "denies") in stances
    assert rows[0]["status"] == "denied"
    assert "5个TikTok账号" in rows[0]["claim"]


def test_seed_axios_is_speaker_of_logistics_hiring(seed_store):
    rows = [s for s in _statements(seed_store) if "物流" in s["claim"] and "雇佣" in s["claim"]]
    assert [s["speaker"] for s in rows] == ["Axios"]
    assert rows[0]["rule"].startswith("zh.according")
    via = seed_store.query("SELECT name FROM actors WHERE id = ?", (rows[0]["via_id"],))
    assert via and via[0]["name"] == "虎嗅"


def test_seed_founder_affiliation(seed_store):
    rows = seed_store.query(
        "SELECT m.name AS member, o.name AS org, f.role FROM affiliations f"
        " JOIN actors m ON m.id = f.member_id JOIN actors o ON o.id = f.organization_id"
    )
    assert {"member": "顾俊", "org": "Newme", "role": "founder"} in rows


@pytest.mark.parametrize("term", ["Aquaman", "今夜娱乐", "小黄车"])
def test_seed_terms_in_quotes_are_not_speech(seed_store, term):
    for s in _statements(seed_store):
        assert s["quote"] != term
        assert s["claim"].strip("“”《》") != term


def test_seed_duplicated_paragraph_yields_no_second_statement(seed_store):
    rows = _statements(seed_store)
    keys = [(s["speaker"], s["claim_text"] or s["claim"], s["quote"]) for s in rows]
    assert len(keys) == len(set(keys))
    text = seed_store.query("SELECT text FROM articles")[0]["text"]
    first_para = next(p for p in text.split("\n") if "一直以来都是" in p)
    assert text.count(first_para) == 1


def test_seed_every_statement_is_explainable(seed_store):
    text = seed_store.query("SELECT text FROM articles")[0]["text"]
    for s in _statements(seed_store):
        assert s["rule"]
        assert text[s["start"] : s["end"]] == s["evidence"]
        if s["quote"] is not None:
            assert text[s["quote_start"] : s["quote_end"]] == s["quote"]


def test_seed_store_is_consistent(seed_store):
    assert seed_store.integrity_problems() == []


def test_seed_anonymous_sources_keep_their_descriptor_without_quantity(seed_store):
    names = {s["speaker"] for s in _statements(seed_store) if s["speaker_kind"] == "anonymous"}
    # 熟悉…的跨境从业人士 keeps its noun; 部分业内人士 is 业内人士
    assert any(n.startswith("熟悉") and n.endswith("从业人士") for n in names), names
    assert not any(n.startswith("部分") for n in names), names
