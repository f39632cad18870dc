import pytest
import yaml

from graph.cli import main as graph_main
from graph.curation import apply_curation, load_curation
from graph.errors import DataFileError
from graph.store import Store
from pipelines.cli import main as pipelines_main
from pipelines.sample import SAMPLE_CORPUS


def _claim_id(store, fragment):
    rows = store.query(
        "SELECT DISTINCT claim_id FROM statements WHERE claim_text LIKE ?", (f"%{fragment}%",)
    )
    assert len(rows) == 1
    return rows[0]["claim_id"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample corpus ingested, and the ids a curator would have picked."""
    d = tmp_path_factory.mktemp("cur")
    store_path = d / "a.sqlite"
    assert (
        pipelines_main(["ingest", str(SAMPLE_CORPUS), "--store", str(store_path), "--quiet"]) == 0
    )
    with Store(store_path) as store:
        ids = {
            "c": _claim_id(store, "招聘约20名"),
            "opinion": _claim_id(store, "美国的监管环境仍不明朗"),
            "forecast": _claim_id(store, "黑五”成交额"),
            "flagged": store.query("SELECT id FROM statements WHERE needs_review = 1")[0]["id"],
        }
    return d, store_path, ids


def _write(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _curation(ids):
    return {
        "actors": [{"name": "沈立言", "kind": "person", "aliases": ["Shen Liyan"]}],
        "actor_merges": [["Talkshoplive", "Dana Whitfield"]],
        "claim_merges": [[ids["opinion"], ids["forecast"]]],
        "status_overrides": [
            {
                "claim": ids["c"],
                "status": "confirmed",
                "reason": "TikTok job ads seen",
                "date": "2026-11-25",
            }
        ],
        "review": {"reject": [ids["flagged"]]},
    }


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("actors: [", "not valid YAML"),
        ("colours: []", "unknown sections"),
        ("actors:\n  - name: X\n    kind: robot", "unknown kind"),
        ("status_overrides:\n  - claim: c_1\n    status: confirmed", "needs claim and reason"),
        ("status_overrides:\n  - {claim: c_1, status: true-ish, reason: r}", "unknown status"),
        ("claim_merges:\n  - [c_1]", "two or more"),
    ],
)
def test_bad_curation_file_is_refused_with_its_name(tmp_path, text, reason):
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=reason) as err:
        load_curation(path)
    assert "curation.yaml" in str(err.value)


def test_missing_curation_file_is_empty(tmp_path):
    assert apply_curation(Store(":memory:"), load_curation(tmp_path / "none.yaml")) == []


def test_curation_applies_and_is_idempotent(built, tmp_path):
    _d, store_path, ids = built
    copy = tmp_path / "copy.sqlite"
    with Store(store_path) as src:
        src.checkpoint()
    copy.write_bytes(store_path.read_bytes())
    cur = load_curation(_write(tmp_path / "curation.yaml", _curation(ids)))
    with Store(copy) as store:
        done = apply_curation(store, cur)
        assert any("Shen Liyan" in line for line in done)
        assert store.actor_by_alias("shenliyan") == store.actor_by_alias("沈立言")
        assert store.claim(ids["forecast"]) is None
        assert store.claim(ids["c"])["status"] == "confirmed"
        assert store.claim(ids["c"])["derived_status"] == "unverified"
        assert store.query(
            "SELECT needs_review FROM statements WHERE id = ?", (ids["flagged"],)
        ) == [{"needs_review": 0}]
        assert store.count("actors") > 0 and not store.query(
            "SELECT 1 FROM actors WHERE name = 'Dana Whitfield'"
        )
        assert store.integrity_problems() == []
        assert apply_curation(store, cur) == []


def test_curation_survives_rebuilding_the_store(built, tmp_path):
    _d, _store_path, ids = built
    _write(tmp_path / "curation.yaml", _curation(ids))
    rebuilt = tmp_path / "rebuilt.sqlite"
    assert pipelines_main(["ingest", str(SAMPLE_CORPUS), "--store", str(rebuilt), "--quiet"]) == 0
    with Store(rebuilt) as store:
        assert store.claim(ids["c"])["status"] == "confirmed"
        assert store.claim(ids["forecast"]) is None
        override = store.status_override(ids["c"])
        assert override["reason"] == "TikTok job ads seen"


def test_review_accept_and_reject_write_the_curation_file(built, tmp_path, capsys):
    _d, store_path, ids = built
    copy = tmp_path / "r.sqlite"
    copy.write_bytes(store_path.read_bytes())
    assert graph_main(["review", "--store", str(copy), "--flagged"]) == 0
    listed = capsys.readouterr().out
    assert ids["flagged"] in listed
    assert graph_main(["review", "--store", str(copy), "--reject", ids["flagged"]]) == 0
    saved = yaml.safe_load((tmp_path / "curation.yaml").read_text(encoding="utf-8"))
    assert saved["review"]["reject"] == [ids["flagged"]]
    with Store(copy) as store:
        assert not any(f["id"] == ids["flagged"] for f in store.flagged_statements())
    assert graph_main(["review", "--store", str(copy), "--accept", "s_nope"]) == 2
