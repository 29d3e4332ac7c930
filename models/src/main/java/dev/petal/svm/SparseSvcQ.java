package dev.petal.svm;

/**
 * libsvm's {@code SVC_Q} over sparse rows (scikit-learn's {@code libsvm_sparse}): the same float columns,
 * cache and swaps as {@link SvcQ}, each entry {@code (float) (y_i y_j K(x_i, x_j))} from
 * {@link KernelFunction#trainSparse}. Long columns are filled in parallel pieces; entries are independent,
 * so the split never changes a value.
 */
final class SparseSvcQ extends SvcColumns {
    private final KernelFunction kf;
    private final SparseRows x;
    private final double[] xsq;
    private final Team team;
    /** Entries of a column filled by one piece: {@link SparseRows#kernelWork} work units each. */
    private final int piece;

    /**
     * @param rows data row of each sample
     * @param y    +1 or -1 per sample
     */
    SparseSvcQ(KernelFunction kf, SparseRows x, double[] xsq, int[] rows, byte[] y, double cacheSizeMb, Team team) {
        super(rows, y, cacheSizeMb, team);
        this.kf = kf;
        this.x = x;
        this.xsq = xsq;
        this.team = team;
        this.piece = Team.piece(x.kernelWork(x));
        for (int i = 0; i < qd.length; i++) {
            qd[i] = kf.trainSparse(x, row[i], row[i], xsq);
        }
    }

    @Override
    void fill(int i, float[] col, int from, int to) {
        if (to - from < 2 * piece) {
            fillRange(i, col, from, to);
        } else {
            team.forRange(from, to, piece, (a, b) -> fillRange(i, col, a, b));
        }
    }

    private void fillRange(int i, float[] col, int from, int to) {
        int ri = row[i];
        int yi = y[i];
        for (int j = from; j < to; j++) {
            col[j] = (float) ((yi * y[j]) * kf.trainSparse(x, ri, row[j], xsq));
        }
    }
}
