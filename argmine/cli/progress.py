"""The progress bar of long commands (annotate, train, evaluate, convert), drawn with Rich.

One helper for all of them: ``with progress(quiet=quiet):`` installs a reporter for the
library's progress hooks (``argmine.progress``), so every corpus parsed, model fitted or
document analysed inside the block gets a line with its count, words per second and, when
the total is known, a bar and the time left. Shown on stderr only when stderr is a terminal
and ``--quiet`` is not given, so pipes, files and CI logs stay clean and records on stdout
are never mixed with it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from ..progress import Reporter, reporting, track, words_of

T = TypeVar("T")


class _Count(ProgressColumn):
    """``12 / 300 documents``, or ``12 documents`` when the total is unknown."""

    def render(self, task: Task) -> Text:
        if not task.fields.get("counted"):
            return Text("")
        done = f"{int(task.completed):,}"
        unit = task.fields.get("unit", "documents")
        return Text(f"{done} / {int(task.total):,} {unit}" if task.total is not None else f"{done} {unit}")


class _Rate(ProgressColumn):
    """Words per second over the task so far (items per second when words are not counted)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if elapsed <= 0 or not task.fields.get("counted"):
            return Text("")
        words = task.fields.get("words")
        rate, unit = (words, "words/s") if words is not None else (task.completed, "/s")
        return Text(f"{rate / elapsed:,.0f} {unit}", style="cyan")


class _Remaining(TimeRemainingColumn):
    """The estimate only when the total is known (Rich would show ``-:--:--``)."""

    def render(self, task: Task) -> Text:
        return super().render(task) if task.total is not None else Text("")


def enabled(quiet: bool) -> bool:
    """Whether to draw: stderr is a terminal and ``--quiet`` was not given."""
    return not quiet and sys.stderr.isatty()


class RichReporter:
    """A reporter (``argmine.progress.Reporter``) that draws each task as a line of a Rich ``Progress``."""

    def __init__(self, console: Console | None = None):
        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=24),
                            _Count(), _Rate(), _Remaining(), TimeElapsedColumn(),
                            console=console or Console(stderr=True))

    def track(self, items: Iterable[T], *, what: str, total: int | None = None,
              words: Callable[[T], int] | None = None) -> Iterator[T]:
        # A finished task stays on screen with its count and rate, a summary of the run.
        task = self.bar.add_task(what, total=total, counted=True, words=0 if words else None)
        count = 0
        for item in items:
            if words is not None:
                count += words(item)
                self.bar.update(task, advance=1, words=count)
            else:
                self.bar.update(task, advance=1)
            yield item
        # Freezes the elapsed time, so the rate shown is the task's own.
        self.bar.stop_task(task)

    @contextmanager
    def phase(self, what: str) -> Iterator[None]:
        # A step without a count is shown only while it runs.
        task = self.bar.add_task(what, total=None, counted=False)
        try:
            yield
        finally:
            self.bar.remove_task(task)


@contextmanager
def progress(*, quiet: bool = False, console: Console | None = None) -> Iterator[Reporter | None]:
    """Show the library's progress inside the block when :func:`enabled` (or a console is given).

    Args:
        quiet: Show nothing (``--quiet``).
        console: Draw here instead of on stderr (tests pass a console forced to be a terminal).

    Yields:
        The reporter, or None when nothing is shown.
    """
    if quiet or (console is None and not enabled(quiet)):
        yield None
        return
    reporter = RichReporter(console)
    with reporter.bar, reporting(reporter):
        yield reporter


def document_progress(what: str, *, quiet: bool = False) -> AbstractContextManager[Any]:
    """``with document_progress("annotate") as counted: for doc in counted(docs): ...``.

    Counts records (anything with a ``text``) as they pass, with their words.
    """

    @contextmanager
    def run() -> Iterator[Callable[[Iterable[T]], Iterator[T]]]:
        with progress(quiet=quiet):
            yield lambda docs: track(docs, what=what, words=lambda doc: words_of(doc.text))  # type: ignore[attr-defined]

    return run()
