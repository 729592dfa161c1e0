"""The polarity model: features, persistence, and calibration on a held-out fold."""

import numpy as np
import pytest

from argmine.stance.learned import StanceExample
from argmine.stance.polarity import PolarityModel, RuleView, _softmax_t, fit_temperature, motion_sign, reliability

# Calibration tolerance: on a held-out fold, the expected calibration error (10 bins) of the
# calibrated probabilities must be at most this, and within every bin holding at least 200
# predictions, accuracy must lie within this (plus sampling error) of the mean confidence.
ECE_TOLERANCE = 0.05


def _overconfident(n: int, seed: int):
    """Three-class predictions whose logits are 2.5 times sharper than the truth deserves."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=1.2, size=(n, 3))
    true_p = _softmax_t(np.exp(logits), 1.0)
    gold = np.array([rng.choice(3, p=row) for row in true_p])
    return _softmax_t(np.exp(logits), 1 / 2.5), gold


def test_temperature_calibrates_a_held_out_fold():
    fit_probs, fit_gold = _overconfident(4000, 0)
    test_probs, test_gold = _overconfident(4000, 1)
    t = fit_temperature(fit_probs, fit_gold)
    assert t > 1.0  # an overconfident model is softened
    raw = reliability(test_probs.max(axis=1), test_probs.argmax(axis=1) == test_gold)
    cal_p = _softmax_t(test_probs, t)
    cal = reliability(cal_p.max(axis=1), cal_p.argmax(axis=1) == test_gold)
    assert cal["ece"] <= ECE_TOLERANCE < raw["ece"]
    for b in cal["curve"]:
        if b["n"] >= 200:
            assert abs(b["accuracy"] - b["confidence"]) <= ECE_TOLERANCE + 2 * np.sqrt(0.25 / b["n"])


def test_reliability_of_a_perfectly_calibrated_model_is_near_zero():
    rng = np.random.default_rng(3)
    conf = rng.uniform(0.5, 1.0, size=20000)
    correct = rng.uniform(size=20000) < conf
    assert reliability(conf, correct)["ece"] < 0.02


def test_motion_sign():
    assert motion_sign("This house would ban the sale of violent video games to minors") == -1
    assert motion_sign("We should abolish the death penalty") == -1
    assert motion_sign("This house supports nuclear energy") == 1
    assert motion_sign("nuclear energy") == 1


def _toy():
    rows = []
    for i in range(30):
        rows.append(StanceExample(f"Officials praised <t> warmly in case {i}.", "the plan", "favor", f"g{i % 3}"))
        rows.append(StanceExample(f"Officials attacked <t> bitterly in case {i}.", "the plan", "against", f"g{i % 3}"))
        rows.append(StanceExample(f"The plan was discussed on day {i}.", "the plan", "none", f"g{i % 3}"))
    views = [RuleView("favor" if e.label == "favor" else "against" if e.label == "against" else "none",
                      1, 0, False, "dobj:0", False, False) for e in rows]
    return rows, views


def test_fit_predict_and_round_trip(tmp_path):
    rows, views = _toy()
    model = PolarityModel(C=1.0).fit(rows, views, temperature=1.3)
    probs = model.predict_one("Officials attacked the plan bitterly.", "the plan", kind="policy", view=views[1])
    assert max(probs, key=probs.get) == "against"
    assert abs(sum(probs.values()) - 1.0) < 1e-5
    model.to_disk(tmp_path / "polarity")
    assert not list((tmp_path / "polarity").glob("*.pkl"))
    again = PolarityModel.from_disk(tmp_path / "polarity")
    assert again.temperature_ == pytest.approx(1.3)
    again_probs = again.predict_one("Officials attacked the plan bitterly.", "the plan", kind="policy",
                                    view=views[1])
    for k in probs:
        assert again_probs[k] == pytest.approx(probs[k], abs=2e-3)  # float16 coefficients


def test_unfitted_model_and_damaged_config_are_errors(tmp_path):
    from sklearn.exceptions import NotFittedError

    from argmine.errors import ModelError

    with pytest.raises(NotFittedError):
        PolarityModel().predict_proba([{"bias": 1.0}])
    (tmp_path / "config.json").write_text("{\"kind\": \"polarity\"}", encoding="utf-8")
    with pytest.raises(ModelError):
        PolarityModel.from_disk(tmp_path)


def test_cross_validation_reads_news_targets_under_their_run_time_kind():
    from argmine.nlp import load_spacy
    from argmine.stance.polarity import example_kind
    from argmine.training.polarity import read_kind, with_runtime_kinds

    said = "He said the plan would fail."
    data = {"basil": [StanceExample(said, "Barack Obama", "against", "basil:e1:quote"),
                      StanceExample("Obama spoke.", "Barack Obama", "favor", "basil:e1:quote", (0, 5)),
                      StanceExample("The cuts will hurt.", "tax cuts", "against", "basil:e2:other")],
            "ibm": [StanceExample("Violent games harm children.", "the sale of violent video games to minors",
                                  "against", "ibm:1")]}
    read = with_runtime_kinds(data, load_spacy())
    # A name the sentence does not mention is learned as its corpus gives it (a policy),
    # and read as argmine reads the target "Barack Obama" at run time: an actor.
    assert [example_kind(e) for e in read["basil"]] == ["policy", "actor", "policy"]
    assert [read_kind(e) for e in read["basil"]] == ["actor", "actor", "policy"]
    # IBM's topic phrases are not what a user names (the motion is): left as they are.
    assert read["ibm"] == data["ibm"]
