package dev.petal.bench;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.MakeClassification;
import dev.petal.linalg.Matrix;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Petal's side of {@code benchmarks/libsvm_family_compare.sh}: NuSVC, SVR, NuSVR or OneClassSVM fit and predict
 * time on the data {@code libsvm_family_sklearn.py} builds the same way, and a SHA-256 prefix of dual_coef_ and
 * intercept_ (equal to scikit-learn's means the two fitted models are the same bits).
 * {@code LibsvmFamilyCompare nusvc|svr|nusvr|oneclass ROWS REPEATS}: one untimed warm-up fit, then the best of
 * REPEATS fits and the best of REPEATS predictions of the training rows.
 */
public final class LibsvmFamilyCompare {
    private LibsvmFamilyCompare() {
    }

    /** A fitted model's arrays and predictions, whatever its type. */
    private interface Fitted {
        double[] dual();

        double intercept0();

        int nSv();

        double predictSum(Matrix x);
    }

    public static void main(String[] args) throws Exception {
        String est = args[0];
        int rows = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        long l0 = System.nanoTime();
        // make_classification(n_samples=ROWS, n_features=20, n_informative=10, random_state=0): scikit-learn's bits
        Dataset d = MakeClassification.defaults(rows).withNFeatures(20).withNInformative(10).generate(0);
        Matrix x = d.x();
        int[] labels = d.y();
        double[] target = new double[rows];
        for (int i = 0; i < rows; i++) {
            target[i] = 2.0 * x.get(i, 0) + x.get(i, 1) - 0.5 * x.get(i, 2);   // the same expression in Python
        }
        double load = (System.nanoTime() - l0) / 1e9;
        java.util.function.Supplier<Fitted> fit = switch (est) {
            case "nusvc" -> () -> {
                NuSVCModel m = NuSVC.defaults().withNu(0.3).fit(x, labels);
                return fitted(m.dualCoef()[0], m.intercept()[0], m.support().length, a -> sum(m.predict(a)));
            };
            case "svr" -> () -> {
                SVRModel m = SVR.defaults().withC(10.0).withEpsilon(0.2).fit(x, target);
                return fitted(m.dualCoef()[0], m.intercept()[0], m.support().length, a -> sum(m.predict(a)));
            };
            case "nusvr" -> () -> {
                NuSVRModel m = NuSVR.defaults().withNu(0.3).withC(10.0).fit(x, target);
                return fitted(m.dualCoef()[0], m.intercept()[0], m.support().length, a -> sum(m.predict(a)));
            };
            case "oneclass" -> () -> {
                OneClassSVMModel m = OneClassSVM.defaults().withNu(0.1).fit(x);
                return fitted(m.dualCoef()[0], m.intercept()[0], m.support().length, a -> sum(m.predict(a)));
            };
            default -> throw new IllegalArgumentException("estimator must be nusvc, svr, nusvr or oneclass, got " + est);
        };
        Fitted m = fit.get();
        double bestFit = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            m = fit.get();
            bestFit = Math.min(bestFit, (System.nanoTime() - t0) / 1e9);
        }
        double bestPredict = Double.POSITIVE_INFINITY;
        double check = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            check = m.predictSum(x);
            bestPredict = Math.min(bestPredict, (System.nanoTime() - t0) / 1e9);
        }
        double[] dual = m.dual();
        ByteBuffer b = ByteBuffer.allocate((dual.length + 1) * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : dual) {
            b.putDouble(v);
        }
        b.putDouble(m.intercept0());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array())).substring(0, 16);
        System.out.printf("%s rows=%d petal load_s=%.3f fit_s=%.3f predict_s=%.3f n_sv=%d predict_sum=%s sha=%s%n", est,
                rows, load, bestFit, bestPredict, m.nSv(), dev.petal.check.PyRepr.of(check), sha);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    private static double sum(int[] v) {
        double s = 0;
        for (int d : v) {
            s += d;
        }
        return s;
    }

    private static Fitted fitted(double[] dual, double intercept, int nSv,
                                 java.util.function.ToDoubleFunction<Matrix> predict) {
        return new Fitted() {
            @Override
            public double[] dual() {
                return dual;
            }

            @Override
            public double intercept0() {
                return intercept;
            }

            @Override
            public int nSv() {
                return nSv;
            }

            @Override
            public double predictSum(Matrix a) {
                return predict.applyAsDouble(a);
            }
        };
    }
}
