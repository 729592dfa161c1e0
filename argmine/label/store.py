"""The decision log: one argmine record per decision, appended and flushed at once."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import ArgmineError, Errors
from ..io.jsonl import read_jsonl
from ..schema import Document, Relation, Stance, Unit
from .items import Item


def decision_record(item: Item, answer: str, utype: str | None = None) -> Document:
    """The record that stores ``answer`` (a label, stance or relation label) for ``item``."""
    doc = item.doc
    accepted = answer == item.suggestion and (item.mode != "units" or utype == item.type)
    label_meta: dict[str, Any] = {"doc": doc.id, "key": item.key, "mode": item.mode,
                                  "decision": "accepted" if accepted else "corrected",
                                  "suggested": {"label": item.suggestion, "type": item.type, "prob": item.prob}}
    meta = {k: v for k, v in doc.meta.items() if k != "label"}
    if item.mode == "units":
        unit = _required(item.unit, item)
        text = doc.text[unit.start:unit.end]
        label_meta.update(unit=unit.id, start=unit.start, end=unit.end)
        record = Document(id=item.key, text=text, meta={**meta, "label": label_meta},
                          units=[Unit(id="u1", start=0, end=len(text), label=answer,
                                      type=utype if answer != "none" else None)])
    elif item.mode == "stance":
        st = _required(item.stance, item)
        meta["targets"] = [st.target]
        gold = Stance(actor=st.actor, target=st.target, stance=answer, evidence=list(st.evidence))
        record = doc.model_copy(update={"id": item.key, "meta": {**meta, "label": label_meta}, "stances": [gold]})
    else:
        source, target = _required(item.unit, item), _required(item.other, item)
        relations = [] if answer == "none" else [
            Relation(id="r1", source=source.id, target=target.id, label=answer)]
        record = doc.model_copy(update={"id": item.key, "meta": {**meta, "label": label_meta},
                                        "relations": relations, "stances": []})
    # model_copy does not validate: check the record now, not when someone trains on it.
    return Document.model_validate(record.to_dict())


def _required(value: Any, item: Item) -> Any:
    if value is None:
        raise ValueError(f"item {item.key!r} ({item.mode}) lacks the part this mode decides on")
    return value


class DecisionLog:
    """Decisions already in ``path`` (by item key), and appending new ones.

    A revised decision (after going back) replaces the earlier line, so the file never holds
    two answers for one item.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.decided: dict[str, Document] = {}
        if self.path.exists() and self.path.stat().st_size:
            for record in read_jsonl(self.path):
                key = record.meta.get("label", {}).get("key")
                if key is None:
                    raise ArgmineError(Errors.E305.format(path=str(self.path), record=record.id))
                self.decided[key] = record

    def __contains__(self, key: str) -> bool:
        return key in self.decided

    def __len__(self) -> int:
        return len(self.decided)

    def answer(self, key: str) -> str | None:
        """The stored answer for ``key`` (label, stance or relation label), if any."""
        record = self.decided.get(key)
        if record is None:
            return None
        mode = record.meta["label"]["mode"]
        if mode == "units":
            return record.units[0].label
        if mode == "stance":
            return record.stances[0].stance
        return record.relations[0].label if record.relations else "none"

    def record(self, record: Document) -> None:
        key = record.meta["label"]["key"]
        if key in self.decided:
            del self.decided[key]
            self._rewrite()
        self.decided[key] = record
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())

    def _rewrite(self) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            for record in self.decided.values():
                f.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        os.replace(tmp, self.path)
