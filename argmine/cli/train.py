from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import ArgmineError
from .app import app, console, fail, succeed
from .progress import progress


@app.command(rich_help_panel="Train")
def train(
    sources: Annotated[list[str], typer.Argument(help="Training data as FORMAT:PATH\\[@SPLIT] (e.g. elecdeb:../shared/corpora/elecdeb60to20@train, jsonl:annotations/, hf:saved_dataset); @SPLIT keeps records whose meta.split is SPLIT")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model directory to write")],
    dev: Annotated[list[str] | None, typer.Option(help="Held-out FORMAT:PATH scored against the baselines (repeatable)")] = None,
    cv: Annotated[list[str] | None, typer.Option(help="FORMAT:PATH scored for types by cross-topic cross-validation (repeatable)")] = None,
    stance_corpora: Annotated[Path | None, typer.Option(help="Folder with ibm-claim-stance/, iam/, newsmtsc/ to train the stance classifier")] = None,
    seed: Annotated[int, typer.Option(help="Random seed")] = 0,
    c: Annotated[float, typer.Option("--C", help="Inverse regularisation strength")] = 1.0,
    folds: Annotated[int, typer.Option(min=2, help="Folds for --cv")] = 5,
    spacy_model: Annotated[str | None, typer.Option("--spacy", help="spaCy pipeline name or path")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing model directory")] = False,
    relations_only: Annotated[bool, typer.Option("--relations-only", help="Keep the existing model in OUTPUT and retrain only its relation parser (relations/) from SOURCES")] = False,
    units_only: Annotated[bool, typer.Option("--units-only", help="Keep the existing model in OUTPUT and retrain only its unit classifier (units/) from SOURCES; relations/ and stance/ stay")] = False,
    cache: Annotated[Path | None, typer.Option(help="Keep parsed corpora here so retraining does not re-parse (default: $ARGMINE_CACHE or the user cache folder)")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every source again and keep nothing")] = False,
    cues: Annotated[Path | None, typer.Option(help="Folder of cue lists (*.txt, one word a line) for the features (default: the packaged lists)")] = None,
    parity_cv: Annotated[list[str] | None, typer.Option("--parity-cv", help="Genre to score by grouped cross-validation in the parity table (repeatable)")] = None,
    parity_folds: Annotated[int | None, typer.Option(min=2, help="Folds for the parity table's cross-validation (default: --folds)")] = None,
    measure_position: Annotated[bool, typer.Option("--measure-position", help="Score each genre's own model with and without position features, for the card")] = False,
    position_genre: Annotated[list[str] | None, typer.Option("--position-genre", help="Genre whose sentences get position features (repeatable; default: essay, microtext)")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar (it is shown only on a terminal anyway)")] = False,
) -> None:
    """Train the unit classifier (and optionally the stance classifier); write a model with its card."""
    from ..training import parse_source
    from ..training import train as run
    from ..training.cache import default_cache_dir
    from ..training.evaluate import POSITION_GENRES
    from ..training.train import train_relations_only, train_units_only

    cache_dir = None if no_cache else (cache or default_cache_dir())
    try:
        with progress(quiet=quiet):
            if relations_only:
                meta = train_relations_only([parse_source(s) for s in sources], output,
                                            dev=[parse_source(s) for s in dev or []],
                                            cv=[parse_source(s) for s in cv or []], seed=seed, C=c,
                                            cv_folds=folds, spacy_model=spacy_model, cache_dir=cache_dir)
            else:
                options: dict[str, Any] = {
                    "dev": [parse_source(s) for s in dev or []], "cv": [parse_source(s) for s in cv or []],
                    "seed": seed, "C": c, "cv_folds": folds, "spacy_model": spacy_model,
                    "cache_dir": cache_dir, "cues_dir": cues,
                    "parity_cv": list(parity_cv or []), "measure_position": measure_position,
                    "parity_folds": parity_folds,
                    "position_genres": (tuple(position_genre) if position_genre is not None
                                        else POSITION_GENRES)}
                if units_only:
                    meta = train_units_only([parse_source(s) for s in sources], output, **options)
                else:
                    meta = run([parse_source(s) for s in sources], output, stance_corpora=stance_corpora,
                               overwrite=overwrite, **options)
    except ArgmineError as e:
        raise fail(str(e)) from e
    for source, heads in ({} if relations_only else meta["dev"]).items():
        for head, block in heads.items():
            if "model" in block:
                console.print(f"{source} {head} macro-F1: argmine {block['model']['macro_f1']:.3f} · "
                              f"TF-IDF+LR {block['tfidf_lr']['macro_f1']:.3f} · majority "
                              f"{block['majority']['macro_f1']:.3f}", highlight=False, markup=False)
    rel = meta.get("relations") or {}
    for kind in ("dev", "cv"):
        for source, by_units in rel.get(kind, {}).items():
            for units, block in by_units.items():
                console.print(f"{source} links ({units.replace('_', ' ')}) F1: argmine "
                              f"{block['model']['all']['f1']:.3f} · nearest claim "
                              f"{block['baseline_nearest_claim']['all']['f1']:.3f} · main claim "
                              f"{block['baseline_main_claim']['all']['f1']:.3f}", highlight=False, markup=False)
    succeed(f"Model written to {output} (card: {output / 'README.md'})")
