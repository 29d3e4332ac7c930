package dev.petal.selection;

import dev.petal.api.HasParams;
import dev.petal.linalg.RowSource;
import dev.petal.metrics.Scorer;
import java.util.Map;
import java.util.Objects;

/** What both kinds of job share: checks, parameter setting, row selection, failure texts. */
final class CvUnits {
    private CvUnits() {
    }

    static void check(RowSource x, int n, Scorer scorer, ErrorScore errorScore) {
        Objects.requireNonNull(x, "x");
        if (n < 0) {
            throw new NullPointerException("y");
        }
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(errorScore, "errorScore");
        dev.petal.check.Check.consistentLength(x.rows(), n);
    }

    /** Fits dense rows through {@code fit(Matrix, ...)}, CSR rows through {@code fit(RowSource, ...)}. */
    static <M> M fit(dev.petal.api.Estimator<M> e, RowSource x, int[] y) {
        return x instanceof dev.petal.linalg.Matrix m ? e.fit(m, y) : e.fit(x, y);
    }

    /** Fits dense rows through {@code fit(Matrix, ...)}, CSR rows through {@code fit(RowSource, ...)}. */
    static <M> M fit(dev.petal.api.RegressorEstimator<M> e, RowSource x, double[] y) {
        return x instanceof dev.petal.linalg.Matrix m ? e.fit(m, y) : e.fit(x, y);
    }

    /** The base estimator with {@code params} set (the base itself for no parameters). */
    static Object configure(Object estimator, Map<String, Object> params) {
        if (params.isEmpty()) {
            return estimator;
        }
        if (!(estimator instanceof HasParams h)) {
            throw new IllegalArgumentException(estimator.getClass().getSimpleName()
                    + " does not take parameters by name, so it cannot be searched over.");
        }
        return h.withParams(params);
    }

    static void checkInterrupted(RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
            java.util.concurrent.CancellationException c =
                    new java.util.concurrent.CancellationException("cross-validation was interrupted");
            c.initCause(e);
            throw c;
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + ": " + (m == null ? "" : m.strip().lines().findFirst().orElse(""));
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static int[] take(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    static double[] take(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
