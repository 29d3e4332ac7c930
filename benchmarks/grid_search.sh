#!/usr/bin/env bash
# Grid search, whole process: `petal cv` (GridSearchCV on every local core) against scikit-learn's
# GridSearchCV(SVC(), 24 candidates, cv=5, n_jobs=-1) on the same 5,000-row CSV, each under
# /usr/bin/time -v (wall time, CPU time, peak resident memory), then a check that both found the same
# mean_test_score for every candidate and the same best parameters.
# Usage: benchmarks/grid_search.sh [RUNS]    (from the repository root; default 1 run of each)
set -euo pipefail
runs=${1:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/benchmarks/results/grid_search"
mkdir -p "$out"
cd "$root"
[ -f cli/target/petal.jar ] || ./mvnw -B -q -pl cli -am package -DskipTests
/usr/bin/python3 - "$out/data.csv" <<'PY'
import sys
from sklearn.datasets import make_classification
X, y = make_classification(n_samples=5000, n_features=20, n_informative=10, random_state=0)
with open(sys.argv[1], "w") as f:
    f.write(",".join("f%d" % i for i in range(20)) + ",label\n")
    for a, b in zip(X, y):
        f.write(",".join(repr(float(v)) for v in a) + ",%d\n" % b)
PY
grid=(--param "C=choice(0.1,0.3,1,3,10,30)" --param "gamma=choice(0.003,0.01,0.03,0.1)")
for i in $(seq "$runs"); do
  /usr/bin/time -v bin/petal cv --data "$out/data.csv" "${grid[@]}" --json \
      > "$out/petal.json" 2> "$out/petal-time-$i.txt"
  /usr/bin/time -v /usr/bin/python3 benchmarks/grid_search_sklearn.py "$out/data.csv" \
      > "$out/sklearn.json" 2> "$out/sklearn-time-$i.txt"
  for who in petal sklearn; do
    printf '%-8s run %d: ' "$who" "$i"
    grep -E "Elapsed|User time|Maximum resident" "$out/$who-time-$i.txt" | sed 's/^\s*//' | paste -sd';'
  done
done
/usr/bin/python3 - "$out/petal.json" "$out/sklearn.json" <<'PY'
import json, sys
p, s = (json.load(open(f)) for f in sys.argv[1:3])
same = p["cv_results"]["mean_test_score"] == s["mean_test_score"] and p["best_params"] == s["best_params"]
print("identical mean_test_score and best_params:", same, p["best_params"], p["best_score"])
PY
