"""``argmine export``: discourse networks and argument graphs for other tools."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ArgmineError, Errors
from .app import app, fail, succeed


@app.command(rich_help_panel="Read")
def export(
    files: Annotated[list[Path], typer.Argument(help="argmine JSONL files (from `argmine annotate`, or gold records)")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="graphml (networkx/Gephi), csv (nodes.csv + edges.csv for igraph), dna (Discourse Network Analyzer statements), aif (argument graph JSON)")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (a folder for csv)")],
    network: Annotated[str, typer.Option(help="For graphml and csv: affiliation (actor–target), congruence or conflict (actor–actor)")] = "affiliation",
    min_statements: Annotated[int, typer.Option(min=1, help="Leave out actors with fewer statements")] = 1,
    since: Annotated[str | None, typer.Option("--from", help="Only documents with meta.date on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Only documents with meta.date on or before YYYY-MM-DD")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output")] = False,
) -> None:
    """Export who-stands-where networks (GraphML, CSV, DNA) or the argument structure (AIF)."""
    from ..exports import EXPORTS, parse_day
    from ..io.jsonl import read_jsonl
    from ..network import NETWORKS

    try:
        if fmt not in EXPORTS:
            raise ArgmineError(Errors.E302.format(what="export format", value=fmt, choices=", ".join(EXPORTS)))
        if network not in NETWORKS:
            raise ArgmineError(Errors.E302.format(what="network", value=network, choices=", ".join(NETWORKS)))
        days = {}
        for option, value in (("--from", since), ("--to", until)):
            try:
                days[option] = parse_day(value)
            except ValueError as e:
                raise ArgmineError(Errors.E303.format(value=value, option=option)) from e
        if output.exists() and not overwrite:
            raise ArgmineError(Errors.E007.format(path=str(output)))
        for path in files:
            if not path.exists():
                raise ArgmineError(Errors.E006.format(path=str(path)))
        docs = [record for path in files for record in read_jsonl(path)]
        if not docs:
            raise ArgmineError(Errors.E301)
        written = EXPORTS[fmt](docs, output, network=network, min_statements=min_statements,
                               start=days["--from"], end=days["--to"])
    except ArgmineError as e:
        raise fail(str(e)) from e
    succeed(f"Wrote {', '.join(map(str, written))} from {len(docs)} document(s)")
