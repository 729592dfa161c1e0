"""Inputs to ``argmine annotate``: .txt or .md files, JSONL with a ``text`` field, folders, or '-'."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ArgmineError, Errors
from ..schema import Document
from .jsonl import _iter_stream, read_jsonl, records_from_lines
from .text import read_text

# Markdown is read as plain text (notes, transcripts and op-eds are often kept as .md).
_KINDS = {".txt": "text", ".md": "text", ".jsonl": "jsonl"}
logger = logging.getLogger("argmine")


def _looks_like_jsonl(data: str) -> bool:
    first = next((line for line in data.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _read_stdin() -> Iterator[Document]:
    data = sys.stdin.read()
    # JSONL when the first line is a JSON object; otherwise the whole input is one text.
    if _looks_like_jsonl(data):
        yield from records_from_lines(_iter_stream(io.StringIO(data), "<stdin>"), name="<stdin>",
                                      stem="stdin")
    else:
        yield Document(id="stdin", text=data, meta={"source": "<stdin>"})


def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    found = sorted(p for p in path.rglob("*") if p.is_file())
    files = [p for p in found if p.suffix.lower() in _KINDS]
    skipped = [p for p in found if p.suffix.lower() not in _KINDS]
    if skipped:
        logger.warning("%s: skipped %d file(s) that are not .txt, .md or .jsonl: %s", path, len(skipped),
                       ", ".join(str(p.relative_to(path)) for p in skipped[:5])
                       + (" ..." if len(skipped) > 5 else ""))
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path), expected="*.txt, *.md or *.jsonl"))
    return files


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Yield one document per text file or JSONL line, in the order given (folders sorted).

    Text files in a folder are named by their path inside it ("a/x" for a/x.txt), so files
    with the same name in different subfolders keep distinct ids.
    """
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin()
            continue
        path = Path(raw)
        if not path.exists():
            raise ArgmineError(Errors.E006.format(path=str(path)))
        for file in _files(path):
            if _KINDS.get(file.suffix.lower()) == "jsonl":
                yield from read_jsonl(file)
                continue
            for record in read_text(file):
                if path.is_dir():
                    record = record.model_copy(update={"id": file.relative_to(path).with_suffix("").as_posix()})
                yield record
