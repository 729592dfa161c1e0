"""The only place argmine declares spaCy extension attributes. Idempotent."""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPANS_KEY = "argmine_units"

_SPAN_EXTENSIONS = ("argmine_type", "argmine_score", "argmine_probs")
# ``argmine_genre``: the genre the caller states (None: let the model predict it);
# ``argmine_genre_predicted``: ``{"genre": ..., "probability": ...}`` when it was predicted.
_DOC_EXTENSIONS = ("argmine_genre", "argmine_genre_predicted")


def ensure_extensions() -> None:
    """Declare ``Span._.argmine_type/score/probs`` and ``Doc._.argmine_genre(_predicted)``."""
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def remove_extensions() -> None:
    """Remove argmine's extensions (used by tests to leave spaCy as they found it)."""
    for name in _SPAN_EXTENSIONS:
        if Span.has_extension(name):
            Span.remove_extension(name)
    for name in _DOC_EXTENSIONS:
        if Doc.has_extension(name):
            Doc.remove_extension(name)
