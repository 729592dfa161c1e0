"""Inputs to ``argmine annotate``: .txt or .md files, JSONL with a ``text`` field, folders, or '-'."""

from __future__ import annotations

import io
import itertools
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ArgmineError, Errors
from ..schema import Document
from .jsonl import decode_lines, read_jsonl, records_from_lines
from .paths import check_inputs
from .text import decode_text, read_text, stdin_stream

# Markdown is read as plain text (notes, transcripts and op-eds are often kept as .md).
_KINDS = {".txt": "text", ".md": "text", ".jsonl": "jsonl"}
logger = logging.getLogger("argmine")


def _looks_like_jsonl(data: str) -> bool:
    first = next((line for line in data.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _read_stdin(skip_invalid: bool) -> Iterator[Document]:
    stream = stdin_stream()
    head: list[bytes] = []
    for raw in stream:
        head.append(raw)
        if raw.strip():
            break
    if head and _looks_like_jsonl(head[-1].decode("utf-8", errors="replace").removeprefix("\ufeff")):
        # UTF-8 JSONL is read line by line as it arrives, like a file: memory does not grow
        # with the input, and the first record is analysed before the last line is read.
        lines = decode_lines(itertools.chain(head, stream), "<stdin>")
        yield from records_from_lines(lines, name="<stdin>", stem="stdin", skip_invalid=skip_invalid)
        return
    text, notes = decode_text(b"".join(head) + stream.read(), "<stdin>")
    # JSONL when the first line is a JSON object (in another encoding, e.g. UTF-16);
    # otherwise the whole input is one text.
    if _looks_like_jsonl(text):
        lines = ((n, line) for n, line in enumerate(io.StringIO(text), start=1) if line.strip())
        yield from records_from_lines(lines, name="<stdin>", stem="stdin", skip_invalid=skip_invalid)
    else:
        yield Document(id="stdin", text=text, meta={"source": "<stdin>", **notes})


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


def _read_all(paths: Iterable[str | Path], skip_invalid: bool) -> Iterator[Document]:
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(skip_invalid)
            continue
        path = Path(raw)
        for file in _files(path):
            if _KINDS.get(file.suffix.lower()) == "jsonl":
                yield from read_jsonl(file, skip_invalid=skip_invalid)
                continue
            for record in read_text(file):
                if path.is_dir():
                    record = record.model_copy(update={"id": file.relative_to(path).with_suffix("").as_posix()})
                yield record


def unique_ids(records: Iterable[Document]) -> Iterator[Document]:
    """Make repeated ids unique (``x``, ``x-2``, ``x-3``, ...), keeping the original in ``meta.id``.

    Output records must have distinct ids (``argmine validate`` requires it, and
    ``--resume`` finds finished records by id); the renaming is deterministic.
    """
    seen: set[str] = set()
    for record in records:
        if record.id in seen:
            n = 2
            while f"{record.id}-{n}" in seen:
                n += 1
            new = f"{record.id}-{n}"
            logger.warning("%s: id %r is already used; this record is written as %r",
                           record.meta.get("source", "input"), record.id, new)
            record = record.model_copy(update={"id": new, "meta": {**record.meta, "id": record.id}})
        seen.add(record.id)
        yield record


def read_inputs(paths: Iterable[str | Path], *, skip_invalid: bool = False) -> Iterator[Document]:
    """Yield one document per text file or JSONL line, in the order given (folders sorted).

    Text files in a folder are named by their path inside it ("a/x" for a/x.txt), so files
    with the same name in different subfolders keep distinct ids; ids that still repeat
    are made unique (see :func:`unique_ids`).

    Args:
        paths: Files, folders, or '-' (standard input, at most once).
        skip_invalid: Log and skip bad JSONL lines instead of stopping at the first.

    Raises:
        ArgmineError: A path is missing, unreadable or a device, or '-' repeats
            (checked before anything is read).
        SchemaError: A bad line (with file and line), unless ``skip_invalid``.
    """
    paths = list(paths)
    check_inputs(paths)
    yield from unique_ids(_read_all(paths, skip_invalid))


