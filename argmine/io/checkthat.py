"""CLEF-2019 CheckThat! Task 1 (Atanasova et al. 2019): check-worthy sentences in debates/speeches.

Source format:
    CSV with header ``line_number,speaker,text,label,file_name``: one sentence per row, in
    debate order; ``speaker`` is an upper-cased speaker tag (``TRUMP``, moderators, ``SYSTEM``
    for stage directions such as ``(APPLAUSE)``); ``label`` 1 = check-worthy (chosen by
    fact-checkers), 0 = not; ``file_name`` names the debate or speech (the organisers' per-debate
    TSV file). The path may be one CSV (``CT19-T1-Training.csv``, ``CT19-T1-Test.csv``) or a
    folder, whose ``CT19-T1-*.csv`` files are read in name order.

Mapping:
    One document per debate/speech (rows grouped by ``file_name``, in order of first
    appearance), id ``checkthat-<file_name without .tsv>``. Text = the sentences, each stripped,
    joined with ``\\n``; one unit per sentence, id ``u<line_number>``.

    ==========  ==========================================================
    corpus      argmine
    ==========  ==========================================================
    label 1     unit label ``claim``, type ``fact``, orig ``"check-worthy"``
    label 0     unit label ``none``, orig ``"not"``
    speaker     one actor per speaker tag (``s1``, ``s2``, … in order of first
                appearance; kind ``person``, ``group`` for ``AUDIENCE`` /
                ``AUDIENCE MEMBERS``; no mentions), set as the unit's speaker
    SYSTEM      stage directions: the unit has speaker null
    ==========  ==========================================================

    Speaker tags are used as given, with two repairs for tags damaged in the release (recorded
    in ``meta["speaker_fixes"]``): a leading stage direction is removed (``(APPLAUSE) SANDERS``
    → ``SANDERS``), and a tag with sentence text merged in front keeps only its trailing
    upper-case name (``"... take the territory back. MADDOW"`` → ``MADDOW``). The misspelt
    ``SYSYTEM`` is treated as ``SYSTEM``. Long-form tags such as ``SEN. BERNIE SANDERS (D-VT),
    PRESIDENTIAL CANDIDATE`` are kept as separate actors.

    ``meta``: corpus, split (``train`` for the Training file, ``test`` for the Test file),
    source (the CSV file name), topic and file_name (the debate/speech file, so cross-validation
    groups by debate), speaker_fixes.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import registry
from ..errors import ArgmineError, Errors
from ..schema import Actor, Document, Unit
from ..spans import join
from ._common import Where, malformed

FORMAT = "checkthat"
CORPUS = "checkthat2019-t1"
COLUMNS = ("line_number", "speaker", "text", "label", "file_name")
LABELS = {"1": ("claim", "fact", "check-worthy"), "0": ("none", None, "not")}
STAGE = {"SYSTEM", "SYSYTEM"}
GROUPS = {"AUDIENCE", "AUDIENCE MEMBERS"}
_LEADING_STAGE = re.compile(r"^(?:\([^)]*\)\s*)+")
_TRAILING_TAG = re.compile(r"(?:^|\s)([A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*)*)$")



def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    files = sorted(path.glob("CT19-T1-*.csv"))
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path), expected="CT19-T1-*.csv"))
    return files


def _split(file: Path) -> str | None:
    stem = file.stem.lower()
    if "train" in stem:
        return "train"
    if "test" in stem:
        return "test"
    if "dev" in stem:
        return "dev"
    return None


def clean_speaker(tag: str) -> str | None:
    """Return the speaker name for a tag, or None for stage directions (SYSTEM) and empty tags."""
    name = _LEADING_STAGE.sub("", tag.strip()).strip()
    if any(c.islower() for c in name):
        m = _TRAILING_TAG.search(name)
        if m:
            name = m.group(1)
    if not name or name in STAGE:
        return None
    return name


def _rows(file: Path) -> Iterator[tuple[int, dict[str, str]]]:
    name = str(file)
    with open(file, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise malformed(FORMAT, f"the header lacks {', '.join(missing)} (expected "
                            f"{','.join(COLUMNS)})",
                            Where(name, 1))
        start = reader.line_num + 1
        for row in reader:
            yield start, row
            start = reader.line_num + 1


def _document(file: Path, debate: str, rows: list[tuple[int, dict[str, str]]]) -> Document:
    name = str(file)
    actors: dict[str, Actor] = {}
    fixes: dict[str, str | None] = {}
    texts, unit_args = [], []
    seen_lines: set[str] = set()
    for lineno, row in rows:
        where = Where(name, lineno)
        label = (row["label"] or "").strip()
        if label not in LABELS:
            raise malformed(FORMAT, f"label {row['label']!r} is neither 1 (check-worthy) nor 0", where)
        number = (row["line_number"] or "").strip()
        if not number.isdigit():
            raise malformed(FORMAT, f"line_number {row['line_number']!r} is not an integer", where)
        if number in seen_lines:
            raise malformed(FORMAT, f"line_number {number} occurs twice in {debate}", where)
        seen_lines.add(number)
        text = row["text"] or ""
        if not text.strip():
            raise malformed(FORMAT, "the sentence text is empty", where)
        tag = row["speaker"] or ""
        speaker = clean_speaker(tag)
        if speaker != tag.strip() and tag.strip() not in STAGE:
            fixes[tag] = speaker
        actor_id = None
        if speaker is not None:
            if speaker not in actors:
                actors[speaker] = Actor(id=f"s{len(actors) + 1}", name=speaker,
                                        kind="group" if speaker in GROUPS else "person")
            actor_id = actors[speaker].id
        texts.append(text)
        unit_args.append((f"u{number}", LABELS[label], actor_id))
    doc_text, spans = join(texts, "\n")
    units = [Unit(id=uid, start=start, end=end, label=label, type=utype, orig=orig,
                  speaker=actor_id)
             for (uid, (label, utype, orig), actor_id), (start, end) in zip(unit_args, spans)]
    meta: dict[str, Any] = {"corpus": CORPUS, "split": _split(file), "source": file.name,
                            "topic": debate, "file_name": debate, "speaker_fixes": fixes}
    return Document(id=f"checkthat-{Path(debate).stem}", text=doc_text, meta=meta, units=units,
                    actors=list(actors.values()))


@registry.reader(FORMAT, labels=("check_worthy", "actors"))
def read_checkthat(path: Path) -> Iterator[Document]:
    """Yield one document per debate or speech of the CheckThat! 2019 Task 1 CSV file(s)."""
    seen: set[str] = set()
    for file in _files(path):
        debates: dict[str, list[tuple[int, dict[str, str]]]] = {}
        for lineno, row in _rows(file):
            debate = (row["file_name"] or "").strip()
            if not debate:
                raise malformed(FORMAT, "the file_name column is empty", Where(file, lineno))
            debates.setdefault(debate, []).append((lineno, row))
        for debate, rows in debates.items():
            doc = _document(file, debate, rows)
            if doc.id in seen:
                raise malformed(FORMAT, f"debate {debate} was already read from "
                                f"another file; read one copy only",
                                Where(file, rows[0][0]))
            seen.add(doc.id)
            yield doc
