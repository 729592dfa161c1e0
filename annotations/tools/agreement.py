"""Inter-annotator agreement between two annotation files of the same documents.

Usage: python annotations/tools/agreement.py A.jsonl B.jsonl [--markdown]

Documents are paired by their id without the annotator suffix ("doc--A" ~ "doc--B").
Units are paired by offsets (both annotators label the same sentence units).
Stances are paired by (actor name, target); an actor-target pair one annotator
left out counts as "absent" for that annotator, so missing pairs lower agreement.
Reports Cohen's kappa and the confusion between annotators for component, type and
stance.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, confusion_matrix


def _base(doc_id: str) -> str:
    return doc_id.rsplit("--", 1)[0]


def _load(path: Path) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out[_base(rec["id"])] = rec
    return out


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("the ", "").split())


def pairs(a: dict[str, dict], b: dict[str, dict]):
    comp, typ, stance = [], [], []
    for doc_id in sorted(set(a) & set(b)):
        ra, rb = a[doc_id], b[doc_id]
        ua = {(u["start"], u["end"]): u for u in ra["units"]}
        ub = {(u["start"], u["end"]): u for u in rb["units"]}
        for key in sorted(set(ua) & set(ub)):
            comp.append((ua[key]["label"], ub[key]["label"]))
            if ua[key]["label"] == ub[key]["label"] and ua[key]["label"] != "none":
                typ.append((ua[key]["type"] or "-", ub[key]["type"] or "-"))
        na = {x["id"]: _norm(x["name"]) for x in ra["actors"]}
        nb = {x["id"]: _norm(x["name"]) for x in rb["actors"]}
        sa = {(na[s["actor"]], s["target"]): s["stance"] for s in ra["stances"]}
        sb = {(nb[s["actor"]], s["target"]): s["stance"] for s in rb["stances"]}
        for key in sorted(set(sa) | set(sb)):
            stance.append((sa.get(key, "absent"), sb.get(key, "absent")))
    return comp, typ, stance


def report(name: str, pairs_: list[tuple[str, str]], markdown: bool) -> str:
    if not pairs_:
        return f"{name}: no pairs\n"
    ya, yb = zip(*pairs_)
    labels = sorted(set(ya) | set(yb))
    kappa = cohen_kappa_score(ya, yb, labels=labels)
    agree = sum(x == y for x, y in pairs_) / len(pairs_)
    cm = confusion_matrix(ya, yb, labels=labels)
    lines = [f"**{name}**: n = {len(pairs_)}, observed agreement {agree:.3f}, Cohen's κ = {kappa:.3f}", ""]
    if markdown:
        lines += ["| A \\ B | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
        lines += [f"| {lab} | " + " | ".join(str(v) for v in row) + " |" for lab, row in zip(labels, cm)]
    else:
        lines += ["A\\B " + " ".join(f"{lab:>10}" for lab in labels)]
        lines += [f"{lab:>10} " + " ".join(f"{v:>10}" for v in row) for lab, row in zip(labels, cm)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    comp, typ, stance = pairs(_load(args.a), _load(args.b))
    docs = len(set(_load(args.a)) & set(_load(args.b)))
    print(f"{docs} documents in common\n")
    for name, p in (("component (claim/evidence/none)", comp),
                    ("type (units both labelled with the same component)", typ),
                    ("stance (actor-target pairs; 'absent' = pair not annotated)", stance)):
        print(report(name, p, args.markdown))
    present = [(x, y) for x, y in stance if "absent" not in (x, y)]
    print(report("stance, pairs both annotated", present, args.markdown))
    print("stance pairs per annotator:", Counter("A" if y == "absent" else "B" if x == "absent" else "both"
                                                for x, y in stance))
    return 0


if __name__ == "__main__":
    sys.exit(main())
