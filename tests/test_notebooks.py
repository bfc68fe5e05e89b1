"""The notebooks in notebooks/ run top to bottom (nbclient), each under a time limit, and are
committed without outputs."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
#: Per-notebook wall-clock limits in seconds (on 2 CPU cores all three take about 1–2 minutes).
LIMITS = {"01-quickstart.ipynb": 150, "02-archive-analysis.ipynb": 150, "03-train-and-evaluate.ipynb": 180}

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extra: pip install -e '.[test]'")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra: pip install -e '.[test]'")


def test_all_notebooks_listed():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == sorted(LIMITS)


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_committed_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: strip the outputs before committing"


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", sorted(LIMITS))
def test_notebook_runs(name, monkeypatch):
    pytest.importorskip("ipykernel", reason="ipykernel is in the test extra: pip install -e '.[test]'")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    limit = LIMITS[name]
    client = nbclient.NotebookClient(nb, timeout=limit, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    t0 = time.monotonic()
    client.execute()
    elapsed = time.monotonic() - t0
    assert elapsed < limit, f"{name} took {elapsed:.0f}s (limit {limit}s)"
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
