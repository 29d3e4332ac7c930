package dev.petal.bench;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.MakeClassification;
import dev.petal.datasets.Svmlight;
import dev.petal.datasets.SvmlightData;
import dev.petal.linalg.RowSource;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVR;
import dev.petal.linear.LinearSVRModel;
import dev.petal.linalg.Matrix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Petal's side of {@code benchmarks/linear_compare.sh}: LinearSVC (or LinearSVR) fit time on the data
 * scikit-learn fits in {@code linear_sklearn.py}, and a SHA-256 of coef_ and intercept_ to show the two models
 * are the same bits. {@code LinearCompare dense|sparse|dense-svr|sparse-svr REPEATS [DATA.svm]}: one untimed
 * warm-up fit, then the best of REPEATS. The regression cases fit the same X: dense, the target
 * {@code 2 x0 + x1 - 0.5 x2} (exact in any order of evaluation numpy and Java share); sparse, the topic number.
 */
public final class LinearCompare {
    private LinearCompare() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int repeats = Integer.parseInt(args[1]);
        if (kind.endsWith("-svr")) {
            regression(kind, repeats, args.length > 2 ? args[2] : null);
            return;
        }
        RowSource x;
        int[] y;
        long l0 = System.nanoTime();
        LinearSVC est = LinearSVC.defaults().withRandomState(0L);
        if (kind.equals("dense")) {
            Dataset d = MakeClassification.defaults(100_000).withNFeatures(100).generate(0);
            x = d.x();
            y = d.y();
            est = est.withDual(false);
        } else {
            SvmlightData d = Svmlight.load(Path.of(args[2]), true, 0);
            x = d.x();
            double[] t = d.y();
            y = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = (int) t[i];
            }
        }
        double load = (System.nanoTime() - l0) / 1e9;
        LinearSVCModel m = est.fit(x, y, null);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            m = est.fit(x, y, null);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        double[][] coef = m.coef();
        System.out.printf("%s petal load_s=%.3f fit_s=%.3f n_iter=%d sha=%s%n", kind, load, best, m.nIter(),
                sha(coef, m.intercept()));
    }

    private static void regression(String kind, int repeats, String svm) throws Exception {
        long l0 = System.nanoTime();
        RowSource x;
        double[] y;
        LinearSVR est = LinearSVR.defaults().withRandomState(0L);
        if (kind.equals("dense-svr")) {
            Matrix m = MakeClassification.defaults(100_000).withNFeatures(100).generate(0).x();
            x = m;
            y = new double[m.rows()];
            for (int i = 0; i < y.length; i++) {
                y[i] = 2 * m.get(i, 0) + m.get(i, 1) - 0.5 * m.get(i, 2);
            }
            est = est.withLoss("squared_epsilon_insensitive").withDual(false);
        } else {
            SvmlightData d = Svmlight.load(Path.of(svm), true, 0);
            x = d.x();
            y = d.y();
        }
        double load = (System.nanoTime() - l0) / 1e9;
        LinearSVRModel m = est.fit(x, y, null);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            m = est.fit(x, y, null);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("%s petal load_s=%.3f fit_s=%.3f n_iter=%d sha=%s%n", kind, load, best, m.nIter(),
                sha(new double[][] {m.coef()}, new double[] {m.intercept()}));
    }

    /** The first 16 hex digits of the SHA-256 of coef (row by row) then intercept, as little-endian float64. */
    private static String sha(double[][] coef, double[] icpt) throws Exception {
        ByteBuffer b = ByteBuffer.allocate((coef.length * coef[0].length + icpt.length) * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : coef) {
            for (double v : row) {
                b.putDouble(v);
            }
        }
        for (double v : icpt) {
            b.putDouble(v);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array())).substring(0, 16);
    }
}
