"""Tests for ``python -m graph``: export, render, show, review."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.cli import main
from graph.export import export_json
from graph.store import Store
from tests.test_network import CLAIM_A, CLAIM_B, claim_id, make_store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "rumours.sqlite"
    make_store(path).close()
    return path


def ids(path: Path) -> tuple[str, str]:
    with Store(path) as s:
        return claim_id(s, CLAIM_A), claim_id(s, CLAIM_B)


def test_export_json_matches_api(store_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "g.json"
    assert main(["export", "--store", str(store_path), "--format", "json", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    with Store(store_path) as s:
        assert json.loads(out.read_text(encoding="utf-8")) == export_json(s)


@pytest.mark.parametrize(
    ("fmt", "read"),
    [
        ("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
        (
            "node-link",
            lambda p: nx.node_link_graph(json.loads(p.read_text(encoding="utf-8")), edges="edges"),
        ),
    ],
)
def test_export_graph_formats(store_path: Path, tmp_path: Path, fmt: str, read) -> None:
    out = tmp_path / f"g.{fmt}"
    argv = ["export", "--store", str(store_path), "--format", fmt, "--out", str(out)]
    assert main([*argv, "--actor", "zhang san"]) == 0
    g = read(out)
    assert g.number_of_nodes() == 8
    assert {d["name"] for _, d in g.nodes(data=True) if d["type"] == "actor"} >= {"张三", "Newme"}


def test_render_prints_path_and_counts(store_path: Path, tmp_path: Path, capsys) -> None:
    a, _ = ids(store_path)
    out = tmp_path / "page.html"
    argv = ["render", "--store", str(store_path), "--out", str(out), "--claim", a]
    assert main([*argv, "--since", "2026-10-21"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == str(out)
    # claim A after 10-21: the claim, 3 speakers, Axios, TikTok (about);
    # 3 statements, 1 relay, 1 about
    assert lines[1].startswith("6 nodes, 5 edges drawn")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_render_max_nodes(store_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "page.html"
    argv = ["render", "--store", str(store_path), "--out", str(out), "--max-nodes", "3"]
    assert main(argv) == 0
    assert "left out" in capsys.readouterr().out


def test_show_claim(store_path: Path, capsys) -> None:
    a, _ = ids(store_path)
    assert main(["show", a, "--store", str(store_path)]) == 0
    text = capsys.readouterr().out
    assert f"[denied]  {CLAIM_A}" in text
    lines = text.splitlines()
    order = [
        next(i for i, line in enumerate(lines) if needle in line)
        for needle in ("服务商 @ 虎嗅 asserts", "国内卖家 reports", "张三 denies")
    ]
    assert order == sorted(order)
    assert "36氪 via Axios" in text
    assert "quote: “此消息并不真实”" in text
    assert "2026-10-28  denied      by 张三" in text


def test_review_weakest_first(store_path: Path, capsys) -> None:
    assert main(["review", "--store", str(store_path), "--below", "0.6"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "5 statements with confidence below 0.6"
    scores = [line.split()[0] for line in lines[1:] if not line.startswith(" ")]
    assert scores == ["0.40", "0.50", "0.50", "0.50", "0.55"]
    assert " zh.asserts " in lines[1] and "服务商 @ 虎嗅 asserts" in lines[1]
    assert lines[2].strip().startswith("evidence:")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["show", "c_missing"], "unknown claim: c_missing"),
        (["render", "--out", "{tmp}/x.html", "--actor", "nobody"], "unknown actor: nobody"),
        (["export", "--format", "json", "--out", "{tmp}/x.json", "--since", "2026-10-01"], "graph"),
        (["render", "--out", "{tmp}/x.html", "--max-nodes", "0"], "--max-nodes"),
    ],
)
def test_user_errors_one_line_exit_2(
    store_path: Path, tmp_path: Path, capsys, argv: list[str], needle: str
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main([*argv, "--store", str(store_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert needle in err


def test_missing_store(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.sqlite"
    assert main(["review", "--store", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such store" in err
    assert not missing.exists()  # the CLI never creates a store


@pytest.mark.parametrize(
    "argv", [["render", "--out", "x.html", "--since", "yesterday"], ["export", "--format", "csv"]]
)
def test_usage_errors_one_line_exit_2(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_python_dash_m(store_path: Path) -> None:
    a, _ = ids(store_path)
    ok = subprocess.run(
        [sys.executable, "-m", "graph", "show", a, "--store", str(store_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert CLAIM_A in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "graph", "show", "c_x", "--store", str(store_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (bad.returncode, bad.stderr) == (2, "python -m graph show: unknown claim: c_x\n")


def test_show_claim_json(store_path: Path, capsys) -> None:
    a, _ = ids(store_path)
    assert main(["show", a, "--store", str(store_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["id"], doc["text"], doc["status"]) == (a, CLAIM_A, "denied")
    assert [h["status"] for h in doc["status_history"]] == ["unverified", "denied"]
    assert [(s["speaker_name"], s["stance"], s["role"]) for s in doc["statements"]] == [
        ("服务商 @ 虎嗅", "asserts", "first"),
        ("国内卖家", "reports", "relayed"),
        ("晚点LatePost", "reports", "repeated"),
        ("张三", "denies", "denied"),
    ]
    relayed = doc["statements"][1]
    assert (relayed["via"], relayed["outlet"], relayed["date"]) == ("Axios", "36氪", "2026-10-22")
    assert doc["statements"][3]["quote"] == "此消息并不真实"


def test_show_claim_prints_speaker_kind(store_path: Path, capsys) -> None:
    a, _ = ids(store_path)
    assert main(["show", a, "--store", str(store_path)]) == 0
    text = capsys.readouterr().out
    assert "服务商 @ 虎嗅 asserts  [anonymous]" in text
    assert "evidence: 张三表示：“此消息并不真实”" in text
