package dev.petal.svm;

/**
 * libsvm's {@code solve_nu_svc}, {@code solve_one_class}, {@code solve_epsilon_svr} and {@code solve_nu_svr}
 * as scikit-learn's fork has them (per-sample weights scale each upper bound): the initial point, the linear
 * term, the labels and bounds of each dual, solved with {@link Solver} or {@link NuSolver} over {@link SvcQ}
 * or {@link SvrQ}, and the coefficients and bias read back. {@code C_SVC} stays in {@link LibSvm}.
 */
final class Formulations {
    private Formulations() {
    }

    /** ν-SVC: both classes start with ν·Σw/2 of alpha mass; the result is rescaled by 1/r. */
    static Solver.Result nuSvc(LibSvm.Problem prob, LibSvm.Params param, LibSvm.Context ctx, double cacheMb,
                               double[] alpha) {
        int l = prob.size();
        double nu = param.nu;
        byte[] y = new byte[l];
        double[] c = new double[l];
        for (int i = 0; i < l; i++) {
            y[i] = prob.y[i] > 0 ? (byte) +1 : (byte) -1;
            c[i] = prob.w[i];
        }
        double nuL = 0;
        for (int i = 0; i < l; i++) {
            nuL += nu * c[i];
        }
        double sumPos = nuL / 2;
        double sumNeg = nuL / 2;
        for (int i = 0; i < l; i++) {
            if (y[i] == +1) {
                alpha[i] = Math.min(c[i], sumPos);
                sumPos -= alpha[i];
            } else {
                alpha[i] = Math.min(c[i], sumNeg);
                sumNeg -= alpha[i];
            }
        }
        double[] zeros = new double[l];
        QMatrix q = prob.q(param.kf, y, ctx, cacheMb);
        Solver.Result res = new NuSolver().solve(l, q, zeros, y, alpha, c, param.eps, param.shrinking, param.maxIter,
                ctx.team);
        double r = res.r;
        for (int i = 0; i < l; i++) {
            alpha[i] *= y[i] / r;
        }
        res.rho /= r;
        res.obj /= r * r;
        return res;
    }

    /** One-class SVM: the first samples take ν·Σw of alpha mass in order, each up to its weight. */
    static Solver.Result oneClass(LibSvm.Problem prob, LibSvm.Params param, LibSvm.Context ctx, double cacheMb,
                                  double[] alpha) {
        int l = prob.size();
        double[] zeros = new double[l];
        byte[] ones = new byte[l];
        double[] c = new double[l];
        double nuL = 0;
        for (int i = 0; i < l; i++) {
            c[i] = prob.w[i];
            nuL += c[i] * param.nu;
        }
        int i = 0;
        while (nuL > 0) {
            alpha[i] = Math.min(c[i], nuL);
            nuL -= alpha[i];
            ++i;
        }
        for (; i < l; i++) {
            alpha[i] = 0;
        }
        java.util.Arrays.fill(ones, (byte) 1);
        QMatrix q = prob.q(param.kf, ones, ctx, cacheMb);
        return new Solver().solve(l, q, zeros, ones, alpha, c, param.eps, param.shrinking, param.maxIter, ctx.team);
    }

    /** ε-SVR: 2l variables, linear term epsilon ∓ y; the coefficient of sample i is alpha_i - alpha_{i+l}. */
    static Solver.Result epsilonSvr(LibSvm.Problem prob, LibSvm.Params param, LibSvm.Context ctx, double cacheMb,
                                    double[] coef) {
        int l = prob.size();
        double[] alpha2 = new double[2 * l];
        double[] linear = new double[2 * l];
        byte[] y = new byte[2 * l];
        double[] c = new double[2 * l];
        for (int i = 0; i < l; i++) {
            linear[i] = param.p - prob.y[i];
            y[i] = 1;
            c[i] = prob.w[i] * param.c;
            linear[i + l] = param.p + prob.y[i];
            y[i + l] = -1;
            c[i + l] = prob.w[i] * param.c;
        }
        QMatrix q = prob.svrQ(param.kf, ctx, cacheMb);
        Solver.Result r = new Solver().solve(2 * l, q, linear, y, alpha2, c, param.eps, param.shrinking, param.maxIter,
                ctx.team);
        for (int i = 0; i < l; i++) {
            coef[i] = alpha2[i] - alpha2[i + l];
        }
        return r;
    }

    /** ν-SVR: both halves start at min(C_i, remaining ν·ΣC/2), solved by the ν solver (its r is -epsilon). */
    static Solver.Result nuSvr(LibSvm.Problem prob, LibSvm.Params param, LibSvm.Context ctx, double cacheMb,
                               double[] coef) {
        int l = prob.size();
        double[] c = new double[2 * l];
        double[] alpha2 = new double[2 * l];
        double[] linear = new double[2 * l];
        byte[] y = new byte[2 * l];
        double sum = 0;
        for (int i = 0; i < l; i++) {
            c[i] = prob.w[i] * param.c;
            c[i + l] = c[i];
            sum += c[i] * param.nu;
        }
        sum /= 2;
        for (int i = 0; i < l; i++) {
            alpha2[i] = Math.min(sum, c[i]);
            alpha2[i + l] = alpha2[i];
            sum -= alpha2[i];
            linear[i] = -prob.y[i];
            y[i] = 1;
            linear[i + l] = prob.y[i];
            y[i + l] = -1;
        }
        QMatrix q = prob.svrQ(param.kf, ctx, cacheMb);
        Solver.Result r = new NuSolver().solve(2 * l, q, linear, y, alpha2, c, param.eps, param.shrinking,
                param.maxIter, ctx.team);
        for (int i = 0; i < l; i++) {
            coef[i] = alpha2[i] - alpha2[i + l];
        }
        return r;
    }
}
