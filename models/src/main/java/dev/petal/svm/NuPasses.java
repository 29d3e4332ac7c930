package dev.petal.svm;

import java.util.Arrays;

/**
 * {@link ActivePasses} for {@link NuSolver}: libsvm's {@code Solver_NU::select_working_set} keeps the
 * I_up maximum and the I_low scan of each class (y = +1 and y = -1) apart, and takes both indices of the
 * working set in one class. The I_up scan of both classes runs in the gradient update's pass, as the plain
 * solver's does, and the I_low scan is cut into the same pieces; each class's membership is a factor
 * (+1 or -1, NaN outside), so the scans multiply instead of branching on the label or the alpha status.
 * Ties go to the last index as in libsvm, so a later piece wins over an earlier one when it ties or beats it.
 */
final class NuPasses extends ActivePasses {
    /** Returned by {@link #select} when a class has no I_up member: the caller scans as libsvm does. */
    static final int NO_CLASS_MAXIMUM = 2;

    /** Per position: -1 for y=+1 in I_up, NaN otherwise; and +1 for y=-1 in I_up, NaN otherwise. */
    private final double[] upMulPos;
    private final double[] upMulNeg;
    /** Per position: +1 for y=+1 in I_low, NaN otherwise; and -1 for y=-1 in I_low, NaN otherwise. */
    private final double[] lowMulPos;
    private final double[] lowMulNeg;

    // per-piece results
    private final double[] upMaxPos;
    private final int[] upIdxPos;
    private final double[] upMaxNeg;
    private final int[] upIdxNeg;
    private final double[] lowMaxPos;
    private final double[] lowMaxNeg;
    private final double[] lowMinObj;
    private final int[] lowMinIdx;

    // the operands of the current I_low pass, indexed by (y + 1) / 2
    private final double[] lowGmax = new double[2];
    private final double[] lowQd = new double[2];
    private final float[][] lowQ = new float[2][];
    private final Team.Range lowScan = (from, to) -> scanLowNu(from, to, from / piece);

    NuPasses(byte[] y, double[] g, byte[] status, double[] qd, Team team) {
        super(y, g, status, qd, team);
        int n = y.length;
        this.upMulPos = new double[n];
        this.upMulNeg = new double[n];
        this.lowMulPos = new double[n];
        this.lowMulNeg = new double[n];
        this.upMaxPos = new double[slots];
        this.upIdxPos = new int[slots];
        this.upMaxNeg = new double[slots];
        this.upIdxNeg = new int[slots];
        this.lowMaxPos = new double[slots];
        this.lowMaxNeg = new double[slots];
        this.lowMinObj = new double[slots];
        this.lowMinIdx = new int[slots];
    }

    @Override
    void statusChanged(int i) {
        super.statusChanged(i);
        boolean pos = y[i] > 0;
        upMulPos[i] = pos ? upMul[i] : Double.NaN;
        upMulNeg[i] = pos ? Double.NaN : upMul[i];
        lowMulPos[i] = pos ? lowMul[i] : Double.NaN;
        lowMulNeg[i] = pos ? Double.NaN : lowMul[i];
    }

    @Override
    void swap(int i, int j) {
        super.swap(i, j);
        swap(upMulPos, i, j);
        swap(upMulNeg, i, j);
        swap(lowMulPos, i, j);
        swap(lowMulNeg, i, j);
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Override
    void clearUp() {
        Arrays.fill(upIdxPos, -1);
        Arrays.fill(upIdxNeg, -1);
    }

    /** Both classes' I_up: the last maximum of -g over y=+1 and of g over y=-1 (exact; NaN never compares). */
    @Override
    void scanUp(int from, int to, int slot) {
        final double[] gs = g;
        final double[] up = upMulPos;
        final double[] un = upMulNeg;
        double maxPos = -INF;
        int idxPos = -1;
        double maxNeg = -INF;
        int idxNeg = -1;
        for (int t = from; t < to; t++) {
            double gt = gs[t];
            double vp = up[t] * gt;
            if (vp >= maxPos) {
                maxPos = vp;
                idxPos = t;
            }
            double vn = un[t] * gt;
            if (vn >= maxNeg) {
                maxNeg = vn;
                idxNeg = t;
            }
        }
        upMaxPos[slot] = maxPos;
        upIdxPos[slot] = idxPos;
        upMaxNeg[slot] = maxNeg;
        upIdxNeg[slot] = idxNeg;
    }

    /**
     * libsvm's ν working-set selection over [0, n): 1 when optimal, 0 with (i, j) in {@code out}, or
     * {@link #NO_CLASS_MAXIMUM} (nothing requested from {@code q}) when a class has no I_up member.
     */
    int selectNu(int n, QMatrix q, double eps, int[] out) {
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
        double gmaxp = -INF;
        int ip = -1;
        double gmaxn = -INF;
        int in = -1;
        for (int s = 0; s < slots; s++) {
            if (upIdxPos[s] != -1 && upMaxPos[s] >= gmaxp) {
                gmaxp = upMaxPos[s];
                ip = upIdxPos[s];
            }
            if (upIdxNeg[s] != -1 && upMaxNeg[s] >= gmaxn) {
                gmaxn = upMaxNeg[s];
                in = upIdxNeg[s];
            }
        }
        if (ip == -1 || in == -1) {
            return NO_CLASS_MAXIMUM;
        }
        lowQ[1] = q.getQ(ip, n);
        lowQ[0] = q.getQ(in, n);
        lowGmax[1] = gmaxp;
        lowGmax[0] = gmaxn;
        lowQd[1] = qd[ip];
        lowQd[0] = qd[in];
        Arrays.fill(lowMinIdx, -1);
        Arrays.fill(lowMaxPos, -INF);
        Arrays.fill(lowMaxNeg, -INF);
        if (split) {
            team.forRange(0, n, piece, lowScan);
        } else {
            scanLowNu(0, n, 0);
        }
        lowQ[0] = null;
        lowQ[1] = null;
        double gmaxp2 = -INF;
        double gmaxn2 = -INF;
        double objDiffMin = INF;
        int gminIdx = -1;
        for (int s = 0; s < slots; s++) {
            if (lowMaxPos[s] >= gmaxp2) {
                gmaxp2 = lowMaxPos[s];
            }
            if (lowMaxNeg[s] >= gmaxn2) {
                gmaxn2 = lowMaxNeg[s];
            }
            if (lowMinIdx[s] != -1 && lowMinObj[s] <= objDiffMin) {
                objDiffMin = lowMinObj[s];
                gminIdx = lowMinIdx[s];
            }
        }
        if (Math.max(gmaxp + gmaxp2, gmaxn + gmaxn2) < eps || gminIdx == -1) {
            return 1;
        }
        out[0] = y[gminIdx] == +1 ? ip : in;
        out[1] = gminIdx;
        return 0;
    }

    /**
     * Both classes' I_low. With w = y*g (exact; NaN outside I_low), libsvm's gradDiff is Gmaxp + g_j for
     * y=+1 and Gmaxn - g_j = Gmaxn + w for y=-1, and its quad QD_i + QD_j - 2 Q_ij with i the class's I_up
     * maximum, bit for bit. Records each class's last maximum of w and the last minimum of objDiff.
     */
    private void scanLowNu(int from, int to, int slot) {
        final byte[] ys = y;
        final double[] gs = g;
        final double[] lm = lowMul;
        final double[] lp = lowMulPos;
        final double[] ln = lowMulNeg;
        final double[] qds = qd;
        final double[] gmaxBy = lowGmax;
        final double[] qdBy = lowQd;
        final float[][] qBy = lowQ;
        double gmaxp2 = -INF;
        double gmaxn2 = -INF;
        int gminIdx = -1;
        double objDiffMin = INF;
        for (int j = from; j < to; j++) {
            double gj = gs[j];
            double wp = lp[j] * gj;
            if (wp >= gmaxp2) {
                gmaxp2 = wp;
            }
            double wn = ln[j] * gj;
            if (wn >= gmaxn2) {
                gmaxn2 = wn;
            }
            int c = (ys[j] + 1) >> 1;
            double gradDiff = gmaxBy[c] + lm[j] * gj;
            double quad = qdBy[c] + qds[j] - 2 * qBy[c][j];
            double objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
            if (gradDiff > 0 & objDiff <= objDiffMin) {
                gminIdx = j;
                objDiffMin = objDiff;
            }
        }
        lowMaxPos[slot] = gmaxp2;
        lowMaxNeg[slot] = gmaxn2;
        lowMinObj[slot] = objDiffMin;
        lowMinIdx[slot] = gminIdx;
    }
}
