"""Discourse networks from analysed documents, as political scientists build them by hand.

A *statement* is one actor's position (favor / against / mixed) on one target in one
document, as in the Discourse Network Analyzer (DNA). From the statements:

- the **affiliation** network links actors to targets (edge counts favor / against / mixed);
- the **congruence** network links two actors once for every target on which they take the same
  position (both favor or both against), the **conflict** network once for every target on which
  they take opposite ones. Mixed positions enter neither, as in DNA's binary agreement.

Actors are identified across documents by name.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import combinations
from typing import NamedTuple

import networkx as nx

from .report.views import doc_date
from .schema import Document

logger = logging.getLogger("argmine")

NETWORKS = ("affiliation", "congruence", "conflict")
POSITIONS = ("favor", "against", "mixed")


class Statement(NamedTuple):
    """One actor's position on one target in one document."""

    doc: str
    date: str
    actor: str
    kind: str
    organization: str
    target: str
    stance: str
    score: float | None
    text: str


def statements(docs: Iterable[Document], *, min_statements: int = 1, start: date | None = None,
               end: date | None = None) -> list[Statement]:
    """Return the positions (stance other than ``none``) of the documents, in input order.

    Args:
        docs: Analysed records.
        min_statements: Leave out actors with fewer statements than this (over all documents).
        start: Keep documents dated (``meta.date``) on or after this day.
        end: Keep documents dated on or before this day.
    """
    out: list[Statement] = []
    undated = 0
    for doc in docs:
        when = doc_date(doc)
        if start is not None or end is not None:
            if when is None:
                undated += 1
                continue
            if (start is not None and when < start) or (end is not None and when > end):
                continue
        actors = {a.id: a for a in doc.actors}
        units = {u.id: " ".join(doc.text[u.start:u.end].split()) for u in doc.units}
        for st in doc.stances:
            if st.stance not in POSITIONS:
                continue
            actor = actors.get(st.actor)
            name = actor.name if actor else st.actor
            kind = actor.kind if actor else ""
            # DNA's person/organization pair: a person's organization is their affiliation;
            # a country, organization or group is its own organization.
            if kind == "person":
                org = actors[actor.affiliation].name if actor and actor.affiliation in actors else ""
            else:
                org = name
            out.append(Statement(doc.id, when.isoformat() if when else "", name, kind, org, st.target,
                                 st.stance, st.score, " ".join(units[e] for e in st.evidence if e in units)))
    if undated:
        logger.warning("%d document(s) without meta.date left out of the date range", undated)
    if min_statements > 1:
        counts = Counter(s.actor for s in out)
        out = [s for s in out if counts[s.actor] >= min_statements]
    return out


def affiliation_network(stmts: Sequence[Statement]) -> nx.Graph:
    """Bipartite actor–target graph; edges carry favor / against / mixed counts and their total."""
    g = nx.Graph(name="affiliation")
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for s in stmts:
        counts[(s.actor, s.target)][s.stance] += 1
    _add_actors(g, stmts)
    for target in dict.fromkeys(s.target for s in stmts):
        g.add_node(f"target:{target}", label=target, type="target", kind="")
    for (actor, target), c in counts.items():
        g.add_edge(f"actor:{actor}", f"target:{target}", favor=c["favor"], against=c["against"],
                   mixed=c["mixed"], weight=sum(c.values()), stance=_majority(c))
    return g


def agreement_network(stmts: Sequence[Statement], *, conflict: bool = False) -> nx.Graph:
    """Actor–actor graph: congruence (same position) or, with ``conflict``, opposite positions.

    An edge's ``weight`` is the number of targets on which the two actors agree (or clash);
    ``targets`` lists them. An actor's position on a target is its majority over statements.
    """
    g = nx.Graph(name="conflict" if conflict else "congruence")
    _add_actors(g, stmts)
    positions: dict[str, dict[str, str]] = defaultdict(dict)
    per_pair: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for s in stmts:
        per_pair[(s.target, s.actor)][s.stance] += 1
    for (target, actor), c in per_pair.items():
        positions[target][actor] = _majority(c)
    for target, by_actor in positions.items():
        for a, b in combinations(sorted(by_actor), 2):
            pa, pb = by_actor[a], by_actor[b]
            if "mixed" in (pa, pb):
                continue
            if (pa != pb) == conflict:
                u, v = f"actor:{a}", f"actor:{b}"
                if g.has_edge(u, v):
                    g[u][v]["weight"] += 1
                    g[u][v]["targets"] += f"; {target}"
                else:
                    g.add_edge(u, v, weight=1, targets=target)
    return g


def network(stmts: Sequence[Statement], name: str) -> nx.Graph:
    """The network called ``name`` (one of ``NETWORKS``)."""
    if name == "affiliation":
        return affiliation_network(stmts)
    return agreement_network(stmts, conflict=name == "conflict")


def _add_actors(g: nx.Graph, stmts: Sequence[Statement]) -> None:
    counts = Counter(s.actor for s in stmts)
    for s in stmts:
        g.add_node(f"actor:{s.actor}", label=s.actor, type="actor", kind=s.kind, statements=counts[s.actor])


def _majority(c: Counter[str]) -> str:
    """The most frequent position; a tie between favor and against is mixed."""
    top = c.most_common()
    if len(top) > 1 and top[0][1] == top[1][1]:
        return "mixed"
    return top[0][0]
