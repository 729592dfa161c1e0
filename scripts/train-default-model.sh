#!/usr/bin/env bash
# Rebuild the bundled default model from its recorded sources. Needs the research corpora
# beside the checkout (../shared/corpora, or CORPORA=...) and the project's annotations/.
# annotations/batch3.jsonl is held out: it is only scored (beside the cross-validated
# batches 1-2), never trained on. Parsed corpora are cached (--cache, default the user
# cache folder), so a rerun after a feature change does not parse again.
set -euo pipefail
cd "$(dirname "$0")/.."
C="${CORPORA:-../shared/corpora}"
OUT="${1:-argmine/data/default-model}"
rm -rf "$OUT"
argmine train \
  "aaec:$C/aaec-conll/data/conll/Essay_Level/train.dat" \
  "elecdeb:$C/elecdeb60to20@train" \
  "microtexts:$C/microtexts" \
  "cmv:$C/cmv-modes" \
  "jsonl:annotations/batch1.jsonl" \
  "jsonl:annotations/batch2.jsonl" \
  --dev "aaec:$C/aaec-conll/data/conll/Essay_Level/dev.dat" \
  --dev "elecdeb:$C/elecdeb60to20@dev" \
  --dev "jsonl:annotations/batch3.jsonl" \
  --cv "cmv:$C/cmv-modes" \
  --cv "jsonl:annotations" \
  --parity-cv microtext --parity-cv discussion --parity-cv news --parity-folds 3 \
  --measure-position \
  --stance-corpora "$C" \
  --seed 0 --C 1.0 \
  -o "$OUT"
