"""``python -m graph``: export, render, show and review a store.

Every error a user can cause (missing store, unknown claim or actor, bad
option) prints one line to stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from graph.api import open_store
from graph.claimreview import write_claim_reviews
from graph.curation import apply_curation, load_curation, record_review
from graph.errors import RumorGraphError
from graph.export import to_node_link, write_graphml, write_json, write_text_atomic
from graph.frames import with_roles
from graph.network import NotFoundError, build_graph
from graph.store import DEFAULT_STORE, Store

__all__ = ["build_parser", "main"]

_PROG = "python -m graph"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface as an argparse parser."""
    parser = _Parser(prog=_PROG, description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--store", default=str(DEFAULT_STORE), help="the SQLite store")
        p.add_argument(
            "--curation",
            help="curation YAML applied first (default: curation.yaml beside the store)",
        )
        return p

    def focus(p: argparse.ArgumentParser) -> None:
        which = p.add_mutually_exclusive_group()
        which.add_argument("--claim", help="only this claim (id) and who spoke on it")
        which.add_argument("--actor", help="only this actor (any alias) and its claims")
        p.add_argument("--since", type=_date, help="only statements on or after YYYY-MM-DD")

    p = command("export", "write the store as JSON, GraphML, node-link JSON or ClaimReview")
    p.add_argument(
        "--format",
        choices=("json", "graphml", "node-link", "claimreview"),
        default="json",
        help="claimreview: a JSON array of schema.org ClaimReview for decided claims",
    )
    p.add_argument("--out", required=True, help="the file to write")
    focus(p)

    p = command("render", "write the interactive HTML graph")
    p.add_argument("--out", required=True, help="the .html file to write")
    p.add_argument("--max-nodes", type=int, default=1500, help="largest graph drawn")
    p.add_argument("--title", default="Rumour graph")
    focus(p)

    p = command("show", "print the provenance of one claim")
    p.add_argument("claim_id")
    p.add_argument("--json", action="store_true", help="print the claim as one JSON document")

    p = command("review", "list low-confidence statements, or uncertain claim matches")
    p.add_argument("--below", type=float, default=0.7, help="confidence threshold")
    p.add_argument("--flagged", action="store_true", help="list uncertain claim matches")
    decide = p.add_mutually_exclusive_group()
    decide.add_argument("--accept", metavar="STATEMENT", help="keep this match (curation)")
    decide.add_argument("--reject", metavar="STATEMENT", help="split it off (curation)")
    return parser


def curation_path(store_path: str | Path, given: str | Path | None = None) -> Path:
    """The curation file: the one given, else ``curation.yaml`` beside the store."""
    return Path(given) if given else Path(store_path).resolve().parent / "curation.yaml"


def _apply_curation(store: Store, args: argparse.Namespace) -> None:
    for line in apply_curation(store, load_curation(curation_path(args.store, args.curation))):
        print(f"curation: {line}", file=sys.stderr)


def _one_line(text: str | None) -> str:
    """Evidence spanning paragraphs, shown on one terminal line."""
    return " ".join((text or "").split())


def _graph(store: Store, args: argparse.Namespace) -> Any:
    return build_graph(store, claim_id=args.claim, actor=args.actor, since=args.since)


def _export(store: Store, args: argparse.Namespace) -> int:
    if args.format in ("json", "claimreview"):
        if args.claim or args.actor or args.since:
            raise RumorGraphError("--claim, --actor and --since apply to graph formats only")
        write = write_json if args.format == "json" else write_claim_reviews
        path = write(store, args.out)
    elif args.format == "graphml":
        path = write_graphml(_graph(store, args), args.out)
    else:
        data = to_node_link(_graph(store, args))
        path = write_text_atomic(args.out, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    print(path)
    return 0


def _render(store: Store, args: argparse.Namespace) -> int:
    from graph.render import render_html  # pyvis is only needed here

    if args.max_nodes < 1:
        raise RumorGraphError(f"--max-nodes must be at least 1, got {args.max_nodes}")
    report = render_html(_graph(store, args), args.out, title=args.title, max_nodes=args.max_nodes)
    print(report.path)
    print(
        f"{report.nodes} nodes, {report.edges} edges drawn"
        f" ({report.total_nodes} in the graph; left out {report.dropped_nodes} nodes,"
        f" {report.dropped_claims} claims)"
    )
    return 0


def _show(store: Store, args: argparse.Namespace) -> int:
    claim = store.claim(args.claim_id)
    if claim is None:
        raise NotFoundError(f"unknown claim: {args.claim_id}")
    if args.json:
        print(json.dumps(_claim_document(store, claim), ensure_ascii=False, indent=2))
        return 0
    print(f"{claim['id']}  [{claim['status']}]  {claim['text']}")
    print(f"  language {claim['language']}, first seen {claim['first_seen'] or 'unknown'}")
    print("status history:")
    for h in store.status_history(claim["id"]):
        print(f"  {h['date'] or 'undated':10}  {h['status']:10}  by {h['speaker_name']}")
    rows = with_roles(store.statement_details(claim["id"]))
    articles = {a["id"]: a for a in store.articles()}
    print(f"statements ({len(rows)}):")
    for r in rows:
        source = r["outlet"] or "?"
        if r["via"] and r["via"] != r["outlet"]:
            source += f" via {r['via']}"
        republished_by = articles.get(r["article_id"], {}).get("republished_by")
        if republished_by:
            source += f", republished by {republished_by}"
        print(
            f"  {r['date'] or 'undated':10}  {r['role']:10}  {r['speaker_name']} {r['stance']}"
            f"  [{r['speaker_kind']}]"
        )
        print(f"      {source} · {r['article_title'] or '(untitled)'}")
        print(f"      evidence: {_one_line(r['evidence'])}")
        if r["quote"]:
            print(f"      quote: “{_one_line(r['quote'])}”")
    return 0


_SHOW_FIELDS = (
    *("id", "date", "role", "speaker_id", "speaker_name", "speaker_kind", "stance"),
    *("outlet", "via", "article_id", "article_title", "evidence", "quote", "start", "end"),
    *("cue", "hedges", "rule", "confidence"),
)


def _claim_document(store: Store, claim: dict[str, Any]) -> dict[str, Any]:
    """One claim as ``show --json`` prints it: the claim, its history, its statements."""
    return {
        **{k: claim[k] for k in ("id", "text", "status", "language", "first_seen")},
        "status_history": [
            {k: h[k] for k in ("seq", "status", "date", "statement_id", "speaker_name")}
            for h in store.status_history(claim["id"])
        ],
        "statements": [
            {k: r.get(k) for k in _SHOW_FIELDS}
            for r in with_roles(store.statement_details(claim["id"]))
        ],
    }


def _review(store: Store, args: argparse.Namespace) -> int:
    if args.accept or args.reject:
        path = curation_path(args.store, args.curation)
        statement_id = args.accept or args.reject
        if store.statement(statement_id) is None:
            raise NotFoundError(f"unknown statement: {statement_id}")
        record_review(path, statement_id, accept=bool(args.accept))
        _apply_curation(store, args)
        print(f"{'accepted' if args.accept else 'rejected'} {statement_id} in {path}")
        return 0
    if args.flagged:
        flagged = store.flagged_statements()
        print(f"{len(flagged)} uncertain claim matches (accept or reject each)")
        for f in flagged:
            print(f"{f['match_score']:.2f}  {f['id']}  {f['date'] or 'undated'}  {f['speaker']}")
            print(f"      said:  {_one_line(f['claim_text'])}")
            print(f"      claim: {f['claim_id']} {_one_line(f['claim'])}")
        return 0
    weak = sorted(
        (s for s in store.statement_details() if s["confidence"] < args.below),
        key=lambda s: (s["confidence"], s["date"] or "9999", s["id"]),
    )
    print(f"{len(weak)} statements with confidence below {args.below}")
    for s in weak:
        print(
            f"{s['confidence']:.2f}  {s['id']}  {s['rule']}  {s['date'] or 'undated'}"
            f"  {s['speaker_name']} {s['stance']}: {_one_line(s['claim_text'])}"
        )
        print(f"      evidence: {_one_line(s['evidence'])}")
    return 0


_COMMANDS = {"export": _export, "render": _render, "show": _show, "review": _review}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (0, or 2 on a user error)."""
    args = build_parser().parse_args(argv)
    try:
        with open_store(args.store) as store:
            if args.command in ("export", "render", "show"):
                _apply_curation(store, args)
            return _COMMANDS[args.command](store, args)
    except BrokenPipeError:
        # The reader (``| head``) has gone: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (RumorGraphError, OSError) as err:
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        print(f"{_PROG} {args.command}: {message}", file=sys.stderr)
        return 2
