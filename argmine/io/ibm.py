"""IBM Debater Claim Stance Dataset (Bar-Haim et al. 2017): claims PRO/CON towards debate motions.

Source format:
    A CSV table with 21 columns (``topicId, split, topicText, topicTarget, topicSentiment,
    claims.claimId, claims.stance, claims.claimCorrectedText, ...``), one claim per row.
    Two layouts are read, told apart by the first line:

    * plain comma-separated (IBM's ``claim_stance_dataset_v1.csv``, or a file such as
      ``claim_stance_train.csv`` parsed from the re-saved copy): first line ``topicId,split,...``;
    * the spreadsheet re-save found in a third-party repository: first line
      ``"topicId,""split"",...";;;;``. Every physical line is a ``;``-separated record whose
      fields, joined again with ``;`` (trailing empty padding fields dropped), give back the
      original comma-separated line; a ``;`` inside a claim had split it into several fields,
      which this rejoining restores.

    The path may be one CSV file or the corpus folder. In a folder, ``claim_stance_dataset_v1.csv``
    (the complete release) is read alone when present, otherwise every ``claim_stance*.csv``.

Re-save fragments:
    Claims whose text contains a line break were split over several physical lines by the
    re-save (the corpus notes 5 claims in 7 fragment lines). After decoding each line as above,
    a line that does not parse into one complete 21-column record is joined with the
    following lines (with ``\\n``, at most 4 more) until the joined text parses as exactly one
    record that passes the row check (integer topic and claim ids, split train/test, stance
    PRO/CON, non-empty claim). Such claims are kept, with ``meta["rejoined_lines"]``. A line
    that cannot be completed this way is skipped, and the skipped line numbers and count are
    reported with ``logging.getLogger("argmine").warning`` (nothing is dropped silently).
    The copy used for development holds only the plain ``claim_stance_train.csv`` (1,037 of
    the 1,039 train claims: the 2 train claims that were fragments are absent from it), so no
    fragment handling happens there.

Mapping:
    One document per claim, id ``ibm-<claimId>``, text = ``claims.claimCorrectedText``.

    ===================  ==========================================================
    corpus               argmine
    ===================  ==========================================================
    the claim            unit ``u1`` over the whole (trimmed) text, label ``claim``,
                         type null, orig ``"claim"``
    ``claims.stance``    stance of the author actor ``a0`` towards the motion
                         (``topicText``): PRO → ``favor``, CON → ``against``, orig
                         kept, evidence ``["u1"]``
    ===================  ==========================================================

    ``meta``: corpus, split (the ``split`` column), source, topic (``topicId`` as a string),
    topic_text, topic_target, topic_sentiment, claim_id, claim_original_text, compatible,
    claim_target ({text, start, end} into the text, when ``claims.Compatible`` is yes),
    claim_sentiment, targets_relation, article (clean article file) and article_span.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import registry
from ..errors import ArgmineError, Errors
from ..schema import Document, Stance, Unit
from ..spans import locate, trim
from ._common import Where, author, malformed

logger = logging.getLogger("argmine")

FORMAT = "ibm"
CORPUS = "ibm-claim-stance"
COLUMNS = (
    "topicId", "split", "topicText", "topicTarget", "topicSentiment", "claims.claimId",
    "claims.stance", "claims.claimCorrectedText", "claims.claimOriginalText",
    "claims.article.rawFile", "claims.article.rawSpan.start", "claims.article.rawSpan.end",
    "claims.article.cleanFile", "claims.article.cleanSpan.start", "claims.article.cleanSpan.end",
    "claims.Compatible", "claims.claimTarget.text", "claims.claimTarget.span.start",
    "claims.claimTarget.span.end", "claims.claimSentiment", "claims.targetsRelation",
)
STANCES = {"PRO": "favor", "CON": "against"}
# How many further physical lines a re-save fragment may be joined with.
MAX_EXTRA_LINES = 4



def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    full = path / "claim_stance_dataset_v1.csv"
    if full.is_file():
        return [full]
    files = sorted(path.glob("claim_stance*.csv"))
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path), expected="claim_stance*.csv"))
    return files


def _int(value: str) -> int | None:
    value = value.strip()
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None


def _row_problem(row: list[str]) -> str | None:
    """Return why ``row`` is not a complete claim record, or None if it is one."""
    if len(row) != len(COLUMNS):
        return f"{len(row)} columns instead of {len(COLUMNS)}"
    rec = dict(zip(COLUMNS, row))
    if not rec["topicId"].strip().isdigit():
        return f"topicId {rec['topicId'][:30]!r} is not an integer"
    if not rec["claims.claimId"].strip().isdigit():
        return f"claims.claimId {rec['claims.claimId'][:30]!r} is not an integer"
    if rec["split"].strip() not in ("train", "test"):
        return f"split {rec['split'][:30]!r} is neither train nor test"
    if rec["claims.stance"].strip() not in STANCES:
        return f"claims.stance {rec['claims.stance'][:30]!r} is neither PRO nor CON"
    if not rec["claims.claimCorrectedText"].strip():
        return "claims.claimCorrectedText is empty"
    return None


def _parse_one(text: str) -> list[str] | None:
    """Parse ``text`` as exactly one valid CSV record, else None."""
    try:
        rows = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error:
        return None
    if len(rows) != 1 or _row_problem(rows[0]) is not None:
        return None
    return rows[0]


def _decode_resaved(line: str) -> str:
    """Undo the spreadsheet re-save of one physical line: the original comma-separated line."""
    fields = next(csv.reader([line], delimiter=";"), [])
    while fields and fields[-1] == "":
        fields.pop()
    return ";".join(fields)


def _plain_records(f: io.TextIOBase, name: str) -> Iterator[tuple[int, list[str], list[int]]]:
    reader = csv.reader(f)
    header = next(reader, None)
    if header is None or [h.strip().lstrip("\ufeff") for h in header] != list(COLUMNS):
        raise malformed(FORMAT, f"the header is not the {len(COLUMNS)} claim-stance columns "
                        f"(found {str(header)[:120]})",
                        Where(name, 1))
    start = reader.line_num + 1
    for row in reader:
        if not any(cell.strip() for cell in row):
            start = reader.line_num + 1
            continue
        problem = _row_problem(row)
        if problem:
            raise malformed(FORMAT, problem, Where(name, start))
        yield start, row, []
        start = reader.line_num + 1


def _resaved_records(f: io.TextIOBase, name: str) -> Iterator[tuple[int, list[str], list[int]]]:
    lines = f.read().split("\n")
    decoded = [_decode_resaved(line.rstrip("\r")) for line in lines]
    header = next(csv.reader([decoded[0]]), [])
    if [h.strip().lstrip("\ufeff") for h in header] != list(COLUMNS):
        raise malformed(FORMAT, "the decoded header is not the claim-stance columns", Where(name, 1))
    skipped: list[int] = []
    i = 1
    while i < len(decoded):
        if not decoded[i].strip():
            i += 1
            continue
        found = None
        for extra in range(min(MAX_EXTRA_LINES, len(decoded) - i - 1) + 1):
            row = _parse_one("\n".join(decoded[i:i + extra + 1]))
            if row is not None:
                found = extra, row
                break
        if found is None:
            skipped.append(i + 1)
            i += 1
            continue
        extra, row = found
        yield i + 1, row, (list(range(i + 1, i + extra + 2)) if extra else [])
        i += extra + 1
    if skipped:
        logger.warning("%s: skipped %d re-save fragment line(s) that could not be rejoined into "
                       "a complete claim record: lines %s", name, len(skipped),
                       ", ".join(map(str, skipped)))


def _claim_target(rec: dict[str, str], text: str, where: str) -> dict[str, Any] | None:
    target = rec["claims.claimTarget.text"]
    if rec["claims.Compatible"].strip().lower() != "yes" or not target.strip():
        return None
    start = _int(rec["claims.claimTarget.span.start"])
    end = _int(rec["claims.claimTarget.span.end"])
    if start is not None and end is not None and text[start:end].strip() == target.strip():
        return {"text": target, "start": start, "end": end}
    found = locate(text, target, hint=start or 0)
    if found is None:
        logger.warning("%s: claim target %r is not in the claim text; kept without offsets",
                       where, target[:60])
        return {"text": target, "start": None, "end": None}
    return {"text": target, "start": found[0], "end": found[1]}


def _document(rec: dict[str, str], where: str, source: str, joined: list[int]) -> Document:
    text = rec["claims.claimCorrectedText"]
    start, end = trim(text, 0, len(text))
    claim_id = rec["claims.claimId"].strip()
    orig = rec["claims.stance"].strip()
    meta: dict[str, Any] = {
        "corpus": CORPUS,
        "split": rec["split"].strip(),
        "source": source,
        "topic": rec["topicId"].strip(),
        "topic_text": rec["topicText"],
        "topic_target": rec["topicTarget"],
        "topic_sentiment": _int(rec["topicSentiment"]),
        "claim_id": int(claim_id),
        "claim_original_text": rec["claims.claimOriginalText"],
        "compatible": rec["claims.Compatible"].strip().lower() == "yes",
        "claim_target": _claim_target(rec, text, where),
        "claim_sentiment": _int(rec["claims.claimSentiment"]),
        "targets_relation": _int(rec["claims.targetsRelation"]),
        "article": rec["claims.article.cleanFile"] or None,
        "article_span": [_int(rec["claims.article.cleanSpan.start"]),
                         _int(rec["claims.article.cleanSpan.end"])],
    }
    if joined:
        meta["rejoined_lines"] = joined
    return Document(
        id=f"ibm-{claim_id}",
        text=text,
        meta=meta,
        units=[Unit(id="u1", start=start, end=end, label="claim", type=None, orig="claim")],
        actors=[author()],
        stances=[Stance(actor="a0", target=rec["topicText"].strip(), stance=STANCES[orig],
                        evidence=["u1"], orig=orig)],
    )


def _read_file(file: Path, seen: set[str]) -> Iterator[Document]:
    name = str(file)
    with open(file, encoding="utf-8-sig", newline="") as f:
        first = f.readline()
        f.seek(0)
        if first.startswith('"topicId,'):
            records = _resaved_records(f, name)
        elif first.startswith("topicId,"):
            records = _plain_records(f, name)
        else:
            raise malformed(FORMAT, f"the first line starts with {first[:40]!r}, expected the "
                            f"header 'topicId,split,...' (plain CSV) or "
                            f"'\"topicId,\"\"split\"\",...' (spreadsheet re-save)",
                            Where(name, 1))
        for lineno, row, joined in records:
            rec = dict(zip(COLUMNS, row))
            doc = _document(rec, f"{name}:{lineno}", file.name, joined)
            if doc.id in seen:
                logger.warning("%s:%d: claim %s was already read from another file; skipped "
                               "the repeat", name, lineno, doc.id)
                continue
            seen.add(doc.id)
            yield doc


@registry.reader("ibm", labels=("claims", "stances", "actors"))
def read_ibm(path: Path) -> Iterator[Document]:
    """Yield one document per claim of the IBM claim stance CSV (file or corpus folder)."""
    seen: set[str] = set()
    for file in _files(path):
        yield from _read_file(file, seen)
