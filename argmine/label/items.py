"""What a person decides, one item at a time, with the model's suggestion."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..schema import Document, Relation, Stance, Unit

MODES = ("units", "stance", "relations")
# Units further apart than this are not offered as relation candidates when the record
# carries no predicted relations.
RELATION_WINDOW = 3


@dataclass(frozen=True)
class Item:
    """One decision to make.

    Attributes:
        key: Stable identity across runs ("doc:u3", "doc:a1:target", "doc:u2>u1").
        doc: The record the item comes from.
        mode: "units", "stance" or "relations".
        suggestion: The model's answer: a label ("claim"), a stance ("favor") or a relation
            label ("support", or "none" for no relation).
        type: The suggested unit type (units mode).
        prob: The model's probability or score for the suggestion, if it gave one.
        unit: The unit shown (units), or the relation's source unit.
        other: The relation's target unit (relations).
        stance: The suggested stance record (stance mode).
    """

    key: str
    doc: Document
    mode: str
    suggestion: str
    type: str | None = None
    prob: float | None = None
    unit: Unit | None = None
    other: Unit | None = None
    stance: Stance | None = None

    def focus(self) -> list[Unit]:
        """The units to show highlighted."""
        if self.mode == "stance" and self.stance is not None:
            ids = set(self.stance.evidence)
            return [u for u in self.doc.units if u.id in ids]
        return [u for u in (self.unit, self.other) if u is not None]


def _unit_items(doc: Document) -> Iterable[Item]:
    for u in doc.units:
        yield Item(f"{doc.id}:{u.id}", doc, "units", u.label, u.type, u.score, unit=u)


def _stance_items(doc: Document, targets: Sequence[str]) -> Iterable[Item]:
    for st in doc.stances:
        if targets and st.target not in targets:
            continue
        yield Item(f"{doc.id}:{st.actor}:{st.target}", doc, "stance", st.stance, prob=st.score, stance=st)


def _relation_items(doc: Document) -> Iterable[Item]:
    units = {u.id: u for u in doc.units}
    if doc.relations:
        for r in doc.relations:
            if r.source in units and r.target in units:
                yield Item(f"{doc.id}:{r.source}>{r.target}", doc, "relations", r.label,
                           prob=_relation_score(r), unit=units[r.source], other=units[r.target])
        return
    # No predicted structure: offer each argumentative unit with the claims near it.
    argued = [u for u in doc.units if u.label != "none"]
    for i, u in enumerate(argued):
        for v in argued[max(0, i - RELATION_WINDOW):i + RELATION_WINDOW + 1]:
            if v.id != u.id and v.label == "claim":
                yield Item(f"{doc.id}:{u.id}>{v.id}", doc, "relations", "none", unit=u, other=v)


def _relation_score(r: Relation) -> float | None:
    value: Any = getattr(r, "score", None)
    return value if isinstance(value, float) else None


def build_items(docs: Iterable[Document], mode: str, *, targets: Sequence[str] = (),
                order: str = "text") -> list[Item]:
    """All items of ``docs`` for ``mode``, in text order or least confident first (``order="uncertain"``)."""
    items: list[Item] = []
    for doc in docs:
        if mode == "units":
            items.extend(_unit_items(doc))
        elif mode == "stance":
            items.extend(_stance_items(doc, targets))
        else:
            items.extend(_relation_items(doc))
    if order == "uncertain":
        # Stable: items without a probability keep their text order after the scored ones.
        items.sort(key=lambda it: (it.prob is None, it.prob if it.prob is not None else 0.0))
    return items
