#!/usr/bin/env bash
# NuSVC, SVR, NuSVR and OneClassSVM fit and predict, Petal against scikit-learn 1.2.1 in the same run, on
# make_classification(ROWS x 20) (regressors: a linear target of three columns). Each side runs in its own
# process under /usr/bin/time -v (peak RSS of the whole process); in-process times are the best of REPEATS
# (Petal after one untimed warm-up fit); predict is of the ROWS training rows. Both print n_SV, the sum of the
# predictions and a SHA-256 prefix of dual_coef_ and intercept_: equal means the same fitted bits.
# Usage: benchmarks/libsvm_family_compare.sh [ROWS] [REPEATS] [ESTIMATORS]   (defaults: 15000 3 "nusvc svr nusvr oneclass")
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-15000}"
REPEATS="${2:-3}"
ESTIMATORS="${3:-nusvc svr nusvr oneclass}"
./mvnw -B -q -o -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/results
. benchmarks/timed_run.sh
for est in $ESTIMATORS; do
  timed_run "$est" java -Xmx8g -cp benchmarks/target/petal-benchmarks.jar dev.petal.bench.LibsvmFamilyCompare "$est" "$ROWS" "$REPEATS"
  timed_run "$est" /usr/bin/python3 benchmarks/libsvm_family_sklearn.py "$est" "$ROWS" "$REPEATS"
done | tee "benchmarks/results/libsvm_family_${ROWS}.txt"
