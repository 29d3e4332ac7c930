"""Writes a make_classification data set as CSV: make_csv.py N_ROWS N_FEATURES OUT.csv [SEED].

Header x0..x{d-1},y; every number as Python's repr (what a user's pandas/numpy export looks like).
"""
import sys

import numpy as np
from sklearn.datasets import make_classification

n, d, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
chunk = 100_000
with open(out, "w") as f:
    f.write(",".join(f"x{i}" for i in range(d)) + ",y\n")
    done = 0
    while done < n:
        m = min(chunk, n - done)
        X, y = make_classification(n_samples=m, n_features=d, n_informative=min(d, 10), n_redundant=min(2, d - min(d, 10)),
                                   random_state=seed + done)
        for row, label in zip(X.tolist(), y.tolist()):
            f.write(",".join(map(repr, row)) + "," + str(label) + "\n")
        done += m
