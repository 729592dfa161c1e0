from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..errors import ArgmineError, Errors
from ..progress import phase, track, words_of
from .app import app, console, fail
from .progress import progress


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
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the scores as JSON")] = None,
    stance: Annotated[bool, typer.Option("--stance", help="Score actor stances instead: analyse each gold document for its meta.targets and compare actor x target pairs")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar (it is shown only on a terminal anyway)")] = False,
) -> None:
    """Per-class precision/recall/F1, macro-F1 and confusion; optionally cross-topic cross-validation.

    Data with relations or main claims also gets link F1 (all, support, attack) and main-claim
    accuracy, beside two baselines, on gold and on predicted units.
    """
    if stance:
        return _evaluate_stance(model, data, json_out, quiet=quiet)
    from ..api import _model_dir
    from ..models.integrity import read_meta
    from ..nlp import units_pipeline
    from ..pipeline.unit_classifier import UnitClassifier
    from ..training import cross_validate, evaluate_model, load_sources, parse_source

    try:
        path = _model_dir(model)
        meta = read_meta(path)
        sources = [parse_source(d) for d in data]
        with progress(quiet=quiet):
            nlp = units_pipeline()
            classifier = UnitClassifier(nlp).from_disk(path / "units")
            # Features with the model's own cue lists, so scores match what the model predicts.
            examples = load_sources(sources, nlp, cue_lists=classifier.cues)
            with phase(f"cross-validate ({cv_folds} folds)" if cv_folds else "score the unit heads"):
                if cv_folds:
                    report = cross_validate(examples, folds=cv_folds, group_by=group_by,
                                            seed=meta.get("seed", 0), C=meta.get("C", 1.0))
                else:
                    report = evaluate_model(classifier.models, examples)
            relations = _evaluate_relations(path, sources, nlp, classifier, cv_folds=cv_folds, meta=meta)
    except ArgmineError as e:
        raise fail(str(e)) from e
    print_report(report)
    if relations:
        print_relations(relations)
        report = {**report, "relations": relations}
    if json_out:
        _write_json(report, json_out)


def _evaluate_relations(path: Path, sources: list, nlp: Any, classifier: Any, *, cv_folds: int,
                        meta: dict[str, Any]) -> dict[str, Any]:
    """Link F1 and main-claim accuracy on the sources that carry structure (empty if none)."""
    from ..relations.model import RelationParser
    from ..training.relations import cross_validate_parsed, load_relation_sources, score_parsed

    if not cv_folds and not (path / "relations" / "cfg.json").is_file():
        return {}
    parsed = load_relation_sources(sources, nlp)
    if not parsed:
        return {}
    if cv_folds:
        return {name: cross_validate_parsed(docs, folds=cv_folds, seed=meta.get("seed", 0),
                                            C=meta.get("C", 1.0)) for name, docs in parsed.items()}
    parser = RelationParser.from_disk(path / "relations")
    return {name: score_parsed(parser, docs, classifier) for name, docs in parsed.items()}


_REL_SYSTEMS = {"model": "argmine", "baseline_nearest_claim": "evidence → nearest claim",
                "baseline_main_claim": "claims → main claim"}


def print_relations(report: dict[str, Any]) -> None:
    """One table per source and unit kind: link F1 by label, main-claim accuracy."""
    for source, by_units in report.items():
        for units, block in by_units.items():
            table = Table(title=f"argument structure · {source} · {units.replace('_', ' ')} "
                                f"({block['documents']} documents)", title_justify="left")
            for col in ("system", "link P", "link R", "link F1", "support F1", "attack F1",
                        "unlabelled F1", "main claim"):
                table.add_column(col, justify="left" if col == "system" else "right")
            for system, name in _REL_SYSTEMS.items():
                s = block.get(system)
                if not s:
                    continue
                main = s.get("main_claim_accuracy")
                table.add_row(name, f"{s['all']['precision']:.3f}", f"{s['all']['recall']:.3f}",
                              f"{s['all']['f1']:.3f}", f"{s['support']['f1']:.3f}",
                              f"{s['attack']['f1']:.3f}", f"{s['unlabelled']['f1']:.3f}",
                              "–" if main is None else f"{main:.3f}")
            console.print(table)


def _evaluate_stance(model: Path, data: list[str], json_out: Path | None, *, quiet: bool) -> None:
    from ..api import annotate, load
    from ..stance.evaluate import evaluate_stances
    from ..training.corpus import parse_source, read_source

    try:
        nlp = load(model)
        golds = [g for d in data for g in read_source(parse_source(d)) if g.stances]
        if not golds:
            raise ArgmineError("No gold stances in the data: --stance needs records with actors and "
                               "stances (e.g. jsonl:annotations).")
        with progress(quiet=quiet):
            preds = [next(annotate([g.model_copy(update={"units": [], "actors": [], "stances": []})],
                                   nlp=nlp, targets=g.meta.get("targets")
                                   or sorted({s.target for s in g.stances})))
                     for g in track(golds, what="analyse", total=len(golds),
                                    words=lambda g: words_of(g.text))]
        report = evaluate_stances(golds, preds)
    except ArgmineError as e:
        raise fail(str(e)) from e
    for key in ("all_pairs", "positioned_pairs"):
        if key in report:
            print_report({f"stance ({key.replace('_', ' ')})": {"model": report[key]}})
    if "positioned_found" in report:
        console.print(f"gold positions (favor/against/mixed) the system gave any stance to: "
                      f"{report['positioned_found']:.1%}", highlight=False)
    if report.get("predicted_rows"):
        console.print(f"predicted actor x target rows without a gold record: {report['unmatched_rows']} of "
                      f"{report['predicted_rows']} ({report['unmatched_rows'] / report['predicted_rows']:.1%})",
                      highlight=False)
    if json_out:
        _write_json(report, json_out)


def _write_json(report: dict[str, Any], path: Path) -> None:
    """Write the scores as JSON; if ``path`` cannot be written, keep them in a temporary file."""
    text = json.dumps(report, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(21, "it is a folder")
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        fd, fallback = tempfile.mkstemp(prefix="argmine-scores-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        raise fail(Errors.E046.format(path=str(path), reason=e.strerror or str(e), fallback=fallback)) from e
