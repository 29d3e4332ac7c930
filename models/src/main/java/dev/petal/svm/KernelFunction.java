package dev.petal.svm;

import dev.petal.libm.GlibcExp;

/**
 * libsvm's kernel functions with the formulas of scikit-learn's fork: the training form
 * ({@code Kernel::kernel_*}, RBF expanded through precomputed squared norms) and the prediction form
 * ({@code Kernel::k_function}, RBF from the coordinate differences). Both use {@link Blas#dot}, and RBF
 * takes exp from {@link GlibcExp}, the C library's exp that libsvm calls, so kernel values are libsvm's bit for bit.
 */
final class KernelFunction {
    final Kernel kernel;
    final int degree;
    final double gamma;
    final double coef0;

    KernelFunction(Kernel kernel, int degree, double gamma, double coef0) {
        this.kernel = kernel;
        this.degree = degree;
        this.gamma = gamma;
        this.coef0 = coef0;
    }

    /** libsvm's {@code powi}: square-and-multiply. */
    static double powi(double base, int times) {
        double tmp = base;
        double ret = 1.0;
        for (int t = times; t > 0; t /= 2) {
            if (t % 2 == 1) {
                ret *= tmp;
            }
            tmp = tmp * tmp;
        }
        return ret;
    }

    /**
     * The training kernel between rows {@code ri} and {@code rj} of the flat row-major {@code x}
     * ({@code d} columns); {@code xsq} holds each row's squared norm (RBF only). For a precomputed
     * kernel the value is {@code x[ri][rj]}.
     */
    double train(double[] x, int d, int ri, int rj, double[] xsq) {
        switch (kernel) {
            case LINEAR:
                return Blas.dot(x, ri * d, x, rj * d, d);
            case POLY:
                return powi(gamma * Blas.dot(x, ri * d, x, rj * d, d) + coef0, degree);
            case RBF:
                return GlibcExp.exp(-gamma * (xsq[ri] + xsq[rj] - 2 * Blas.dot(x, ri * d, x, rj * d, d)));
            case SIGMOID:
                return Math.tanh(gamma * Blas.dot(x, ri * d, x, rj * d, d) + coef0);
            case PRECOMPUTED:
                return x[ri * d + rj];
            default:
                throw new IllegalStateException("unknown kernel " + kernel);
        }
    }

    /**
     * Fills {@code col[j] = (float) (yi * y[j] * K(ri, rows[j]))} for j in [from, to): one column of
     * libsvm's Q, with the kernel chosen once outside the loop. Entries are independent of each other.
     */
    void fillColumn(double[] x, int d, int ri, int yi, int[] rows, byte[] y, double[] xsq, float[] col, int from, int to) {
        int oi = ri * d;
        switch (kernel) {
            case LINEAR:
                for (int j = from; j < to; j++) {
                    col[j] = (float) ((yi * y[j]) * Blas.dot(x, oi, x, rows[j] * d, d));
                }
                break;
            case POLY:
                for (int j = from; j < to; j++) {
                    col[j] = (float) ((yi * y[j]) * powi(gamma * Blas.dot(x, oi, x, rows[j] * d, d) + coef0, degree));
                }
                break;
            case RBF: {
                double sqi = xsq[ri];
                for (int j = from; j < to; j++) {
                    int rj = rows[j];
                    col[j] = (float) ((yi * y[j]) * GlibcExp.exp(-gamma * (sqi + xsq[rj] - 2 * Blas.dot(x, oi, x, rj * d, d))));
                }
                break;
            }
            case SIGMOID:
                for (int j = from; j < to; j++) {
                    col[j] = (float) ((yi * y[j]) * Math.tanh(gamma * Blas.dot(x, oi, x, rows[j] * d, d) + coef0));
                }
                break;
            default:
                for (int j = from; j < to; j++) {
                    col[j] = (float) ((yi * y[j]) * x[oi + rows[j]]);
                }
        }
    }

    /**
     * Turns training dot products into Q entries: {@code col[j] = (float) (yi * y[j] * K)} for j in
     * [from, to), K from {@code dot[j]} with {@link #train}'s formulas ({@code sqi} and {@code sq[j]} are
     * the two squared norms, RBF only). Not for a precomputed kernel.
     */
    void finishColumn(double[] dot, int from, int to, double sqi, double[] sq, int yi, byte[] y, float[] col) {
        switch (kernel) {
            case LINEAR:
                for (int j = from; j < to; j++) {
                    col[j] = (float) ((yi * y[j]) * dot[j]);
                }
                break;
            case POLY:
                for (int j = from; j < to; j++) {
                    col[j] = (float) ((yi * y[j]) * powi(gamma * dot[j] + coef0, degree));
                }
                break;
            case RBF:
                for (int j = from; j < to; j++) {
                    col[j] = (float) ((yi * y[j]) * GlibcExp.exp(-gamma * (sqi + sq[j] - 2 * dot[j])));
                }
                break;
            case SIGMOID:
                for (int j = from; j < to; j++) {
                    col[j] = (float) ((yi * y[j]) * Math.tanh(gamma * dot[j] + coef0));
                }
                break;
            default:
                throw new IllegalStateException("no dot-product form for kernel " + kernel);
        }
    }

    /**
     * The prediction kernel between {@code x[xo, xo+d)} and the support vector {@code sv[so, so+d)}; for
     * a precomputed kernel {@code svIndex} is the support vector's column in the test row.
     * {@code scratch} (length at least d) holds the RBF differences.
     */
    double predict(double[] x, int xo, double[] sv, int so, int d, int svIndex, double[] scratch) {
        switch (kernel) {
            case LINEAR:
                return Blas.dot(x, xo, sv, so, d);
            case POLY:
                return powi(gamma * Blas.dot(x, xo, sv, so, d) + coef0, degree);
            case RBF: {
                for (int k = 0; k < d; k++) {
                    scratch[k] = x[xo + k] - sv[so + k];
                }
                double sum = Blas.dot(scratch, 0, scratch, 0, d);
                return GlibcExp.exp(-gamma * sum);
            }
            case SIGMOID:
                return Math.tanh(gamma * Blas.dot(x, xo, sv, so, d) + coef0);
            case PRECOMPUTED:
                return x[xo + svIndex];
            default:
                throw new IllegalStateException("unknown kernel " + kernel);
        }
    }

    /**
     * Prediction kernel values of the sample {@code x[xo, xo+d)} against support vectors [from, to) held
     * feature-major in {@code svT} (into {@code kvalue[from, to)}), each bit-identical to {@link #predict}.
     * Not for a precomputed kernel.
     */
    void predictBlock(double[] x, int xo, double[][] svT, int from, int to, int d, Blas.Scratch s, double[] kvalue) {
        double[] v = s.out;
        if (kernel == Kernel.RBF) {
            Blas.squaredDistances(x, xo, svT, from, to, d, s.acc, v);
            for (int j = from; j < to; j++) {
                kvalue[j] = GlibcExp.exp(-gamma * v[j]);
            }
            return;
        }
        Blas.dots(x, xo, svT, from, to, d, s.acc, v);
        switch (kernel) {
            case LINEAR:
                System.arraycopy(v, from, kvalue, from, to - from);
                break;
            case POLY:
                for (int j = from; j < to; j++) {
                    kvalue[j] = powi(gamma * v[j] + coef0, degree);
                }
                break;
            case SIGMOID:
                for (int j = from; j < to; j++) {
                    kvalue[j] = Math.tanh(gamma * v[j] + coef0);
                }
                break;
            default:
                throw new IllegalStateException("no dot-product form for kernel " + kernel);
        }
    }
}
