"""Argument structure as AIF JSON (the Argument Interchange Format of AIFdb and OVA).

Claim and evidence units, and every unit a relation touches, become I-nodes (information);
a support relation becomes an RA-node (inference) between them, an attack a CA-node (conflict).
An attack on a relation (an undercut) points at that relation's RA- or CA-node. A unit with a
speaker gets a locution (L-node) and an illocution (YA-node, "Asserting") tied to its speaker
among the participants.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .schema import Document

_SCHEME = {"support": ("RA", "Default Inference"), "attack": ("CA", "Default Conflict")}


def to_aif(docs: Iterable[Document]) -> dict[str, Any]:
    """Return one AIF graph (``nodes``, ``edges``, ``locutions``, ``participants``) for ``docs``.

    Node ids are ``DOCID:UNITID`` (and ``DOCID:RELID`` for relation nodes), so several
    documents share one graph without clashes.
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    participants: dict[str, dict[str, Any]] = {}

    def edge(src: str, dst: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": src, "toID": dst, "formEdgeID": None})

    for doc in docs:
        when = str(doc.meta.get("date", ""))
        names = {a.id: a.name for a in doc.actors}
        touched = {r.source for r in doc.relations} | {r.target for r in doc.relations}
        for u in doc.units:
            if u.label == "none" and u.id not in touched:
                continue
            node_id = f"{doc.id}:{u.id}"
            nodes.append({"nodeID": node_id, "text": " ".join(doc.text[u.start:u.end].split()), "type": "I",
                          "timestamp": when, "argmine": {"label": u.label, "type": u.type, "score": u.score,
                                                         "role": getattr(u, "role", None)}})
            speaker = u.speaker or getattr(u, "source", None)
            if speaker is not None:
                name = names.get(speaker, speaker)
                pid = participants.setdefault(name, {"participantID": str(len(participants) + 1),
                                                     "firstname": name, "surname": ""})["participantID"]
                loc_id, ya_id = f"{node_id}:L", f"{node_id}:YA"
                nodes.append({"nodeID": loc_id, "text": f"{name}: {nodes[-1]['text']}", "type": "L",
                              "timestamp": when})
                nodes.append({"nodeID": ya_id, "text": "Asserting", "type": "YA", "timestamp": when})
                edge(loc_id, ya_id)
                edge(ya_id, node_id)
                locutions.append({"nodeID": loc_id, "personID": pid, "timestamp": when})
        for r in doc.relations:
            kind, text = _SCHEME[r.label]
            rel_id = f"{doc.id}:{r.id}"
            nodes.append({"nodeID": rel_id, "text": text, "type": kind, "timestamp": when})
            edge(f"{doc.id}:{r.source}", rel_id)
            edge(rel_id, f"{doc.id}:{r.target}")
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": list(participants.values())}
