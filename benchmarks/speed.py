"""argmine's speed beside bare spaCy, on the same documents in the same run.

Prints words per second, one and two processes each, for:
  1. bare ``en_core_web_sm`` ``nlp.pipe`` (tagger, parser, NER): the baseline;
  2. argmine full analysis with two targets (units, actors, sources, stance, relations);
  3. argmine units only (no parser, no NER);
then the ratios the project aims at: full ≥ 0.85× bare spaCy, units only ≥ 2× bare spaCy,
two processes ≥ 1.6× one.

Documents are the paragraphs of public-domain White House statements and briefings
(``../shared/texts/wh-briefing-room``), which read like news; pass another folder of .txt or
.md files to use other text.

Usage: python benchmarks/speed.py [TEXT_DIR] [--docs 2000] [--batch-size 64] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "texts" / "wh-briefing-room"
TARGETS = ["diplomacy with North Korea", "sanctions on Russia"]


def paragraphs(folder: Path, n: int) -> list[str]:
    """The first ``n`` paragraphs of at least 20 words, files in sorted order."""
    out: list[str] = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md")):
        body = path.read_text(encoding="utf-8", errors="replace").split("\n---\n", 1)[-1]
        for para in re.split(r"\n\s*\n", body):  # after the front matter, blank-line paragraphs
            para = " ".join(para.split())
            if len(para.split()) >= 20:
                out.append(para)
                if len(out) == n:
                    return out
    return out


def timed(label: str, fn: Callable[[], int], words: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = words / best
    print(f"{label:<44} {rate:>9,.0f} words/s {best:8.1f} s   peak RSS so far {rss:,.0f} MB", flush=True)
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    import argmine
    from argmine.nlp import load_spacy
    from argmine.schema import Document

    texts = paragraphs(args.texts, args.docs)
    if len(texts) < args.docs:
        raise SystemExit(f"only {len(texts)} paragraphs under {args.texts}; pass a larger folder")
    bare = load_spacy()
    words = sum(len(d) for d in bare.tokenizer.pipe(texts))
    records = [Document(id=f"p{i}", text=t) for i, t in enumerate(texts)]
    print(f"{len(texts)} documents, {words:,} words, batch size {args.batch_size}, "
          f"best of {args.repeat}")
    # Two processes can only beat one when two cores are free: say how busy the machine is.
    print(f"{os.cpu_count()} CPU core(s); load average at the start {os.getloadavg()[0]:.1f}\n")
    full = argmine.load()
    units = argmine.load(units_only=True)

    def run_bare(n: int) -> int:
        return sum(1 for _ in bare.pipe(texts, batch_size=args.batch_size, n_process=n))

    def run_argmine(nlp, targets, n: int) -> int:
        return sum(1 for _ in argmine.annotate(records, nlp=nlp, targets=targets,
                                               batch_size=args.batch_size, n_process=n))

    rates = {}
    for n in (1, 2):
        rates["spacy", n] = timed(f"bare en_core_web_sm, {n} process(es)", lambda n=n: run_bare(n), words,
                                  args.repeat)
        rates["full", n] = timed(f"argmine full, 2 targets, {n} process(es)",
                                 lambda n=n: run_argmine(full, TARGETS, n), words, args.repeat)
        rates["units", n] = timed(f"argmine units only, {n} process(es)",
                                  lambda n=n: run_argmine(units, [], n), words, args.repeat)
    print()
    for n in (1, 2):
        print(f"{n} process(es): full / bare spaCy = {rates['full', n] / rates['spacy', n]:.2f} "
              f"(goal >= 0.85); units only / bare spaCy = {rates['units', n] / rates['spacy', n]:.2f} "
              f"(goal >= 2)")
    for kind in ("spacy", "full", "units"):
        print(f"two processes / one, {kind}: {rates[kind, 2] / rates[kind, 1]:.2f} (goal >= 1.6)")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
