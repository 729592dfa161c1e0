"""Stance toward a target: a lexicon-only reading and learned classifiers.

The learned classifiers (scikit-learn) are imported on first use, so that code needing
only the lexicon stays light.
"""

from __future__ import annotations

from typing import Any

from .lexicon import StanceLexicon, lexicon_polarity, load_lexicon, read_stance

__all__ = ["StanceLexicon", "lexicon_polarity", "load_lexicon", "read_stance",
           "StanceClassifier", "PolarityClassifier", "StanceExample", "train_stance_models"]

_LEARNED = {"StanceClassifier", "PolarityClassifier", "StanceExample", "train_stance_models"}


def __getattr__(name: str) -> Any:
    if name in _LEARNED:
        from . import learned
        return getattr(learned, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
