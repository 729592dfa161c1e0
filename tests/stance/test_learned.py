"""Learned stance classifiers: features, training, persistence, cross-topic CV."""

import json

import numpy as np
import pytest

from argmine.errors import ModelError
from argmine.stance.learned import (
    PolarityClassifier,
    StanceClassifier,
    StanceExample,
    cross_validate_stance,
    ibm_examples,
    pair_features,
)

# Invented sentences: two topics, favour and against, so a grouped split is possible.
TINY = [
    StanceExample("Solar subsidies help families and create jobs.", "solar subsidies", "favor", "solar"),
    StanceExample("We strongly support solar subsidies.", "solar subsidies", "favor", "solar"),
    StanceExample("Solar subsidies are a benefit to rural towns.", "solar subsidies", "favor", "solar"),
    StanceExample("Solar subsidies waste money and harm taxpayers.", "solar subsidies", "against", "solar"),
    StanceExample("Many economists oppose solar subsidies.", "solar subsidies", "against", "solar"),
    StanceExample("Solar subsidies are a danger to the budget.", "solar subsidies", "against", "solar"),
    StanceExample("A four-day week improves health and productivity.", "a four-day week", "favor", "week"),
    StanceExample("Unions welcome a four-day week.", "a four-day week", "favor", "week"),
    StanceExample("A four-day week is a great opportunity.", "a four-day week", "favor", "week"),
    StanceExample("Employers reject a four-day week.", "a four-day week", "against", "week"),
    StanceExample("A four-day week would damage small firms.", "a four-day week", "against", "week"),
    StanceExample("A four-day week is a risk to services.", "a four-day week", "against", "week"),
]
PAIRS = [("Voters support the new bridge.", "the new bridge"),
         ("The new bridge is a costly mistake.", "the new bridge"),
         ("Nothing was said about it.", "the new bridge")]


@pytest.fixture(scope="module")
def tiny_model():
    return StanceClassifier(seed=0).fit(TINY)


def test_features_mark_cues_near_the_target():
    feats = pair_features("Critics oppose the plan.", "the plan")
    assert feats["cue:neg:near"] > 0
    assert feats["tgt:mentioned"] == 1.0
    assert "lex=against" in feats
    # The target is masked in n-grams, so its words do not become topic features.
    assert "w:<t>" in feats and "w:plan" not in feats


def test_tiny_train_generalises_to_an_unseen_topic(tiny_model):
    assert sorted(tiny_model.classes_) == ["against", "favor"]
    label, p = tiny_model.predict("Residents support the new bridge.", "the new bridge")
    assert label == "favor" and 0.5 < p <= 1.0
    assert tiny_model.predict("The new bridge will harm the river.", "the new bridge")[0] == "against"


def test_round_trip_gives_identical_probabilities(tiny_model, tmp_path):
    tiny_model.to_disk(tmp_path / "stance")
    files = sorted(p.name for p in (tmp_path / "stance").iterdir())
    assert files == ["config.json", "model.json", "model.npz"]
    cfg = json.loads((tmp_path / "stance" / "config.json").read_text(encoding="utf-8"))
    assert cfg["kind"] == "target_stance"
    loaded = StanceClassifier.from_disk(tmp_path / "stance")
    assert loaded.classes_ == tiny_model.classes_
    # The saved coefficients are float16, and the probabilities are computed from the saved copy.
    again = StanceClassifier.from_disk(tmp_path / "stance")
    np.testing.assert_array_equal(loaded.predict_proba(PAIRS), again.predict_proba(PAIRS))
    np.testing.assert_allclose(loaded.predict_proba(PAIRS), tiny_model.predict_proba(PAIRS), atol=2e-3)


def test_loading_the_wrong_kind_or_a_missing_model_fails(tiny_model, tmp_path):
    tiny_model.to_disk(tmp_path / "stance")
    with pytest.raises(ModelError):
        PolarityClassifier.from_disk(tmp_path / "stance")
    with pytest.raises(ModelError):
        StanceClassifier.from_disk(tmp_path / "nothing")
    with pytest.raises(ModelError):
        StanceClassifier().predict("text", "target")


def test_polarity_classifier_uses_the_mention_span():
    examples = [
        StanceExample("Smith praised the brave rescue workers.", "Smith", "none", "a1", (0, 5)),
        StanceExample("Critics accused Jones of fraud.", "Jones", "against", "a1", (16, 21)),
        StanceExample("Lee won praise for a successful reform.", "Lee", "favor", "a2", (0, 3)),
        StanceExample("Brown met reporters on Monday.", "Brown", "none", "a2", (0, 5)),
        StanceExample("Voters blame Green for the crisis.", "Green", "against", "a3", (13, 18)),
        StanceExample("Gray was hailed as an honest leader.", "Gray", "favor", "a3", (0, 4)),
    ]
    clf = PolarityClassifier().fit(examples)
    assert clf.classes_ == ["against", "favor", "none"]
    label, p = clf.predict("Critics accused White of fraud.", "White")
    assert label == "against" and p > 1 / 3
    assert clf.predict("Critics accused White of fraud.", (16, 21)) == (label, p)
    assert clf.predict("Rivers was hailed as an honest leader.", "Rivers")[0] == "favor"


def test_cross_validation_reports_all_three_systems():
    report = cross_validate_stance(TINY, StanceClassifier, folds=2, seed=0)
    assert report["n"] == len(TINY) and report["groups"] == 2
    for name in ("model", "lexicon", "majority"):
        # Every example is predicted exactly once, pooled over the folds.
        assert sum(map(sum, report[name]["confusion"])) == len(TINY)
        assert {c: v["support"] for c, v in report[name]["per_class"].items()} == {"favor": 6, "against": 6}
    # Each fold trains on one topic (3 favor, 3 against) and tests on the other: the majority
    # baseline says one class throughout, so half the pairs are right and macro-F1 is 1/3.
    assert report["majority"]["accuracy"] == 0.5 and report["majority"]["macro_f1"] == 0.3333
    # The cues in these sentences are plain, and the unseen topic is no obstacle.
    assert report["model"]["macro_f1"] == 1.0 and report["lexicon_coverage"] == 1.0


@pytest.mark.slow
@pytest.mark.corpora
def test_ibm_cross_topic_beats_the_lexicon(corpora_dir):
    examples = ibm_examples(corpora_dir / "ibm-claim-stance")
    assert {e.label for e in examples} == {"favor", "against"}
    report = cross_validate_stance(examples, StanceClassifier, folds=3, seed=0)
    assert report["model"]["macro_f1"] > report["lexicon"]["macro_f1"] + 0.02, report
    assert report["lexicon"]["macro_f1"] > report["majority"]["macro_f1"]
