"""The single bridge from an analysed spaCy Doc to an ``argmine.doc/1`` record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

from .extensions import SPANS_KEY
from .schema import Document, Relation, Unit


def units_from_doc(doc: Doc, *, spans_key: str = SPANS_KEY) -> list[Unit]:
    """Return the classified sentence units of a Doc as schema units (ids u1, u2, ...)."""
    units = []
    for i, span in enumerate(doc.spans.get(spans_key, []), start=1):
        units.append(Unit(id=f"u{i}", start=span.start_char, end=span.end_char, label=span.label_,
                          type=span._.argmine_type, score=span._.argmine_score,
                          probs=span._.argmine_probs, role=span._.argmine_role))
    return units


def relations_from_doc(doc: Doc) -> list[Relation]:
    """Return the links of ``argmine_relations`` as schema relations (ids r1, r2, ...)."""
    links = doc._.argmine_relations if Doc.has_extension("argmine_relations") else None
    return [Relation(id=f"r{i}", source=f"u{link['source'] + 1}", target=f"u{link['target'] + 1}",
                     label=link["label"])
            for i, link in enumerate(links or [], start=1)]


def from_doc(doc: Doc, *, doc_id: str, meta: Mapping[str, Any] | None = None) -> Document:
    """Build a record from a Doc processed by the unit classifier (and the relation component)."""
    return Document(id=doc_id, text=doc.text, meta=dict(meta or {}), units=units_from_doc(doc),
                    relations=relations_from_doc(doc))
