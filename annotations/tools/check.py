"""Check annotation files in the argmine.doc/1 JSONL format.

Usage: python annotations/tools/check.py FILE.jsonl [FILE2.jsonl ...] [--skeleton]

Prints ``FILE:LINE: problem`` for each problem and exits 1 if there is any.
With --skeleton, unlabelled units (label null) are allowed (fresh segment.py output).
Standard library only. Stop-gap until ``argmine validate`` exists.
"""
from __future__ import annotations

import json
import sys

CLAIM_TYPES = {"value", "policy", "fact"}
EVIDENCE_TYPES = {"event", "testimony", "statistic", "reference"}
LABELS = {"claim", "evidence", "none"}
KINDS = {"person", "country", "organization", "group"}
STANCES = {"favor", "against", "mixed", "none"}
META_REQUIRED = ("source", "date", "licence", "excerpt", "annotator", "targets", "collection")


def _int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check_record(rec, skeleton=False):
    p = []
    if not isinstance(rec, dict):
        return ["record is not a JSON object"]
    if rec.get("schema") != "argmine.doc/1":
        p.append(f"schema must be 'argmine.doc/1', got {rec.get('schema')!r}")
    if not isinstance(rec.get("id"), str) or not rec.get("id"):
        p.append("id must be a non-empty string")
    text = rec.get("text")
    if not isinstance(text, str):
        return p + ["text must be a string"]
    n = len(text)
    meta = rec.get("meta")
    if not isinstance(meta, dict):
        p.append("meta must be an object")
    else:
        for k in META_REQUIRED:
            if k not in meta:
                p.append(f"meta.{k} missing")
        ex = meta.get("excerpt")
        if ex is not None and not (isinstance(ex, list) and len(ex) == 2 and all(_int(x) for x in ex)
                                   and ex[0] <= ex[1] and ex[1] - ex[0] == n):
            p.append(f"meta.excerpt {ex!r} must be [start, end] with end-start == len(text) ({n})")
        if not skeleton and not meta.get("annotator"):
            p.append("meta.annotator is empty")
        if "targets" in meta and not (isinstance(meta["targets"], list)
                                      and all(isinstance(t, str) and t for t in meta["targets"])):
            p.append("meta.targets must be a list of non-empty strings")
    for key in ("units", "relations", "actors", "stances"):
        if not isinstance(rec.get(key), list):
            p.append(f"{key} must be a list")
            rec[key] = []

    def span(obj, where):
        s, e = obj.get("start"), obj.get("end")
        if not (_int(s) and _int(e)):
            p.append(f"{where}: start/end must be integers")
            return None
        if not (0 <= s < e <= n):
            p.append(f"{where}: span [{s}, {e}) out of range 0..{n} or empty")
            return None
        if text[s].isspace() or text[e - 1].isspace():
            p.append(f"{where}: span [{s}, {e}) has leading/trailing whitespace")
        return s, e

    unit_ids, spans = set(), []
    for i, u in enumerate(rec["units"]):
        uid = u.get("id") if isinstance(u, dict) else None
        where = f"unit {uid or '#' + str(i)}"
        if not isinstance(u, dict):
            p.append(f"{where}: not an object")
            continue
        if not isinstance(uid, str) or not uid:
            p.append(f"{where}: id missing")
        elif uid in unit_ids:
            p.append(f"{where}: duplicate unit id")
        unit_ids.add(uid)
        sp = span(u, where)
        if sp:
            spans.append((sp[0], sp[1], uid))
        lab, typ = u.get("label"), u.get("type")
        if lab is None:
            if not skeleton:
                p.append(f"{where}: not labelled")
        elif lab not in LABELS:
            p.append(f"{where}: label {lab!r} not in {sorted(LABELS)}")
        elif lab == "none" and typ is not None:
            p.append(f"{where}: label none must have type null, got {typ!r}")
        elif lab == "claim" and typ not in CLAIM_TYPES:
            p.append(f"{where}: claim needs type in {sorted(CLAIM_TYPES)}, got {typ!r}")
        elif lab == "evidence" and typ not in EVIDENCE_TYPES:
            p.append(f"{where}: evidence needs type in {sorted(EVIDENCE_TYPES)}, got {typ!r}")
        if lab is None and typ is not None:
            p.append(f"{where}: type set but label null")
        if "score" in u and u["score"] is not None and not isinstance(u["score"], (int, float)):
            p.append(f"{where}: score must be a number or null")
    spans.sort()
    for (s1, e1, a), (s2, e2, b) in zip(spans, spans[1:]):
        if s2 < e1:
            p.append(f"units {a} and {b} overlap")

    actor_ids = set()
    for i, a in enumerate(rec["actors"]):
        aid = a.get("id") if isinstance(a, dict) else None
        where = f"actor {aid or '#' + str(i)}"
        if not isinstance(a, dict):
            p.append(f"{where}: not an object")
            continue
        if not isinstance(aid, str) or not aid:
            p.append(f"{where}: id missing")
        elif aid in actor_ids or aid in unit_ids:
            p.append(f"{where}: duplicate id")
        actor_ids.add(aid)
        if not isinstance(a.get("name"), str) or not a.get("name"):
            p.append(f"{where}: name missing")
        if a.get("kind") not in KINDS:
            p.append(f"{where}: kind {a.get('kind')!r} not in {sorted(KINDS)}")
        ms = a.get("mentions")
        if not isinstance(ms, list):
            p.append(f"{where}: mentions must be a list")
            ms = []
        seen = set()
        for j, m in enumerate(ms):
            sp = span(m, f"{where} mention {j}") if isinstance(m, dict) else None
            if sp in seen:
                p.append(f"{where}: duplicate mention {sp}")
            seen.add(sp)
    for i, a in enumerate(rec["actors"]):
        if isinstance(a, dict):
            aff = a.get("affiliation")
            if aff is not None and aff not in actor_ids:
                p.append(f"actor {a.get('id')}: affiliation {aff!r} is not an actor id")
            if aff is not None and aff == a.get("id"):
                p.append(f"actor {a.get('id')}: affiliated with itself")

    targets = set(meta.get("targets", [])) if isinstance(meta, dict) else set()
    pairs = set()
    for i, st in enumerate(rec["stances"]):
        where = f"stance #{i}"
        if not isinstance(st, dict):
            p.append(f"{where}: not an object")
            continue
        if st.get("actor") not in actor_ids:
            p.append(f"{where}: actor {st.get('actor')!r} is not an actor id")
        tgt = st.get("target")
        if not isinstance(tgt, str) or not tgt:
            p.append(f"{where}: target missing")
        elif targets and tgt not in targets:
            p.append(f"{where}: target {tgt!r} not in meta.targets")
        key = (st.get("actor"), tgt)
        if key in pairs:
            p.append(f"{where}: second stance for actor {key[0]} and target {tgt!r}")
        pairs.add(key)
        if st.get("stance") not in STANCES:
            p.append(f"{where}: stance {st.get('stance')!r} not in {sorted(STANCES)}")
        ev = st.get("evidence")
        if not isinstance(ev, list):
            p.append(f"{where}: evidence must be a list of unit ids")
            ev = []
        for u in ev:
            if u not in unit_ids:
                p.append(f"{where}: evidence {u!r} is not a unit id")
        if st.get("stance") in {"favor", "against", "mixed"} and not ev:
            p.append(f"{where}: stance {st.get('stance')} needs at least one evidence unit")
        tl = st.get("timeline", [])
        if not isinstance(tl, list):
            p.append(f"{where}: timeline must be a list")
            tl = []
        for j, step in enumerate(tl):
            if not isinstance(step, dict) or step.get("unit") not in unit_ids \
                    or step.get("stance") not in STANCES:
                p.append(f"{where}: timeline[{j}] needs a unit id and a stance")
        if tl and isinstance(tl[-1], dict) and tl[-1].get("stance") != st.get("stance"):
            p.append(f"{where}: final stance must equal the last timeline entry")
    for i, r in enumerate(rec["relations"]):
        if not isinstance(r, dict):
            p.append(f"relation #{i}: not an object")
            continue
        for k in ("source", "target", "head", "tail"):
            if k in r and r[k] not in unit_ids:
                p.append(f"relation #{i}: {k} {r[k]!r} is not a unit id")
    return p


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
