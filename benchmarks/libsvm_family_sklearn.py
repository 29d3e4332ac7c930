"""scikit-learn 1.2.1's side of benchmarks/libsvm_family_compare.sh: NuSVC, SVR, NuSVR, OneClassSVM fit and predict.

Usage: libsvm_family_sklearn.py nusvc|svr|nusvr|oneclass ROWS REPEATS
Data: make_classification(n_samples=ROWS, n_features=20, n_informative=10, random_state=0); regressors fit the
target 2 x0 + x1 - 0.5 x2 (the same expression, so the same bits, as dev.petal.bench.LibsvmFamilyCompare).
Prints one line: estimator, best fit and predict seconds of REPEATS, n_SV, the sum of the predictions of the
training rows, and a SHA-256 prefix of dual_coef_[0] and intercept_[0] (float64 bytes).
"""
import hashlib
import sys
import time

import numpy as np
from sklearn.datasets import make_classification
from sklearn.svm import NuSVC, NuSVR, OneClassSVM, SVR


def main():
    est, rows, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    t0 = time.perf_counter()
    X, y = make_classification(n_samples=rows, n_features=20, n_informative=10, random_state=0)
    target = 2.0 * X[:, 0] + X[:, 1] - 0.5 * X[:, 2]
    load = time.perf_counter() - t0
    make = {"nusvc": lambda: NuSVC(nu=0.3).fit(X, y),
            "svr": lambda: SVR(C=10.0, epsilon=0.2).fit(X, target),
            "nusvr": lambda: NuSVR(nu=0.3, C=10.0).fit(X, target),
            "oneclass": lambda: OneClassSVM(nu=0.1).fit(X)}[est]
    best_fit, m = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        m = make()
        best_fit = min(best_fit, time.perf_counter() - t0)
    best_predict, check = float("inf"), 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        p = m.predict(X)
        best_predict = min(best_predict, time.perf_counter() - t0)
        check = 0.0
        for v in p:   # summed in order, as the Java side sums
            check += float(v)
    dual = np.ascontiguousarray(m.dual_coef_[0], dtype="<f8").tobytes() + np.float64(m.intercept_[0]).tobytes()
    print("%s rows=%d sklearn load_s=%.3f fit_s=%.3f predict_s=%.3f n_sv=%d predict_sum=%r sha=%s" % (
        est, rows, load, best_fit, best_predict, len(m.support_), check, hashlib.sha256(dual).hexdigest()[:16]))


if __name__ == "__main__":
    main()
