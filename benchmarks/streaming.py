"""Peak memory of ``argmine annotate`` does not grow with the input; the first record comes early.

Builds JSONL inputs of the given sizes (20 MB and 200 MB by default) from public-domain
paragraphs, cycled, and runs ``argmine annotate --units-only`` on each in its own process,
sampling the process's memory from ``/proc`` (Linux) while it runs. For each size it prints the
seconds until the first record was on disk, the resident memory after each fifth of the
measured records, and the peak (``VmHWM``).

What is measured, plainly: analysing a whole 200 MB input takes hours on a small machine
(about 30 million words at a few thousand words per second), so by default each run is
stopped with Ctrl-C (SIGINT, which ``annotate`` handles: finished records stay) once
``--records`` records are written. The input file is the whole 20 or 200 MB either way, and
``annotate`` opens it the same way: if it read the whole input before analysing, or kept the
records it had written, the 200 MB run would show it in the time to the first record and in
memory growing from one fifth to the next. ``--full`` analyses every record instead.
``--units-only`` is the fastest analysis the command line offers; ``--full-analysis`` times
the full pipeline instead (with no target). The model-load time is the wall time of a run on
a one-record input, for reference.

Usage: python benchmarks/streaming.py [--sizes-mb 20 200] [--records 5000] [--full]
                                      [--full-analysis] [--batch-size 32] [TEXT_DIR]
"""

from __future__ import annotations

import argparse
import json
import signal
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


def _memory_mb(pid: int) -> tuple[float, float]:
    """(current resident MB, peak resident MB) of a running process, from /proc."""
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", float("nan")), fields.get("VmHWM", float("nan"))


class _LineCounter:
    """Lines written to a growing file so far, reading only what was added since the last call."""

    def __init__(self, path: Path):
        self.path, self.offset, self.lines = path, 0, 0

    def __call__(self) -> int:
        try:
            with self.path.open("rb") as f:
                f.seek(self.offset)
                data = f.read()
        except FileNotFoundError:
            return 0
        self.offset += len(data)
        self.lines += data.count(b"\n")
        return self.lines


def run(src: Path, out: Path, *, units_only: bool, records: int | None, batch_size: int,
        total: int) -> dict[str, object]:
    """Run ``argmine annotate`` on ``src`` (``total`` records); stop after ``records`` (None: at the end)."""
    cmd = [sys.executable, "-m", "argmine", "annotate", str(src), "-o", str(out), "--overwrite", "--quiet",
           "--batch-size", str(batch_size)]
    if units_only:
        cmd.append("--units-only")
    start = time.perf_counter()
    # Ctrl-C restored for the child: a shell's background job starts with SIGINT ignored.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    first = float("nan")
    marks: list[float] = []  # resident MB after each fifth of the records
    peak = rss = 0.0
    count = _LineCounter(out)
    target = records or total
    while proc.poll() is None:
        try:
            rss, peak = _memory_mb(proc.pid)
        except (FileNotFoundError, ProcessLookupError):
            break
        if first != first and out.exists() and out.stat().st_size > 0:
            first = time.perf_counter() - start
        done = count()
        while len(marks) < 5 and done >= target * (len(marks) + 1) / 5:
            marks.append(rss)
        if records and done >= records:
            proc.send_signal(signal.SIGINT)
            proc.wait()
            break
        time.sleep(0.1)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 130) or (proc.returncode == 130 and not records):
        raise SystemExit(f"annotate failed ({proc.returncode}): {stderr}")
    return {"wall": wall, "first": first, "peak": peak, "marks": marks, "records": count()}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[20, 200])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--full", action="store_true", help="analyse every record (hours for 200 MB)")
    parser.add_argument("--full-analysis", action="store_true", help="not --units-only")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        raise SystemExit("this benchmark reads process memory from /proc (Linux)")
    texts = paragraphs(args.texts, 5000)
    if not texts:
        raise SystemExit(f"no paragraphs under {args.texts}")
    units_only = not args.full_analysis
    records = None if args.full else args.records
    mode = "--units-only" if units_only else "(full analysis, no target)"
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        write_input(one, 1, texts)
        load = run(one, Path(tmp) / "one-out.jsonl", units_only=units_only, records=None,
                   batch_size=args.batch_size, total=1)["wall"]
        print(f"argmine annotate {mode} --batch-size {args.batch_size}, one process per size; "
              f"{'every record' if records is None else f'stopped after {records:,} records'}")
        print(f"a one-record input takes {load:.1f} s (start-up and model load)\n")
        print(f"{'input':>8} {'records':>9} {'analysed':>9} {'first record s':>15} "
              f"{'RSS at each fifth, MB':>32} {'peak RSS MB':>12}")
        for mb in args.sizes_mb:
            src, out = Path(tmp) / f"in-{mb:g}.jsonl", Path(tmp) / f"out-{mb:g}.jsonl"
            n = write_input(src, int(mb * 1_000_000), texts)
            res = run(src, out, units_only=units_only, records=records, batch_size=args.batch_size, total=n)
            marks = " ".join(f"{m:,.0f}" for m in res["marks"]) or "-"  # type: ignore[union-attr]
            print(f"{mb:>6g}MB {n:>9,} {res['records']:>9,} {res['first']:>15.1f} {marks:>32} "
                  f"{res['peak']:>12,.0f}", flush=True)
            out.unlink(missing_ok=True)
            src.unlink()


if __name__ == "__main__":
    main()
