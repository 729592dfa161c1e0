"""Prodigy span annotations (``ner.manual`` / ``spans.manual`` / ``rel.manual`` exports).

Source format:
    JSONL, one annotation task per line: ``{"text", "spans": [{"start", "end", "label",
    "token_start"?, "token_end"?, "text"?}], "relations"?: [{"head_span", "child_span",
    "label", ...}], "answer": "accept" | "reject" | "ignore", "meta"?: {...}, "_input_hash"?,
    "_task_hash"?, ...}``. The path may be one ``.jsonl`` file or a folder of them (read in
    name order). Span offsets are characters into ``text`` (exclusive end); a span given only
    by ``token_start``/``token_end`` is converted through the task's ``tokens``.

Mapping:
    Each accepted line (``answer`` "accept", or no ``answer`` at all, as in pre-annotated
    input) is one document; rejected and ignored answers are not documents: their count per
    file is logged (``logging.getLogger("argmine")``, level INFO). Document id: ``meta.id``,
    else ``id``, else ``_input_hash``, else ``<file stem>-<line>``; an id seen before in the
    same read (e.g. one text annotated by two annotators) gets ``#L<line>`` appended, with a
    warning.

    Span labels are matched case-insensitively, with ``_``, ``:``, ``-``, ``/`` or a space
    between label and type:

    =================================================  ===============================
    span label                                         argmine unit
    =================================================  ===============================
    ``CLAIM``, ``MAJORCLAIM`` / ``MAJOR_CLAIM``         ``claim``, type null
    ``CLAIM_VALUE``, ``CLAIM:policy``, ``CLAIM-FACT``   ``claim`` with that type
    ``EVIDENCE``, ``PREMISE``                           ``evidence``, type null
    ``EVIDENCE_TESTIMONY``, ``PREMISE:statistic`` …     ``evidence`` with that type
                                                        (event, testimony, statistic,
                                                        reference)
    ``NONE``                                            ``none``
    =================================================  ===============================

    Any other label, or a type that does not belong to the label, raises ``SchemaError``
    with the file, line and the allowed labels. The span label as written is kept in ``orig``.
    Units get ids ``u1``, ``u2``, … in text order, trimmed of surrounding whitespace.

    Relations (``rel.manual``): ``head_span`` → source unit, ``child_span`` → target unit
    (matched to the line's spans by their character offsets); label ``SUPPORT``/``SUPPORTS``
    → ``support``, ``ATTACK``/``ATTACKS``/``REBUT``/``UNDERCUT`` → ``attack`` (case-insensitive,
    orig kept); any other label, or a relation span that is not among the line's spans, is an
    error.

    ``meta``: the task's ``meta`` fields, plus corpus (``meta.corpus`` or "prodigy"), split and
    topic (from ``meta``, else null), source (the file name, relative to the folder read; a
    ``meta.source`` of the task is kept as ``task_source``), and ``prodigy`` (the task's
    ``_input_hash``, ``_task_hash``, ``_session_id``, ``_annotator_id``, ``_view_id``,
    ``_timestamp`` when present).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import registry
from ..errors import ArgmineError, Errors, OffsetError
from ..schema import CLAIM_TYPES, EVIDENCE_TYPES, Document, Relation, Unit
from ..spans import trim, verify
from ._common import Where, malformed, undefined, unknown_label
from .jsonl import iter_json_lines

logger = logging.getLogger("argmine")

FORMAT = "prodigy"
_BASES = {"claim": "claim", "majorclaim": "claim", "major_claim": "claim",
          "evidence": "evidence", "premise": "evidence", "none": "none"}
_TYPES = {"claim": CLAIM_TYPES, "evidence": EVIDENCE_TYPES}
ALLOWED_LABELS = ("CLAIM, MAJORCLAIM, EVIDENCE, PREMISE, NONE, CLAIM_<value|policy|fact>, "
                  "EVIDENCE_<event|testimony|statistic|reference> or PREMISE_<same types> "
                  "(separator _ : - / or space)")
RELATIONS = {"support": "support", "supports": "support", "attack": "attack",
             "attacks": "attack", "rebut": "attack", "rebuts": "attack",
             "undercut": "attack", "undercuts": "attack"}
_SEP = re.compile(r"[\s:\-_/]+")
_PRODIGY_KEYS = ("_input_hash", "_task_hash", "_session_id", "_annotator_id", "_view_id",
                 "_timestamp")



def unit_label(raw: str) -> tuple[str, str | None] | None:
    """Map a Prodigy span label to ``(label, type)``, or None if it is not an argument label."""
    norm = _SEP.sub("_", raw.strip().lower()).strip("_")
    if norm in _BASES:
        return _BASES[norm], None
    base, _, utype = norm.rpartition("_")
    label = _BASES.get(base)
    if label in _TYPES and utype in _TYPES[label]:
        return label, utype
    return None


def _files(path: Path) -> list[tuple[Path, str]]:
    if not path.is_dir():
        return [(path, path.name)]
    files = sorted(path.glob("*.jsonl"))
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path), expected="*.jsonl"))
    return [(f, f.relative_to(path).as_posix()) for f in files]


def _offsets_of(span: Any, tokens: Any, where: Where, what: str) -> tuple[int, int]:
    if not isinstance(span, dict):
        raise malformed(FORMAT, f"{what} is not an object", where)
    start, end = span.get("start"), span.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        ts, te = span.get("token_start"), span.get("token_end")
        if isinstance(ts, int) and isinstance(te, int) and isinstance(tokens, list) \
                and 0 <= ts <= te < len(tokens):
            start, end = tokens[ts].get("start"), tokens[te].get("end")
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        raise malformed(FORMAT, f"{what} has no integer character offsets 'start' and 'end'", where)
    return start, end


def _units(data: dict[str, Any], text: str, name: str,
           lineno: int) -> tuple[list[Unit], dict[tuple[int, int], str]]:
    where = Where(name, lineno)
    spans = data.get("spans") or []
    if not isinstance(spans, list):
        raise malformed(FORMAT, "'spans' is not a list", where)
    items = []
    for n, span in enumerate(spans, start=1):
        start, end = _offsets_of(span, data.get("tokens"), where, f"span {n}")
        if not 0 <= start < end <= len(text):
            raise malformed(FORMAT, f"span {n} ({start}:{end}) is empty or outside the text "
                            f"(length {len(text)})",
                            where)
        raw = span.get("label")
        mapped = unit_label(raw) if isinstance(raw, str) else None
        if mapped is None:
            raise unknown_label(FORMAT, "span", raw, ALLOWED_LABELS, at=where)
        if isinstance(span.get("text"), str):
            try:
                verify(text, start, end, span["text"], label=raw)
            except OffsetError as e:
                raise OffsetError(e.message, path=name, lineno=lineno) from e
        tstart, tend = trim(text, start, end)
        if tstart >= tend:
            raise malformed(FORMAT, f"span {n} ({start}:{end}) holds only whitespace", where)
        items.append((tstart, tend, start, end, raw, mapped))
    items.sort(key=lambda it: (it[0], it[1]))
    units: list[Unit] = []
    by_offsets: dict[tuple[int, int], str] = {}
    for i, (tstart, tend, start, end, raw, (label, utype)) in enumerate(items, start=1):
        uid = f"u{i}"
        units.append(Unit(id=uid, start=tstart, end=tend, label=label, type=utype, orig=raw))
        by_offsets.setdefault((start, end), uid)
        by_offsets.setdefault((tstart, tend), uid)
    return units, by_offsets


def _relations(data: dict[str, Any], by_offsets: dict[tuple[int, int], str],
               where: Where) -> list[Relation]:
    rels = data.get("relations") or []
    if not isinstance(rels, list):
        raise malformed(FORMAT, "'relations' is not a list", where)
    out = []
    for n, rel in enumerate(rels, start=1):
        if not isinstance(rel, dict):
            raise malformed(FORMAT, f"relation {n} is not an object", where)
        raw = rel.get("label")
        label = RELATIONS.get(raw.strip().lower()) if isinstance(raw, str) else None
        if label is None:
            raise unknown_label(FORMAT, "relation", str(raw),
                                "SUPPORT(S), ATTACK(S), REBUT(S), UNDERCUT(S) (case-insensitive)", at=where)
        ends = []
        for key in ("head_span", "child_span"):
            start, end = _offsets_of(rel.get(key), data.get("tokens"), where,
                                     f"relation {n} {key}")
            uid = by_offsets.get((start, end))
            if uid is None:
                raise undefined(f"End of relation {n} ({raw})", f"{start}:{end}",
                                'the record\'s "spans"', at=where)
            ends.append(uid)
        out.append(Relation(id=f"r{n}", source=ends[0], target=ends[1], label=label, orig=raw))
    return out


def _doc_id(data: dict[str, Any], meta: dict[str, Any], stem: str, lineno: int) -> str:
    for value in (meta.get("id"), data.get("id"), data.get("_input_hash")):
        if value is not None and str(value).strip():
            return str(value).strip()
    return f"{stem}-{lineno}"


@registry.reader("prodigy", labels=("units", "claim_type", "evidence_type", "relations"), genre="news")
def read_prodigy(path: Path) -> Iterator[Document]:
    """Yield one document per accepted Prodigy task (file or folder of ``*.jsonl``)."""
    seen: set[str] = set()
    for file, source in _files(path):
        name = str(file)
        counts: Counter = Counter()
        for lineno, data in iter_json_lines(file):
            where = Where(name, lineno)
            if not isinstance(data, dict):
                raise malformed(FORMAT, f"the line holds a JSON {type(data).__name__}, not an object", where)
            answer = data.get("answer", "accept")
            if answer not in ("accept", "reject", "ignore"):
                raise malformed(FORMAT, f"answer {answer!r} is not accept, reject or ignore", where)
            if answer != "accept":
                counts[answer] += 1
                continue
            text = data.get("text")
            if not isinstance(text, str):
                raise malformed(FORMAT, "the task has no 'text'", where)
            task_meta = data.get("meta") or {}
            if not isinstance(task_meta, dict):
                raise malformed(FORMAT, "'meta' is not an object", where)
            units, by_offsets = _units(data, text, name, lineno)
            relations = _relations(data, by_offsets, where)
            doc_id = _doc_id(data, task_meta, file.stem, lineno)
            if doc_id in seen:
                counts["repeated id"] += 1
                logger.warning("%s: id %r was read before; using %r", where, doc_id,
                               f"{doc_id}#L{lineno}")
                doc_id = f"{doc_id}#L{lineno}"
            seen.add(doc_id)
            meta = dict(task_meta)
            if "source" in meta:
                meta["task_source"] = meta.pop("source")
            meta.update(corpus=task_meta.get("corpus", "prodigy"), split=task_meta.get("split"),
                        topic=task_meta.get("topic"), source=source)
            hashes = {k: data[k] for k in _PRODIGY_KEYS if k in data}
            if hashes:
                meta["prodigy"] = hashes
            counts["accept"] += 1
            yield Document(id=doc_id, text=text, meta=meta, units=units, relations=relations)
        logger.info("%s: %d accepted task(s) read; %d rejected and %d ignored task(s) skipped",
                    name, counts["accept"], counts["reject"], counts["ignore"])
