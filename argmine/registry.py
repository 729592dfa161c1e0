"""Catalogue registries, so a new corpus format is one module, not an if/elif chain.

A reader registers itself with what its records label, and everything else (training,
the CLI's format lists, error messages) reads that declaration here::

    from argmine import registry

    @registry.reader("mycorpus", labels=("units", "relations"))
    def read_mycorpus(path: Path) -> Iterator[Document]:
        ...

Another package can publish a reader through the ``argmine_readers`` entry point group; a
function decorated as above carries its labels along.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import catalogue

if TYPE_CHECKING:
    from .schema import Document

# A reader takes one source path (file or folder) and yields ``schema.Document``s.
readers = catalogue.create("argmine", "readers", entry_points=True)

# What a reader's records can label, and what each declaration promises.
LABELS: dict[str, str] = {
    "units": "claim/evidence/none over the whole text (text outside components is none)",
    "claim_type": "claim types in argmine's sense (value, policy, fact)",
    "evidence_type": "evidence types in argmine's sense (event, testimony, statistic, reference)",
    "claims": "some claims, not a segmentation of the whole text",
    "check_worthy": "check-worthy sentences (not argumentative claims)",
    "relations": "support/attack relations between units",
    "stances": "stances of actors toward targets",
    "actors": "actors and their mentions",
    "quotes": "quotations and reported speech with their speakers",
}

Reader = Callable[[Path], Iterator["Document"]]
R = TypeVar("R", bound=Callable[..., Any])


def reader(name: str, *, labels: Iterable[str] = (), genre: str | None = None) -> Callable[[R], R]:
    """Register a reader under ``name``, declaring what its records label and their genre.

    Args:
        name: The format name (``read_corpus(path, format=name)``, ``FORMAT:PATH`` sources).
        labels: Keys of ``LABELS``. Training learns the component head from sources that
            label ``units``, and the type heads from ``claim_type`` / ``evidence_type``.
        genre: The genre its documents are written in (essay, debate, microtext,
            discussion, news), which the genre-aware unit model learns; a record's
            ``meta.genre`` overrides it.

    Raises:
        ValueError: A label is not one of ``LABELS``.
    """
    declared = frozenset(labels)
    unknown = sorted(declared - set(LABELS))
    if unknown:
        raise ValueError(f"Unknown reader label(s) {unknown} for {name!r}; use {sorted(LABELS)}.")

    def register(func: R) -> R:
        func.labels = declared  # type: ignore[attr-defined]
        func.genre = genre  # type: ignore[attr-defined]
        readers.register(name, func=func)
        return func

    return register


def reader_genre(name: str) -> str | None:
    """The genre the reader registered as ``name`` declared (None if it declared none)."""
    return getattr(readers.get(name), "genre", None)


def reader_labels(name: str) -> frozenset[str]:
    """What the reader registered as ``name`` labels (nothing, if it declared nothing)."""
    return frozenset(getattr(readers.get(name), "labels", frozenset()))
