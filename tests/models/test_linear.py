import numpy as np
import pytest
from sklearn.exceptions import NotFittedError

from argmine.errors import ModelError
from argmine.models.linear import LinearModel

FEATS = [{"w=good": 1.0, "cue=evaluative": 1.0}, {"w=bad": 1.0}, {"w=visited": 1.0, "tense=past": 1.0},
         {"w=said": 1.0, "cue=reporting": 1.0}, {"w=good": 1.0, "w=very": 1.0}, {"w=said": 1.0}]
LABELS = ["claim", "claim", "evidence", "evidence", "claim", "evidence"]


def test_round_trip_keeps_predictions(tmp_path):
    model = LinearModel(C=1.0).fit(FEATS, LABELS)
    model.to_disk(tmp_path, "head")
    loaded = LinearModel.from_disk(tmp_path, "head")
    assert loaded.classes_ == model.classes_
    probe = FEATS + [{"w=unseen": 1.0}, {}]
    # Coefficients are stored as float16: predictions agree to about three decimals.
    np.testing.assert_allclose(loaded.predict_proba(probe), model.predict_proba(probe), atol=2e-3)
    assert loaded.predict(probe) == model.predict(probe)


def test_saved_files_need_no_pickle(tmp_path):
    LinearModel().fit(FEATS, LABELS).to_disk(tmp_path, "head")
    with np.load(tmp_path / "head.npz", allow_pickle=False) as arrays:
        assert {"used", "idf", "coef", "intercept"} <= set(arrays.files)


def test_same_seed_same_model():
    a = LinearModel(seed=3).fit(FEATS, LABELS)
    b = LinearModel(seed=3).fit(FEATS, LABELS)
    np.testing.assert_array_equal(a.coef_, b.coef_)


def test_unfitted_model_raises():
    with pytest.raises(NotFittedError):
        LinearModel().predict_proba(FEATS)


def test_missing_files_are_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="missing 'head.json'"):
        LinearModel.from_disk(tmp_path, "head")
