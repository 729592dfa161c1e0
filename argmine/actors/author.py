"""Mentions of the author: first-person singular pronouns outside quotations.

"I", "me", "my", "mine" and "myself" outside quotation marks can only be the
writer. "We" and "our" are left out: they often mean a country, a party or
everyone ("we and our allies"), which a rule cannot tell apart.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .records import MentionRecord
from .spans import Quotes

_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})


def author_mentions(doc: Doc, quotes: Quotes) -> list[MentionRecord]:
    """First-person singular pronouns of ``doc`` outside quotations, in text order."""
    out = []
    # Only the first-person words become Token objects (read from the Doc's arrays).
    wanted = {doc.vocab.strings.add(w) for w in _FIRST_PERSON}
    for i, lower in enumerate(doc.to_array("LOWER").tolist()):
        if lower not in wanted:
            continue
        tok = doc[i]
        if tok.pos_ == "PRON" and not quotes.inside(tok.idx):
            # "I" must be upper case: a lower-case "i" is a list marker or a typo.
            if tok.lower_ == "i" and tok.text != "I":
                continue
            out.append(MentionRecord(tok.idx, tok.idx + len(tok), tok.i, tok.i + 1, tok.text))
    return out
