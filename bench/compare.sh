#!/usr/bin/env bash
# Run deboiler and the Python extractors of the field on the same pages, one
# core each, and print one table scored by bench/score.py.
#
#   bench/compare.sh [CORPUS_DIR] [OUT_DIR]
#
# CORPUS_DIR defaults to corpus/zyte (corpus/zyte-text works too: the peers
# then get each line as a <p>). OUT_DIR defaults to bench/out/<corpus name>;
# it receives <tool>/<id>.txt, <tool>/_meta.json and scores.json.
# The first run creates bench/.venv and installs bench/requirements.txt from
# PyPI. TOOLS="trafilatura justext" limits the peers run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
corpus="${1:-$root/corpus/zyte}"
out="${2:-$here/out/$(basename "$corpus")}"
tools="${TOOLS:-trafilatura readability justext justext_all resiliparse boilerpy3 html_text}"
venv="$here/.venv"

# One core for every tool: pin to CPU 0 where taskset exists.
pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c 0)
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --upgrade pip
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi

mkdir -p "$out"
echo "building deboiler-eval" >&2
(cd "$root" && cargo build --release --quiet --bin deboiler-eval)
"${pin[@]}" "$root/target/release/deboiler-eval" "$corpus" --write-preds "$out" --worst 0 >&2

for tool in $tools; do
    "${pin[@]}" "$venv/bin/python" "$here/run_peers.py" --tool "$tool" --corpus "$corpus" --out "$out"
done

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1); one core each; docs/s and MB/s by CPU time of the extraction calls; deboiler at $(cd "$root" && git describe --always --dirty 2>/dev/null || echo '?')"
python3 "$here/score.py" --gold "$corpus" "$out" --json "$out/scores.json"
