package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast paths compute the same bits as the reference formulas: block dot products and distances as
 * {@link Blas#dot}, kernel columns (blocked, split across threads, after batched swaps) as
 * {@link KernelFunction#train}, bulk prediction as {@link Predict#decisionValues} row by row.
 */
class BlockKernelTest {
    private static final int[] DIMS = {1, 7, 15, 16, 17, 20, 31, 32, 33, 48, 64, 70};

    private static double[] gaussian(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 1.0 - rnd.nextDouble();
            v[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
        }
        return v;
    }

    @Test
    void blockDotsAndDistancesEqualBlasDotBitForBit() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 300;
        for (int d : DIMS) {
            double[] a = gaussian(rnd, d + 3);
            double[] b = gaussian(rnd, n * d);
            FeatureMajor bt = FeatureMajor.ofRows(b, n, d);
            assertEquals(2, bt.blockCount());
            Blas.Scratch s = new Blas.Scratch();
            for (int blk = 0; blk < 2; blk++) {
                int base = blk * Blas.BLOCK;
                int len = bt.blockLength(blk);
                assertEquals(blk == 0 ? Blas.BLOCK : n - Blas.BLOCK, len);
                Blas.dots(a, 3, bt.block(blk), 13, len, d, s.acc, s.out);
                for (int j = 13; j < len; j++) {
                    assertEquals(Double.doubleToRawLongBits(Blas.dot(a, 3, b, (base + j) * d, d)),
                            Double.doubleToRawLongBits(s.out[j]), "dot d=" + d + " j=" + (base + j));
                }
                Blas.squaredDistances(a, 3, bt.block(blk), 0, len - 5, d, s.acc, s.out);
                double[] diff = new double[d];
                for (int j = 0; j < len - 5; j++) {
                    for (int f = 0; f < d; f++) {
                        diff[f] = a[3 + f] - b[(base + j) * d + f];
                    }
                    assertEquals(Double.doubleToRawLongBits(Blas.dot(diff, 0, diff, 0, d)),
                            Double.doubleToRawLongBits(s.out[j]), "distance d=" + d + " j=" + (base + j));
                }
            }
        }
    }

    @Test
    void kernelColumnsEqualTheTrainingKernelAlsoAfterSwaps() {
        SplittableRandom rnd = new SplittableRandom(11);
        int l = 2600;
        int d = 20; // l * d is above SvcQ's threshold, so long columns are split across threads
        double[] x = gaussian(rnd, l * d);
        double[] xsq = new double[l];
        for (int r = 0; r < l; r++) {
            xsq[r] = Blas.dot(x, r * d, x, r * d, d);
        }
        int[] rows = new int[l];
        byte[] y = new byte[l];
        for (int i = 0; i < l; i++) {
            rows[i] = i;
            y[i] = (byte) (rnd.nextBoolean() ? 1 : -1);
        }
        Team team = Team.of("test", dev.petal.api.Parallelism.threads(3), null);
        for (Kernel k : new Kernel[] {Kernel.LINEAR, Kernel.POLY, Kernel.RBF, Kernel.SIGMOID}) {
            KernelFunction kf = KernelFunction.of(k, 3, 0.05, 0.5);
            SvcQ q = new SvcQ(kf, x, d, k instanceof Kernel.Rbf ? xsq : null, rows, y, 1000, team);
            int[] row = rows.clone();
            byte[] yy = y.clone();
            for (int i : new int[] {0, 5, 1299, 2599}) {
                check(kf, q, x, d, xsq, row, yy, i, l, k);
            }
            q.getQ(7, 100); // a short cached column, dropped by swaps beyond its length
            for (int t = 0; t < 40; t++) {
                int i = rnd.nextInt(l / 2);
                int j = l / 2 + rnd.nextInt(l / 2);
                q.swapIndex(i, j);
                int tr = row[i];
                row[i] = row[j];
                row[j] = tr;
                byte ty = yy[i];
                yy[i] = yy[j];
                yy[j] = ty;
            }
            for (int i : new int[] {0, 5, 7, 1299, 2599, 1800}) {
                check(kf, q, x, d, xsq, row, yy, i, l, k);
            }
        }
        team.close();
    }

    private static void check(KernelFunction kf, SvcQ q, double[] x, int d, double[] xsq, int[] row, byte[] y, int i,
                              int l, Kernel k) {
        float[] col = q.getQ(i, l);
        for (int j = 0; j < l; j++) {
            float want = (float) ((y[i] * y[j]) * kf.train(x, d, row[i], row[j], xsq));
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(col[j]), k + " Q[" + i + "][" + j + "]");
        }
    }

    @Test
    void bulkDecisionValuesEqualRowByRow() {
        SplittableRandom rnd = new SplittableRandom(3);
        int d = 33;
        int[] nSV = {240, 125, 231}; // three blocks of support vectors, the last one partial
        int nsv = 596;
        int n = 200;
        double[] sv = gaussian(rnd, nsv * d);
        double[] x = gaussian(rnd, n * d);
        double[][] coef = {gaussian(rnd, nsv), gaussian(rnd, nsv)};
        double[] rho = gaussian(rnd, 3);
        int[] svOff = new int[nsv];
        for (int s = 0; s < nsv; s++) {
            svOff[s] = s * d;
        }
        for (Kernel k : new Kernel[] {Kernel.LINEAR, Kernel.POLY, Kernel.RBF, Kernel.SIGMOID}) {
            KernelFunction kf = KernelFunction.of(k, 2, 0.1, 0.25);
            double[][] bulk = new double[n][3];
            Predict.decisionValuesBulk(kf, 3, nSV, coef, rho, x, n, d, FeatureMajor.ofRows(sv, nsv, d), bulk, Team.serial("test"));
            double[] one = new double[3];
            for (int r = 0; r < n; r++) {
                Predict.decisionValues(kf, 3, nSV, coef, rho, x, r * d, sv, svOff, new int[nsv], d, new double[nsv],
                        new double[d], one);
                for (int p = 0; p < 3; p++) {
                    assertEquals(Double.doubleToRawLongBits(one[p]), Double.doubleToRawLongBits(bulk[r][p]),
                            k + " row " + r + " pair " + p);
                }
            }
            // rows picked by index (the probability CV's held-out rows), read in place: the same values
            int[] rows = new int[n / 2 + 3];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = (7 * i + 3) % n;
            }
            double[][] picked = new double[rows.length][3];
            Predict.decisionValuesBulk(kf, 3, nSV, coef, rho, x, rows, rows.length, d, FeatureMajor.ofRows(sv, nsv, d),
                    picked, Team.serial("test"));
            for (int i = 0; i < rows.length; i++) {
                assertArrayEquals(bulk[rows[i]], picked[i], 0.0, k + " picked row " + rows[i]);
            }
        }
    }
}
