"""Notebooks are executed, so they cannot rot."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_clean(path, tmp_path, monkeypatch):
    monkeypatch.setenv("RUMOUR_SAMPLE_STORE", str(tmp_path / "sample.sqlite"))
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert outputs, "the notebook showed nothing"


def test_claim_provenance_notebook_answers_its_question(tmp_path, monkeypatch):
    monkeypatch.setenv("RUMOUR_SAMPLE_STORE", str(tmp_path / "sample.sqlite"))
    nb = nbformat.read(NOTEBOOKS[0].with_name("claim_provenance.ipynb"), as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    denied_table = nb.cells[3].outputs[0]["data"]["text/plain"]
    assert "denied" not in denied_table or "decided_by" in denied_table
    assert "派安盈" in denied_table  # rumour A of the sample corpus is denied
