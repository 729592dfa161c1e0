"""One learned polarity model: (target, text) -> favor / against / none, calibrated.

The model reads a sentence toward a target of any kind (a policy, a person, an event, a
motion) with three blocks of features:

* the **rule reading** of the parsed sentence: the sign of the predicate chain that links
  the predicate (the sentence's root, or an actor's predicate when the stance code asks)
  to the target mention, composed as the rules do (``attribution._read``), the number of
  signed cues, negations and hedges on that chain, the sign of the word that governs the
  mention ("attacked <t>") with its dependency, and the *reporting frame* (a reporting
  verb, "according to", the mention inside quotation marks);
* the **lexical and target-relative** features of :func:`argmine.stance.learned.pair_features`
  (lexicon cues after negation, near or far from the mention, crossed with the motion's
  sign; words next to the masked mention; n-grams at a lower weight);
* the **target kind** (policy, actor, event, motion).

It is trained on every stance corpus (IBM claim stance, IAM, NewsMTSC, BASIL 2010-2014)
and on the project's annotations (batches 1-2 only), and its probabilities are
calibrated with one temperature fitted on out-of-fold predictions of grouped
cross-validation, so that ``score`` is a probability. The stance code uses it jointly
with the rules (see ``attribution``): the rule reading is a feature, and the model's
calibrated probability decides and scores each reading.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from spacy.tokens import Span, Token

from ..models.integrity import model_file, read_config
from ..models.linear import LinearModel
from ..segment import doc_text
from .cues import Cues, chain_sign, is_mixed, is_negated, load_cues, token_sign
from .embeddings import EmbeddingHead, EmbeddingReader, fuse, reader_for
from .learned import StanceExample, pair_features
from .lexicon import StanceLexicon, forms, load_lexicon, target_info, tokenize

logger = logging.getLogger("argmine")

FORMAT_VERSION = 1
LABELS = ("favor", "against", "none")
# Rule features count this much more than one n-gram (sublinear TF: 1 + log v).
RULE_WEIGHT = 3.0
_REPORTING = frozenset({"say", "tell", "add", "claim", "argue", "state", "call", "describe", "accuse",
                        "insist", "warn", "announce", "write", "tweet", "note", "explain", "declare"})
_QUOTES = "\"“”"


class RuleView(NamedTuple):
    """What the rules see of one (predicate, target mention) pair in a parsed sentence."""
    label: str
    signs: int
    negations: int
    hedged: bool
    governor: str
    reporting: bool
    quoted: bool


def motion_sign(target: str) -> int:
    """The polarity of a target toward its object: -1 for "ban X" / "X should be banned"."""
    info = target_info(target)
    if not info.proposition:
        return 1
    lex = load_lexicon()
    toks = tokenize(target)
    reducing = any(forms(t) & lex.reducers for t in toks)
    return info.sign * (-1 if reducing else 1)


def mention_token(sent: Span, target: str, span: tuple[int, int] | None = None) -> Token | None:
    """The token where the sentence mentions the target: the root of ``span`` (character
    offsets in the Doc's text), else the first token sharing a content word with it."""
    if span is not None:
        m = sent.doc.char_span(span[0], span[1], alignment_mode="expand")
        if m is not None and len(m):
            return m.root
    words = target_info(target).words
    for tok in sent:
        if tok.lower_ in words or tok.lemma_.lower() in words:
            return tok
    return None


def rule_view(pred: Token, hit: Token | None, *, sign: int = 1, cues: Cues | None = None) -> RuleView:
    """The rule reading of ``pred`` toward the mention ``hit`` (see the module docstring);
    ``cues``: the cue tables (default: the package's)."""
    from .attribution import _chain, _read

    cues = cues or load_cues()
    chain = _chain(pred, hit, set())
    reading = _read(chain, cues, sign < 0, hit)
    signed = [t for t in chain if chain_sign(t, hit, cues)]
    negations = sum(1 for t in signed if is_negated(t, cues))
    hedged = any(is_mixed(t, cues) for t in chain)
    governor = "none"
    if hit is not None and hit.head != hit:
        head = hit.head.head if hit.dep_ == "pobj" else hit.head
        s = token_sign(head, cues) * (-1 if is_negated(head, cues) else 1)
        governor = f"{hit.dep_}:{'+' if s > 0 else '-' if s < 0 else '0'}"
    sent = pred.sent
    lemmas = {t.lemma_.lower() for t in sent}
    reporting = bool(lemmas & _REPORTING) or "according to" in sent.text.lower()
    quoted = False
    if hit is not None:
        before = doc_text(sent.doc)[sent.start_char:hit.idx]
        quoted = sum(before.count(q) for q in _QUOTES) % 2 == 1
    return RuleView(reading[0] if reading else "none", len(signed), negations, hedged, governor,
                    reporting, quoted)


def view_features(view: RuleView | None, kind: str) -> dict[str, float]:
    """The rule and target-kind blocks of the feature dict."""
    f: dict[str, float] = {f"kind={kind}": 1.0}
    if view is None:
        f["rule=unparsed"] = 1.0
        return f
    f[f"rule={view.label}"] = RULE_WEIGHT
    f[f"rule={view.label}:kind={kind}"] = RULE_WEIGHT
    f[f"rule_signs={min(view.signs, 3)}"] = 1.0
    if view.negations:
        f["rule_negated"] = 1.0
    if view.hedged:
        f["rule_hedged"] = 1.0
    f[f"gov={view.governor}"] = 2.0
    if view.reporting:
        f["frame=reporting"] = 1.0
        f[f"frame=reporting:rule={view.label}"] = 1.0
    if view.quoted:
        f["frame=quoted"] = 1.0
    return f


def features(text: str, target: str, *, kind: str, view: RuleView | None,
             span: tuple[int, int] | None = None, lexicon: StanceLexicon | None = None) -> dict[str, float]:
    """All features of one (target, text) pair."""
    f = pair_features(text, target, span=span, lexicon=lexicon)
    f.update(view_features(view, kind))
    return f


def example_kind(e: StanceExample) -> str:
    """Target kind a training pair is learned under, from its corpus: a person's mention, a
    motion, else a policy."""
    if e.group.startswith(("newsmtsc", "basil")):
        return "actor" if e.span is not None else "policy"
    return "motion" if target_info(e.target).proposition else "policy"


def example_views(examples: Sequence[StanceExample], nlp, *, batch_size: int = 64) -> list[RuleView | None]:
    """Parse each example's text once and take the rule view from its root to the mention."""
    # Corpora repeat a sentence for each of its targets: parse each text once.
    by_text: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        by_text.setdefault(e.text, []).append(i)
    out: list[RuleView | None] = [None] * len(examples)
    for doc, idx in zip(nlp.pipe(by_text, batch_size=batch_size), by_text.values()):
        for i in idx:
            out[i] = _view_of(doc, examples[i])
    return out


def _view_of(doc, e: StanceExample) -> RuleView | None:
    sents = list(doc.sents)
    if not sents:
        return None
    sent = sents[0]
    if e.span is not None:
        sent = next((s for s in sents if s.start_char <= e.span[0] < s.end_char), sent)
    hit = mention_token(sent, e.target, e.span)
    if hit is not None:
        sent = hit.sent
    return rule_view(sent.root, hit, sign=motion_sign(e.target))


def _softmax_t(probs: np.ndarray, temperature: float) -> np.ndarray:
    logits = np.log(np.clip(probs, 1e-12, 1.0)) / temperature
    logits -= logits.max(axis=1, keepdims=True)
    out = np.exp(logits)
    return out / out.sum(axis=1, keepdims=True)


def fit_temperature(probs: np.ndarray, gold: Sequence[int] | np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of ``gold`` (grid + refine)."""
    gold_ids = np.asarray(gold)

    def nll(t: float) -> float:
        p = _softmax_t(probs, t)[np.arange(len(gold_ids)), gold_ids]
        return float(-np.log(np.clip(p, 1e-12, 1.0)).mean())

    grid = np.exp(np.linspace(np.log(0.2), np.log(5.0), 61))
    best = min(grid, key=nll)
    fine = np.linspace(best * 0.9, best * 1.1, 21)
    return float(min(fine, key=nll))


def reliability(confidence: Sequence[float], correct: Sequence[bool], *, bins: int = 10) -> dict[str, Any]:
    """Reliability curve (equal-width bins of top-class probability) and expected calibration error."""
    conf = np.asarray(confidence, dtype=float)
    ok = np.asarray(correct, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    curve, ece = [], 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (conf > lo) & (conf <= hi) if lo > 0 else (conf >= lo) & (conf <= hi)
        if not mask.any():
            continue
        acc, mean = float(ok[mask].mean()), float(conf[mask].mean())
        ece += mask.sum() / len(conf) * abs(acc - mean)
        curve.append({"bin": [round(float(lo), 2), round(float(hi), 2)], "n": int(mask.sum()),
                      "confidence": round(mean, 4), "accuracy": round(acc, 4)})
    return {"ece": round(float(ece), 4), "curve": curve, "n": int(len(conf))}


class PolarityModel:
    """Calibrated (target, text) -> favor / against / none.

    Args:
        C: Inverse regularisation strength of the logistic regression.
        seed: Recorded for reproducibility (the solver is deterministic).

    Example:
        >>> model = PolarityModel.from_disk("argmine/data/default-model/stance/polarity")  # doctest: +SKIP
        >>> model.predict_one("They attacked <t>.", "Nancy Pelosi", kind="actor", view=None)  # doctest: +SKIP
        ('against', 0.71)
    """

    def __init__(self, *, C: float = 0.5, seed: int = 0):
        self.C = C
        self.seed = seed
        # The optional sentence-embedding block (argmine[embeddings]): saved head, and the
        # reader that runs it when the extra is installed.
        self.embedding_head: EmbeddingHead | None = None
        self.embedding_reader: EmbeddingReader | None = None

    def fit(self, examples: Sequence[StanceExample], views: Sequence[RuleView | None], *,
            temperature: float = 1.0) -> PolarityModel:
        """Fit on labelled pairs and their rule views; ``temperature`` comes from grouped CV
        (:func:`cross_validate`), since a model cannot calibrate itself on its training data."""
        feats = [features(e.text, e.target, kind=example_kind(e), view=v, span=e.span)
                 for e, v in zip(examples, views)]
        return self.fit_features(feats, [e.label for e in examples], temperature=temperature)

    def fit_features(self, feats: Sequence[dict[str, float]], labels: Sequence[str], *,
                     temperature: float = 1.0) -> PolarityModel:
        """Fit on precomputed feature dicts (cross-validation computes them once)."""
        self.model_ = LinearModel(C=self.C, seed=self.seed).fit(list(feats), list(labels))
        self.temperature_ = float(temperature)
        return self

    @property
    def classes_(self) -> list[str]:
        self._check()
        return list(self.model_.classes_)

    def _check(self) -> None:
        if not hasattr(self, "model_"):
            from sklearn.exceptions import NotFittedError
            raise NotFittedError("PolarityModel is not fitted; call fit() or from_disk().")

    def raw_proba(self, feats: Sequence[dict[str, float]]) -> np.ndarray:
        self._check()
        return self.model_.predict_proba(list(feats))

    def predict_proba(self, feats: Sequence[dict[str, float]]) -> np.ndarray:
        """Calibrated probabilities, columns in ``classes_`` order."""
        return _softmax_t(self.raw_proba(feats), self.temperature_)

    def predict_one(self, text: str, target: str, *, kind: str, view: RuleView | None,
                    span: tuple[int, int] | None = None, lexicon: StanceLexicon | None = None,
                    block: bool = True) -> dict[str, float]:
        """Calibrated probability of each label for one pair (``lexicon``: the pipeline's),
        fused with the embedding block unless ``block`` is false (see :meth:`fuse_block`)."""
        probs = self.predict_proba([features(text, target, kind=kind, view=view, span=span,
                                             lexicon=lexicon)])[0]
        out = dict.fromkeys(LABELS, 0.0)
        out.update({c: float(p) for c, p in zip(self.classes_, probs)})
        return self.fuse_block(out, text, target, kind=kind, span=span) if block else out

    def fuse_block(self, probs: dict[str, float], text: str, target: str, *, kind: str,
                   span: tuple[int, int] | None = None) -> dict[str, float]:
        """``probs`` fused with the embedding block's reading of (``text``, ``target``), for the
        kinds the block is fused for and when the extra is installed; else ``probs``."""
        reader = self.embedding_reader
        if reader is None or kind not in reader.head.kinds:
            return probs
        # The corpora mark the mention only for persons: other kinds are read as the block
        # was trained, from the sentence alone.
        return fuse(probs, reader.predict(text, target, span if kind == "actor" else None))

    def to_disk(self, directory: str | Path) -> None:
        """Write ``config.json`` and the LinearModel's ``model.json`` + ``model.npz`` (no pickle)."""
        self._check()
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        cfg = {"kind": "polarity", "format_version": FORMAT_VERSION, "C": self.C, "seed": self.seed,
               "temperature": self.temperature_, "classes": self.classes_, "rule_weight": RULE_WEIGHT}
        (directory / "config.json").write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")
        self.model_.to_disk(directory, "model")
        if self.embedding_head is not None:
            self.embedding_head.to_disk(directory / "embeddings")

    @classmethod
    def from_disk(cls, directory: str | Path) -> PolarityModel:
        directory = Path(directory)
        cfg = read_config(directory, "config.json")
        with model_file(directory / "config.json"):
            if cfg.get("kind") != "polarity":
                raise KeyError("kind")
            obj = cls(C=cfg["C"], seed=cfg["seed"])
            obj.temperature_ = float(cfg["temperature"])
        obj.model_ = LinearModel.from_disk(directory, "model")
        if (directory / "embeddings").is_dir():
            obj.embedding_head = EmbeddingHead.from_disk(directory / "embeddings")
            obj.embedding_reader = reader_for(obj.embedding_head)
        return obj


# --------------------------------------------------------------------------- corpora

def basil_examples(path: Path) -> list[StanceExample]:
    """BASIL spans (2010-2014 in this copy): the sentence holding the span, the span's target
    entity, pos/neg -> favor/against; grouped by event (``triplet-uuid``). ``meta``-like
    information (quoted, named speaker) is carried in the group suffix for evaluation."""
    out = []
    path = Path(path)
    for ann_file in sorted((path / "annotations").glob("*/*_ann.json")):
        ann = json.loads(ann_file.read_text(encoding="utf-8"))
        art_file = path / "articles" / ann_file.parent.name / ann_file.name.replace("_ann.json", ".json")
        if not art_file.is_file():
            continue
        art = json.loads(art_file.read_text(encoding="utf-8"))
        sents = [s for para in art.get("body-paragraphs", []) for s in para]
        event = art.get("triplet-uuid") or ann.get("triplet-uuid") or ann.get("pair-uuid") or ann_file.stem
        for a in ann.get("phrase-level-annotations", []):
            try:
                k = int(str(a["id"]).lstrip("p"))
            except ValueError:
                continue
            if k >= len(sents) or a.get("polarity") not in ("pos", "neg"):
                continue
            sent = sents[k]
            start, end = int(a["start"]), int(a["end"])
            if not (0 <= start < end <= len(sent)):
                continue
            target = str(a.get("target", "")).replace("_", " ").strip()
            if not target:
                continue
            speaker = str(a.get("speaker", ""))
            named = a.get("quote") == "yes" and speaker and not speaker.startswith("other")
            # The span carries the polarity; the target is mentioned where its name occurs.
            m = sent.find(target.split()[-1])
            span = (m, m + len(target.split()[-1])) if m >= 0 else None
            out.append(StanceExample(sent, target, "favor" if a["polarity"] == "pos" else "against",
                                     f"basil:{event}:{'quote' if named else 'other'}", span))
    return out


def annotation_examples(paths: Iterable[Path]) -> list[StanceExample]:
    """Gold actor stances of the project's annotations: each evidence unit with its target."""
    from ..io import read_corpus

    out = []
    for path in paths:
        for doc in read_corpus(path, format="jsonl"):
            units = {u.id: u for u in doc.units}
            for st in doc.stances:
                label = {"favor": "favor", "against": "against", "none": "none"}.get(st.stance)
                if label is None:
                    continue
                for uid in st.evidence[:3]:
                    u = units.get(uid)
                    if u is not None:
                        out.append(StanceExample(doc.text[u.start:u.end], st.target, label, f"ann:{doc.id}"))
    return out


def load_polarity_corpora(corpora_dir: Path, annotations: Sequence[Path] = ()) -> dict[str, list[StanceExample]]:
    """Examples of every stance corpus found (missing ones are skipped with a warning)."""
    from .learned import load_stance_corpora

    data = load_stance_corpora(corpora_dir)
    if "newsmtsc" in data:
        # Neutral toward a person is "none" here (the corpus codes it so already).
        data["newsmtsc"] = [e for e in data["newsmtsc"] if e.label in LABELS]
    basil = Path(corpora_dir) / "basil"
    if basil.is_dir():
        data["basil"] = basil_examples(basil)
    else:
        logger.warning("Stance corpus basil not found under %s; skipped.", corpora_dir)
    if annotations:
        data["annotations"] = annotation_examples(annotations)
    return data
