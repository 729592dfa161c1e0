"""Speed of stance attribution with one target versus two (parse included).

Annotates the same documents three times with one pipeline: a warm-up, one target, two
targets, and prints the wall time of each and the ratio (goal: two targets within 1.2x of
one, since each target is parsed once per run and the document once per run).

Usage: python benchmarks/targets_speed.py [TEXTS_DIR] [--docs N]
TEXTS_DIR defaults to ../shared/texts beside the checkout (.txt and .md files are read).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import argmine
from argmine.schema import Document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("texts", nargs="?", type=Path, default=ROOT.parent / "shared" / "texts")
    parser.add_argument("--docs", type=int, default=20)
    args = parser.parse_args()
    files = sorted(p for p in args.texts.rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")
    docs = [Document(id=p.stem, text=p.read_text(encoding="utf-8")[:6000]) for p in files[: args.docs]]
    nlp = argmine.load()
    runs = {"warm-up": ["detente with North Korea"], "one target": ["detente with North Korea"],
            "two targets": ["detente with North Korea", "sanctions on Iran"]}
    times = {}
    for name, targets in runs.items():
        start = time.perf_counter()
        list(argmine.annotate(docs, nlp=nlp, targets=targets))
        times[name] = time.perf_counter() - start
        print(f"{name}: {times[name]:.2f} s ({len(docs)} documents)")
    print(f"two / one target: {times['two targets'] / times['one target']:.3f}")


if __name__ == "__main__":
    main()
