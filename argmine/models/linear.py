"""A hashed TF-IDF + logistic-regression classifier over feature dicts, saved without pickle.

Feature hashing keeps the saved model a fixed, small size and needs no vocabulary
file; the trade-off (rare collisions) costs little at these data sizes. Saved as
``<name>.json`` (config, classes) and ``<name>.npz`` (arrays, ``allow_pickle=False``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression

from ..errors import Errors, ModelError
from .integrity import check_finite, check_size, model_file, require_files

N_FEATURES = 2 ** 17
# A larger hashed space in a model file is damage, not a model (2**24 floats per class = 64 MB).
MAX_FEATURES = 2 ** 24


class LinearModel:
    """Multinomial logistic regression over hashed, TF-IDF-weighted feature dicts.

    Args:
        C: Inverse regularisation strength.
        class_weight: "balanced" to weight classes inversely to their frequency.
        n_features: Size of the hashed feature space.
        seed: Random seed (the solver is deterministic; kept for the record).
    """

    def __init__(self, *, C: float = 1.0, class_weight: str | None = "balanced",
                 n_features: int = N_FEATURES, seed: int = 0):
        self.C = C
        self.class_weight = class_weight
        self.n_features = n_features
        self.seed = seed

    def _hash(self, feats: Sequence[dict[str, float]]) -> sparse.csr_matrix:
        hasher = FeatureHasher(n_features=self.n_features, alternate_sign=False)
        return hasher.transform(feats)

    def fit(self, feats: Sequence[dict[str, float]], labels: Sequence[str]) -> LinearModel:
        X = self._hash(feats)
        tfidf = TfidfTransformer(sublinear_tf=True).fit(X)
        self.idf_ = tfidf.idf_.astype(np.float32)
        clf = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=3000,
                                 random_state=self.seed)
        clf.fit(self._weight(X), list(labels))
        self.classes_ = [str(c) for c in clf.classes_]
        coef, intercept = clf.coef_, clf.intercept_
        if len(self.classes_) == 2:
            # sklearn keeps one row for binary problems; store the symmetric two-row form.
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        self.coef_ = coef.astype(np.float32)
        self.intercept_ = intercept.astype(np.float32)
        return self

    def _weight(self, X: sparse.csr_matrix) -> sparse.csr_matrix:
        X = X.tocsr(copy=True)
        X.data = 1.0 + np.log(X.data.clip(min=1e-9)) if X.nnz else X.data
        X.data = np.maximum(X.data, 0.0)
        # Scaled in place: a 2^17 x 2^17 diagonal matrix per call cost more than the prediction.
        X.data = X.data * self.idf_[X.indices]
        norms = np.sqrt(np.bincount(np.repeat(np.arange(X.shape[0]), np.diff(X.indptr)),
                                    weights=X.data ** 2, minlength=X.shape[0]))
        norms[norms == 0] = 1.0
        X.data = X.data / np.repeat(norms, np.diff(X.indptr))
        return X

    def _coef_t(self) -> np.ndarray:
        """``coef_.T`` as the product reads it (contiguous, float64), made once per ``coef_``:
        SciPy made this copy of all 2^17 rows on every call, which was most of its time."""
        cached = getattr(self, "_coef_t_cache", None)
        if cached is None or cached[0] is not self.coef_:
            cached = self._coef_t_cache = (self.coef_, np.ascontiguousarray(self.coef_.T, dtype=np.float64))
        return cached[1]

    def predict_proba(self, feats: Sequence[dict[str, float]]) -> np.ndarray:
        if not hasattr(self, "coef_"):
            from sklearn.exceptions import NotFittedError
            raise NotFittedError("LinearModel is not fitted; call fit() or load it with from_disk().")
        if len(feats) == 0:
            return np.zeros((0, len(self.classes_)), dtype=np.float32)
        scores = self._weight(self._hash(feats)) @ self._coef_t() + self.intercept_
        scores = np.asarray(scores)
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        return probs / probs.sum(axis=1, keepdims=True)

    def predict(self, feats: Sequence[dict[str, float]]) -> list[str]:
        return [self.classes_[i] for i in self.predict_proba(feats).argmax(axis=1)]

    def to_disk(self, directory: str | Path, name: str) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        cfg = {"C": self.C, "class_weight": self.class_weight, "n_features": self.n_features,
               "seed": self.seed, "classes": self.classes_}
        (directory / f"{name}.json").write_text(json.dumps(cfg, indent=2), encoding="utf-8")
        # Buckets never seen in training share one idf (the maximum) and have zero
        # coefficients, so only the seen ones are stored; coefficients as float16 halve the size.
        unseen = float(self.idf_.max())
        used = np.flatnonzero((self.idf_ < unseen) | np.any(self.coef_ != 0, axis=0))
        np.savez_compressed(directory / f"{name}.npz", used=used.astype(np.int32),
                            idf=self.idf_[used], idf_unseen=np.float32(unseen),
                            coef=self.coef_[:, used].astype(np.float16),
                            intercept=self.intercept_)

    @classmethod
    def from_disk(cls, directory: str | Path, name: str) -> LinearModel:
        directory = Path(directory)
        require_files(directory, name)
        with model_file(directory / name):
            cfg = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
            where = directory / name
            n_features = check_size(where, "n_features", cfg["n_features"], limit=MAX_FEATURES)
            model = cls(C=cfg["C"], class_weight=cfg["class_weight"], n_features=n_features,
                        seed=cfg["seed"])
            with np.load(directory / f"{name}.npz", allow_pickle=False) as arrays:
                used = arrays["used"]
                n_classes = len(cfg["classes"])
                check_finite(where, idf=arrays["idf"], idf_unseen=arrays["idf_unseen"],
                             coef=arrays["coef"], intercept=arrays["intercept"], used=used)
                if (used.ndim != 1 or (used.size and (used.min() < 0 or used.max() >= n_features))
                        or arrays["coef"].shape != (n_classes, used.size)
                        or arrays["idf"].shape != used.shape or arrays["intercept"].shape != (n_classes,)):
                    raise ModelError(Errors.E044.format(path=str(where), detail="array shapes do not fit "
                                                        "the classes and features in the .json file"))
                model.idf_ = np.full(model.n_features, arrays["idf_unseen"], dtype=np.float32)
                model.idf_[used] = arrays["idf"]
                model.coef_ = np.zeros((len(cfg["classes"]), model.n_features), dtype=np.float32)
                model.coef_[:, used] = arrays["coef"].astype(np.float32)
                model.intercept_ = arrays["intercept"].astype(np.float32)
        model.classes_ = cfg["classes"]
        return model
