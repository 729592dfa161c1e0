"""Training data: sources in any reader format -> sentence examples with features and labels."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language

from .. import registry
from ..errors import ArgmineError, Errors
from ..features.lexicon import CueLists, read_cue_lists
from ..io import formats, read_corpus
from ..pipeline.unit_classifier import doc_features
from ..schema import Document
from ..segment import Sentence, project
from .cache import cache_key, parse_texts

# The heads each reader declaration trains (see ``registry.LABELS``). Component labels need
# exhaustive annotation (text outside components is "none"); claim and evidence types come only
# from corpora that annotate types in argmine's sense.
_HEAD_OF_LABEL = {"units": "component", "claim_type": "claim_type", "evidence_type": "evidence_type"}


def format_tasks(fmt: str) -> frozenset[str]:
    """The unit heads a registered format trains, from what its reader declares it labels."""
    return frozenset(_HEAD_OF_LABEL[lab] for lab in registry.reader_labels(fmt) if lab in _HEAD_OF_LABEL)


def record_genre(record: Document, fmt: str) -> str:
    """The genre of one training record: ``meta.genre`` if set, else the one its reader
    declares (argmine's own JSONL annotations are government and news prose)."""
    genre = record.meta.get("genre")
    return str(genre) if genre else registry.reader_genre(fmt) or "news"


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
    genre: str = "news"


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
                           " Write sources as FORMAT:PATH[@SPLIT], e.g. "
                           "aaec:../shared/corpora/aaec-conll/data/conll/Essay_Level/train.dat")
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
                          corpus: str, docs: Iterable | None = None, batch_size: int = 16,
                          cue_lists: CueLists | None = None) -> Iterator[Example]:
    """Segment each record with ``nlp`` (or take its parse from ``docs``) and label its sentences.

    The genre is the record's own (``record_genre``) and decides which features the
    sentences get (see ``doc_features``).
    """
    records = list(records)
    if cue_lists is None:
        cue_lists = read_cue_lists()
    if docs is None:
        docs = nlp.pipe((r.text for r in records), batch_size=batch_size)
    for record, doc in zip(records, docs):
        genre = record_genre(record, corpus)
        spans, feats = doc_features(doc, cues=cue_lists)
        group = str(record.meta.get("topic") if record.meta.get("topic") is not None else record.id)
        for (start, end), f in zip(spans, feats):
            label, utype, _ = project(Sentence(start, end), record.units)
            yield Example(record.id, group, str(record.meta.get("corpus") or corpus), start, end,
                          record.text[start:end], f, label, utype, tasks, genre)


def load_records(source: DataSource) -> list[Document]:
    """The records of one training source; it must hold gold units."""
    records = list(read_source(source))
    if not any(r.units for r in records):
        raise ArgmineError(Errors.E013 + f" (source {source})")
    return records


def parse_source_docs(source: DataSource, records: list[Document], nlp: Language, *,
                      cache_dir: str | Path | None = None) -> list:
    """The parses of a source's records, from the parse cache when it holds them."""
    # Keyed by content, format and split, not by path: the same corpus found elsewhere is reused.
    key = (cache_key(fingerprint(source), f"{source.format}@{source.split or ''}", nlp)
           if cache_dir is not None else None)
    return parse_texts([r.text for r in records], nlp, cache_dir=cache_dir, key=key, what=f"parse {source}")


def load_sources(sources: Iterable[DataSource], nlp: Language, *,
                 cache_dir: str | Path | None = None,
                 cue_lists: CueLists | None = None) -> list[Example]:
    """Read every source and return its sentence examples.

    Args:
        sources: Gold sources.
        nlp: The pipeline that segments and tags (``nlp.units_pipeline``).
        cache_dir: Keep parses here (``training.cache``) so the next run does not re-parse.
        cue_lists: Cue lists for the features (default: the packaged lists).
    """
    out: list[Example] = []
    for source in sources:
        tasks = format_tasks(source.format)
        records = load_records(source)
        docs = parse_source_docs(source, records, nlp, cache_dir=cache_dir)
        out.extend(examples_from_records(records, nlp, tasks=tasks, corpus=source.format, docs=docs,
                                         cue_lists=cue_lists))
    return out
