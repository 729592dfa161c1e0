"""Link F1 (by label) and main-claim accuracy, for the parser and two baselines.

A predicted link counts when its source and target fall in the sentences of a gold link's
source and target and the label agrees (sentence matching, since the pipeline's units are
sentences). Main-claim accuracy is the share of documents with a gold main claim whose
predicted main claim is in a sentence holding one (an essay's restated major claim counts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold

from ..errors import ArgmineError, Errors
from ..scoring import link_scores
from .data import RelationDoc, SentLink
from .features import ArgUnit
from .model import Link, RelationParser, Structure

SYSTEMS = ("model", "baseline_nearest_claim", "baseline_main_claim")


def baseline_nearest_claim(units: Sequence[ArgUnit], main: int | None) -> Structure:
    """Every evidence unit supports the nearest preceding claim in its paragraph."""
    links = []
    for k, u in enumerate(units):
        if u.label != "evidence":
            continue
        for j in range(k - 1, -1, -1):
            if units[j].paragraph != u.paragraph:
                break
            if units[j].label == "claim":
                links.append((k, j))
                break
    return _structure(main, links)


def baseline_main_claim(units: Sequence[ArgUnit], main: int | None) -> Structure:
    """Every claim supports the main claim."""
    if main is None:
        return Structure(None, None, [])
    return _structure(main, [(k, main) for k, u in enumerate(units) if u.label == "claim" and k != main])


def _structure(main: int | None, pairs: Iterable[tuple[int, int]]) -> Structure:
    return Structure(main, None, [Link(s, t, "support", 1.0) for s, t in pairs])


def to_sentence_links(units: Sequence[ArgUnit], structure: Structure) -> set[SentLink]:
    """Links as (source sentence, target sentence, label); unit ``index`` is the sentence."""
    return {(units[link.source].index, units[link.target].index, link.label) for link in structure.links}


def score_structures(docs: Sequence[RelationDoc], units: Sequence[Sequence[ArgUnit]],
                     preds: Mapping[str, Sequence[Structure]]) -> dict[str, Any]:
    """Score each system's structures against the gold of ``docs``."""
    report: dict[str, Any] = {"documents": len(docs)}
    with_main = [k for k, d in enumerate(docs) if d.mains]
    for system, structures in preds.items():
        pred_links = [to_sentence_links(u, s) for u, s in zip(units, structures)]
        block = link_scores([d.links for d in docs], pred_links)
        if with_main:
            hits = sum(1 for k in with_main if (main := structures[k].main) is not None
                       and units[k][main].index in docs[k].mains)
            block["main_claim_accuracy"] = round(hits / len(with_main), 4)
            block["main_claim_documents"] = len(with_main)
        report[system] = block
    return report


def predict_all(parser: RelationParser, units: Sequence[Sequence[ArgUnit]]) -> dict[str, list[Structure]]:
    """The parser's structures and both baselines' (which share the parser's main claim)."""
    model = parser.predict_many(units)
    return {"model": model,
            "baseline_nearest_claim": [baseline_nearest_claim(u, s.main) for u, s in zip(units, model)],
            "baseline_main_claim": [baseline_main_claim(u, s.main) for u, s in zip(units, model)]}


def evaluate_parser(parser: RelationParser, docs: Sequence[RelationDoc],
                    units: Sequence[Sequence[ArgUnit]] | None = None) -> dict[str, Any]:
    """Score a trained parser and the baselines; ``units`` default to the gold units."""
    units = [d.gold.units for d in docs] if units is None else units
    return score_structures(docs, units, predict_all(parser, units))


def cross_validate_relations(docs: Sequence[RelationDoc], *, folds: int = 5, seed: int = 0,
                             C: float = 1.0, extra: Sequence[RelationDoc] = ()) -> dict[str, Any]:
    """Document-grouped k-fold cross-validation on gold units, predictions pooled.

    Args:
        docs: The documents to cross-validate on.
        folds: Number of folds.
        seed: Seeds the fold assignment and the models.
        C: Inverse regularisation strength.
        extra: Further training documents added to every fold's training part.
    """
    ids = sorted({d.doc_id for d in docs})
    if len(ids) < folds:
        raise ArgmineError(Errors.E019.format(n=len(ids), k=folds))
    order = {g: i for i, g in enumerate(np.random.default_rng(seed).permutation(ids))}
    groups = [order[d.doc_id] for d in docs]
    pooled_docs: list[RelationDoc] = []
    pooled: dict[str, list[Structure]] = {s: [] for s in SYSTEMS}
    for tr, te in GroupKFold(n_splits=folds).split(docs, groups=groups):
        parser = RelationParser(C=C, seed=seed).fit([*(d.gold for d in extra), *(docs[i].gold for i in tr)])
        test = [docs[i] for i in te]
        for system, structures in predict_all(parser, [d.gold.units for d in test]).items():
            pooled[system] += structures
        pooled_docs += test
    report = score_structures(pooled_docs, [d.gold.units for d in pooled_docs], pooled)
    report.update({"folds": folds, "group_by": "document", "extra_training_documents": len(extra)})
    return report
