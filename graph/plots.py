"""matplotlib figures for notebooks.

:func:`claim_timeline` draws the life of one claim: who spoke on it, when,
and with which stance.  Functions draw on the ``ax`` they are given (or a new
figure) and return it; global matplotlib settings are never changed.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from graph.store import Store
>>> with Store(":memory:") as store:
...     claim_timeline(store, "c_nope")
Traceback (most recent call last):
...
graph.network.NotFoundError: unknown claim: c_nope
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd
from matplotlib import font_manager
from matplotlib.lines import Line2D

from graph.frames import provenance
from graph.store import Store

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["STANCE_MARKERS", "claim_timeline"]

# stance -> (marker, colour); spreading in blues, answers in red / green
STANCE_MARKERS: dict[str, tuple[str, str]] = {
    "asserts": ("o", "#1f77b4"),
    "reports": ("s", "#6baed6"),
    "confirms": ("^", "#2ca02c"),
    "denies": ("X", "#d62728"),
    "questions": ("D", "#ff7f0e"),
    "no_comment": ("P", "#7f7f7f"),
}
# Tried after the default font for glyphs it lacks (Chinese speaker names).
_CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimHei")


def _font_family() -> list[str]:
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *(f for f in _CJK_FONTS if f in installed)]


def claim_timeline(store: Store, claim_id: str, ax: Axes | None = None) -> Axes:
    """Plot one claim's statements: x = date, y = speaker, marker and colour = stance.

    Speakers are listed top-down in the order they first spoke; undated
    statements are left out (the title says how many).  Status changes are
    drawn as dotted vertical lines labelled with the new status.

    Raises
    ------
    NotFoundError
        When the store has no such claim.
    """
    df = provenance(store, claim_id)
    claim = store.claim(claim_id) or {}
    if ax is None:
        import matplotlib.pyplot as plt  # only when a new figure is needed

        _, ax = plt.subplots(figsize=(9, 0.5 * max(3, df["speaker_name"].nunique()) + 1.5))
    family = _font_family()
    dated = df[df["date"].notna()]
    speakers = list(dict.fromkeys(dated["speaker_name"]))
    row = {name: i for i, name in enumerate(speakers)}
    handles: list[Any] = []
    for stance, (marker, colour) in STANCE_MARKERS.items():
        part = dated[dated["stance"] == stance]
        if part.empty:
            continue
        ax.scatter(
            part["date"],
            [row[s] for s in part["speaker_name"]],
            marker=marker,
            color=colour,
            s=90,
            zorder=3,
        )
        handles.append(
            Line2D([], [], marker=marker, color=colour, linestyle="", markersize=9, label=stance)
        )
    for h in store.status_history(claim_id):
        if h["date"]:
            day = pd.Timestamp(h["date"])
            ax.axvline(day, color="#999999", linestyle=":", zorder=1)
            ax.annotate(
                h["status"],
                xy=(day, 1.0),
                xycoords=("data", "axes fraction"),
                rotation=90,
                va="top",
                ha="right",
                fontsize=8,
                color="#666666",
            )
    ax.set_yticks(range(len(speakers)), labels=speakers)
    for label in ax.get_yticklabels():
        label.set_fontfamily(family)
    ax.set_ylim(len(speakers) - 0.5, -0.5)
    ax.grid(axis="x", color="#eeeeee", zorder=0)
    ax.set_xlabel("date")
    undated = len(df) - len(dated)
    text = str(claim.get("text", claim_id))
    title = f"{text[:50]}{'…' if len(text) > 50 else ''}  [{claim.get('status', '?')}]"
    if undated:
        title += f"  ({undated} undated not shown)"
    ax.set_title(title, fontfamily=family, fontsize=10)
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.figure.autofmt_xdate()
    return ax
