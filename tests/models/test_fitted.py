"""The validation-free helpers return exactly what scikit-learn's own methods return."""

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import MaxAbsScaler

from argmine.models import fitted
from argmine.relations.linear import PairModel


def _counts(seed: int, rows: int = 40, cols: int = 30) -> sparse.csr_matrix:
    X = sparse.random(rows, cols, density=0.2, format="lil", random_state=seed, dtype=np.float64)
    X[3] = 0  # an empty row: its norm is zero
    X = X.tocsr()
    X.data = np.ceil(X.data * 4)
    X.eliminate_zeros()  # as the feature dicts give them: no stored zeros among counts
    X.sort_indices()
    return X


@pytest.mark.parametrize("n_classes", [2, 3, 4])
def test_tfidf_scaling_and_probabilities_match_scikit_learn(n_classes):
    X = _counts(n_classes)
    y = np.arange(X.shape[0]) % n_classes
    tf = TfidfTransformer(sublinear_tf=True).fit(X)
    scale = MaxAbsScaler().fit(X)
    lr = LogisticRegression(max_iter=500).fit(X, y)
    assert np.array_equal(fitted.tfidf(tf, X.copy()).toarray(), tf.transform(X).toarray())
    assert np.array_equal(fitted.max_abs(scale, X.copy()).toarray(), scale.transform(X).toarray())
    assert np.array_equal(fitted.lr_proba(lr, X), lr.predict_proba(X))


def test_pair_model_probabilities_match_its_vectorizer_and_classifier():
    feats = [{"dist": float(i % 5), "same_para": i % 2 == 0, "kind": ["claim", "evidence"][i % 2], "n": i % 3}
             for i in range(30)]
    labels = ["link" if i % 3 == 0 else "none" for i in range(30)]
    model = PairModel().fit(feats, labels)
    test = feats[:10] + [{"dist": 2.5, "kind": "unseen", "other": 1.0}]
    expected = model.clf_.predict_proba(model.vec_.transform(test))
    assert np.array_equal(model.predict_proba(test), expected)
