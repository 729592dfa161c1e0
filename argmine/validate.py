"""Check argmine JSONL files record by record, collecting problems instead of stopping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .errors import Errors, SchemaError
from .io.jsonl import iter_lines, parse_line
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
        with open(path, encoding="utf-8") as f:
            for lineno, line in iter_lines(f):
                try:
                    data = parse_line(line, name=str(path), lineno=lineno)
                except SchemaError as e:
                    # Keep going: report every bad line, not only the first.
                    cause = e.__cause__
                    detail = (f"{cause.msg} at column {cause.colno}" if isinstance(cause, json.JSONDecodeError)
                              else e.message)
                    yield Problem(str(path), lineno, f"not valid JSON: {detail}")
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
    except UnicodeDecodeError as e:
        yield Problem(str(path), None, Errors.E022.format(path=str(path), pos=e.start))
