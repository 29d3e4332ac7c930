package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.api.Parallelism;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NuPasses} picks the working set libsvm's {@code Solver_NU::select_working_set} picks, written here
 * as libsvm writes it, on states full of ties (repeated gradients, signed zeros), non-positive quads and
 * both alpha bounds, in one piece and split over threads, with the I_up scan fresh or fused into the update.
 */
class NuPassesTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double EPS = 1e-3;

    @Test
    void theSplitStateIsAboveTheThreshold() {
        assertTrue(8000 >= 3 * ActivePasses.MIN_PIECE, "three pieces from " + 3 * ActivePasses.MIN_PIECE);
    }

    @Test
    void selectionMatchesLibsvmsInOnePieceAndSplit() {
        Random rnd = new Random(11);
        int[] sizes = {1, 2, 7, 300, 8000};
        for (int threads : new int[] {1, 3}) {
            try (Team team = Team.of("test", Parallelism.threads(threads), null)) {
                for (int trial = 0; trial < 40; trial++) {
                    int n = sizes[trial % sizes.length];
                    State s = State.random(n, rnd, trial % 3 == 0);
                    NuPasses passes = s.passes(team);
                    if (trial % 2 == 1) { // the solver's path: the I_up scan fused into the gradient update
                        float[] zero = new float[n];
                        passes.updateGradientAndScanUp(zero, zero, 0, 0, n);
                    }
                    int[] want = new int[2];
                    int wantR = s.reference(want);
                    int[] got = new int[2];
                    int gotR = passes.selectNu(n, s, EPS, got);
                    String at = "trial " + trial + ", n " + n + ", threads " + threads;
                    if (wantR == NuPasses.NO_CLASS_MAXIMUM) {
                        assertEquals(NuPasses.NO_CLASS_MAXIMUM, gotR, at);
                        continue;
                    }
                    assertEquals(wantR, gotR, at);
                    if (wantR == 0) {
                        assertArrayEquals(want, got, at);
                    }
                }
            }
        }
    }

    @Test
    void aClassWithoutAnIupMemberIsLeftToTheSequentialScan() {
        State s = State.random(50, new Random(3), false);
        for (int i = 0; i < 50; i++) {
            if (s.y[i] == +1) {
                s.status[i] = Solver.UPPER;
            }
        }
        try (Team team = Team.of("test", Parallelism.threads(1), null)) {
            assertEquals(NuPasses.NO_CLASS_MAXIMUM, s.passes(team).selectNu(50, s, EPS, new int[2]));
        }
    }

    /** A solver state and a fixed Q whose columns are random floats. */
    private static final class State implements QMatrix {
        final byte[] y;
        final double[] g;
        final byte[] status;
        final double[] qd;
        final float[][] cols;
        long seed;

        private State(int n) {
            y = new byte[n];
            g = new double[n];
            status = new byte[n];
            qd = new double[n];
            cols = new float[n][];
        }

        static State random(int n, Random rnd, boolean tiny) {
            State s = new State(n);
            double[] grads = {-1, -0.5, -0.0, 0.0, 0.5, 1, 2};
            for (int i = 0; i < n; i++) {
                s.y[i] = rnd.nextBoolean() ? (byte) 1 : (byte) -1;
                s.status[i] = (byte) rnd.nextInt(3);
                s.g[i] = rnd.nextInt(4) == 0 ? rnd.nextGaussian() : grads[rnd.nextInt(grads.length)];
                s.qd[i] = tiny ? 1e-3 * rnd.nextDouble() : rnd.nextDouble() + 0.5; // tiny: many quads <= 0
            }
            s.seed = rnd.nextLong();
            return s;
        }

        NuPasses passes(Team team) {
            NuPasses p = new NuPasses(y, g, status, qd, team);
            for (int i = 0; i < y.length; i++) {
                p.statusChanged(i);
            }
            return p;
        }

        boolean upper(int i) {
            return status[i] == Solver.UPPER;
        }

        boolean lower(int i) {
            return status[i] == Solver.LOWER;
        }

        /** libsvm's Solver_NU::select_working_set, statement by statement. */
        int reference(int[] out) {
            int n = y.length;
            double gmaxp = -INF;
            double gmaxp2 = -INF;
            int gmaxpIdx = -1;
            double gmaxn = -INF;
            double gmaxn2 = -INF;
            int gmaxnIdx = -1;
            int gminIdx = -1;
            double objDiffMin = INF;
            for (int t = 0; t < n; t++) {
                if (y[t] == +1) {
                    if (!upper(t) && -g[t] >= gmaxp) {
                        gmaxp = -g[t];
                        gmaxpIdx = t;
                    }
                } else if (!lower(t) && g[t] >= gmaxn) {
                    gmaxn = g[t];
                    gmaxnIdx = t;
                }
            }
            if (gmaxpIdx == -1 || gmaxnIdx == -1) {
                return NuPasses.NO_CLASS_MAXIMUM;
            }
            float[] qip = getQ(gmaxpIdx, n);
            float[] qin = getQ(gmaxnIdx, n);
            for (int j = 0; j < n; j++) {
                if (y[j] == +1) {
                    if (!lower(j)) {
                        double gradDiff = gmaxp + g[j];
                        if (g[j] >= gmaxp2) {
                            gmaxp2 = g[j];
                        }
                        if (gradDiff > 0) {
                            double quad = qd[gmaxpIdx] + qd[j] - 2 * qip[j];
                            double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / 1e-12;
                            if (objDiff <= objDiffMin) {
                                gminIdx = j;
                                objDiffMin = objDiff;
                            }
                        }
                    }
                } else if (!upper(j)) {
                    double gradDiff = gmaxn - g[j];
                    if (-g[j] >= gmaxn2) {
                        gmaxn2 = -g[j];
                    }
                    if (gradDiff > 0) {
                        double quad = qd[gmaxnIdx] + qd[j] - 2 * qin[j];
                        double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / 1e-12;
                        if (objDiff <= objDiffMin) {
                            gminIdx = j;
                            objDiffMin = objDiff;
                        }
                    }
                }
            }
            if (Math.max(gmaxp + gmaxp2, gmaxn + gmaxn2) < EPS || gminIdx == -1) {
                return 1;
            }
            out[0] = y[gminIdx] == +1 ? gmaxpIdx : gmaxnIdx;
            out[1] = gminIdx;
            return 0;
        }

        @Override
        public float[] getQ(int i, int len) {
            if (cols[i] == null) { // drawn when first asked for: a full Q of 8,000 would take 256 MB
                Random rnd = new Random(seed + i);
                float[] c = new float[y.length];
                for (int j = 0; j < c.length; j++) {
                    c[j] = rnd.nextInt(5) == 0 ? 0.25f : (float) rnd.nextDouble();
                }
                cols[i] = c;
            }
            return cols[i];
        }

        @Override
        public double[] qd() {
            return qd;
        }

        @Override
        public void swapIndex(int i, int j) {
            throw new UnsupportedOperationException("not swapped in this test");
        }
    }
}
