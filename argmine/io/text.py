"""Plain text: one document per ``.txt`` file (id = file stem), a folder of them, or '-' for stdin.

How a file was read is recorded in the record's ``meta``, so offsets (which index the
stored ``text``) can be mapped back to the file: a UTF-8 byte-order mark is removed
(``meta.bom_removed = true``), and Windows (CRLF) or old Mac (CR) line endings become
``\\n`` (``meta.newlines = "crlf"``, ``"cr"`` or ``"mixed"``). Files with ``\\n`` endings
are stored exactly as they are.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .. import registry
from ..errors import ArgmineError, Errors, SchemaError
from ..schema import Document

_BOM = b"\xef\xbb\xbf"


def decode_text(data: bytes, name: str) -> tuple[str, dict[str, Any]]:
    """Decode UTF-8 bytes, drop a BOM and normalise line endings; return the text and notes.

    Raises:
        SchemaError: The bytes are not UTF-8 (E022, naming the line of the bad byte).
    """
    notes: dict[str, Any] = {}
    if data.startswith(_BOM):
        data = data[len(_BOM):]
        notes["bom_removed"] = True
    try:
        if b"\0" in data:  # a NUL byte: binary data, whatever else decodes
            raise UnicodeDecodeError("utf-8", data, data.index(b"\0"), data.index(b"\0") + 1, "NUL")
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        lineno = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise SchemaError(Errors.E022.format(path=name, pos=f"{column} of the line"), path=name,
                          lineno=lineno) from e
    if "\r" in text:
        crlf = text.count("\r\n")
        cr = text.count("\r") - crlf
        notes["newlines"] = "crlf" if not cr else "cr" if not crlf else "mixed"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, notes


def _read_file(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SchemaError(Errors.E034.format(path=str(path), reason=e.strerror or str(e)), path=str(path)) from e
    return decode_text(data, str(path))


def stdin_stream() -> BinaryIO:
    """Standard input as a binary stream, read as it comes (text-only streams, as in tests, are re-encoded)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return stream
    return io.BytesIO(sys.stdin.read().encode("utf-8", errors="surrogatepass"))


def read_stdin_bytes() -> bytes:
    """All of standard input as bytes."""
    return stdin_stream().read()


@registry.reader("text")
def read_text(path: Path) -> Iterator[Document]:
    """Yield one unannotated document per text file."""
    if str(path) == "-":
        text, notes = decode_text(read_stdin_bytes(), "<stdin>")
        yield Document(id="stdin", text=text, meta={"source": "<stdin>", **notes})
        return
    files = sorted(p for p in path.rglob("*.txt")) if path.is_dir() else [path]
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path), expected="*.txt"))
    for file in files:
        text, notes = _read_file(file)
        yield Document(id=file.stem, text=text, meta={"source": str(file), **notes})
