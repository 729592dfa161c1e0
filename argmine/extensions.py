"""The only place argmine declares spaCy extension attributes. Idempotent."""

from __future__ import annotations

from spacy.tokens import Span

SPANS_KEY = "argmine_units"


def ensure_extensions() -> None:
    """Declare ``Span._.argmine_type/score/probs`` (JSON-able values only)."""
    for name in ("argmine_type", "argmine_score", "argmine_probs"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def remove_extensions() -> None:
    """Remove argmine's extensions (used by tests to leave spaCy as they found it)."""
    for name in ("argmine_type", "argmine_score", "argmine_probs"):
        if Span.has_extension(name):
            Span.remove_extension(name)
