from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..validate import validate_file
from .app import app, succeed


@app.command(rich_help_panel="Data")
def validate(
    files: Annotated[list[Path], typer.Argument(help="argmine JSONL files to check")],
) -> None:
    """Check records against the argmine.doc/1 schema: one line per bad record, FILE:LINE: problem."""
    bad = 0
    for path in files:
        for problem in validate_file(path):
            typer.echo(str(problem))
            bad += 1
    if bad:
        raise typer.Exit(code=1)
    succeed(f"{len(files)} file(s) valid")
