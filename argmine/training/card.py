"""Write a model card (README.md) from a model's ``meta.json`` contents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

_MAPPING = """\
| corpus | argmine label | argmine type |
|---|---|---|
| persuasive essays (aaec) | MajorClaim, Claim → claim; Premise → evidence | none |
| ElecDeb60to20 | Claim → claim; Premise → evidence | none |
| microtexts | central claim → claim; other ADUs → evidence | none |
| Change My View modes | claim → claim; premise → evidence | evaluation_* → value, interpretation → fact |
| argmine annotations (JSONL) | as annotated | value / policy / fact; event / testimony / statistic / reference |

Sentences are labelled from the gold spans they hold: a sentence holding a claim is a claim,
else one holding a premise is evidence, else none (see `argmine.segment`)."""


def _row(name: str, block: dict[str, Any], metric: str) -> str:
    cells = [f"{block[k][metric]:.3f}" if k in block else "–" for k in ("majority", "tfidf_lr", "model")]
    return f"| {name} | {block.get('n_test', block.get('n', '–'))} | " + " | ".join(cells) + " |"


def _per_class(block: dict[str, Any]) -> str:
    model = block["model"]
    lines = ["| class | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for label, s in model["per_class"].items():
        lines.append(f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |")
    labels = model["labels"]
    lines += ["", "Confusion (rows gold, columns predicted): " + ", ".join(labels), "```"]
    lines += ["  ".join(f"{v:6d}" for v in row) for row in model["confusion"]]
    lines.append("```")
    return "\n".join(lines)


_REL_SYSTEMS = (("baseline_nearest_claim", "evidence → nearest preceding claim"),
                ("baseline_main_claim", "claims → main claim"), ("model", "argmine"))


def _relation_rows(name: str, report: dict[str, Any]) -> list[str]:
    rows = []
    for units, block in report.items():
        for system, label in _REL_SYSTEMS:
            s = block.get(system)
            if not s:
                continue
            main = f"{s['main_claim_accuracy']:.3f}" if "main_claim_accuracy" in s else "–"
            rows.append(f"| {name} | {units.replace('_', ' ')} | {label} | {s['all']['f1']:.3f} | "
                        f"{s['support']['f1']:.3f} | {s['attack']['f1']:.3f} | "
                        f"{s['unlabelled']['f1']:.3f} | {main} |")
    return rows


def _relations_section(rel: dict[str, Any] | None) -> list[str]:
    if not rel:
        return []
    out = ["", "## Argument structure (`relations/`)", "",
           "The `argmine_relations` component picks each document's main claim, scores every "
           "ordered pair of claim/evidence units for a link with logistic regression over "
           "distance, position, paragraph, discourse-marker, shared-word and unit-type features "
           "(`argmine.relations.features`; Stab & Gurevych 2017, Peldszus & Stede 2015, Persing & "
           "Ng 2016), keeps the maximum spanning forest (Chu-Liu/Edmonds over a virtual root: at "
           "most one outgoing link per unit, no cycles) and labels each link support or attack.", "",
           "Training data: " + "; ".join(
               f"`{src}` {s['documents']} documents, links "
               + ", ".join(f"{k} {v}" for k, v in s["links"].items())
               + f", {s['main_claims']} with a main claim" for src, s in rel["sizes"].items()) + ".", "",
           "A link counts when its source and target are in the sentences of a gold link's source "
           "and target and the label agrees (units are sentences; gold links inside one sentence "
           "vanish; an undercut attacks the source of the edge it undercuts). *Unlabelled* ignores "
           "the label. Main-claim accuracy: share of documents whose predicted main claim is in a "
           "sentence holding a gold main claim (an essay's restated major claim counts). Both "
           "baselines use argmine's main claim. *gold units*: sentences labelled from the gold "
           "annotation; *predicted units*: labelled by the unit classifier above.", "",
           "On gold units of microtexts the central claim is the only claim, so main-claim "
           "accuracy there is trivially 1.0 and the claims → main claim baseline has no link to "
           "make. The essays' CoNLL text has no paragraph breaks, so paragraph features and the "
           "nearest-claim baseline see each essay as one paragraph.", "",
           "Reproduce: `scripts/train-default-model.sh` (the whole model) or "
           "`scripts/train-default-model.sh --relations` (only `relations/`, into the existing "
           "model); score a model with `argmine evaluate MODEL aaec:PATH/dev.dat` (held out) or "
           "`argmine evaluate MODEL microtexts:PATH --cv-folds 5` (cross-validated on microtexts "
           "alone; the table's CV also trains every fold on the other training sources).", "",
           "| data | units | system | link F1 | support F1 | attack F1 | unlabelled F1 | main claim acc. |",
           "|---|---|---|---|---|---|---|---|"]
    for source, report in rel.get("dev", {}).items():
        out += _relation_rows(f"`{source}` (held out)", report)
    for source, report in rel.get("cv", {}).items():
        folds = next(iter(report.values())).get("folds", "?")
        out += _relation_rows(f"`{source}` ({folds}-fold CV by document)", report)
    return out


def write_card(meta: dict[str, Any], path: str | Path) -> None:
    out = [f"# argmine unit model `{meta['name']}`", "",
           "Labels every sentence claim / evidence / none, claims value / policy / fact, evidence "
           "event / testimony / statistic / reference, with probabilities. A cascade of three "
           "scikit-learn pipelines (`argmine.models.dict_linear`: word n-grams through "
           "`DictVectorizer` + TF-IDF, cue features through `DictVectorizer` + max-abs scaling, "
           "`LogisticRegression`) over the features of `argmine.features.sentence`, trained by "
           "`argmine train`. Each feature is given twice, shared by all genres and under the "
           "document's genre (Daumé's feature augmentation, `argmine.features.genre`); the genre "
           "is `--genre` / `meta.genre`, else predicted by a small genre classifier shipped in "
           "`units/genre.*` (written to `meta.genre_predicted` with its probability). The heads "
           "in `units/cfg.json` under `genre_heads` also have a model of each genre trained on that "
           "genre alone; on that genre's documents its class probabilities are averaged with the "
           "genre-aware model's (`argmine.models.genre_heads`).", "",
           f"- argmine {meta['argmine_version']}, schema {meta['schema']}, spaCy {meta['spacy_version']} "
           f"with `{meta['spacy_pipeline']}` (tagger and senter only), seed {meta['seed']}, C {meta['C']}",
           f"- trained {meta['trained']}", "", "## Training sources", "",
           "| source | sha256 |", "|---|---|"]
    out += [f"| `{s['source']}` | `{s['sha256'][:16]}…` |" for s in meta["sources"]]
    out += ["", "## Sizes (training sentences per head)", ""]
    for head, size in meta["sizes"].items():
        labels = ", ".join(f"{k} {v}" for k, v in size["labels"].items())
        out.append(f"- **{head}**: {size['sentences']} ({labels})")
    out += ["", "## Label mapping", "", _MAPPING, "", "## Scores", "",
            "Held-out sources are scored against (a) the majority class and (b) TF-IDF (word 1–2 "
            "grams) + logistic regression trained on the same data. Macro-F1 over the classes "
            "present in the gold labels.", ""]
    if meta["dev"]:
        out += ["### Component, held-out dev data", "",
                "| data | sentences | majority | TF-IDF + LR | argmine |", "|---|---|---|---|---|"]
        for source, heads in meta["dev"].items():
            for head, block in heads.items():
                if "model" in block:
                    out.append(_row(f"`{source}` {head} macro-F1", block, "macro_f1"))
        for source, heads in meta["dev"].items():
            for head, block in heads.items():
                if "model" in block:
                    out += ["", f"#### `{source}` {head}", "", _per_class(block)]
    if meta["cv"]:
        out += ["", "### Types, cross-validation grouped by topic (document where no topic)", "",
                "| data | head | sentences | majority acc. | TF-IDF + LR acc. | argmine acc. | argmine macro-F1 |",
                "|---|---|---|---|---|---|---|"]
        for source, heads in meta["cv"].items():
            for head, block in heads.items():
                out.append(f"| `{source}` | {head} | {block['n']} | {block['majority']['accuracy']:.3f} | "
                           f"{block['tfidf_lr']['accuracy']:.3f} | {block['model']['accuracy']:.3f} | "
                           f"{block['model']['macro_f1']:.3f} |")
        for source, heads in meta["cv"].items():
            for head, block in heads.items():
                out += ["", f"#### `{source}` {head} ({block['folds']} folds, {block['groups']} groups)",
                        "", _per_class(block)]
    out += _units_sections(meta.get("units") or {})
    stance = meta.get("stance") or {}
    if stance.get("cv"):
        out += ["", "### Learned stance classifiers (`stance/`), cross-topic cross-validation", "",
                "Trained by `argmine.stance.learned.train_stance_models`: target stance on IBM claim "
                "stance + IAM (the pre-polarity-model classifier, kept for models without "
                "`stance/polarity`); NewsMTSC person polarity is cross-validated here as a baseline only. "
                "Folds grouped by topic (NewsMTSC: by article). Baseline: the lexicon-only reading "
                "(`argmine.stance.lexicon`). These are the figures of today's model beside which the "
                "polarity model below is measured.", "",
                "| corpus | n | groups | majority F1 / acc. | lexicon F1 / acc. | argmine F1 / acc. |",
                "|---|---|---|---|---|---|"]
        for name, block in stance["cv"].items():
            if not isinstance(block, dict) or "model" not in block:
                continue
            cells = [f"{block[k]['macro_f1']:.3f} / {block[k]['accuracy']:.3f}"
                     for k in ("majority", "lexicon", "model")]
            out.append(f"| {name} | {block['n']} | {block['groups']} | " + " | ".join(cells) + " |")
    out += _relations_section(meta.get("relations"))
    out += ["", "## Limits", "",
            "- Policy claims and the four evidence types are learned only from the project's own "
            "annotations (`annotations/`); component labels mostly from essays and debates.",
            "- Sentence-level only: a sentence holding both a claim and its evidence is a claim.",
            "- English only; probabilities come from logistic regression and are not re-calibrated.", ""]
    Path(path).write_text("\n".join(out), encoding="utf-8")


_SYSTEMS = (("default", "default (genre-aware)"), ("genre_alone", "genre alone"),
            ("pooled", "pooled, genre-blind"), ("tfidf_lr", "TF-IDF + LR, genre alone"))


def parity_table(rows: list[dict[str, Any]]) -> list[str]:
    """Markdown lines of the parity table (``training.parity`` rows)."""
    out = ["| head | genre | data | sentences | " + " | ".join(name for _, name in _SYSTEMS)
           + " | default − alone | parity |",
           "|---|---|---|---|" + "---|" * len(_SYSTEMS) + "---|---|"]
    for row in rows:
        cells = [f"{row[key]['macro_f1']:.3f}" if key in row else "–" for key, _ in _SYSTEMS]
        delta = f"{row['delta'] * 100:+.1f}" if "delta" in row else "–"
        ok = ("yes" if row["parity"] else "**no**") if "parity" in row else "–"
        out.append(f"| {row['head']} | {row['genre']} | `{row['data']}` | {row['n']} | "
                   + " | ".join(cells) + f" | {delta} | {ok} |")
    return out


def _units_sections(units: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if units.get("parity"):
        out += ["", "### Parity with genre-specific models (macro-F1)", "",
                "Each genre's evaluation data scored by four systems with the same features: the "
                "genre-aware default model, a model trained on that genre alone, the pooled "
                "genre-blind model (the earlier default design, position features for every genre) "
                "and TF-IDF + LR trained on that genre alone. `cv` rows are grouped cross-validation "
                "(by topic, by document where no topic; one genre's fold held out from every "
                "system), the others dev or held-out sets scored with models trained on all "
                "training data. `annotations/batch3.jsonl` is held out (never trained on) and "
                "stands beside the cross-validated batches 1-2. Parity: the default model at most "
                "1 point below the genre's own model.", ""]
        out += parity_table(units["parity"])
        if not any(r["protocol"] == "cv" and r["head"] == "component" for r in units["parity"]):
            out += ["", "This build has no cross-validated component rows (microtexts, Change My "
                    "View, annotations batches 1-2): train with `--parity-cv GENRE` to add them."]
    if units.get("genre_classifier"):
        g = units["genre_classifier"]
        out += ["", "### Genre classifier", "",
                f"Genres: {', '.join(g['genres'])}. Cross-validated by document ({g['folds']} folds):",
                "", "| input | n | accuracy | macro-F1 |", "|---|---|---|---|"]
        for kind, label in (("document", "whole document"), ("chunk", "1-3 sentences")):
            out.append(f"| {label} | {g[kind]['n']} | {g[kind]['accuracy']:.3f} | {g[kind]['macro_f1']:.3f} |")
    if units.get("position_genres") is not None:
        out += ["", "### Position features", "",
                "Position in the document (fifths, first, last, no neighbour) enters only the genre "
                "copy of these genres: " + (", ".join(units["position_genres"]) or "none") + ". "
                "Documents of fewer than three sentences get no position features and are read "
                "with the shared weights only (a genre's own weights were learned beside its "
                "layout), so a one- or two-sentence claim is read from its words."]
        if units.get("position_effect"):
            out += ["", "| genre | data | with position | without | effect |", "|---|---|---|---|---|"]
            for row in units["position_effect"]:
                out.append(f"| {row['genre']} | `{row['data']}` | {row['with']:.3f} | {row['without']:.3f} | "
                           f"{(row['with'] - row['without']) * 100:+.1f} |")
    if units.get("cue_lists"):
        out += ["", "### Cue lists (`units/cues/`)", "", "| file | sha256 |", "|---|---|"]
        out += [f"| `{name}` | `{digest[:16]}…` |" for name, digest in units["cue_lists"].items()]
    if units.get("seconds"):
        out += ["", "Training time (seconds): " + ", ".join(f"{k.replace('_', ' ')} {v}"
                                                          for k, v in units["seconds"].items()) + "."]
    return out


def carry_sections(old: str, new: str) -> str:
    """The card ``new`` plus what a retrained part's card cannot regenerate from ``old``.

    When only one part of a model is retrained, its card is written again from ``meta.json``;
    sections the writer does not produce (hand-written ones, such as the reported-speech
    rules) are kept before ``## Limits``, and everything after the first ``<!-- ... -->``
    marker (sections appended by other trainers, e.g. the polarity model) stays at the end.
    """
    body, marker, appended = old.partition("\n<!-- ")
    produced = {line for line in new.splitlines() if line.startswith("## ")}
    kept: list[str] = []
    section: list[str] = []
    for line in body.splitlines() + ["## "]:
        if line.startswith("## "):
            if section and section[0].startswith("## ") and section[0] not in produced:
                kept.append("\n".join(section).rstrip("\n"))
            section = []
        section.append(line)
    out = new.rstrip("\n")
    if kept:
        head, limits, tail = out.partition("\n## Limits")
        out = head.rstrip("\n") + "\n\n" + "\n\n".join(kept) + ("\n\n" + limits.lstrip("\n") + tail if limits else "")
    if marker:
        out += "\n\n<!-- " + appended.rstrip("\n") + "\n"
    return out if out.endswith("\n") else out + "\n"
