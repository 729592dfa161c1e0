"""Train and measure the polarity model (``argmine.stance.polarity``).

Run from the project root (the default model's ``stance/polarity`` part)::

    python -m argmine.training.polarity ../shared/corpora \\
        annotations/batch1.jsonl annotations/batch2.jsonl \\
        -o argmine/data/default-model/stance/polarity

Annotation batch 3 is the held-out test part and must not be passed here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from collections import Counter
from pathlib import Path
from typing import Any

from ..stance.polarity import (LABELS, PolarityModel, RuleView, cross_validate, example_views,
                               load_polarity_corpora)

logger = logging.getLogger("argmine")


def _fingerprint(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def train_polarity(corpora_dir: Path, annotations: list[Path], output_dir: Path, *, seed: int = 0,
                   C: float = 0.5, nlp=None, cache: Path | None = None) -> dict[str, Any]:
    """Cross-validate, calibrate, train on everything and write model, scores and card.

    Args:
        corpora_dir: Folder holding ibm-claim-stance/, iam/, newsmtsc/ and basil/.
        annotations: Annotation files for fitting (batches 1-2; never the held-out batch 3).
        output_dir: Where to write ``config.json``, ``model.json``/``model.npz``, ``scores.json``
            and ``README.md``.
        seed: Seed of the grouped folds.
        C: Inverse regularisation strength.
        nlp: The spaCy pipeline that parses the examples (default: ``argmine.nlp.load_spacy``).
        cache: Folder where the parsed rule views are kept as JSON between runs.
    """
    if any("batch3" in p.name for p in annotations):
        raise ValueError("annotations/batch3.jsonl is the held-out test part; do not train on it.")
    if nlp is None:
        from ..nlp import load_spacy
        nlp = load_spacy()
    data = load_polarity_corpora(Path(corpora_dir), annotations)
    views = {}
    with nlp.select_pipes(disable=[p for p in ("ner",) if p in nlp.pipe_names]):
        for name, examples in data.items():
            views[name] = _cached_views(name, examples, nlp, cache)
    report = cross_validate(data, views, seed=seed, C=C)
    everything = [e for ex in data.values() for e in ex]
    all_views = [v for name in data for v in views[name]]
    model = PolarityModel(C=C, seed=seed).fit(everything, all_views, temperature=report["temperature"])
    output_dir = Path(output_dir)
    model.to_disk(output_dir)
    report["trained"] = {name: {"n": len(ex), "labels": dict(Counter(e.label for e in ex))}
                         for name, ex in data.items()}
    report["sources"] = {"corpora": sorted(data), "annotations": [p.name for p in annotations],
                         "fingerprint": _fingerprint([Path(corpora_dir) / d for d in
                                                      ("ibm-claim-stance", "iam", "newsmtsc", "basil")
                                                      if (Path(corpora_dir) / d).exists()] + annotations)}
    (output_dir / "scores.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (output_dir / "README.md").write_text(card(report), encoding="utf-8")
    return report


def _cached_views(name: str, examples, nlp, cache: Path | None) -> list[RuleView | None]:
    """Rule views of a corpus, parsed once and kept as JSON under ``cache`` (keyed by content)."""
    key = hashlib.sha256(json.dumps([list(e) for e in examples]).encode()).hexdigest()[:16]
    path = Path(cache) / f"views-{name}-{key}.json" if cache is not None else None
    if path is not None and path.is_file():
        return [RuleView(*v) if v is not None else None for v in json.loads(path.read_text())]
    logger.info("Parsing %s (%d examples)", name, len(examples))
    views = example_views(examples, nlp)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([list(v) if v is not None else None for v in views]))
    return views


def card(report: dict[str, Any]) -> str:
    """The polarity model's card: data, cross-topic figures beside the majority class, calibration."""
    out = ["# Polarity model (`stance/polarity`)", "",
           "One calibrated model of (target, text) -> favor / against / none "
           "(`argmine.stance.polarity.PolarityModel`), trained on "
           + ", ".join(f"{k} ({v['n']})" for k, v in report["trained"].items())
           + f". Annotation files used: {', '.join(report['sources']['annotations']) or 'none'} "
             "(batch 3 is held out). Data fingerprint: " + report["sources"]["fingerprint"] + ".", "",
           "## Cross-topic / cross-event figures", "",
           f"Grouped {report['folds']}-fold CV (seed {report['seed']}); each fold trains on the corpus's other "
           "folds plus all other corpora. IBM: folds by motion; IAM: by topic; NewsMTSC: by article; "
           "BASIL: by event (`triplet-uuid`).", "",
           "| corpus | n | model macro-F1 | model accuracy | majority macro-F1 | majority accuracy |",
           "|---|---|---|---|---|---|"]
    for name, e in report["corpora"].items():
        out.append(f"| {name} | {e['n']} | {e['model']['macro_f1']:.3f} | {e['model']['accuracy']:.3f} | "
                   f"{e['majority']['macro_f1']:.3f} | {e['majority']['accuracy']:.3f} |")
        if "quoted_named_speaker" in e:
            q = e["quoted_named_speaker"]
            out.append(f"| basil, quoted spans with a named speaker | {q['n']} | {q['macro_f1']:.3f} | "
                       f"{q['accuracy']:.3f} | | |")
    cal = report["calibration"]
    out += ["", "## Calibration", "",
            f"One temperature (T = {report['temperature']:.3f}) scales the logits; `score` is the calibrated "
            "probability of the chosen label. Measured on pooled out-of-fold predictions: the temperature is "
            f"fitted on half of the groups and measured on the other half, then swapped (T = {cal['temperatures']}).",
            "",
            f"Expected calibration error (10 bins): {cal['calibrated']['ece']:.3f} calibrated, "
            f"{cal['uncalibrated']['ece']:.3f} before calibration (n = {cal['calibrated']['n']}).", "",
            "| confidence bin | n | mean confidence | accuracy |", "|---|---|---|---|"]
    for b in cal["calibrated"]["curve"]:
        out.append(f"| {b['bin'][0]:.1f}-{b['bin'][1]:.1f} | {b['n']} | {b['confidence']:.3f} | {b['accuracy']:.3f} |")
    out += ["", f"Labels: {', '.join(LABELS)}. Persisted as JSON + `.npz` (no pickle).", ""]
    return "\n".join(out)


_MARK = "<!-- polarity model -->"


def append_card(path: Path, report: dict[str, Any]) -> None:
    """Add (or replace) the polarity section at the end of a model card."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    text = text.split(_MARK)[0].rstrip("\n")
    section = card(report).replace("# Polarity model", "### Polarity model", 1).replace("\n## ", "\n#### ")
    path.write_text(f"{text}\n\n{_MARK}\n{section}", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m argmine.training.polarity", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", type=Path)
    parser.add_argument("annotations", type=Path, nargs="*")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--C", type=float, default=0.5)
    parser.add_argument("--cache", type=Path, default=None, help="Keep parsed rule views here")
    parser.add_argument("--card", type=Path, default=None,
                        help="Model card (README.md) to which the polarity section is appended")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    report = train_polarity(args.corpora, args.annotations, args.output, seed=args.seed, C=args.C,
                            cache=args.cache)
    if args.card is not None:
        append_card(args.card, report)
    for name, e in report["corpora"].items():
        print(f"{name}: macro-F1 {e['model']['macro_f1']:.3f} accuracy {e['model']['accuracy']:.3f} "
              f"(majority {e['majority']['macro_f1']:.3f}/{e['majority']['accuracy']:.3f})")
    print(f"ECE {report['calibration']['calibrated']['ece']:.3f} "
          f"(uncalibrated {report['calibration']['uncalibrated']['ece']:.3f})")


if __name__ == "__main__":
    main()
