"""--workers: extraction in processes, merge in order, same store."""

from graph.merge import merge_extraction
from graph.store import Store
from pipelines.extract import Extractor
from pipelines.ingest import ingest_paths
from pipelines.reading.load import iter_articles
from pipelines.sample import SAMPLE_CORPUS


def _state(store):
    return (
        store.query("SELECT id, claim_id, stance, speaker_id FROM statements ORDER BY id"),
        store.query("SELECT id, status FROM claims ORDER BY id"),
        store.query("SELECT id, source FROM articles ORDER BY seq"),
    )


def test_workers_give_the_store_one_extractor_gives(tmp_path):
    bad = tmp_path / "batch"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    with Store(tmp_path / "w.sqlite") as store:
        summary = ingest_paths([SAMPLE_CORPUS, bad], store, workers=2)
        assert summary.count("added") == len(list(SAMPLE_CORPUS.glob("*.md")))
        failed = [e for e in summary.events if e.outcome == "failed"]
        assert len(failed) == 1 and "empty" in failed[0].error
        parallel = _state(store)
    # the same gazetteer for every article, merged one by one, oldest first
    extractor = Extractor()
    with Store(tmp_path / "s.sqlite") as store:
        articles = sorted(iter_articles([SAMPLE_CORPUS]), key=lambda a: (a.published, a.id))
        for article in articles:
            merge_extraction(store, extractor(article))
        sequential = _state(store)
    assert parallel[:2] == sequential[:2]
    assert [a["source"] for a in parallel[2]] == [a["source"] for a in sequential[2]]


def test_workers_skip_articles_already_stored(tmp_path):
    with Store(tmp_path / "w.sqlite") as store:
        ingest_paths([SAMPLE_CORPUS], store, workers=2)
        again = ingest_paths([SAMPLE_CORPUS], store, workers=2)
    assert {e.outcome for e in again.events} == {"unchanged"}
