"""Person names: titles, name keys, and linking short names to full names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..matching import per_vocab
from .tables import ActorTables

_WORD_SPLIT = re.compile(r"[\s\-‐‑]+")


def title_tokens(doc: Doc, tables: ActorTables) -> set[int]:
    """Indices of tokens that belong to a title ("Prime Minister", "National Security Adviser")."""
    def build() -> PhraseMatcher:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        matcher.add("TITLE", [Doc(doc.vocab, words=list(t)) for t in tables.titles])
        return matcher

    matcher = per_vocab(doc.vocab, "titles", tables, build)
    covered: set[int] = set()
    for _, start, end in matcher(doc):
        # A title is capitalised before a name; "the president" alone is not a title.
        if doc[start].text[:1].isupper() or doc[start].lower_ in ("mr.", "mrs.", "ms.", "dr."):
            covered.update(range(start, end))
    return covered


def name_words(name: str) -> tuple[str, ...]:
    """Lower-case words of a name, hyphens and spaces alike ("Kim Jong-un" = "Kim Jong Un")."""
    return tuple(w for w in _WORD_SPLIT.split(name.lower().replace("’", "'")) if w)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def link_names(names: Sequence[tuple[str, int]]) -> dict[str, str]:
    """Map every person name to its canonical (longest) form in the document.

    A name links to a longer name whose words contain it in order ("Trump" ->
    "Donald Trump", "Kim" -> "Kim Jong-un"), whether the short form comes first or
    not. When several longer names fit ("Kim" with "Kim Jong-un" and "Kim Yo-jong"),
    the one mentioned last before the short name wins, else the first one after it.

    Args:
        names: (name as written without titles, character offset) in text order.

    Returns:
        Each distinct name -> canonical name (a name maps to itself when nothing fits).
    """
    first_seen: dict[tuple[str, ...], tuple[str, int]] = {}
    for name, pos in names:
        key = name_words(name)
        if key and key not in first_seen:
            first_seen[key] = (name, pos)
    # Longest names first, so the canonical form of a name is final when used.
    keys = sorted(first_seen, key=len, reverse=True)
    canonical: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in keys:
        fits = [k for k in keys if len(k) > len(key) and _contains(k, key)]
        if not fits:
            canonical[key] = key
            continue
        pos = first_seen[key][1]
        before = [k for k in fits if first_seen[k][1] <= pos]
        if before:
            chosen = max(before, key=lambda k: first_seen[k][1])
        else:
            chosen = min(fits, key=lambda k: first_seen[k][1])
        canonical[key] = canonical[chosen]
    out: dict[str, str] = {}
    for name, _ in names:
        key = name_words(name)
        if key:
            out[name] = first_seen[canonical[key]][0]
    return out
