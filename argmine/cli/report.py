"""``argmine show``: read analysed records back as tables in the terminal or as an HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ArgmineError
from .app import app, console, fail, succeed


def _existing(path: Path) -> Path:
    from ..errors import Errors

    if not path.exists():
        raise ArgmineError(Errors.E006.format(path=str(path)))
    return path


@app.command(rich_help_panel="Read")
def show(
    files: Annotated[list[Path], typer.Argument(help="argmine JSONL files (from `argmine annotate`, or gold records)")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write one self-contained HTML report here (default: tables in the terminal)")] = None,
    title: Annotated[str | None, typer.Option(help="Title of the HTML report")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing report")] = False,
) -> None:
    """Show analysed documents: units, argument structure, quotations, actors and who stands where."""
    from ..io.jsonl import read_jsonl

    try:
        records = [record for path in files for record in read_jsonl(_existing(path))]
        if output is None:
            from .show import show_document

            if not records:
                from ..errors import Errors

                raise ArgmineError(Errors.E301)
            for record in records:
                show_document(record, console)
            return
        from ..report import write_report

        write_report(records, output, overwrite=overwrite, title=title)
    except ArgmineError as e:
        raise fail(str(e)) from e
    succeed(f"Wrote a report of {len(records)} document(s) to {output}")
