from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ArgmineError
from ..io import JsonlWriter
from ..io.inputs import read_inputs
from ..io.paths import check_inputs, check_output
from .app import app, console, err_console, fail, succeed
from .progress import document_progress


@app.command(rich_help_panel="Analyse")
def annotate(
    inputs: Annotated[list[str], typer.Argument(help=".txt or .md files, JSONL with a 'text' field, folders of these, or '-' for stdin")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write argmine JSONL ('-' = stdout)")],
    target: Annotated[list[str] | None, typer.Option("--target", "-t", help="Stance target, e.g. \"detente with North Korea\" (repeatable)")] = None,
    term: Annotated[list[str] | None, typer.Option("--term", help="Extra word naming a target, as TARGET=WORD (repeatable)")] = None,
    target_kind: Annotated[list[str] | None, typer.Option("--target-kind", help="Kind of a target when the one recognised is wrong: TARGET=KIND, or KIND for all targets; KIND is policy, actor, event or motion (repeatable)")] = None,
    model: Annotated[Path | None, typer.Option(help="argmine model directory (default: the bundled model)")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy", help="spaCy pipeline name or path")] = None,
    genre: Annotated[str, typer.Option("--genre", help="Genre of the input: essay, debate, microtext, discussion, news, or auto (each document's meta.genre, else predicted)")] = "auto",
    units_only: Annotated[bool, typer.Option("--units-only", help="Only units (no parser/NER: faster; no actors or stance)")] = False,
    show: Annotated[bool, typer.Option("--show", help="Print units, the argument tree and an actor × target × stance table")] = False,
    keep_gold: Annotated[bool, typer.Option("--keep-gold", help="Keep units and relations the input records already carry, in meta.gold")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per batch")] = 32,
    n_process: Annotated[int, typer.Option(min=1, help="Worker processes")] = 1,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output file")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run: keep the finished records in OUTPUT and analyse only the rest")] = False,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="Report bad input records and documents and go on (default: stop at the first, before writing it)")] = False,
    dask: Annotated[str | None, typer.Option("--dask", help="Run on a Dask cluster: the scheduler's address, e.g. tcp://10.0.0.5:8786 (needs argmine[dask] on every worker)")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line (it is shown only on a terminal anyway)")] = False,
) -> None:
    """Label units (claim / evidence / none, with types), find actors and their stances."""
    targets = list(target or [])
    terms: dict[str, list[str]] = {}
    for spec in term or []:
        name, sep, word = spec.rpartition("=")
        if not sep or name not in targets or not word.strip():
            raise fail(f"--term {spec!r}: write TARGET=WORD with TARGET exactly as given to --target "
                       f"(targets: {', '.join(map(repr, targets)) or 'none'}).")
        terms.setdefault(name, []).append(word.strip())
    kinds: dict[str, str] = {}
    for spec in target_kind or []:
        name, sep, kind = spec.rpartition("=")
        if sep and name not in targets:
            raise fail(f"--target-kind {spec!r}: write TARGET=KIND with TARGET exactly as given to --target "
                       f"(targets: {', '.join(map(repr, targets)) or 'none'}), or KIND alone for all targets.")
        kinds[name if sep else "*"] = kind.strip()
    try:
        # Every path check before a model loads or a file opens.
        check_inputs(inputs)
        check_output(output, inputs, overwrite=overwrite or resume)
    except ArgmineError as e:
        raise fail(str(e)) from e
    from ..api import annotate as run
    from ..api import load
    from .show import show_document

    writer = None
    try:
        # On a cluster the workers load the model; here it is loaded only to fail early.
        nlp = load(model, spacy_model=spacy_model, units_only=units_only)
        with JsonlWriter(output, overwrite=overwrite, resume=resume) as writer:
            records = read_inputs(inputs, skip_invalid=skip_invalid)
            if writer.done:
                records = (r for r in records if r.id not in writer.done)
            if dask is not None:
                from ..scale import annotate_dask

                results = annotate_dask(records, address=dask, model=model, spacy_model=spacy_model,
                                        units_only=units_only, targets=targets, terms=terms,
                                        target_kinds=kinds, keep_gold=keep_gold, batch_size=batch_size,
                                        skip_invalid=skip_invalid, genre=genre)
            else:
                results = run(records, nlp=nlp, targets=targets, terms=terms, target_kinds=kinds,
                              keep_gold=keep_gold, batch_size=batch_size, n_process=n_process,
                              skip_invalid=skip_invalid, genre=genre)
            # Closed on any exit (Ctrl-C included), so worker processes stop instead of
            # waiting for work that never comes.
            with closing(results), document_progress("annotate", quiet=quiet) as track:
                for doc in track(results):
                    writer.write(doc)
                    if show:
                        # Tables go to stderr when the records themselves go to stdout.
                        show_document(doc, err_console if str(output) == "-" else console)
    except ArgmineError as e:
        done = writer.count if writer is not None else 0
        kept = f" The {done} document(s) finished before it are in {output}." if done and str(output) != "-" else ""
        raise fail(str(e) + kept) from e
    except KeyboardInterrupt as e:
        done = writer.count if writer is not None else 0
        raise fail(f"Interrupted; the {done} finished document(s) are in {output} "
                   f"(continue with --resume).", code=130) from e
    earlier = len(writer.done)
    if writer.count == 0 and not earlier:
        raise fail(f"No documents in the input ({', '.join(inputs)}): nothing was written to {output}.")
    if str(output) != "-":
        resumed = f" ({earlier} were already there)" if earlier else ""
        succeed(f"Wrote {writer.count} document(s) to {output}{resumed}")
