"""Logistic regression over feature dicts, built from scikit-learn parts and saved without pickle.

The estimator is a plain scikit-learn ``Pipeline``::

    FunctionTransformer(augment)            # shared + genre copies (features.genre)
    FeatureUnion(
      ngrams: FunctionTransformer(select) -> DictVectorizer -> TfidfTransformer(sublinear_tf)
      cues:   FunctionTransformer(select) -> DictVectorizer -> MaxAbsScaler)
    LogisticRegression(class_weight="balanced")

Rows are ``(feature dict, genre)`` pairs. Saved as ``<name>.json`` (configuration, classes
and both vocabularies, in column order) and ``<name>.npz`` (idf, scales, coefficients;
read with ``allow_pickle=False``); ``from_disk`` rebuilds the same ``Pipeline`` and sets
its fitted attributes, so a saved model predicts exactly what the trained one did.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer, MaxAbsScaler

from ..features.genre import GENRE_BIAS, augment, is_ngram
from . import fitted
from .integrity import check_finite, model_file, require_files

Row = tuple[dict[str, float], "str | None"]
FORMAT_VERSION = 1
# Feature names whose columns are remembered, per genre (most are words and bigrams the
# model never saw; a few tens of MB at most).
_MAX_COLUMNS = 200_000
_MAX_GENRES = 16


def augment_rows(rows: Sequence[Row], *, genre_copies: bool, position_genres: Sequence[str],
                 shared_position: bool = False, genre_weights: Mapping[str, float] | None = None
                 ) -> list[dict[str, float]]:
    """Feature dicts with shared and (when ``genre_copies``) genre-specific copies."""
    weights = genre_weights or {}
    return [augment(feats, genre if genre_copies else None, position_genres=position_genres,
                    shared_position=shared_position, genre_weight=weights.get(genre or "", 1.0))
            for feats, genre in rows]


def select_block(dicts: Sequence[dict[str, float]], *, ngrams: bool) -> list[dict[str, float]]:
    """The n-gram block (``ngrams=True``) or the cue block of each feature dict.

    The cue block always holds a constant ``bias`` column, so it is never empty.
    """
    if ngrams:
        return [{k: v for k, v in d.items() if is_ngram(k)} for d in dicts]
    return [{"bias": 1.0, **{k: v for k, v in d.items() if not is_ngram(k)}} for d in dicts]


class DictLinearModel:
    """Multinomial logistic regression over ``(feature dict, genre)`` rows.

    Args:
        C: Inverse regularisation strength.
        class_weight: "balanced" weights classes inversely to their frequency.
        genre_copies: Add a genre-specific copy of every feature (Daumé's augmentation).
        position_genres: Genres whose genre copy keeps the position features; without
            ``genre_copies`` position features are dropped unless ``shared_position``.
        shared_position: Keep position features in the shared copy (genre-blind baseline).
        min_df: Drop features seen in fewer training rows (keeps the vocabulary small).
        cue_weight: Weight of the cue block against the n-gram block.
        genre_weights: Scale of a genre's copy against the shared copy, by genre (default 1.0).
        seed: Random seed (the solver is deterministic; kept for the record).
    """

    def __init__(self, *, C: float = 1.0, class_weight: str | None = "balanced",
                 genre_copies: bool = True, position_genres: Sequence[str] = (), min_df: int = 2,
                 cue_weight: float = 1.0, shared_position: bool = False,
                 genre_weights: Mapping[str, float] | None = None, seed: int = 0):
        self.C = C
        self.class_weight = class_weight
        self.genre_copies = genre_copies
        self.position_genres = position_genres
        self.min_df = min_df
        self.cue_weight = cue_weight
        self.shared_position = shared_position
        self.genre_weights = genre_weights
        self.seed = seed

    def _config(self) -> dict[str, Any]:
        return {"C": self.C, "class_weight": self.class_weight, "genre_copies": self.genre_copies,
                "position_genres": sorted(self.position_genres), "min_df": self.min_df,
                "cue_weight": self.cue_weight, "shared_position": self.shared_position,
                "genre_weights": dict(sorted((self.genre_weights or {}).items())), "seed": self.seed}

    def _build(self, parts: dict[str, Any]) -> Pipeline:
        # Feature → column lookups of the fitted vocabularies (see ``_features``), by genre.
        self._column_cache: dict[str | None, dict[str, tuple[tuple[bool, int, float], ...]]] = {}
        def block(ngrams: bool) -> Pipeline:
            name = "ngrams" if ngrams else "cues"
            return Pipeline([
                ("select", FunctionTransformer(select_block, kw_args={"ngrams": ngrams})),
                ("vectorize", parts[f"{name}_vec"]),
                ("weight", parts[f"{name}_weight"])])
        return Pipeline([
            ("augment", FunctionTransformer(augment_rows, kw_args={
                "genre_copies": self.genre_copies, "position_genres": list(self.position_genres),
                "shared_position": self.shared_position, "genre_weights": dict(self.genre_weights or {})})),
            ("features", FeatureUnion([("ngrams", block(True)), ("cues", block(False))],
                                      transformer_weights={"ngrams": 1.0, "cues": self.cue_weight})),
            ("classify", parts["lr"])])

    def fit(self, rows: Sequence[Row], labels: Sequence[str]) -> DictLinearModel:
        dicts = augment_rows(rows, genre_copies=self.genre_copies,
                             position_genres=list(self.position_genres),
                             shared_position=self.shared_position, genre_weights=self.genre_weights)
        parts: dict[str, Any] = {}
        blocks = []
        for name, ngrams, weight in (("ngrams", True, TfidfTransformer(sublinear_tf=True)),
                                     ("cues", False, MaxAbsScaler())):
            vec = DictVectorizer()
            X = vec.fit_transform(select_block(dicts, ngrams=ngrams))
            # Features seen in fewer than min_df rows cannot generalise; dropping them
            # keeps the saved vocabulary a few MB.
            keep = np.asarray((X > 0).sum(axis=0)).ravel() >= self.min_df
            vec.restrict(keep)
            X = X[:, np.flatnonzero(keep)]
            parts[f"{name}_vec"], parts[f"{name}_weight"] = vec, weight.fit(X)
            blocks.append(weight.transform(X))
        parts["lr"] = LogisticRegression(C=self.C, class_weight=self.class_weight, solver="saga",
                                         max_iter=300, tol=1e-3,
                                         random_state=self.seed)
        self.pipeline_ = self._build(parts)
        X = self.pipeline_.named_steps["features"].transform(dicts)
        parts["lr"].fit(X, list(labels))
        self.classes_ = [str(c) for c in parts["lr"].classes_]
        return self

    def predict_proba(self, rows: Sequence[Row]) -> np.ndarray:
        """Class probabilities, one row per input row, columns in ``classes_`` order.

        The same numbers as ``pipeline_.predict_proba`` (a test holds them equal), with the
        features step done in one pass over each row: the Pipeline augments every row into
        a new dict and its selectors and vectorizers read it three times in Python, which
        was most of the classifier's time when annotating.
        """
        if not hasattr(self, "pipeline_"):
            raise NotFittedError("DictLinearModel is not fitted; call fit() or load it with from_disk().")
        if len(rows) == 0:
            return np.zeros((0, len(self.classes_)))
        return fitted.lr_proba(self._part("classify"), self._features(rows))

    def _columns(self, key: str, genre: str | None, ngram_vocab: Mapping[str, int],
                 cue_vocab: Mapping[str, int]) -> tuple[tuple[bool, int, float], ...]:
        """Where one feature lands after augmentation: ``(in the cue block, column, scale)``."""
        copies = augment({key: 1.0}, genre, position_genres=self.position_genres,
                         shared_position=self.shared_position,
                         genre_weight=(self.genre_weights or {}).get(genre or "", 1.0))
        out = []
        for name, scale in copies.items():
            if name == f"{genre}|{GENRE_BIAS}" and key != GENRE_BIAS:
                continue  # every row's genre intercept: added once per row, not per feature
            if (j := ngram_vocab.get(name)) is not None:
                out.append((False, j, scale))
            elif name != "bias" and (j := cue_vocab.get(name)) is not None:
                out.append((True, j, scale))
        return tuple(out)

    def _features(self, rows: Sequence[Row]) -> sparse.csr_matrix:
        """The ``features`` step (augmentation, both blocks weighted side by side) for ``rows``."""
        ngram_vocab = self._part("features.ngrams.vectorize").vocabulary_
        cue_vocab = self._part("features.cues.vectorize").vocabulary_
        bias = cue_vocab.get("bias")
        cols: tuple[list[int], list[int]] = ([], [])
        vals: tuple[list[float], list[float]] = ([], [])
        ptrs: tuple[list[int], list[int]] = ([0], [0])
        for feats, row_genre in rows:
            genre = row_genre if self.genre_copies else None
            if genre not in self._column_cache and len(self._column_cache) >= _MAX_GENRES:
                self._column_cache.clear()  # a stated genre can be any string
            columns = self._column_cache.setdefault(genre, {})
            if len(columns) > _MAX_COLUMNS:
                columns.clear()  # bounded memory over an endless stream of new words
            # As select_block: the cue block opens with the constant bias column.
            if bias is not None:
                cols[1].append(bias)
                vals[1].append(float(feats.get("bias", 1.0)))
            # The genre's intercept (augment adds it to every row with a genre).
            items = [(GENRE_BIAS, 1.0), *feats.items()] if genre and GENRE_BIAS not in feats else feats.items()
            for key, value in items:
                where = columns.get(key)
                if where is None:
                    where = columns[key] = self._columns(key, genre, ngram_vocab, cue_vocab)
                for in_cues, j, scale in where:
                    cols[in_cues].append(j)
                    vals[in_cues].append(value * scale)
            ptrs[0].append(len(cols[0]))
            ptrs[1].append(len(cols[1]))
        blocks = []
        union = self.pipeline_.named_steps["features"]
        block_weights = union.transformer_weights or {}
        for block, name, vocab in ((0, "ngrams", ngram_vocab), (1, "cues", cue_vocab)):
            X = sparse.csr_matrix((np.asarray(vals[block], dtype=np.float64), cols[block], ptrs[block]),
                                  shape=(len(rows), len(vocab)))
            # Sorted as DictVectorizer leaves them, so the sums (row norms) add in the same order.
            X.sort_indices()
            weight = self._part(f"features.{name}.weight")
            X = fitted.tfidf(weight, X) if name == "ngrams" else fitted.max_abs(weight, X)
            blocks.append(X * block_weights.get(name, 1.0))
        return sparse.hstack(blocks).tocsr()

    def predict(self, rows: Sequence[Row]) -> list[str]:
        return [self.classes_[i] for i in self.predict_proba(rows).argmax(axis=1)]

    def _part(self, path: str) -> Any:
        step = self.pipeline_
        for name in path.split("."):
            step = step.named_steps[name] if isinstance(step, Pipeline) else dict(step.transformer_list)[name]
        return step

    def to_disk(self, directory: str | Path, name: str) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        lr = self._part("classify")
        cfg = {"format_version": FORMAT_VERSION, **self._config(), "classes": self.classes_,
               "vocabulary": {block: list(self._part(f"features.{block}.vectorize").feature_names_)
                              for block in ("ngrams", "cues")}}
        (directory / f"{name}.json").write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(directory / f"{name}.npz",
                            idf=self._part("features.ngrams.weight").idf_.astype(np.float32),
                            max_abs=self._part("features.cues.weight").max_abs_.astype(np.float32),
                            coef=lr.coef_.astype(np.float32), intercept=lr.intercept_.astype(np.float32))

    @classmethod
    def from_disk(cls, directory: str | Path, name: str) -> DictLinearModel:
        directory = Path(directory)
        require_files(directory, name)
        with model_file(directory / name):
            cfg = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
            model = cls(C=cfg["C"], class_weight=cfg["class_weight"], genre_copies=cfg["genre_copies"],
                        position_genres=tuple(cfg["position_genres"]), min_df=cfg["min_df"],
                        cue_weight=cfg["cue_weight"], shared_position=cfg["shared_position"],
                        genre_weights={str(g): float(w) for g, w in cfg.get("genre_weights", {}).items()},
                        seed=cfg["seed"])
            with np.load(directory / f"{name}.npz", allow_pickle=False) as arrays:
                parts = {f"{block}_vec": _vectorizer(cfg["vocabulary"][block]) for block in ("ngrams", "cues")}
                tfidf = TfidfTransformer(sublinear_tf=True)
                tfidf.idf_ = arrays["idf"].astype(np.float64)
                scaler = MaxAbsScaler()
                scaler.max_abs_ = arrays["max_abs"].astype(np.float64)
                scaler.scale_ = np.where(scaler.max_abs_ == 0, 1.0, scaler.max_abs_)
                lr = LogisticRegression(C=cfg["C"], class_weight=cfg["class_weight"])
                lr.coef_ = arrays["coef"].astype(np.float64)
                lr.intercept_ = arrays["intercept"].astype(np.float64)
            lr.classes_ = np.array(cfg["classes"])
            # NaN or infinite weights would turn every prediction into garbage without an error.
            check_finite(directory / f"{name}.npz", idf=tfidf.idf_, max_abs=scaler.max_abs_, coef=lr.coef_,
                         intercept=lr.intercept_)
            if lr.coef_.shape[0] not in (1, len(cfg["classes"])) or lr.intercept_.shape[0] != lr.coef_.shape[0]:
                raise ValueError(f"weights of shape {lr.coef_.shape} do not match {len(cfg['classes'])} classes")
            for est, n in ((tfidf, len(cfg["vocabulary"]["ngrams"])), (scaler, len(cfg["vocabulary"]["cues"])),
                           (lr, lr.coef_.shape[1])):
                est.n_features_in_ = n
            if lr.coef_.shape[1] != len(cfg["vocabulary"]["ngrams"]) + len(cfg["vocabulary"]["cues"]):
                raise ValueError("coefficients do not match the vocabulary")
            parts.update(ngrams_weight=tfidf, cues_weight=scaler, lr=lr)
        model.pipeline_ = model._build(parts)
        model.classes_ = [str(c) for c in cfg["classes"]]
        return model


def _vectorizer(names: list[str]) -> DictVectorizer:
    vec = DictVectorizer()
    vec.feature_names_ = list(names)
    vec.vocabulary_ = {f: i for i, f in enumerate(names)}
    return vec
