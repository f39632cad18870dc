import datetime as dt

from graph.records import (
    ActorKind,
    ActorRef,
    Affiliation,
    Article,
    ExtractedStatement,
    ExtractionResult,
    Stance,
    extraction_from_dict,
    to_dict,
)


def test_extraction_result_round_trips_through_plain_data():
    gu = ActorRef("顾俊", ActorKind.PERSON, description="Newme创始人")
    insider = ActorRef("业内人士", ActorKind.ANONYMOUS, scope="虎嗅")
    result = ExtractionResult(
        article=Article(
            "a1", "text", "zh", title="t", outlet="虎嗅", published=dt.date(2026, 10, 20)
        ),
        mentions=(gu, insider),
        affiliations=(Affiliation(gu, ActorRef("Newme", ActorKind.ORGANIZATION), "founder"),),
        statements=(
            ExtractedStatement("s1", insider, Stance.ASSERTS, "ev", 0, 2, "r1", claim_text="c"),
            ExtractedStatement(
                "s2",
                gu,
                Stance.DENIES,
                "ev2",
                3,
                6,
                "r2",
                refers_to="s1",
                quote="q",
                quote_start=4,
                quote_end=5,
                hedges=("或许",),
                via=ActorRef("虎嗅", ActorKind.MEDIA),
                about=(gu,),
            ),
        ),
    )
    data = to_dict(result)
    assert data["statements"][1]["stance"] == "denies"
    assert data["article"]["published"] == "2026-10-20"
    assert extraction_from_dict(data) == result


def test_anonymous_display_name_is_scoped_to_outlet():
    assert ActorRef("业内人士", ActorKind.ANONYMOUS, scope="虎嗅").display_name == "业内人士 @ 虎嗅"
    assert ActorRef("TikTok", ActorKind.ORGANIZATION).display_name == "TikTok"
