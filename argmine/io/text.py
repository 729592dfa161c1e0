"""Plain text: one document per ``.txt`` file (id = file stem), a folder of them, or '-' for stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from .. import registry
from ..errors import ArgmineError, Errors, SchemaError
from ..schema import Document


def _read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise SchemaError(f"not UTF-8 text (byte {e.start}); convert it with "
                          f"`iconv -t utf-8` first", path=str(path)) from e


@registry.reader("text")
def read_text(path: Path) -> Iterator[Document]:
    """Yield one unannotated document per text file."""
    if str(path) == "-":
        yield Document(id="stdin", text=sys.stdin.read(), meta={"source": "<stdin>"})
        return
    files = sorted(p for p in path.rglob("*.txt")) if path.is_dir() else [path]
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path), expected="*.txt"))
    for file in files:
        yield Document(id=file.stem, text=_read_file(file), meta={"source": str(file)})
