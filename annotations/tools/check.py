"""Check annotation files in the argmine.doc/1 JSONL format.

Usage: python annotations/tools/check.py FILE.jsonl [FILE2.jsonl ...] [--skeleton]

Prints ``FILE:LINE: problem`` for each problem and exits 1 if there is any.
With --skeleton, unlabelled units (label null) are allowed (fresh segment.py output).

The record format itself (field names and types, offsets inside the text, unique ids,
references between units, actors and stances) is checked by the project's schema,
``argmine.schema.check_record``, the same check as ``argmine validate``. This script adds
the rules of annotations/GUIDELINES.md that the format does not enforce.
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

try:
    from argmine.schema import check_record as schema_problems
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from argmine.schema import check_record as schema_problems

META_REQUIRED = ("source", "date", "licence", "excerpt", "annotator", "targets", "collection")


def _schema_view(rec: dict) -> dict:
    """The record as the schema should see it: unlabelled units get a placeholder label
    (reported below as "not labelled" unless --skeleton)."""
    if not isinstance(rec, dict) or not isinstance(rec.get("units"), list):
        return rec
    rec = copy.deepcopy(rec)
    for u in rec["units"]:
        if isinstance(u, dict) and u.get("label") is None:
            u["label"] = "none"
    return rec


def _int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def guideline_problems(rec: dict, skeleton: bool = False) -> list[str]:
    """Annotation rules on top of the schema. Assumes the schema check passed."""
    p: list[str] = []
    text, meta = rec["text"], rec.get("meta", {})
    n = len(text)
    if rec.get("schema") != "argmine.doc/1":
        p.append("schema: 'argmine.doc/1' must be given explicitly")

    # meta
    for k in META_REQUIRED:
        if k not in meta:
            p.append(f"meta.{k} missing")
    ex = meta.get("excerpt")
    if ex is not None and not (isinstance(ex, list) and len(ex) == 2 and all(_int(x) for x in ex)
                               and ex[0] <= ex[1] and ex[1] - ex[0] == n):
        p.append(f"meta.excerpt {ex!r} must be [start, end] with end-start == len(text) ({n})")
    if not skeleton and "annotator" in meta and not meta.get("annotator"):
        p.append("meta.annotator is empty")
    targets = meta.get("targets", [])
    if not (isinstance(targets, list) and all(isinstance(t, str) and t for t in targets)):
        p.append("meta.targets must be a list of non-empty strings")
        targets = []

    # units: every unit labelled and typed, no surrounding whitespace, no overlaps
    units = rec.get("units", [])
    order = {u["id"]: i for i, u in enumerate(units)}
    for u in units:
        where = f"unit {u['id']}"
        if u["label"] is None:
            if not skeleton:
                p.append(f"{where}: not labelled")
            if u.get("type") is not None:
                p.append(f"{where}: type set but label null")
        elif u["label"] in ("claim", "evidence") and u.get("type") is None:
            p.append(f"{where}: {u['label']} needs a type")
        if text[u["start"]].isspace() or text[u["end"] - 1].isspace():
            p.append(f"{where}: span [{u['start']}, {u['end']}) has leading/trailing whitespace")
    spans = sorted((u["start"], u["end"], u["id"]) for u in units)
    for (_, e1, a), (s2, _, b) in zip(spans, spans[1:]):
        if s2 < e1:
            p.append(f"units {a} and {b} overlap")
    # every character that is not whitespace belongs to a unit
    pos = 0
    for s, e, _ in spans + [(n, n, None)]:
        gap = text[pos:s]
        if gap.strip():
            k = pos + len(gap) - len(gap.lstrip())
            p.append(f"text [{k}, {s}) is in no unit: {text[k:s].strip()[:40]!r}")
        pos = max(pos, e)

    # clause splits (GUIDELINES 1): meta.clause_splits = [[first, second], ...], adjacent units
    splits = meta.get("clause_splits", [])
    if not isinstance(splits, list):
        p.append("meta.clause_splits must be a list of [unit id, unit id] pairs")
        splits = []
    for pair in splits:
        if not (isinstance(pair, list) and len(pair) == 2 and all(x in order for x in pair)):
            p.append(f"meta.clause_splits: {pair!r} is not a pair of unit ids")
        elif order[pair[1]] != order[pair[0]] + 1:
            p.append(f"meta.clause_splits: {pair[0]} and {pair[1]} are not adjacent units")

    # actors
    for a in rec.get("actors", []):
        where = f"actor {a['id']}"
        seen = set()
        for m in a.get("mentions", []):
            sp = (m["start"], m["end"])
            if text[sp[0]].isspace() or text[sp[1] - 1].isspace():
                p.append(f"{where}: mention [{sp[0]}, {sp[1]}) has leading/trailing whitespace")
            if sp in seen:
                p.append(f"{where}: duplicate mention {sp}")
            seen.add(sp)
        if a.get("affiliation") is not None and a.get("affiliation") == a["id"]:
            p.append(f"{where}: affiliated with itself")

    # stances: fixed targets, one record per pair, evidence for a position, timeline
    pairs = set()
    for i, st in enumerate(rec.get("stances", [])):
        where = f"stance #{i}"
        if targets and st["target"] not in targets:
            p.append(f"{where}: target {st['target']!r} not in meta.targets")
        key = (st["actor"], st["target"])
        if key in pairs:
            p.append(f"{where}: second stance for actor {key[0]} and target {st['target']!r}")
        pairs.add(key)
        if st["stance"] in ("favor", "against", "mixed") and not st.get("evidence"):
            p.append(f"{where}: stance {st['stance']} needs at least one evidence unit")
        tl = st.get("timeline", [])
        if tl:
            pos = [order.get(e["unit"], -1) for e in tl]
            if pos != sorted(pos):
                p.append(f"{where}: timeline entries must be in text order")
            if st["stance"] not in {e["stance"] for e in tl}:
                p.append(f"{where}: final stance {st['stance']!r} is none of the timeline positions")
    return p


def check_record(rec, skeleton: bool = False) -> list[str]:
    problems = schema_problems(_schema_view(rec))
    if problems:
        return problems
    return guideline_problems(rec, skeleton)


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    skeleton = "--skeleton" in args
    files = [a for a in args if a != "--skeleton"]
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    bad = 0
    for path in files:
        ids = {}
        with open(path, encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    print(f"{path}:{ln}: invalid JSON: {e}")
                    bad += 1
                    continue
                probs = check_record(rec, skeleton)
                rid = rec.get("id") if isinstance(rec, dict) else None
                if rid in ids:
                    probs.append(f"id {rid!r} already used on line {ids[rid]}")
                ids.setdefault(rid, ln)
                for pr in probs:
                    print(f"{path}:{ln}: {pr}")
                bad += len(probs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
