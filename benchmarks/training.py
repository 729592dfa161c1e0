"""Training time with an empty parse cache (cold) and with the cache filled by that run (warm).

Runs ``argmine train SOURCES --dev DEV -o MODEL --cache CACHE`` twice in fresh processes on a
new, empty cache folder: the first run parses every source and fills the cache, the second
reads the parses back (``argmine.training.cache``), as a retrain after a feature change does.
Prints the wall time of each run and the phases the model's ``meta.json`` records.

The default is the persuasive-essays training split scored on its dev split, a run a user
makes when trying a feature change; pass other sources (``FORMAT:PATH[@SPLIT]``) to time
another training run.

Usage: python benchmarks/training.py [SOURCE ...] [--dev SOURCE ...] [--corpora DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("ARGMINE_CORPORA", ROOT.parent / "shared" / "corpora"))
ESSAYS = "aaec:{corpora}/aaec-conll/data/conll/Essay_Level/{split}.dat"


def train_once(sources: list[str], dev: list[str], model: Path, cache: Path) -> tuple[float, dict[str, float]]:
    """(wall seconds, phase seconds from meta.json) of one ``argmine train`` process."""
    cmd = [sys.executable, "-m", "argmine", "train", *sources, "-o", str(model), "--overwrite",
           "--cache", str(cache), "--quiet"]
    for source in dev:
        cmd += ["--dev", source]
    start = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if res.returncode:
        raise SystemExit(res.stderr or res.stdout)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    return wall, meta["units"]["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--dev", action="append", default=None)
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    args = parser.parse_args()
    sources = args.sources or [ESSAYS.format(corpora=args.corpora, split="train")]
    dev = args.dev if args.dev is not None else ([] if args.sources else
                                                 [ESSAYS.format(corpora=args.corpora, split="dev")])
    print(f"argmine train {' '.join(sources)}" + "".join(f" --dev {d}" for d in dev))
    print(f"{os.cpu_count()} CPU core(s); each run in a fresh process\n")
    print(f"{'run':<34} {'wall s':>8} {'read+parse s':>13} {'fit units s':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        cache, model = Path(tmp) / "cache", Path(tmp) / "model"
        walls = {}
        for run in ("cold (empty parse cache)", "warm (parse cache filled)"):
            wall, phases = train_once(sources, dev, model, cache)
            walls[run] = wall
            print(f"{run:<34} {wall:>8.1f} {phases.get('read_and_parse', float('nan')):>13.1f} "
                  f"{phases.get('fit_units', float('nan')):>12.1f}", flush=True)
        entries = sorted(cache.glob("*.spacy"))
        size = sum(p.stat().st_size for p in entries) / 1e6
        cold, warm = walls.values()
        print(f"\nwarm / cold: {warm / cold:.2f}; cache: {len(entries)} entries, {size:.1f} MB")


if __name__ == "__main__":
    main()
