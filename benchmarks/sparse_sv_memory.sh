#!/usr/bin/env bash
# Model file size and peak RSS of `petal train` / `petal predict` of an rbf SVC on a wide sparse svmlight set,
# where a sparse fit's support vectors cost nnz doubles as CSR but n_SV x n_features doubles when dense:
#   benchmarks/sparse_sv_memory.sh [ROWS] [FEATURES] [DENSITY]      # defaults 2000 20000 0.005
# The data comes from benchmarks/scale/make_sparse_svmlight.py (real scikit-learn, /usr/bin/python3).
# Each command runs once, whole process, under /usr/bin/time -v; RSS is what this measures (wall time on a
# shared machine says little). Compare two commits by building each (bin/petal builds cli/target/petal.jar).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=${1:-2000}; features=${2:-20000}; density=${3:-0.005}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$root/benchmarks/scale/make_sparse_svmlight.py" "$rows" "$features" "$density" "$work/x.svm"
"$root/bin/petal" --version >/dev/null   # builds the class-data archive first, outside the measurement
/usr/bin/time -v -o "$work/train.time" "$root/bin/petal" train --format svmlight --data "$work/x.svm" \
    --model "$work/m.petal"
/usr/bin/time -v -o "$work/predict.time" "$root/bin/petal" predict --format svmlight --data "$work/x.svm" \
    --model "$work/m.petal" --output "$work/p.csv"
rss() { awk -F': ' '/Maximum resident/ {printf "%d MB", $2 / 1024}' "$1"; }
echo "model file: $(stat -c %s "$work/m.petal") bytes; uncompressed entries:"
unzip -l "$work/m.petal" | sed -n '4,$p'
echo "train peak RSS: $(rss "$work/train.time"); predict peak RSS: $(rss "$work/predict.time")"
