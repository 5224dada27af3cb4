#!/usr/bin/env bash
# The Python package and the Spark job: in a fresh venv, install maturin,
# pytest, pyspark, warcio and mypy (for stubtest) from PyPI, build the deboiler
# wheel with maturin, install it, check its type stubs, and run the package's
# tests and the Spark job's test (local[2]).
# Needs python3 (3.9 or later) with venv, and Java 17 or later for Spark.
# Measured 2026-11-26 on 2 cores at load average 11-14: 371 s cold (no pip
# cache, empty cargo target: the release build alone 209 s), 133 s warm.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

python=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/deboiler-python-ci.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Spark needs Java 17+. Keep a JAVA_HOME that has it; otherwise derive one from
# the java on PATH, or take an installed JDK 17.
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 17 ]; then
    :
elif command -v java >/dev/null && [ "$(java_major java)" -ge 17 ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
else
    JAVA_HOME=$(ls -d /usr/lib/jvm/java-17-openjdk* 2>/dev/null | head -1 || true)
    [ -x "${JAVA_HOME:-/nonexistent}/bin/java" ] || { echo "python.sh: Spark needs Java 17 or later; none found (set JAVA_HOME)" >&2; exit 1; }
fi
export JAVA_HOME
echo "python.sh: $("$python" --version), Java $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"

"$python" -m venv "$work/venv"
venv="$work/venv/bin"
"$venv/python" -m pip install --quiet --upgrade pip
"$venv/python" -m pip install --quiet "maturin>=1.9.4,<2" "pytest>=8" "pyspark>=3.5" "warcio>=1.7" "mypy>=1.10"

"$venv/maturin" build --release --manifest-path crates/deboiler-py/Cargo.toml \
    --interpreter "$venv/python" --out "$work/wheels"
"$venv/python" -m pip install --quiet "$work"/wheels/deboiler-*.whl

# The type stubs must match the compiled module: every name, signature and
# class, so IDEs and type checkers see what the wheel really has.
(cd "$work" && "$venv/python" -m mypy.stubtest deboiler)

# The workers of the local Spark run this venv's Python, where the wheel is.
export PYSPARK_PYTHON="$venv/python"
# From outside the repository, so `import deboiler` is the installed wheel.
(cd "$work" && "$venv/python" -m pytest -q -p no:cacheprovider \
    "$OLDPWD/crates/deboiler-py/tests" "$OLDPWD/examples/spark")

echo "python.sh: done in $((SECONDS - start)) s"
