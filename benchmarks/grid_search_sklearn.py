"""scikit-learn's side of benchmarks/grid_search.sh: GridSearchCV(SVC(), 24 candidates, cv=5, n_jobs=-1).

Usage: /usr/bin/python3 benchmarks/grid_search_sklearn.py DATA.csv
Prints best_params_, best_score_ and mean_test_score as JSON (what Petal's `petal cv --json` prints), so
the two runs can be checked for the same numbers.
"""
import json
import sys

import numpy as np
from sklearn.model_selection import GridSearchCV
from sklearn.svm import SVC

GRID = {"C": [0.1, 0.3, 1, 3, 10, 30], "gamma": [0.003, 0.01, 0.03, 0.1]}


def main(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    X, y = data[:, :-1], data[:, -1].astype(int)
    s = GridSearchCV(SVC(), GRID, cv=5, n_jobs=-1).fit(X, y)
    print(json.dumps({"best_params": s.best_params_, "best_score": s.best_score_,
                      "mean_test_score": s.cv_results_["mean_test_score"].tolist()}))


if __name__ == "__main__":
    main(sys.argv[1])
