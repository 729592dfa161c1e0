"""The public entry points: ``load`` a pipeline, ``analyze`` one text, ``annotate`` many."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from spacy.language import Language

from .convert import from_doc
from .errors import ArgmineError, Errors, ModelError
from .nlp import load_spacy, units_pipeline
from .pipeline import unit_classifier as _unit_classifier  # noqa: F401  (registers the factory)
from .schema import Document

DEFAULT_MODEL = Path(__file__).resolve().parent / "data" / "default-model"


def _model_dir(model: str | Path | None) -> Path:
    path = Path(model) if model is not None else DEFAULT_MODEL
    if not (path / "units" / "cfg.json").is_file():
        raise ModelError(Errors.E011.format(path=str(path), name="units/cfg.json"))
    return path


def load(model: str | Path | None = None, *, spacy_model: str | None = None,
         units_only: bool = False) -> Language:
    """Load the English pipeline with argmine's unit classifier added.

    Args:
        model: An argmine model directory (default: the bundled model).
        spacy_model: spaCy pipeline name or path (default: see ``nlp.load_spacy``).
        units_only: Leave out the parser and NER (about twice as fast); actors and
            stance then cannot be found.
    """
    path = _model_dir(model)
    nlp = units_pipeline(spacy_model) if units_only else load_spacy(spacy_model)
    classifier = cast(_unit_classifier.UnitClassifier, nlp.add_pipe("argmine_unit_classifier", last=True))
    classifier.from_disk(path / "units")
    nlp.meta.setdefault("argmine", {})
    nlp.meta["argmine"].update({"model": str(path), "units_only": units_only})
    return nlp


def _model_path(nlp: Language) -> Path:
    return Path(nlp.meta.get("argmine", {}).get("model", DEFAULT_MODEL))


def annotate(records: Iterable[Document], *, nlp: Language, targets: Sequence[str] = (),
             terms: Mapping[str, Sequence[str]] | None = None, batch_size: int = 32,
             n_process: int = 1) -> Iterator[Document]:
    """Analyse documents lazily, in input order.

    Args:
        records: Documents to analyse (their ``id`` and ``meta`` are kept).
        nlp: A pipeline from ``load``.
        targets: Stance targets (free text), e.g. "detente with North Korea".
        terms: Extra words or phrases naming a target, by target, e.g.
            ``{"detente with North Korea": ["thaw", "peace offensive"]}``.
        batch_size: Texts per spaCy batch.
        n_process: Worker processes for spaCy (pays off from about a thousand documents).
    """
    targets = [t.strip() for t in targets]
    if any(not t for t in targets):
        raise ArgmineError(Errors.E016)
    units_only = nlp.meta.get("argmine", {}).get("units_only", False)
    if targets and units_only:
        raise ArgmineError(Errors.E020)
    learned = _learned_stance(nlp) if targets else None
    failure: list[ArgmineError] = []

    def pairs():
        # A bad input line must not discard the documents read before it: stop feeding,
        # let spaCy finish the batch in flight, then raise.
        try:
            for r in records:
                yield r.text, r
        except ArgmineError as e:
            failure.append(e)

    for doc, record in nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        result = from_doc(doc, doc_id=record.id, meta=record.meta)
        if not units_only:
            result = _add_actors_and_stances(doc, result, targets, record.meta, nlp, learned, terms)
        yield result
    if failure:
        raise failure[0]


# The stance classifier belongs to a loaded pipeline; keyed weakly so it goes with it.
_STANCE_MODELS: weakref.WeakKeyDictionary[Language, Any] = weakref.WeakKeyDictionary()


def _learned_stance(nlp: Language):
    """The model's sentence-stance classifier, if it ships one (``stance/target_stance``).

    Loaded once per pipeline, so ``analyze`` in a loop does not re-read it each call.
    """
    if nlp in _STANCE_MODELS:
        return _STANCE_MODELS[nlp]
    path = _model_path(nlp) / "stance" / "target_stance"
    model = None
    if path.is_dir():
        from .stance.learned import StanceClassifier

        model = StanceClassifier.from_disk(path)
    _STANCE_MODELS[nlp] = model
    return model


def _add_actors_and_stances(doc: Any, result: Document, targets: Sequence[str],
                            meta: Mapping[str, Any], nlp: Language, learned: Any,
                            terms: Mapping[str, Sequence[str]] | None) -> Document:
    from .stance.attribution import attribute

    return attribute(doc, result, targets=targets, author=meta.get("author"), nlp=nlp,
                     learned=learned, terms=terms)


def analyze(text: str, *, nlp: Language | None = None, targets: Sequence[str] = (),
            terms: Mapping[str, Sequence[str]] | None = None, doc_id: str = "doc",
            meta: Mapping[str, Any] | None = None) -> Document:
    """Analyse one text and return its record (units, actors, stances)."""
    nlp = nlp or load()
    record = Document(id=doc_id, text=text, meta=dict(meta or {}))
    return next(annotate([record], nlp=nlp, targets=targets, terms=terms))
