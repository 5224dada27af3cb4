#!/usr/bin/env bash
# Writes the `deboiler --format json` output of every page of corpus/ and of
# the development pool (../shared/corpus-dev/, when present) to OUTDIR, one
# .jsonl per set, so two commits can be compared byte for byte:
#
#   scripts/pool_outputs.sh /tmp/before        # on the old commit
#   scripts/pool_outputs.sh /tmp/after         # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
#
# BIN overrides the binary (default: target/release/deboiler, built first).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/pool_outputs.sh OUTDIR}
mkdir -p "$out"
if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet --bin deboiler
    BIN=target/release/deboiler
fi
"$BIN" --quiet --jobs 1 --format json corpus > "$out/corpus.jsonl"
pool=../shared/corpus-dev
if [ ! -d "$pool" ]; then
    echo "pool_outputs: $pool is absent; wrote corpus/ only" >&2
    exit 0
fi
for set in "$pool"/*/; do
    name=$(basename "$set")
    "$BIN" --quiet --jobs 1 --format json "$set" > "$out/$name.jsonl"
done
wc -l "$out"/*.jsonl | tail -1 >&2
