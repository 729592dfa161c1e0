"""Worker processes for ``annotate(..., n_process=N)``: each returns finished records, not Docs.

spaCy's own ``nlp.pipe(n_process=N)`` sends every analysed ``Doc`` back to the parent as
bytes, and rebuilding a Doc that carries argmine's span groups and extension values costs
the parent about as much as the worker's whole analysis of a short text: with two workers
on two cores the parent became the bottleneck (1.08× one process for units only). Here each
worker turns its Docs into records itself (``convert``), and only the records travel.

Workers are forked, so they share the loaded pipeline with the parent (nothing is loaded
again) and start at once. Batches go out in order, at most ``2 * n_process`` at a time, and
come back in order, so memory stays bounded and output order equals input order. Where
``fork`` is not available (Windows, and macOS's default), spaCy's own multiprocessing is
used instead.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

Convert = Callable[[Doc, Any], Any]
Make = Callable[[Language, Any], "str | Doc"]

# Set in the parent just before the workers fork; each worker reads its inherited copy.
_JOB: tuple[Language, Make, Convert] | None = None
_FORKING = threading.Lock()


def fork_available() -> bool:
    return "fork" in mp.get_all_start_methods()


def _exit_quietly(signum: int, frame: Any) -> None:
    os._exit(128 + signum)


def _quiet_on_ctrl_c() -> None:
    # Ctrl-C reaches the whole process group: a worker leaves at once and without a
    # traceback; the parent alone reports.
    signal.signal(signal.SIGINT, _exit_quietly)


def _run(batch: list[tuple[Any, Any]]) -> list[Any]:
    """Analyse one batch of ``(input spec, job)`` pairs in a worker; return ``convert`` of each."""
    if _JOB is None:  # pragma: no cover - a worker always inherits the job
        raise RuntimeError("worker started without a pipeline")
    nlp, make, convert = _JOB
    docs = nlp.pipe((make(nlp, spec) for spec, _ in batch), batch_size=len(batch))
    return [convert(doc, job) for doc, (_, job) in zip(docs, batch, strict=True)]


def pipe_converted(nlp: Language, batches: Iterable[list[tuple[Any, Any, Any]]], *, make: Make,
                   convert: Convert, n_process: int) -> Iterator[tuple[Any, Any]]:
    """Analyse ``(spec, job, context)`` triples, batch by batch, in ``n_process`` forked workers.

    Args:
        nlp: The pipeline (shared with the workers by fork).
        batches: Lists of ``(spec, job, context)``: ``make(nlp, spec)`` gives spaCy's input
            (a text or a Doc), ``convert(doc, job)`` the result sent back (picklable);
            ``context`` never leaves this process.
        make: Builds the pipeline input from a spec, in the worker.
        convert: Turns an analysed Doc into its result, in the worker.
        n_process: Worker processes.

    Yields:
        ``(convert(doc, job), context)`` in input order.
    """
    global _JOB
    with _FORKING:  # two runs in two threads each fork with their own job
        _JOB = (nlp, make, convert)
        pool = mp.get_context("fork").Pool(n_process, initializer=_quiet_on_ctrl_c)
        _JOB = None
    try:
        pending: deque[tuple[list[Any], Any]] = deque()
        source = iter(batches)

        def submit() -> bool:
            batch = next(source, None)
            if batch is None:
                return False
            work = [(spec, job) for spec, job, _ in batch]
            pending.append(([context for _, _, context in batch], pool.apply_async(_run, (work,))))
            return True

        while len(pending) < 2 * n_process and submit():
            pass
        while pending:
            contexts, result = pending.popleft()
            done = result.get()
            submit()
            yield from zip(done, contexts, strict=True)
        pool.close()
    finally:
        # Also on an error, Ctrl-C or a caller that stops early: no worker outlives the call.
        pool.terminate()
        pool.join()
