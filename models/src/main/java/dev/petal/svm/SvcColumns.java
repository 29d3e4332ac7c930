package dev.petal.svm;

/**
 * What {@link SvcQ} (dense rows) and {@link SparseSvcQ} (sparse rows) share of libsvm's {@code SVC_Q}: each
 * position's data row and label, the diagonal {@code QD}, and the {@link KernelCache} of float columns, all
 * swapped together in the solver's permutation. A subclass fills the diagonal in its constructor and computes
 * the entries a column lacks ({@link #fill}).
 */
abstract sealed class SvcColumns implements QMatrix permits SvcQ, SparseSvcQ {
    /** Data row of each position. */
    final int[] row;
    /** +1 or -1 per position. */
    final byte[] y;
    /** {@code K(x_i, x_i)} per position, filled by the subclass. */
    final double[] qd;
    final KernelCache cache;

    /**
     * @param rows data row of each sample
     * @param y    +1 or -1 per sample
     */
    SvcColumns(int[] rows, byte[] y, double cacheSizeMb, Team team) {
        this.row = rows.clone();
        this.y = y.clone();
        this.qd = new double[rows.length];
        this.cache = new KernelCache(rows.length, cacheSizeMb, team);
    }

    /** Computes {@code col[j] = (float) (y_i y_j K(i, j))} for j in [from, to); entries are independent. */
    abstract void fill(int i, float[] col, int from, int to);

    @Override
    public final float[] getQ(int i, int len) {
        int start = cache.request(i, len);
        float[] col = cache.column(i);
        if (start < len) {
            fill(i, col, start, len);
        }
        return col;
    }

    @Override
    public final double[] qd() {
        return qd;
    }

    @Override
    public void swapIndex(int i, int j) {
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
