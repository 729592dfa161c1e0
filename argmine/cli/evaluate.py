from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.table import Table

from ..errors import ArgmineError
from .app import app, console, fail


def print_report(report: dict[str, Any]) -> None:
    for head, block in report.items():
        for system in ("model", "tfidf_lr", "majority"):
            if system not in block:
                continue
            s = block[system]
            title = f"{head} · {system}: macro-F1 {s['macro_f1']:.3f}, accuracy {s['accuracy']:.3f}, n {s['n']}"
            table = Table(title=title, title_justify="left")
            for col in ("class", "precision", "recall", "F1", "support"):
                table.add_column(col, justify="right" if col != "class" else "left")
            for label, c in s["per_class"].items():
                table.add_row(label, f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}", str(c["support"]))
            console.print(table)
            if system == "model":
                conf = Table(title="confusion (rows gold, columns predicted)", title_justify="left")
                conf.add_column("")
                for label in s["labels"]:
                    conf.add_column(label, justify="right")
                for label, row in zip(s["labels"], s["confusion"]):
                    conf.add_row(label, *map(str, row))
                console.print(conf)


@app.command(rich_help_panel="Train")
def evaluate(
    model: Annotated[Path, typer.Argument(help="argmine model directory")],
    data: Annotated[list[str], typer.Argument(help="Gold data as FORMAT:PATH\\[@SPLIT] (e.g. elecdeb:../shared/corpora/elecdeb60to20@dev)")],
    cv_folds: Annotated[int, typer.Option(min=0, help="Cross-validate on DATA with this many folds (0 = score the model as trained)")] = 0,
    group_by: Annotated[str, typer.Option(help="Cross-validation groups: topic or document")] = "topic",
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON")] = None,
    stance: Annotated[bool, typer.Option("--stance", help="Score actor stances instead: analyse each gold document for its meta.targets and compare actor x target pairs")] = False,
) -> None:
    """Per-class precision/recall/F1, macro-F1 and confusion; optionally cross-topic cross-validation."""
    if stance:
        return _evaluate_stance(model, data, json_out)
    from ..api import _model_dir
    from ..nlp import units_pipeline
    from ..pipeline.unit_classifier import UnitClassifier
    from ..training import cross_validate, evaluate_model, load_sources, parse_source

    try:
        path = _model_dir(model)
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8")) if (path / "meta.json").is_file() else {}
        nlp = units_pipeline()
        examples = load_sources([parse_source(d) for d in data], nlp)
        if cv_folds:
            report = cross_validate(examples, folds=cv_folds, group_by=group_by,
                                    seed=meta.get("seed", 0), C=meta.get("C", 1.0))
        else:
            classifier = UnitClassifier(nlp).from_disk(path / "units")
            report = evaluate_model(classifier.models, examples)
    except ArgmineError as e:
        raise fail(str(e)) from e
    print_report(report)
    if json_out:
        json_out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _evaluate_stance(model: Path, data: list[str], json_out: Path | None) -> None:
    from ..api import annotate, load
    from ..stance.evaluate import evaluate_stances
    from ..training.corpus import parse_source, read_source

    try:
        nlp = load(model)
        golds = [g for d in data for g in read_source(parse_source(d)) if g.stances]
        if not golds:
            raise ArgmineError("No gold stances in the data: --stance needs records with actors and "
                               "stances (e.g. jsonl:annotations).")
        preds = [next(annotate([g.model_copy(update={"units": [], "actors": [], "stances": []})],
                               nlp=nlp, targets=g.meta.get("targets")
                               or sorted({s.target for s in g.stances})))
                 for g in golds]
        report = evaluate_stances(golds, preds)
    except ArgmineError as e:
        raise fail(str(e)) from e
    for key in ("all_pairs", "positioned_pairs"):
        if key in report:
            print_report({f"stance ({key.replace('_', ' ')})": {"model": report[key]}})
    if "positioned_found" in report:
        console.print(f"gold positions (favor/against/mixed) the system gave any stance to: "
                      f"{report['positioned_found']:.1%}", highlight=False)
    if json_out:
        json_out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
