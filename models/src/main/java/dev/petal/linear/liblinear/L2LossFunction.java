package dev.petal.linear.liblinear;

/**
 * liblinear's {@code l2r_l2_svc_fun} and {@code l2r_l2_svr_fun}: the primal objective
 * {@code 0.5 w'w + sum C_i loss_i(w)} with the squared hinge (classification, {@code y = +1/-1}) or the
 * squared epsilon-insensitive loss (regression, tube {@code p}), its gradient and Hessian-vector
 * product over the samples with a non-zero loss, for {@link Tron}.
 */
final class L2LossFunction implements Tron.Function {
    private final Problem prob;
    private final double[] y;
    private final double[] c;
    private final boolean regression;
    private final double p;
    private final double[] z;
    private final int[] active;
    private int sizeI;

    L2LossFunction(Problem prob, double[] y, double[] c, boolean regression, double p) {
        this.prob = prob;
        this.y = y;
        this.c = c;
        this.regression = regression;
        this.p = p;
        this.z = new double[prob.l];
        this.active = new int[prob.l];
    }

    @Override
    public int nrVariable() {
        return prob.n;
    }

    private double rowDot(int i, double[] v) {
        double s = 0;
        for (int k = prob.start[i]; k < prob.start[i + 1]; k++) {
            s += v[prob.index[k]] * prob.value[k];
        }
        return s;
    }

    @Override
    public double fun(double[] w) {
        int l = prob.l;
        for (int i = 0; i < l; i++) {
            z[i] = rowDot(i, w);
        }
        double f = 0;
        for (int i = 0; i < prob.n; i++) {
            f += w[i] * w[i];
        }
        f /= 2.0;
        for (int i = 0; i < l; i++) {
            if (regression) {
                double d = z[i] - y[i];
                if (d < -p) {
                    f += c[i] * (d + p) * (d + p);
                } else if (d > p) {
                    f += c[i] * (d - p) * (d - p);
                }
            } else {
                z[i] = y[i] * z[i];
                double d = 1 - z[i];
                if (d > 0) {
                    f += c[i] * d * d;
                }
            }
        }
        return f;
    }

    @Override
    public void grad(double[] w, double[] g) {
        int l = prob.l;
        sizeI = 0;
        for (int i = 0; i < l; i++) {
            if (regression) {
                double d = z[i] - y[i];
                if (d < -p) {
                    z[sizeI] = c[i] * (d + p);
                    active[sizeI++] = i;
                } else if (d > p) {
                    z[sizeI] = c[i] * (d - p);
                    active[sizeI++] = i;
                }
            } else if (z[i] < 1) {
                z[sizeI] = c[i] * y[i] * (z[i] - 1);
                active[sizeI++] = i;
            }
        }
        subXTv(z, g);
        for (int i = 0; i < prob.n; i++) {
            g[i] = w[i] + 2 * g[i];
        }
    }

    @Override
    public void hv(double[] s, double[] hs) {
        double[] wa = new double[sizeI];
        for (int t = 0; t < sizeI; t++) {
            wa[t] = rowDot(active[t], s);
        }
        for (int t = 0; t < sizeI; t++) {
            wa[t] = c[active[t]] * wa[t];
        }
        subXTv(wa, hs);
        for (int i = 0; i < prob.n; i++) {
            hs[i] = s[i] + 2 * hs[i];
        }
    }

    private void subXTv(double[] v, double[] out) {
        java.util.Arrays.fill(out, 0, prob.n, 0.0);
        for (int t = 0; t < sizeI; t++) {
            int i = active[t];
            double vi = v[t];
            for (int k = prob.start[i]; k < prob.start[i + 1]; k++) {
                out[prob.index[k]] += vi * prob.value[k];
            }
        }
    }
}
