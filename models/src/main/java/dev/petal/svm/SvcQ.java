package dev.petal.svm;

/**
 * libsvm's {@code SVC_Q}: columns of {@code Q_ij = y_i y_j K(x_i, x_j)} rounded to float (libsvm's
 * Qfloat), served through a {@link KernelCache}, and the diagonal {@code QD_i = K(x_i, x_i)} in double.
 * Positions follow the solver's permutation; rows refer to the flat training data.
 */
final class SvcQ {
    private final KernelFunction kf;
    private final double[] x;
    private final int d;
    private final double[] xsq;
    private final int[] row;
    private final byte[] y;
    private final double[] qd;
    private final KernelCache cache;

    /**
     * @param rows data row of each sample (for a precomputed kernel also its column)
     * @param y    +1 or -1 per sample
     */
    SvcQ(KernelFunction kf, double[] x, int d, double[] xsq, int[] rows, byte[] y, double cacheSizeMb) {
        this.kf = kf;
        this.x = x;
        this.d = d;
        this.xsq = xsq;
        this.row = rows.clone();
        this.y = y.clone();
        int l = rows.length;
        this.qd = new double[l];
        for (int i = 0; i < l; i++) {
            qd[i] = kf.train(x, d, row[i], row[i], xsq);
        }
        this.cache = new KernelCache(l, cacheSizeMb);
    }

    /** Column i of Q, valid on [0, len). */
    float[] getQ(int i, int len) {
        int start = cache.request(i, len);
        float[] col = cache.column(i);
        if (start < len) {
            fill(i, col, start, len);
        }
        return col;
    }

    /** Computes {@code col[j] = (float) (y_i y_j K(i, j))} for j in [from, to); entries are independent. */
    void fill(int i, float[] col, int from, int to) {
        kf.fillColumn(x, d, row[i], y[i], row, y, xsq, col, from, to);
    }

    /** The diagonal, in the current permutation (shared, not copied). */
    double[] qd() {
        return qd;
    }

    /** Swaps positions i and j everywhere. */
    void swapIndex(int i, int j) {
        cache.swapIndex(i, j);
        int tr = row[i];
        row[i] = row[j];
        row[j] = tr;
        byte ty = y[i];
        y[i] = y[j];
        y[j] = ty;
        double tq = qd[i];
        qd[i] = qd[j];
        qd[j] = tq;
    }
}
