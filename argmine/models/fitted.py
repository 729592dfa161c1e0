"""Fitted scikit-learn parts applied to matrices argmine has just built.

Each function gives exactly what the estimator's own method returns (tests hold them equal),
without its input validation: scikit-learn checks every call's input (dtype, finiteness,
dataframe libraries), which for the small batches of annotation cost more than the
arithmetic. Only for CSR matrices built inside argmine, never for user input.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse
from scipy.special import expit
from sklearn.preprocessing import normalize
from sklearn.utils.extmath import safe_sparse_dot, softmax
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2


def tfidf(transformer: Any, X: sparse.csr_matrix) -> sparse.csr_matrix:
    """``TfidfTransformer.transform`` on a CSR matrix of float64 counts (changed in place)."""
    if transformer.sublinear_tf:
        np.log(X.data, X.data)
        X.data += 1.0
    if hasattr(transformer, "idf_"):
        X.data *= transformer.idf_[X.indices]
    if transformer.norm == "l2":
        inplace_csr_row_normalize_l2(X)
    elif transformer.norm is not None:
        X = normalize(X, norm=transformer.norm, copy=False)
    return X


def max_abs(scaler: Any, X: sparse.csr_matrix) -> sparse.csr_matrix:
    """``MaxAbsScaler.transform`` on a CSR matrix of float64 (changed in place)."""
    X.data *= (1.0 / scaler.scale_).take(X.indices, mode="clip")
    if getattr(scaler, "clip", False):
        np.clip(X.data, -1, 1, out=X.data)
    return X


def lr_proba(model: Any, X: sparse.csr_matrix) -> np.ndarray:
    """``LogisticRegression.predict_proba``: softmax over classes, or the binary logistic."""
    scores = safe_sparse_dot(X, model.coef_.T, dense_output=True) + model.intercept_
    if len(model.classes_) <= 2:
        prob = expit(scores.reshape(-1))
        return np.stack([1 - prob, prob], axis=1)
    return softmax(scores, copy=False)
