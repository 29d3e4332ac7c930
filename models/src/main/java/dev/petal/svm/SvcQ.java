package dev.petal.svm;

/**
 * libsvm's {@code SVC_Q}: columns of {@code Q_ij = y_i y_j K(x_i, x_j)} rounded to float (libsvm's
 * Qfloat), served through a {@link KernelCache}, and the diagonal {@code QD_i = K(x_i, x_i)} in double.
 * Positions follow the solver's permutation; rows refer to the flat training data.
 *
 * <p>For speed the samples are also kept feature-major in position order (a {@link FeatureMajor}, swapped
 * along with the positions), so a column is filled block by block with {@link Blas#dots}, in
 * parallel pieces ({@link Team}) for long columns. Every entry is computed exactly as {@link KernelFunction#train}
 * would, so the split and the layout never change a value.
 */
final class SvcQ extends SvcColumns {
    /** Work units of one entry besides its dot product: the kernel's arithmetic, the sign and the rounding. */
    static final int FINISH_WORK = 8;

    private final KernelFunction kf;
    private final double[] x;
    private final int d;
    private final int l;
    private final double[] xsq;
    private final FeatureMajor xt;
    private final double[] sq;
    private final Team team;
    /** Entries of a column filled by one piece ({@code d + FINISH_WORK} work units each), whole blocks of the layout. */
    private final int piece;

    /**
     * @param rows data row of each sample (for a precomputed kernel also its column)
     * @param y    +1 or -1 per sample
     */
    SvcQ(KernelFunction kf, double[] x, int d, double[] xsq, int[] rows, byte[] y, double cacheSizeMb, Team team) {
        super(rows, y, cacheSizeMb, team);
        this.team = team;
        // whole blocks per piece: a piece that starts or ends inside a block runs the block kernels on a part of it
        this.piece = -Blas.BLOCK & (Team.piece(d + FINISH_WORK) + Blas.BLOCK - 1);
        this.kf = kf;
        this.x = x;
        this.d = d;
        this.xsq = xsq;
        int l = rows.length;
        this.l = l;
        for (int i = 0; i < l; i++) {
            qd[i] = kf.train(x, d, row[i], row[i], xsq);
        }
        if (kf.precomputed()) {
            this.xt = null;
            this.sq = null;
        } else {
            this.xt = FeatureMajor.ofRows(x, row, d);
            this.sq = xsq == null ? null : new double[l];
            if (sq != null) {
                for (int pos = 0; pos < l; pos++) {
                    sq[pos] = xsq[row[pos]];
                }
            }
        }
    }

    @Override
    void fill(int i, float[] col, int from, int to) {
        if (xt == null) {
            kf.fillColumn(x, d, row[i], y[i], row, y, xsq, col, from, to);
        } else if (to - from < 2 * piece) {
            fillRange(i, col, from, to);
        } else {
            team.forRange(from, to, piece, (a, b) -> fillRange(i, col, a, b));
        }
    }

    private void fillRange(int i, float[] col, int from, int to) {
        Blas.Scratch s = team.scratch();
        int oi = row[i] * d;
        int yi = y[i];
        double sqi = sq == null ? 0 : sq[i];
        for (int b = from >> FeatureMajor.SHIFT; b << FeatureMajor.SHIFT < to; b++) {
            int base = b << FeatureMajor.SHIFT;
            int b0 = Math.max(from, base);
            int b1 = Math.min(to, base + Blas.BLOCK);
            Blas.dots(x, oi, xt.block(b), b0 - base, b1 - base, d, s.acc, s.out);
            kf.finishColumn(s.out, base, b0, b1, sqi, sq, yi, y, col);
        }
    }

    @Override
    public void swapIndex(int i, int j) {
        super.swapIndex(i, j);
        if (xt != null) {
            xt.swap(i, j);
            if (sq != null) {
                double t = sq[i];
                sq[i] = sq[j];
                sq[j] = t;
            }
        }
    }
}
