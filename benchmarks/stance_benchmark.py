"""Score :func:`pipelines.stance_of_text.stance_of_text` on a headline-stance benchmark.

The Emergent dataset (Ferreira & Vlachos 2016, github.com/willferreira/mscproject,
``url-versions-2015-06-14-clean.csv``) pairs a claim with article headlines
labelled for / against / observing.  It is not bundled here (the repository
states no licence for redistribution); give the CSV's path::

    python benchmarks/stance_benchmark.py data/emergent/url-versions-2015-06-14-clean.csv

Columns read: ``claimHeadline``, ``articleHeadline`` and the label
``articleHeadlineStance`` (or ``y``, as in the project's output files).
Our stances map to the dataset's labels: asserts/confirms -> for,
denies -> against, reports/questions/no_comment -> observing.  Prints
accuracy, per-class precision/recall/F1 and the confusion matrix.

``--half dev`` / ``--half test`` keeps the pairs of one half of the claims
(split by a checksum of ``claimId``, so every headline of a claim falls in the
same half): rules may be looked at and tuned on ``dev``; ``test`` says whether
they carry over to claims nobody looked at.
"""

from __future__ import annotations

import argparse
import csv
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.stance_of_text import stance_of_text

LABELS = ("for", "against", "observing")
TO_LABEL = {
    "asserts": "for",
    "confirms": "for",
    "denies": "against",
    "reports": "observing",
    "questions": "observing",
    "no_comment": "observing",
}


HALVES = ("dev", "test")


def half_of(claim_id: str) -> str:
    """The half a claim belongs to: ``dev`` or ``test``, fixed by its id."""
    return HALVES[zlib.crc32(claim_id.encode("utf-8")) % 2]


def read_pairs(path: Path, half: str | None = None) -> list[tuple[str, str, str]]:
    """``(claim, headline, label)`` rows of an Emergent-style CSV (of one half)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        label = (r.get("articleHeadlineStance") or r.get("y") or "").strip().lower()
        claim_id = r.get("claimId") or r["claimHeadline"]
        if label in LABELS and (half is None or half_of(claim_id) == half):
            out.append((r["claimHeadline"], r["articleHeadline"], label))
    return out


def score(pairs: list[tuple[str, str, str]]) -> dict[str, object]:
    confusion: Counter[tuple[str, str]] = Counter()
    for claim, headline, gold in pairs:
        pred = TO_LABEL[str(stance_of_text(claim, headline, "en").stance)]
        confusion[gold, pred] += 1
    total = sum(confusion.values())
    right = sum(confusion[c, c] for c in LABELS)
    per_class = {}
    for c in LABELS:
        tp = confusion[c, c]
        pred_n = sum(confusion[g, c] for g in LABELS)
        gold_n = sum(confusion[c, p] for p in LABELS)
        p = tp / pred_n if pred_n else 0.0
        r = tp / gold_n if gold_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_class[c] = (p, r, f, gold_n)
    return {
        "n": total,
        "accuracy": right / total if total else 0.0,
        "per_class": per_class,
        "confusion": confusion,
    }


def report(result: dict[str, object]) -> str:
    lines = [f"pairs: {result['n']}", f"accuracy: {result['accuracy']:.4f}", ""]
    lines.append(f"{'class':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    per_class = cast(dict[str, tuple[float, float, float, int]], result["per_class"])
    for c, (p, r, f, n) in per_class.items():
        lines.append(f"{c:<10} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}")
    lines += ["", "confusion (rows gold, columns predicted)"]
    lines.append(f"{'':<10}" + "".join(f"{c:>10}" for c in LABELS))
    confusion = cast(Counter[tuple[str, str]], result["confusion"])
    for g in LABELS:
        lines.append(f"{g:<10}" + "".join(f"{confusion[g, p]:>10}" for p in LABELS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="+", type=Path, help="Emergent-style CSV file(s)")
    ap.add_argument("--half", choices=HALVES, help="only the claims of one half")
    args = ap.parse_args(argv)
    pairs = [p for path in args.csv for p in read_pairs(path, args.half)]
    if not pairs:
        print("no labelled rows found", file=sys.stderr)
        return 1
    print(report(score(pairs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
