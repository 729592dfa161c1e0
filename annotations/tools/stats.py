"""Label distributions of the gold corpus, as Markdown tables (the figures in annotations/README.md).

Usage (from the repository root):
    .venv/bin/python annotations/tools/stats.py [FILE.jsonl ...]

Default: annotations/batch1.jsonl, batch2.jsonl and batch3.jsonl (annotator A, the gold corpus).
Standard library only.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = [HERE.parent / f"batch{i}.jsonl" for i in (1, 2, 3)]

ORDER = {
    "component": ["claim", "evidence", "none"],
    "claim type": ["value", "policy", "fact"],
    "evidence type": ["event", "testimony", "statistic", "reference"],
    "stance": ["favor", "against", "mixed", "none"],
    "actor kind": ["person", "country", "organization", "group"],
}


def load(paths):
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            out += [(Path(path).name, json.loads(line)) for line in fh if line.strip()]
    return out


def table(title: str, counts: Counter, order: list[str]) -> str:
    total = sum(counts.values())
    rows = [f"| {k} | {counts[k]} | {100 * counts[k] / total:.1f} % |" for k in order]
    return "\n".join([f"| {title} | n | share |", "|---|---:|---:|", *rows, f"| total | {total} | |"])


def main(argv=None) -> int:
    paths = list(sys.argv[1:] if argv is None else argv) or DEFAULT
    recs = load(paths)
    per_file: dict[str, Counter] = {}
    comp, ctype, etype, stance, kind = Counter(), Counter(), Counter(), Counter(), Counter()
    topics = Counter()
    authors = splits = timelines = adjudicated = 0
    for name, r in recs:
        c = per_file.setdefault(name, Counter())
        c["documents"] += 1
        c["units"] += len(r["units"])
        c["actors"] += len(r["actors"])
        c["stance records"] += len(r["stances"])
        c["characters"] += len(r["text"])
        topics[r["meta"].get("topic", "?")] += 1
        for u in r["units"]:
            comp[u["label"]] += 1
            if u["label"] == "claim":
                ctype[u["type"]] += 1
            elif u["label"] == "evidence":
                etype[u["type"]] += 1
        for a in r["actors"]:
            kind[a["kind"]] += 1
            authors += a.get("role") == "author"
        for s in r["stances"]:
            stance[s["stance"]] += 1
            timelines += bool(s.get("timeline"))
        splits += len(r["meta"].get("clause_splits", []))
        adjudicated += bool(r["meta"].get("adjudicated"))

    cols = ["documents", "units", "actors", "stance records", "characters"]
    total = sum(per_file.values(), Counter())
    print("| file | " + " | ".join(cols) + " |")
    print("|---" + "|---:" * len(cols) + "|")
    for name, c in list(per_file.items()) + [("total", total)]:
        print(f"| {name} | " + " | ".join(str(c[k]) for k in cols) + " |")
    print()
    print("Topics: " + ", ".join(f"{k} {v}" for k, v in sorted(topics.items())))
    print(f"Clause splits: {splits}; stance records with a timeline: {timelines}; "
          f"actors with role author: {authors}; adjudicated records: {adjudicated}")
    for title, counts in (("component", comp), ("claim type", ctype), ("evidence type", etype),
                          ("stance", stance), ("actor kind", kind)):
        print()
        print(table(title, counts, ORDER[title]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
