"""argmine's own JSONL format: read, validate and write ``argmine.doc/1`` records.

Errors carry the file and line, like ``jsonlines.InvalidLineError``. The writer
sends each record out whole as soon as it is finished and locks its file, so an
interrupted run keeps what it finished and ``--resume`` can continue it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import registry
from ..errors import ArgmineError, Errors, SchemaError
from ..schema import Document, describe_validation_error
from .text import stdin_stream

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger("argmine")


_BOM = "\ufeff"
# Only a \uD800-\uDFFF escape can put a lone surrogate into parsed JSON.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def iter_raw_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """Yield ``(lineno, line)`` for each non-blank line of a JSONL file ('-' = stdin).

    Lines are decoded one by one, so an encoding error names its line and every valid
    line before it has been yielded; a UTF-8 byte-order mark on line 1 is dropped.

    Raises:
        SchemaError: A line is not UTF-8 (E022, with path and line), or the file
            cannot be read (E034).
    """
    name = "<stdin>" if str(path) == "-" else str(path)
    if str(path) == "-":
        yield from decode_lines(stdin_stream(), name)
        return
    try:
        stream = open(path, "rb")
    except OSError as e:
        raise SchemaError(Errors.E034.format(path=name, reason=e.strerror or str(e)), path=name) from e
    with stream:
        yield from decode_lines(stream, name)


def decode_lines(raws: Iterable[bytes], name: str) -> Iterator[tuple[int, str]]:
    """Decode JSONL lines one at a time as they are read (see :func:`iter_raw_lines`)."""
    for lineno, raw in enumerate(raws, start=1):
        try:
            if b"\0" in raw:  # a NUL byte: binary data, whatever else decodes
                raise UnicodeDecodeError("utf-8", raw, raw.index(b"\0"), raw.index(b"\0") + 1, "NUL")
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise SchemaError(Errors.E022.format(path=name, pos=f"{e.start + 1} of the line"),
                              path=name, lineno=lineno) from e
        if lineno == 1:
            line = line.removeprefix(_BOM)
        if line.strip():
            yield lineno, line


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """Yield ``(lineno, value)`` for each non-blank line of a JSONL file ('-' = stdin).

    Raises:
        SchemaError: A line is not valid JSON, or the file is not UTF-8 (with path and line).
    """
    name = "<stdin>" if str(path) == "-" else str(path)
    for lineno, line in iter_raw_lines(path):
        yield lineno, parse_line(line, name=name, lineno=lineno)


def parse_line(line: str, *, name: str, lineno: int) -> Any:
    """Parse one JSONL line, raising ``SchemaError`` (E003 or E040) with the location.

    Besides syntax errors this refuses what ``json.loads`` accepts but nothing can
    use: integers too long to convert, nesting too deep to walk, and lone surrogates
    (``"\\ud800"``), which cannot be written back as UTF-8.
    """
    try:
        value = json.loads(line)
    except json.JSONDecodeError as e:
        raise SchemaError(Errors.E003.format(detail=f"{e.msg} at column {e.colno}"),
                          path=name, lineno=lineno) from e
    except RecursionError as e:
        raise SchemaError(Errors.E003.format(detail="nested too deeply"), path=name, lineno=lineno) from e
    except ValueError as e:  # e.g. an integer of thousands of digits
        raise SchemaError(Errors.E003.format(detail=str(e).split(";")[0]), path=name, lineno=lineno) from e
    if _SURROGATE_ESCAPE.search(line):
        where = lone_surrogate(value)
        if where is not None:
            raise SchemaError(Errors.E040.format(where="", char=f"U+{ord(where[0]):04X}", pos=where[1]),
                              path=name, lineno=lineno)
    return value


def lone_surrogate(value: Any, depth: int = 0) -> tuple[str, int] | None:
    """Return ``(char, position)`` of the first lone surrogate in any string of ``value``."""
    if isinstance(value, str):
        m = _SURROGATE.search(value)
        return (m.group(), m.start()) if m else None
    if depth > 100:
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = (lone_surrogate(key, depth + 1) if isinstance(key, str) else None) or lone_surrogate(item, depth + 1)
        if found:
            return found
    return None


def parse_document(data: Any, *, path: str, lineno: int) -> Document:
    """Validate one JSON value as a Document, raising ``SchemaError`` with the location."""
    if not isinstance(data, dict):
        raise SchemaError(Errors.E004.format(kind=type(data).__name__), path=path, lineno=lineno)
    try:
        return Document.model_validate(data)
    except ValidationError as e:
        raise SchemaError("; ".join(describe_validation_error(e)), path=path, lineno=lineno) from e


@registry.reader("jsonl", labels=("units", "claim_type", "evidence_type", "relations", "stances", "actors"),
                  genre="news")
def read_jsonl(path: Path, *, skip_invalid: bool = False) -> Iterator[Document]:
    """Read JSONL: full argmine records, or any objects with a ``text`` field (and optional ``id``).

    A folder is read file by file (``*.jsonl``), in sorted order.

    Args:
        path: A JSONL file, a folder of them, or '-' for standard input.
        skip_invalid: Log and skip bad lines instead of raising at the first.
    """
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path), expected="*.jsonl"))
    for file in files:
        name = "<stdin>" if str(file) == "-" else str(file)
        stem = "stdin" if str(file) == "-" else file.stem
        yield from records_from_lines(iter_raw_lines(file), name=name, stem=stem,
                                      skip_invalid=skip_invalid)


def records_from_lines(lines: Iterable[tuple[int, str]], *, name: str, stem: str,
                       skip_invalid: bool = False) -> Iterator[Document]:
    """Turn JSONL lines into documents: argmine records as they are, else ``text`` + ``id``.

    A plain record's ``meta`` object and its other keys go to ``meta``; a record without an
    id gets ``STEM-LINE``.
    With ``skip_invalid`` a bad line is logged and skipped; otherwise it raises
    ``SchemaError`` after every good line before it has been yielded.
    """
    for lineno, line in lines:
        try:
            yield _record(parse_line(line, name=name, lineno=lineno), name=name, stem=stem, lineno=lineno)
        except SchemaError as e:
            if not skip_invalid:
                raise
            logger.warning("skipped: %s", e)


def _record(data: Any, *, name: str, stem: str, lineno: int) -> Document:
    if not isinstance(data, dict):
        raise SchemaError(Errors.E004.format(kind=type(data).__name__), path=name, lineno=lineno)
    if "units" in data or "schema" in data:
        return parse_document(data, path=name, lineno=lineno)
    text = data.get("text")
    if not isinstance(text, str):
        raise SchemaError(Errors.E005.format(field="text"), path=name, lineno=lineno)
    doc_id = data.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))
                               or not str(doc_id).strip()):
        raise SchemaError(Errors.E039.format(detail=f"\"id\" must be a non-empty string or a number, "
                                             f"not {json.dumps(doc_id)[:40]}"), path=name, lineno=lineno)
    # A plain record's own "meta" object (e.g. {"targets": [...]}) is its metadata; other
    # keys join it.
    own = data.get("meta")
    meta = dict(own) if isinstance(own, dict) else {}
    meta.update({k: v for k, v in data.items()
                 if k not in ("id", "text") and not (k == "meta" and isinstance(v, dict))})
    meta.setdefault("source", name)
    try:
        return Document(id=str(doc_id) if doc_id is not None else f"{stem}-{lineno}", text=text, meta=meta)
    except ValidationError as e:
        raise SchemaError("; ".join(describe_validation_error(e)), path=name, lineno=lineno) from e


class JsonlWriter:
    """Write records one per line, each as soon as it is finished.

    Nothing is lost and nothing is left half-written:

    - the output file is locked (``flock``) while written, so a second run on the same
      path fails with E035 instead of interleaving lines;
    - each record goes out in one ``write`` call, so a killed process leaves whole
      lines (a full disk rolls the partial line back and raises E033);
    - the file is created (or an old one truncated) only when the first record is
      ready, so a run that fails before it leaves no empty file and keeps the old one;
    - ``resume=True`` keeps the finished records of an interrupted run, cuts a partial
      last line, and exposes their ids in :attr:`done` so the caller can skip them.
    """

    def __init__(self, path: str | Path, *, overwrite: bool = False, resume: bool = False):
        self.path = path
        self._stdout = str(path) == "-"
        if not self._stdout:
            if Path(path).is_dir():
                raise ArgmineError(Errors.E032.format(path=str(path)))
            if Path(path).exists() and not (overwrite or resume):
                raise ArgmineError(Errors.E007.format(path=str(path)))
        self._resume = resume and not self._stdout
        self._fd: int | None = None
        self._created = False
        self._regular = False
        self._started = False
        self.count = 0
        self.done: set[str] = set()

    def __enter__(self) -> JsonlWriter:
        if self._stdout:
            return self
        path = Path(self.path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._created = not path.exists()
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as e:
            raise ArgmineError(Errors.E033.format(path=str(path), reason=e.strerror or str(e))) from e
        # Devices (/dev/null, /dev/full) and pipes cannot be truncated, sought or resumed.
        self._regular = stat.S_ISREG(os.fstat(self._fd).st_mode)
        try:
            _lock(self._fd, path)
            if self._resume and self._regular:
                self.done = _recover(self._fd, path)
                self._started = True
        except BaseException:
            self._close(remove=self._created)
            raise
        return self

    def write(self, doc: Document) -> None:
        data = (json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        if self._stdout:
            sys.stdout.write(data)
            sys.stdout.flush()
            self.count += 1
            return
        if self._fd is None:
            raise RuntimeError("JsonlWriter must be used as a context manager")
        try:
            payload = data.encode("utf-8")
        except UnicodeEncodeError as e:
            raise ArgmineError(Errors.E040.format(where=f"of record {doc.id!r} ", char=f"U+{ord(data[e.start]):04X}",
                                                  pos=e.start)) from e
        if not self._started:
            # Truncate an old file only now that there is something to replace it with.
            if self._regular:
                os.ftruncate(self._fd, 0)
            self._started = True
        pos = os.lseek(self._fd, 0, os.SEEK_END) if self._regular else 0
        try:
            written = 0
            while written < len(payload):
                written += os.write(self._fd, payload[written:])
        except OSError as e:
            if self._regular:
                _rollback(self._fd, pos)
            raise ArgmineError(Errors.E033.format(path=str(self.path), reason=e.strerror or str(e))) from e
        self.count += 1

    def __exit__(self, *exc: object) -> None:
        self._close(remove=self._created and self.count == 0)

    def _close(self, *, remove: bool) -> None:
        if self._fd is None:
            return
        if remove:
            # Unlink while still holding the lock, so no other run sees a half state.
            Path(self.path).unlink(missing_ok=True)
        os.close(self._fd)
        self._fd = None


def _lock(fd: int, path: Path) -> None:
    if fcntl is None:  # pragma: no cover - Windows has no flock
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as e:
        raise ArgmineError(Errors.E035.format(path=str(path))) from e
    except OSError:
        # Some file systems (and devices such as /dev/full) do not support locks.
        return


def _rollback(fd: int, pos: int) -> None:
    # Cut the partial line of a failed write, so the file ends with a whole record.
    os.ftruncate(fd, pos)


def _recover(fd: int, path: Path) -> set[str]:
    """Cut a partial last line and return the ids of the complete records before it."""
    size = os.lseek(fd, 0, os.SEEK_END)
    os.lseek(fd, 0, os.SEEK_SET)
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            break
        data += chunk
    keep = data.rfind(b"\n") + 1
    if keep < len(data):
        logger.warning("%s: removed an unfinished last line (%d bytes) left by the interrupted run",
                       path, len(data) - keep)
        os.ftruncate(fd, keep)
    done: set[str] = set()
    for lineno, line in enumerate(data[:keep].decode("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        record = parse_line(line, name=str(path), lineno=lineno)
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            done.add(record["id"])
    return done


def write_jsonl(records: Iterable[Document], path: str | Path, *, overwrite: bool = False) -> int:
    """Write records to ``path`` ('-' = stdout) and return how many were written."""
    with JsonlWriter(path, overwrite=overwrite) as writer:
        for doc in records:
            writer.write(doc)
    return writer.count
