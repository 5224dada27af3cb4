#!/usr/bin/env bash
# Side by side in one run, on one pinned core, with the pages in memory:
# deboiler's HTML path against Resiliparse, dom_smoothie and scraper's parse
# alone on corpus/zyte, and deboiler's text path against a bare
# unicode_words() pass on corpus/zyte-text (issue 13).
#
#   bench/side_by_side.sh              # 5 rounds, core 0
#   ROUNDS=5 CPU=1 bench/side_by_side.sh
#   MIN_SECONDS=1 bench/side_by_side.sh   # longer timed passes
#
# Each round starts the Rust harness (bench/harness, deboiler-bench) and the
# Python harness (bench/side_by_side.py resiliparse) once each, pinned with
# `taskset -c $CPU`; each loads every page into memory, runs one untimed
# pass per tool, then one timed pass per tool. Rounds alternate the two
# processes so a change of load falls on every tool alike. A timed pass
# sweeps the pages as many times as fill MIN_SECONDS (default 0.5), so that
# the scheduler's clock ticks do not round a 20 ms sweep. A tool's figure is
# its best round (least CPU time a sweep). Time is the thread's CPU time
# (/proc/thread-self/schedstat in Rust, time.thread_time() in Python), so the
# neighbours' load counts only through shared caches and frequency.
#
# The first run creates bench/.venv with the Resiliparse of requirements.txt.
# The raw JSON lines go to bench/out/side_by_side/<UTC time>.jsonl.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
rounds="${ROUNDS:-5}"
cpu="${CPU:-0}"
min_seconds="${MIN_SECONDS:-0.5}"
venv="$here/.venv"
html="$root/corpus/zyte"
text="$root/corpus/zyte-text"

pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c "$cpu")
else
    echo "taskset not found: running unpinned" >&2
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --upgrade pip
fi
if ! "$venv/bin/python" -c 'import resiliparse' 2>/dev/null; then
    "$venv/bin/pip" install -q "$(grep -i '^resiliparse==' "$here/requirements.txt")"
fi

echo "building deboiler-bench" >&2
(cd "$root" && cargo build --release --quiet -p deboiler-bench)
harness="$root/target/release/side-by-side"

mkdir -p "$here/out/side_by_side"
stamp="$(date -u '+%Y%m%dT%H%M%SZ')"
raw="$here/out/side_by_side/$stamp.jsonl"
: >"$raw"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
    echo "round $r/$rounds" >&2
    "${pin[@]}" "$harness" --rounds 1 --min-seconds "$min_seconds" --html "$html" --text "$text" >>"$raw"
    "${pin[@]}" "$venv/bin/python" "$here/side_by_side.py" resiliparse --rounds 1 --min-seconds "$min_seconds" --html "$html" >>"$raw"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

commit="$(cd "$root" && git describe --always --dirty 2>/dev/null || echo '?')"
model="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
smoothie="$(sed -n '/^name = "dom_smoothie"$/{n;s/^version = "\(.*\)"$/\1/p}' "$root/Cargo.lock")"
resili="$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("resiliparse"))')"
echo "# side by side, $(date -u '+%Y-%m-%d %H:%M UTC'); deboiler at $commit"
echo
echo "$model, $(nproc) cores; pinned to core $cpu ($([ ${#pin[@]} -gt 0 ] && echo taskset || echo 'not pinned')); load average $load_before before, $load_after after;"
echo "best of $rounds rounds by thread CPU time; dom_smoothie $smoothie, Resiliparse $resili, $(rustc --version | cut -d' ' -f1-2), $("$venv/bin/python" --version)"
echo
"$venv/bin/python" "$here/side_by_side.py" report "$raw"
echo
echo "raw passes: ${raw#"$root/"}"
