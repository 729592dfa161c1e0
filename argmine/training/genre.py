"""Train and score the genre classifier the unit classifier uses when no genre is given.

Trained from the same documents as the unit heads, each with its corpus's genre. Users
often give short texts (a paragraph, a quote), so besides each whole document (its first
``features.document.MAX_TOKENS`` tokens) the classifier sees runs of one to three
consecutive sentences drawn from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc

from ..features.document import document_features
from ..models.dict_linear import DictLinearModel
from ..segment import sentence_spans
from .evaluate import scores

# Chunks drawn per document, at most; and rows per genre, at most (the balanced class
# weights make up for genres with fewer documents).
CHUNKS_PER_DOC = 8
MAX_ROWS_PER_GENRE = 2000


def genre_rows(docs: Sequence[tuple[Doc, str]], *, seed: int = 0
               ) -> tuple[list[tuple[dict[str, float], None]], list[str], list[int], list[str]]:
    """Rows, genre labels, document ids (for grouping) and kinds ("document" or "chunk")."""
    rng = np.random.default_rng(seed)
    per_genre: dict[str, list[tuple[dict[str, float], int, str]]] = {}
    for d, (doc, genre) in enumerate(docs):
        items = per_genre.setdefault(genre, [])
        items.append((document_features(doc), d, "document"))
        sents = sentence_spans(doc)
        for _ in range(min(CHUNKS_PER_DOC, len(sents))):
            size = int(rng.integers(1, 4))
            start = int(rng.integers(0, max(len(sents) - size, 0) + 1))
            run = sents[start:start + size]
            span = doc.char_span(run[0].start, run[-1].end, alignment_mode="expand")
            if span is not None and len(span):
                items.append((document_features(span), d, "chunk"))
    rows, labels, groups, kinds = [], [], [], []
    for genre in sorted(per_genre):
        items = per_genre[genre]
        if len(items) > MAX_ROWS_PER_GENRE:
            keep = sorted(rng.choice(len(items), MAX_ROWS_PER_GENRE, replace=False))
            items = [items[i] for i in keep]
        for feats, d, kind in items:
            rows.append((feats, None))
            labels.append(genre)
            groups.append(d)
            kinds.append(kind)
    return rows, labels, groups, kinds


def _model(seed: int, C: float) -> DictLinearModel:
    return DictLinearModel(C=C, seed=seed, genre_copies=False, min_df=2)


def train_genre_model(docs: Sequence[tuple[Doc, str]], *, seed: int = 0, C: float = 1.0
                      ) -> DictLinearModel | None:
    """Fit the genre classifier; None when the documents span fewer than two genres."""
    rows, labels, _, _ = genre_rows(docs, seed=seed)
    if len(set(labels)) < 2:
        return None
    return _model(seed, C).fit(rows, labels)


def cross_validate_genre(docs: Sequence[tuple[Doc, str]], *, folds: int = 5, seed: int = 0,
                         C: float = 1.0) -> dict[str, Any]:
    """Accuracy and macro-F1 of the genre classifier by document-grouped cross-validation,
    on whole documents and on one- to three-sentence chunks."""
    rows, labels, groups, kinds = genre_rows(docs, seed=seed)
    genres = sorted(set(labels))
    pred = [""] * len(rows)
    for tr, te in GroupKFold(n_splits=folds).split(rows, labels, groups):
        model = _model(seed, C).fit([rows[i] for i in tr], [labels[i] for i in tr])
        for i, p in zip(te, model.predict([rows[i] for i in te])):
            pred[i] = p
    out: dict[str, Any] = {"folds": folds, "genres": genres}
    for kind in ("document", "chunk"):
        idx = [i for i, k in enumerate(kinds) if k == kind]
        s = scores([labels[i] for i in idx], [pred[i] for i in idx], genres)
        out[kind] = {"n": len(idx), "accuracy": s["accuracy"], "macro_f1": s["macro_f1"]}
    return out
