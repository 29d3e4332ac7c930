package dev.petal.svm;

import dev.petal.api.Parallelism;

/**
 * libsvm's prediction ({@code svm_predict_values}, {@code svm_predict_probability}) on flat arrays:
 * pairwise decision values with libsvm's signs and summation order, one-vs-one votes, and coupled
 * probabilities. Shared by the fitted model and the probability cross-validation.
 */
final class Predict {
    private Predict() {
    }

    /**
     * Fills {@code dec} (one value per pair i &lt; j, positive for class i) for the sample
     * {@code x[xo, xo+d)}. Support vector s lies at {@code sv[svOff[s], svOff[s]+d)} and, for a
     * precomputed kernel, at column {@code svIdx[s]} of the sample row. {@code kvalue} and
     * {@code scratch} are work arrays (lengths: number of SVs, d).
     */
    static void decisionValues(KernelFunction kf, int nrClass, int[] nSV, double[][] coef, double[] rho,
                               double[] x, int xo, double[] sv, int[] svOff, int[] svIdx, int d,
                               double[] kvalue, double[] scratch, double[] dec) {
        int l = svOff.length;
        for (int s = 0; s < l; s++) {
            kvalue[s] = kf.predict(x, xo, sv, svOff[s], d, svIdx[s], scratch);
        }
        fromKernelValues(nrClass, nSV, coef, rho, kvalue, dec);
    }

    /**
     * libsvm's sparse {@code svm_predict_values} for every row of {@code rows} against the support vectors
     * {@code sv}: n x nrClass (nrClass - 1) / 2 values ({@link #fromKernelValues}'s; one column for the
     * regression and one-class formulations, which pass nrClass 2), rows in parallel on a team named {@code what}.
     */
    static double[][] sparseDecisionValues(String what, Parallelism parallelism, KernelFunction kf, SparseRows rows,
                                           SparseRows sv, int nrClass, int[] nSV, double[][] coef, double[] rho) {
        int n = rows.rows();
        double[][] out = new double[n][nrClass * (nrClass - 1) / 2];
        int nsv = sv.rows();
        try (Team team = Team.of(what, parallelism, null)) {
            // a piece: at least MIN_PIECE_WORK, else a quarter of one thread's share (as decisionValuesBulk)
            int piece = Math.max(Team.piece(nsv * rows.kernelWork(sv)), n / (4 * team.threads()) + 1);
            team.forRange(0, n, piece, (from, to) -> {
                double[] kvalue = new double[nsv];
                for (int r = from; r < to; r++) {
                    if ((r & 63) == 0) {
                        team.check();
                    }
                    for (int s = 0; s < nsv; s++) {
                        kvalue[s] = kf.predictSparse(rows, r, sv, s);
                    }
                    fromKernelValues(nrClass, nSV, coef, rho, kvalue, out[r]);
                }
            });
        }
        return out;
    }

    /**
     * The pairwise decision values of rows [0, n) of the flat {@code x} into {@code dec[r]}, in bulk:
     * each row's kernel values against every support vector come from {@link KernelFunction#predictBlock}
     * on the feature-major support vectors {@code svT} (not for a precomputed kernel), rows in parallel.
     * Bit-identical to {@link #decisionValues} row by row. Besides the block scratch, a piece holds the kernel
     * values of four rows (4 x the number of support vectors: bounded by the model, not by the rows).
     */
    static void decisionValuesBulk(KernelFunction kf, int nrClass, int[] nSV, double[][] coef, double[] rho,
                                   double[] x, int n, int d, FeatureMajor svT, double[][] dec, Team team) {
        decisionValuesBulk(kf, nrClass, nSV, coef, rho, x, null, n, d, svT, dec, team);
    }

    /**
     * {@link #decisionValuesBulk} for the rows {@code rows[0..n)} of the flat {@code x} (all rows [0, n) when
     * {@code rows} is null): row r's values go to {@code dec[r]}, without copying the rows out.
     */
    static void decisionValuesBulk(KernelFunction kf, int nrClass, int[] nSV, double[][] coef, double[] rho,
                                   double[] x, int[] rows, int n, int d, FeatureMajor svT, double[][] dec, Team team) {
        int nsv = svT.columns();
        int blocks = svT.blockCount();
        // a piece is at least MIN_PIECE_WORK (and four rows, the pairwise sums' group), else a quarter of one
        // thread's share, so a late helper delays the call by little
        int grain = Math.max(ROWS, Team.piece((long) nsv * (d + SvcQ.FINISH_WORK)));
        int piece = Math.max(grain, n / (4 * team.threads()) + 1);
        team.forRange(0, n, piece, (from, to) -> {
            Blas.Scratch s = team.scratch();
            double[][] kv = new double[ROWS][nsv];
            int r = from;
            for (int rowBlocks = 0; r + ROWS <= to; r += ROWS) {
                if ((rowBlocks++ & 15) == 0) {
                    team.check();
                }
                for (int q = 0; q < ROWS; q++) {
                    int xo = (rows == null ? r + q : rows[r + q]) * d;
                    for (int b = 0; b < blocks; b++) {
                        kf.predictBlock(x, xo, svT.block(b), svT.blockLength(b), d, s, kv[q], b << FeatureMajor.SHIFT);
                    }
                }
                fromKernelValues4(nrClass, nSV, coef, rho, kv, dec, r);
            }
            for (; r < to; r++) {
                int xo = (rows == null ? r : rows[r]) * d;
                for (int b = 0; b < blocks; b++) {
                    kf.predictBlock(x, xo, svT.block(b), svT.blockLength(b), d, s, kv[0], b << FeatureMajor.SHIFT);
                }
                fromKernelValues(nrClass, nSV, coef, rho, kv[0], dec[r]);
            }
        });
    }

    /** libsvm's pairwise sums over the kernel values, with its signs and summation order. */
    static void fromKernelValues(int nrClass, int[] nSV, double[][] coef, double[] rho, double[] kvalue,
                                         double[] dec) {
        int p = 0;
        int si = 0;
        for (int i = 0; i < nrClass; i++) {
            int ci = nSV[i];
            int sj = si + ci;
            for (int j = i + 1; j < nrClass; j++) {
                int cj = nSV[j];
                double sum = 0;
                double[] coef1 = coef[j - 1];
                double[] coef2 = coef[i];
                for (int k = 0; k < ci; k++) {
                    sum += coef1[si + k] * kvalue[si + k];
                }
                for (int k = 0; k < cj; k++) {
                    sum += coef2[sj + k] * kvalue[sj + k];
                }
                sum -= rho[p];
                dec[p] = sum;
                p++;
                sj += cj;
            }
            si += ci;
        }
    }

    /** Rows whose pairwise sums {@link #fromKernelValues4} adds side by side. */
    private static final int ROWS = 4;

    /**
     * {@link #fromKernelValues} for rows r..r+3 at once (kernel values in {@code kv[0..3]}, results into
     * {@code dec[r..r+3]}): each row's sum is added in libsvm's order, the four rows' additions overlap
     * instead of waiting on each other (a sum over thousands of support vectors is otherwise bound by the
     * latency of one addition after another).
     */
    private static void fromKernelValues4(int nrClass, int[] nSV, double[][] coef, double[] rho, double[][] kv,
                                          double[][] dec, int r) {
        double[] k0 = kv[0];
        double[] k1 = kv[1];
        double[] k2 = kv[2];
        double[] k3 = kv[3];
        int p = 0;
        int si = 0;
        for (int i = 0; i < nrClass; i++) {
            int ci = nSV[i];
            int sj = si + ci;
            for (int j = i + 1; j < nrClass; j++) {
                int cj = nSV[j];
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double[] coef1 = coef[j - 1];
                double[] coef2 = coef[i];
                for (int k = si; k < si + ci; k++) {
                    double c = coef1[k];
                    s0 += c * k0[k];
                    s1 += c * k1[k];
                    s2 += c * k2[k];
                    s3 += c * k3[k];
                }
                for (int k = sj; k < sj + cj; k++) {
                    double c = coef2[k];
                    s0 += c * k0[k];
                    s1 += c * k1[k];
                    s2 += c * k2[k];
                    s3 += c * k3[k];
                }
                dec[r][p] = s0 - rho[p];
                dec[r + 1][p] = s1 - rho[p];
                dec[r + 2][p] = s2 - rho[p];
                dec[r + 3][p] = s3 - rho[p];
                p++;
                sj += cj;
            }
            si += ci;
        }
    }

    /** libsvm's vote: {@code dec > 0} votes for i, otherwise j; the first class with most votes wins. */
    static int vote(int nrClass, double[] dec, int[] votes) {
        java.util.Arrays.fill(votes, 0);
        int p = 0;
        for (int i = 0; i < nrClass; i++) {
            for (int j = i + 1; j < nrClass; j++) {
                if (dec[p] > 0) {
                    ++votes[i];
                } else {
                    ++votes[j];
                }
                p++;
            }
        }
        int best = 0;
        for (int i = 1; i < nrClass; i++) {
            if (votes[i] > votes[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Class probabilities from pairwise decision values, Platt's sigmoids clipped to [1e-7, 1-1e-7], then coupling. */
    static void probability(int nrClass, double[] dec, double[] probA, double[] probB, double[][] pairwise, double[] out) {
        double minProb = 1e-7;
        int k = 0;
        for (int i = 0; i < nrClass; i++) {
            for (int j = i + 1; j < nrClass; j++) {
                double s = Platt.sigmoidPredict(dec[k], probA[k], probB[k]);
                double hi = s > minProb ? s : minProb;
                pairwise[i][j] = hi < 1 - minProb ? hi : 1 - minProb;
                pairwise[j][i] = 1 - pairwise[i][j];
                k++;
            }
        }
        Platt.multiclassProbability(nrClass, pairwise, out);
    }
}
