"""A progress line on the terminal for long commands: documents, words per second, elapsed.

Shown on stderr only when stderr is a terminal and ``--quiet`` is not given, so pipes,
files and CI logs stay clean; records on stdout are never mixed with it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..schema import Document

D = TypeVar("D", bound=Document)


class _Rate(ProgressColumn):
    """Words per second over the run so far."""

    def render(self, task: Task) -> Text:
        words = task.fields.get("words", 0)
        elapsed = task.elapsed or 0.0
        return Text(f"{words / elapsed:,.0f} words/s" if elapsed > 0 else "", style="cyan")


def enabled(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


@contextmanager
def document_progress(what: str, *, quiet: bool = False):
    """Yield a function that wraps an iterable of records and counts them as they pass."""
    if not enabled(quiet):
        yield lambda docs: docs
        return
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                        TextColumn("{task.completed:,} documents"), _Rate(), TimeElapsedColumn(),
                        console=Console(stderr=True), transient=True)
    with progress:
        task = progress.add_task(what, total=None, words=0)

        def track(docs: Iterable[D]) -> Iterator[D]:
            words = 0
            for doc in docs:
                # Whitespace-separated words: cheap, and close to spaCy's token count.
                words += len(doc.text.split())
                progress.update(task, advance=1, words=words)
                yield doc

        yield track
