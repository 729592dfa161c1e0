"""Shared span helpers: candidate mentions, quotations, and how a place name is used."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..segment import doc_text
from .tables import ActorTables

# Opening and closing quotation marks, straight ones pair up in order.
_QUOTES = re.compile(r"“[^”]*”|‘[^’]*’(?!\w)|\"[^\"]*\"")


# Small words a capitalised nickname may hold ("the Rocket Man", "Man of Peace").
_SMALL = frozenset({"the", "of", "a", "an", "and"})


class Candidate(NamedTuple):
    """A mention before actors are merged.

    Attributes:
        kind: person, country, organization or group.
        key: Identity within the kind (canonical country, person name, lower-case name).
        name: Display name this mention proposes.
        start: Character offset.
        end: Character offset after the mention.
        token_start: First token index.
        token_end: Token index after the mention.
        agentive: False for a place name used only as a location ("in Hanoi") or as
            a modifier of an event ("the Hanoi summit"); such a name makes no actor
            on its own.
        affiliation: (kind, key) of the actor this one belongs to, or None.
    """
    kind: str
    key: str
    name: str
    start: int
    end: int
    token_start: int
    token_end: int
    agentive: bool = True
    affiliation: tuple[str, str] | None = None


def token_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token indices covering characters ``start:end`` (expanded to whole tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.start, span.end


def text_between(doc: Doc, start: int, end: int) -> str:
    """Return ``doc.text[start:end]`` from the Doc's text built once (``segment.doc_text``):
    ``Doc.text`` joins every token on each access, which per mention made long documents
    quadratic."""
    return doc_text(doc)[start:end] if start < end else ""


def candidate(doc: Doc, kind: str, key: str, name: str, start: int, end: int, *,
              agentive: bool = True, affiliation: tuple[str, str] | None = None
              ) -> Candidate | None:
    """Build a :class:`Candidate` for characters ``start:end`` (None if they hold no token)."""
    raw = text_between(doc, start, end)
    # Markdown links ("[China](https://...)") glue the URL to the name: cut it off.
    cut = raw.find("](")
    if cut != -1:
        end = start + cut
        raw = raw[:cut]
        name = name.split("](", 1)[0]
    # A double space makes a whitespace token the NER may take in: never start or end on it.
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    if end <= start:
        return None
    bounds = token_bounds(doc, start, end)
    if bounds is None:
        return None
    return Candidate(kind, key, name, start, end, bounds[0], bounds[1], agentive, affiliation)


class Quotes:
    """Character ranges inside quotation marks, for nicknames and quoted speech."""

    def __init__(self, text: str):
        self._ranges = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
        self._starts = [r[0] for r in self._ranges]
        self.text = text
        # Whether quoted range i is a nickname, computed once per range: an unbalanced
        # quotation mark makes a range span much of a long document.
        self._nickname: dict[int, bool] = {}

    def inside(self, pos: int) -> bool:
        """True when character ``pos`` lies between a pair of quotation marks."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self._ranges[i][0] < pos < self._ranges[i][1] - 1

    def in_nickname(self, start: int, end: int) -> bool:
        """True when ``start:end`` lies in a short quoted name such as “Little Rocket Man”.

        A quoted phrase of at most five capitalised words is a nickname or a slogan:
        a name inside it is not a mention of an actor.
        """
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return False
        qs, qe = self._ranges[i]
        if not (qs < start and end <= qe):
            return False
        if i not in self._nickname:
            words = self.text[qs + 1:qe - 1].split()
            self._nickname[i] = 0 < len(words) <= 5 and all(
                w[:1].isupper() or not w[:1].isalpha() or w in _SMALL for w in words)
        return self._nickname[i]


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def is_agentive(span: Span, tables: ActorTables) -> bool:
    """False when a place name is used as a location or as a modifier of an event.

    "summit in Hanoi", "a meeting at the DMZ", "forces to Northeast Asia" (only the
    prepositions in the table count, so "talks with Pyongyang" and "pressure on
    Beijing" stay agentive), "the Hanoi summit". A coordinated name takes the use of
    its first conjunct ("between Washington and Pyongyang").
    """
    root = _first_conjunct(span.root)
    if root.dep_ == "appos":
        root = _first_conjunct(root.head)
    if root.dep_ == "pobj" and root.head.lower_ in tables.locative_prepositions:
        return False
    if root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in tables.event_heads:
        return False
    return True
