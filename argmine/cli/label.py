"""``argmine label``: annotate by hand in the terminal, one key per decision."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ArgmineError, Errors
from .app import app, console, fail, succeed

_NEEDS = {"units": "units", "stance": "stances", "relations": "units"}


@app.command(rich_help_panel="Annotate")
def label(
    inputs: Annotated[list[str], typer.Argument(help="Texts (.txt, .md, folders, JSONL with 'text') or argmine JSONL from `argmine annotate`")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Decision file (argmine JSONL); an existing one is resumed")],
    mode: Annotated[str, typer.Option(help="units (label and type), stance (an actor's position on a target) or relations (support / attack)")] = "units",
    target: Annotated[list[str] | None, typer.Option("--target", "-t", help="Stance target (stance mode; repeatable)")] = None,
    order: Annotated[str, typer.Option(help="text (as in the documents) or uncertain (least confident suggestion first)")] = "text",
    model: Annotated[Path | None, typer.Option(help="argmine model for the suggestions (default: the bundled model)")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy", help="spaCy pipeline name or path")] = None,
) -> None:
    """Accept or correct the model's suggestions with single keys; every decision is saved at once.

    Keys: Enter accepts; units: c claim, e evidence, n none (then a type key); stance: f favor,
    a against, m mixed, n none; relations: + support, - attack, 0 none; b back, s skip, q quit.
    """
    from ..io.inputs import read_inputs
    from ..label import MODES, DecisionLog, build_items
    from ..label.session import run

    targets = list(target or [])
    try:
        if mode not in MODES:
            raise ArgmineError(Errors.E302.format(what="mode", value=mode, choices=", ".join(MODES)))
        if order not in ("text", "uncertain"):
            raise ArgmineError(Errors.E302.format(what="order", value=order, choices="text, uncertain"))
        docs = list(read_inputs(inputs))
        if not docs:
            raise ArgmineError(Errors.E301)
        missing = [d for d in docs if not getattr(d, _NEEDS[mode])]
        if missing:
            docs = _suggest(docs, mode=mode, targets=targets, model=model, spacy_model=spacy_model)
        log = DecisionLog(output)
        items = build_items(docs, mode, targets=targets, order=order)
        outcome = run(items, log, console=console)
    except ArgmineError as e:
        raise fail(str(e)) from e
    except KeyboardInterrupt:
        outcome = None
    kept = len(DecisionLog(output)) if output.exists() else 0
    left = f"; {outcome.remaining} item(s) left, run the same command to resume" if outcome and outcome.remaining else ""
    succeed(f"{kept} decision(s) in {output}{left}")
    if mode == "units" and kept:
        console.print(f"Train on them with: argmine train jsonl:{output} -o my-model", markup=False, highlight=False)


def _suggest(docs, *, mode, targets, model, spacy_model):
    """Run the model on the records that lack what ``mode`` decides on."""
    from ..api import annotate, load

    if mode == "stance" and not targets:
        raise ArgmineError(Errors.E304.format(mode=mode, what="stances to review",
                                              fix="Pass --target, or give records from `argmine annotate --target`."))
    units_only = mode != "stance"
    nlp = load(model, spacy_model=spacy_model, units_only=units_only)
    need = _NEEDS[mode]
    todo = [d for d in docs if not getattr(d, need)]
    if units_only:
        # A record's own stance targets (meta.targets) need the parser: not for these modes.
        todo = [d.model_copy(update={"meta": {k: v for k, v in d.meta.items() if k != "targets"}}) for d in todo]
    done = iter(annotate(todo, nlp=nlp, targets=targets if mode == "stance" else ()))
    return [next(done).model_copy(update={"meta": d.meta}) if not getattr(d, need) else d for d in docs]
