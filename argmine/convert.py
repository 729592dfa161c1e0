"""The single bridge from an analysed spaCy Doc to an ``argmine.doc/1`` record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

from .extensions import SPANS_KEY
from .schema import Document, Unit


def units_from_doc(doc: Doc, *, spans_key: str = SPANS_KEY) -> list[Unit]:
    """Return the classified sentence units of a Doc as schema units (ids u1, u2, ...)."""
    units = []
    for i, span in enumerate(doc.spans.get(spans_key, []), start=1):
        units.append(Unit(id=f"u{i}", start=span.start_char, end=span.end_char, label=span.label_,
                          type=span._.argmine_type, score=span._.argmine_score,
                          probs=span._.argmine_probs))
    return units


def from_doc(doc: Doc, *, doc_id: str, meta: Mapping[str, Any] | None = None) -> Document:
    """Build a record from a Doc processed by the unit classifier (units only).

    When the unit classifier predicted the genre, ``meta.genre_predicted`` holds it with
    its probability (``{"genre": "news", "probability": 0.91}``).
    """
    meta = dict(meta or {})
    predicted = doc._.argmine_genre_predicted if Doc.has_extension("argmine_genre_predicted") else None
    if predicted:
        meta["genre_predicted"] = dict(predicted)
    return Document(id=doc_id, text=doc.text, meta=meta, units=units_from_doc(doc))
