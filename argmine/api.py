"""The public entry points: ``load`` a pipeline, ``analyze`` one text, ``annotate`` many."""

from __future__ import annotations

import logging
import signal
import threading
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from .convert import from_doc
from .pipeline import unit_classifier as _unit_classifier  # noqa: F401  (registers the factory)
from .errors import ArgmineError, Errors, ModelError
from .models.integrity import verify
from .nlp import load_spacy, units_pipeline
from .pieces import PIECE_CHARS, merge_records, split_text
from .schema import Document

logger = logging.getLogger("argmine")

DEFAULT_MODEL = Path(__file__).resolve().parent / "data" / "default-model"


def _model_dir(model: str | Path | None) -> Path:
    path = Path(model) if model is not None else DEFAULT_MODEL
    if not (path / "units" / "cfg.json").is_file():
        raise ModelError(Errors.E011.format(path=str(path), name="units/cfg.json"))
    # Before any model file is read: refuse changed, damaged or unknown-version models.
    verify(path)
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
    nlp.add_pipe("argmine_unit_classifier", last=True).from_disk(path / "units")
    nlp.meta.setdefault("argmine", {})
    nlp.meta["argmine"].update({"model": str(path), "units_only": units_only})
    return nlp


def _model_path(nlp: Language) -> Path:
    return Path(nlp.meta.get("argmine", {}).get("model", DEFAULT_MODEL))


def annotate(records: Iterable[Document], *, nlp: Language, targets: Sequence[str] = (),
             terms: Mapping[str, Sequence[str]] | None = None, batch_size: int = 32,
             n_process: int = 1, skip_invalid: bool = False,
             piece_chars: int = PIECE_CHARS) -> Iterator[Document]:
    """Analyse documents lazily, in input order.

    A text longer than ``piece_chars`` (or than spaCy's ``nlp.max_length``) is analysed
    in pieces cut at paragraph, then sentence boundaries, and the pieces' units, actors
    and stances are merged into one record whose offsets index the whole text (see
    :mod:`argmine.pieces`), so time grows linearly with length and memory stays bounded.

    Args:
        records: Documents to analyse (their ``id`` and ``meta`` are kept).
        nlp: A pipeline from ``load``.
        targets: Stance targets (free text), e.g. "detente with North Korea".
        terms: Extra words or phrases naming a target, by target, e.g.
            ``{"detente with North Korea": ["thaw", "peace offensive"]}``.
        batch_size: Texts per spaCy batch.
        n_process: Worker processes for spaCy (pays off from about a thousand documents).
        skip_invalid: Log and skip a document that cannot be analysed instead of
            raising. Either way, every document before it has been yielded.
        piece_chars: Longest piece of text analysed at once.

    Raises:
        ArgmineError: A bad input record or a document that cannot be analysed, after
            all the documents before it.
    """
    targets = [t.strip() for t in targets]
    if any(not t for t in targets):
        raise ArgmineError(Errors.E016)
    units_only = nlp.meta.get("argmine", {}).get("units_only", False)
    if targets and units_only:
        raise ArgmineError(Errors.E020)
    learned = _learned_stance(nlp) if targets else None
    limit = max(1, min(piece_chars, nlp.max_length - 1))
    failure: list[ArgmineError] = []

    def pieces():
        # A bad input line must not discard the documents read before it: stop feeding,
        # let spaCy finish the batch in flight, then raise.
        try:
            for r in records:
                parts = split_text(r.text, limit)
                for k, piece in enumerate(parts):
                    # The whole record travels only with its last piece (worker pipes copy it).
                    last = k == len(parts) - 1
                    yield piece.text, (piece.start, r.id, r.meta, r if last else None)
        except ArgmineError as e:
            failure.append(e)

    done: list[tuple[int, Document]] = []
    error: ArgmineError | None = None
    for doc, (start, doc_id, meta, record) in _pipe(nlp, pieces(), batch_size, n_process):
        if error is None:
            try:
                part = from_doc(doc, doc_id=doc_id, meta=meta)
                if not units_only:
                    part = _add_actors_and_stances(doc, part, targets, meta, nlp, learned, terms)
                done.append((start, part))
            except ArgmineError as e:
                error = e
            except Exception as e:  # noqa: BLE001 - one document must not lose the others
                logger.debug("analysis of %r failed", doc_id, exc_info=True)
                error = ArgmineError(Errors.E099.format(detail=f"{type(e).__name__}: {e}",
                                                        where=f"document {doc_id!r}"))
        if record is None:
            continue
        parts, done = done, []
        if error is not None:
            if not skip_invalid:
                raise error
            logger.warning("skipped document %r: %s", doc_id, error)
            error = None
            continue
        yield merge_records(record, parts)
    if failure:
        raise failure[0]


def _pipe(nlp: Language, items: Iterable[tuple[str, Any]], batch_size: int, n_process: int
          ) -> Iterator[tuple[Any, Any]]:
    """``nlp.pipe`` over ``(text, context)`` pairs; workers ignore Ctrl-C (the parent handles it).

    Without this, Ctrl-C reaches every worker process, and each prints its own traceback.
    """
    if n_process == 1:
        # Batches bounded in characters as well as in texts: a batch of 32 long pieces
        # would hold the parser's state for all of them at once.
        for batch in _batches(items, batch_size, 2 * PIECE_CHARS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
        return
    stream = nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process)
    if threading.current_thread() is not threading.main_thread():
        yield from stream
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        # The workers start (and inherit the ignored signal) on the first item.
        first = next(stream, None)
    finally:
        signal.signal(signal.SIGINT, previous)
    if first is None:
        return
    yield first
    yield from stream


def _batches(items: Iterable[tuple[str, Any]], size: int, chars: int) -> Iterator[list[tuple[str, Any]]]:
    """Group items into lists of at most ``size`` texts and about ``chars`` characters."""
    batch: list[tuple[str, Any]] = []
    total = 0
    for item in items:
        if batch and (len(batch) >= size or total + len(item[0]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += len(item[0])
    if batch:
        yield batch


# The stance classifier belongs to a loaded pipeline; keyed weakly so it goes with it.
_STANCE_MODELS: "weakref.WeakKeyDictionary[Language, Any]" = weakref.WeakKeyDictionary()


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

        try:
            model = StanceClassifier.from_disk(path)
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise ModelError(Errors.E021.format(path=str(path), detail=f"{type(e).__name__}: {e}")) from e
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
    """Analyse one text and return its record (units, actors, stances).

    Safe to call from several threads on one pipeline: calls on the same pipeline take
    turns (spaCy pipelines are not thread-safe), so results equal those of serial calls.
    """
    nlp = nlp or load()
    record = Document(id=doc_id, text=text, meta=dict(meta or {}))
    with _lock_for(nlp):
        return next(annotate([record], nlp=nlp, targets=targets, terms=terms))


_LOCKS: "weakref.WeakKeyDictionary[Language, threading.Lock]" = weakref.WeakKeyDictionary()
_LOCKS_GUARD = threading.Lock()


def _lock_for(nlp: Language) -> threading.Lock:
    with _LOCKS_GUARD:
        if nlp not in _LOCKS:
            _LOCKS[nlp] = threading.Lock()
        return _LOCKS[nlp]
