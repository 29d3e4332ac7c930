"""scikit-learn 1.2.1's side of benchmarks/linear_compare.sh: LinearSVC / LinearSVR fit time on the same data.

Usage: linear_sklearn.py dense|sparse|dense-svr|sparse-svr REPEATS [DATA.svm]
  dense : make_classification(n_samples=100000, n_features=100, random_state=0), fitted with dual=False (the
          primal TRON solver, scikit-learn's advice when n_samples > n_features)
  sparse: the svmlight file written by `linear_sklearn.py write-sparse FILE`
  dense-svr : LinearSVR(loss='squared_epsilon_insensitive', dual=False) on the dense X, target 2 x0 + x1 - 0.5 x2
  sparse-svr: LinearSVR() (default: dual coordinate descent) on the sparse X, the topic number as the target
Prints one line: case, best fit seconds, n_iter_, SHA-256 of coef_ and intercept_ (float64 bytes).
"""
import hashlib
import sys
import time
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.datasets import dump_svmlight_file, load_svmlight_file, make_classification
from sklearn.svm import LinearSVC, LinearSVR


def text_like(n_docs=50000, n_terms=20000, seed=7):
    """tf-idf-like rows: Zipf term counts, 3 topics, l2-normalized, as fixtures/gen_linear.py's smaller set."""
    rng = np.random.RandomState(seed)
    topics = rng.randint(0, 3, n_docs)
    rows, cols, vals = [], [], []
    for d in range(n_docs):
        length = rng.randint(40, 160)
        terms = np.minimum(rng.zipf(1.3, length) - 1 + 3000 * topics[d] * (rng.rand(length) < 0.3), n_terms - 1)
        t, c = np.unique(terms, return_counts=True)
        rows.append(np.full(len(t), d))
        cols.append(t)
        vals.append(1 + np.log(c))
    X = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n_docs, n_terms))
    df = np.bincount(X.indices, minlength=n_terms)
    X = sp.csr_matrix(X.multiply(np.log((1 + n_docs) / (1 + df)) + 1))
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    X = sp.csr_matrix(sp.diags(1 / norms) @ X)
    X.sort_indices()
    return X, topics


def main():
    if sys.argv[1] == "write-sparse":
        X, y = text_like()
        dump_svmlight_file(X, y, sys.argv[2], zero_based=True)
        print("wrote %s: %d x %d, %d stored values" % (sys.argv[2], X.shape[0], X.shape[1], X.nnz))
        return
    case, repeats = sys.argv[1], int(sys.argv[2])
    t0 = time.perf_counter()
    if case.startswith("dense"):
        X, y = make_classification(n_samples=100000, n_features=100, random_state=0)
    else:
        X, y = load_svmlight_file(sys.argv[3], zero_based=True)
    if case == "dense-svr":
        y = 2 * X[:, 0] + X[:, 1] - 0.5 * X[:, 2]
    load = time.perf_counter() - t0
    best, est = float("inf"), None
    for _ in range(repeats):
        if case == "dense-svr":
            est = LinearSVR(random_state=0, loss="squared_epsilon_insensitive", dual=False)
        elif case == "sparse-svr":
            est = LinearSVR(random_state=0)
        else:
            est = LinearSVC(random_state=0, dual=(case != "dense"))
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            est.fit(X, y)
        best = min(best, time.perf_counter() - t0)
    h = hashlib.sha256(np.ascontiguousarray(est.coef_, dtype="<f8").tobytes()
                       + np.ascontiguousarray(est.intercept_, dtype="<f8").tobytes()).hexdigest()
    print("%s sklearn load_s=%.3f fit_s=%.3f n_iter=%d sha=%s" % (case, load, best, est.n_iter_, h[:16]))


if __name__ == "__main__":
    main()
