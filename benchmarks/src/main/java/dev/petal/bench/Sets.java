package dev.petal.bench;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.datasets.MakeClassification;
import dev.petal.linalg.Matrix;

/** The benchmark data sets by name, split into train and test rows the same way everywhere. */
final class Sets {
    /** Rows held out for predict timings on the synthetic sets. */
    static final int PREDICT_ROWS = 5000;

    private Sets() {
    }

    /**
     * {@code binary20_N}: scikit-learn's {@code make_classification(n_samples=N + 5000, n_features=20,
     * random_state=0)} (2 classes); {@code multi4x30_N}: the same with {@code n_features=30, n_informative=10,
     * n_classes=4}; both bit for bit as scikit-learn draws them, the first N rows to train and the last
     * {@link #PREDICT_ROWS} to predict. {@code digits}: scikit-learn's digits, the first 1,500 rows to train,
     * the remaining 297 to test.
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
        MakeClassification settings = MakeClassification.defaults(n + PREDICT_ROWS);
        if (multi) {
            settings = settings.withNFeatures(30).withNInformative(10).withNClasses(4);
        }
        Dataset ds = settings.generate(0);
        return split(new BenchData(ds.x(), ds.y()), n);
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
