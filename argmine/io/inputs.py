"""Inputs to ``argmine annotate``: .txt files, JSONL with a ``text`` field, folders, or '-'."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ArgmineError, Errors
from ..schema import Document
from .jsonl import read_jsonl, _iter_stream, parse_document
from .text import read_text

_KINDS = {".txt": "text", ".jsonl": "jsonl", ".json": "jsonl"}


def _read_stdin() -> Iterator[Document]:
    data = sys.stdin.read()
    if data.lstrip().startswith("{"):
        import io

        for lineno, obj in _iter_stream(io.StringIO(data), "<stdin>"):
            if isinstance(obj, dict) and ("units" in obj or "schema" in obj):
                yield parse_document(obj, path="<stdin>", lineno=lineno)
            elif isinstance(obj, dict) and isinstance(obj.get("text"), str):
                meta = {k: v for k, v in obj.items() if k not in ("id", "text")}
                yield Document(id=str(obj.get("id", f"stdin-{lineno}")), text=obj["text"], meta=meta)
            else:
                from ..errors import SchemaError
                raise SchemaError(Errors.E005.format(field="text"), path="<stdin>", lineno=lineno)
    else:
        yield Document(id="stdin", text=data, meta={"source": "<stdin>"})


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Yield one document per text file or JSONL line, in the order given (folders sorted)."""
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin()
            continue
        path = Path(raw)
        if not path.exists():
            raise ArgmineError(Errors.E006.format(path=str(path)))
        files = sorted(p for p in path.rglob("*") if p.suffix in _KINDS) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise ArgmineError(Errors.E009.format(path=str(path), expected="*.txt or *.jsonl"))
        for file in files:
            if _KINDS.get(file.suffix) == "jsonl":
                yield from read_jsonl(file)
            else:
                yield from read_text(file)
