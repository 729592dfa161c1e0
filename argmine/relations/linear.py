"""A DictVectorizer + LogisticRegression pair saved as JSON + ``.npz`` (no pickle).

Loading rebuilds scikit-learn's ``LogisticRegression`` from ``coef_``, ``intercept_`` and
``classes_``, so a model file can carry no code.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from ..errors import Errors, ModelError
from ..models import fitted
from ..models.integrity import check_finite

FORMAT_VERSION = 1


class PairModel:
    """Logistic regression over feature dicts. ``fit`` returns self; fitted state ends in ``_``."""

    def __init__(self, *, C: float = 1.0, seed: int = 0,
                 class_weight: str | dict[str, float] | None = None):
        self.C = C
        self.seed = seed
        self.class_weight = class_weight

    def fit(self, feats: Sequence[dict[str, float]], labels: Sequence[str]) -> PairModel:
        self.vec_ = DictVectorizer()
        X = self.vec_.fit_transform(feats)
        self.clf_ = LogisticRegression(C=self.C, max_iter=2000, random_state=self.seed,
                                       class_weight=self.class_weight).fit(X, list(labels))
        return self

    @property
    def classes_(self) -> list[str]:
        return [str(c) for c in self.clf_.classes_]

    def predict_proba(self, feats: Sequence[dict[str, float]]) -> np.ndarray:
        if not feats:
            return np.zeros((0, len(self.classes_)))
        return fitted.lr_proba(self.clf_, self._matrix(feats))

    def _matrix(self, feats: Sequence[dict[str, float]]) -> sparse.csr_array:
        """``vec_.transform(feats)`` for numeric and string values, in one pass over the rows.

        DictVectorizer's own loop type-checks every value against abstract classes, which cost
        more than the model; other value kinds go through it as before.
        """
        vec = self.vec_
        vocab, sep, dtype = vec.vocabulary_, vec.separator, vec.dtype
        indices: list[int] = []
        values: list[float] = []
        indptr = [0]
        for row in feats:
            for name, value in row.items():
                kind = type(value)
                if kind is str:
                    name, value = f"{name}{sep}{value}", 1
                elif kind not in (int, float, bool):
                    return vec.transform(feats)
                j = vocab.get(name)
                if j is not None:
                    indices.append(j)
                    values.append(dtype(value))
            indptr.append(len(indices))
        X = sparse.csr_array((values, np.asarray(indices, dtype=np.intc), indptr),
                             shape=(len(feats), len(vocab)), dtype=dtype)
        X.sort_indices()
        return X

    def proba_of(self, feats: Sequence[dict[str, float]], label: str) -> np.ndarray:
        """Probability of one class for each row."""
        probs = self.predict_proba(feats)
        return probs[:, self.classes_.index(label)] if len(probs) else probs[:, 0]

    def to_disk(self, path: str | Path, name: str) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        cfg = {"format": FORMAT_VERSION, "classes": self.classes_, "features": self.vec_.feature_names_,
               "C": self.C, "seed": self.seed, "class_weight": self.class_weight}
        (path / f"{name}.json").write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")
        np.savez(path / f"{name}.npz", coef=self.clf_.coef_, intercept=self.clf_.intercept_)

    @classmethod
    def from_disk(cls, path: str | Path, name: str) -> PairModel:
        path = Path(path)
        cfg_path, npz_path = path / f"{name}.json", path / f"{name}.npz"
        try:
            cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
            with np.load(npz_path, allow_pickle=False) as arrays:
                coef, intercept = arrays["coef"], arrays["intercept"]
            features = [str(f) for f in cfg["features"]]
            classes = np.array([str(c) for c in cfg["classes"]])
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise ModelError(Errors.E021.format(path=str(cfg_path), detail=f"{type(e).__name__}: {e}")) from e
        if coef.shape != ((1 if len(classes) == 2 else len(classes)), len(features)):
            raise ModelError(Errors.E021.format(path=str(npz_path), detail=(
                f"weights of shape {coef.shape} do not fit {len(classes)} classes and "
                f"{len(features)} features")))
        check_finite(npz_path, coef=coef, intercept=intercept)
        model = cls(C=float(cfg.get("C", 1.0)), seed=int(cfg.get("seed", 0)),
                    class_weight=cfg.get("class_weight"))
        model.vec_ = DictVectorizer()
        model.vec_.feature_names_ = features
        model.vec_.vocabulary_ = {f: i for i, f in enumerate(features)}
        clf = LogisticRegression(C=model.C)
        clf.coef_, clf.intercept_, clf.classes_ = coef, intercept, classes
        clf.n_features_in_ = len(features)
        model.clf_ = clf
        return model
