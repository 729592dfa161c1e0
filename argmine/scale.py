"""Annotate beyond one process: a Hugging Face dataset with ``num_proc``, or a Dask cluster.

Both load the pipeline once per worker process (not once per batch or per partition) and
return records in input order, so a distributed run writes the same file as a local one.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Generator, Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from .schema import Document

if TYPE_CHECKING:
    import datasets
    from spacy.language import Language

# One pipeline per (model, spaCy model, units_only) in each worker process. Workers are
# separate processes, so this cache is what makes "loaded once per worker" true.
_PIPELINES: dict[tuple[str | None, str | None, bool], Language] = {}


def _pipeline(model: str | None, spacy_model: str | None, units_only: bool) -> Language:
    key = (model, spacy_model, units_only)
    if key not in _PIPELINES:
        from .api import load

        _PIPELINES[key] = load(model, spacy_model=spacy_model, units_only=units_only)
    return _PIPELINES[key]


def _run(records: Sequence[Document], *, model: str | None, spacy_model: str | None, units_only: bool,
         batch_size: int, **options: Any) -> list[Document]:
    from .api import annotate

    nlp = _pipeline(model, spacy_model, units_only)
    return list(annotate(records, nlp=nlp, batch_size=batch_size, **options))


def _dataset_batch(batch: dict[str, list[Any]], indices: list[int], *, text_column: str,
                   id_column: str | None, run: Any) -> dict[str, list[Any]]:
    from .io.hf import _document_row

    texts = batch[text_column]
    ids = batch[id_column] if id_column else [None] * len(texts)
    records = [Document(id=str(i) if i is not None else f"row-{n}", text=t)
               for n, i, t in zip(indices, ids, texts, strict=True)]
    rows = [_document_row(r) for r in run(records)]
    return {key: [row[key] for row in rows] for key in rows[0]} if rows else {}


def annotate_dataset(dataset: datasets.Dataset, *, model: str | os.PathLike[str] | None = None,
                     spacy_model: str | None = None, units_only: bool = False,
                     targets: Sequence[str] = (), terms: Mapping[str, Sequence[str]] | None = None,
                     text_column: str = "text", id_column: str | None = "id", batch_size: int = 32,
                     num_proc: int | None = None) -> datasets.Dataset:
    """Annotate every row of a Hugging Face dataset; returns a document-level dataset.

    The result has the columns of ``argmine.io.hf.to_hf_dataset(level="document")``, one row
    per input row, in input order; ``from_hf_dataset`` turns it back into records.

    Args:
        dataset: A ``datasets.Dataset`` with a text column.
        model: argmine model directory (default: the bundled model).
        spacy_model: spaCy pipeline name or path.
        units_only: Units only (no parser/NER).
        targets: Stance targets.
        terms: Extra words naming a target, by target.
        text_column: Column holding the text.
        id_column: Column holding document ids (``None`` or absent: "row-N", N the row index).
        batch_size: Rows per ``map`` batch, also spaCy's batch.
        num_proc: Worker processes for ``Dataset.map``; each loads the pipeline once.
    """
    from .errors import ArgmineError, Errors
    from .io.hf import _document_features

    if text_column not in dataset.column_names:
        raise ArgmineError(Errors.E015.format(missing=text_column, needed=text_column))
    if id_column is not None and id_column not in dataset.column_names:
        id_column = None
    run = partial(_run, model=str(model) if model is not None else None, spacy_model=spacy_model,
                  units_only=units_only, targets=tuple(targets),
                  terms={k: list(v) for k, v in (terms or {}).items()}, batch_size=batch_size)
    fn = partial(_dataset_batch, text_column=text_column, id_column=id_column, run=run)
    return dataset.map(fn, batched=True, with_indices=True, batch_size=batch_size, num_proc=num_proc,
                       remove_columns=dataset.column_names, features=_document_features(),
                       desc="argmine annotate")


def annotate_dask(records: Iterable[Document], *, address: str | Any,
                  model: str | os.PathLike[str] | None = None, spacy_model: str | None = None,
                  units_only: bool = False, targets: Sequence[str] = (),
                  terms: Mapping[str, Sequence[str]] | None = None,
                  target_kinds: Mapping[str, str] | None = None, keep_gold: bool = False,
                  skip_invalid: bool = False, genre: str | None = None, chunk_size: int = 64,
                  batch_size: int = 32, window: int | None = None) -> Generator[Document, None, None]:
    """Annotate records on a Dask cluster, yielding results in input order as they finish.

    The input is cut into chunks of ``chunk_size`` records, each sent to a worker as one
    task; at most ``window`` chunks are in flight, so memory stays bounded on long inputs.
    Each worker process loads the pipeline once and keeps it for every later chunk.

    Args:
        records: Documents to analyse.
        address: Scheduler address ("tcp://host:8786") or a ``distributed.Client``.
        model: argmine model directory, readable at the same path on every worker
            (default: the bundled model, which ships inside the package).
        spacy_model: spaCy pipeline name or path, installed on every worker.
        units_only: Units only.
        targets: Stance targets.
        terms: Extra words naming a target, by target.
        target_kinds: Forced target kinds, by target (see ``argmine.annotate``).
        keep_gold: Keep input units and relations in ``meta.gold``.
        skip_invalid: Skip documents that cannot be analysed instead of failing.
        genre: The documents' genre, or None / "auto" (see ``argmine.annotate``).
        chunk_size: Records per task.
        batch_size: spaCy batch size inside a task.
        window: Chunks in flight (default: twice the number of worker threads).
    """
    from distributed import Client
    from spacy.util import minibatch

    client = address if isinstance(address, Client) else Client(address)
    own_client = client is not address
    try:
        if window is None:
            window = max(2, 2 * sum(client.nthreads().values()))
        run = partial(_run, model=str(model) if model is not None else None, spacy_model=spacy_model,
                      units_only=units_only, targets=tuple(targets),
                      terms={k: list(v) for k, v in (terms or {}).items()},
                      target_kinds=dict(target_kinds or {}), keep_gold=keep_gold,
                      skip_invalid=skip_invalid, genre=genre, batch_size=batch_size)
        pending: deque[Any] = deque()
        for chunk in minibatch(records, chunk_size):
            pending.append(client.submit(run, chunk, pure=False))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        if own_client:
            client.close()
