"""Smoke test: every notebook's code cells run top to bottom with the public API."""

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, monkeypatch):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    monkeypatch.chdir(path.parent)  # notebooks use paths relative to their folder
    namespace: dict = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"{path.name}", "exec"), namespace)
    record = namespace["record"]
    assert record.units and all(u.label in ("claim", "evidence", "none") for u in record.units)
    assert {s.target for s in record.stances} == {"diplomacy with North Korea", "the Iran nuclear deal"}
