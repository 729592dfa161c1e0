"""Terminal rendering of an annotated document: units, the argument tree, actor × target × stance."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from ..schema import Document

_COLOURS = {"claim": "bold magenta", "evidence": "cyan", "none": "dim",
            "favor": "green", "against": "red", "mixed": "yellow"}


def _clip(text: str, n: int = 110) -> str:
    # Callers escape the result: "[/]" in a text is data, not Rich markup.
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def show_document(doc: Document, console: Console) -> None:
    units = Table(title=f"{escape(doc.id)}: argument units", show_lines=False, expand=True)
    for col in ("unit", "label", "type", "p", "sentence"):
        units.add_column(col, no_wrap=col != "sentence")
    for u in doc.units:
        style = _COLOURS.get(u.label, "")
        units.add_row(escape(u.id), f"[{style}]{u.label}[/]", u.type or "", f"{u.score:.2f}" if u.score is not None else "",
                      escape(_clip(doc.text[u.start:u.end])))
    console.print(units)
    tree = argument_tree(doc)
    if tree is not None:
        console.print(tree)
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
        key = escape(_clip(spans.get(st.evidence[0], ""), 140)) if st.evidence else ""
        label = f"[{style}]{st.stance}[/]"
        earlier = [t.stance for t in st.timeline if t.stance != st.stance and t.stance != "none"]
        if earlier and st.timeline[0].stance != st.stance:
            label += f" (was {st.timeline[0].stance})"
        table.add_row(escape(names.get(st.actor, st.actor)), escape(st.target), label,
                      f"{st.score:.2f}" if st.score is not None else "", key)
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
        return escape(_clip(doc.text[u.start:u.end], width))

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
