"""Training data: sources in any reader format -> sentence examples with features and labels."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language

from .. import registry
from ..errors import ArgmineError, Errors
from ..io import formats, read_corpus
from ..schema import Document
from ..segment import Sentence, project
from ..pipeline.unit_classifier import doc_features

# The heads each reader declaration trains (see ``registry.LABELS``). Component labels need
# exhaustive annotation (text outside components is "none"); claim and evidence types come only
# from corpora that annotate types in argmine's sense.
_HEAD_OF_LABEL = {"units": "component", "claim_type": "claim_type", "evidence_type": "evidence_type"}


def format_tasks(fmt: str) -> frozenset[str]:
    """The unit heads a registered format trains, from what its reader declares it labels."""
    return frozenset(_HEAD_OF_LABEL[lab] for lab in registry.reader_labels(fmt) if lab in _HEAD_OF_LABEL)


class DataSource(NamedTuple):
    format: str
    path: str
    split: str | None = None

    def __str__(self) -> str:
        return f"{self.format}:{self.path}" + (f"@{self.split}" if self.split else "")


class Example(NamedTuple):
    """One sentence with its features and gold labels."""
    doc_id: str
    group: str
    corpus: str
    start: int
    end: int
    text: str
    feats: dict[str, float]
    label: str
    type: str | None
    tasks: frozenset[str]


def parse_source(spec: str) -> DataSource:
    """Parse ``FORMAT:PATH[@SPLIT]`` (or a bare path to argmine JSONL).

    ``@SPLIT`` keeps only records whose ``meta.split`` equals SPLIT, e.g.
    ``elecdeb:../shared/corpora/elecdeb60to20@dev``.
    """
    split = None
    if "@" in spec:
        spec, split = spec.rsplit("@", 1)
    fmt, sep, path = spec.partition(":")
    if not sep or fmt not in formats():
        if Path(spec).exists():
            return DataSource("jsonl", spec, split)
        raise ArgmineError(Errors.E001.format(fmt=fmt if sep else spec,
                                              choices=", ".join(formats())) +
                           " Write sources as FORMAT:PATH[@SPLIT], e.g. aaec:../shared/corpora/aaec-conll/data/conll/Essay_Level/train.dat")
    return DataSource(fmt, path, split)


def read_source(source: DataSource) -> Iterator[Document]:
    for record in read_corpus(source.path, format=source.format):
        if source.split is None or record.meta.get("split") == source.split:
            yield record


def fingerprint(source: DataSource) -> str:
    """SHA-256 over the files a source is read from (relative names and bytes, sorted).

    For argmine JSONL folders that is the top-level ``*.jsonl`` files, as the reader reads them;
    for corpus folders every file below, since each reader picks its own.
    """
    path = Path(source.path)
    if path.is_dir():
        pattern = path.glob("*.jsonl") if source.format == "jsonl" else path.rglob("*")
        files = sorted(p for p in pattern if p.is_file())
    else:
        files = [path]
    h = hashlib.sha256()
    for file in files:
        h.update(file.relative_to(path).as_posix().encode() if path.is_dir() else file.name.encode())
        h.update(file.read_bytes())
    return h.hexdigest()


def examples_from_records(records: Iterable[Document], nlp: Language, *, tasks: frozenset[str],
                          corpus: str, batch_size: int = 16) -> Iterator[Example]:
    """Segment each record with ``nlp`` and label its sentences from the gold units."""
    records = list(records)
    for record, doc in zip(records, nlp.pipe((r.text for r in records), batch_size=batch_size)):
        spans, feats = doc_features(doc)
        group = str(record.meta.get("topic") if record.meta.get("topic") is not None else record.id)
        for (start, end), f in zip(spans, feats):
            label, utype, _ = project(Sentence(start, end), record.units)
            yield Example(record.id, group, str(record.meta.get("corpus") or corpus), start, end,
                          record.text[start:end], f, label, utype, tasks)


def load_sources(sources: Iterable[DataSource], nlp: Language) -> list[Example]:
    """Read every source and return its sentence examples."""
    out: list[Example] = []
    for source in sources:
        tasks = format_tasks(source.format)
        records = list(read_source(source))
        if not any(r.units for r in records):
            raise ArgmineError(Errors.E013 + f" (source {source})")
        out.extend(examples_from_records(records, nlp, tasks=tasks, corpus=source.format))
    return out
