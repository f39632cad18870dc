import pytest

from graph.claim_matching import (
    ATTACH_THRESHOLD,
    REVIEW_THRESHOLD,
    features,
    from_index_terms,
    index_terms,
    numbers,
    similarity,
)

TT = frozenset({"a_tiktok"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市场从 366 亿美元增至 457 亿美元", {"3.66e+10", "4.57e+10"}),
        ("the market grew to $45.7 billion", {"4.57e+10"}),
        ("同比增长 24.9%", {"24.9%"}),
        ("招聘约20名员工", {"20"}),
        ("plans to add Canada in 2027", {"y2027"}),
        ("about 1,200 staff", {"1200"}),
    ],
)
def test_numbers_are_normalised_across_languages(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        # same rumour, reworded in Chinese
        (
            "美区跨境小店正式开放了,走全闭环,回款用派安盈",
            "zh",
            "TikTok在美国的跨境小店已经上线，通过派安盈收款",
            "zh",
        ),
        # Chinese and English, through the glossary and the dictionary
        (
            "TikTok在美国的跨境小店已经上线，卖家可绑定多个账号",
            "zh",
            "its cross-border shop had launched in the United States",
            "en",
        ),
        (
            "TikTok计划在西雅图和洛杉矶两地招聘约20名物流岗位员工",
            "zh",
            "it plans to hire about 20 logistics staff in Seattle and Los Angeles",
            "en",
        ),
        (
            "Anker will cut 300 jobs in Shenzhen",
            "en",
            "Anker plans to cut 300 jobs at its Shenzhen office",
            "en",
        ),
    ],
)
def test_same_claim_scores_above_attach(a, la, b, lb):
    score = similarity(features(a, la), features(b, lb), actors_a=TT, actors_b=TT)
    assert score >= ATTACH_THRESHOLD


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        (
            "TikTok美区还是以本土店铺和英美融合车为主",
            "zh",
            "TikTok正在与美国本土直播公司Talkshoplive建立合作伙伴关系",
            "zh",
        ),
        (
            "TikTok美区今年的“黑五”成交额将比去年增长40%左右",
            "zh",
            "TikTok在美国的跨境小店已经上线，卖家可绑定多个账号",
            "zh",
        ),
        (
            "TikTok's US live-shopping sales could reach $2 billion in 2027",
            "en",
            "its cross-border shop had launched in the United States",
            "en",
        ),
        (
            "我们已经在备货了,就算跨境店没来,货也得先压到美国仓",
            "zh",
            "If the shop opens, good. If not, we are ready anyway",
            "en",
        ),
    ],
)
def test_different_claims_about_the_same_company_stay_apart(a, la, b, lb):
    score = similarity(features(a, la), features(b, lb), actors_a=TT, actors_b=TT)
    assert score < REVIEW_THRESHOLD


def test_disagreeing_numbers_pull_the_score_down():
    a = features("Anker will cut 300 jobs in Shenzhen", "en")
    b = features("Anker will cut 30 jobs in Shenzhen", "en")
    c = features("Anker will cut 300 jobs in Shenzhen this year", "en")
    assert similarity(a, b) < similarity(a, c)


def test_shared_actors_only_add_to_text_that_looks_alike():
    a = features("TikTok美区还是以本土店铺为主", "zh")
    b = features("TikTok正计划雇佣十多名美国员工", "zh")
    assert similarity(a, b, actors_a=TT, actors_b=TT) < REVIEW_THRESHOLD


def test_index_terms_round_trip_to_features():
    f = features("TikTok计划在西雅图招聘约20名物流员工", "zh")
    assert from_index_terms("zh", index_terms(f) | {"a:a_tiktok"}) == f
