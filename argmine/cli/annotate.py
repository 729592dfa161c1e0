from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ArgmineError
from ..io import JsonlWriter
from ..io.inputs import read_inputs
from .app import app, console, err_console, fail


@app.command(rich_help_panel="Analyse")
def annotate(
    inputs: Annotated[list[str], typer.Argument(help=".txt files, JSONL with a 'text' field, folders of these, or '-' for stdin")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write argmine JSONL ('-' = stdout)")],
    target: Annotated[list[str] | None, typer.Option("--target", "-t", help="Stance target, e.g. \"detente with North Korea\" (repeatable)")] = None,
    term: Annotated[list[str] | None, typer.Option("--term", help="Extra word naming a target, as TARGET=WORD (repeatable)")] = None,
    model: Annotated[Path | None, typer.Option(help="argmine model directory (default: the bundled model)")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy", help="spaCy pipeline name or path")] = None,
    units_only: Annotated[bool, typer.Option("--units-only", help="Only units (no parser/NER: faster; no actors or stance)")] = False,
    show: Annotated[bool, typer.Option("--show", help="Print units and an actor × target × stance table")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per batch")] = 32,
    n_process: Annotated[int, typer.Option(min=1, help="Worker processes")] = 1,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output file")] = False,
) -> None:
    """Label units (claim / evidence / none, with types), find actors and their stances."""
    from ..api import annotate as run
    from ..api import load
    from .show import show_document

    targets = list(target or [])
    terms: dict[str, list[str]] = {}
    for spec in term or []:
        name, sep, word = spec.rpartition("=")
        if not sep or name not in targets or not word.strip():
            raise fail(f"--term {spec!r}: write TARGET=WORD with TARGET exactly as given to --target "
                       f"(targets: {', '.join(map(repr, targets)) or 'none'}).")
        terms.setdefault(name, []).append(word.strip())
    writer = None
    try:
        nlp = load(model, spacy_model=spacy_model, units_only=units_only)
        with JsonlWriter(output, overwrite=overwrite) as writer:
            for doc in run(read_inputs(inputs), nlp=nlp, targets=targets, terms=terms, batch_size=batch_size,
                           n_process=n_process):
                writer.write(doc)
                if show:
                    # Tables go to stderr when the records themselves go to stdout.
                    show_document(doc, err_console if str(output) == "-" else console)
    except ArgmineError as e:
        raise fail(str(e)) from e
    except KeyboardInterrupt as e:
        done = writer.count if writer is not None else 0
        raise fail(f"Interrupted; the {done} finished document(s) are in {output}.", code=130) from e
    if writer.count == 0:
        raise fail(f"No documents in the input ({', '.join(inputs)}): nothing was written to {output}.")
    if str(output) != "-":
        console.print(f"[green]✔[/green] Wrote {writer.count} document(s) to {output}", highlight=False)
