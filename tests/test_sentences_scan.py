"""sentence_spans visits only quotes, newlines and stops: it must split as a scan of every
character does."""

from __future__ import annotations

import random

import pytest

from pipelines.sentences import _CLOSE, _TERMINAL, OPEN_QUOTES, _push, sentence_spans


def _every_character(text: str, en_stops: set[int]) -> list[tuple[int, int]]:
    """The reference: the same rules applied at every character."""
    spans: list[tuple[int, int]] = []
    start = depth = i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
        end = None
        if ch == "\n":
            end = i
            depth = 0
        elif depth == 0 and ch in _TERMINAL:
            end = i + 1
            while end < n and text[end] in _TERMINAL:
                end += 1
        elif depth == 0 and (i + 1) in en_stops:
            end = i + 1
        if end is not None:
            _push(text, spans, start, end)
            start = end
            i = end if end > i else i + 1
            continue
        i += 1
    _push(text, spans, start, n)
    return spans


def _en_stops(text: str) -> set[int]:
    # the stops sentence_spans finds: read back from a text with no other marks
    from pipelines.sentences import _EN_STOP, _no_stop

    return {
        m.end()
        for m in _EN_STOP.finditer(text)
        if not (text[m.start()] == "." and _no_stop(text, m.start(), m.end()))
    }


PIECES = [
    "他说", "此消息不实", "。", "！", "？", "!", "?", "；", "…", "“", "”", "「", "」", "『",
    "』", "‘", "’", '"', "\n", " ", "  ", "Mr.", " Dec. 31", ". ", "The firm said", ". A",
    ".\" He", "? 3", "U.S.", " K. Lin", "@City", "(", ")", "x",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(20))
def test_splits_like_a_scan_of_every_character(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        assert sentence_spans(text) == _every_character(text, _en_stops(text)), text


def test_a_run_of_stops_inside_and_after_quotes() -> None:
    text = "“真的？！”他问。！？好。\n\n“A.” B said. Next one."
    assert sentence_spans(text) == _every_character(text, _en_stops(text))
    assert len(sentence_spans(text)) == 4
