"""Score attributed stances against gold records (actor x target pairs).

Predicted and gold actors are paired by shared mentions (overlapping character spans),
falling back to equal names; the author actors are paired with each other. Every gold
actor-target pair counts: a pair the system did not produce is scored as "absent".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..schema import Actor, Document
from ..scoring import scores

LABELS = ("favor", "against", "mixed", "none", "absent")


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("the ", "").split())


def match_actors(gold: Sequence[Actor], pred: Sequence[Actor]) -> dict[str, str]:
    """Map gold actor ids to predicted actor ids."""
    out: dict[str, str] = {}
    for g in gold:
        best, best_overlap = None, 0
        for p in pred:
            if g.role == "author" and p.role == "author":
                best, best_overlap = p.id, 10 ** 9
                break
            overlap = sum(1 for gm in g.mentions for pm in p.mentions
                          if min(gm.end, pm.end) > max(gm.start, pm.start))
            if overlap > best_overlap:
                best, best_overlap = p.id, overlap
        if best is None:
            best = next((p.id for p in pred if _norm(p.name) == _norm(g.name)), None)
        if best is not None:
            out[g.id] = best
    return out


def stance_pairs(gold: Document, pred: Document) -> list[tuple[str, str]]:
    """(gold stance, predicted stance) for every gold actor-target pair of one document."""
    mapping = match_actors(gold.actors, pred.actors)
    predicted = {(s.actor, s.target): s.stance for s in pred.stances}
    out: list[tuple[str, str]] = []
    for s in gold.stances:
        pid = mapping.get(s.actor)
        out.append((s.stance, predicted.get((pid, s.target), "absent") if pid else "absent"))
    return out


def evaluate_stances(golds: Iterable[Document], preds: Iterable[Document]) -> dict[str, Any]:
    """Pool the pairs of all documents; report all pairs and the pairs with a position."""
    pairs: list[tuple[str, str]] = []
    for gold, pred in zip(golds, preds):
        pairs += stance_pairs(gold, pred)
    report: dict[str, Any] = {}
    if pairs:
        g, p = zip(*pairs)
        report["all_pairs"] = scores(list(g), list(p), LABELS)
        positioned = [(a, b) for a, b in pairs if a in ("favor", "against", "mixed")]
        if positioned:
            g2, p2 = zip(*positioned)
            report["positioned_pairs"] = scores(list(g2), list(p2), LABELS)
            found = [(a, b) for a, b in positioned if b != "absent"]
            report["positioned_found"] = round(len(found) / len(positioned), 4)
    return report
