"""The single bridge from an analysed spaCy Doc to an ``argmine.doc/1`` record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

from .extensions import QUOTES_KEY, SPANS_KEY
from .schema import Actor, Cue, Document, Mention, Quote, Relation, Stance, Unit
from .segment import doc_text

# A unit whose characters lie at least this much inside a statement is reported from
# the statement's speaker.
_SOURCE_SHARE = 0.5


def quotes_from_doc(doc: Doc, *, spans_key: str = QUOTES_KEY) -> list[Quote]:
    """Return the reported-speech layer as schema quotes (ids q1, q2, ...)."""
    out = []
    for i, span in enumerate(doc.spans.get(spans_key, []), start=1):
        cue = span._.argmine_cue
        out.append(Quote(id=f"q{i}", speaker=span._.argmine_speaker, start=span.start_char,
                         end=span.end_char, cue=Cue(start=cue[0], end=cue[1]) if cue else None,
                         kind=span._.argmine_kind or span.label_))
    return out


def _source(start: int, end: int, quotes: list[Quote]) -> str | None:
    best, share = None, 0.0
    for q in quotes:
        if q.speaker is None:
            continue
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > 0 and overlap / max(end - start, 1) > share:
            best, share = q.speaker, overlap / max(end - start, 1)
    return best if share >= _SOURCE_SHARE else None


def units_from_doc(doc: Doc, *, spans_key: str = SPANS_KEY, quotes: list[Quote] | None = None
                   ) -> list[Unit]:
    """Return the classified sentence units of a Doc as schema units (ids u1, u2, ...)."""
    units = []
    for i, span in enumerate(doc.spans.get(spans_key, []), start=1):
        units.append(Unit(id=f"u{i}", start=span.start_char, end=span.end_char, label=span.label_,
                          type=span._.argmine_type, score=span._.argmine_score,
                          probs=span._.argmine_probs,
                          source=_source(span.start_char, span.end_char, quotes or []),
                          role=span._.argmine_role))
    return units


def relations_from_doc(doc: Doc) -> list[Relation]:
    """Return the links of ``argmine_relations`` as schema relations (ids r1, r2, ...)."""
    links = doc._.argmine_relations if Doc.has_extension("argmine_relations") else None
    return [Relation(id=f"r{i}", source=f"u{link['source'] + 1}", target=f"u{link['target'] + 1}",
                     label=link["label"])
            for i, link in enumerate(links or [], start=1)]


def actors_from_doc(doc: Doc, *, author: str | None = None) -> list[Actor]:
    """Return ``doc._.argmine_actors`` as schema actors; ``author`` names the author actor."""
    out = []
    for a in doc._.argmine_actors or []:
        name = author if a.get("role") == "author" and author else a["name"]
        out.append(Actor(id=a["id"], name=name, kind=a["kind"], affiliation=a.get("affiliation"),
                         role=a.get("role"),
                         mentions=[Mention(start=s, end=e) for s, e in a.get("mentions", [])]))
    return out


def from_doc(doc: Doc, *, doc_id: str, meta: Mapping[str, Any] | None = None) -> Document:
    """Build a record from a Doc: units, and the relations, actors, quotes and stances layers
    when present.

    When the unit classifier predicted the genre, ``meta.genre_predicted`` holds it with
    its probability (``{"genre": "news", "probability": 0.91}``).
    """
    meta = dict(meta or {})
    predicted = doc._.argmine_genre_predicted if Doc.has_extension("argmine_genre_predicted") else None
    if predicted:
        meta["genre_predicted"] = dict(predicted)
    has = Doc.has_extension("argmine_actors")
    quotes = quotes_from_doc(doc) if QUOTES_KEY in doc.spans else []
    actors = actors_from_doc(doc, author=meta.get("author")) if has else []
    stances = [Stance(**s) for s in (doc._.argmine_stances or [])] if has else []
    return Document(id=doc_id, text=doc_text(doc), meta=meta, units=units_from_doc(doc, quotes=quotes),
                    relations=relations_from_doc(doc), actors=actors, quotes=quotes, stances=stances)
