"""Scores and folds shared by every evaluation (unit heads, stance classifiers, attributed stances).

scikit-learn computes the figures; this module only fixes their shape, so reports written by
``argmine train``, ``argmine evaluate`` and the stance trainer read the same way.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score
from sklearn.model_selection import GroupKFold


def scores(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    """Per-class precision/recall/F1, macro-F1 over the classes present in gold, accuracy, confusion.

    Args:
        gold: Gold labels.
        pred: Predicted labels, aligned with ``gold``.
        labels: Every label to report, in the order of the report and the confusion matrix.
            Classes absent from gold are reported but left out of the macro average, so a
            label the data never uses does not pull it down.
    """
    labels = list(labels)
    if not gold:
        zero = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
        return {"macro_f1": 0.0, "accuracy": 0.0, "n": 0, "per_class": {lab: dict(zero) for lab in labels},
                "labels": labels, "confusion": []}
    report = classification_report(gold, pred, labels=labels, zero_division=0, output_dict=True)
    per_class = {lab: {"precision": round(float(report[lab]["precision"]), 4),
                       "recall": round(float(report[lab]["recall"]), 4),
                       "f1": round(float(report[lab]["f1-score"]), 4),
                       "support": int(report[lab]["support"])}
                 for lab in labels}
    present = [lab for lab in labels if lab in set(gold)]
    macro = f1_score(gold, pred, labels=present, average="macro", zero_division=0) if present else 0.0
    return {"macro_f1": round(float(macro), 4), "accuracy": round(float(accuracy_score(gold, pred)), 4),
            "n": len(gold), "per_class": per_class, "labels": labels,
            "confusion": confusion_matrix(gold, pred, labels=labels).tolist()}


def group_folds(groups: Sequence[Hashable], *, folds: int, seed: int
                ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield ``(train_idx, test_idx)`` of a seeded grouped k-fold split.

    No group is on both sides of a split; the seed fixes which groups share a fold.
    """
    splitter = GroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    yield from splitter.split(np.zeros((len(groups), 1)), groups=list(groups))


def link_scores(gold: Sequence[Iterable[tuple[int, int, str]]],
                pred: Sequence[Iterable[tuple[int, int, str]]]) -> dict[str, Any]:
    """Precision, recall and F1 of labelled links, over all labels and per label, and unlabelled.

    Args:
        gold: Per document, the gold links as ``(source, target, label)``.
        pred: Per document, the predicted links in the same form (same unit numbering).

    Counts are summed over documents (micro average).
    """
    out: dict[str, Any] = {}
    for label in ("all", "support", "attack"):
        tp = n_gold = n_pred = 0
        for g, p in zip(gold, pred):
            g = {x for x in g if label == "all" or x[2] == label}
            p = {x for x in p if label == "all" or x[2] == label}
            tp += len(g & p)
            n_gold += len(g)
            n_pred += len(p)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                      "gold": n_gold, "predicted": n_pred}
    # Attachment ignoring the label, the number most papers also report.
    tp = sum(len({x[:2] for x in g} & {x[:2] for x in p}) for g, p in zip(gold, pred))
    n_gold = sum(len(set(g)) for g in gold)
    n_pred = sum(len(set(p)) for p in pred)
    prec, rec = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    out["unlabelled"] = {"precision": round(prec, 4), "recall": round(rec, 4),
                         "f1": round(2 * prec * rec / (prec + rec) if prec + rec else 0.0, 4),
                         "gold": n_gold, "predicted": n_pred}
    return out
