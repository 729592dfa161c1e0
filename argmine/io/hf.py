"""Records <-> Hugging Face ``datasets.Dataset``, at document, unit and sentence level.

Document level is lossless (``from_hf_dataset(to_hf_dataset(docs))`` gives the same
records back). Unit level has one row per unit with its text, label and type.
Sentence level first projects gold spans onto sentences (see ``argmine.segment``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import registry
from ..errors import ArgmineError, Errors
from ..schema import Document

if TYPE_CHECKING:
    import datasets
    from spacy.language import Language

# No data set is ever fetched: keep the library from calling the hub for counters.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

_DOC_COLUMNS = ("schema", "id", "text", "meta", "units", "relations", "actors", "stances")


def _document_features() -> datasets.Features:
    from datasets import Features, Sequence, Value

    unit = {"id": Value("string"), "start": Value("int64"), "end": Value("int64"),
            "label": Value("string"), "type": Value("string"), "score": Value("float64"),
            "orig": Value("string"), "probs": Value("string"), "speaker": Value("string"),
            "source": Value("string"), "role": Value("string")}
    relation = {"id": Value("string"), "source": Value("string"), "target": Value("string"),
                "label": Value("string"), "orig": Value("string")}
    actor = {"id": Value("string"), "name": Value("string"), "kind": Value("string"),
             "mentions": [{"start": Value("int64"), "end": Value("int64")}],
             "affiliation": Value("string"), "role": Value("string")}
    stance = {"actor": Value("string"), "target": Value("string"), "stance": Value("string"),
              "score": Value("float64"), "evidence": Sequence(Value("string")),
              "timeline": [{"unit": Value("string"), "stance": Value("string")}],
              "orig": Value("string")}
    quote = {"id": Value("string"), "speaker": Value("string"), "start": Value("int64"),
             "end": Value("int64"), "cue": {"start": Value("int64"), "end": Value("int64")},
             "kind": Value("string")}
    # meta is free-form, so it travels as a JSON string rather than a fixed struct.
    return Features({"schema": Value("string"), "id": Value("string"), "text": Value("string"),
                     "meta": Value("string"), "units": [unit], "relations": [relation],
                     "actors": [actor], "stances": [stance], "quotes": [quote]})


def _document_row(doc: Document) -> dict[str, Any]:
    row = doc.model_dump(by_alias=True, mode="json")
    row["meta"] = json.dumps(row["meta"], ensure_ascii=False, sort_keys=True)
    for unit in row["units"]:
        unit["probs"] = json.dumps(unit["probs"]) if unit["probs"] is not None else None
    return row


def _unit_rows(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        for unit in doc.units:
            yield {"doc_id": doc.id, "unit_id": unit.id, "text": doc.text[unit.start:unit.end],
                   "start": unit.start, "end": unit.end, "label": unit.label, "type": unit.type,
                   "score": unit.score, "orig": unit.orig,
                   "topic": str(doc.meta.get("topic")) if doc.meta.get("topic") is not None else None,
                   "corpus": doc.meta.get("corpus")}


def to_hf_dataset(records: Iterable[Document], *,
                  level: Literal["document", "unit", "sentence"] = "document",
                  nlp: Language | None = None) -> datasets.Dataset:
    """Build a ``datasets.Dataset`` from records.

    Args:
        records: argmine documents.
        level: "document" (one row per record, lossless), "unit" (one row per unit),
            or "sentence" (gold spans projected onto sentences, one row per sentence).
        nlp: Pipeline used to split sentences at sentence level; defaults to a
            rule-based sentencizer.
    """
    import datasets

    if level == "document":
        return datasets.Dataset.from_list([_document_row(d) for d in records],
                                          features=_document_features())
    if level == "unit":
        return datasets.Dataset.from_list(list(_unit_rows(records)), features=_unit_features())
    if level == "sentence":
        from ..nlp import blank_english
        from ..segment import to_sentence_level

        sentences = to_sentence_level(records, nlp or blank_english())
        return datasets.Dataset.from_list(list(_unit_rows(sentences)), features=_unit_features())
    raise ArgmineError(Errors.E014.format(level=level))


def _unit_features() -> datasets.Features:
    from datasets import ClassLabel, Features, Value

    return Features({"doc_id": Value("string"), "unit_id": Value("string"), "text": Value("string"),
                     "start": Value("int64"), "end": Value("int64"),
                     "label": ClassLabel(names=["claim", "evidence", "none"]),
                     "type": Value("string"), "score": Value("float64"), "orig": Value("string"),
                     "topic": Value("string"), "corpus": Value("string")})


def _clean(value: Any, keep: set[str] | None = None) -> Any:
    # Arrow fills absent optional struct fields with None; the schema drops them again.
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None or (keep and k in keep)}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _quote(row: dict[str, Any]) -> dict[str, Any]:
    quote = dict(row)
    cue = quote.get("cue")
    # A null cue may come back as a struct of nulls.
    quote["cue"] = cue if cue and cue.get("start") is not None else None
    return quote


def from_hf_dataset(dataset: datasets.Dataset) -> Iterator[Document]:
    """Yield argmine documents from a document-level dataset (as ``to_hf_dataset`` makes)."""
    missing = [c for c in ("id", "text") if c not in dataset.column_names]
    if missing:
        raise ArgmineError(Errors.E015.format(missing=", ".join(missing), needed=", ".join(_DOC_COLUMNS)))
    for row in dataset:
        meta = row.get("meta") or {}
        if isinstance(meta, str):
            meta = json.loads(meta)
        units = []
        for unit in row.get("units") or []:
            unit = dict(unit)
            if isinstance(unit.get("probs"), str):
                unit["probs"] = json.loads(unit["probs"])
            units.append(_clean(unit, keep={"type", "score"}))
        yield Document.model_validate({
            "schema": row.get("schema") or "argmine.doc/1", "id": row["id"], "text": row["text"],
            "meta": meta, "units": units,
            "relations": _clean(row.get("relations") or []),
            "actors": _clean(row.get("actors") or []),
            "stances": [_clean(s, keep={"score"}) for s in row.get("stances") or []],
            "quotes": [_quote(q) for q in row.get("quotes") or []],
        })


def load_hf_dataset(path: str) -> datasets.Dataset:
    """Load a dataset saved with ``Dataset.save_to_disk`` (never downloads)."""
    import datasets

    try:
        return datasets.load_from_disk(path)
    except (FileNotFoundError, ValueError, OSError) as e:
        raise ArgmineError(Errors.E025.format(path=path, detail=f"{type(e).__name__}: {e}")) from e


@registry.reader("hf", labels=("units", "claim_type", "evidence_type", "relations", "stances", "actors"),
                  genre="news")
def read_hf(path: Path) -> Iterator[Document]:
    """Yield the documents of a document-level dataset saved with ``Dataset.save_to_disk``."""
    yield from from_hf_dataset(load_hf_dataset(str(path)))
