"""Terminal rendering of an annotated document: units, then actor × target × stance."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..schema import Document

_COLOURS = {"claim": "bold magenta", "evidence": "cyan", "none": "dim",
            "favor": "green", "against": "red", "mixed": "yellow"}


def _clip(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    # Escaped: "[/]" in a text is data, not Rich markup.
    return escape(text if len(text) <= n else text[: n - 1] + "…")


def show_document(doc: Document, console: Console) -> None:
    units = Table(title=f"{escape(doc.id)}: argument units", show_lines=False, expand=True)
    for col in ("unit", "label", "type", "p", "sentence"):
        units.add_column(col, no_wrap=col != "sentence")
    for u in doc.units:
        style = _COLOURS.get(u.label, "")
        units.add_row(escape(u.id), f"[{style}]{u.label}[/]", u.type or "", f"{u.score:.2f}" if u.score is not None else "",
                      _clip(doc.text[u.start:u.end]))
    console.print(units)
    if not doc.stances:
        return
    names = {a.id: a.name for a in doc.actors}
    spans = {u.id: doc.text[u.start:u.end] for u in doc.units}
    table = Table(title=f"{escape(doc.id)}: who stands where")
    table.add_column("actor", max_width=24, overflow="fold")
    table.add_column("target", max_width=20, overflow="fold")
    table.add_column("stance", max_width=12, overflow="fold")
    table.add_column("conf.", no_wrap=True)
    table.add_column("key evidence", min_width=24, max_width=80, overflow="fold")
    for st in sorted(doc.stances, key=lambda s: (s.target, names.get(s.actor, ""))):
        style = _COLOURS.get(st.stance, "")
        key = _clip(spans.get(st.evidence[0], ""), 140) if st.evidence else ""
        label = f"[{style}]{st.stance}[/]"
        earlier = [t.stance for t in st.timeline if t.stance != st.stance and t.stance != "none"]
        if earlier and st.timeline[0].stance != st.stance:
            label += f" (was {st.timeline[0].stance})"
        table.add_row(escape(names.get(st.actor, st.actor)), escape(st.target), label,
                      f"{st.score:.2f}" if st.score is not None else "", key)
    console.print(table)
