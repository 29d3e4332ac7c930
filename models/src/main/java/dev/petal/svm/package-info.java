/**
 * Support vector classification with scikit-learn 1.2.1 parity: {@link dev.petal.svm.SVC} (the
 * configuration), {@link dev.petal.svm.SVCModel} (the fitted model) and {@link dev.petal.svm.SVCState}
 * (its persistable state), backed by a pure-Java port of the libsvm fork scikit-learn ships.
 *
 * <p>Each fit and bulk prediction uses its own threads ({@link dev.petal.api.Parallelism}: one-vs-one pairs,
 * long kernel columns, solver passes, blocks of test rows) and joins them before returning; by default the
 * system property {@code petal.threads}, else the JVM's processors, at most 8. Only work whose entries are
 * computed independently is split, so the results are the same for every thread count. Long calls check
 * the caller's interrupt status and an optional time limit.
 *
 * <p>Where a new libsvm formulation plugs in: a {@code QMatrix} for its Q (or {@code SvcQ} /
 * {@code SvrQ}), {@code Solver} or {@code NuSolver} for its SMO, a driver like {@code LibSvm} for the
 * problem layout, and a {@code ModelCodec} registered in {@code dev.petal.modelio.Codecs} for model files.
 */
package dev.petal.svm;
