"""The public entry points: ``load`` a pipeline, ``analyze`` one text, ``annotate`` many."""

from __future__ import annotations

import logging
import os
import signal
import threading
import warnings
import weakref
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .convert import from_doc
from .errors import ArgmineError, Errors, ModelError
from .extensions import ensure_extensions
from .models.integrity import verify
from .morphology import use_fast_morphology
from .nlp import load_spacy, units_pipeline
from .pieces import PIECE_CHARS, merge_records, split_text
from .pipeline import actors as _actors  # noqa: F401  (the imports register the factories)
from .pipeline import relations as _relations  # noqa: F401
from .pipeline import sources as _sources  # noqa: F401
from .pipeline import stance as _stance  # noqa: F401
from .pipeline import unit_classifier as _unit_classifier  # noqa: F401
from .schema import Document
from .workers import fork_available, pipe_converted

T = TypeVar("T")

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
    """Load the English pipeline with argmine's components added.

    The pipeline is spaCy's, then ``argmine_unit_classifier``, ``argmine_relations`` (when the model has a
    ``relations/`` part) and, unless ``units_only``,
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
    nlp = units_pipeline(spacy_model) if units_only else use_fast_morphology(load_spacy(spacy_model))
    classifier: Any = nlp.add_pipe("argmine_unit_classifier", last=True)
    classifier.from_disk(path / "units")
    # Models trained before argument structure existed have no relations/ part.
    if (path / "relations" / "cfg.json").is_file():
        relations: Any = nlp.add_pipe("argmine_relations", last=True)
        relations.from_disk(path / "relations")
    fingerprints: dict[str, str] = {}
    if not units_only:
        for name, sub in (("argmine_actors", "actors"), ("argmine_sources", "sources"),
                          ("argmine_stance", "stance")):
            pipe: Any = nlp.add_pipe(name, last=True)
            if (path / sub / "cfg.json").is_file():
                pipe.from_disk(path / sub)
            elif name == "argmine_stance":
                pipe.initialize(learned_path=path / "stance")
            else:
                pipe.initialize()
            fingerprints.update(pipe.fingerprints())
    nlp.meta.setdefault("argmine", {})
    # The bundled model is recorded by name, so a saved pipeline names no local folder.
    where = path.name if path == DEFAULT_MODEL else str(path)
    nlp.meta["argmine"].update({"model": where, "units_only": units_only,
                                "tables": fingerprints})
    return nlp


def model_genres(nlp: Language) -> list[str]:
    """The genres the pipeline's unit classifier was trained on."""
    return list(getattr(nlp.get_pipe("argmine_unit_classifier"), "genres", None) or [])


def annotate(records: Iterable[Document], *, nlp: Language, targets: Sequence[str] = (),
             terms: Mapping[str, Sequence[str]] | None = None,
             target_kinds: Mapping[str, str] | None = None, batch_size: int = 32,
             n_process: int = 1, skip_invalid: bool = False,
             piece_chars: int = PIECE_CHARS, keep_gold: bool = False,
             genre: str | None = None) -> Generator[Document, None, None]:
    """Analyse documents lazily, in input order.

    Each document is analysed for ``targets`` plus the targets its own ``meta.targets``
    lists (a list of strings). Every distinct target is parsed once per call.

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
        target_kinds: The kind of a target ("policy", "actor", "event", "motion"), by
            target, where the kind recognised from its text is wrong; the key "*" sets
            every target's kind.
        batch_size: Texts per spaCy batch.
        n_process: Worker processes for spaCy (pays off from about a thousand documents).
        skip_invalid: Log and skip a document that cannot be analysed instead of
            raising. Either way, every document before it has been yielded.
        piece_chars: Longest piece of text analysed at once.
        keep_gold: Keep the units and relations an input record already carries in
            ``meta["gold"]`` (``{"units": [...], "relations": [...]}``) beside the predictions.
            Without it they are replaced, and one warning says how many records had any.
        genre: The genre of every document (one of ``model_genres(nlp)``), or None / "auto"
            to take each record's ``meta.genre`` when the model knows it and otherwise let
            the model predict it (the prediction and its probability go to
            ``meta.genre_predicted``).

    Raises:
        ArgmineError: A bad input record or a document that cannot be analysed, after
            all the documents before it.
    """
    targets = _clean_targets(targets)
    units_only = nlp.meta.get("argmine", {}).get("units_only", False)
    if targets and units_only:
        raise ArgmineError(Errors.E020)
    stance: Any = None if units_only else nlp.get_pipe("argmine_stance")
    if stance is not None:
        # Bad target kinds fail here, before any document is read.
        stance.configure(targets=targets, terms=terms, kinds=target_kinds)
    limit = max(1, min(piece_chars, nlp.max_length - 1))
    known = model_genres(nlp)
    if genre not in (None, "auto") and genre not in known:
        raise ArgmineError(Errors.E047.format(genre=genre, choices=", ".join(known) or "none"))
    failure: list[ArgmineError] = []
    ensure_extensions()

    def pieces():
        # A bad input line must not discard the documents read before it: stop feeding,
        # let spaCy finish the batch in flight, then raise.
        try:
            for r in records:
                # A units-only run reads no stances, so a record's own meta.targets wait
                # for a full run (annotations/ carry them).
                own = [] if units_only else _record_targets(r, targets)
                stated = genre if genre not in (None, "auto") else r.meta.get("genre")
                parts = split_text(r.text, limit)
                for k, piece in enumerate(parts):
                    # The whole record stays in this process, with its last piece.
                    last = k == len(parts) - 1
                    job = (r.id, r.meta)
                    context = (piece.start, r.id, r if last else None)
                    if stated not in known and own == targets:
                        # Plain text: worker processes tokenize it themselves.
                        yield piece.text, job, context
                        continue
                    # A stated genre and the record's own targets travel on the Doc.
                    yield (piece.text, stated if stated in known else None,
                           own if own != targets else None), job, context
        except ArgmineError as e:
            failure.append(e)

    replaced = 0
    done: list[tuple[int, Document]] = []
    error: ArgmineError | None = None
    for result, (start, doc_id, record) in _analysed(nlp, pieces(), batch_size, n_process):
        if error is None:
            if isinstance(result, ArgmineError):
                error = result
            else:
                done.append((start, result))
        if record is None:
            continue
        parts, done = done, []
        if error is not None:
            if not skip_invalid:
                raise error
            logger.warning("skipped document %r: %s", doc_id, error)
            error = None
            continue
        result = merge_records(record, parts)
        if record.units or record.relations:
            if keep_gold:
                result = result.model_copy(update={"meta": {**result.meta, "gold": gold_annotation(record)}})
            else:
                replaced += 1
        yield result
    if replaced:
        logger.warning("%d input record(s) carried units or relations; they were replaced by "
                       "predictions. Pass keep_gold=True (--keep-gold) to keep them in meta.gold.",
                       replaced)
    if failure:
        raise failure[0]


def gold_annotation(record: Document) -> dict[str, Any]:
    """A record's own units and relations as JSON, for ``meta["gold"]``."""
    data = record.to_dict()
    return {"units": data["units"], "relations": data["relations"]}


def _make_input(nlp: Language, spec: str | tuple[str, str | None, list[str] | None]) -> str | Doc:
    """spaCy's input for a piece: its text, or a Doc carrying a stated genre or its own targets."""
    if isinstance(spec, str):
        return spec
    text, genre, own = spec
    doc = nlp.make_doc(text)
    doc._.argmine_genre = genre
    if own is not None:
        doc._.argmine_targets = own
    return doc


def _spec_text(spec: str | tuple[str, str | None, list[str] | None]) -> str:
    return spec if isinstance(spec, str) else spec[0]


def _to_record(doc: Doc, job: tuple[str, Mapping[str, Any]]) -> Document | ArgmineError:
    """The record of an analysed piece, or the error that stops it (returned, so workers send it back)."""
    doc_id, meta = job
    try:
        return from_doc(doc, doc_id=doc_id, meta=meta)
    except ArgmineError as e:
        return e
    except Exception as e:  # noqa: BLE001 - one document must not lose the others
        logger.debug("analysis of %r failed", doc_id, exc_info=True)
        return ArgmineError(Errors.E099.format(detail=f"{type(e).__name__}: {e}", where=f"document {doc_id!r}"))


def _analysed(nlp: Language, pieces: Iterable[tuple[Any, Any, Any]], batch_size: int, n_process: int
              ) -> Iterator[tuple[Document | ArgmineError, Any]]:
    """``(record or error, context)`` for each ``(spec, job, context)`` piece, in input order.

    Several processes: forked workers that send back records (``argmine.workers``), where
    fork exists; else spaCy's own multiprocessing.
    """
    if n_process > 1 and fork_available():
        batches = _batches(pieces, batch_size, 2 * PIECE_CHARS, text_of=_spec_text)
        yield from pipe_converted(nlp, batches, make=_make_input, convert=_to_record, n_process=n_process)
        return
    items = ((_make_input(nlp, spec), (job, context)) for spec, job, context in pieces)
    for doc, (job, context) in _pipe(nlp, items, batch_size, n_process):
        yield _to_record(doc, job), context


def _pipe(nlp: Language, items: Iterable[tuple[str | Doc, Any]], batch_size: int, n_process: int
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
    # Forked workers inherit this handler: on Ctrl-C they exit at once and quietly, and the
    # parent alone reports (KeyboardInterrupt). Ignoring the signal instead would leave
    # spaCy waiting for workers that never finish.
    previous = signal.signal(signal.SIGINT, _exit_quietly)
    try:
        # The workers start on the first item.
        first = next(stream, None)
    finally:
        signal.signal(signal.SIGINT, previous)
    with warnings.catch_warnings():
        # W127 ("not all workers completed") is what an interrupted run expects.
        warnings.filterwarnings("ignore", message=r".*W127")
        try:
            if first is None:
                return
            yield first
            yield from stream
        finally:
            # Stop the workers now (spaCy sends them the sentinel and joins them), not at exit.
            stream.close()  # type: ignore[attr-defined]  # nlp.pipe returns a generator


def _exit_quietly(signum: int, frame: Any) -> None:
    os._exit(128 + signum)


def _batches(items: Iterable[T], size: int, chars: int, *, text_of: Callable[[Any], str] | None = None
             ) -> Iterator[list[T]]:
    """Group items into lists of at most ``size`` texts and about ``chars`` characters.

    An item's first element is its text, a Doc, or what ``text_of`` reads the text from.
    """
    batch: list[T] = []
    total = 0
    for item in items:
        first = item[0]  # type: ignore[index]
        n = len(text_of(first) if text_of else first.text if isinstance(first, Doc) else first)
        if batch and (len(batch) >= size or total + n > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        yield batch


def _clean_targets(targets: Iterable[str]) -> list[str]:
    out = [t.strip() for t in targets]
    if any(not t for t in out):
        raise ArgmineError(Errors.E016)
    return list(dict.fromkeys(out))


def _record_targets(record: Document, targets: Sequence[str]) -> list[str]:
    """The run's targets followed by the record's own ``meta.targets``."""
    own = record.meta.get("targets")
    if own is None:
        return list(targets)
    if not isinstance(own, list) or not all(isinstance(t, str) for t in own):
        raise ArgmineError(Errors.E028.format(id=record.id, value=repr(own)[:80]))
    return _clean_targets([*targets, *own])


def analyze(text: str, *, nlp: Language | None = None, targets: Sequence[str] = (),
            terms: Mapping[str, Sequence[str]] | None = None,
            target_kinds: Mapping[str, str] | None = None, doc_id: str = "doc",
            meta: Mapping[str, Any] | None = None, genre: str | None = None) -> Document:
    """Analyse one text and return its record (units, actors, stances).

    Safe to call from several threads on one pipeline: calls on the same pipeline take
    turns (spaCy pipelines are not thread-safe), so results equal those of serial calls.
    """
    nlp = nlp or load()
    record = Document(id=doc_id, text=text, meta=dict(meta or {}))
    with _lock_for(nlp):
        return next(annotate([record], nlp=nlp, targets=targets, terms=terms,
                             target_kinds=target_kinds, genre=genre))


_LOCKS: weakref.WeakKeyDictionary[Language, threading.Lock] = weakref.WeakKeyDictionary()
_LOCKS_GUARD = threading.Lock()


def _lock_for(nlp: Language) -> threading.Lock:
    with _LOCKS_GUARD:
        if nlp not in _LOCKS:
            _LOCKS[nlp] = threading.Lock()
        return _LOCKS[nlp]
