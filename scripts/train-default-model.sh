#!/usr/bin/env bash
# Rebuild the bundled default model from its recorded sources. Needs the research corpora
# beside the checkout (../shared/corpora, or CORPORA=...) and the project's annotations/.
#
#   scripts/train-default-model.sh [OUT]          everything (units, relations, stance)
#   scripts/train-default-model.sh --relations [OUT]
#                                                 only the relation parser (relations/), into the
#                                                 existing model in OUT; units/ and stance/ stay
#   scripts/train-default-model.sh --units [OUT]  only the unit classifier (units/), into the
#                                                 existing model in OUT; relations/ and stance/
#                                                 stay, the card keeps its other sections
# annotations/batch3.jsonl is held out: it is only scored (beside the cross-validated
# batches 1-2), never trained on. Parsed corpora are cached (--cache, default the user
# cache folder), so a rerun after a feature change does not parse again.
set -euo pipefail
cd "$(dirname "$0")/.."
C="${CORPORA:-../shared/corpora}"
if [ "${1:-}" = "--relations" ]; then
  OUT="${2:-argmine/data/default-model}"
  argmine train --relations-only \
    "aaec:$C/aaec-conll/data/conll/Essay_Level/train.dat" \
    "microtexts:$C/microtexts" \
    "cmv:$C/cmv-modes" \
    --dev "aaec:$C/aaec-conll/data/conll/Essay_Level/dev.dat" \
    --cv "microtexts:$C/microtexts" \
    --seed 0 --C 1.0 \
    -o "$OUT"
  exit 0
fi
UNIT_SOURCES=(
  "aaec:$C/aaec-conll/data/conll/Essay_Level/train.dat"
  "elecdeb:$C/elecdeb60to20@train"
  "microtexts:$C/microtexts"
  "cmv:$C/cmv-modes"
  "jsonl:annotations/batch1.jsonl"
  "jsonl:annotations/batch2.jsonl"
)
UNIT_OPTIONS=(
  --dev "aaec:$C/aaec-conll/data/conll/Essay_Level/dev.dat"
  --dev "elecdeb:$C/elecdeb60to20@dev"
  --dev "jsonl:annotations/batch3.jsonl"
  --cv "cmv:$C/cmv-modes"
  --cv "jsonl:annotations"
  --cv "microtexts:$C/microtexts"
  --parity-cv microtext --parity-cv discussion --parity-cv news --parity-folds 5
  --measure-position
  --seed 0 --C 1.0
)
if [ "${1:-}" = "--units" ]; then
  argmine train --units-only "${UNIT_SOURCES[@]}" "${UNIT_OPTIONS[@]}" -o "${2:-argmine/data/default-model}"
  exit 0
fi
OUT="${1:-argmine/data/default-model}"
rm -rf "$OUT"
argmine train "${UNIT_SOURCES[@]}" "${UNIT_OPTIONS[@]}" \
  --stance-corpora "$C" \
  -o "$OUT"
# The polarity model (stance/polarity): every stance corpus plus annotation batches 1-2
# (batch 3 is the held-out test part), with its optional sentence-embedding block (training
# it needs pip install -e ".[embeddings]"). Its card section is appended to the model card.
python -m argmine.training.polarity "$C" annotations/batch1.jsonl annotations/batch2.jsonl \
  -o "$OUT/stance/polarity" --card "$OUT/README.md" --embeddings
