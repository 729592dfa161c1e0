"""spaCy matchers built once per vocab and table, not once per document.

A matcher holds the vocab it was built with, and patterns are tokenized once; building
one per Doc cost more than matching (the titles table alone made 76 Docs per document).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.vocab import Vocab

M = TypeVar("M")

# (id(vocab), name, id(table)) -> (vocab, table, matcher). The entry keeps the vocab and
# the table alive, so their ids cannot be reused by other objects while it is cached.
_CACHE: dict[tuple[int, str, int], tuple[Vocab, Any, Any]] = {}


def per_vocab(vocab: Vocab, name: str, table: Any, build: Callable[[], M]) -> M:
    """The matcher ``build()`` makes for ``vocab`` and ``table``, built on first use.

    Args:
        vocab: The vocab of the Docs the matcher will run on.
        name: What the matcher is for ("titles", "groups"), so one table can serve several.
        table: The object the patterns come from (tables, a lexicon, a target); entries are
            keyed by its identity.
        build: Makes the matcher (called once per vocab, name and table).
    """
    key = (id(vocab), name, id(table))
    if key not in _CACHE:
        _CACHE[key] = (vocab, table, build())
    return _CACHE[key][2]
