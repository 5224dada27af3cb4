#!/bin/sh
# Exports every block of the six dev-pool sets (features, hand decision, text)
# for bench/learned/train.py: one OUT/<set>.jsonl per set. The export holds the
# pages' text: keep it outside the repository (see ../shared/corpus-dev/README.md).
#
#   scripts/learned_export.sh OUT [CORPUS]      (CORPUS defaults to ../shared/corpus-dev)
set -eu
out=${1:?usage: scripts/learned_export.sh OUT [CORPUS]}
corpus=${2:-../shared/corpus-dev}
# block-export builds its cleaner with `Builder::learned(false)`: the hand
# rules alone, so the model is never trained on its own decisions
cargo build --release -q -p deboiler-bench --bin block-export
mkdir -p "$out"
for s in zyte dragnet-train wcxb-dev-article; do
    target/release/block-export "$corpus/$s" > "$out/$s.jsonl"
    target/release/block-export "$corpus/$s-text" --text > "$out/$s-text.jsonl"
done
