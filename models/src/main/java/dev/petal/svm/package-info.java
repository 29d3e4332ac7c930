/**
 * Support vector classification with scikit-learn 1.2.1 parity: {@link dev.petal.svm.SVC} (the
 * configuration), {@link dev.petal.svm.SVCModel} (the fitted model) and {@link dev.petal.svm.SVCState}
 * (its persistable state), backed by a pure-Java port of the libsvm fork scikit-learn ships.
 */
package dev.petal.svm;
