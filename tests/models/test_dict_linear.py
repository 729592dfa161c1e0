import json
import zipfile

import numpy as np
import pytest

from argmine.errors import ModelError
from argmine.models.dict_linear import DictLinearModel

ROWS = [({"w=should": 1.0, "cue=deontic": 1.0, "pos=first": 1.0}, "essay"),
        ({"w=must": 1.0, "cue=deontic": 1.0}, "news"),
        ({"w=rose": 1.0, "num": 2.0, "pos=3": 1.0}, "essay"),
        ({"w=fell": 1.0, "num": 1.0}, "news"),
        ({"w=thanks": 1.0}, "essay"),
        ({"w=hello": 1.0}, "news")] * 3
LABELS = ["claim", "claim", "evidence", "evidence", "none", "none"] * 3


@pytest.fixture()
def model():
    return DictLinearModel(position_genres=("essay",), min_df=1).fit(ROWS, LABELS)


def test_model_learns_and_predicts_known_classes(model):
    assert model.predict([({"w=should": 1.0, "cue=deontic": 1.0}, "news")]) == ["claim"]
    probs = model.predict_proba(ROWS)
    assert probs.shape == (len(ROWS), 3)
    assert np.allclose(probs.sum(axis=1), 1.0)


def test_round_trip_without_pickle(model, tmp_path):
    model.to_disk(tmp_path, "component")
    # The arrays file holds plain numeric arrays only: loadable with allow_pickle=False.
    with np.load(tmp_path / "component.npz", allow_pickle=False) as arrays:
        assert all(arrays[k].dtype != object for k in arrays.files)
    with zipfile.ZipFile(tmp_path / "component.npz") as z:
        assert all(name.endswith(".npy") for name in z.namelist())
    cfg = json.loads((tmp_path / "component.json").read_text(encoding="utf-8"))
    assert "essay|pos=first" in cfg["vocabulary"]["cues"]
    loaded = DictLinearModel.from_disk(tmp_path, "component")
    assert loaded.classes_ == model.classes_
    np.testing.assert_allclose(loaded.predict_proba(ROWS), model.predict_proba(ROWS), atol=1e-5)


def test_damaged_model_file_is_a_clear_error(model, tmp_path):
    model.to_disk(tmp_path, "component")
    (tmp_path / "component.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="damaged"):
        DictLinearModel.from_disk(tmp_path, "component")


def test_missing_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="component.json"):
        DictLinearModel.from_disk(tmp_path, "component")


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_non_finite_weights_are_refused_on_load(tmp_path, bad):
    import shutil

    from argmine.api import DEFAULT_MODEL
    from argmine.errors import ModelError

    src = DEFAULT_MODEL / "units"
    shutil.copy(src / "genre.json", tmp_path / "genre.json")
    with np.load(src / "genre.npz", allow_pickle=False) as arrays:
        data = {k: arrays[k] for k in arrays.files}
    data["coef"] = data["coef"].copy()
    data["coef"][0, 0] = bad
    np.savez(tmp_path / "genre.npz", **data)
    with pytest.raises(ModelError, match="E044|E021"):
        DictLinearModel.from_disk(tmp_path, "genre")


def test_genre_weights_survive_the_round_trip(tmp_path):
    model = DictLinearModel(position_genres=("essay",), min_df=1, genre_weights={"essay": 2.0}).fit(ROWS, LABELS)
    model.to_disk(tmp_path, "component")
    loaded = DictLinearModel.from_disk(tmp_path, "component")
    assert loaded.genre_weights == {"essay": 2.0}
    np.testing.assert_allclose(loaded.predict_proba(ROWS), model.predict_proba(ROWS), atol=1e-5)


@pytest.mark.parametrize("max_columns", [200_000, 5])
@pytest.mark.parametrize("head", ["component", "claim_type", "evidence_type", "genre"])
def test_fast_features_give_the_pipelines_probabilities(head, max_columns, monkeypatch):
    """The one-pass features step predicts exactly what the scikit-learn Pipeline does,
    also when its column cache fills up and starts again."""
    monkeypatch.setattr("argmine.models.dict_linear._MAX_COLUMNS", max_columns)
    from argmine.api import DEFAULT_MODEL
    from argmine.features.document import document_features
    from argmine.features.lexicon import read_cue_lists
    from argmine.nlp import units_pipeline
    from argmine.pipeline.unit_classifier import doc_features

    model = DictLinearModel.from_disk(DEFAULT_MODEL / "units", head)
    nlp = units_pipeline()
    texts = ["The council must fund the new clinic. It said costs rose 12% in 2023, to $4.1 million. "
             "Critics, however, say the plan is a mistake!", "Thanks, everyone.", "",
             "According to the report, unemployment fell. We should act now; do we have a choice?"]
    rows = []
    for doc in nlp.pipe(texts):
        if head == "genre":
            rows.append((document_features(doc), None))
            continue
        _, feats = doc_features(doc, cues=read_cue_lists())
        rows += [(f, genre) for f in feats for genre in (None, "essay", "news", "debate", "microtext")]
    rows.append(({"bias": 0.5, "w=unseen-word": 3.0}, "news"))
    fast = model.predict_proba(rows)
    slow = model.pipeline_.predict_proba(rows)
    assert fast.shape == slow.shape
    assert np.array_equal(fast, slow), np.abs(fast - slow).max()
    assert (fast.argmax(axis=1) == slow.argmax(axis=1)).all()
