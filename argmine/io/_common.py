"""Pieces every reader shares: its coded errors and the author actor."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from ..errors import Errors, SchemaError
from ..schema import Actor


class Where(NamedTuple):
    """A place in the input: a file and, where the format has lines, a 1-based line."""

    path: str | Path
    lineno: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.lineno}" if self.lineno is not None else str(self.path)


def _error(message: str, at: Where | None) -> SchemaError:
    if at is None:
        return SchemaError(message)
    return SchemaError(message, path=str(at.path), lineno=at.lineno)


def malformed(fmt: str, detail: str, at: Where | None = None) -> SchemaError:
    """[E101] The input does not have the layout the ``fmt`` reader expects."""
    return _error(Errors.E101.format(fmt=fmt, detail=detail), at)


def unknown_label(fmt: str, kind: str, label: str, allowed: str | Iterable[str],
                  at: Where | None = None) -> SchemaError:
    """[E102] A label outside the reader's label set."""
    if not isinstance(allowed, str):
        allowed = ", ".join(allowed)
    return _error(Errors.E102.format(fmt=fmt, kind=kind, label=label, allowed=allowed), at)


def undefined(what: str, ref: str, scope: str, at: Where | None = None) -> SchemaError:
    """[E103] A reference (relation end, attribute target) to something the record lacks."""
    return _error(Errors.E103.format(what=what, ref=ref, scope=scope), at)


def author(actor_id: str = "a0") -> Actor:
    """The text's author, the holder of the stances of essays, claims and news sentences."""
    return Actor(id=actor_id, name="author", kind="person", role="author", mentions=[])
