from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ArgmineError
from ..io import formats, read_many, write_jsonl
from ..io.inputs import unique_ids
from ..io.paths import check_inputs, check_output
from ..progress import track, words_of
from .app import app, fail, succeed
from .progress import progress


@app.command(rich_help_panel="Data")
def convert(
    sources: Annotated[list[Path], typer.Argument(help="Corpus files or folders, as the corpus lays them out")],
    from_format: Annotated[str, typer.Option("--from", "-f", help=f"Source format: {', '.join(formats())}")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write argmine JSONL ('-' = stdout)")],
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output file")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line (it is shown only on a terminal anyway)")] = False,
) -> None:
    """Convert an annotated corpus (or plain text) to argmine JSONL records."""
    try:
        # Refuse an output that is (or is inside) a source before anything is opened.
        check_inputs(sources)
        check_output(output, sources, overwrite=overwrite)
        with progress(quiet=quiet):
            records = track(unique_ids(read_many(sources, format=from_format)), what=f"convert {from_format}",
                            words=lambda record: words_of(record.text))
            n = write_jsonl(records, output, overwrite=overwrite)
    except ArgmineError as e:
        raise fail(str(e)) from e
    if str(output) != "-":
        succeed(f"Wrote {n} documents to {output}")
