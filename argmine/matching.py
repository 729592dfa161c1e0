"""spaCy matchers built once per vocab and table, not once per document.

A matcher holds the vocab it was built with, and patterns are tokenized once; building
one per Doc cost more than matching (the titles table alone made 76 Docs per document).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from spacy.tokens import Doc
from spacy.vocab import Vocab

M = TypeVar("M")

# (id(vocab), name, table) -> (vocab, matcher). The entry keeps the vocab alive, so its id
# cannot be reused by another vocab while it is cached.
_CACHE: dict[tuple[int, str, Hashable], tuple[Vocab, Any]] = {}


def per_vocab(vocab: Vocab, name: str, table: Hashable, build: Callable[[], M]) -> M:
    """The matcher ``build()`` makes for ``vocab`` and ``table``, built on first use.

    Args:
        vocab: The vocab of the Docs the matcher will run on.
        name: What the matcher is for ("titles", "groups"), so one table can serve several.
        table: What the patterns come from: loaded tables and lexicons hash by identity, a
            tuple of terms by value (two parses of one target share a matcher).
        build: Makes the matcher (called once per vocab, name and table).
    """
    key = (id(vocab), name, table)
    if key not in _CACHE:
        _CACHE[key] = (vocab, build())
    return _CACHE[key][1]


def make_doc(vocab: Vocab) -> Callable[[str], Doc]:
    """spaCy's English tokenizer over ``vocab``, for a matcher's patterns (one per vocab)."""
    def build() -> Any:
        import spacy

        return spacy.blank("en", vocab=vocab)

    return per_vocab(vocab, "English tokenizer", None, build).make_doc
