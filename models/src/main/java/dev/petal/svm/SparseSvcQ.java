package dev.petal.svm;

/**
 * libsvm's {@code SVC_Q} over sparse rows (scikit-learn's {@code libsvm_sparse}): the same float columns,
 * cache and swaps as {@link SvcQ}, each entry {@code (float) (y_i y_j K(x_i, x_j))} from
 * {@link KernelFunction#trainSparse}. Long columns are filled in parallel pieces; entries are independent,
 * so the split never changes a value.
 */
final class SparseSvcQ implements QMatrix {
    private final KernelFunction kf;
    private final SparseRows x;
    private final double[] xsq;
    private final int[] row;
    private final byte[] y;
    private final double[] qd;
    private final KernelCache cache;
    private final Team team;
    /** Entries of a column filled by one piece: {@link SparseRows#kernelWork} work units each. */
    private final int piece;

    /**
     * @param rows data row of each sample
     * @param y    +1 or -1 per sample
     */
    SparseSvcQ(KernelFunction kf, SparseRows x, double[] xsq, int[] rows, byte[] y, double cacheSizeMb, Team team) {
        this.kf = kf;
        this.x = x;
        this.xsq = xsq;
        this.row = rows.clone();
        this.y = y.clone();
        this.team = team;
        this.piece = Team.piece(x.kernelWork(x));
        int l = rows.length;
        this.qd = new double[l];
        for (int i = 0; i < l; i++) {
            qd[i] = kf.trainSparse(x, row[i], row[i], xsq);
        }
        this.cache = new KernelCache(l, cacheSizeMb, team);
    }

    @Override
    public float[] getQ(int i, int len) {
        int start = cache.request(i, len);
        float[] col = cache.column(i);
        if (start < len) {
            if (len - start < 2 * piece) {
                fill(i, col, start, len);
            } else {
                team.forRange(start, len, piece, (a, b) -> fill(i, col, a, b));
            }
        }
        return col;
    }

    private void fill(int i, float[] col, int from, int to) {
        int ri = row[i];
        int yi = y[i];
        for (int j = from; j < to; j++) {
            col[j] = (float) ((yi * y[j]) * kf.trainSparse(x, ri, row[j], xsq));
        }
    }

    @Override
    public double[] qd() {
        return qd;
    }

    @Override
    public void beginSwaps() {
        cache.beginSwaps();
    }

    @Override
    public void endSwaps() {
        cache.endSwaps();
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
