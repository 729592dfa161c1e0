"""Reading tab-separated corpus files line by line, shared by the TSV-based corpus readers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path


def iter_tsv(file: Path, *, n_columns: int,
             bad_columns: Callable[[int, int], Exception]) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, columns)`` for every non-blank line of a UTF-8 TSV file.

    Line ends are removed (``\\r\\n`` too); lines holding only whitespace are skipped.

    Args:
        file: The file to read.
        n_columns: The number of tab-separated columns every line must have.
        bad_columns: Builds the error to raise for a line with another number of columns,
            from the line number and the number of columns found (so each reader keeps
            its own message, naming the file and line).
    """
    with open(file, encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) != n_columns:
                raise bad_columns(lineno, len(cols))
            yield lineno, cols
