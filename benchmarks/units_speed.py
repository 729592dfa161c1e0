"""Units-only annotation speed beside bare spaCy, on the same texts in the same run.

Prints words per second for:
  1. bare ``en_core_web_sm`` (full pipeline: tagger, parser, NER), the baseline;
  2. bare ``en_core_web_sm`` without parser and NER (tagger + senter);
  3. argmine units-only annotation (2. plus sentence features and the unit classifier);
  4. argmine full annotation (1. plus units, actors; no target).

Usage: python benchmarks/units_speed.py [TEXT_DIR] [--docs N] [--repeat R]
TEXT_DIR defaults to the public-domain presidential speeches beside the checkout.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _texts(folder: Path, n: int) -> list[str]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ""))[:n]
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def _time(label: str, fn, texts: list[str], words: int, repeat: int) -> None:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(texts)
        best = min(best, time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:<52} {words / best:>10,.0f} words/s  {best:7.2f} s  (peak RSS so far {rss:,.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "texts" / "presidential-speeches" / "data")
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    import argmine
    from argmine.io import read_corpus  # noqa: F401  (import cost paid before timing)
    from argmine.nlp import load_spacy, units_pipeline
    from argmine.schema import Document

    texts = _texts(args.texts, args.docs)
    if not texts:
        raise SystemExit(f"no texts under {args.texts}; pass a folder of .txt files")
    full = load_spacy()
    words = sum(len(d) for d in full.tokenizer.pipe(texts))
    print(f"{len(texts)} documents, {words:,} tokens, best of {args.repeat} runs\n")
    tagger_only = units_pipeline()
    units = argmine.load(units_only=True)
    full_argmine = argmine.load()

    _time("bare en_core_web_sm (full pipeline)", lambda ts: list(full.pipe(ts)), texts, words, args.repeat)
    _time("bare en_core_web_sm, no parser/NER (tagger+senter)", lambda ts: list(tagger_only.pipe(ts)), texts,
          words, args.repeat)
    records = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
    _time("argmine annotate --units-only", lambda ts: list(argmine.annotate(records, nlp=units)), texts, words,
          args.repeat)
    _time("argmine annotate (units + actors)", lambda ts: list(argmine.annotate(records, nlp=full_argmine)), texts,
          words, args.repeat)


if __name__ == "__main__":
    main()
