#!/usr/bin/env bash
# One command, one run: Petal vs LIBSVM's Java port vs scikit-learn on the same CSVs.
# Usage: benchmarks/compare.sh [REPEATS] [--quick]   (from anywhere)
# The table goes to stdout and benchmarks/results/table.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl benchmarks -am package
exec java -Xmx8g -cp benchmarks/target/petal-benchmarks.jar dev.petal.bench.Compare benchmarks/results "${1:-3}" "${@:2}"
