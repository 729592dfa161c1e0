"""argmine's own JSONL format: read, validate and write ``argmine.doc/1`` records.

Errors carry the file and line, like ``jsonlines.InvalidLineError``. The writer
flushes after every record, so an interrupted run keeps what it finished.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import jsonlines
from pydantic import ValidationError

from .. import registry
from ..errors import ArgmineError, Errors, SchemaError
from ..schema import Document, describe_validation_error


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """Yield ``(lineno, value)`` for each non-blank line of a JSONL file ('-' = stdin).

    Raises:
        SchemaError: A line is not valid JSON, or the file is not UTF-8 (with path and line).
    """
    if str(path) == "-":
        yield from _iter_stream(sys.stdin, "<stdin>")
        return
    with open(path, encoding="utf-8") as f:
        try:
            yield from _iter_stream(f, str(path))
        except UnicodeDecodeError as e:
            raise SchemaError(Errors.E022.format(path=str(path), pos=e.start), path=str(path)) from e


def iter_lines(stream: IO[str]) -> Iterator[tuple[int, str]]:
    """Yield ``(lineno, line)`` for the non-blank lines of a text stream (1-based numbers)."""
    for lineno, line in enumerate(stream, start=1):
        if line.strip():
            yield lineno, line


def parse_line(line: str, *, name: str, lineno: int) -> Any:
    """Parse one JSONL line, raising ``SchemaError`` (E003) with the location."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise SchemaError(Errors.E003.format(detail=f"{e.msg} at column {e.colno}"),
                          path=name, lineno=lineno) from e


def _iter_stream(stream: IO[str], name: str) -> Iterator[tuple[int, Any]]:
    for lineno, line in iter_lines(stream):
        yield lineno, parse_line(line, name=name, lineno=lineno)


def parse_document(data: Any, *, path: str, lineno: int) -> Document:
    """Validate one JSON value as a Document, raising ``SchemaError`` with the location."""
    if not isinstance(data, dict):
        raise SchemaError(Errors.E004.format(kind=type(data).__name__), path=path, lineno=lineno)
    try:
        return Document.model_validate(data)
    except ValidationError as e:
        raise SchemaError("; ".join(describe_validation_error(e)), path=path, lineno=lineno) from e


@registry.reader("jsonl", labels=("units", "claim_type", "evidence_type", "relations", "stances", "actors"))
def read_jsonl(path: Path) -> Iterator[Document]:
    """Read JSONL: full argmine records, or any objects with a ``text`` field (and optional ``id``).

    A folder is read file by file (``*.jsonl``), in sorted order.
    """
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path), expected="*.jsonl"))
    for file in files:
        name = "<stdin>" if str(file) == "-" else str(file)
        stem = "stdin" if str(file) == "-" else file.stem
        yield from records_from_lines(iter_json_lines(file), name=name, stem=stem)


def records_from_lines(lines: Iterable[tuple[int, Any]], *, name: str, stem: str) -> Iterator[Document]:
    """Turn parsed JSONL lines into documents: argmine records as they are, else ``text`` + ``id``.

    Other keys of a plain record go to ``meta``; a record without an id gets ``STEM-LINE``.
    """
    for lineno, data in lines:
        if not isinstance(data, dict):
            raise SchemaError(Errors.E004.format(kind=type(data).__name__), path=name, lineno=lineno)
        if "units" in data or "schema" in data:
            yield parse_document(data, path=name, lineno=lineno)
            continue
        text = data.get("text")
        if not isinstance(text, str):
            raise SchemaError(Errors.E005.format(field="text"), path=name, lineno=lineno)
        doc_id = data.get("id")
        meta = {k: v for k, v in data.items() if k not in ("id", "text")}
        meta.setdefault("source", name)
        yield Document(id=str(doc_id) if doc_id is not None else f"{stem}-{lineno}",
                       text=text, meta=meta)


class JsonlWriter:
    """Write records one per line, flushing each, so finished output survives a crash."""

    def __init__(self, path: str | Path, *, overwrite: bool = False):
        self.path = path
        self._stdout = str(path) == "-"
        if not self._stdout and Path(path).exists() and not overwrite:
            raise ArgmineError(Errors.E007.format(path=str(path)))
        self._file: IO[str] | None = None
        self.count = 0

    def __enter__(self) -> JsonlWriter:
        if self._stdout:
            self._file = sys.stdout
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "w", encoding="utf-8")
        # jsonlines flushes after every line, so finished records survive a crash.
        self._writer = jsonlines.Writer(self._file, flush=True,
                                        dumps=lambda obj: json.dumps(obj, ensure_ascii=False))
        return self

    def write(self, doc: Document) -> None:
        if self._file is None:
            raise RuntimeError("JsonlWriter must be used as a context manager")
        self._writer.write(doc.to_dict())
        self.count += 1

    def __exit__(self, *exc: object) -> None:
        if self._file is not None and not self._stdout:
            self._file.close()


def write_jsonl(records: Iterable[Document], path: str | Path, *, overwrite: bool = False) -> int:
    """Write records to ``path`` ('-' = stdout) and return how many were written."""
    with JsonlWriter(path, overwrite=overwrite) as writer:
        for doc in records:
            writer.write(doc)
    return writer.count
