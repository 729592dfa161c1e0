"""The only place argmine declares spaCy extension attributes. Idempotent."""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPANS_KEY = "argmine_units"

_SPAN_EXTENSIONS = ("argmine_type", "argmine_score", "argmine_probs", "argmine_role")
# ``doc._.argmine_relations``: list of {"source": i, "target": j, "label": ..., "score": ...}
# with i, j indices into ``doc.spans[SPANS_KEY]`` (JSON-able, so it survives DocBin).
_DOC_EXTENSIONS = ("argmine_relations",)


def ensure_extensions() -> None:
    """Declare ``Span._.argmine_type/score/probs/role`` and ``Doc._.argmine_relations``."""
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
