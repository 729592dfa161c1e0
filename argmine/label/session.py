"""The terminal loop: show an item in context with the suggestion, read one key, record."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from ..schema import CLAIM_TYPES, EVIDENCE_TYPES, Unit
from .items import Item
from .store import DecisionLog, decision_record

ANSWER_KEYS = {
    "units": {"c": "claim", "e": "evidence", "n": "none"},
    "stance": {"f": "favor", "a": "against", "m": "mixed", "n": "none"},
    "relations": {"+": "support", "-": "attack", "0": "none"},
}
TYPE_KEYS = {"claim": {t[0]: t for t in CLAIM_TYPES}, "evidence": {t[0]: t for t in EVIDENCE_TYPES}}
ACCEPT = {"\r", "\n", "y", " "}
BACK, SKIP, QUIT = "b", "s", "q"
STYLES = {"claim": "bold magenta", "evidence": "bold cyan", "none": "dim", "favor": "bold green",
          "against": "bold red", "mixed": "bold yellow", "support": "bold green", "attack": "bold red"}


class Outcome(NamedTuple):
    decided: int   # decisions made (or revised) in this session
    remaining: int  # items still undecided
    quit: bool


def read_key() -> str:
    """One key press from a terminal; one line (its first character) from a pipe."""
    if sys.stdin.isatty():
        import click

        return click.getchar()
    line = sys.stdin.readline()
    if not line:
        return QUIT
    return line.rstrip("\n")[:1] or "\r"


def _context(item: Item, width: int = 1) -> Text:
    """The focus units highlighted, with ``width`` units of context around them."""
    doc = item.doc
    focus = {u.id for u in item.focus()}
    order = sorted(doc.units, key=lambda u: u.start)
    shown: set[str] = set()
    for i, u in enumerate(order):
        if u.id in focus:
            shown.update(v.id for v in order[max(0, i - width):i + width + 1])
    text, last = Text(), None
    for i, u in enumerate(order):
        if u.id not in shown:
            continue
        if last is not None and i > last + 1:
            text.append(" … ", style="dim")
        style = "reverse" if u.id in focus else "dim"
        text.append(" ".join(doc.text[u.start:u.end].split()), style=style)
        text.append(" ")
        last = i
    return text


def _suggestion(item: Item) -> Text:
    text = Text("model: ", style="bold")
    text.append(item.suggestion, style=STYLES.get(item.suggestion, ""))
    if item.type:
        text.append(f" · {item.type}")
    if item.prob is not None:
        text.append(f" · p={item.prob:.2f}")
    return text


def _heading(item: Item, position: int, total: int, previous: str | None) -> Text:
    head = Text(f"[{position}/{total}] ", style="bold")
    head.append(item.doc.id)
    if item.mode == "stance" and item.stance is not None:
        names = {a.id: a.name for a in item.doc.actors}
        head.append(" · actor ")
        head.append(names.get(item.stance.actor, item.stance.actor), style="bold")
        head.append(" · target ")
        head.append(item.stance.target, style="bold")
    elif item.mode == "relations" and item.unit and item.other:
        head.append(f" · does {item.unit.id} support or attack {item.other.id}?")
    if previous is not None:
        head.append(f"  (your answer: {previous})", style="italic")
    return head


def _relation_pair(unit: Unit, other: Unit, text: str) -> Text:
    out = Text()
    out.append(f"{unit.id} ", style="bold")
    out.append(" ".join(text[unit.start:unit.end].split()) + "\n")
    out.append(f"{other.id} ", style="bold")
    out.append(" ".join(text[other.start:other.end].split()))
    return out


def _keys(mode: str) -> Text:
    answers = "  ".join(f"{k} {v}" for k, v in ANSWER_KEYS[mode].items())
    return Text(f"Enter accept  {answers}  b back  s skip  q quit", style="dim")


def run(items: Sequence[Item], log: DecisionLog, *, console: Console,
        key: Callable[[], str] = read_key) -> Outcome:
    """Ask for a decision on every item not yet in ``log``; return what was done."""
    pending = [it for it in items if it.key not in log]
    total, pos, decided = len(pending), 0, 0
    while pos < len(pending):
        item = pending[pos]
        body: list = [_heading(item, pos + 1, total, log.answer(item.key))]
        if item.mode == "relations" and item.unit and item.other:
            body.append(_relation_pair(item.unit, item.other, item.doc.text))
        body += [_context(item), _suggestion(item), _keys(item.mode)]
        console.print(Panel(Group(*body), expand=False))
        pressed = key()
        if pressed in (QUIT, "\x03", "\x04"):
            return Outcome(decided, sum(1 for it in pending if it.key not in log), True)
        if pressed == BACK:
            pos = max(0, pos - 1)
            continue
        if pressed == SKIP:
            pos += 1
            continue
        utype = None
        if pressed in ACCEPT:
            answer, utype = item.suggestion, item.type
        elif pressed in ANSWER_KEYS[item.mode]:
            answer = ANSWER_KEYS[item.mode][pressed]
            if item.mode == "units" and answer != "none":
                choices = TYPE_KEYS[answer]
                console.print(Text(f"type: {'  '.join(f'{k} {v}' for k, v in choices.items())}  "
                                   f"Enter {f'keep {item.type}' if item.type in choices.values() else 'none'}",
                                   style="dim"))
                typed = key()
                utype = choices.get(typed, item.type if item.type in choices.values() else None)
        else:
            console.print(Text(f"Unknown key {pressed!r}.", style="yellow"))
            continue
        log.record(decision_record(item, answer, utype))
        decided += 1
        console.print(Text(f"✔ {answer}" + (f" · {utype}" if utype else ""), style=STYLES.get(answer, "")))
        pos += 1
    return Outcome(decided, sum(1 for it in pending if it.key not in log), False)
