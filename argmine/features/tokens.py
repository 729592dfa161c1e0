"""A Doc's token attributes as plain lists, read once per Doc from its arrays.

Sentence and genre features read text, lower case, lemma, tag and entity type of every
token; a ``Token`` object per word and attribute cost more than the features themselves.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc

DIGIT = re.compile(r"\d")


class Tokens(NamedTuple):
    orth: list[str]
    lower: list[str]
    lemma: list[str]
    tag: list[str]
    ent_type: list[str]
    space: list[int]
    like_num: list[int]


# Keyed weakly, so a table goes with its Doc; the token count guards against a Doc
# retokenized since.
_TABLES: weakref.WeakKeyDictionary[Doc, Tokens] = weakref.WeakKeyDictionary()


def token_table(doc: Doc) -> Tokens:
    """The token attributes of ``doc``, built on first use."""
    table = _TABLES.get(doc)
    if table is not None and len(table.orth) == len(doc):
        return table
    strings = doc.vocab.strings
    cols = list(zip(*doc.to_array(["ORTH", "LOWER", "LEMMA", "TAG", "ENT_TYPE", "IS_SPACE", "LIKE_NUM"]
                                   ).tolist())) if len(doc) else [()] * 7
    orth, lower, lemma, tag, ent_type = ([strings[h] for h in col] for col in cols[:5])
    table = Tokens(orth, lower, lemma, tag, ent_type, list(cols[5]), list(cols[6]))
    _TABLES[doc] = table
    return table


@lru_cache(maxsize=200_000)
def shape(text: str) -> str:
    """Lower case, every digit a 0: the form word features use."""
    return DIGIT.sub("0", text.lower())
