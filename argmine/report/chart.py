"""Position charts as plain coordinates, drawn as inline SVG by the report template.

One document: for each target, a row per actor and a dot per position in text order (the
stance timeline where the actor changes course, else the evidence units). Several documents:
a row per actor (by name, across documents) and a dot per document, placed by ``meta.date``
when every document has one, else in input order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..schema import Document
from .views import anchor, doc_date

WIDTH = 720
LEFT = 170  # room for actor names
ROW = 26
TOP = 28


@dataclass(frozen=True)
class Point:
    x: float
    stance: str
    label: str  # tooltip
    href: str   # anchor of the evidence in the report


@dataclass
class Row:
    name: str
    y: float
    points: list[Point] = field(default_factory=list)


@dataclass
class Chart:
    target: str
    axis: str            # "text" or "date" or "document"
    rows: list[Row]
    height: float
    ticks: list[tuple[float, str]]


def _x(fraction: float) -> float:
    return round(LEFT + 10 + fraction * (WIDTH - LEFT - 30), 1)


def _rows(names: Sequence[str]) -> dict[str, Row]:
    return {name: Row(name, TOP + i * ROW) for i, name in enumerate(names)}


def document_charts(doc: Document, doc_index: int = 0) -> list[Chart]:
    """Per target: each actor's positions along the text."""
    n = max(len(doc.text), 1)
    units = {u.id: u for u in doc.units}
    names = {a.id: a.name for a in doc.actors}
    charts = []
    for target in sorted({s.target for s in doc.stances}):
        stances = [s for s in doc.stances if s.target == target and s.stance != "none"]
        if not stances:
            continue
        stances.sort(key=lambda s: names.get(s.actor, s.actor).lower())
        rows = _rows([names.get(s.actor, s.actor) for s in stances])
        for s in stances:
            row = rows[names.get(s.actor, s.actor)]
            steps = [(e.unit, e.stance) for e in s.timeline] or [(u, s.stance) for u in s.evidence]
            for unit_id, stance in steps:
                unit = units.get(unit_id)
                if unit is None:
                    continue
                row.points.append(Point(_x(unit.start / n), stance,
                                        f"{row.name}: {stance} ({unit_id})", "#" + anchor(doc_index, "u", unit_id)))
        ticks = [(_x(f), f"{int(f * 100)}%") for f in (0, 0.25, 0.5, 0.75, 1.0)]
        charts.append(Chart(target, "text", list(rows.values()), TOP + len(rows) * ROW + 24, ticks))
    return charts


def collection_charts(docs: Sequence[Document]) -> list[Chart]:
    """Per target: each actor's position in each document, by date when all documents have one."""
    dates = [doc_date(d) for d in docs]
    by_date = all(d is not None for d in dates) and len(set(dates)) > 1
    if by_date:
        lo, hi = min(dates), max(dates)  # type: ignore[type-var]
        span = max((hi - lo).days, 1)  # type: ignore[operator]
        where = [(d - lo).days / span for d in dates]  # type: ignore[operator]
    else:
        where = [i / max(len(docs) - 1, 1) for i in range(len(docs))]
    charts = []
    for target in sorted({s.target for d in docs for s in d.stances}):
        points: dict[str, list[Point]] = {}
        for i, doc in enumerate(docs):
            names = {a.id: a.name for a in doc.actors}
            for s in doc.stances:
                if s.target != target or s.stance == "none":
                    continue
                name = names.get(s.actor, s.actor)
                day = dates[i]
                when = day.isoformat() if by_date and day else doc.id
                href = "#" + anchor(i, "u", s.evidence[0]) if s.evidence else "#" + anchor(i, "doc", "top")
                points.setdefault(name, []).append(
                    Point(_x(where[i]), s.stance, f"{name}: {s.stance} ({when}, {doc.id})", href))
        if not points:
            continue
        rows = _rows(sorted(points, key=str.lower))
        for name, pts in points.items():
            rows[name].points.extend(pts)
        if by_date:
            ticks = _date_ticks(lo, hi)  # type: ignore[arg-type]
            axis = "date"
        else:
            ticks = [(_x(w), doc.id) for w, doc in zip(where, docs)][:12]
            axis = "document"
        charts.append(Chart(target, axis, list(rows.values()), TOP + len(rows) * ROW + 24, ticks))
    return charts


def _date_ticks(lo: date, hi: date) -> list[tuple[float, str]]:
    span = max((hi - lo).days, 1)
    if hi.year - lo.year >= 2:
        years = range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1)
        step = max(1, len(years) // 6)
        return [(_x((date(y, 1, 1) - lo).days / span), str(y)) for y in list(years)[::step]]
    return [(_x(f), (lo.fromordinal(lo.toordinal() + round(f * span))).isoformat()) for f in (0, 0.5, 1.0)]
