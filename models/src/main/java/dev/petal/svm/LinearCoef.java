package dev.petal.svm;

/** Primal weights of a linear-kernel libsvm model from its dual coefficients (scikit-learn's {@code _get_coef}). */
final class LinearCoef {
    private LinearCoef() {
    }

    /** Support vectors as {@link #weights} reads them: adds {@code a * row s} to {@code w}, column by column. */
    interface Rows {
        void addRowTo(int s, double a, double[] w);

        /** Flat row-major dense rows of {@code d} columns. */
        static Rows dense(double[] sv, int d) {
            return (s, a, w) -> {
                int o = s * d;
                for (int f = 0; f < d; f++) {
                    w[f] += a * sv[o + f];
                }
            };
        }
    }

    /**
     * scikit-learn's {@code _one_vs_one_coef} (one row for two classes: {@code dual_coef @ support_vectors}):
     * for pair (i, j) the class-i support vectors weighted by row j-1 plus the class-j ones weighted by row i.
     * {@code sv} holds the support vectors (dense or sparse rows: the same bits), {@code d} columns.
     */
    static double[][] oneVsOne(double[][] dual, int[] nSupport, Rows sv, int d) {
        int k = nSupport.length;
        if (dual.length == 1) {
            return new double[][] {weights(dual[0], 0, dual[0].length, sv, d, null)};
        }
        int[] start = new int[k + 1];
        for (int c = 0; c < k; c++) {
            start[c + 1] = start[c] + nSupport[c];
        }
        double[][] out = new double[k * (k - 1) / 2][];
        int p = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double[] w = weights(dual[j - 1], start[i], start[i + 1], sv, d, null);
                out[p++] = weights(dual[i], start[j], start[j + 1], sv, d, w);
            }
        }
        return out;
    }

    /** {@code sum_s alpha[s] * sv[s]} over s in [from, to), added to {@code into} (a new array when null). */
    static double[] weights(double[] alpha, int from, int to, Rows sv, int d, double[] into) {
        double[] w = new double[d];
        for (int s = from; s < to; s++) {
            sv.addRowTo(s, alpha[s], w);
        }
        if (into != null) {
            for (int f = 0; f < d; f++) {
                w[f] = into[f] + w[f];
            }
        }
        return w;
    }
}
