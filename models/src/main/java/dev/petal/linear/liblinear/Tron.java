package dev.petal.linear.liblinear;

/**
 * The trust-region Newton method liblinear uses for its primal L2-regularized problems (its
 * {@code TRON}; Lin, Weng and Keerthi, "Trust Region Newton Method for Large-Scale Logistic Regression",
 * JMLR 2008), with conjugate-gradient inner steps and scikit-learn's BLAS calls ({@link OpenBlas}).
 */
final class Tron {
    private static final double ETA0 = 1e-4;
    private static final double ETA1 = 0.25;
    private static final double ETA2 = 0.75;
    private static final double SIGMA1 = 0.25;
    private static final double SIGMA2 = 0.5;
    private static final double SIGMA3 = 4;

    /** The objective TRON minimizes. */
    interface Function {
        double fun(double[] w);

        void grad(double[] w, double[] g);

        void hv(double[] s, double[] hs);

        int nrVariable();
    }

    private Tron() {
    }

    /** Minimizes {@code f} from {@code w = 0} into {@code w}; returns the iteration count. */
    static int minimize(Function f, double eps, int maxIter, double[] w) {
        int n = f.nrVariable();
        double[] s = new double[n];
        double[] r = new double[n];
        double[] wNew = new double[n];
        double[] g = new double[n];
        java.util.Arrays.fill(w, 0, n, 0.0);
        double fv = f.fun(w);
        f.grad(w, g);
        double delta = OpenBlas.nrm2(n, g);
        double gnorm1 = delta;
        double gnorm = gnorm1;
        boolean search = !(gnorm <= eps * gnorm1);
        int iter = 1;
        while (iter <= maxIter && search) {
            Interrupts.check();
            trcg(f, n, delta, g, s, r);
            System.arraycopy(w, 0, wNew, 0, n);
            OpenBlas.axpy(n, 1.0, s, wNew);
            double gs = OpenBlas.dot(g, s, n);
            double prered = -0.5 * (gs - OpenBlas.dot(s, r, n));
            double fnew = f.fun(wNew);
            double actred = fv - fnew;
            double snorm = OpenBlas.nrm2(n, s);
            if (iter == 1) {
                delta = delta < snorm ? delta : snorm;
            }
            double alpha;
            if (fnew - fv - gs <= 0) {
                alpha = SIGMA3;
            } else {
                double a = -0.5 * (gs / (fnew - fv - gs));
                alpha = SIGMA1 > a ? SIGMA1 : a;
            }
            if (actred < ETA0 * prered) {
                delta = min(max(alpha, SIGMA1) * snorm, SIGMA2 * delta);
            } else if (actred < ETA1 * prered) {
                delta = max(SIGMA1 * delta, min(alpha * snorm, SIGMA2 * delta));
            } else if (actred < ETA2 * prered) {
                delta = max(SIGMA1 * delta, min(alpha * snorm, SIGMA3 * delta));
            } else {
                delta = max(delta, min(alpha * snorm, SIGMA3 * delta));
            }
            if (actred > ETA0 * prered) {
                iter++;
                System.arraycopy(wNew, 0, w, 0, n);
                fv = fnew;
                f.grad(w, g);
                gnorm = OpenBlas.nrm2(n, g);
                if (gnorm <= eps * gnorm1) {
                    break;
                }
            }
            if (fv < -1.0e+32) {
                break;
            }
            if (Math.abs(actred) <= 0 && prered <= 0) {
                break;
            }
            if (Math.abs(actred) <= 1.0e-12 * Math.abs(fv) && Math.abs(prered) <= 1.0e-12 * Math.abs(fv)) {
                break;
            }
        }
        return iter - 1;
    }

    private static double min(double x, double y) {
        return x < y ? x : y;
    }

    private static double max(double x, double y) {
        return x > y ? x : y;
    }

    private static int trcg(Function f, int n, double delta, double[] g, double[] s, double[] r) {
        double[] d = new double[n];
        double[] hd = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 0;
            r[i] = -g[i];
            d[i] = r[i];
        }
        double cgtol = 0.1 * OpenBlas.nrm2(n, g);
        int cgIter = 0;
        double rTr = OpenBlas.dot(r, r, n);
        while (true) {
            if (OpenBlas.nrm2(n, r) <= cgtol) {
                break;
            }
            cgIter++;
            f.hv(d, hd);
            double alpha = rTr / OpenBlas.dot(d, hd, n);
            OpenBlas.axpy(n, alpha, d, s);
            if (OpenBlas.nrm2(n, s) > delta) {
                alpha = -alpha;
                OpenBlas.axpy(n, alpha, d, s);
                double std = OpenBlas.dot(s, d, n);
                double sts = OpenBlas.dot(s, s, n);
                double dtd = OpenBlas.dot(d, d, n);
                double dsq = delta * delta;
                double rad = Math.sqrt(std * std + dtd * (dsq - sts));
                if (std >= 0) {
                    alpha = (dsq - sts) / (std + rad);
                } else {
                    alpha = (rad - std) / dtd;
                }
                OpenBlas.axpy(n, alpha, d, s);
                alpha = -alpha;
                OpenBlas.axpy(n, alpha, hd, r);
                break;
            }
            alpha = -alpha;
            OpenBlas.axpy(n, alpha, hd, r);
            double rnewTrnew = OpenBlas.dot(r, r, n);
            double beta = rnewTrnew / rTr;
            OpenBlas.scal(n, beta, d);
            OpenBlas.axpy(n, 1.0, r, d);
            rTr = rnewTrnew;
        }
        return cgIter;
    }
}
