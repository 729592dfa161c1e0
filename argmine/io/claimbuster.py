"""ClaimBuster (Arslan et al. 2020): check-worthy factual sentences from US presidential debates.

Source format:
    ``kfold_25ncs.json``: a JSON array of ``{"sentence_id", "label", "text"}`` with label 1 =
    CFS (check-worthy factual sentence) and 0 = NCS (non-factual sentence). The same records
    are also read from JSONL (one object per line) or from CSV with a header that has at least
    ``sentence_id``, ``label`` and ``text`` (e.g. the repository's ``kfold_25ncs.csv``, whose
    extra ``screening`` column is kept in ``meta``). The path may be one such file or a folder
    of them (the ``*.json`` files, or if there are none the ``*.jsonl``, else the ``*.csv``
    files, sorted by name; the same sentence read twice is an error).

Mapping:
    One document per sentence, id ``claimbuster-<sentence_id>``, text = ``text``; one unit
    ``u1`` covering the (trimmed) text.

    ==========  =================================================
    corpus      argmine
    ==========  =================================================
    1 (CFS)     unit label ``claim``, type ``fact``, orig ``"CFS"``
    0 (NCS)     unit label ``none``, orig ``"NCS"``
    ==========  =================================================

    NCS mixes opinions and other argumentative sentences with non-argumentative talk, so it is
    not a clean "none" class: use it for factual-claim detection, not as negative examples when
    training claim/evidence/none components. ``meta``: corpus, split (null: the file has no
    split; ClaimBuster evaluates with 4-fold cross-validation), source, topic (null: no topic
    field), sentence_id, and any further fields of the record.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import registry
from ..errors import ArgmineError, Errors
from ..schema import Document, Unit
from ..spans import trim
from ._common import Where, malformed
from .jsonl import iter_json_lines

FORMAT = "claimbuster"
_SPACE = re.compile(r"\s*")
CORPUS = "claimbuster"
LABELS = {1: ("claim", "fact", "CFS"), 0: ("none", None, "NCS")}
SUFFIXES = (".json", ".jsonl", ".csv")



def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    # One kind of file only: the repository ships the same sentences as JSON and as CSV.
    for suffix in SUFFIXES:
        files = sorted(path.glob(f"*{suffix}"))
        if files:
            return files
    raise ArgmineError(Errors.E009.format(path=str(path), expected="*.json, *.jsonl or *.csv"))


def _json_array(text: str, name: str) -> Iterator[tuple[int, Any]]:
    """Yield ``(line, element)`` for each element of the top-level JSON array in ``text``.

    ``JSONDecoder.raw_decode`` parses one element at a time and returns where it ended, which
    gives each record its line number for error messages.
    """
    decoder = json.JSONDecoder()
    lineno, last = 1, 0

    def skip(pos: int) -> int:
        space = _SPACE.match(text, pos)
        return space.end() if space else pos

    def line_at(pos: int) -> int:
        nonlocal lineno, last
        lineno += text.count("\n", last, pos)
        last = pos
        return lineno

    pos = skip(skip(0) + 1)  # past the opening "[" (the caller checked it is there)
    if text.startswith("]", pos):
        pos = skip(pos + 1)
    else:
        while True:
            try:
                value, end = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as e:
                raise malformed(FORMAT, f"invalid JSON ({e.msg} at column {e.colno})",
                                Where(name, e.lineno)) from e
            yield line_at(pos), value
            pos = skip(end)
            if text.startswith(",", pos):
                pos = skip(pos + 1)
            elif text.startswith("]", pos):
                pos = skip(pos + 1)
                break
            else:
                raise malformed(FORMAT, "invalid JSON (expected ',' or ']' after a record)",
                                Where(name, line_at(pos)))
    if pos != len(text):
        raise malformed(FORMAT, "invalid JSON (extra data after the array)", Where(name, line_at(pos)))


def _records(file: Path) -> Iterator[tuple[int | None, Any]]:
    """Yield ``(line, record)`` from a JSON array, JSONL or CSV file."""
    name = str(file)
    if file.suffix == ".csv":
        with open(file, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = {"sentence_id", "label", "text"} - set(reader.fieldnames or [])
            if missing:
                raise malformed(FORMAT, f"the CSV header lacks {', '.join(sorted(missing))}", Where(name, 1))
            start = reader.line_num + 1
            for row in reader:
                yield start, row
                start = reader.line_num + 1
        return
    with open(file, encoding="utf-8-sig") as f:
        head = f.read(4096).lstrip()
    if head.startswith("["):
        yield from _json_array(file.read_text(encoding="utf-8-sig"), name)
    else:
        yield from iter_json_lines(file)


def _label(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and value in (0, 1):
        return int(value)
    if isinstance(value, str) and value.strip() in ("0", "1"):
        return int(value.strip())
    return None


@registry.reader(FORMAT, labels=("check_worthy",))
def read_claimbuster(path: Path) -> Iterator[Document]:
    """Yield one document per sentence of the ClaimBuster k-fold file(s)."""
    seen: set[str] = set()
    for file in _files(path):
        name = str(file)
        for lineno, record in _records(file):
            where = Where(name, lineno)
            if not isinstance(record, dict):
                raise malformed(FORMAT, f"a record is a JSON {type(record).__name__}, not an object", where)
            label = _label(record.get("label"))
            text, sid = record.get("text"), record.get("sentence_id")
            if label is None:
                raise malformed(FORMAT,
                                f"label {record.get('label')!r} is neither 0 (NCS) nor 1 (CFS)",
                                where)
            if not isinstance(text, str) or not text.strip():
                raise malformed(FORMAT, "the record has no text", where)
            if sid is None or str(sid).strip() == "":
                raise malformed(FORMAT, "the record has no sentence_id", where)
            sid = str(sid).strip()
            doc_id = f"claimbuster-{sid}"
            if doc_id in seen:
                raise malformed(FORMAT, f"sentence_id {sid} was already read (from this or another "
                                f"file; the k-fold samplings overlap, so read one file)",
                                where)
            seen.add(doc_id)
            start, end = trim(text, 0, len(text))
            arg_label, arg_type, orig = LABELS[label]
            extra = {k: v for k, v in record.items() if k not in ("sentence_id", "label", "text")}
            meta = {"corpus": CORPUS, "split": None, "source": file.name, "topic": None,
                    "sentence_id": int(sid) if sid.isdigit() else sid, **extra}
            yield Document(id=doc_id, text=text, meta=meta,
                           units=[Unit(id="u1", start=start, end=end, label=arg_label,
                                       type=arg_type, orig=orig)])
