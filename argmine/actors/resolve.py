"""Merge candidate mentions into actors: canonical names, affiliations, ids.

Rules:

* Person names link to the longest name in the document that contains them
  (:func:`argmine.actors.names.link_names`).
* A person's affiliation is a country the text states next to the name: a
  demonym or country before the title ("Chinese President Xi Jinping",
  "Japan's Prime Minister ..."), "<name> of <country>", or an apposition
  "<name>, <country's|demonym> <title>". Nothing is guessed from context.
* A country or organization becomes an actor only if one of its mentions is
  agentive (not only "in Singapore" or "the Hanoi summit"), or another actor is
  affiliated to it.
* A mention inside a longer mention of the same actor is dropped ("North
  Korean" inside "North Korean government").
* Ids go a1, a2, ... in order of first mention; the author, when it has no
  mention, comes last.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import cast

from spacy.tokens import Doc

from ..schema import ActorKind
from .names import link_names
from .records import ActorRecord, MentionRecord
from .spans import Candidate


def link_persons(cands: Sequence[Candidate]) -> list[Candidate]:
    """Give every person candidate its canonical name as key and name."""
    names = [(c.name, c.start) for c in cands if c.kind == "person"]
    canonical = link_names(names)
    return [c._replace(key=canonical[c.name], name=canonical[c.name])
            if c.kind == "person" and c.name in canonical else c for c in cands]


def token_index(cands: Iterable[Candidate]) -> dict[int, list[Candidate]]:
    """Token index -> the candidates that cover it."""
    index: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        for i in range(c.token_start, c.token_end):
            index[i].append(c)
    return dict(index)


def _country_at(index: Mapping[int, Sequence[Candidate]], i: int) -> str | None:
    for c in index.get(i, ()):
        if c.kind == "country":
            return c.key
    return None


def person_countries(doc: Doc, cands: Sequence[Candidate], titles: set[int],
                     index: Mapping[int, Sequence[Candidate]],
                     title_words: frozenset[tuple[str, ...]]) -> dict[str, str | None]:
    """Canonical person name -> the country the text states for the person, or None.

    Args:
        doc: The parsed Doc.
        cands: Candidates with linked person names.
        titles: Token indices inside (capitalised) titles.
        index: Token index -> candidates.
        title_words: The title table, to read lower-case titles in appositions.
    """
    out: dict[str, str | None] = {}
    for c in cands:
        if c.kind != "person":
            continue
        country = (_stated_before(doc, c, titles, index)
                   or _stated_after(doc, c, index, title_words))
        if out.get(c.key) is None:
            out[c.key] = country
    return out


def _stated_before(doc: Doc, c: Candidate, titles: set[int],
                   index: Mapping[int, Sequence[Candidate]]) -> str | None:
    j = c.token_start - 1
    titled = False
    while j >= 0 and j in titles:
        j -= 1
        titled = True
    if j >= 1 and doc[j].tag_ == "POS":
        j -= 1
    elif not titled:
        return None
    return _country_at(index, j) if j >= 0 else None


def _stated_after(doc: Doc, c: Candidate, index: Mapping[int, Sequence[Candidate]],
                  title_words: frozenset[tuple[str, ...]]) -> str | None:
    k = c.token_end
    if k + 1 < len(doc) and doc[k].lower_ == "of":
        m = k + 1 + (doc[k + 1].lower_ == "the")
        return _country_at(index, m) if m < len(doc) else None
    if k + 2 < len(doc) and doc[k].text == ",":
        m = k + 1 + (doc[k + 1].lower_ in ("the", "a"))
        country = _country_at(index, m)
        if country is None:
            return None
        n = m
        while n < len(doc) and _country_at(index, n) == country:
            n += 1
        if n < len(doc) and doc[n].tag_ == "POS":
            n += 1
        # Lower-case titles count here: "Shinzo Abe, Japan's prime minister".
        words = tuple(t.lower_ for t in doc[n:n + 3])
        if any(words[:i] in title_words for i in (1, 2, 3)):
            return country
    return None


def build_actors(doc: Doc, cands: Sequence[Candidate], person_country: Mapping[str, str | None],
                 *, author: str | None, author_mentions: Sequence[MentionRecord],
                 text: str | None = None) -> list[ActorRecord]:
    """Merge candidates into :class:`ActorRecord` objects with ids and affiliations.

    ``text`` is ``doc.text`` when the caller has it (the Doc rebuilds it on every access).
    """
    by_key: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in cands:
        by_key[(c.kind, c.key)].append(c)
    affiliation: dict[tuple[str, str], tuple[str, str] | None] = {}
    for key, group in by_key.items():
        if key[0] == "person":
            country = person_country.get(key[1])
            affiliation[key] = ("country", country) if country else None
        else:
            affiliation[key] = next((c.affiliation for c in group if c.affiliation), None)
    keep = {k for k, g in by_key.items() if k[0] in ("person", "group") or any(c.agentive for c in g)}
    # Affiliations pull in the actors they point to ("Iranian officials" -> Iran).
    frontier = list(keep)
    while frontier:
        aff = affiliation.get(frontier.pop())
        if aff is not None and aff in by_key and aff not in keep:
            keep.add(aff)
            frontier.append(aff)
    records: list[tuple[tuple[int, int], tuple[str, str], str, tuple[MentionRecord, ...]]] = []
    text = doc.text if text is None else text
    for key in keep:
        mentions = _mentions(text, by_key[key])
        # Persons carry their canonical name already; others are named as first seen.
        records.append(((mentions[0].start, mentions[0].end), key, by_key[key][0].name, mentions))
    records.sort(key=lambda r: (r[0], r[1]))
    ids = {r[1]: f"a{i}" for i, r in enumerate(records, start=1)}
    actors = []
    for _, key, name, mentions in records:
        aff = affiliation.get(key)
        actors.append(ActorRecord(id=ids[key], name=name, kind=cast(ActorKind, key[0]), mentions=mentions,
                                  affiliation=ids.get(aff) if aff else None))
    return _with_author(actors, author, author_mentions)


def _mentions(text: str, group: Sequence[Candidate]) -> tuple[MentionRecord, ...]:
    spans = sorted({(c.start, c.end, c.token_start, c.token_end) for c in group},
                   key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int, int, int]] = []
    for s in spans:
        if any(k[0] <= s[0] and s[1] <= k[1] for k in kept):
            continue
        kept.append(s)
    return tuple(MentionRecord(s[0], s[1], s[2], s[3], text[s[0]:s[1]]) for s in kept)


def _with_author(actors: list[ActorRecord], author: str | None,
                 mentions: Sequence[MentionRecord]) -> list[ActorRecord]:
    record = ActorRecord(id="", name=author or "author", kind="person",
                         mentions=tuple(mentions), role="author")
    if not mentions:
        return actors + [replace(record, id=f"a{len(actors) + 1}")]
    # The author's first mention decides its place; ids are renumbered in order.
    ordered = sorted(actors + [record], key=lambda a: a.mentions[0].start if a.mentions else 1 << 60)
    renumber = {a.id: f"a{i}" for i, a in enumerate(ordered, start=1) if a.id}
    out = []
    for i, a in enumerate(ordered, start=1):
        out.append(ActorRecord(id=f"a{i}", name=a.name, kind=a.kind, mentions=a.mentions,
                               affiliation=renumber.get(a.affiliation) if a.affiliation else None,
                               role=a.role))
    return out
