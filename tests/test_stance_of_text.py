"""stance_of_text on headlines written for these tests, and the benchmark script."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graph.records import Stance
from pipelines.stance_of_text import stance_of_text

CLAIM = "Nova Motors will build a car plant in Spain"

CASES = [
    pytest.param("Nova Motors to build car plant in Spain", Stance.ASSERTS, id="asserts"),
    pytest.param(
        "Nova Motors reportedly picks Spain for new plant", Stance.REPORTS, id="reportedly"
    ),
    pytest.param("Nova Motors could build a plant in Spain", Stance.REPORTS, id="could"),
    pytest.param("Nova Motors denies Spain plant report", Stance.DENIES, id="denies"),
    pytest.param("Spain plant story is a hoax, Nova Motors says", Stance.DENIES, id="hoax"),
    pytest.param("No, Nova Motors is not building a plant in Spain", Stance.DENIES, id="not"),
    pytest.param("Nova Motors confirms Spain plant", Stance.CONFIRMS, id="confirms"),
    pytest.param("Will Nova Motors build a plant in Spain?", Stance.QUESTIONS, id="question"),
    pytest.param(
        "Nova Motors declined to comment on the Spain plant", Stance.NO_COMMENT, id="no-comment"
    ),
    pytest.param("Bananas are cheaper this winter", Stance.NO_COMMENT, id="unrelated"),
    pytest.param("诺瓦汽车否认在西班牙建厂", Stance.DENIES, id="zh-denies"),
    pytest.param("据称诺瓦汽车将在西班牙建厂", Stance.REPORTS, id="zh-reports"),
]


@pytest.mark.parametrize(("text", "stance"), CASES)
def test_stance_of_text(text: str, stance: Stance) -> None:
    claim = "诺瓦汽车将在西班牙建厂" if text[0] >= "\u4e00" else CLAIM
    result = stance_of_text(claim, text)
    assert result.stance == stance, result
    if stance != Stance.NO_COMMENT or result.rule != "stance.unrelated":
        assert result.score > 0


def test_stance_of_text_unrelated_has_rule() -> None:
    r = stance_of_text(CLAIM, "Bananas are cheaper this winter")
    assert r.rule == "stance.unrelated"


def test_stance_benchmark_on_hand_made_csv(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from benchmarks.stance_benchmark import main

    path = tmp_path / "mini.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["claimId", "claimHeadline", "articleHeadline", "articleHeadlineStance"])
        w.writerow([1, CLAIM, "Nova Motors to build car plant in Spain", "for"])
        w.writerow([1, CLAIM, "Nova Motors denies Spain plant report", "against"])
        w.writerow([1, CLAIM, "Nova Motors reportedly picks Spain for plant", "observing"])
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "accuracy: 1.0000" in out
    assert "confusion" in out


def test_stance_of_text_stopwords_come_from_the_data_file() -> None:
    from pipelines.en.stopwords import stopwords

    words = stopwords("relevance")
    assert {"the", "said", "new"} <= words
    # a stopword alone makes no relevance: only "the" and "said" shared
    r = stance_of_text(CLAIM, "The mayor said bananas are cheaper")
    assert r.rule == "stance.unrelated"


def test_stopword_lists_are_known_and_an_unknown_list_is_an_error() -> None:
    from graph.errors import DataFileError
    from pipelines.en.stopwords import stopwords

    for name in ("claim_overlap", "relevance", "not_name", "speaker_phrase_function"):
        assert stopwords(name), name
    assert "However" in stopwords("not_name") and "however" not in stopwords("not_name")
    with pytest.raises(DataFileError):
        stopwords("no_such_list")
