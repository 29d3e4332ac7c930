package dev.petal.svm;

/**
 * libsvm's {@code QMatrix}: what the SMO {@link Solver} needs from the kernel, in the solver's current
 * permutation of the variables. {@link SvcQ} (classification and one-class) and {@link SvrQ} (regression,
 * 2l variables over l samples) implement it.
 */
interface QMatrix {
    /** Column i of Q rounded to float (libsvm's Qfloat), valid on [0, len); valid until the next call. */
    float[] getQ(int i, int len);

    /** The diagonal {@code Q_ii} in double, in the current permutation (shared, not copied). */
    double[] qd();

    /** Swaps variables i and j everywhere. */
    void swapIndex(int i, int j);
}
