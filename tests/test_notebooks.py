"""Every notebook runs headless, top to bottom, in a real kernel (nbclient), offline."""

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the dev extra")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the dev extra")

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def _outputs(nb) -> tuple[str, set[str]]:
    """All text the cells printed or returned, and the MIME types of their outputs."""
    text, kinds = [], set()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                text.append(out["text"])
            for mime, value in out.get("data", {}).items():
                kinds.add(mime)
                if mime == "text/plain":
                    text.append(value)
    return "\n".join(text), kinds


@pytest.fixture(scope="module")
def executed():
    done = {}

    def run(path: Path):
        if path not in done:
            nb = nbformat.read(path, as_version=4)
            nbclient.NotebookClient(nb, timeout=900, kernel_name="python3",
                                    resources={"metadata": {"path": str(path.parent)}}).execute()
            done[path] = nb
        return done[path]

    return run


def test_there_are_three_notebooks():
    assert {p.stem for p in NOTEBOOKS} == {"quickstart", "train-and-evaluate", "discourse-network"}


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, executed, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    nb = executed(path)
    text, kinds = _outputs(nb)
    assert "Error" not in {out.get("output_type") for cell in nb.cells for out in cell.get("outputs", [])}
    if path.stem == "quickstart":
        assert "Donald Trump on the Iran nuclear deal: against" in text  # stances name their actors
        assert "report.html" in text and "mentions" in text
    elif path.stem == "train-and-evaluate":
        assert "accuracy" in text and "tfidf_lr" in text
    else:
        assert "image/png" in kinds  # the plot
        assert "affiliation.graphml" in text and "speeches.html" in text
