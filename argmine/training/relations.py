"""Train and score the relation parser from data sources (used by ``argmine train``/``evaluate``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..pipeline.unit_classifier import UnitClassifier
from ..relations.data import RelationDoc, has_structure, predicted_units, relation_doc, relation_docs
from ..relations.evaluate import cross_validate_relations, evaluate_parser
from ..relations.model import RelationParser
from .corpus import DataSource, parse_source_docs, read_source

Parsed = list[tuple[RelationDoc, Doc]]


def load_relation_sources(sources: Sequence[DataSource], nlp: Language, *,
                          cache_dir: str | Path | None = None) -> dict[str, Parsed]:
    """Parse the records of each source that carry relations or a main claim, by source.

    With ``cache_dir``, the parse is the one the unit heads use (``training.cache``: the
    whole source under the same key), so a warm retrain parses nothing here either.
    """
    out: dict[str, Parsed] = {}
    for source in sources:
        records = list(read_source(source))
        if not any(has_structure(r) for r in records):
            continue
        if cache_dir is None:
            parsed = list(relation_docs(records, nlp))
        else:
            docs = parse_source_docs(source, records, nlp, cache_dir=cache_dir)
            parsed = [(relation_doc(r, doc), doc) for r, doc in zip(records, docs) if has_structure(r)]
        if parsed:
            out[str(source)] = parsed
    return out


def train_parser(parsed: dict[str, Parsed], *, C: float = 1.0, seed: int = 0) -> RelationParser | None:
    """Fit the parser on every parsed source; None when no source has any structure."""
    golds = [d.gold for docs in parsed.values() for d, _ in docs]
    if not golds:
        return None
    parser = RelationParser(C=C, seed=seed).fit(golds)
    return parser if parser.models else None


def score_parsed(parser: RelationParser, parsed: Parsed, classifier: UnitClassifier | None = None
                 ) -> dict[str, Any]:
    """Scores on gold units and, when a unit classifier is given, on its predicted units."""
    docs = [d for d, _ in parsed]
    report = {"gold_units": evaluate_parser(parser, docs)}
    if classifier is not None and "component" in classifier.models:
        units = []
        for d, doc in parsed:
            # The classifier's own reading, genre included, as at annotation time.
            labels = [p.label for p in classifier.predict([doc])[0]]
            units.append(predicted_units(doc, d.sentences, labels))
        report["predicted_units"] = evaluate_parser(parser, docs, units)
    return report


def cross_validate_parsed(parsed: Parsed, *, extra: Sequence[RelationDoc] = (), folds: int = 5,
                          seed: int = 0, C: float = 1.0) -> dict[str, Any]:
    """Document-grouped cross-validation on gold units (``extra`` joins every training fold)."""
    return {"gold_units": cross_validate_relations([d for d, _ in parsed], folds=folds, seed=seed,
                                                   C=C, extra=extra)}


def summary(parsed: dict[str, Parsed]) -> dict[str, Any]:
    """Training sizes per source: documents, gold links by label, documents with a main claim."""
    out = {}
    for source, docs in parsed.items():
        labels: dict[str, int] = {}
        for d, _ in docs:
            for _, _, label in d.links:
                labels[label] = labels.get(label, 0) + 1
        out[source] = {"documents": len(docs), "links": dict(sorted(labels.items())),
                       "main_claims": sum(1 for d, _ in docs if d.mains)}
    return out
