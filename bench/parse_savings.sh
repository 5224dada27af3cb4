#!/usr/bin/env bash
# How much of html5ever's parse time the parts issue 13 proposes to keep
# from it would save: times scraper::Html::parse_document (the harness's
# `parse-only`) on copies of corpus/zyte made by bench/composition.py, pinned
# to one core, best of $ROUNDS rounds by thread CPU time, variants taking
# turns round by round. `base` is each page with script and style contents
# removed (what deboiler's parser sees today); the others remove more from
# `base`. An upper bound for each optimisation: it keeps nothing the walk
# might still need.
#
#   bench/parse_savings.sh [CORPUS_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
corpus="${1:-$root/corpus/zyte}"
rounds="${ROUNDS:-5}"
cpu="${CPU:-0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/composition.py" "$corpus" --variants "$work" >&2
(cd "$root" && cargo build --release --quiet -p deboiler-bench)
harness="$root/target/release/side-by-side"
variants="base no-comments no-svg short-attrs all-three walk-attrs all-three+walk-attrs"
for r in $(seq 1 "$rounds"); do
    for v in $variants; do
        taskset -c "$cpu" "$harness" --rounds 1 --html "$work/$v" parse-only |
            sed "s/\"tool\":\"parse-only\"/\"tool\":\"$v\"/" >>"$work/passes.jsonl"
    done
done
echo "# parse time of scraper::Html::parse_document, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), best of $rounds"
python3 - "$work/passes.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
best = {}
for r in rows:
    if r["tool"] not in best or r["cpu_s"] < best[r["tool"]]["cpu_s"]:
        best[r["tool"]] = r
b = best["base"]
print("| variant | MB | CPU s per pass (best) | parse time saved vs base |")
print("|---|---:|---:|---:|")
for name, r in best.items():
    print(f"| {name} | {r['bytes'] / 1e6:.2f} | {r['cpu_s']:.3f} | {1 - r['cpu_s'] / b['cpu_s']:.1%} |")
PY
