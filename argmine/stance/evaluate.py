"""Score attributed stances against gold records (actor x target pairs).

Predicted and gold actors are paired by shared mentions (overlapping character spans),
falling back to equal names; the author actors are paired with each other. Every gold
actor-target pair counts: a pair the system did not produce is scored as "absent". Rows the
system lists that have no gold record are counted apart (``unmatched_rows``).
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


def stance_pairs(gold: Document, pred: Document, mapping: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(gold stance, predicted stance) for every gold actor-target pair of one document
    (``mapping``: :func:`match_actors` of the two, when the caller has it)."""
    mapping = match_actors(gold.actors, pred.actors) if mapping is None else mapping
    predicted = {(s.actor, s.target): s.stance for s in pred.stances}
    out: list[tuple[str, str]] = []
    for s in gold.stances:
        pid = mapping.get(s.actor)
        out.append((s.stance, predicted.get((pid, s.target), "absent") if pid else "absent"))
    return out


def unmatched_rows(gold: Document, pred: Document, mapping: dict[str, str] | None = None) -> tuple[int, int]:
    """(predicted stance rows, those with no gold record for their actor and target): the
    pairs the system lists that the annotators did not link, which the pair scores never see."""
    mapping = match_actors(gold.actors, pred.actors) if mapping is None else mapping
    golds_of: dict[str, set[str]] = {}
    for g, p in mapping.items():
        golds_of.setdefault(p, set()).add(g)
    recorded = {(s.actor, s.target) for s in gold.stances}
    extra = sum(1 for s in pred.stances if not any((g, s.target) in recorded for g in golds_of.get(s.actor, ())))
    return len(pred.stances), extra


def evaluate_stances(golds: Iterable[Document], preds: Iterable[Document]) -> dict[str, Any]:
    """Pool the pairs of all documents; report all pairs, the pairs with a position, and the
    share of predicted rows without a gold record (``unmatched_rows``)."""
    pairs: list[tuple[str, str]] = []
    rows = extra = 0
    for gold, pred in zip(golds, preds):
        mapping = match_actors(gold.actors, pred.actors)
        pairs += stance_pairs(gold, pred, mapping)
        n, x = unmatched_rows(gold, pred, mapping)
        rows, extra = rows + n, extra + x
    report: dict[str, Any] = {"predicted_rows": rows, "unmatched_rows": extra}
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
