package dev.petal.pipeline;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Estimator;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import java.util.Arrays;

/** A small real classifier for pipeline tests: scores each class by minus the squared distance to its centroid. */
final class CentroidClassifier implements Estimator<CentroidClassifier.Model> {
    /** The fitted centroids; remembers the rows it was fitted on so tests can see what the final step received. */
    record Model(int[] classes, Matrix centroids, Matrix seen) implements DecisionClassifier {
        @Override
        public int nFeatures() {
            return centroids.cols();
        }

        @Override
        public Matrix decisionFunction(Matrix x) {
            Check.nFeatures("CentroidClassifier", nFeatures(), x.cols());
            double[] out = new double[x.rows() * classes.length];
            for (int i = 0; i < x.rows(); i++) {
                for (int k = 0; k < classes.length; k++) {
                    double d = 0;
                    for (int j = 0; j < x.cols(); j++) {
                        double t = x.get(i, j) - centroids.get(k, j);
                        d += t * t;
                    }
                    out[i * classes.length + k] = -d;
                }
            }
            return Matrix.of(x.rows(), classes.length, out);
        }

        @Override
        public int[] predict(Matrix x) {
            Matrix d = decisionFunction(x);
            int[] p = new int[x.rows()];
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int k = 1; k < classes.length; k++) {
                    if (d.get(i, k) > d.get(i, best)) {
                        best = k;
                    }
                }
                p[i] = classes[best];
            }
            return p;
        }
    }

    @Override
    public Model fit(Matrix x, int[] y) {
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        double[] c = new double[classes.length * x.cols()];
        int[] n = new int[classes.length];
        for (int i = 0; i < x.rows(); i++) {
            int k = Arrays.binarySearch(classes, y[i]);
            n[k]++;
            for (int j = 0; j < x.cols(); j++) {
                c[k * x.cols() + j] += x.get(i, j);
            }
        }
        for (int k = 0; k < classes.length; k++) {
            for (int j = 0; j < x.cols(); j++) {
                c[k * x.cols() + j] /= n[k];
            }
        }
        return new Model(classes, Matrix.of(classes.length, x.cols(), c), x);
    }
}
