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


# a headline that credits the claim to a third party reports it (data/stance/en_credit.jsonl)
CREDITED = [
    pytest.param("Nova Motors to build plant in Spain, union leaders say", "says_tail"),
    pytest.param("Nova Motors picks Spain for its next plant -- analyst", "source_tail"),
    pytest.param("Nova Motors to build a Spanish plant: local paper", "source_tail"),
    pytest.param("Source: Nova Motors will build a plant in Spain", "source_head"),
    pytest.param("Broker Kestrel forecasts a Nova Motors plant in Spain", "verb"),
    pytest.param("Nova Motors believed to have chosen Spain for plant", "passive"),
    pytest.param("Nova Motors in talks to build a plant in Spain", "deliberating"),
    pytest.param("Nova Motors considering Spain for a car plant", "deliberating"),
]


@pytest.mark.parametrize(("text", "rule"), CREDITED)
def test_stance_of_text_credit_to_a_third_party_reports(text: str, rule: str) -> None:
    result = stance_of_text(CLAIM, text)
    assert (result.stance, result.rule) == (Stance.REPORTS, f"stance.en.credit.{rule}"), result


def test_stance_of_text_credit_to_the_claims_own_subject_asserts() -> None:
    # the one credited is who the claim is about: first-hand, not a relay
    claim = "Nova Motors chief Ana Ruiz says the Spain plant is on schedule"
    result = stance_of_text(claim, "Spain plant on schedule, Ana Ruiz says")
    assert result.stance == Stance.ASSERTS, result
    # a deliberation word the claim itself uses is the claim's
    result = stance_of_text(
        "Nova Motors is considering a plant in Spain", "Nova Motors considering Spain plant"
    )
    assert result.stance == Stance.ASSERTS, result


def test_stance_of_text_credit_does_not_outrank_a_denial() -> None:
    result = stance_of_text(CLAIM, "Spain plant report is false, Nova Motors says")
    assert result.stance == Stance.DENIES, result


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


def test_stance_benchmark_halves_split_by_claim(tmp_path: Path) -> None:
    from benchmarks.stance_benchmark import half_of, read_pairs

    path = tmp_path / "halves.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["claimId", "claimHeadline", "articleHeadline", "articleHeadlineStance"])
        for i in range(40):
            for j in range(3):
                w.writerow([f"c{i}", f"claim {i}", f"headline {i}.{j}", "for"])
    dev, test = read_pairs(path, "dev"), read_pairs(path, "test")
    assert len(dev) + len(test) == 120 and dev and test
    # every headline of a claim falls in the half of its claim
    assert {c for c, _, _ in dev}.isdisjoint({c for c, _, _ in test})
    assert all(half_of(c.replace("claim ", "c")) == "dev" for c, _, _ in dev)


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
