"""Plain view models of a record for templates: text segments, argument trees, stance grids.

Nothing here formats HTML; the template does. Fields added to the record format by later
versions (quotations, a unit's ``role`` and ``source``, ``meta.genre``) are read when present
and ignored when absent.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..schema import Document, Unit


def anchor(doc_index: int, kind: str, ident: str) -> str:
    """A stable HTML id for an element of the n-th document ("d0-u3")."""
    return f"d{doc_index}-{kind}-{ident}"


@dataclass(frozen=True)
class Segment:
    """A run of text with the same unit and the same actor mention (if any)."""

    text: str
    actor: str | None = None
    mention_id: str | None = None


@dataclass(frozen=True)
class UnitView:
    id: str
    label: str
    type: str | None
    score: float | None
    probs: dict[str, float] | None
    role: str | None
    speaker: str | None  # name of whoever advances or is reported as saying the unit
    segments: list[Segment]


@dataclass(frozen=True)
class Block:
    """Either a unit (``unit`` set) or text between units."""

    unit: UnitView | None
    segments: list[Segment]


@dataclass
class TreeNode:
    unit: Unit
    text: str
    relation: str | None = None  # label of the edge to the parent
    children: list[TreeNode] = field(default_factory=list)
    undercuts: list[tuple[str, TreeNode]] = field(default_factory=list)


def _opt(obj: Any, name: str) -> Any:
    return getattr(obj, name, None)


def _mentions(doc: Document) -> list[tuple[int, int, str, str]]:
    """Non-overlapping actor mentions ``(start, end, actor_id, mention_id)``, earliest first."""
    found = []
    for actor in doc.actors:
        for i, m in enumerate(actor.mentions):
            found.append((m.start, m.end, actor.id, f"{actor.id}-{i}"))
    found.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    out, last_end = [], -1
    for hit in found:
        if hit[0] >= last_end:
            out.append(hit)
            last_end = hit[1]
    return out


def _segments(text: str, start: int, end: int, mentions: list[tuple[int, int, str, str]]) -> list[Segment]:
    out, cursor = [], start
    for m_start, m_end, actor, mention_id in mentions:
        a, b = max(m_start, start), min(m_end, end)
        if a >= b:
            continue
        if a > cursor:
            out.append(Segment(text[cursor:a]))
        out.append(Segment(text[a:b], actor, mention_id if a == m_start else None))
        cursor = b
    if cursor < end:
        out.append(Segment(text[cursor:end]))
    return out


def blocks(doc: Document) -> list[Block]:
    """The whole text as units and the gaps between them, with actor mentions marked."""
    mentions = _mentions(doc)
    names = {a.id: a.name for a in doc.actors}
    out: list[Block] = []
    cursor = 0
    for u in sorted(doc.units, key=lambda u: (u.start, u.end)):
        if u.start < cursor:  # overlapping gold spans: show the later one from where the text is
            continue
        if u.start > cursor:
            out.append(Block(None, _segments(doc.text, cursor, u.start, mentions)))
        said_by = _opt(u, "speaker") or _opt(u, "source")
        view = UnitView(u.id, u.label, u.type, u.score, u.probs, _opt(u, "role"), names.get(said_by, said_by),
                        _segments(doc.text, u.start, u.end, mentions))
        out.append(Block(view, view.segments))
        cursor = u.end
    if cursor < len(doc.text):
        out.append(Block(None, _segments(doc.text, cursor, len(doc.text), mentions)))
    return out


def argument_trees(doc: Document) -> list[TreeNode]:
    """Trees of support/attack relations, rooted at main claims (``role == "main"``) or at
    units that support or attack nothing. Empty when the record has no relations."""
    if not doc.relations:
        return []
    units = {u.id: u for u in doc.units}
    children: dict[str, list[Any]] = defaultdict(list)
    sources = set()
    for r in doc.relations:
        children[r.target].append(r)
        sources.add(r.source)
    involved = {r.source for r in doc.relations} | {r.target for r in doc.relations if r.target in units}
    roots = [u for u in doc.units if _opt(u, "role") == "main"]
    roots += [units[i] for i in sorted(involved - sources, key=lambda i: units[i].start)
              if units[i] not in roots]

    def build(unit: Unit, relation: str | None, seen: frozenset[str]) -> TreeNode:
        node = TreeNode(unit, " ".join(doc.text[unit.start:unit.end].split()), relation)
        for r in children.get(unit.id, []):
            if r.source in units and r.source not in seen:
                child = build(units[r.source], r.label, seen | {r.source})
                node.children.append(child)
                # Undercuts: relations whose target is this edge.
                for u_rel in children.get(r.id, []):
                    if u_rel.source in units and u_rel.source not in seen:
                        child.undercuts.append((u_rel.label, build(units[u_rel.source], u_rel.label,
                                                                   seen | {u_rel.source})))
        return node

    return [build(root, None, frozenset({root.id})) for root in roots]


def quotations(doc: Document) -> list[dict[str, Any]]:
    """Quotations (when the record has them) with their speakers' names and text."""
    names = {a.id: a.name for a in doc.actors}
    out = []
    for q in _opt(doc, "quotes") or []:
        data = q if isinstance(q, dict) else q.model_dump()
        start, end, cue = data.get("start"), data.get("end"), data.get("cue") or {}
        out.append({"id": data.get("id"), "speaker": names.get(str(data.get("speaker")), data.get("speaker") or "?"),
                    "speaker_id": data.get("speaker"), "kind": data.get("kind"),
                    "cue": doc.text[cue["start"]:cue["end"]] if cue.get("start") is not None else "",
                    "text": " ".join(doc.text[start:end].split()) if start is not None else ""})
    return out


def actor_rows(doc: Document, *, context: int = 40, limit: int = 8) -> list[dict[str, Any]]:
    """Actors with kind, affiliation and their mentions in context (at most ``limit`` shown)."""
    names = {a.id: a.name for a in doc.actors}
    rows = []
    for a in doc.actors:
        mentions = []
        for i, m in enumerate(a.mentions[:limit]):
            left = " ".join(doc.text[max(0, m.start - context):m.start].split())
            right = " ".join(doc.text[m.end:m.end + context].split())
            mentions.append({"id": f"{a.id}-{i}", "left": left, "text": doc.text[m.start:m.end], "right": right})
        rows.append({"id": a.id, "name": a.name, "kind": a.kind, "role": a.role,
                     "affiliation": names.get(a.affiliation) if a.affiliation else None,
                     "count": len(a.mentions), "mentions": mentions})
    return rows


def stance_grid(doc: Document) -> tuple[list[str], list[dict[str, Any]]]:
    """Targets and one row per actor with a cell per target (stance, score, evidence, timeline)."""
    targets = sorted({s.target for s in doc.stances})
    names = {a.id: a.name for a in doc.actors}
    by_actor: dict[str, dict[str, Any]] = defaultdict(dict)
    for s in doc.stances:
        by_actor[s.actor][s.target] = s
    rows = []
    for actor_id in sorted(by_actor, key=lambda a: (names.get(a) or a).lower()):
        cells = []
        for t in targets:
            cell = by_actor[actor_id].get(t)
            cells.append(None if cell is None else {
                "stance": cell.stance, "score": cell.score, "evidence": list(cell.evidence),
                "timeline": [(e.unit, e.stance) for e in cell.timeline]})
        rows.append({"actor": actor_id, "name": names.get(actor_id, actor_id), "cells": cells})
    return targets, rows


def doc_date(doc: Document) -> date | None:
    """The document's date from ``meta.date`` (ISO ``YYYY-MM-DD``, or a year), if any."""
    value = doc.meta.get("date")
    if value is None:
        return None
    text = str(value).strip()
    try:
        if len(text) == 4 and text.isdigit():
            return date(int(text), 1, 1)
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def summary(doc: Document) -> dict[str, Any]:
    labels = Counter(u.label for u in doc.units)
    return {"units": len(doc.units), "labels": dict(labels), "actors": len(doc.actors),
            "stances": sum(1 for s in doc.stances if s.stance != "none"),
            "relations": len(doc.relations), "quotes": len(_opt(doc, "quotes") or [])}
