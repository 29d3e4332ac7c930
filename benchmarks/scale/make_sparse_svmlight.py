"""Writes a wide sparse classification set in svmlight format: make_sparse_svmlight.py N_ROWS N_FEATURES DENSITY OUT [SEED].

Values uniform in (0, 1] at random positions (scipy.sparse.random), labels 0/1 from the sign of a random linear
score plus noise, so an rbf SVC keeps most rows as support vectors: the case where dense support vectors cost
n_SV x n_features doubles (benchmarks/sparse_sv_memory.sh).
"""
import sys

import numpy as np
import scipy.sparse as sp
from sklearn.datasets import dump_svmlight_file

n, d, density, out = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 0
rng = np.random.RandomState(seed)
X = sp.random(n, d, density=density, format="csr", random_state=rng, data_rvs=lambda k: 1.0 - rng.random_sample(k))
score = X @ rng.randn(d) + 0.5 * rng.randn(n)
y = (score > np.median(score)).astype(int)
dump_svmlight_file(X, y, out, zero_based=True)
