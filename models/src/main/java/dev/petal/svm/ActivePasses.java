package dev.petal.svm;

import java.util.Arrays;

/**
 * The solver's passes over the active set each iteration: the gradient update and the two scans of
 * libsvm's second-order working-set selection (WSS3). The update and the next iteration's I_up scan run
 * in one pass over the same pieces, so a split iteration costs two hand-offs to the helper threads
 * instead of three.
 *
 * <p>Each pass is cut into contiguous pieces of at least {@link #MIN_PIECE} active samples, at most one per thread. libsvm's
 * ties go to the last index (its {@code >=} and {@code <=} updates), so a later piece's result wins over
 * an earlier one's whenever it ties or beats it, which gives exactly the sequential scan's choice; the
 * update writes every entry on its own. The arrays are the solver's, shared and permuted in place by it.
 */
sealed class ActivePasses permits NuPasses {
    /**
     * Work units per active sample of a pass: the update and both scans read or write about ten arrays and
     * divide once, and these overlap (the pass streams memory), so about half a unit each.
     */
    static final int WORK_PER_SAMPLE = 13;
    /** The smallest piece of a split pass, in active samples: below twice this a pass runs on one thread. */
    static final int MIN_PIECE = Team.piece(WORK_PER_SAMPLE);
    static final double TAU = 1e-12;
    static final double INF = Double.POSITIVE_INFINITY;

    final byte[] y;
    final double[] g;
    final byte[] status;
    final double[] qd;
    final Team team;
    final int slots;
    /** Per position -y in I_up, NaN outside it; and y in I_low, NaN outside it: the scans multiply, never branch on membership. */
    final double[] upMul;
    final double[] lowMul;

    // per-piece results of the two scans; piece p covers [p * piece, (p + 1) * piece)
    private final double[] upMax;
    private final int[] upIdx;
    private final double[] lowMax;
    private final double[] lowMin;
    private final int[] lowIdx;
    int piece;
    /** The active size the I_up results hold for, or -1 when they must be scanned afresh. */
    int upReadyFor = -1;

    // the operands of the current pass, for its pieces
    private float[] updQi;
    private float[] updQj;
    private double updDai;
    private double updDaj;
    private double lowGmax;
    private float[] lowQi;
    private double lowQdi;
    private double lowTwoYi;
    private final Team.Range updateAndUp = (from, to) -> {
        updateGradient(updQi, updQj, updDai, updDaj, from, to);
        scanUp(from, to, from / piece);
    };
    final Team.Range upScan = (from, to) -> scanUp(from, to, from / piece);
    private final Team.Range lowScan = (from, to) -> scanLow(from, to, from / piece);

    /**
     * @param y      +1 or -1 per position
     * @param g      the gradient
     * @param status {@link Solver}'s alpha status per position: 0 lower bound, 1 upper bound, 2 free
     * @param qd     the kernel diagonal
     */
    ActivePasses(byte[] y, double[] g, byte[] status, double[] qd, Team team) {
        this.team = team;
        this.slots = team.threads();
        this.y = y;
        this.g = g;
        this.status = status;
        this.qd = qd;
        this.upMax = new double[slots];
        this.upIdx = new int[slots];
        this.lowMax = new double[slots];
        this.lowMin = new double[slots];
        this.lowIdx = new int[slots];
        this.upMul = new double[y.length];
        this.lowMul = new double[y.length];
    }

    /**
     * Recomputes position i's set membership from its label and alpha status: I_up holds y=+1 not at the
     * upper bound and y=-1 not at the lower one, I_low y=+1 not at the lower bound and y=-1 not at the upper one.
     */
    void statusChanged(int i) {
        int yi = y[i];
        upMul[i] = status[i] != ((1 + yi) >> 1) ? -yi : Double.NaN;
        lowMul[i] = status[i] != ((1 - yi) >> 1) ? yi : Double.NaN;
    }

    /** Follows the solver's swap of positions i and j. */
    void swap(int i, int j) {
        double t = upMul[i];
        upMul[i] = upMul[j];
        upMul[j] = t;
        t = lowMul[i];
        lowMul[i] = lowMul[j];
        lowMul[j] = t;
    }

    /** Cuts [0, n) into at most one piece per thread, each at least {@link #MIN_PIECE} long; returns the number of pieces. */
    final int cut(int n) {
        int pieces = Math.max(1, Math.min(slots, n / MIN_PIECE));
        piece = pieces == 1 ? Math.max(1, n) : (n + pieces - 1) / pieces;
        return pieces;
    }

    /**
     * {@code G_k += Q_ik * dA_i + Q_jk * dA_j} for k in [0, n), as libsvm writes it, and the I_up scan for
     * the next {@link #select} with the same n; the alpha statuses must already be up to date.
     */
    final void updateGradientAndScanUp(float[] qi, float[] qj, double dai, double daj, int n) {
        clearUp();
        if (cut(n) == 1) {
            updateGradient(qi, qj, dai, daj, 0, n);
            scanUp(0, n, 0);
        } else {
            updQi = qi;
            updQj = qj;
            updDai = dai;
            updDaj = daj;
            team.forRange(0, n, piece, updateAndUp);
            updQi = null;
            updQj = null;
        }
        upReadyFor = n;
    }

    /** Forgets the I_up results: the active set, an alpha status or the gradient changed after them. */
    void invalidate() {
        upReadyFor = -1;
    }

    /**
     * libsvm's WSS3 over [0, n); returns 1 when optimal, else 0 with (i, j) in {@code out}. Column i of Q
     * comes from {@code q}.
     */
    int select(int n, QMatrix q, double eps, int[] out) {
        boolean split = cut(n) > 1;
        if (upReadyFor != n) {
            clearUp();
            if (split) {
                team.forRange(0, n, piece, upScan);
            } else {
                scanUp(0, n, 0);
            }
        }
        upReadyFor = -1;
        double gmax = -INF;
        int gmaxIdx = -1;
        for (int p = 0; p < slots; p++) {
            if (upIdx[p] != -1 && upMax[p] >= gmax) {
                gmax = upMax[p];
                gmaxIdx = upIdx[p];
            }
        }
        int i = gmaxIdx;
        if (i == -1) {
            return 1; // Gmax = -inf: no j passes gradDiff > 0, so libsvm finds no Gmin_idx
        }
        lowGmax = gmax;
        lowQi = q.getQ(i, n);
        lowQdi = qd[i];
        lowTwoYi = 2.0 * y[i];
        Arrays.fill(lowIdx, -1);
        Arrays.fill(lowMax, -INF);
        if (split) {
            team.forRange(0, n, piece, lowScan);
        } else {
            scanLow(0, n, 0);
        }
        lowQi = null;
        double gmax2 = -INF;
        double objDiffMin = INF;
        int gminIdx = -1;
        for (int p = 0; p < slots; p++) {
            if (lowMax[p] >= gmax2) {
                gmax2 = lowMax[p];
            }
            if (lowIdx[p] != -1 && lowMin[p] <= objDiffMin) {
                objDiffMin = lowMin[p];
                gminIdx = lowIdx[p];
            }
        }
        if (gmax + gmax2 < eps || gminIdx == -1) {
            return 1;
        }
        out[0] = gmaxIdx;
        out[1] = gminIdx;
        return 0;
    }

    private void updateGradient(float[] qi, float[] qj, double dai, double daj, int from, int to) {
        final double[] gs = g;
        for (int k = from; k < to; k++) {
            gs[k] += qi[k] * dai + qj[k] * daj;
        }
    }

    /** Forgets every piece's I_up result (a pass may cut fewer pieces than the last one). */
    void clearUp() {
        Arrays.fill(upIdx, -1);
    }

    /** I_up: the last maximum of -y*g (exact; NaN outside I_up never compares). */
    void scanUp(int from, int to, int slot) {
        final double[] um = upMul;
        final double[] gs = g;
        double gmax = -INF;
        int gmaxIdx = -1;
        for (int t = from; t < to; t++) {
            double v = um[t] * gs[t];
            if (v >= gmax) {
                gmax = v;
                gmaxIdx = t;
            }
        }
        upMax[slot] = gmax;
        upIdx[slot] = gmaxIdx;
    }

    /**
     * I_low. With w = y*g (exact; NaN outside I_low never compares), libsvm's two branches are
     * gradDiff = Gmax + w and quad = QD_i + QD_j - (2 y_i y_j) Q_ij, bit for bit. Records the last maximum
     * of w (-inf: no candidate) and the last minimum of objDiff.
     */
    private void scanLow(int from, int to, int slot) {
        final byte[] ys = y;
        final double[] gs = g;
        final double[] lm = lowMul;
        final double[] qds = qd;
        final float[] qi = lowQi;
        final double gmax = lowGmax;
        final double qdi = lowQdi;
        final double twoYi = lowTwoYi;
        double gmax2 = -INF;
        int gminIdx = -1;
        double objDiffMin = INF;
        for (int j = from; j < to; j++) {
            double w = lm[j] * gs[j];
            if (w >= gmax2) {
                gmax2 = w;
            }
            double gradDiff = gmax + w;
            // computed for every j and tested without a branch on gradDiff, which is unpredictable
            double quad = qdi + qds[j] - (twoYi * ys[j]) * qi[j];
            double objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
            if (gradDiff > 0 & objDiff <= objDiffMin) {
                gminIdx = j;
                objDiffMin = objDiff;
            }
        }
        lowMax[slot] = gmax2;
        lowMin[slot] = objDiffMin;
        lowIdx[slot] = gminIdx;
    }
}
