"""Peak memory of ``argmine annotate`` does not grow with the input; the first record comes early.

Builds JSONL inputs of the given sizes from public-domain paragraphs (repeated as needed),
runs ``argmine annotate`` on each as a separate process, and prints for each size: wall time,
peak RSS of the process, and the seconds until the first record was on disk. The goal: peak
RSS within 10% across sizes and under 1 GB; the first record within a few seconds of the
model load.

Usage: python benchmarks/streaming.py [--sizes-mb 20 200] [--units-only] [TEXT_DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import DEFAULT, paragraphs  # noqa: E402


def write_input(path: Path, size: int, texts: list[str]) -> int:
    """Write JSONL records of ``texts`` (cycled) until ``size`` bytes; return the record count."""
    n = written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            line = json.dumps({"id": f"p{n}", "text": texts[n % len(texts)]}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def run(src: Path, out: Path, units_only: bool) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB of the child, seconds to the first record on disk)."""
    cmd = [sys.executable, "-m", "argmine", "annotate", str(src), "-o", str(out), "--overwrite", "--quiet"]
    if units_only:
        cmd.append("--units-only")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = float("nan")
    while proc.poll() is None:
        if first != first and out.exists() and out.stat().st_size > 0:
            first = time.perf_counter() - start
        time.sleep(0.05)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(proc.stderr.read().decode() if proc.stderr else f"exit {proc.returncode}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak, first


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[20, 200])
    parser.add_argument("--units-only", action="store_true")
    args = parser.parse_args()
    texts = paragraphs(args.texts, 5000)
    if not texts:
        raise SystemExit(f"no paragraphs under {args.texts}")
    print(f"argmine annotate{' --units-only' if args.units_only else ''}, one process per size\n")
    print(f"{'input':>10} {'records':>9} {'wall s':>9} {'first record s':>15} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes_mb:
            src, out = Path(tmp) / f"in-{mb}.jsonl", Path(tmp) / f"out-{mb}.jsonl"
            n = write_input(src, int(mb * 1_000_000), texts)
            # RUSAGE_CHILDREN is the maximum over all children so far: measure each size in a
            # fresh interpreter so the figures do not carry over.
            if os.environ.get("_ARGMINE_BENCH_CHILD"):
                wall, peak, first = run(src, out, args.units_only)
            else:
                env = {**os.environ, "_ARGMINE_BENCH_CHILD": "1"}
                code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
                        f"from streaming import run; from pathlib import Path; "
                        f"print(*run(Path({str(src)!r}), Path({str(out)!r}), {args.units_only}))")
                res = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                     check=True)
                wall, peak, first = map(float, res.stdout.split()[-3:])
            print(f"{mb:>8g}MB {n:>9,} {wall:>9.1f} {first:>15.1f} {peak:>12,.0f}", flush=True)
            out.unlink(missing_ok=True)
            src.unlink()


if __name__ == "__main__":
    main()
