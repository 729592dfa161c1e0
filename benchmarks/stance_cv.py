"""Cross-topic cross-validation of the learned stance models beside two baselines.

For each corpus, GroupKFold by topic (IBM motion, IAM topic sentence, NewsMTSC
article), predictions pooled over the folds; macro-F1 and accuracy of:
  * model     StanceClassifier (IBM, IAM) or PolarityClassifier (NewsMTSC);
  * lexicon   lexicon_polarity alone; where it says mixed, or none and the corpus has
              no neutral class, the training majority (cov = share it labels itself);
  * majority  the training folds' majority class.
Row "ibm (+iam)" adds all of IAM to every IBM training fold (as the shipped model is
trained); a few debate topics occur in both corpora, so read it as an upper estimate.

Usage: python benchmarks/stance_cv.py [CORPORA_DIR] [--folds K] [--seed S]
CORPORA_DIR defaults to ../shared/corpora beside the checkout (or $ARGMINE_CORPORA).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from argmine.stance.learned import PolarityClassifier, StanceClassifier, cross_validate_stance, load_stance_corpora

ROOT = Path(__file__).resolve().parent.parent


def _cell(block: dict) -> str:
    return f"{block['macro_f1']:.3f} / {block['accuracy']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="?", type=Path,
                        default=Path(os.environ.get("ARGMINE_CORPORA", ROOT.parent / "shared" / "corpora")))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    data = load_stance_corpora(args.corpora)
    runs = [(name, name, ()) for name in data]
    if "ibm" in data and "iam" in data:
        runs.insert(1, ("ibm (+iam)", "ibm", data["iam"]))
    header = (f"{'corpus':<12} {'n':>6} {'groups':>6}  {'model F1/acc':>15}  {'lexicon F1/acc':>15} "
              f"{'cov':>5}  {'majority F1/acc':>15}  {'time':>6}")
    print(f"cross-topic CV, {args.folds} folds, seed {args.seed} (macro-F1 / accuracy)")
    print(header)
    print("-" * len(header))
    for label, name, extra in runs:
        make = PolarityClassifier if name == "newsmtsc" else StanceClassifier
        start = time.perf_counter()
        r = cross_validate_stance(data[name], make, folds=args.folds, seed=args.seed,
                                  extra_train=extra)
        took = time.perf_counter() - start
        print(f"{label:<12} {r['n']:>6} {r['groups']:>6}  {_cell(r['model']):>15}  "
              f"{_cell(r['lexicon']):>15} {r['lexicon_coverage']:>5.2f}  {_cell(r['majority']):>15}  "
              f"{took:>5.0f}s", flush=True)


if __name__ == "__main__":
    main()
