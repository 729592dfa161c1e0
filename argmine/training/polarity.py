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
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..scoring import scores
from ..stance.embeddings import ALPHA, HIDDEN, WINDOW, EmbeddingHead, fuse_proba
from ..stance.learned import StanceExample
from ..stance.polarity import (
    LABELS,
    PolarityModel,
    RuleView,
    _softmax_t,
    example_kind,
    example_views,
    features,
    fit_temperature,
    load_polarity_corpora,
    reliability,
)
from ..stance.target import detect_kind

logger = logging.getLogger("argmine")


def read_kind(e: StanceExample) -> str:
    """Target kind a pair is read under at run time, where known (``with_runtime_kinds``)."""
    return e.kind if e.kind is not None else example_kind(e)


# Corpora scored in cross-validation whose targets are what a user names as a target, so that
# their run-time kind is known: BASIL's names ("Barack Obama", "NAACP", also where the sentence
# only says "he"). IBM's targets are a motion's topic phrase (a user gives the motion itself)
# and IAM's are motions; the annotations are trained on, never scored here.
RUNTIME_KIND_CORPORA = ("basil",)


def with_runtime_kinds(data: Mapping[str, Sequence[StanceExample]], nlp) -> dict[str, list[StanceExample]]:
    """Pairs of ``RUNTIME_KIND_CORPORA`` with the kind argmine gives their target text at run time
    (``detect_kind``, as ``parse_target`` does; a pair with a mention span is an actor's), so that cross-validation
    reads a held-out pair as the run time would.

    Training keeps the corpus kind (``example_kind``). Learning BASIL's names as actors
    instead was measured (5-fold CV by event, pairs read as at run time): BASIL macro-F1
    0.592 -> 0.585 (quoted spans 0.621 -> 0.580) and IBM accuracy 0.642 -> 0.616.
    """
    kinds: dict[str, str] = {}
    out = {name: list(examples) for name, examples in data.items()}
    for name, examples in data.items():
        if name not in RUNTIME_KIND_CORPORA:
            continue
        rows = []
        for e in examples:
            if e.span is not None:
                kind = "actor"
            else:
                if e.target not in kinds:
                    kinds[e.target] = detect_kind(nlp(e.target.strip())).value
                kind = kinds[e.target]
            rows.append(e._replace(kind=kind))
        out[name] = rows
    return out


# --------------------------------------------------------------------------- cross-validation

def _group_folds(examples: Sequence[StanceExample], folds: int, seed: int) -> list[np.ndarray]:
    from sklearn.model_selection import GroupKFold

    def key(e: StanceExample) -> str:
        # BASIL: the event (its three articles share quotes), not the span kind.
        return e.group.rsplit(":", 1)[0] if e.group.startswith("basil:") else e.group
    groups = sorted({key(e) for e in examples})
    rng = np.random.default_rng(seed)
    order = {g: i for i, g in enumerate(rng.permutation(groups))}
    gids = [order[key(e)] for e in examples]
    n = min(folds, len(groups))
    return [te for _, te in GroupKFold(n_splits=n).split(examples, groups=gids)]


def cross_validate(data: dict[str, list[StanceExample]], views: dict[str, list[RuleView | None]], *,
                   folds: int = 5, seed: int = 0, C: float = 0.5,
                   pairs: dict[str, np.ndarray] | None = None) -> dict[str, Any]:
    """Cross-topic / cross-event CV of each corpus, training on its other folds plus all other
    corpora; pooled out-of-fold predictions are scored, and calibrated by a temperature fitted
    on one half of the groups and measured on the other (and vice versa). Models learn each
    pair under its corpus kind and read a held-out pair under its run-time kind
    (``read_kind``), as argmine reads it.

    With ``pairs`` (each corpus's :func:`argmine.stance.embeddings.pair_matrix` rows), the
    sentence-embedding block is cross-validated on the same folds, and fused with the model
    for the target kinds where that raises the pooled out-of-fold macro-F1 (``embeddings``).

    Returns:
        Per corpus: model / majority scores, ``oof`` probabilities; and ``temperature`` for the
        final model (fitted on all out-of-fold predictions), ``calibration`` (reliability, ECE).
    """
    report: dict[str, Any] = {"folds": folds, "seed": seed, "C": C, "corpora": {}}
    feats = {name: [features(e.text, e.target, kind=example_kind(e), view=v, span=e.span)
                    for e, v in zip(ex, views[name])] for name, ex in data.items()}
    read = {name: [f if read_kind(e) == example_kind(e) else
                   features(e.text, e.target, kind=read_kind(e), view=v, span=e.span)
                   for e, v, f in zip(ex, views[name], feats[name])] for name, ex in data.items()}
    all_probs, all_gold, all_groups = [], [], []
    oof: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name, examples in data.items():
        if name == "annotations" or len(examples) < 10:
            continue
        other_x = [f for n in data if n != name for f in feats[n]]
        other_y = [e.label for n, ex in data.items() if n != name for e in ex]
        probs = np.zeros((len(examples), len(LABELS)))
        block = np.zeros((len(examples), len(LABELS)))
        for test_idx in _group_folds(examples, folds, seed):
            test = set(test_idx.tolist())
            keep = [i for i in range(len(examples)) if i not in test]
            model = PolarityModel(C=C, seed=seed).fit_features(
                [feats[name][i] for i in keep] + other_x, [examples[i].label for i in keep] + other_y)
            raw = model.raw_proba([read[name][i] for i in test_idx])
            for col, lab in enumerate(model.classes_):
                probs[test_idx, LABELS.index(lab)] = raw[:, col]
            if pairs is not None:
                head = EmbeddingHead(window=WINDOW).fit(
                    np.vstack([pairs[name][keep]] + [pairs[n] for n in data if n != name]),
                    [examples[i].label for i in keep] + other_y)
                raw = head.predict_proba(pairs[name][test_idx])
                for col, lab in enumerate(head.classes_):
                    block[test_idx, LABELS.index(lab)] = raw[:, col]
        labels = [lab for lab in LABELS if any(e.label == lab for e in examples)]
        # A corpus without a neutral class is scored over its own labels.
        pred = _predict(probs, labels)
        gold = [e.label for e in examples]
        majority = Counter(gold).most_common(1)[0][0]
        entry = {"n": len(examples), "labels": labels, "model": scores(gold, pred, labels),
                 "majority": scores(gold, [majority] * len(gold), labels)}
        if name == "basil":
            quoted = [i for i, e in enumerate(examples) if e.group.endswith(":quote")]
            entry["quoted_named_speaker"] = scores([gold[i] for i in quoted], [pred[i] for i in quoted], labels)
        report["corpora"][name] = entry
        if pairs is not None:
            oof[name] = (probs, block)
        all_probs.append(probs)
        all_gold += [LABELS.index(e.label) for e in examples]
        all_groups += [f"{name}:{e.group}" for e in examples]
    if pairs is not None:
        report["embeddings"] = _embedding_report(data, oof)
    probs = np.vstack(all_probs)
    gold_ids = np.asarray(all_gold)
    report["fitted_temperature"] = fit_temperature(probs, gold_ids)
    report["calibration"] = _cross_calibration(probs, gold_ids, all_groups, seed)
    report["temperature"] = choose_temperature(report)
    return report


def _predict(probs: np.ndarray, labels: list[str]) -> list[str]:
    """The most probable of ``labels`` per row (columns in ``LABELS`` order)."""
    cols = [LABELS.index(lab) for lab in labels]
    return [labels[i] for i in probs[:, cols].argmax(axis=1)]


def _embedding_report(data: dict[str, list[StanceExample]],
                      oof: dict[str, tuple[np.ndarray, np.ndarray]]) -> dict[str, Any]:
    """Choose the target kinds to fuse for, on out-of-fold predictions, and score each corpus
    with the block alone, fused everywhere, and as shipped (fused for those kinds).

    A kind is fused when fusion raises its pooled macro-F1 and lowers it on no corpus's
    examples of that kind: a gain on news must not be paid for by debate motions.
    """
    # (gold, model's prediction, fused prediction) by kind, and by corpus and kind.
    by_kind: dict[str, tuple[list[str], list[str], list[str]]] = {}
    by_corpus_kind: dict[tuple[str, str], tuple[list[str], list[str], list[str]]] = {}
    for name, (model, block) in oof.items():
        labels = [lab for lab in LABELS if any(e.label == lab for e in data[name])]
        plain, joint = _predict(model, labels), _predict(fuse_proba(model, block), labels)
        for i, e in enumerate(data[name]):
            row = (e.label, plain[i], joint[i])
            for lists in (by_kind.setdefault(read_kind(e), ([], [], [])),
                          by_corpus_kind.setdefault((name, read_kind(e)), ([], [], []))):
                for values, value in zip(lists, row):
                    values.append(value)
    per_kind: dict[str, dict[str, Any]] = {kind: {"n": len(g), "model": scores(g, p, list(LABELS)),
                       "fused": scores(g, j, list(LABELS))} for kind, (g, p, j) in sorted(by_kind.items())}
    losers = {kind for (name, kind), (g, p, j) in by_corpus_kind.items()
              if scores(g, j, list(LABELS))["macro_f1"] < scores(g, p, list(LABELS))["macro_f1"]}
    for kind, v in per_kind.items():
        v["loses_on"] = sorted(name for (name, k), (g, p, j) in by_corpus_kind.items() if k == kind and
                               scores(g, j, list(LABELS))["macro_f1"] < scores(g, p, list(LABELS))["macro_f1"])
    kinds = sorted(k for k, v in per_kind.items()
                   if v["fused"]["macro_f1"] > v["model"]["macro_f1"] and k not in losers)
    per_corpus: dict[str, dict[str, Any]] = {}
    for name, (model, block) in oof.items():
        labels = [lab for lab in LABELS if any(e.label == lab for e in data[name])]
        gold = [e.label for e in data[name]]
        fused = fuse_proba(model, block)
        use = np.array([read_kind(e) in kinds for e in data[name]])
        shipped = np.where(use[:, None], fused, model)
        per_corpus[name] = {"block": scores(gold, _predict(block, labels), labels),
                            "fused": scores(gold, _predict(fused, labels), labels),
                            "shipped": scores(gold, _predict(shipped, labels), labels)}
        if name == "basil":
            quoted = [i for i, e in enumerate(data[name]) if e.group.endswith(":quote")]
            pred = _predict(shipped, labels)
            per_corpus[name]["shipped_quoted"] = scores([gold[i] for i in quoted], [pred[i] for i in quoted], labels)
    return {"kinds": kinds, "per_kind": per_kind, "corpora": per_corpus}


def choose_temperature(report: dict[str, Any]) -> float:
    """The fitted temperature if it lowers the held-out ECE, else 1 (leave the model as it is)."""
    cal = report["calibration"]
    helps = cal["calibrated"]["ece"] < cal["uncalibrated"]["ece"]
    return float(report["fitted_temperature"]) if helps else 1.0


def _cross_calibration(probs: np.ndarray, gold: np.ndarray, groups: Sequence[str], seed: int) -> dict[str, Any]:
    """Fit the temperature on half of the groups, measure reliability on the other half, and
    swap; the pooled held-out halves give the reliability curve and ECE."""
    uniq = sorted(set(groups))
    rng = np.random.default_rng(seed)
    half = set(rng.permutation(uniq)[: len(uniq) // 2].tolist())
    mask = np.array([g in half for g in groups])
    conf, correct, raw_conf, raw_correct = [], [], [], []
    temps = []
    for fit_mask in (mask, ~mask):
        t = fit_temperature(probs[fit_mask], gold[fit_mask])
        temps.append(round(t, 3))
        held = ~fit_mask
        p = _softmax_t(probs[held], t)
        conf += p.max(axis=1).tolist()
        correct += (p.argmax(axis=1) == gold[held]).tolist()
        raw_conf += probs[held].max(axis=1).tolist()
        raw_correct += (probs[held].argmax(axis=1) == gold[held]).tolist()
    return {"temperatures": temps, "calibrated": reliability(conf, correct),
            "uncalibrated": reliability(raw_conf, raw_correct)}


def _fingerprint(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def train_polarity(corpora_dir: Path, annotations: list[Path], output_dir: Path, *, seed: int = 0,
                   C: float = 0.5, nlp=None, cache: Path | None = None,
                   embeddings: bool = False) -> dict[str, Any]:
    """Cross-validate, calibrate, train on everything and write model, scores and card.

    Args:
        corpora_dir: Folder holding ibm-claim-stance/, iam/, newsmtsc/ and basil/.
        annotations: Annotation files for fitting (batches 1-2; never the held-out batch 3).
        output_dir: Where to write ``config.json``, ``model.json``/``model.npz``, ``scores.json``
            and ``README.md``.
        seed: Seed of the grouped folds.
        C: Inverse regularisation strength.
        nlp: The spaCy pipeline that parses the examples (default: ``argmine.nlp.load_spacy``).
        cache: Folder where the parsed rule views (and sentence vectors) are kept between runs.
        embeddings: Also train the sentence-embedding block (needs ``argmine[embeddings]``).
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
    data = with_runtime_kinds(data, nlp)
    pairs = _pairs(data, cache) if embeddings else None
    report = cross_validate(data, views, seed=seed, C=C, pairs=pairs)
    everything = [e for ex in data.values() for e in ex]
    all_views = [v for name in data for v in views[name]]
    model = PolarityModel(C=C, seed=seed).fit(everything, all_views, temperature=report["temperature"])
    if pairs is not None:
        model.embedding_head = EmbeddingHead(kinds=report["embeddings"]["kinds"], window=WINDOW).fit(
            np.vstack([pairs[name] for name in data]), [e.label for e in everything])
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


def _pairs(data: dict[str, list[StanceExample]], cache: Path | None) -> dict[str, np.ndarray]:
    """Each corpus's embedding-block rows, from sentence vectors encoded once and kept in
    ``cache`` as ``.npz`` (strings and vectors, no pickle), keyed by the strings and encoder."""
    from ..stance.embeddings import ENCODER, WINDOW, available, encode, pair_matrix, window

    if not available():
        raise SystemExit("The embedding block needs the extra: pip install 'argmine[embeddings]'")
    near = {name: [window(e.text, e.span, WINDOW) for e in ex] for name, ex in data.items()}
    strings = sorted({s for ex in data.values() for e in ex for s in (e.text, e.target)}
                     | {s for texts in near.values() for s in texts})
    key = hashlib.sha256(json.dumps([ENCODER, strings]).encode()).hexdigest()[:16]
    path = Path(cache) / f"vectors-{key}.npz" if cache is not None else None
    if path is not None and path.is_file():
        with np.load(path, allow_pickle=False) as z:
            vecs = z["vectors"]
    else:
        logger.info("Encoding %d sentences and targets with %s", len(strings), ENCODER)
        vecs = encode(strings)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(path, strings=np.array(strings), vectors=vecs)
    row = {s: i for i, s in enumerate(strings)}
    return {name: pair_matrix(vecs[[row[e.text] for e in ex]], vecs[[row[e.target] for e in ex]],
                              vecs[[row[s] for s in near[name]]])
            for name, ex in data.items()}


def _cached_views(name: str, examples, nlp, cache: Path | None) -> list[RuleView | None]:
    """Rule views of a corpus, parsed once and kept as JSON under ``cache`` (keyed by content)."""
    from ..stance import attribution, cues, lexicon, polarity
    from ..stance.cues import DEFAULT_CUES
    from ..stance.lexicon import DEFAULT_LEXICON

    # The view reads the text, target and span (the kind does not change it) through the spaCy
    # pipeline, the cue tables and the code that reads them: a change to any makes a new entry.
    pipeline = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}".encode()
    key = hashlib.sha256(json.dumps([[e.text, e.target, e.label, e.group, e.span] for e in examples]
                                    ).encode() + pipeline + DEFAULT_LEXICON.read_bytes() + DEFAULT_CUES.read_bytes()
                         + b"".join(Path(str(m.__file__)).read_bytes() for m in (polarity, attribution, cues, lexicon))
                         ).hexdigest()[:16]
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
            "Measured on the pooled out-of-fold predictions of the CV above: a temperature is fitted on half "
            f"of the groups and measured on the other half, then swapped (T = {cal['temperatures']}). Expected "
            f"calibration error (10 bins): {cal['uncalibrated']['ece']:.3f} as the logistic regression gives it, "
            f"{cal['calibrated']['ece']:.3f} with the temperature (n = {cal['calibrated']['n']}). The model "
            f"ships T = {report['temperature']:.3f} (the fitted temperature only where it lowers the held-out "
            "ECE); `score` is the model's probability of the label given.", "",
            f"Reliability ({'with the temperature' if report['temperature'] != 1.0 else 'as shipped, T = 1'}):", "",
            "| confidence bin | n | mean confidence | accuracy |", "|---|---|---|---|"]
    shipped = cal["calibrated"] if report["temperature"] != 1.0 else cal["uncalibrated"]
    for b in shipped["curve"]:
        out.append(f"| {b['bin'][0]:.1f}-{b['bin'][1]:.1f} | {b['n']} | {b['confidence']:.3f} | {b['accuracy']:.3f} |")
    if "embeddings" in report:
        emb = report["embeddings"]
        out += ["", "## Optional sentence-embedding block (`pip install argmine[embeddings]`)", "",
                "all-MiniLM-L6-v2 vectors of the sentence `u`, of the words within "
                f"{WINDOW} characters of the target's mention `w` (the sentence where the data marks no "
                "mention) and of the target `v`, `[u, w, v, w*v]`, into a network with "
                f"one hidden layer ({HIDDEN} ReLU units, L2 penalty {ALPHA}; scikit-learn's `MLPClassifier` with "
                "early stopping) cross-validated on the same folds; its probabilities are fused with the model's "
                "(geometric mean) for the target kinds where that raised the pooled out-of-fold macro-F1 and "
                "lowered it on no corpus: "
                f"**{', '.join(emb['kinds']) or 'none'}**. Without the extra the model is used alone "
                "(the figures above).", "",
                "| target kind | n | model macro-F1 | fused macro-F1 | fusion loses on |", "|---|---|---|---|---|"]
        for kind, v in emb["per_kind"].items():
            out.append(f"| {kind} | {v['n']} | {v['model']['macro_f1']:.3f} | {v['fused']['macro_f1']:.3f} | "
                       f"{', '.join(v['loses_on']) or '-'} |")
        out += ["", "| corpus | model | block alone | fused everywhere | as shipped (fused for the kinds above) |",
                "|---|---|---|---|---|"]
        for name, v in emb["corpora"].items():
            model_f1 = report["corpora"][name]["model"]["macro_f1"]
            out.append(f"| {name} | {model_f1:.3f} | {v['block']['macro_f1']:.3f} | {v['fused']['macro_f1']:.3f} | "
                       f"{v['shipped']['macro_f1']:.3f} |")
            if "shipped_quoted" in v:
                q = report["corpora"][name]["quoted_named_speaker"]
                out.append(f"| basil, quoted spans with a named speaker | {q['macro_f1']:.3f} | | | "
                           f"{v['shipped_quoted']['macro_f1']:.3f} |")
        out += ["", "The calibration above is the model's alone; fused probabilities were not recalibrated."]
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
    parser.add_argument("--cache", type=Path, default=None, help="Keep parsed rule views (and vectors) here")
    parser.add_argument("--embeddings", action="store_true",
                        help="Also train the sentence-embedding block (needs argmine[embeddings])")
    parser.add_argument("--card", type=Path, default=None,
                        help="Model card (README.md) to which the polarity section is appended")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    report = train_polarity(args.corpora, args.annotations, args.output, seed=args.seed, C=args.C,
                            cache=args.cache, embeddings=args.embeddings)
    if args.card is not None:
        append_card(args.card, report)
    for name, e in report["corpora"].items():
        print(f"{name}: macro-F1 {e['model']['macro_f1']:.3f} accuracy {e['model']['accuracy']:.3f} "
              f"(majority {e['majority']['macro_f1']:.3f}/{e['majority']['accuracy']:.3f})")
    for name, e in report.get("embeddings", {}).get("corpora", {}).items():
        print(f"{name} with the embedding block: alone {e['block']['macro_f1']:.3f}, "
              f"fused {e['fused']['macro_f1']:.3f}, as shipped {e['shipped']['macro_f1']:.3f}")
    print(f"ECE {report['calibration']['calibrated']['ece']:.3f} "
          f"(uncalibrated {report['calibration']['uncalibrated']['ece']:.3f})")


if __name__ == "__main__":
    main()
