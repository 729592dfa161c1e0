"""Writers of discourse networks and argument graphs: GraphML, CSV tables, DNA statements, AIF.

``EXPORTS`` maps each format name to its writer; every writer takes the records, the output
path and the options, and returns the path(s) it wrote.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import networkx as nx

from .aif import to_aif
from .network import Statement, network, statements
from .schema import Document

# Columns of the Discourse Network Analyzer's statement export, then argmine's own.
DNA_COLUMNS = ("person", "organization", "concept", "agreement", "date", "text", "document", "score")
_AGREEMENT = {"favor": "yes", "against": "no", "mixed": "mixed"}


def _stmts(docs: Sequence[Document], opts: dict) -> list[Statement]:
    return statements(docs, min_statements=opts.get("min_statements", 1), start=opts.get("start"),
                      end=opts.get("end"))


def write_graphml(docs: Sequence[Document], path: Path, **opts) -> list[Path]:
    """One network (``network=`` affiliation, congruence or conflict) as GraphML."""
    g = network(_stmts(docs, opts), opts.get("network", "affiliation"))
    nx.write_graphml(g, path)
    return [path]


def write_csv(docs: Sequence[Document], path: Path, **opts) -> list[Path]:
    """A folder with ``nodes.csv`` (first column ``name``) and ``edges.csv`` (``from``, ``to``, ...),
    as R's ``igraph::graph_from_data_frame(edges, vertices = nodes)`` reads them, and the
    statements behind them in ``statements.csv``."""
    stmts = _stmts(docs, opts)
    g = network(stmts, opts.get("network", "affiliation"))
    path.mkdir(parents=True, exist_ok=True)
    node_keys = sorted({k for _, d in g.nodes(data=True) for k in d})
    edge_keys = sorted({k for _, _, d in g.edges(data=True) for k in d})
    with open(path / "nodes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name", *node_keys])
        for n, d in g.nodes(data=True):
            w.writerow([n, *(d.get(k, "") for k in node_keys)])
    with open(path / "edges.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["from", "to", *edge_keys])
        for u, v, d in g.edges(data=True):
            w.writerow([u, v, *(d.get(k, "") for k in edge_keys)])
    written = [path / "nodes.csv", path / "edges.csv"]
    written.append(_write_statements(stmts, path / "statements.csv"))
    return written


def write_dna(docs: Sequence[Document], path: Path, **opts) -> list[Path]:
    """Statements in the Discourse Network Analyzer's columns (agreement yes / no / mixed)."""
    return [_write_statements(_stmts(docs, opts), path)]


def _write_statements(stmts: Sequence[Statement], path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(DNA_COLUMNS)
        for s in stmts:
            person = s.actor if s.kind == "person" else ""
            w.writerow([person, s.organization, s.target, _AGREEMENT[s.stance], s.date, s.text, s.doc,
                        "" if s.score is None else f"{s.score:.3f}"])
    return path


def write_aif(docs: Sequence[Document], path: Path, **opts) -> list[Path]:
    """Units and relations as one AIF JSON graph."""
    path.write_text(json.dumps(to_aif(docs), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [path]


EXPORTS: dict[str, Callable[..., list[Path]]] = {
    "graphml": write_graphml, "csv": write_csv, "dna": write_dna, "aif": write_aif}


def parse_day(value: str | None) -> date | None:
    """``YYYY-MM-DD`` or ``YYYY`` (the first of January) as a date; ``None`` stays ``None``."""
    if value is None:
        return None
    text = value.strip()
    if len(text) == 4 and text.isdigit():
        return date(int(text), 1, 1)
    return date.fromisoformat(text)
