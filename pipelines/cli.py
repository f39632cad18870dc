"""Command line: ``python -m pipelines ingest|run|evaluate``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from graph.errors import RumorGraphError
from graph.store import DEFAULT_STORE, Store
from pipelines.evaluation.report import add_evaluate_parser, evaluate_command
from pipelines.ingest import IngestEvent, IngestSummary, ingest_paths
from pipelines.sample import SAMPLE_CORPUS, build_store

__all__ = ["SAMPLE_CORPUS", "main"]

DEFAULT_OUT = Path("out")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipelines", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="ingest files or folders into a store")
    ing.add_argument("paths", nargs="+", type=Path)
    ing.add_argument("--store", type=Path, default=DEFAULT_STORE)
    ing.add_argument("--outlet", help="outlet for files that do not name one")
    ing.add_argument("--published", type=_date, help="date for files that do not give one")
    ing.add_argument("--language", choices=["zh", "en"], help="language, when not detected")
    ing.add_argument("--quiet", action="store_true", help="only the summary")
    ing.add_argument(
        "--curation",
        help="curation YAML applied after ingest (default: curation.yaml beside the store)",
    )
    ing.add_argument("--report-json", type=Path, help="write the change reports as JSON here")
    ing.add_argument(
        "--workers", type=int, default=1, help="extraction processes (the merge stays in order)"
    )
    run = sub.add_parser("run", help="the main job: the bundled corpus -> store + HTML graph")
    run.add_argument("--corpus", type=Path, default=SAMPLE_CORPUS)
    run.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    add_evaluate_parser(sub)
    return p


class _Progress:
    """A progress bar on a terminal, plain lines otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None
        if sys.stderr.isatty() and not quiet:
            from tqdm import tqdm

            self.bar = tqdm(unit="article", file=sys.stderr, leave=False)

    def __call__(self, event: IngestEvent) -> None:
        if self.bar is not None:
            self.bar.update(1)
            self.bar.write(event.line())
        elif not self.quiet or event.outcome == "failed":
            print(event.line(), flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _ingest(args: argparse.Namespace, paths: Sequence[Path], store_path: Path) -> IngestSummary:
    progress = _Progress(args.quiet)
    try:
        with Store(store_path) as store:
            summary = ingest_paths(
                paths,
                store,
                outlet=getattr(args, "outlet", None),
                published=getattr(args, "published", None),
                language=getattr(args, "language", None),
                on_event=progress,
                workers=max(1, getattr(args, "workers", 1)),
            )
    finally:
        progress.close()
    for line in summary.lines():
        print(line)
    return summary


def _after_ingest(args: argparse.Namespace, summary: IngestSummary) -> None:
    from graph.cli import curation_path
    from graph.curation import apply_curation, load_curation

    with Store(args.store) as store:
        for line in apply_curation(store, load_curation(curation_path(args.store, args.curation))):
            print(f"curation: {line}")
    if args.report_json:
        data = [r.to_dict() for r in summary.reports]
        tmp = args.report_json.with_name(args.report_json.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(args.report_json)


def _run(args: argparse.Namespace) -> int:
    from graph.network import build_graph
    from graph.render import render_html

    out: Path = args.out
    store_path = out / "sample.sqlite"
    progress = _Progress(quiet=False)
    try:
        summary = build_store(args.corpus, store_path, on_event=progress)
    finally:
        progress.close()
    for line in summary.lines():
        print(line)
    with Store(store_path) as store:
        graph = build_graph(store)
    report = render_html(graph, out / "rumour_graph.html", title="Rumour graph: sample corpus")
    print(f"store: {store_path.resolve()}")
    print(f"graph: {report.path.resolve()} ({report.nodes} nodes, {report.edges} edges)")
    return 1 if summary.failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "evaluate":
            outcome = evaluate_command(args)
            for line in outcome.errors:
                print(line, file=sys.stderr)
            for line in outcome.lines:
                print(line)
            return outcome.exit_code
        summary = _ingest(args, args.paths, args.store)
        _after_ingest(args, summary)
        return 1 if summary.failed else 0
    except RumorGraphError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
