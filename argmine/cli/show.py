"""Terminal rendering of an annotated document: units, the argument tree, actor × target × stance.

User text is never read as Rich markup (transcripts are full of ``[applause]``) and is never
cut: table cells wrap at any width, and when the output is not a terminal (a pipe or a file)
the tables are written as plain tab-separated lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..schema import Document

_COLOURS = {"claim": "bold magenta", "evidence": "cyan", "none": "dim",
            "favor": "green", "against": "red", "mixed": "yellow"}


def _flat(text: str) -> str:
    """One line: newlines and runs of spaces inside a sentence become single spaces."""
    return " ".join(text.split())


def _score(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else ""


def _unit_rows(doc: Document) -> list[tuple[str, str, str, str, str]]:
    return [(u.id, u.label, u.type or "", _score(u.score), _flat(doc.text[u.start:u.end]))
            for u in doc.units]


def _stance_rows(doc: Document) -> list[tuple[str, str, str, str, str]]:
    names = {a.id: a.name for a in doc.actors}
    spans = {u.id: doc.text[u.start:u.end] for u in doc.units}
    rows = []
    for st in sorted(doc.stances, key=lambda s: (s.target, names.get(s.actor, ""))):
        label: str = st.stance
        if st.timeline and st.timeline[0].stance not in (st.stance, "none"):
            label += f" (was {st.timeline[0].stance})"
        key = _flat(spans.get(st.evidence[0], "")) if st.evidence else ""
        rows.append((names.get(st.actor, st.actor), st.target, label, _score(st.score), key))
    return rows


def _plain(console: Console, title: str, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    # Plain lines for pipes and files: nothing wrapped, styled or cropped.
    lines = [title, "\t".join(header), *("\t".join(row) for row in rows)]
    # Straight to the file: Rich would expand the tabs into spaces.
    console.file.write("\n".join(lines) + "\n")
    console.file.flush()


def show_document(doc: Document, console: Console) -> None:
    """Print the units table and, if there are stances, the actor × target table."""
    unit_rows = _unit_rows(doc)
    stance_rows = _stance_rows(doc)
    unit_header = ("unit", "label", "type", "p", "sentence")
    stance_header = ("actor", "target", "stance", "conf.", "key evidence")
    if not console.is_terminal:
        _plain(console, f"{doc.id}: argument units", unit_header, unit_rows)
        tree = argument_tree(doc)
        if tree is not None:
            console.print(tree)
        if stance_rows:
            _plain(console, f"{doc.id}: who stands where", stance_header, stance_rows)
        return
    units = Table(title=Text(f"{doc.id}: argument units"), expand=True)
    for col in unit_header:
        # Short columns never wrap; the sentence column takes the rest and wraps at words.
        units.add_column(col, no_wrap=col != "sentence", overflow="fold", ratio=1 if col == "sentence" else None)
    for row in unit_rows:
        units.add_row(row[0], Text(row[1], style=_COLOURS.get(row[1], "")), row[2], row[3], Text(row[4]))
    console.print(units)
    tree = argument_tree(doc)
    if tree is not None:
        console.print(tree)
    if not stance_rows:
        return
    table = Table(title=Text(f"{doc.id}: who stands where"), expand=True)
    for col in stance_header:
        table.add_column(col, overflow="fold", no_wrap=col == "conf.",
                         ratio={"actor": 2, "target": 2, "stance": 1, "key evidence": 5}.get(col))
    for actor, target, label, conf, key in stance_rows:
        table.add_row(Text(actor), Text(target), Text(label, style=_COLOURS.get(label.split()[0], "")),
                      conf, Text(key))
    console.print(table)


_LINK_STYLE = {"support": ("supports", "green"), "attack": ("attacks", "red")}


def argument_tree(doc: Document, *, width: int = 200) -> Tree | None:
    """The document's argument as a tree: the main claim, the units that support or attack it,
    and their own supporters and attackers, each under its target.

    Units linked to a relation (an undercut) hang under that relation's source. Other
    top-level units with supporters get their own branch; units in no link are left out.
    Returns None when the document has no main claim and no relations.
    """
    units = {u.id: u for u in doc.units}
    rel_source = {r.id: r.source for r in doc.relations}
    children: dict[str, list[tuple[str, str]]] = {}
    linked: set[str] = set()
    for rel in doc.relations:
        target = rel.target
        seen = set()
        while target in rel_source and target not in seen:
            seen.add(target)
            target = rel_source[target]
        if rel.source in units and target in units:
            children.setdefault(target, []).append((rel.source, rel.label))
            linked.add(rel.source)
    mains = [u.id for u in doc.units if u.role == "main"]
    if not mains and not children:
        return None
    tree = Tree(f"[bold]{escape(doc.id)}: argument[/]", guide_style="dim")

    def text(uid: str) -> str:
        u = units[uid]
        flat = _flat(doc.text[u.start:u.end])
        return escape(flat if len(flat) <= width else flat[: width - 1] + "…")

    def grow(node: Tree, uid: str, path: frozenset[str]) -> None:
        for child, label in sorted(children.get(uid, []), key=lambda c: units[c[0]].start):
            if child in path:  # gold data may hold a cycle; show it once
                continue
            verb, colour = _LINK_STYLE.get(label, (label, ""))
            branch = node.add(f"[{colour}]{verb}[/] {text(child)} [dim]({escape(child)})[/]")
            grow(branch, child, path | {child})

    tops = mains + [uid for uid in children if uid not in linked and uid not in mains]
    for uid in tops:
        tag = "[bold magenta]main claim[/]" if uid in mains else "[magenta]claim[/]"
        node = tree.add(f"{tag} {text(uid)} [dim]({escape(uid)})[/]")
        grow(node, uid, frozenset({uid}))
    return tree
