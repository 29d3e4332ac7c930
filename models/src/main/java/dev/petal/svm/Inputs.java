package dev.petal.svm;

import dev.petal.check.Check;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.numeric.SharedRows;

/** Input checks of the libsvm family's fit and predict, in scikit-learn's order and with its texts. */
final class Inputs {
    private Inputs() {
    }

    /**
     * check_array's checks on X for {@code owner}: finite values, at least one sample and one feature. Returns X's
     * own row-major array, not a copy (a {@code Matrix} is immutable): callers only read it and never keep it in
     * what they return.
     */
    static double[] checkX(String owner, Matrix x) {
        double[] flat = SharedRows.of(x);
        finite(owner, flat);
        Check.notEmpty(owner, x);
        return flat;
    }

    /** The same checks on sparse X (its stored values); returns the rows in libsvm's sparse form. */
    static SparseRows checkX(String owner, CsrMatrix x) {
        SparseRows rows = SparseRows.of(x);
        finite(owner, rows.values());
        Check.notEmpty(owner, x);
        return rows;
    }

    private static void finite(String owner, double[] values) {
        // v * 0 is 0 for every finite v and NaN for NaN and the infinities: one multiply-add a value, and no
        // calls, while the loop still runs in the interpreter on a cold start; the exact check runs only on a NaN
        double probe = 0;
        for (double v : values) {
            probe += v * 0.0;
        }
        if (probe == probe) {
            return;
        }
        boolean inf = false;
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException(Check.nanInX(owner));
            }
            inf |= Double.isInfinite(v);
        }
        if (inf) {
            throw new IllegalArgumentException("Input X contains infinity or a value too large for dtype('float64').");
        }
    }
}
