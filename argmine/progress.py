"""Progress hooks: long library calls say how far they are, the caller decides what to show.

The library never prints. Functions that take minutes (parsing a training corpus,
scoring, analysing documents) pass their work through :func:`track` and :func:`phase`;
by default these do nothing. The command line installs a reporter with
:func:`reporting` (``argmine.cli.progress`` draws a Rich progress bar with it), and a
library user can install their own, e.g. to log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from typing import Protocol, TypeVar

T = TypeVar("T")


class Reporter(Protocol):
    """Something that shows progress; see ``argmine.cli.progress.RichReporter``."""

    def track(self, items: Iterable[T], *, what: str, total: int | None = None,
              words: Callable[[T], int] | None = None) -> Iterator[T]:
        """Yield ``items`` unchanged, counting them (and their words, if ``words`` is given)."""
        ...

    def phase(self, what: str) -> AbstractContextManager[None]:
        """A step with no count (fitting a model), shown while the block runs."""
        ...


class _Silent:
    def track(self, items: Iterable[T], *, what: str, total: int | None = None,
              words: Callable[[T], int] | None = None) -> Iterator[T]:
        return iter(items)

    def phase(self, what: str) -> AbstractContextManager[None]:
        return nullcontext()


_SILENT = _Silent()
_current: ContextVar[Reporter | None] = ContextVar("argmine_progress", default=None)


def _reporter() -> Reporter:
    return _current.get() or _SILENT


def track(items: Iterable[T], *, what: str, total: int | None = None,
          words: Callable[[T], int] | None = None) -> Iterator[T]:
    """Pass ``items`` through the current reporter (nothing is shown unless one is installed).

    Args:
        items: The work, consumed lazily.
        what: A short description ("parse aaec@train").
        total: How many items there are, when known (gives a bar and an ETA).
        words: The number of words in one item, for a words-per-second rate.
    """
    return _reporter().track(items, what=what, total=total, words=words)


def phase(what: str) -> AbstractContextManager[None]:
    """Report a step without a count for as long as the ``with`` block runs."""
    return _reporter().phase(what)


def words_of(text: str) -> int:
    """Whitespace-separated words: cheap, and close to spaCy's token count."""
    return len(text.split())


@contextmanager
def reporting(reporter: Reporter) -> Iterator[Reporter]:
    """Install ``reporter`` for the calls made inside the ``with`` block."""
    token = _current.set(reporter)
    try:
        yield reporter
    finally:
        _current.reset(token)
