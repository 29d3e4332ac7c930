package dev.petal.bench;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.linalg.Matrix;

/** The benchmark data sets by name, split into train and test rows the same way everywhere. */
final class Sets {
    /** Rows held out for predict timings on the synthetic sets. */
    static final int PREDICT_ROWS = 5000;

    private Sets() {
    }

    /**
     * {@code binary20_N}: N training rows of 20-feature 2-class data; {@code multi4x30_N}: 30 features,
     * 4 classes; both with {@link #PREDICT_ROWS} test rows, seed 42. {@code digits}: scikit-learn's digits,
     * the first 1,500 rows to train, the remaining 297 to test.
     */
    static BenchData[] trainTest(String name) {
        if (name.equals("digits")) {
            Dataset ds = Datasets.digits();
            return split(new BenchData(ds.x(), ds.y()), 1500);
        }
        int n = Integer.parseInt(name.substring(name.indexOf('_') + 1));
        boolean multi = name.startsWith("multi4x30");
        if (!multi && !name.startsWith("binary20")) {
            throw new IllegalArgumentException("unknown data set " + name + "; use binary20_N, multi4x30_N or digits");
        }
        BenchData all = BenchData.classification(n + PREDICT_ROWS, multi ? 30 : 20, multi ? 4 : 2, 42);
        return split(all, n);
    }

    private static BenchData[] split(BenchData all, int nTrain) {
        int n = all.y().length;
        int[] tr = new int[nTrain];
        int[] te = new int[n - nTrain];
        for (int i = 0; i < n; i++) {
            if (i < nTrain) {
                tr[i] = i;
            } else {
                te[i - nTrain] = i;
            }
        }
        return new BenchData[] {sub(all, tr), sub(all, te)};
    }

    private static BenchData sub(BenchData all, int[] idx) {
        Matrix x = all.x().selectRows(idx);
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            y[i] = all.y()[idx[i]];
        }
        return new BenchData(x, y);
    }
}
