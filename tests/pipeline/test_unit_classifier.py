import pytest
import spacy
from sklearn.exceptions import NotFittedError

from argmine.api import DEFAULT_MODEL
from argmine.errors import ModelError
from argmine.extensions import SPANS_KEY, remove_extensions
from argmine.nlp import units_pipeline

TEXT = ("Washington should resume talks with Pyongyang. The envoy visited Seoul in May. "
        "Exports fell 12 percent last year.")


@pytest.fixture(scope="module")
def nlp():
    nlp = units_pipeline()
    nlp.add_pipe("argmine_unit_classifier").from_disk(DEFAULT_MODEL / "units")
    return nlp


def test_component_writes_units_without_parser_or_ner(nlp):
    assert "parser" not in nlp.pipe_names and "ner" not in nlp.pipe_names
    doc = nlp(TEXT)
    spans = doc.spans[SPANS_KEY]
    assert [s.text for s in spans] == [
        "Washington should resume talks with Pyongyang.", "The envoy visited Seoul in May.",
        "Exports fell 12 percent last year."]
    for span in spans:
        assert span.label_ in ("claim", "evidence", "none")
        assert 0.0 <= span._.argmine_score <= 1.0
        assert span._.argmine_probs[span.label_] == pytest.approx(span._.argmine_score, abs=1e-3)
        if span.label_ == "claim":
            assert span._.argmine_type in ("value", "policy", "fact")


def test_component_survives_extension_removal(nlp):
    remove_extensions()
    doc = nlp(TEXT)
    assert doc.spans[SPANS_KEY][0]._.argmine_score is not None


def test_untrained_component_raises():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("argmine_unit_classifier")
    with pytest.raises(NotFittedError, match="argmine train"):
        nlp("A sentence.")


def test_from_disk_of_wrong_folder_is_a_clear_error(tmp_path):
    nlp = spacy.blank("en")
    component = nlp.add_pipe("argmine_unit_classifier")
    with pytest.raises(ModelError, match="not a unit-classifier directory"):
        component.from_disk(tmp_path)


def test_component_round_trips_through_to_disk(nlp, tmp_path):
    component = nlp.get_pipe("argmine_unit_classifier")
    component.to_disk(tmp_path / "units")
    other = units_pipeline()
    other.add_pipe("argmine_unit_classifier").from_disk(tmp_path / "units")
    doc_a, doc_b = nlp(TEXT), other(TEXT)
    a = [(s.label_, s._.argmine_type) for s in doc_a.spans[SPANS_KEY]]
    b = [(s.label_, s._.argmine_type) for s in doc_b.spans[SPANS_KEY]]
    assert a == b


def test_genre_heads_of_an_unknown_head_are_a_clear_error(nlp, tmp_path):
    import json
    nlp.get_pipe("argmine_unit_classifier").to_disk(tmp_path / "units")
    cfg_path = tmp_path / "units" / "cfg.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    cfg["genre_heads"] = {"stance": {"genres": ["news"], "weight": 0.5}}
    cfg_path.write_text(json.dumps(cfg), encoding="utf-8")
    with pytest.raises(ModelError, match="genre heads of no head: stance"):
        units_pipeline().add_pipe("argmine_unit_classifier").from_disk(tmp_path / "units")
