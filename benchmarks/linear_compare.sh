#!/usr/bin/env bash
# LinearSVC and LinearSVR fit, Petal against scikit-learn 1.2.1 in the same run: dense make_classification
# 100,000 x 100 (dual=False) and a sparse tf-idf-like set (50,000 x 20,000, default dual=True); LinearSVR on
# the same X (cases dense-svr, sparse-svr; see linear_sklearn.py). Each side runs in its own
# process under /usr/bin/time -v (peak RSS of the whole process); in-process fit time is the best of REPEATS
# (Petal after one untimed warm-up fit). Both print a SHA-256 prefix of coef_ and intercept_: equal means
# the two fitted models are the same bits.  Usage: benchmarks/linear_compare.sh [REPEATS] [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS="${1:-3}"
CASES="${2:-dense sparse dense-svr sparse-svr}"
./mvnw -B -q -o -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/results
SVM=benchmarks/results/text_50000.svm
[ -f "$SVM" ] || /usr/bin/python3 benchmarks/linear_sklearn.py write-sparse "$SVM"
. benchmarks/timed_run.sh
for case in $CASES; do
  timed_run "$case" java -Xmx8g -cp benchmarks/target/petal-benchmarks.jar dev.petal.bench.LinearCompare "$case" "$REPEATS" "$SVM"
  timed_run "$case" /usr/bin/python3 benchmarks/linear_sklearn.py "$case" "$REPEATS" "$SVM"
done | tee benchmarks/results/linear.txt
