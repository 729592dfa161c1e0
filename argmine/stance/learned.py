"""Learned stance of a sentence toward a target, and polarity toward a named person.

``StanceClassifier`` predicts favor/against (and none where the training data has it)
for a (sentence, target) pair. The target is the *object* of a policy debate
("detente with North Korea", "the sale of violent video games to minors") or a
proposition about it ("Should we ban boxing?"); the label is the sentence's stance
toward that target, so "This house would ban X" data is converted: a claim PRO the
ban is *against* X (see ``ibm_examples``).

``PolarityClassifier`` predicts how a sentence portrays a person it mentions at a
given span (favor = positive, against = negative, none = neutral), trained on NewsMTSC.

Both are a ``LinearModel`` over features meant to carry across topics: lexicon cue
counts after negation, whether each cue is near a target mention, cue polarity
crossed with the target's own polarity ("ban X"), cue words after a contrast, words
next to the target with the target masked, and the sentence's n-grams at a lower
weight (they help in-topic but carry topic words across folds badly).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, cast

import numpy as np

from ..errors import Errors, ModelError
from ..models.linear import LinearModel
from ..scoring import group_folds, scores
from .lexicon import LexiconReading, StanceLexicon, near_target, read_stance

logger = logging.getLogger("argmine")

FORMAT_VERSION = 1
# A feature value v enters the model as 1 + log(v) (LinearModel's sublinear TF), so 0.6
# gives n-grams about half the weight of a cue feature and 3.0 about double.
NGRAM_WEIGHT = 0.6
CUE_WEIGHT = 1.0
MASK = "<t>"
# Words either side of a mention used as "context of the target" features.
CONTEXT = 3


class StanceExample(NamedTuple):
    """One labelled (sentence, target) pair.

    Attributes:
        text: The sentence.
        target: Target phrase (object or proposition), or the person's mention text.
        label: favor, against or none, toward ``target``.
        group: Topic (or article) for grouped cross-validation.
        span: Character offsets of the target mention, when the data gives them.
        kind: Target kind as argmine reads the target at run time (``with_runtime_kinds``);
            None: from the corpus (``polarity.example_kind``).
    """
    text: str
    target: str
    label: str
    group: str
    span: tuple[int, int] | None = None
    kind: str | None = None


# --------------------------------------------------------------------------- features

def _polar_name(p: int) -> str:
    return "pos" if p > 0 else "neg"


def pair_features(text: str, target: str, *, span: tuple[int, int] | None = None,
                  ngrams: bool = True, lexicon: StanceLexicon | None = None) -> dict[str, float]:
    """Features of a sentence's stance toward a target (see the module docstring)."""
    r: LexiconReading = read_stance(text, target, span=span, lexicon=lexicon)
    toks = list(r.tokens)
    mentions = set(r.mentions)
    # A Counter reads missing features as 0 without adding them; its values here are floats.
    f = cast("dict[str, float]", Counter())
    f["bias"] = 1.0
    f[f"lex={r.label}"] = 2.0
    f["tgt:" + ("mentioned" if mentions else "absent")] = 1.0
    f[f"prop_sign={r.sign}"] = 1.0
    for cue in r.cues:
        # Polarity toward the target's object, then toward the target itself.
        toward = cue.polarity * r.sign
        where = "near" if near_target(cue, r.mentions) else "far"
        side = "post" if r.contrast >= 0 and cue.start > r.contrast else "pre"
        f[f"cue:{_polar_name(toward)}"] += CUE_WEIGHT
        f[f"cue:{_polar_name(toward)}:{where}"] += CUE_WEIGHT
        f[f"cue:{_polar_name(toward)}:{side}"] += CUE_WEIGHT
        f[f"cue:{cue.kind}:{_polar_name(cue.polarity)}"] += CUE_WEIGHT
        f[f"cue:{_polar_name(cue.polarity)}:sign{r.sign}"] += CUE_WEIGHT
        if cue.negated:
            f[f"cue:negated:{_polar_name(toward)}"] += CUE_WEIGHT
        if cue.kind == "outcome":
            f[f"cue:outcome:{_polar_name(toward)}"] += CUE_WEIGHT
        # The cue word itself, oriented: "harm" toward a "ban X" proposition reads as favour.
        f[f"cw:{cue.text}:{'' if toward > 0 else '-'}"] += CUE_WEIGHT
    for _ in r.hedges:
        f["hedge"] += CUE_WEIGHT
    balance = r.favor - r.against
    if balance:
        f[f"balance:{_polar_name(int(np.sign(balance)))}"] = 1.0 + min(abs(balance), 4.0)
    # Context of the target with the target masked: "ban <t>", "<t> causes" carry across topics.
    masked = [MASK if i in mentions else t for i, t in enumerate(toks)]
    for m in sorted(mentions):
        for k in range(1, CONTEXT + 1):
            if m - k >= 0 and masked[m - k] != MASK:
                f[f"L:{masked[m - k]}"] += 1.0
            if m + k < len(masked) and masked[m + k] != MASK:
                f[f"R:{masked[m + k]}"] += 1.0
    if ngrams:
        collapsed = [t for i, t in enumerate(masked) if not (t == MASK and i and masked[i - 1] == MASK)]
        for i, t in enumerate(collapsed):
            f[f"w:{t}"] += NGRAM_WEIGHT
            if i:
                f[f"b:{collapsed[i - 1]}_{t}"] += NGRAM_WEIGHT
    return dict(f)


# --------------------------------------------------------------------------- classifiers

class _PairClassifier:
    """Shared training, prediction and persistence of the two pair classifiers."""

    kind = "pair"

    def __init__(self, *, C: float = 0.5, ngrams: bool = True, seed: int = 0):
        self.C = C
        self.ngrams = ngrams
        self.seed = seed
        self.model: LinearModel | None = None

    def _features(self, text: str, target: str, span: tuple[int, int] | None) -> dict[str, float]:
        return pair_features(text, target, span=span, ngrams=self.ngrams)

    @property
    def classes_(self) -> list[str]:
        if self.model is None:
            raise ModelError(f"{type(self).__name__} is not fitted; call fit() or from_disk().")
        return list(self.model.classes_)

    def fit(self, examples: Sequence[StanceExample]) -> _PairClassifier:
        """Train on labelled examples (at least two labels must occur)."""
        feats = [self._features(e.text, e.target, e.span) for e in examples]
        self.model = LinearModel(C=self.C, seed=self.seed).fit(feats, [e.label for e in examples])
        return self

    def predict_proba(self, pairs: Sequence[tuple[str, str] | tuple[str, str, tuple[int, int] | None]]
                      ) -> np.ndarray:
        """Class probabilities (columns in ``classes_`` order) for (text, target[, span]) pairs."""
        if self.model is None:
            raise ModelError(f"{type(self).__name__} is not fitted; call fit() or from_disk().")
        feats = [self._features(p[0], p[1], p[2] if len(p) > 2 else None) for p in pairs]
        return self.model.predict_proba(feats)

    def predict_many(self, pairs: Sequence[tuple[str, str] | tuple[str, str, tuple[int, int] | None]]
                     ) -> list[tuple[str, float]]:
        probs = self.predict_proba(pairs)
        classes = self.classes_
        return [(classes[int(i)], round(float(row[i]), 4))
                for row, i in zip(probs, probs.argmax(axis=1))]

    def to_disk(self, directory: str | Path) -> None:
        """Write ``config.json`` and the LinearModel's ``model.json`` + ``model.npz`` (no pickle)."""
        if self.model is None:
            raise ModelError(f"{type(self).__name__} is not fitted; nothing to save.")
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        cfg = {"kind": self.kind, "format_version": FORMAT_VERSION, "C": self.C,
               "ngrams": self.ngrams, "seed": self.seed, "ngram_weight": NGRAM_WEIGHT,
               "classes": self.classes_}
        (directory / "config.json").write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")
        self.model.to_disk(directory, "model")

    @classmethod
    def from_disk(cls, directory: str | Path):
        directory = Path(directory)
        path = directory / "config.json"
        if not path.is_file():
            raise ModelError(Errors.E011.format(path=str(directory), name="config.json"))
        cfg = json.loads(path.read_text(encoding="utf-8"))
        if cfg.get("kind") != cls.kind:
            raise ModelError(f"{str(directory)!r} holds a {cfg.get('kind')!r} model, not a "
                             f"{cls.kind!r} one; load it with the matching class.")
        obj = cls(C=cfg["C"], ngrams=cfg["ngrams"], seed=cfg["seed"])
        obj.model = LinearModel.from_disk(directory, "model")
        return obj


class StanceClassifier(_PairClassifier):
    """Stance of a sentence toward a target phrase: favor / against (/ none).

    Args:
        C: Inverse regularisation strength of the logistic regression.
        ngrams: Add the sentence's word 1-2 grams (target masked) at a lower weight.
        seed: Recorded for reproducibility (the solver is deterministic).

    Example:
        >>> clf = StanceClassifier.from_disk("models/stance/target_stance")  # doctest: +SKIP
        >>> clf.predict("It would be a tragedy if the talks fail.", "talks with Pyongyang")  # doctest: +SKIP
        ('favor', 0.71)
    """

    kind = "target_stance"

    def predict(self, text: str, target: str) -> tuple[str, float]:
        """Label and probability of ``text``'s stance toward ``target``."""
        return self.predict_many([(text, target)])[0]


class PolarityClassifier(_PairClassifier):
    """How a sentence portrays a person it mentions: favor (positive), against, none (neutral)."""

    kind = "person_polarity"

    def predict(self, text: str, mention: str | tuple[int, int]) -> tuple[str, float]:
        """Label and probability; ``mention`` is the name as written, or its character span."""
        if isinstance(mention, tuple):
            return self.predict_many([(text, text[mention[0]:mention[1]], mention)])[0]
        start = text.find(mention)
        span = (start, start + len(mention)) if start >= 0 else None
        return self.predict_many([(text, mention, span)])[0]


# --------------------------------------------------------------------------- corpora

def _unit_text(doc, unit_id: str) -> str | None:
    for u in doc.units:
        if u.id == unit_id:
            return doc.text[u.start:u.end]
    return None


def ibm_examples(path: Path) -> list[StanceExample]:
    """IBM claims as stance toward the motion's *target* (``topicTarget``).

    The corpus labels stance toward the motion; the motion itself is for (sentiment +1)
    or against (-1) its target, so stance toward the target = motion stance x sentiment.
    """
    from ..io import read_corpus

    out = []
    for doc in read_corpus(path, format="ibm"):
        sentiment = doc.meta.get("topic_sentiment")
        target = (doc.meta.get("topic_target") or "").strip()
        if sentiment not in (1, -1) or not target or not doc.stances:
            continue
        motion = doc.stances[0].stance
        if motion not in ("favor", "against"):
            continue
        flip = motion == "favor" if sentiment > 0 else motion == "against"
        out.append(StanceExample(doc.text.strip(), target, "favor" if flip else "against",
                                 f"ibm:{doc.meta['topic']}"))
    return out


def iam_examples(path: Path) -> list[StanceExample]:
    """IAM claim sentences with their stance toward the topic, a proposition ("Should we ban X")."""
    from ..io import read_corpus

    out = []
    for doc in read_corpus(path, format="iam"):
        for st in doc.stances:
            if st.stance not in ("favor", "against", "none") or not st.evidence:
                continue
            text = _unit_text(doc, st.evidence[0])
            if text:
                out.append(StanceExample(text.strip(), st.target, st.stance, f"iam:{st.target}"))
    return out


def newsmtsc_examples(path: Path) -> list[StanceExample]:
    """NewsMTSC targets: polarity of the sentence toward the person at the main mention."""
    from ..io import read_corpus

    out = []
    for doc in read_corpus(path, format="newsmtsc"):
        actors = {a.id: a for a in doc.actors}
        for st, tmeta in zip(doc.stances, doc.meta.get("targets", [])):
            actor = actors.get(tmeta.get("actor"))
            if actor is None or not actor.mentions:
                continue
            m = actor.mentions[0]
            out.append(StanceExample(doc.text, doc.text[m.start:m.end], st.stance,
                                     f"newsmtsc:{doc.meta.get('topic')}", (m.start, m.end)))
    return out


# --------------------------------------------------------------------------- evaluation

def _lexicon_label(e: StanceExample, labels: Sequence[str], fallback: str) -> tuple[str, bool]:
    """The lexicon's reading and whether it made one itself (else the majority fallback).

    "none" (no cue) is kept where the data has a neutral class; "mixed", or "none"
    where the data has no neutral class, falls back to the training majority.
    """
    label = read_stance(e.text, e.target, span=e.span).label
    if label in labels:
        return label, True
    return fallback, False


def cross_validate_stance(examples: Sequence[StanceExample], make: Callable[[], _PairClassifier],
                          *, folds: int = 5, seed: int = 0,
                          extra_train: Sequence[StanceExample] = ()) -> dict[str, Any]:
    """Grouped k-fold CV (no group in both train and test) of a classifier vs two baselines.

    Predictions of all folds are pooled and scored once. ``lexicon`` is the lexicon-only
    reading, with the training majority where it gives a label the data lacks (mixed, or
    none without a neutral class); ``lexicon_coverage`` is the share it labels itself.

    Args:
        examples: Labelled pairs with their groups.
        make: Returns a fresh, unfitted classifier.
        folds: Number of folds.
        seed: Shuffles the group order, so a seed gives one fixed split.
        extra_train: Added to every training fold (another corpus), never tested on.
    """
    labels = sorted({e.label for e in examples}, key=["favor", "against", "none"].index)
    groups = sorted({e.group for e in examples})
    pooled: dict[str, list[str]] = {"gold": [], "model": [], "lexicon": [], "majority": []}
    covered = 0
    for tr_idx, te_idx in group_folds([e.group for e in examples], folds=folds, seed=seed):
        train = [examples[i] for i in tr_idx] + list(extra_train)
        test = [examples[i] for i in te_idx]
        majority = Counter(examples[i].label for i in tr_idx).most_common(1)[0][0]
        clf = make().fit(train)
        pooled["gold"] += [e.label for e in test]
        pooled["model"] += [lab for lab, _ in clf.predict_many([(e.text, e.target, e.span)
                                                                 for e in test])]
        for e in test:
            lab, own = _lexicon_label(e, labels, majority)
            pooled["lexicon"].append(lab)
            covered += own
        pooled["majority"] += [majority] * len(test)
    report: dict[str, Any] = {"folds": folds, "n": len(examples), "groups": len(groups),
                              "seed": seed, "lexicon_coverage": round(covered / len(examples), 4)}
    for name in ("model", "lexicon", "majority"):
        report[name] = scores(pooled["gold"], pooled[name], labels)
    return report


# --------------------------------------------------------------------------- training entry point

CORPUS_DIRS = {"ibm": "ibm-claim-stance", "iam": "iam", "newsmtsc": "newsmtsc"}


def load_stance_corpora(corpora_dir: Path) -> dict[str, list[StanceExample]]:
    """Examples of each stance corpus found under ``corpora_dir`` (missing ones are skipped)."""
    loaders = {"ibm": ibm_examples, "iam": iam_examples, "newsmtsc": newsmtsc_examples}
    out = {}
    for name, sub in CORPUS_DIRS.items():
        path = Path(corpora_dir) / sub
        if not path.exists():
            logger.warning("Stance corpus %s not found under %s; skipped.", sub, corpora_dir)
            continue
        out[name] = loaders[name](path)
    return out


def train_stance_models(corpora_dir: Path, output_dir: Path, *, seed: int = 0) -> dict:
    """Cross-validate, then train on all data and write the stance models.

    Writes ``output_dir/target_stance/`` (``StanceClassifier`` on IBM + IAM) and
    ``output_dir/scores.json`` (cross-topic CV per corpus, model vs lexicon vs majority).

    Args:
        corpora_dir: Folder holding ``ibm-claim-stance/``, ``iam/`` and ``newsmtsc/``.
        output_dir: Where to write the models.
        seed: Seed of the CV splits.

    Returns:
        The scores written to ``scores.json``, with the training sizes.
    """
    output_dir = Path(output_dir)
    data = load_stance_corpora(corpora_dir)
    result: dict[str, Any] = {"cv": {}, "trained": {}}
    for name, examples in data.items():
        make = PolarityClassifier if name == "newsmtsc" else StanceClassifier
        logger.info("Cross-validating stance on %s (%d examples)", name, len(examples))
        result["cv"][name] = cross_validate_stance(examples, make, folds=5, seed=seed)
    target_train = data.get("ibm", []) + data.get("iam", [])
    if target_train:
        StanceClassifier(seed=seed).fit(target_train).to_disk(output_dir / "target_stance")
        result["trained"]["target_stance"] = {"n": len(target_train),
                                              "labels": dict(Counter(e.label for e in target_train))}
    # Polarity toward persons is the polarity model's job (``argmine.stance.polarity``, built by
    # ``argmine.training.polarity``); NewsMTSC is only cross-validated here, as a baseline.
    output_dir.mkdir(parents=True, exist_ok=True)
    (output_dir / "scores.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result
