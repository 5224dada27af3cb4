#!/usr/bin/env bash
# Throughput (1 vs 2 threads), peak RSS, order and bodies of the batch CLI
# on N records built from corpus/zyte (default 10,000):
#
#   scripts/bench_batch.sh [N] [WORKDIR]
#
# Builds WORKDIR/batch.jsonl and WORKDIR/batch.warc.gz with
# examples/make_batch.rs (about 1.8 GB and 0.5 GB for 10,000 records; not
# committed), runs `deboiler --format jsonl` with --jobs 1 and 2 under
# /usr/bin/time, and checks each output with scripts/check_batch.py.
# Wall-clock figures are only meaningful on an otherwise idle machine: the
# load average is printed with each run.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=${2:-/tmp/deboiler-batch}
mkdir -p "$work"
cargo build --release --quiet --bin deboiler --example make_batch
bin=target/release/deboiler
if [ ! -s "$work/batch.jsonl" ] || [ "$(wc -l < "$work/batch.jsonl")" -ne "$n" ]; then
    target/release/examples/make_batch corpus/zyte "$n" "$work/batch.jsonl" "$work/batch.warc.gz"
fi
for input in batch.jsonl batch.warc.gz; do
    for jobs in 1 2; do
        echo "== $input --jobs $jobs (load $(cut -d' ' -f1-3 /proc/loadavg))"
        /usr/bin/time -f "wall=%e s user=%U s sys=%S s peak_rss=%M KB" \
            "$bin" --format jsonl --jobs "$jobs" "$work/$input" > "$work/out.jsonl" 2> "$work/err.txt" || true
        grep -E "pages in|wall=" "$work/err.txt"
        python3 scripts/check_batch.py "$work/out.jsonl" corpus/zyte "$bin"
    done
done
