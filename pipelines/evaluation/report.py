"""``python -m pipelines evaluate``: the tables, the error lists and the JSON figures.

Everything here returns lines; :mod:`pipelines.cli` prints them.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.evaluation import (
    PRF,
    SPLITS,
    ArticleScore,
    Evaluation,
    GoldArticle,
    PredictedStatement,
    Ratio,
    Summary,
    load_gold_dir,
    predict,
    score_corpus,
)

__all__ = [
    "EvaluateOutcome",
    "Thresholds",
    "add_evaluate_parser",
    "evaluate_command",
    "figures",
    "report_lines",
]

_HEADER = (
    f"{'article':<22} {'stmt P':>6} {'R':>5} {'F1':>5} {'right/pred/gold':>15} "
    f"{'speaker':>7} {'stance':>6} {'actor F1':>8} {'denial':>6} {'traps':>6} {'links':>6}"
)


@dataclass(frozen=True)
class Thresholds:
    statement_f1: float | None = None
    speaker_accuracy: float | None = None
    actor_f1: float | None = None
    denial_links: bool = False
    traps: bool = False

    def failures(self, s: Summary) -> list[str]:
        """What ``s`` falls short of, one phrase each; empty when all are met."""
        out = []
        checks = (
            ("statement F1", self.statement_f1, s.statements.f1),
            ("speaker accuracy", self.speaker_accuracy, s.speaker.rate),
            ("actor F1", self.actor_f1, s.actors.f1),
        )
        for name, minimum, value in checks:
            if minimum is not None and (value is None or value < minimum):
                shown = "n/a" if value is None else f"{value:.3f}"
                out.append(f"{name} {shown} < {minimum:.3f}")
        if self.denial_links and s.denial_links.found < s.denial_links.total:
            out.append(f"denial links {s.denial_links.found}/{s.denial_links.total}")
        if self.traps and s.traps.found < s.traps.total:
            out.append(f"traps avoided {s.traps.found}/{s.traps.total}")
        return out


@dataclass
class EvaluateOutcome:
    exit_code: int
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def add_evaluate_parser(sub: Any) -> None:
    """Add the ``evaluate`` subcommand to the CLI's subparsers."""
    ev = sub.add_parser("evaluate", help="score extraction against gold articles")
    ev.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    ev.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    ev.add_argument("--min-statement-f1", type=float, metavar="X")
    ev.add_argument("--min-speaker-acc", type=float, metavar="X")
    ev.add_argument("--min-actor-f1", type=float, metavar="X")
    ev.add_argument(
        "--require-denial-links",
        action="store_true",
        help="fail unless every gold denial link is found",
    )
    ev.add_argument(
        "--require-traps", action="store_true", help="fail unless every trap is avoided"
    )
    ev.add_argument("--json", type=Path, metavar="OUT", help="write all figures here")
    ev.add_argument(
        "--store", type=Path, metavar="FILE", help="keep the evaluation store here (a new file)"
    )
    ev.add_argument("-v", "--verbose", action="store_true", help="list every error")


def evaluate_command(args: argparse.Namespace) -> EvaluateOutcome:
    """Run the whole evaluation; exit code 0 met, 1 not met, 2 bad input."""
    if not args.gold_dir.is_dir():
        return EvaluateOutcome(2, errors=[f"error: {args.gold_dir}: no such directory"])
    if args.store is not None and args.store.exists():
        return EvaluateOutcome(2, errors=[f"error: {args.store}: already exists"])
    splits = SPLITS if args.split == "all" else (args.split,)
    golds, problems = load_gold_dir(args.gold_dir, splits)
    errors = [f"gold error: {p}" for p in problems]
    if not golds:
        errors.append(f"error: no gold articles ({'/'.join(splits)}) under {args.gold_dir}")
        return EvaluateOutcome(2, errors=errors)
    evaluation = score_corpus(golds, predict(golds, keep_store=args.store))
    thresholds = Thresholds(
        args.min_statement_f1,
        args.min_speaker_acc,
        args.min_actor_f1,
        args.require_denial_links,
        args.require_traps,
    )
    target = "test" if "test" in evaluation.splits else None
    failures = thresholds.failures(evaluation.summary(target))
    lines = report_lines(evaluation, verbose=args.verbose)
    errors += [f"extraction error: {s.error}" for s in evaluation.scores if s.error]
    where = target or "overall"
    if failures:
        lines.append(f"thresholds NOT met ({where}): " + "; ".join(failures))
    elif thresholds != Thresholds():
        lines.append(f"thresholds met ({where})")
    if args.json is not None:
        data = figures(evaluation)
        data["thresholds"] = {"on": where, "failures": failures, "problems": problems}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        lines.append(f"figures: {args.json}")
    if problems:
        code = 2
    elif failures or any(s.error for s in evaluation.scores):
        code = 1
    else:
        code = 0
    return EvaluateOutcome(code, lines, errors)


# -- lines ---------------------------------------------------------------------
def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _ratio(r: Ratio) -> str:
    return f"{r.found}/{r.total}" if r.total else "-"


def _row(
    label: str,
    stm: PRF,
    speaker: Ratio,
    stance: Ratio,
    actors: PRF,
    denial: Ratio,
    traps: Ratio,
    links: Ratio,
) -> str:
    counts = f"{stm.right}/{stm.predicted}/{stm.gold}"
    return (
        f"{label:<22} {stm.precision:>6.2f} {stm.recall:>5.2f} {stm.f1:>5.2f} {counts:>15} "
        f"{_pct(speaker.rate):>7} {_pct(stance.rate):>6} {actors.f1:>8.2f} "
        f"{_ratio(denial):>6} {_ratio(traps):>6} {_ratio(links):>6}"
    )


def _summary_row(label: str, s: Summary) -> str:
    return _row(
        label, s.statements, s.speaker, s.stance, s.actors, s.denial_links, s.traps, s.claim_links
    )


def _short(text: str | None, width: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _pred(p: PredictedStatement) -> str:
    via = f" via {p.via}" if p.via else ""
    return f"{p.speaker} {p.stance}{via} [{p.rule}] 「{_short(p.quote or p.claim_text)}」"


def error_lines(
    gold: GoldArticle, preds: tuple[PredictedStatement, ...], s: ArticleScore
) -> list[str]:
    """What a rule author needs to see of one article's mistakes."""
    out = []
    if s.error:
        out.append(f"  failed    {s.error}")
    for i in s.missed:
        g = gold.statements[i]
        out.append(f"  missed    #{i} 「{g.key}」 expected {g.speaker} {g.stance}")
    for m in s.matches:
        g, p = gold.statements[m.gold], preds[m.pred]
        if not m.speaker_ok:
            out.append(f"  speaker   #{m.gold} 「{g.key}」 expected {g.speaker}, got {_pred(p)}")
        if not m.stance_ok:
            out.append(f"  stance    #{m.gold} 「{g.key}」 expected {g.stance}, got {_pred(p)}")
    for i in s.spurious:
        out.append(f"  spurious  {_pred(preds[i])}")
    for i in s.missed_denial_links:
        g = gold.statements[i]
        out.append(
            f"  link      #{i} 「{g.key}」 does not point at the claim of "
            f"#{g.refers_to} 「{gold.statements[g.refers_to or 0].key}」"
        )
    for t in s.trap_hits:
        out.append(f"  trap      「{t}」 became a quote or claim")
    for k in s.missed_claim_links:
        out.append(
            f"  claim     #{k.statement} not on the claim of {k.article} #{k.other_statement}"
        )
    if s.missed_actors:
        out.append(f"  actors    missed: {', '.join(s.missed_actors)}")
    if s.spurious_actors:
        out.append(f"  actors    spurious: {', '.join(s.spurious_actors)}")
    return out


def report_lines(evaluation: Evaluation, *, verbose: bool = False) -> list[str]:
    """A table per split (one row per article), a line per split and overall."""
    lines = []
    golds = {g.id: g for g in evaluation.golds}
    for split in evaluation.splits:
        lines += [f"== {split}", _HEADER]
        for s in evaluation.scores:
            if s.split != split:
                continue
            lines.append(
                _row(
                    s.article + (" !" if s.error else ""),
                    s.statements,
                    s.speaker,
                    s.stance,
                    s.actors,
                    s.denial_links,
                    s.traps,
                    s.claim_links,
                )
            )
            if verbose:
                preds = evaluation.predictions.get(s.article)
                lines += error_lines(golds[s.article], preds.statements if preds else (), s)
        lines.append(
            _summary_row(
                f"{split} ({evaluation.summary(split).articles})", evaluation.summary(split)
            )
        )
        lines.append("")
    lines.append(_HEADER.replace("article", "summary", 1))
    for split in evaluation.splits:
        lines.append(_summary_row(f"{split}", evaluation.summary(split)))
    overall = evaluation.summary()
    lines.append(_summary_row(f"overall ({overall.articles})", overall))
    return lines


# -- JSON ----------------------------------------------------------------------
def _prf(v: PRF) -> dict[str, Any]:
    return {
        "right": v.right,
        "predicted": v.predicted,
        "gold": v.gold,
        "precision": round(v.precision, 4),
        "recall": round(v.recall, 4),
        "f1": round(v.f1, 4),
    }


def _rat(v: Ratio) -> dict[str, Any]:
    return {
        "found": v.found,
        "total": v.total,
        "rate": None if v.rate is None else round(v.rate, 4),
    }


def _wrong(
    s: ArticleScore,
    g: GoldArticle,
    sts: Sequence[PredictedStatement],
    field_name: str,
) -> list[dict[str, Any]]:
    """Matched statements whose ``speaker`` or ``stance`` is wrong: expected, got, rule."""
    ok = "speaker_ok" if field_name == "speaker" else "stance_ok"
    return [
        {
            "index": m.gold,
            "expected": getattr(g.statements[m.gold], field_name),
            "got": getattr(sts[m.pred], field_name),
            "rule": sts[m.pred].rule,
        }
        for m in s.matches
        if not getattr(m, ok)
    ]


def _summary_json(s: Summary) -> dict[str, Any]:
    return {
        "articles": s.articles,
        "errors": s.errors,
        "statements": _prf(s.statements),
        "speaker_accuracy": _rat(s.speaker),
        "stance_accuracy": _rat(s.stance),
        "actors": _prf(s.actors),
        "denial_links": _rat(s.denial_links),
        "traps_avoided": _rat(s.traps),
        "claim_links": _rat(s.claim_links),
    }


def figures(evaluation: Evaluation) -> dict[str, Any]:
    """Every figure, per article, per split and overall, as JSON-ready data."""
    golds = {g.id: g for g in evaluation.golds}
    articles = []
    for s in evaluation.scores:
        g = golds[s.article]
        preds = evaluation.predictions.get(s.article)
        sts = preds.statements if preds else ()
        articles.append(
            {
                "id": s.article,
                "split": s.split,
                "path": g.path,
                "error": s.error,
                "statements": _prf(s.statements),
                "speaker_accuracy": _rat(s.speaker),
                "stance_accuracy": _rat(s.stance),
                "actors": _prf(s.actors),
                "denial_links": _rat(s.denial_links),
                "traps_avoided": _rat(s.traps),
                "claim_links": _rat(s.claim_links),
                "missed": [{"index": i, **vars(g.statements[i])} for i in s.missed],
                "wrong_speaker": _wrong(s, g, sts, "speaker"),
                "wrong_stance": _wrong(s, g, sts, "stance"),
                "spurious": [
                    {
                        "speaker": sts[i].speaker,
                        "stance": sts[i].stance,
                        "rule": sts[i].rule,
                        "claim": sts[i].claim_text,
                        "quote": sts[i].quote,
                    }
                    for i in s.spurious
                ],
                "missed_denial_links": s.missed_denial_links,
                "trap_hits": s.trap_hits,
                "missed_claim_links": [vars(k) for k in s.missed_claim_links],
                "missed_actors": s.missed_actors,
                "spurious_actors": s.spurious_actors,
            }
        )
    return {
        "articles": articles,
        "splits": {sp: _summary_json(evaluation.summary(sp)) for sp in evaluation.splits},
        "overall": _summary_json(evaluation.summary()),
    }
