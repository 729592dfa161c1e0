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


def write_card(meta: dict[str, Any], path: str | Path) -> None:
    out = [f"# argmine unit model `{meta['name']}`", "",
           "Labels every sentence claim / evidence / none, claims value / policy / fact, evidence "
           "event / testimony / statistic / reference, with probabilities. A cascade of three "
           "logistic regressions over hashed n-gram and linguistic-cue features "
           "(`argmine.features.sentence`), trained by `argmine train`.", "",
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
    out += ["", "## Limits", "",
            "- Policy claims and the four evidence types are learned only from the project's own "
            "annotations (`annotations/`); component labels mostly from essays and debates.",
            "- Sentence-level only: a sentence holding both a claim and its evidence is a claim.",
            "- English only; probabilities come from logistic regression and are not re-calibrated.", ""]
    Path(path).write_text("\n".join(out), encoding="utf-8")
