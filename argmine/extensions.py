"""The only place argmine declares spaCy extension attributes. Idempotent."""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPANS_KEY = "argmine_units"
ACTORS_KEY = "argmine_actors"
QUOTES_KEY = "argmine_quotes"

# Span extensions: unit labels and the main-claim role (units), reported speech (quotes).
_SPAN = ("argmine_type", "argmine_score", "argmine_probs", "argmine_role",
         "argmine_speaker", "argmine_cue", "argmine_kind")
# Doc extensions: actor records (id, name, kind, affiliation, role) and stance records,
# plain dicts so that DocBin(store_user_data=True) keeps them without pickle.
# argmine_targets: a document's own targets (its meta.targets with the run's), when they differ.
# argmine_relations: list of {"source": i, "target": j, "label": ..., "score": ...} with i, j
# indices into doc.spans[SPANS_KEY].
# argmine_genre: the genre the caller states (None: let the model predict it);
# argmine_genre_predicted: {"genre": ..., "probability": ...} when it was predicted.
_DOC = ("argmine_actors", "argmine_stances", "argmine_targets", "argmine_relations",
        "argmine_genre", "argmine_genre_predicted")


def ensure_extensions() -> None:
    """Declare argmine's ``Span._`` and ``Doc._`` attributes (JSON-able values only)."""
    for name in _SPAN:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in _DOC:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def remove_extensions() -> None:
    """Remove argmine's extensions (used by tests to leave spaCy as they found it)."""
    for name in _SPAN:
        if Span.has_extension(name):
            Span.remove_extension(name)
    for name in _DOC:
        if Doc.has_extension(name):
            Doc.remove_extension(name)
