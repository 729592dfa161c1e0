"""The code in docs/ runs as written."""

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.slow
def test_spacy_integration_snippet_runs():
    text = (DOCS / "spacy.md").read_text(encoding="utf-8")
    [code] = re.findall(r"```python\n(.*?)```", text, re.S)
    namespace: dict = {}
    exec(compile(code, "docs/spacy.md", "exec"), namespace)
    doc, html = namespace["doc"], namespace["html"]
    assert [s.label_ for s in doc.spans["argmine_units"]][-1] == "none"  # "Thank you."
    for span in doc.spans["argmine_units"]:
        probs = span._.argmine_probs
        assert abs(sum(probs[k] for k in ("claim", "evidence", "none")) - 1) < 1e-3
        assert span._.argmine_score == probs[span.label_]
    shown = namespace["doc"].spans["argmine_arguments"]
    assert shown and all(s.label_ in ("claim", "evidence") for s in shown)
    # Each shown unit is drawn by displaCy with its label.
    for span in shown:
        assert span.label_.upper() in html or span.label_ in html
    assert "http" not in html.split("<body", 1)[1].split("</body>", 1)[0].replace("http-equiv", "")


def test_every_registered_factory_is_documented():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories") if ep.name.startswith("argmine_")}
    documented = set(re.findall(r"`(argmine_\w+)`", (DOCS / "spacy.md").read_text(encoding="utf-8")))
    assert names and names <= documented, sorted(names - documented)


def test_every_argmine_factory_is_an_analysis_component_or_a_linguistic_layer():
    from importlib.metadata import entry_points

    from argmine.morphology import MORPHOLOGY
    from argmine.paragraphs import PARAGRAPHS
    from argmine.pipeline import ANALYSIS_FACTORIES

    names = {ep.name for ep in entry_points(group="spacy_factories") if ep.name.startswith("argmine_")}
    assert names == ANALYSIS_FACTORIES | {MORPHOLOGY, PARAGRAPHS}
