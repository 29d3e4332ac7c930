#!/usr/bin/env python3
"""Times scikit-learn's SVC on the CSVs the Java harness wrote, for the side-by-side table.

Usage: /usr/bin/python3 benchmarks/sklearn_timing.py DIR REPEATS
DIR holds <name>_train.csv / <name>_test.csv pairs and a cases.json the harness wrote
([{"name", "kernel", "C"}]). Prints one JSON object: {name: {"fit": s, "predict": s, "accuracy": a}},
after one untimed warm-up fit and predict, the best of REPEATS runs for each timing.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.svm import SVC


def load(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return np.ascontiguousarray(data[:, :-1]), data[:, -1].astype(int)


def main():
    folder, repeats = sys.argv[1], int(sys.argv[2])
    with open(f"{folder}/cases.json") as f:
        cases = json.load(f)
    out = {"_sklearn": sklearn.__version__}
    for case in cases:
        x_train, y_train = load(f"{folder}/{case['data']}_train.csv")
        x_test, _ = load(f"{folder}/{case['data']}_test.csv")
        fit_times, predict_times = [], []
        SVC(kernel=case["kernel"], C=case["C"]).fit(x_train, y_train).predict(x_test)  # warm-up
        for _ in range(repeats):
            model = SVC(kernel=case["kernel"], C=case["C"])
            t0 = time.perf_counter()
            model.fit(x_train, y_train)
            fit_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            pred = model.predict(x_test)
            predict_times.append(time.perf_counter() - t0)
        out[case["name"]] = {"fit": min(fit_times), "predict": min(predict_times),
                             "n_support": int(model.n_support_.sum()),
                             "predictions": [int(p) for p in pred]}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
