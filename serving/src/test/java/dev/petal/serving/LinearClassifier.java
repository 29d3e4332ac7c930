package dev.petal.serving;

import dev.petal.api.DecisionClassifier;
import dev.petal.linalg.Matrix;

/**
 * A small but real linear classifier for protocol tests: decision values x·w + b (one column for two
 * classes, one per class otherwise), argmax / sign prediction, softmax / logistic probabilities.
 */
final class LinearClassifier implements DecisionClassifier {
    private final Matrix weights;   // k x f (1 x f for two classes)
    private final double[] bias;
    private final int[] classes;
    private final boolean proba;

    LinearClassifier(double[][] weights, double[] bias, int[] classes, boolean proba) {
        this.weights = Matrix.of(weights);
        this.bias = bias.clone();
        this.classes = classes.clone();
        this.proba = proba;
    }

    /** Three iris-like classes over four features, separating the classic iris measurements well. */
    static LinearClassifier iris(boolean proba) {
        return new LinearClassifier(new double[][] {
                {0.4, 1.4, -2.2, -1.0},
                {0.5, -1.6, 0.6, -1.3},
                {-1.6, -1.5, 2.4, 2.6}},
                new double[] {0.3, 1.0, -1.2}, new int[] {0, 1, 2}, proba);
    }

    /** Two classes (labels 3 and 7) over two features: positive x0 - x1 means 7. */
    static LinearClassifier binary() {
        return new LinearClassifier(new double[][] {{1.0, -1.0}}, new double[] {0.0}, new int[] {3, 7}, true);
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    @Override
    public int nFeatures() {
        return weights.cols();
    }

    @Override
    public Matrix decisionFunction(Matrix x) {
        Matrix d = x.multiplyTransposed(weights);
        double[] v = d.toFlatArray();
        int k = d.cols();
        for (int i = 0; i < v.length; i++) {
            v[i] += bias[i % k];
        }
        return Matrix.of(d.rows(), k, v);
    }

    @Override
    public int[] predict(Matrix x) {
        Matrix d = decisionFunction(x);
        int[] out = new int[d.rows()];
        for (int i = 0; i < d.rows(); i++) {
            if (d.cols() == 1) {
                out[i] = d.get(i, 0) > 0 ? classes[1] : classes[0];
                continue;
            }
            int best = 0;
            for (int j = 1; j < d.cols(); j++) {
                if (d.get(i, j) > d.get(i, best)) {
                    best = j;
                }
            }
            out[i] = classes[best];
        }
        return out;
    }

    @Override
    public boolean supportsProba() {
        return proba;
    }

    @Override
    public Matrix predictProba(Matrix x) {
        if (!proba) {
            return DecisionClassifier.super.predictProba(x);
        }
        Matrix d = decisionFunction(x);
        int k = classes.length;
        double[] p = new double[d.rows() * k];
        for (int i = 0; i < d.rows(); i++) {
            if (d.cols() == 1) {
                p[i * 2 + 1] = 1.0 / (1.0 + Math.exp(-d.get(i, 0)));
                p[i * 2] = 1.0 - p[i * 2 + 1];
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, d.get(i, j));
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                p[i * k + j] = Math.exp(d.get(i, j) - max);
                sum += p[i * k + j];
            }
            for (int j = 0; j < k; j++) {
                p[i * k + j] /= sum;
            }
        }
        return Matrix.of(d.rows(), k, p);
    }
}
