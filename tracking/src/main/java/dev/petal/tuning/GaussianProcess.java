package dev.petal.tuning;

import dev.petal.linalg.Matrix;

/**
 * Gaussian-process regression with a Matérn 5/2 kernel, the surrogate of Bayesian sampling
 * (Rasmussen &amp; Williams, <i>Gaussian Processes for Machine Learning</i>, 2006, alg. 2.1).
 * Targets are standardized; the length scale and the noise level are chosen by maximizing the
 * log marginal likelihood over a fixed grid, which is robust for the few dozen points a sweep has.
 */
final class GaussianProcess {
    private static final double[] LENGTH_SCALES = {0.05, 0.1, 0.15, 0.25, 0.4, 0.6, 1.0, 1.6, 2.5};
    private static final double[] NOISES = {1e-6, 1e-4, 1e-2, 1e-1};
    private static final double SQRT5 = Math.sqrt(5.0);

    private final double[][] x;
    private final double lengthScale;
    private final double[] lower;   // Cholesky factor of K + noise I, row-major n x n
    private final double[] alpha;   // (K + noise I)^-1 y, standardized
    private final double yMean;
    private final double yScale;

    private GaussianProcess(double[][] x, double lengthScale, double[] lower, double[] alpha, double yMean, double yScale) {
        this.x = x;
        this.lengthScale = lengthScale;
        this.lower = lower;
        this.alpha = alpha;
        this.yMean = yMean;
        this.yScale = yScale;
    }

    /** Fits the process to points {@code x} (rows, same width) and targets {@code y}. */
    static GaussianProcess fit(double[][] x, double[] y) {
        int n = y.length;
        if (n == 0 || x.length != n) {
            throw new IllegalArgumentException("a Gaussian process needs as many points as targets, at least one; got "
                    + x.length + " and " + n + ".");
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double scale = n > 1 && var > 0 ? Math.sqrt(var / n) : 1.0;
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = (y[i] - mean) / scale;
        }
        double[][] xs = new double[n][];
        for (int i = 0; i < n; i++) {
            xs[i] = x[i].clone();
        }
        GaussianProcess best = null;
        double bestLml = Double.NEGATIVE_INFINITY;
        for (double l : LENGTH_SCALES) {
            for (double noise : NOISES) {
                double[] k = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        double v = kernel(xs[i], xs[j], l);
                        k[i * n + j] = v;
                        k[j * n + i] = v;
                    }
                    k[i * n + i] += noise;
                }
                double[] low;
                try {
                    low = Matrix.of(n, n, k).cholesky().toFlatArray();
                } catch (IllegalArgumentException notPositiveDefinite) {
                    continue;
                }
                double[] a = backward(low, forward(low, ys, n), n);
                double lml = 0;
                for (int i = 0; i < n; i++) {
                    lml += -0.5 * ys[i] * a[i] - Math.log(low[i * n + i]);
                }
                if (lml > bestLml) {
                    bestLml = lml;
                    best = new GaussianProcess(xs, l, low, a, mean, scale);
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("the Gaussian process could not be fitted: every kernel matrix was singular.");
        }
        return best;
    }

    /** The posterior mean and standard deviation of the latent function at {@code point}: {mean, std}. */
    double[] predict(double[] point) {
        int n = alpha.length;
        double[] ks = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            ks[i] = kernel(x[i], point, lengthScale);
            mean += ks[i] * alpha[i];
        }
        double[] v = forward(lower, ks, n);
        double var = 1.0;
        for (double t : v) {
            var -= t * t;
        }
        return new double[] {yMean + yScale * mean, yScale * Math.sqrt(Math.max(var, 1e-12))};
    }

    /** The selected length scale (for tests and diagnostics). */
    double lengthScale() {
        return lengthScale;
    }

    private static double kernel(double[] a, double[] b, double l) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        double r = SQRT5 * Math.sqrt(s) / l;
        return (1 + r + r * r / 3.0) * Math.exp(-r);
    }

    /** Solves L z = b for lower-triangular L. */
    private static double[] forward(double[] low, double[] b, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            int row = i * n;
            for (int j = 0; j < i; j++) {
                s -= low[row + j] * z[j];
            }
            z[i] = s / low[row + i];
        }
        return z;
    }

    /** Solves L^T z = b for lower-triangular L. */
    private static double[] backward(double[] low, double[] b, int n) {
        double[] z = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= low[j * n + i] * z[j];
            }
            z[i] = s / low[i * n + i];
        }
        return z;
    }
}
