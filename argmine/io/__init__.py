"""Readers (one module per format) and the JSONL writer.

``read_corpus(path, format=...)`` looks the format up in ``registry.readers``.
Importing this package registers the built-in readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import registry
from ..errors import ArgmineError, Errors, SchemaError
from ..schema import Document
from . import (  # noqa: F401  (imported to register the readers)
    aaec,
    basil,
    checkthat,
    claimbuster,
    cmv,
    elecdeb,
    hf,
    iam,
    ibm,
    jsonl,
    microtexts,
    newsmtsc,
    prodigy,
    text,
)
from .jsonl import JsonlWriter, write_jsonl

__all__ = ["read_corpus", "write_jsonl", "JsonlWriter", "formats"]


def formats() -> list[str]:
    """Return the names of the registered formats."""
    return sorted(registry.readers.get_all())


def read_corpus(path: str | Path, *, format: str = "jsonl", limit: int | None = None
                ) -> Iterator[Document]:
    """Yield the documents of one source in the given format.

    Args:
        path: A file or folder, as the corpus lays it out.
        format: A registered format name (see ``formats()``).
        limit: Stop after this many documents.
    """
    if format not in registry.readers:
        raise ArgmineError(Errors.E001.format(fmt=format, choices=", ".join(formats())))
    path = Path(path)
    if str(path) != "-" and not path.exists():
        raise ArgmineError(Errors.E006.format(path=str(path)))
    reader = registry.readers.get(format)
    try:
        for i, doc in enumerate(reader(path)):
            if limit is not None and i >= limit:
                return
            yield doc
    except UnicodeDecodeError as e:
        # Readers open files as UTF-8; one place turns a wrong encoding into a clear error.
        raise SchemaError(Errors.E022.format(path=str(path), pos=e.start)) from e


def read_many(paths: Iterable[str | Path], *, format: str) -> Iterator[Document]:
    for path in paths:
        yield from read_corpus(path, format=format)
