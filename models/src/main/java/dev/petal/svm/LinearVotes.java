package dev.petal.svm;

/**
 * The one-vs-one votes of a linear-kernel model without summing over its support vectors, wherever that
 * provably gives libsvm's votes. Pair (i, j)'s decision value is sum_s coef_s (x . sv_s) - rho, which
 * equals x . w - rho with w = sum_s coef_s sv_s; libsvm computes the first form, so the two differ by
 * rounding only. Both roundings are bounded by (n + d + 2) u S each (u = 2^-53, n the pair's support
 * vectors, d the features, S = sum_f |x_f| sum_s |coef_s| |sv_sf|, the standard bounds for dot products
 * and sums in any order, fused or not). When x . w - rho is farther from zero than twice that (with a
 * margin for the bound's own rounding), libsvm's value has the same sign, so the vote is the same;
 * otherwise {@link #signs} says so and the caller takes the exact path for that row.
 */
final class LinearVotes {
    private static final double U = 0x1p-53;

    private final int d;
    private final int pairs;
    /** Per feature f and pair p: w and sum_s |coef_s| |sv_sf|, feature-major so a row's pairs advance together. */
    private final double[][] wT;
    private final double[][] aT;
    private final double[] rho;
    private final double[] bound;

    /**
     * @param nSV  support vectors per class, in libsvm's order
     * @param coef libsvm's coefficients ({@code coef[j - 1]} for class i's vectors in pair (i, j), {@code coef[i]} for class j's)
     * @param sv   the support vectors, row-major, {@code d} values each
     */
    LinearVotes(int k, int d, int[] nSV, double[][] coef, double[] rho, double[] sv) {
        this.d = d;
        this.pairs = k * (k - 1) / 2;
        this.wT = new double[d][pairs];
        this.aT = new double[d][pairs];
        this.rho = rho.clone();
        this.bound = new double[pairs];
        int[] start = new int[k + 1];
        for (int c = 0; c < k; c++) {
            start[c + 1] = start[c] + nSV[c];
        }
        int p = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                add(coef[j - 1], sv, start[i], start[i + 1], p);
                add(coef[i], sv, start[j], start[j + 1], p);
                int n = nSV[i] + nSV[j];
                bound[p] = 2.0 * (n + d + 2) * U * 1.01;
                p++;
            }
        }
    }

    private void add(double[] coef, double[] sv, int from, int to, int p) {
        for (int s = from; s < to; s++) {
            double c = coef[s];
            for (int f = 0; f < d; f++) {
                wT[f][p] += c * sv[s * d + f];
                aT[f][p] += Math.abs(c) * Math.abs(sv[s * d + f]);
            }
        }
    }

    /**
     * Writes +1 or -1 per pair into {@code dec} (the sign of libsvm's decision value, which is all a vote
     * reads) for the sample {@code x[xo, xo + d)} and returns true; returns false when a pair's sign is not
     * certain, leaving {@code dec} partly written. {@code v} and {@code s} are work arrays of one entry per pair.
     */
    boolean signs(double[] x, int xo, double[] dec, double[] v, double[] s) {
        java.util.Arrays.fill(v, 0, pairs, 0.0);
        java.util.Arrays.fill(s, 0, pairs, 0.0);
        for (int f = 0; f < d; f++) { // feature by feature, every pair at once (the bound holds for any order)
            double xf = x[xo + f];
            double axf = Math.abs(xf);
            double[] wf = wT[f];
            double[] af = aT[f];
            for (int p = 0; p < pairs; p++) {
                v[p] += xf * wf[p];
                s[p] += axf * af[p];
            }
        }
        for (int p = 0; p < pairs; p++) {
            double margin = v[p] - rho[p];
            double err = bound[p] * s[p] + 4 * U * (Math.abs(v[p]) + Math.abs(rho[p])) + Double.MIN_NORMAL;
            if (!(Math.abs(margin) > err)) {
                return false;
            }
            dec[p] = margin > 0 ? 1 : -1;
        }
        return true;
    }

    /** The number of pairs (the length {@link #signs}' arrays need). */
    int pairs() {
        return pairs;
    }
}
