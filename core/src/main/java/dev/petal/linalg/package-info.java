/**
 * Sample matrices: dense row-major {@link dev.petal.linalg.Matrix} (EJML kept behind the API), sparse
 * {@link dev.petal.linalg.CsrMatrix} in scikit-learn's canonical CSR form, and the
 * {@link dev.petal.linalg.RowSource} view of rows that both implement for the solvers.
 */
package dev.petal.linalg;
