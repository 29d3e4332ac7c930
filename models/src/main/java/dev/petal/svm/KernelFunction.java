package dev.petal.svm;

import dev.petal.libm.GlibcExp;

/**
 * libsvm's kernel functions with the formulas of scikit-learn's fork, one subclass per {@link Kernel}: the
 * training form ({@code Kernel::kernel_*}, RBF expanded through precomputed squared norms) and the prediction
 * form ({@code Kernel::k_function}, RBF from the coordinate differences). Both use {@link Blas#dot}, and RBF
 * takes exp from {@link GlibcExp}, the C library's exp that libsvm calls, so kernel values are libsvm's bit for
 * bit. The kernel is chosen once, when the function is built ({@link #of}); no method switches on it.
 */
abstract sealed class KernelFunction
        permits KernelFunction.Linear, KernelFunction.Poly, KernelFunction.Rbf, KernelFunction.Sigmoid,
        KernelFunction.Precomputed {
    final Kernel kernel;
    final int degree;
    final double gamma;
    final double coef0;

    private KernelFunction(Kernel kernel, int degree, double gamma, double coef0) {
        this.kernel = kernel;
        this.degree = degree;
        this.gamma = gamma;
        this.coef0 = coef0;
    }

    /** The function of {@code kernel} with its coefficients (unused ones are ignored). */
    static KernelFunction of(Kernel kernel, int degree, double gamma, double coef0) {
        if (kernel instanceof Kernel.Linear) {
            return new Linear(kernel, degree, gamma, coef0);
        } else if (kernel instanceof Kernel.Poly) {
            return new Poly(kernel, degree, gamma, coef0);
        } else if (kernel instanceof Kernel.Rbf) {
            return new Rbf(kernel, degree, gamma, coef0);
        } else if (kernel instanceof Kernel.Sigmoid) {
            return new Sigmoid(kernel, degree, gamma, coef0);
        }
        return new Precomputed(kernel, degree, gamma, coef0);
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

    /** Whether X is the kernel matrix itself (no dot-product form, no squared norms). */
    boolean precomputed() {
        return false;
    }

    /** Whether the training form needs each row's squared norm. */
    boolean needsSquaredNorms() {
        return false;
    }

    /** The kernel value from a training dot product and the two squared norms (RBF only); not for precomputed. */
    abstract double fromDot(double dot, double sqi, double sqj);

    /**
     * The training kernel between rows {@code ri} and {@code rj} of the flat row-major {@code x}
     * ({@code d} columns); {@code xsq} holds each row's squared norm (RBF only). For a precomputed
     * kernel the value is {@code x[ri][rj]}.
     */
    double train(double[] x, int d, int ri, int rj, double[] xsq) {
        double dot = Blas.dot(x, ri * d, x, rj * d, d);
        return xsq == null ? fromDot(dot, 0, 0) : fromDot(dot, xsq[ri], xsq[rj]);
    }

    /**
     * Fills {@code col[j] = (float) (yi * y[j] * K(ri, rows[j]))} for j in [from, to): one column of
     * libsvm's Q. Entries are independent of each other.
     */
    void fillColumn(double[] x, int d, int ri, int yi, int[] rows, byte[] y, double[] xsq, float[] col, int from, int to) {
        for (int j = from; j < to; j++) {
            col[j] = (float) ((yi * y[j]) * train(x, d, ri, rows[j], xsq));
        }
    }

    /**
     * Turns training dot products into Q entries: {@code col[j] = (float) (yi * y[j] * K)} for j in
     * [from, to), K from {@code dot[j - base]} (a block's scratch) with {@link #train}'s formulas ({@code sqi}
     * and {@code sq[j]} are the two squared norms, RBF only). Not for a precomputed kernel.
     */
    abstract void finishColumn(double[] dot, int base, int from, int to, double sqi, double[] sq, int yi, byte[] y,
                               float[] col);

    /**
     * The prediction kernel between {@code x[xo, xo+d)} and the support vector {@code sv[so, so+d)}; for
     * a precomputed kernel {@code svIndex} is the support vector's column in the test row.
     * {@code scratch} (length at least d) holds the RBF differences.
     */
    double predict(double[] x, int xo, double[] sv, int so, int d, int svIndex, double[] scratch) {
        return fromDot(Blas.dot(x, xo, sv, so, d), 0, 0);
    }

    /**
     * Prediction kernel values of the sample {@code x[xo, xo+d)} against the {@code len} support vectors of one
     * {@link FeatureMajor} block {@code svT} (into {@code kvalue[base, base+len)}), each bit-identical to
     * {@link #predict}. Not for a precomputed kernel.
     */
    void predictBlock(double[] x, int xo, double[][] svT, int len, int d, Blas.Scratch s, double[] kvalue, int base) {
        double[] v = s.out;
        Blas.dots(x, xo, svT, 0, len, d, s.acc, v);
        for (int j = 0; j < len; j++) {
            kvalue[base + j] = fromDot(v[j], 0, 0);
        }
    }

    /**
     * The training kernel of libsvm's sparse path between rows {@code ri} and {@code rj} of {@code x}, from
     * its sparse dot product and (RBF) the squared norms {@code xsq} computed the same way. Not for a
     * precomputed kernel (scikit-learn refuses sparse precomputed kernels).
     */
    double trainSparse(SparseRows x, int ri, int rj, double[] xsq) {
        double dot = x.dot(ri, x, rj);
        return xsq == null ? fromDot(dot, 0, 0) : fromDot(dot, xsq[ri], xsq[rj]);
    }

    /** The prediction kernel of libsvm's sparse path ({@code k_function}) between row {@code i} of {@code x} and row {@code s} of {@code sv}. */
    double predictSparse(SparseRows x, int i, SparseRows sv, int s) {
        return fromDot(x.dot(i, sv, s), 0, 0);
    }

    /** {@code <x, x'>}. */
    static final class Linear extends KernelFunction {
        private Linear(Kernel kernel, int degree, double gamma, double coef0) {
            super(kernel, degree, gamma, coef0);
        }

        @Override
        double fromDot(double dot, double sqi, double sqj) {
            return dot;
        }

        @Override
        void finishColumn(double[] dot, int base, int from, int to, double sqi, double[] sq, int yi, byte[] y,
                          float[] col) {
            for (int j = from; j < to; j++) {
                col[j] = (float) ((yi * y[j]) * dot[j - base]);
            }
        }
    }

    /** {@code (gamma <x, x'> + coef0)^degree}. */
    static final class Poly extends KernelFunction {
        private Poly(Kernel kernel, int degree, double gamma, double coef0) {
            super(kernel, degree, gamma, coef0);
        }

        @Override
        double fromDot(double dot, double sqi, double sqj) {
            return powi(gamma * dot + coef0, degree);
        }

        @Override
        void finishColumn(double[] dot, int base, int from, int to, double sqi, double[] sq, int yi, byte[] y,
                          float[] col) {
            for (int j = from; j < to; j++) {
                col[j] = (float) ((yi * y[j]) * powi(gamma * dot[j - base] + coef0, degree));
            }
        }
    }

    /** {@code exp(-gamma |x - x'|^2)}: expanded at training, from the differences at prediction. */
    static final class Rbf extends KernelFunction {
        private Rbf(Kernel kernel, int degree, double gamma, double coef0) {
            super(kernel, degree, gamma, coef0);
        }

        @Override
        boolean needsSquaredNorms() {
            return true;
        }

        @Override
        double fromDot(double dot, double sqi, double sqj) {
            return GlibcExp.exp(-gamma * (sqi + sqj - 2 * dot));
        }

        @Override
        void finishColumn(double[] dot, int base, int from, int to, double sqi, double[] sq, int yi, byte[] y,
                          float[] col) {
            for (int j = from; j < to; j++) {
                col[j] = (float) ((yi * y[j]) * GlibcExp.exp(-gamma * (sqi + sq[j] - 2 * dot[j - base])));
            }
        }

        @Override
        double predict(double[] x, int xo, double[] sv, int so, int d, int svIndex, double[] scratch) {
            for (int k = 0; k < d; k++) {
                scratch[k] = x[xo + k] - sv[so + k];
            }
            return GlibcExp.exp(-gamma * Blas.dot(scratch, 0, scratch, 0, d));
        }

        @Override
        double predictSparse(SparseRows x, int i, SparseRows sv, int s) {
            return GlibcExp.exp(-gamma * x.squaredDistance(i, sv, s));
        }

        @Override
        void predictBlock(double[] x, int xo, double[][] svT, int len, int d, Blas.Scratch s, double[] kvalue, int base) {
            double[] v = s.out;
            Blas.squaredDistances(x, xo, svT, 0, len, d, s.acc, v);
            for (int j = 0; j < len; j++) {
                kvalue[base + j] = GlibcExp.exp(-gamma * v[j]);
            }
        }
    }

    /** {@code tanh(gamma <x, x'> + coef0)}. */
    static final class Sigmoid extends KernelFunction {
        private Sigmoid(Kernel kernel, int degree, double gamma, double coef0) {
            super(kernel, degree, gamma, coef0);
        }

        @Override
        double fromDot(double dot, double sqi, double sqj) {
            return Math.tanh(gamma * dot + coef0);
        }

        @Override
        void finishColumn(double[] dot, int base, int from, int to, double sqi, double[] sq, int yi, byte[] y,
                          float[] col) {
            for (int j = from; j < to; j++) {
                col[j] = (float) ((yi * y[j]) * Math.tanh(gamma * dot[j - base] + coef0));
            }
        }
    }

    /** X holds the kernel values: {@code K(i, j) = x[i][j]}. */
    static final class Precomputed extends KernelFunction {
        private Precomputed(Kernel kernel, int degree, double gamma, double coef0) {
            super(kernel, degree, gamma, coef0);
        }

        @Override
        boolean precomputed() {
            return true;
        }

        @Override
        double fromDot(double dot, double sqi, double sqj) {
            throw new IllegalStateException("a precomputed kernel has no dot-product form");
        }

        @Override
        double train(double[] x, int d, int ri, int rj, double[] xsq) {
            return x[ri * d + rj];
        }

        @Override
        void fillColumn(double[] x, int d, int ri, int yi, int[] rows, byte[] y, double[] xsq, float[] col, int from,
                        int to) {
            int oi = ri * d;
            for (int j = from; j < to; j++) {
                col[j] = (float) ((yi * y[j]) * x[oi + rows[j]]);
            }
        }

        @Override
        void finishColumn(double[] dot, int base, int from, int to, double sqi, double[] sq, int yi, byte[] y,
                          float[] col) {
            throw new IllegalStateException("a precomputed kernel has no dot-product form");
        }

        @Override
        double predict(double[] x, int xo, double[] sv, int so, int d, int svIndex, double[] scratch) {
            return x[xo + svIndex];
        }

        @Override
        void predictBlock(double[] x, int xo, double[][] svT, int len, int d, Blas.Scratch s, double[] kvalue, int base) {
            throw new IllegalStateException("a precomputed kernel has no dot-product form");
        }
    }
}
