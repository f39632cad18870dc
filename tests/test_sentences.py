"""Quote-aware sentence boundaries (:func:`pipelines.sentences.sentence_spans`)."""

from __future__ import annotations

import itertools

import pytest

from pipelines.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param("   \n  ", [], id="only-whitespace"),
        pytest.param("没有句号的一句话", ["没有句号的一句话"], id="no-terminal"),
        pytest.param("第一句。第二句。", ["第一句。", "第二句。"], id="two-full-stops"),
        pytest.param("  前后空白。  ", ["前后空白。"], id="strip-whitespace"),
        pytest.param("真的吗？！当然。", ["真的吗？！", "当然。"], id="run-of-terminals"),
        pytest.param("价格上涨了……幅度不小。", ["价格上涨了……", "幅度不小。"], id="ellipsis"),
        pytest.param("先谈物流；再谈支付。", ["先谈物流；", "再谈支付。"], id="semicolon"),
        pytest.param(
            "“不是真的。”他说。第二句。",
            ["“不是真的。”他说。", "第二句。"],
            id="stop-inside-quote-keeps-attribution",
        ),
        pytest.param(
            "李娜表示：“我们会上线。你们等着。”然后离开了。",
            ["李娜表示：“我们会上线。你们等着。”然后离开了。"],
            id="two-stops-inside-one-quote",
        ),
        pytest.param(
            "「这是真的。」她说。后来呢？",
            ["「这是真的。」她说。", "后来呢？"],
            id="corner-brackets",
        ),
        pytest.param(
            "他提到『双十一』。『它很重要。』她补充。",
            ["他提到『双十一』。", "『它很重要。』她补充。"],
            id="white-corner-brackets",
        ),
        pytest.param(
            "“外层‘内层。’还在外层。”张伟说。结束。",
            ["“外层‘内层。’还在外层。”张伟说。", "结束。"],
            id="nested-quotes",
        ),
        pytest.param(
            '他说"我们会上线。"然后走了。',
            ['他说"我们会上线。"然后走了。'],
            id="straight-double-quotes",
        ),
        pytest.param(
            "第一段。\n第二段没有句号",
            ["第一段。", "第二段没有句号"],
            id="newline-ends-sentence",
        ),
        pytest.param(
            "“第一段的引语没有闭合。\n第二段。",
            ["“第一段的引语没有闭合。", "第二段。"],
            id="newline-resets-unclosed-quote",
        ),
        pytest.param(
            "第一段。\n\n\n第二段。",
            ["第一段。", "第二段。"],
            id="blank-lines",
        ),
        pytest.param("版本 3.5 已发布。", ["版本 3.5 已发布。"], id="decimal-point"),
        pytest.param(
            "价格是1.5美元。后面。",
            ["价格是1.5美元。", "后面。"],
            id="decimal-then-stop",
        ),
        pytest.param(
            "TikTok said so. It denied it. ok",
            ["TikTok said so.", "It denied it. ok"],
            id="english-stop-before-capital-only",
        ),
        pytest.param(
            "Shares rose 3.5 percent. Analysts were surprised.",
            ["Shares rose 3.5 percent.", "Analysts were surprised."],
            id="english-decimal",
        ),
        pytest.param(
            'He said: "It is true. We know." Then he left.',
            ['He said: "It is true. We know."', "Then he left."],
            id="english-straight-quote",
        ),
        pytest.param(
            "“It is not true.” Mark Evans said. 李娜表示同意。",
            ["“It is not true.” Mark Evans said.", "李娜表示同意。"],
            id="english-curly-quote",
            marks=pytest.mark.xfail(
                reason="an English full stop before a Chinese character is not a boundary "
                "(_EN_STOP needs a capital or digit after it): got one sentence",
                strict=True,
            ),
        ),
        pytest.param(
            "Mr. Smith left. K. Lin stayed.",
            ["Mr. Smith left.", "K. Lin stayed."],
            id="english-abbreviations-and-initials",
        ),
        pytest.param(
            "It moved to the U.S. Senate today. Next.",
            ["It moved to the U.S. Senate today.", "Next."],
            id="english-us",
        ),
        pytest.param(
            "Nobody could trace the screenshot to the forum. @LeakHound did not reply.",
            ["Nobody could trace the screenshot to the forum.", "@LeakHound did not reply."],
            id="english-break-before-handle",
        ),
        pytest.param(
            "The offer ends on Jan. 15, a clerk said. Sales dipped in Nov. Prices rose.",
            ["The offer ends on Jan. 15, a clerk said.", "Sales dipped in Nov.", "Prices rose."],
            id="english-month-abbreviation-before-a-day",
        ),
        pytest.param(
            "Gov. Alvarez met Brightwater Corp. executives. Sen. Moss left.",
            ["Gov. Alvarez met Brightwater Corp. executives.", "Sen. Moss left."],
            id="english-titles-from-data",
        ),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“不是真的。”他说。第二句。\n\n  第三段。  ",
        "TikTok said so. It denied it.\n据称，TikTok已经完成重组。",
        "“未闭合的引语。\n下一段。”多余的闭合。",
    ],
)
def test_sentence_spans_are_ordered_disjoint_and_trimmed(text: str) -> None:
    spans = sentence_spans(text)
    for (_, e0), (s1, _) in itertools.pairwise(spans):
        assert e0 <= s1
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert "\n" not in text[s:e]
    # nothing but whitespace is left out
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
