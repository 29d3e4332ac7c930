/**
 * Support vector classification with scikit-learn 1.2.1 parity: {@link dev.petal.svm.SVC} (the
 * configuration), {@link dev.petal.svm.SVCModel} (the fitted model) and {@link dev.petal.svm.SVCState}
 * (its persistable state), backed by a pure-Java port of the libsvm fork scikit-learn ships.
 *
 * <p>Fits and predictions use every core by default (one-vs-one pairs, long kernel columns, blocks of
 * test rows); the system property {@code petal.threads} sets the number of threads (1: none besides the
 * caller's). Only work whose entries are computed independently is split, so the results are the same
 * for every thread count.
 */
package dev.petal.svm;
