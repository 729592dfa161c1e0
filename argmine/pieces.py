"""Long documents in pieces: split a text below a size limit, merge the pieces' records.

A book, a year of transcripts or a long hearing is ordinary input, but spaCy refuses
texts past ``nlp.max_length`` and its memory grows with the text. ``split_text`` cuts
at paragraph breaks (blank lines), then at sentence ends, then at spaces, and only as
a last resort inside a word, so every piece is at most ``limit`` characters.
``merge_records`` joins the records analysed piece by piece into one record of the
whole text: offsets are shifted back, ids renumbered, actors with the same name and
kind merged, and each actor's stances toward a target combined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .paragraphs import PARAGRAPH_BREAK
from .schema import Actor, Document, Mention, Quote, Relation, Stance, TimelineEntry, Unit

# Pieces this long keep the per-character cost flat and the parser's memory small,
# while almost every op-ed, speech or briefing stays in one piece.
PIECE_CHARS = 50_000

_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


class Piece(NamedTuple):
    start: int
    text: str


def split_text(text: str, limit: int = PIECE_CHARS) -> list[Piece]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at the best boundaries.

    Args:
        text: The whole text.
        limit: Maximum piece length in characters.

    Returns:
        Pieces in order, each with its start offset in ``text``; concatenating the
        pieces with the text between them gives back ``text``. A text within the limit
        is one piece.
    """
    if limit < 1:
        raise ValueError(f"limit must be positive, not {limit}")
    if len(text) <= limit:
        return [Piece(0, text)]
    pieces: list[Piece] = []
    start = 0
    n = len(text)
    while start < n:
        if n - start <= limit:
            pieces.append(Piece(start, text[start:]))
            break
        end = _cut(text, start, start + limit)
        pieces.append(Piece(start, text[start:end]))
        start = end
    return [p for p in pieces if p.text.strip()] or [Piece(0, text[:limit])]


def _cut(text: str, start: int, hard: int) -> int:
    """The best end for a piece starting at ``start`` and ending by ``hard``."""
    # Keep at least half a piece, so a boundary near the start does not make tiny pieces.
    floor = start + (hard - start) // 2
    for pattern in (PARAGRAPH_BREAK, _SENTENCE, _SPACE):
        best = None
        for m in pattern.finditer(text, floor, hard):
            best = m.end()
        if best is not None and best > start:
            return best
    return hard


def merge_records(record: Document, parts: Sequence[tuple[int, Document]]) -> Document:
    """Merge the records of a document's pieces into one record of the whole text.

    Args:
        record: The input record (its id, text and meta are kept).
        parts: ``(start offset, record of the piece)`` in text order.
    """
    # What the pipeline adds to meta (e.g. the predicted genre) comes from the first piece.
    meta = {**parts[0][1].meta, **record.meta} if parts else dict(record.meta)
    if len(parts) == 1 and parts[0][0] == 0 and parts[0][1].text == record.text:
        return parts[0][1].model_copy(update={"id": record.id, "meta": meta})
    units: list[Unit] = []
    unit_keys: list[dict[str, tuple]] = []
    quotes: list[tuple[Quote, dict[str, tuple]]] = []
    relations: list[Relation] = []
    actors: dict[tuple, dict] = {}
    stance_parts: dict[tuple[tuple, str], list[tuple[Stance, dict[str, str]]]] = {}
    for offset, part in parts:
        unit_ids: dict[str, str] = {}
        keys = {a.id: _actor_key(a) for a in part.actors}
        for u in part.units:
            unit_ids[u.id] = f"u{len(units) + 1}"
            units.append(u.model_copy(update={"id": unit_ids[u.id], "start": u.start + offset,
                                              "end": u.end + offset}))
            unit_keys.append(keys)
        for q in part.quotes:
            cue = q.cue.model_copy(update={"start": q.cue.start + offset, "end": q.cue.end + offset}) \
                if q.cue else None
            quotes.append((q.model_copy(update={"start": q.start + offset, "end": q.end + offset,
                                                "cue": cue}), keys))
        rel_ids = {r.id: f"r{len(relations) + i}" for i, r in enumerate(part.relations, start=1)}
        for r in part.relations:
            relations.append(r.model_copy(update={
                "id": rel_ids[r.id], "source": unit_ids.get(r.source, r.source),
                "target": unit_ids.get(r.target) or rel_ids.get(r.target, r.target)}))
        for a in part.actors:
            entry = actors.setdefault(keys[a.id], {"actor": a, "mentions": [], "affiliation": None})
            entry["mentions"] += [Mention(start=m.start + offset, end=m.end + offset) for m in a.mentions]
            if a.affiliation and entry["affiliation"] is None:
                entry["affiliation"] = keys.get(a.affiliation)
        for st in part.stances:
            stance_parts.setdefault((keys[st.actor], st.target), []).append((st, unit_ids))
    # Actors in order of first mention (those without one, such as an unnamed author, last).
    ordered = sorted(actors.items(), key=lambda kv: (kv[1]["mentions"][0].start if kv[1]["mentions"]
                                                     else len(record.text) + 1))
    ids = {key: f"a{i}" for i, (key, _) in enumerate(ordered, start=1)}
    merged_actors = [entry["actor"].model_copy(update={
        "id": ids[key], "mentions": sorted(entry["mentions"], key=lambda m: (m.start, -m.end)),
        "affiliation": ids.get(entry["affiliation"]) if entry["affiliation"] else None})
        for key, entry in ordered]
    stances = [_merge_stances(ids[key], target, found)
               for (key, target), found in stance_parts.items()]
    stances.sort(key=lambda s: (int(s.actor[1:]), s.target))
    # Speakers and sources were the pieces' actor ids; they now point at the merged actors.
    def actor(aid: str | None, keys: dict[str, tuple]) -> str | None:
        return ids.get(keys[aid]) if aid is not None and aid in keys else aid

    units = [u.model_copy(update={"source": actor(u.source, keys), "speaker": actor(u.speaker, keys)})
             for u, keys in zip(units, unit_keys, strict=True)]
    merged_quotes = [q.model_copy(update={"id": f"q{i}", "speaker": actor(q.speaker, keys)})
                     for i, (q, keys) in enumerate(quotes, start=1)]
    return Document(id=record.id, text=record.text, meta=meta, units=units, relations=relations,
                    actors=merged_actors, quotes=merged_quotes, stances=stances)


def _actor_key(actor: Actor) -> tuple:
    return ("author",) if actor.role == "author" else (actor.kind, actor.name)


_POSITIONS = ("favor", "against", "mixed")


def _merge_stances(actor: str, target: str, found: list[tuple[Stance, dict[str, str]]]) -> Stance:
    """One stance of ``actor`` toward ``target`` from the stances of several pieces.

    The positions taken (favor, against, mixed) decide: one position is kept, favor
    and against together make mixed; pieces where the actor takes none only add
    evidence. The score is that of the strongest piece holding the final position; the
    timelines are joined in text order.
    """
    evidence = [ids[e] for st, ids in found for e in st.evidence if e in ids]
    timeline = [TimelineEntry(unit=ids[t.unit], stance=t.stance)
                for st, ids in found for t in st.timeline if t.unit in ids]
    taken = {st.stance for st, _ in found if st.stance in _POSITIONS}
    if not taken:
        final = "none"
    elif len(taken) == 1:
        final = taken.pop()
    else:
        final = "mixed"
    scores = [st.score for st, _ in found if st.score is not None and (st.stance == final or final == "mixed")]
    return Stance(actor=actor, target=target, stance=final, score=max(scores) if scores else None,
                  evidence=list(dict.fromkeys(evidence)), timeline=timeline)
