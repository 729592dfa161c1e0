"""A genre-aware head with a head of each genre's own beside it.

The shared model (Daumé's shared + genre copies, trained on every genre) has one penalty
for all genres, so a genre with few examples (news claim types: 377 sentences beside
1,154 of Change My View) is pulled toward the others. A model trained on that genre
alone is not: averaging the two class distributions keeps what the other genres teach
and what is the genre's own. Rows of a genre without its own head (and genre-less
rows: documents too short for a layout) are read by the shared model alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from .dict_linear import DictLinearModel, Row

# Share of a genre's own head in the average. Equal shares were the best of 0.3, 0.4 and
# 0.5 in the parity table's 5-fold cross-validation (claim types, seeds 0-2).
WEIGHT = 0.5


class GenreHeads:
    """``shared`` averaged with ``heads[genre]`` on the rows of that genre.

    The interface of ``DictLinearModel`` that the unit classifier uses: ``classes_``,
    ``predict_proba``, ``predict``, ``to_disk`` and ``from_disk``.
    """

    def __init__(self, shared: DictLinearModel, heads: Mapping[str, DictLinearModel], *,
                 weight: float = WEIGHT):
        if not 0.0 <= weight <= 1.0:
            raise ValueError(f"weight of the genre heads must be in [0, 1], not {weight}")
        self.shared = shared
        self.heads = dict(heads)
        self.weight = weight
        self.classes_ = list(shared.classes_)
        # Where each head's classes sit among the shared classes (a genre may lack some:
        # Change My View has no policy claims; those get probability 0 from its head).
        self._index = {genre: np.array([self.classes_.index(c) for c in head.classes_])
                       for genre, head in self.heads.items()}

    def predict_proba(self, rows: Sequence[Row]) -> np.ndarray:
        probs = self.shared.predict_proba(rows)
        by_genre: dict[str, list[int]] = {}
        for i, (_, genre) in enumerate(rows):
            if genre in self.heads:
                by_genre.setdefault(genre, []).append(i)
        for genre, idx in by_genre.items():
            own = np.zeros((len(idx), len(self.classes_)))
            own[:, self._index[genre]] = self.heads[genre].predict_proba([rows[i] for i in idx])
            probs[idx] = (1.0 - self.weight) * probs[idx] + self.weight * own
        return probs

    def predict(self, rows: Sequence[Row]) -> list[str]:
        return [self.classes_[i] for i in self.predict_proba(rows).argmax(axis=1)]

    def to_disk(self, directory: str | Path, name: str) -> None:
        """The shared model as ``name``, each genre's head as ``name@genre``."""
        self.shared.to_disk(directory, name)
        for genre, head in self.heads.items():
            head.to_disk(directory, head_name(name, genre))

    @classmethod
    def from_disk(cls, directory: str | Path, name: str, genres: Sequence[str], *,
                  weight: float = WEIGHT) -> GenreHeads:
        return cls(DictLinearModel.from_disk(directory, name),
                   {genre: DictLinearModel.from_disk(directory, head_name(name, genre)) for genre in genres},
                   weight=weight)


# What a unit head is: one genre-aware model, or one with genre heads beside it.
Head = DictLinearModel | GenreHeads


def head_name(name: str, genre: str) -> str:
    return f"{name}@{genre}"
