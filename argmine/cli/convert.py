from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ArgmineError
from ..io import formats, read_many, write_jsonl
from ..io.inputs import unique_ids
from ..io.paths import check_inputs, check_output
from .app import app, fail, succeed


@app.command(rich_help_panel="Data")
def convert(
    sources: Annotated[list[Path], typer.Argument(help="Corpus files or folders, as the corpus lays them out")],
    from_format: Annotated[str, typer.Option("--from", "-f", help=f"Source format: {', '.join(formats())}")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write argmine JSONL ('-' = stdout)")],
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output file")] = False,
) -> None:
    """Convert an annotated corpus (or plain text) to argmine JSONL records."""
    try:
        # Refuse an output that is (or is inside) a source before anything is opened.
        check_inputs(sources)
        check_output(output, sources, overwrite=overwrite)
        n = write_jsonl(unique_ids(read_many(sources, format=from_format)), output, overwrite=overwrite)
    except ArgmineError as e:
        raise fail(str(e)) from e
    if str(output) != "-":
        succeed(f"Wrote {n} documents to {output}")
