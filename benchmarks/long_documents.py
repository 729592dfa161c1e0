"""Time and peak memory of ``argmine annotate`` on one long document, by length.

Each length runs in its own process, so its peak RSS is its own. The document is the
public-domain presidential speeches beside the checkout, joined (blank lines between
speeches) and cut to the length. Long texts are analysed in pieces (argmine.pieces),
so time per character should stay flat and memory bounded as the length grows.

Usage: python benchmarks/long_documents.py [TEXT_DIR] [--sizes 100000,1000000,5000000]
       [--target "the Iran nuclear deal"] [--units-only]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "texts" / "presidential-speeches"


def _document(folder: Path, n: int) -> str:
    parts, total = [], 0
    files = sorted(p for p in folder.rglob("*.txt"))
    if not files:
        sys.exit(f"no .txt files under {folder}")
    while total < n:
        for p in files:
            text = p.read_text(encoding="utf-8")
            parts.append(text)
            total += len(text) + 2
            if total >= n:
                break
    return "\n\n".join(parts)[:n]


def _child(folder: Path, n: int, target: str, units_only: bool) -> None:
    import argmine
    from argmine.schema import Document

    text = _document(folder, n)
    nlp = argmine.load(units_only=units_only)
    start = time.perf_counter()
    [record] = list(argmine.annotate([Document(id="long", text=text)], nlp=nlp,
                                     targets=[] if units_only else [target]))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"chars": len(text), "seconds": round(seconds, 1), "peak_rss_mb": round(peak_mb),
                      "units": len(record.units), "actors": len(record.actors),
                      "stances": len(record.stances)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    parser.add_argument("--target", default="the Iran nuclear deal")
    parser.add_argument("--units-only", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.texts, args.child, args.target, args.units_only)
        return
    print(f"{'chars':>10} {'seconds':>8} {'µs/char':>8} {'peak RSS MB':>12} {'units':>6} {'actors':>6}")
    for n in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, str(args.texts), "--child", str(n), "--target", args.target]
        if args.units_only:
            cmd.append("--units-only")
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"{n} characters failed:\n{done.stderr}")
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{r['chars']:>10} {r['seconds']:>8} {r['seconds'] / r['chars'] * 1e6:>8.1f} "
              f"{r['peak_rss_mb']:>12} {r['units']:>6} {r['actors']:>6}", flush=True)


if __name__ == "__main__":
    main()
