#!/usr/bin/env bash
# Grid search on sparse (svmlight) data, whole process: `petal cv --format svmlight --estimator linearsvc` with a
# 4 x 2 grid (8 candidates x 5 folds, CSR folds on every local core) against scikit-learn's
# GridSearchCV(LinearSVC(random_state=0), cv=5, n_jobs=-1) on the same file read by load_svmlight_file, each
# under /usr/bin/time -v (wall time, CPU time, peak resident memory), then a check that both found the same
# mean_test_score for each candidate and the same best.
# Usage: benchmarks/grid_search_sparse.sh [RUNS]      (from the repository root; default 1 run of each)
#        ROWS=300 benchmarks/grid_search_sparse.sh    (a quick check on fewer rows; default 20,000 x 5,000, ~0.5% dense)
set -euo pipefail
runs=${1:-1}
rows=${ROWS:-20000}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/benchmarks/results/grid_search_sparse"
mkdir -p "$out"
cd "$root"
[ -f cli/target/petal.jar ] || ./mvnw -B -q -pl cli -am package -DskipTests
/usr/bin/python3 - "$out/data.svm" "$rows" <<'PY'
import sys
import numpy as np
import scipy.sparse as sp
from sklearn.datasets import dump_svmlight_file
n = int(sys.argv[2])
rng = np.random.RandomState(0)
x = sp.random(n, 5000, density=0.005, format="csr", random_state=rng, data_rvs=lambda k: rng.exponential(size=k).round(4))
w = rng.normal(size=5000)
y = (x @ w + 0.1 * rng.normal(size=n) > 0).astype(int)
dump_svmlight_file(x, y, sys.argv[1])
PY
grid=(--param "C=choice(0.01, 0.1, 1.0, 10.0)" --param "loss=choice('hinge', 'squared_hinge')")
for i in $(seq "$runs"); do
  /usr/bin/time -v bin/petal cv --format svmlight --data "$out/data.svm" \
      --estimator linearsvc --random-state 0 "${grid[@]}" --json > "$out/petal.json" 2> "$out/petal-time-$i.txt"
  /usr/bin/time -v /usr/bin/python3 - "$out/data.svm" > "$out/sklearn.json" 2> "$out/sklearn-time-$i.txt" <<'PY'
import json, sys, warnings
warnings.simplefilter("ignore")
from sklearn.datasets import load_svmlight_file
from sklearn.model_selection import GridSearchCV
from sklearn.svm import LinearSVC
x, y = load_svmlight_file(sys.argv[1])
s = GridSearchCV(LinearSVC(random_state=0), {"C": [0.01, 0.1, 1.0, 10.0], "loss": ["hinge", "squared_hinge"]}, cv=5,
                 n_jobs=-1).fit(x, y.astype(int))
print(json.dumps({"mean_test_score": [float(v) for v in s.cv_results_["mean_test_score"]],
                  "best_params": s.best_params_}))
PY
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
