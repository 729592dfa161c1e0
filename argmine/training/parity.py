"""Parity: is the one genre-aware default model as good on each genre as a model for that genre alone?

Four systems are scored on each genre's evaluation data, with the same features:

* ``default``: the genre-aware model (shared + genre copies), trained on every genre;
* ``genre_alone``: the same features, trained only on that genre's training data;
* ``pooled``: genre-blind, trained on every genre (the earlier default model's design);
* ``tfidf_lr``: TF-IDF word 1-2 grams + logistic regression on that genre alone.

Genres with a dev split (``heldout``) are scored with models trained on all training data.
The others (``cv_genres``) are scored by cross-validation grouped by topic (by document
where no topic is known): in fold k, fold k of *every* such genre is held out at once,
so the default and pooled models need one fit per fold, not one per genre and fold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
from sklearn.model_selection import GroupKFold

from ..errors import ArgmineError, Errors
from ..models.dict_linear import DictLinearModel
from ..models.genre_heads import GenreHeads
from .corpus import Example
from .evaluate import (
    HEAD_LABELS,
    POSITION_GENRES,
    TfidfBaseline,
    fit_genre_alone,
    fit_head,
    head_examples,
    rows,
    scores,
)

SYSTEMS = ("default", "genre_alone", "pooled", "tfidf_lr")
# Parity is met when the default model is at most this far below the genre's own model.
TOLERANCE = 0.01


class EvalSet(NamedTuple):
    """Held-out gold data of one genre, scored with models trained on all training data."""
    name: str
    genre: str
    examples: Sequence[Example]


Fitter = Callable[[Sequence[Example], Sequence[str]], Any]


def _fitters(*, seed: int, C: float, position_genres: Sequence[str], genre: str, head: str
             ) -> dict[str, Fitter]:
    def pooled(tr: Sequence[Example], y: Sequence[str]) -> Any:
        return DictLinearModel(C=C, seed=seed, position_genres=position_genres, genre_copies=False,
                               shared_position=True).fit(rows(tr), y)

    def genre_alone(tr: Sequence[Example], y: Sequence[str]) -> Any:
        return fit_genre_alone(tr, y, genre, seed=seed, C=C, position_genres=position_genres)

    def default(tr: Sequence[Example], y: Sequence[str]) -> Any:
        # Exactly as the shipped heads are fitted.
        return fit_head(tr, y, seed=seed, C=C, position_genres=position_genres, head=head)

    def tfidf(tr: Sequence[Example], y: Sequence[str]) -> Any:
        return TfidfBaseline(seed=seed).fit([e.text for e in tr], y)

    return {"default": default,
            "genre_alone": genre_alone,
            "pooled": pooled,
            "tfidf_lr": tfidf}


def _predict(model: Any, system: str, te: Sequence[Example]) -> list[str]:
    return model.predict([e.text for e in te] if system == "tfidf_lr" else rows(te))


def _fit(fitter: Fitter, tr: Sequence[Example], y: Sequence[str]) -> Any:
    return fitter(tr, y) if len(set(y)) >= 2 else _Constant(y[0] if y else "none")


class _Constant:
    def __init__(self, label: str):
        self.label = label

    def predict(self, x: Sequence[Any]) -> list[str]:
        return [self.label] * len(x)


def _assign_folds(examples: Sequence[Example], genres: Sequence[str], folds: int, seed: int
                  ) -> dict[int, int]:
    """Fold of each example of a cross-validated genre, grouped by topic (else document)."""
    fold_of: dict[int, int] = {}
    rng = np.random.default_rng(seed)
    for genre in genres:
        idx = [i for i, e in enumerate(examples) if e.genre == genre]
        groups = sorted({examples[i].group for i in idx})
        if len(groups) < folds:
            raise ArgmineError(Errors.E019.format(n=len(groups), k=folds) + f" (genre {genre})")
        order = {g: n for n, g in enumerate(rng.permutation(groups))}
        gids = [order[examples[i].group] for i in idx]
        for k, (_, te) in enumerate(GroupKFold(n_splits=folds).split(idx, groups=gids)):
            for j in te:
                fold_of[idx[j]] = k
    return fold_of


def parity(train: Sequence[Example], *, heldout: Sequence[EvalSet] = (),
           cv_genres: Sequence[str] = (), heads: Mapping[str, Sequence[str]] | None = None,
           folds: int = 5, seed: int = 0, C: float = 1.0,
           position_genres: Sequence[str] = POSITION_GENRES,
           systems: Sequence[str] = SYSTEMS) -> list[dict[str, Any]]:
    """Score every system on every genre; one row per (head, genre, data).

    Args:
        train: All training examples (each with its genre).
        heldout: Dev or test sets, scored with models trained on all of ``train``.
        cv_genres: Genres of ``train`` scored by grouped cross-validation.
        heads: Which genres to score per head (default: the component head on every genre).
        folds: Cross-validation folds.
        seed, C, position_genres: As for training.
        systems: Which systems to score (default: all four).

    Returns:
        Rows with ``head``, ``genre``, ``data``, ``protocol`` ("dev" or "cv"), ``n``, each
        system's scores, ``delta`` (default minus genre alone, macro-F1) and ``parity``.
    """
    heads = heads or {"component": sorted({e.genre for e in train})}
    fold_of = _assign_folds(train, cv_genres, folds, seed) if cv_genres else {}
    out = []
    for head, genres in heads.items():
        labels = HEAD_LABELS[head]
        all_ex, all_y = head_examples(train, head)
        # Cross-validated genres: pooled predictions over folds, per system and genre.
        cv_pred: dict[tuple[str, str], list[str]] = {}
        cv_gold: dict[str, list[str]] = {}
        wanted_cv = [g for g in genres if g in cv_genres]
        if wanted_cv:
            index = {id(e): i for i, e in enumerate(train)}
            for k in range(folds):
                tr = [(e, y) for e, y in zip(all_ex, all_y) if fold_of.get(index[id(e)]) != k]
                te = [(e, y) for e, y in zip(all_ex, all_y) if fold_of.get(index[id(e)]) == k]
                shared_models: dict[str, Any] = {}
                for genre in wanted_cv:
                    te_g = [e for e, _ in te if e.genre == genre]
                    cv_gold.setdefault(genre, []).extend(y for e, y in te if e.genre == genre)
                    fitters = _fitters(seed=seed, C=C, position_genres=position_genres, genre=genre, head=head)
                    for system in systems:
                        if system in ("default", "pooled"):
                            if system not in shared_models:
                                shared_models[system] = _fit(fitters[system], [e for e, _ in tr],
                                                             [y for _, y in tr])
                            model = shared_models[system]
                        else:
                            tr_g = [(e, y) for e, y in tr if e.genre == genre]
                            model = _genre_head(shared_models, system, genre) or _fit(
                                fitters[system], [e for e, _ in tr_g], [y for _, y in tr_g])
                        cv_pred.setdefault((system, genre), []).extend(
                            _predict(model, system, te_g) if te_g else [])
            for genre in wanted_cv:
                groups = {train[i].group for i, f in fold_of.items() if train[i].genre == genre}
                out.append(_row(head, genre, f"{genre} (cross-validation, {folds} folds, "
                                f"{len(groups)} groups)", "cv", cv_gold.get(genre, []),
                                {s: cv_pred.get((s, genre), []) for s in systems}, labels))
        # Held-out sets: models trained on all training data.
        sets = [s for s in heldout if s.genre in genres]
        if sets:
            full: dict[str, Any] = {}
            for ev in sets:
                held, yte = head_examples(ev.examples, head)
                if not held:
                    continue
                fitters = _fitters(seed=seed, C=C, position_genres=position_genres, genre=ev.genre, head=head)
                preds = {}
                for system in systems:
                    if system in ("default", "pooled"):
                        if system not in full:
                            full[system] = _fit(fitters[system], all_ex, all_y)
                        model = full[system]
                    else:
                        tr_g = [(e, y) for e, y in zip(all_ex, all_y) if e.genre == ev.genre]
                        model = _genre_head(full, system, ev.genre) or _fit(
                            fitters[system], [e for e, _ in tr_g], [y for _, y in tr_g])
                    preds[system] = _predict(model, system, held)
                out.append(_row(head, ev.genre, ev.name, "dev", yte, preds, labels))
    return out


def _genre_head(shared: Mapping[str, Any], system: str, genre: str) -> Any:
    """The genre-alone model the default system already fitted as its genre head (the same
    ``fit_genre_alone`` on the same rows), so it is not fitted twice; else None."""
    default = shared.get("default")
    return default.heads.get(genre) if system == "genre_alone" and isinstance(default, GenreHeads) else None


def _row(head: str, genre: str, data: str, protocol: str, gold: Sequence[str],
         preds: Mapping[str, Sequence[str]], labels: Sequence[str]) -> dict[str, Any]:
    row: dict[str, Any] = {"head": head, "genre": genre, "data": data, "protocol": protocol,
                           "n": len(gold)}
    for system, pred in preds.items():
        s = scores(gold, pred, labels)
        row[system] = {"macro_f1": s["macro_f1"], "accuracy": s["accuracy"]}
    if "default" in row and "genre_alone" in row:
        row["delta"] = round(row["default"]["macro_f1"] - row["genre_alone"]["macro_f1"], 4)
        row["parity"] = row["delta"] >= -TOLERANCE
    return row


def position_effect(train: Sequence[Example], *, heldout: Sequence[EvalSet] = (),
                    cv_genres: Sequence[str] = (), genres: Sequence[str] = (), folds: int = 5,
                    seed: int = 0, C: float = 1.0) -> list[dict[str, Any]]:
    """Component macro-F1 of each genre's own model with and without position features.

    Measured on the genre alone, so the effect is the genre's and not the pooled data's;
    this is what decides ``POSITION_GENRES``.
    """
    genres = list(genres) or sorted({e.genre for e in train})
    heads = {"component": genres}
    common: dict[str, Any] = {"heldout": heldout, "cv_genres": cv_genres, "heads": heads, "folds": folds,
                              "seed": seed, "C": C, "systems": ("genre_alone",)}
    with_pos = parity(train, position_genres=genres, **common)
    without = parity(train, position_genres=(), **common)
    return [{"genre": a["genre"], "data": a["data"], "n": a["n"],
             "with": a["genre_alone"]["macro_f1"], "without": b["genre_alone"]["macro_f1"]}
            for a, b in zip(with_pos, without)]
