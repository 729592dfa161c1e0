"""``train``: fit the unit classifier from corpora and write a model directory with its card."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import spacy

from .. import __version__, progress, registry
from ..errors import ArgmineError, Errors
from ..features.lexicon import PACKAGED_CUES, fingerprint_cue_lists, read_cue_lists
from ..io import formats
from ..models.integrity import write_checksums
from ..nlp import units_pipeline
from ..pipeline.unit_classifier import UnitClassifier
from ..schema import SCHEMA_VERSION
from .card import carry_sections, write_card
from .corpus import (
    DataSource,
    examples_from_records,
    fingerprint,
    format_tasks,
    load_records,
    parse_source_docs,
    record_genre,
)
from .evaluate import HEAD_LABELS, POSITION_GENRES, compare, cross_validate, fit_head, head_examples
from .genre import cross_validate_genre, train_genre_model
from .parity import EvalSet, parity, position_effect

logger = logging.getLogger("argmine")

def train(sources: Sequence[DataSource], output_dir: str | Path, *,
          dev: Sequence[DataSource] = (), cv: Sequence[DataSource] = (), seed: int = 0,
          C: float = 1.0, cv_folds: int = 5, spacy_model: str | None = None,
          stance_corpora: str | Path | None = None, overwrite: bool = False,
          cache_dir: str | Path | None = None, cues_dir: str | Path | None = None,
          parity_cv: Sequence[str] = (), position_genres: Sequence[str] = POSITION_GENRES,
          measure_position: bool = False, parity_folds: int | None = None,
          relations: bool = True) -> dict[str, Any]:
    """Train the unit heads and the relation parser on ``sources`` and write ``output_dir``.

    The relation parser (``relations/``) learns from the sources whose records carry
    relations or a main claim (``role: "main"``); it is left out when none does.

    Args:
        sources: Training data, each a format and a path.
        output_dir: Model directory to write (``units/``, ``meta.json``, ``README.md``).
        dev: Held-out sources scored against the baselines after training (relations: on gold
            and on predicted units).
        cv: Sources scored by cross-topic cross-validation (type heads) and, when they carry
            structure, by cross-validation by document (relations), for the card.
        seed: Seed for every random choice; the same inputs and seed give the same model.
        C: Inverse regularisation strength of the logistic regressions.
        cv_folds: Folds for ``cv``.
        spacy_model: spaCy pipeline to segment and tag with (default: see ``load_spacy``).
        stance_corpora: Folder holding the IBM, IAM and NewsMTSC corpora; when given, the
            learned stance classifier is trained too and written to ``stance/``.
        overwrite: Replace ``output_dir`` if it exists (it is removed first, so no stale
            files from an earlier model remain).
        cache_dir: Keep parsed corpora here (``training.cache``); None parses every time.
        cues_dir: Folder of cue lists (``*.txt``) for the features (default: the packaged
            ones); copied into the model and fingerprinted in ``meta.json``.
        parity_cv: Genres of the training data to score by grouped cross-validation in
            the parity table (``training.parity``); genres of ``dev`` sources are scored on
            them. Empty and no ``dev``: no parity table.
        position_genres: Genres whose sentences get position features.
        parity_folds: Folds for the parity table's cross-validation (default: ``cv_folds``).
        measure_position: Also score each genre's own model with and without position
            features (``training.parity.position_effect``), for the card.
        relations: Train the relation parser too (False: units only, see ``train_units_only``).

    Returns:
        The metadata written to ``meta.json``, including all scores.
    """
    output_dir = Path(output_dir)
    if output_dir.exists():
        if not overwrite:
            raise ArgmineError(Errors.E024.format(path=str(output_dir)))
        if output_dir.is_dir():
            shutil.rmtree(output_dir)
        else:
            output_dir.unlink()
    for source in sources:
        if not format_tasks(source.format):
            what = ", ".join(sorted(registry.reader_labels(source.format))) or "no labels"
            trainable = ", ".join(f for f in formats() if format_tasks(f))
            raise ArgmineError(Errors.E023.format(source=str(source), fmt=source.format, what=what,
                                                  trainable=trainable))
    if stance_corpora is not None and not any(
            (Path(stance_corpora) / name).is_dir() for name in ("ibm-claim-stance", "iam", "newsmtsc")):
        raise ArgmineError(Errors.E026.format(path=str(stance_corpora)))
    nlp = units_pipeline(spacy_model)
    cues_dir = Path(cues_dir or PACKAGED_CUES)
    cues = read_cue_lists(cues_dir)
    timing: dict[str, float] = {}
    clock = time.perf_counter()

    def examples_of(source: DataSource, genre_docs: list | None = None) -> list:
        records = load_records(source)
        docs = parse_source_docs(source, records, nlp, cache_dir=cache_dir)
        if genre_docs is not None:
            genre_docs.extend((doc, record_genre(r, source.format)) for r, doc in zip(records, docs))
        return list(examples_from_records(records, nlp, tasks=format_tasks(source.format),
                                          corpus=source.format, docs=docs, cue_lists=cues))

    genre_docs: list = []
    examples = [e for source in sources for e in examples_of(source, genre_docs)]
    timing["read_and_parse"] = round(time.perf_counter() - clock, 1)
    clock = time.perf_counter()
    classifier = UnitClassifier(nlp)
    sizes: dict[str, Any] = {}
    for head in HEAD_LABELS:
        chosen, labels = head_examples(examples, head)
        with progress.phase(f"fit the {head.replace('_', ' ')} head"):
            model = fit_head(chosen, labels, seed=seed, C=C, position_genres=position_genres, head=head)
        sizes[head] = {"sentences": len(chosen), "labels": dict(sorted(Counter(labels).items())),
                       "genres": dict(sorted(Counter(e.genre for e in chosen).items()))}
        if model is None:
            logger.warning("No training data for the %s head; it is left out of the model.", head)
            continue
        classifier.models[head] = model
    if "component" not in classifier.models:
        raise ArgmineError(Errors.E013 + " (the component head needs at least two labels)")
    with progress.phase("fit the genre classifier"):
        classifier.genre_model = train_genre_model(genre_docs, seed=seed, C=C)
    genres = sorted({g for _, g in genre_docs})
    classifier.default_genre = genres[0] if len(genres) == 1 else None
    classifier.cues = cues
    classifier.to_disk(output_dir / "units", cues_from=cues_dir)
    timing["fit_units"] = round(time.perf_counter() - clock, 1)
    with progress.phase("cross-validate the genre classifier"):
        genre_scores = (cross_validate_genre(genre_docs, folds=cv_folds, seed=seed, C=C)
                        if classifier.genre_model is not None and len(genre_docs) >= cv_folds else None)

    dev_scores = {}
    dev_sets = []
    for source in dev:
        dev_examples = examples_of(source)
        dev_sets.append(EvalSet(str(source), dev_examples[0].genre if dev_examples else "news", dev_examples))
        with progress.phase(f"score {source} beside the baselines"):
            dev_scores[str(source)] = {head: compare(examples, dev_examples, head, seed=seed, C=C,
                                                     model=classifier.models.get(head))
                                       for head in ("component",)}
    cv_scores = {}
    for source in cv:
        cv_examples = examples_of(source)
        with progress.phase(f"cross-validate types on {source}"):
            cv_scores[str(source)] = cross_validate(cv_examples, heads=("claim_type", "evidence_type"),
                                                    folds=cv_folds, seed=seed, C=C)
    parity_rows = None
    if parity_cv:
        clock = time.perf_counter()
        heads = {}
        for head in HEAD_LABELS:
            chosen, labels = head_examples(examples, head)
            by_genre: dict[str, set] = {}
            for e, y in zip(chosen, labels):
                by_genre.setdefault(e.genre, set()).add(y)
            heads[head] = sorted(g for g, ys in by_genre.items() if len(ys) >= 2)
        with progress.phase("parity table"):
            parity_rows = parity(examples, heldout=dev_sets, cv_genres=list(parity_cv), heads=heads,
                                 folds=parity_folds or cv_folds, seed=seed, C=C,
                                 position_genres=position_genres)
        timing["parity"] = round(time.perf_counter() - clock, 1)
    effect = None
    if measure_position:
        with progress.phase("score position features: with and without"):
            effect = position_effect(examples, heldout=dev_sets, cv_genres=list(parity_cv),
                                     folds=parity_folds or cv_folds, seed=seed, C=C)

    relation_scores = (_train_relations(sources, dev, cv, nlp, classifier, output_dir, seed=seed, C=C,
                                        folds=cv_folds, cache_dir=cache_dir) if relations else None)

    stance_scores = None
    if stance_corpora is not None:
        from ..stance.learned import train_stance_models
        with progress.phase("train the stance classifier"):
            stance_scores = train_stance_models(Path(stance_corpora), output_dir / "stance", seed=seed)

    meta = {
        "name": output_dir.name, "argmine_version": __version__, "schema": SCHEMA_VERSION,
        "spacy_version": spacy.__version__,
        "spacy_pipeline": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "trained": date.today().isoformat(), "seed": seed, "C": C,
        "sources": [{"source": str(s), "sha256": fingerprint(s)} for s in sources],
        "sizes": sizes, "dev": dev_scores, "cv": cv_scores,
        "heads": sorted(classifier.models),
        "units": {"genres": classifier.genres or genres, "position_genres": sorted(position_genres),
                  "cue_lists": fingerprint_cue_lists(output_dir / "units" / "cues"),
                  "genre_classifier": genre_scores, "parity": parity_rows, "position_effect": effect,
                  "seconds": timing},
        "stance": stance_scores,
        "relations": relation_scores,
    }
    (output_dir / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    write_card(meta, output_dir / "README.md")
    # Last, once every file is written: loading refuses a model whose files changed since.
    return write_checksums(output_dir)


def _train_relations(sources: Sequence[DataSource], dev: Sequence[DataSource], cv: Sequence[DataSource],
                     nlp: Any, classifier: UnitClassifier, output_dir: Path, *, seed: int, C: float,
                     folds: int, cache_dir: str | Path | None = None) -> dict[str, Any] | None:
    """Fit the relation parser on the structured sources, write ``relations/`` and score it.

    In cross-validation of a source that is also a training source, every fold trains on
    the other training sources plus the fold's training part, as the shipped model would.
    """
    from .relations import cross_validate_parsed, load_relation_sources, score_parsed, summary, train_parser

    parsed = load_relation_sources(sources, nlp, cache_dir=cache_dir)
    with progress.phase("fit the relation parser"):
        parser = train_parser(parsed, C=C, seed=seed)
    if parser is None:
        return None
    parser.to_disk(output_dir / "relations")
    dev_scores = {}
    for name, docs in load_relation_sources(dev, nlp, cache_dir=cache_dir).items():
        with progress.phase(f"score links on {name}"):
            dev_scores[name] = score_parsed(parser, docs, classifier)
    cv_scores = {}
    for name, docs in load_relation_sources(cv, nlp, cache_dir=cache_dir).items():
        extra = [d for other, pairs in parsed.items() if other != name for d, _ in pairs]
        with progress.phase(f"cross-validate links on {name}"):
            cv_scores[name] = cross_validate_parsed(docs, extra=extra, folds=folds, seed=seed, C=C)
    return {"models": sorted(parser.models), "sizes": summary(parsed), "dev": dev_scores, "cv": cv_scores}


def train_relations_only(sources: Sequence[DataSource], model_dir: str | Path, *,
                         dev: Sequence[DataSource] = (), cv: Sequence[DataSource] = (),
                         seed: int = 0, C: float = 1.0, cv_folds: int = 5,
                         spacy_model: str | None = None,
                         cache_dir: str | Path | None = None) -> dict[str, Any]:
    """Retrain only the relation parser of an existing model directory.

    The unit classifier (``units/``) and everything else stay as they are; ``relations/``,
    the ``relations`` entry of ``meta.json`` and the card are rewritten. Predicted-unit
    scores use the directory's own unit classifier. ``cache_dir`` is the parse cache, as
    in :func:`train`.
    """
    model_dir = Path(model_dir)
    meta_path = model_dir / "meta.json"
    if not meta_path.is_file():
        raise ArgmineError(Errors.E011.format(path=str(model_dir), name="meta.json"))
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    nlp = units_pipeline(spacy_model)
    classifier = UnitClassifier(nlp).from_disk(model_dir / "units")
    if (model_dir / "relations").is_dir():
        shutil.rmtree(model_dir / "relations")
    meta["relations"] = _train_relations(sources, dev, cv, nlp, classifier, model_dir, seed=seed,
                                         C=C, folds=cv_folds, cache_dir=cache_dir)
    if meta["relations"] is None:
        raise ArgmineError(Errors.E013 + " (no source carries relations or a main claim)")
    meta["relations"]["sources"] = [{"source": str(s), "sha256": fingerprint(s)} for s in sources]
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_card(meta, model_dir / "README.md")
    return write_checksums(model_dir)


# meta.json entries that describe the unit classifier; a units-only retraining replaces these.
_UNIT_KEYS = ("argmine_version", "schema", "spacy_version", "spacy_pipeline", "trained", "seed", "C",
              "sources", "sizes", "dev", "cv", "heads", "units")


def train_units_only(sources: Sequence[DataSource], model_dir: str | Path, **options: Any) -> dict[str, Any]:
    """Retrain only the unit classifier (``units/``) of an existing model directory.

    The relation parser, the stance models and their entries in ``meta.json`` stay as they
    are. The card is written again from ``meta.json``; the sections its writer does not
    produce (hand-written ones, sections appended by other trainers) are carried over.

    Args:
        sources: Training data, as for ``train``.
        model_dir: The model directory to update.
        **options: Keyword options of ``train`` (``dev``, ``cv``, ``parity_cv``, ...), except
            ``stance_corpora``, ``overwrite`` and ``relations``.
    """
    model_dir = Path(model_dir)
    meta_path = model_dir / "meta.json"
    if not meta_path.is_file():
        raise ArgmineError(Errors.E011.format(path=str(model_dir), name="meta.json"))
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(dir=model_dir.parent) as tmp:
        fresh = train(sources, Path(tmp) / "model", stance_corpora=None, relations=False, **options)
        if (model_dir / "units").is_dir():
            shutil.rmtree(model_dir / "units")
        shutil.move(str(Path(tmp) / "model" / "units"), str(model_dir / "units"))
    meta.update({key: fresh[key] for key in _UNIT_KEYS})
    meta.pop("checksums", None)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    card = model_dir / "README.md"
    old = card.read_text(encoding="utf-8") if card.is_file() else ""
    write_card(meta, card)
    card.write_text(carry_sections(old, card.read_text(encoding="utf-8")), encoding="utf-8")
    return write_checksums(model_dir)
