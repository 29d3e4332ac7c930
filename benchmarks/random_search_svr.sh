#!/usr/bin/env bash
# Random search of a regressor, whole process: `petal cv --estimator svr --n-iter 24` (RandomizedSearchCV on
# every local core) against scikit-learn's RandomizedSearchCV(SVR(), n_iter=24, cv=5, n_jobs=-1) on the same
# make_regression CSV, each under /usr/bin/time -v (wall time, CPU time, peak resident memory), then a check
# that both drew the same 24 candidates and found the same mean_test_score for each and the same best.
# Usage: benchmarks/random_search_svr.sh [RUNS]    (from the repository root; default 1 run of each)
#        ROWS=300 benchmarks/random_search_svr.sh  (a quick check on fewer rows; default 5,000)
set -euo pipefail
runs=${1:-1}
rows=${ROWS:-5000}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/benchmarks/results/random_search_svr"
mkdir -p "$out"
cd "$root"
[ -f cli/target/petal.jar ] || ./mvnw -B -q -pl cli -am package -DskipTests
/usr/bin/python3 - "$out/data.csv" "$rows" <<'PY'
import sys
from sklearn.datasets import make_regression
X, y = make_regression(n_samples=int(sys.argv[2]), n_features=20, n_informative=10, noise=10.0, random_state=0)
with open(sys.argv[1], "w") as f:
    f.write(",".join("f%d" % i for i in range(20)) + ",target\n")
    for a, b in zip(X, y):
        f.write(",".join(repr(float(v)) for v in a) + "," + repr(float(b)) + "\n")
PY
space=(--param "C=loguniform(1, 1000)" --param "epsilon=uniform(0, 10)" --param "gamma=loguniform(0.0001, 0.1)")
for i in $(seq "$runs"); do
  /usr/bin/time -v bin/petal cv --data "$out/data.csv" --estimator svr \
      "${space[@]}" --n-iter 24 --seed 0 --scoring neg_mean_squared_error --json \
      > "$out/petal.json" 2> "$out/petal-time-$i.txt"
  /usr/bin/time -v /usr/bin/python3 - "$out/data.csv" > "$out/sklearn.json" 2> "$out/sklearn-time-$i.txt" <<'PY'
import json, os, sys
# the C library's pow for loguniform draws, as fixtures/gen_model_selection.py explains
os.environ.setdefault("NPY_DISABLE_CPU_FEATURES", "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL")
import numpy as np
import scipy.stats as st
from sklearn.model_selection import RandomizedSearchCV
from sklearn.svm import SVR
d = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
s = RandomizedSearchCV(SVR(), {"C": st.loguniform(1, 1000), "epsilon": st.uniform(0, 10),
                               "gamma": st.loguniform(0.0001, 0.1)}, n_iter=24, random_state=0, cv=5,
                       scoring="neg_mean_squared_error", n_jobs=-1).fit(d[:, :-1], d[:, -1])
print(json.dumps({"mean_test_score": [float(v) for v in s.cv_results_["mean_test_score"]],
                  "params": [{k: float(v) for k, v in p.items()} for p in s.cv_results_["params"]],
                  "best_params": {k: float(v) for k, v in s.best_params_.items()}}))
PY
  for who in petal sklearn; do
    printf '%-8s run %d: ' "$who" "$i"
    grep -E "Elapsed|User time|Maximum resident" "$out/$who-time-$i.txt" | sed 's/^\s*//' | paste -sd';'
  done
done
/usr/bin/python3 - "$out/petal.json" "$out/sklearn.json" <<'PY'
import json, sys
p, s = (json.load(open(f)) for f in sys.argv[1:3])
same = (p["cv_results"]["mean_test_score"] == s["mean_test_score"] and p["cv_results"]["params"] == s["params"]
        and p["best_params"] == s["best_params"])
print("identical candidates, mean_test_score and best_params:", same, p["best_params"], p["best_score"])
PY
