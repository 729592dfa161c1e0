"""The public entry points: ``load`` a pipeline, ``analyze`` one text, ``annotate`` many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from .convert import from_doc
from .pipeline import actors as _actors  # noqa: F401  (the imports register the factories)
from .pipeline import sources as _sources  # noqa: F401
from .pipeline import stance as _stance  # noqa: F401
from .pipeline import unit_classifier as _unit_classifier  # noqa: F401
from .errors import ArgmineError, Errors, ModelError
from .nlp import load_spacy, units_pipeline
from .schema import Document

DEFAULT_MODEL = Path(__file__).resolve().parent / "data" / "default-model"


def _model_dir(model: str | Path | None) -> Path:
    path = Path(model) if model is not None else DEFAULT_MODEL
    if not (path / "units" / "cfg.json").is_file():
        raise ModelError(Errors.E011.format(path=str(path), name="units/cfg.json"))
    return path


def load(model: str | Path | None = None, *, spacy_model: str | None = None,
         units_only: bool = False) -> Language:
    """Load the English pipeline with argmine's components added.

    The pipeline is spaCy's, then ``argmine_unit_classifier`` and, unless ``units_only``,
    ``argmine_actors``, ``argmine_sources`` and ``argmine_stance``. Their tables come from
    the model directory when it holds them (a pipeline saved with ``nlp.to_disk``; load
    that with ``spacy.load``), else from the package. ``nlp.meta["argmine"]["tables"]``
    records each table's sha256, so ``nlp.to_disk`` writes them into ``meta.json``.

    Args:
        model: An argmine model directory (default: the bundled model).
        spacy_model: spaCy pipeline name or path (default: see ``nlp.load_spacy``).
        units_only: Leave out the parser and NER (about twice as fast); actors, reported
            speech and stance then cannot be found.
    """
    path = _model_dir(model)
    nlp = units_pipeline(spacy_model) if units_only else load_spacy(spacy_model)
    nlp.add_pipe("argmine_unit_classifier", last=True).from_disk(path / "units")
    fingerprints: dict[str, str] = {}
    if not units_only:
        for name, sub in (("argmine_actors", "actors"), ("argmine_sources", "sources"),
                          ("argmine_stance", "stance")):
            pipe = nlp.add_pipe(name, last=True)
            if (path / sub / "cfg.json").is_file():
                pipe.from_disk(path / sub)
            elif name == "argmine_stance":
                pipe.initialize(learned_path=path / "stance" / "target_stance")
            else:
                pipe.initialize()
            fingerprints.update(pipe.fingerprints())
    nlp.meta.setdefault("argmine", {})
    # The bundled model is recorded by name, so a saved pipeline names no local folder.
    where = path.name if path == DEFAULT_MODEL else str(path)
    nlp.meta["argmine"].update({"model": where, "units_only": units_only,
                                "tables": fingerprints})
    return nlp


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
    stance = None if units_only else nlp.get_pipe("argmine_stance")
    if stance is not None:
        stance.targets, stance.terms = targets, terms
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
        yield from_doc(doc, doc_id=record.id, meta=record.meta)
    if failure:
        raise failure[0]


def analyze(text: str, *, nlp: Language | None = None, targets: Sequence[str] = (),
            terms: Mapping[str, Sequence[str]] | None = None, doc_id: str = "doc",
            meta: Mapping[str, Any] | None = None) -> Document:
    """Analyse one text and return its record (units, actors, stances)."""
    nlp = nlp or load()
    record = Document(id=doc_id, text=text, meta=dict(meta or {}))
    return next(annotate([record], nlp=nlp, targets=targets, terms=terms))
