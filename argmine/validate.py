"""Check argmine JSONL files record by record, collecting problems instead of stopping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .errors import Errors, SchemaError
from .io.jsonl import parse_line
from .schema import check_record


class Problem(NamedTuple):
    path: str
    lineno: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.lineno}" if self.lineno is not None else self.path
        return f"{where}: {self.message}"


def validate_file(path: str | Path) -> Iterator[Problem]:
    """Yield one ``Problem`` per bad line of an argmine JSONL file (none if all are valid)."""
    path = Path(path)
    if path.is_dir():
        yield Problem(str(path), None, "is a folder; pass the JSONL files in it (e.g. FOLDER/*.jsonl)")
        return
    if not path.is_file():
        yield Problem(str(path), None, "no such file")
        return
    seen: dict[str, int] = {}
    try:
        f = open(path, "rb")
    except OSError as e:
        yield Problem(str(path), None, Errors.E034.format(path=str(path), reason=e.strerror or str(e)))
        return
    with f:
        for lineno, raw in enumerate(f, start=1):
            try:
                if b"\0" in raw:
                    raise UnicodeDecodeError("utf-8", raw, raw.index(b"\0"), raw.index(b"\0") + 1, "NUL")
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                # Keep going: report every bad line, not only the first.
                yield Problem(str(path), lineno, f"not UTF-8 text (bad byte at column {e.start + 1})")
                continue
            if lineno == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                data = parse_line(line, name=str(path), lineno=lineno)
            except SchemaError as e:
                cause = e.__cause__
                detail = (f"not valid JSON: {cause.msg} at column {cause.colno}"
                          if isinstance(cause, json.JSONDecodeError) else e.message)
                yield Problem(str(path), lineno, detail)
                continue
            problems = check_record(data)
            rid = data.get("id") if isinstance(data, dict) else None
            if isinstance(rid, str):
                if rid in seen:
                    problems.append(f"id {rid!r} is already used on line {seen[rid]}")
                else:
                    seen[rid] = lineno
            if problems:
                prefix = f"record {rid!r}: " if isinstance(rid, str) else ""
                yield Problem(str(path), lineno, prefix + "; ".join(problems))
