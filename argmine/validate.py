"""Check argmine JSONL files record by record, collecting problems instead of stopping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

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
            for lineno, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as e:
                    yield Problem(str(path), lineno, f"not valid JSON: {e.msg} at column {e.colno}")
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
        yield Problem(str(path), None, f"not UTF-8 text (byte {e.start}); re-encode it as UTF-8")
