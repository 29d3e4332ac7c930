package dev.petal.svm;

/**
 * The C-SVC training driver of scikit-learn's libsvm fork ({@code svm_train}): zero-weight removal,
 * class grouping with sorted labels, weighted C, one-vs-one pairs in (i, j) order, the 5-fold
 * cross-validation behind Platt scaling (re-seeding the shared generator in every nested train, as
 * the fork does), and the model layout ({@code sv_coef}, {@code rho}, {@code nSV}, {@code sv_ind}).
 */
final class LibSvm {
    private LibSvm() {
    }

    /**
     * A training problem: samples are rows of the shared data, either flat dense ({@code x}, {@code d}
     * columns) or sparse ({@code sparse}, libsvm's sparse path; then {@code x} is null).
     */
    static final class Problem {
        final double[] x;
        final int d;
        final SparseRows sparse;
        final int[] rows;
        final double[] y;
        final double[] w;

        Problem(double[] x, int d, int[] rows, double[] y, double[] w) {
            this(x, d, null, rows, y, w);
        }

        Problem(SparseRows sparse, int[] rows, double[] y, double[] w) {
            this(null, sparse.cols(), sparse, rows, y, w);
        }

        private Problem(double[] x, int d, SparseRows sparse, int[] rows, double[] y, double[] w) {
            this.x = x;
            this.d = d;
            this.sparse = sparse;
            this.rows = rows;
            this.y = y;
            this.w = w;
        }

        int size() {
            return rows.length;
        }

        /** A sub-problem over other rows of the same data. */
        Problem with(int[] rows, double[] y, double[] w) {
            return new Problem(x, d, sparse, rows, y, w);
        }

        /** The Q matrix of these rows with labels {@code y} (+1/-1): dense {@link SvcQ} or sparse {@link SparseSvcQ}. */
        QMatrix q(KernelFunction kf, byte[] y, Context ctx, double cacheMb) {
            return sparse != null ? new SparseSvcQ(kf, sparse, ctx.xsq, rows, y, cacheMb, ctx.team)
                    : new SvcQ(kf, x, d, ctx.xsq, rows, y, cacheMb, ctx.team);
        }

        /** The 2l-variable Q of ε-SVR and ν-SVR over these rows. */
        QMatrix svrQ(KernelFunction kf, Context ctx, double cacheMb) {
            byte[] ones = new byte[rows.length];
            java.util.Arrays.fill(ones, (byte) 1);
            return new SvrQ(q(kf, ones, ctx, cacheMb), rows.length);
        }
    }

    /** libsvm's {@code svm_type} values, in its numbering. */
    static final int C_SVC = 0;
    static final int NU_SVC = 1;
    static final int ONE_CLASS = 2;
    static final int EPSILON_SVR = 3;
    static final int NU_SVR = 4;

    /** Training parameters ({@code svm_parameter}). */
    static final class Params {
        final int svmType;
        final double nu;
        final double p;
        final KernelFunction kf;
        final double c;
        final double eps;
        final boolean shrinking;
        final boolean probability;
        final double cacheSizeMb;
        final int maxIter;
        final int[] weightLabel;
        final double[] weight;
        final long randomSeed;

        Params(KernelFunction kf, double c, double eps, boolean shrinking, boolean probability, double cacheSizeMb,
               int maxIter, int[] weightLabel, double[] weight, long randomSeed) {
            this(C_SVC, 0.0, 0.0, kf, c, eps, shrinking, probability, cacheSizeMb, maxIter, weightLabel, weight, randomSeed);
        }

        Params(int svmType, double nu, double p, KernelFunction kf, double c, double eps, boolean shrinking,
               boolean probability, double cacheSizeMb, int maxIter, int[] weightLabel, double[] weight, long randomSeed) {
            this.svmType = svmType;
            this.nu = nu;
            this.p = p;
            this.kf = kf;
            this.c = c;
            this.eps = eps;
            this.shrinking = shrinking;
            this.probability = probability;
            this.cacheSizeMb = cacheSizeMb;
            this.maxIter = maxIter;
            this.weightLabel = weightLabel;
            this.weight = weight;
            this.randomSeed = randomSeed;
        }
    }

    /** State shared by one fit: the generator (libsvm's global {@code mt_rand}), squared norms, the status. */
    static final class Context {
        final Mt19937 rng = new Mt19937(5489);
        final double[] xsq;
        final Team team;
        int status;

        Context(double[] xsq, Team team) {
            this.xsq = xsq;
            this.team = team;
        }
    }

    /** A trained model in libsvm's layout and signs. */
    static final class Model {
        int nrClass;
        int[] label;
        double[] rho;
        int[] nSV;
        int[] svRows;
        int[] svInd;
        double[][] svCoef;
        double[] probA;
        double[] probB;
        int[] nIter;
    }

    /** libsvm's {@code PREFIX(train)}. */
    static Model train(Problem prob0, Params param, Context ctx) {
        Problem prob = removeZeroWeight(prob0);
        if (param.randomSeed >= 0) {
            ctx.rng.seed(param.randomSeed);
        }
        if (param.svmType == ONE_CLASS || param.svmType == EPSILON_SVR || param.svmType == NU_SVR) {
            return trainOneOutput(prob, param, ctx);
        }
        int l = prob.size();
        // svm_group_classes with sorted labels
        int[] label = new int[16];
        int[] count = new int[16];
        int nrClass = 0;
        for (int i = 0; i < l; i++) {
            int thisLabel = (int) prob.y[i];
            int j;
            for (j = 0; j < nrClass; j++) {
                if (thisLabel == label[j]) {
                    ++count[j];
                    break;
                }
            }
            if (j == nrClass) {
                if (nrClass == label.length) {
                    label = java.util.Arrays.copyOf(label, 2 * nrClass);
                    count = java.util.Arrays.copyOf(count, 2 * nrClass);
                }
                label[nrClass] = thisLabel;
                count[nrClass] = 1;
                ++nrClass;
            }
        }
        for (int j = 1; j < nrClass; j++) {
            int i = j - 1;
            int thisLabel = label[j];
            int thisCount = count[j];
            while (i >= 0 && label[i] > thisLabel) {
                label[i + 1] = label[i];
                count[i + 1] = count[i];
                i--;
            }
            label[i + 1] = thisLabel;
            count[i + 1] = thisCount;
        }
        int[] dataLabel = new int[l];
        for (int i = 0; i < l; i++) {
            int j = 0;
            int thisLabel = (int) prob.y[i];
            while (thisLabel != label[j]) {
                j++;
            }
            dataLabel[i] = j;
        }
        int[] start = new int[nrClass];
        for (int i = 1; i < nrClass; i++) {
            start[i] = start[i - 1] + count[i - 1];
        }
        int[] perm = new int[l];
        for (int i = 0; i < l; i++) {
            perm[start[dataLabel[i]]] = i;
            ++start[dataLabel[i]];
        }
        start[0] = 0;
        for (int i = 1; i < nrClass; i++) {
            start[i] = start[i - 1] + count[i - 1];
        }

        int[] rows = new int[l];
        double[] w = new double[l];
        for (int i = 0; i < l; i++) {
            rows[i] = prob.rows[perm[i]];
            w[i] = prob.w[perm[i]];
        }
        double[] weightedC = new double[nrClass];
        for (int i = 0; i < nrClass; i++) {
            weightedC[i] = param.c;
        }
        for (int i = 0; i < param.weightLabel.length; i++) {
            for (int j = 0; j < nrClass; j++) {
                if (param.weightLabel[i] == label[j]) {
                    weightedC[j] *= param.weight[i];
                    break;
                }
            }
        }

        int nPairs = nrClass * (nrClass - 1) / 2;
        boolean[] nonzero = new boolean[l];
        double[][] alpha = new double[nPairs][];
        double[] rho = new double[nPairs];
        int[] nIter = new int[Math.max(1, nPairs)];
        double[] probA = param.probability ? new double[nPairs] : new double[0];
        double[] probB = param.probability ? new double[nPairs] : new double[0];
        int[] pi = new int[nPairs];
        int[] pj = new int[nPairs];
        Problem[] subs = new Problem[nPairs];
        int p = 0;
        for (int i = 0; i < nrClass; i++) {
            for (int j = i + 1; j < nrClass; j++) {
                int si = start[i];
                int sj = start[j];
                int ci = count[i];
                int cj = count[j];
                int[] subRows = new int[ci + cj];
                double[] subY = new double[ci + cj];
                double[] subW = new double[ci + cj];
                for (int k = 0; k < ci; k++) {
                    subRows[k] = rows[si + k];
                    subY[k] = +1;
                    subW[k] = w[si + k];
                }
                for (int k = 0; k < cj; k++) {
                    subRows[ci + k] = rows[sj + k];
                    subY[ci + k] = -1;
                    subW[ci + k] = w[sj + k];
                }
                pi[p] = i;
                pj[p] = j;
                subs[p] = prob.with(subRows, subY, subW);
                ++p;
            }
        }
        Solver.Result[] results = new Solver.Result[nPairs];
        if (param.probability || nPairs == 1 || ctx.team.threads() == 1) {
            // the probability CV draws from the shared generator pair after pair: keep libsvm's order
            for (p = 0; p < nPairs; p++) {
                if (param.probability) {
                    double[] ab = binaryProbability(subs[p], param, weightedC[pi[p]], weightedC[pj[p]], ctx);
                    probA[p] = ab[0];
                    probB[p] = ab[1];
                }
                results[p] = new Solver.Result();
                alpha[p] = trainOne(subs[p], param, weightedC[pi[p]], weightedC[pj[p]], ctx, param.cacheSizeMb, results[p]);
                ctx.status |= results[p].timedOut ? 1 : 0;
            }
        } else {
            // independent pairs in parallel, one per piece (a whole solver run, always above MIN_PIECE_WORK); the
            // cache budget is shared by the pairs that run at once
            double cacheMb = param.cacheSizeMb / Math.min(nPairs, ctx.team.threads());
            ctx.team.forRange(0, nPairs, 1, (from, to) -> {
                for (int q = from; q < to; q++) {
                    results[q] = new Solver.Result();
                    alpha[q] = trainOne(subs[q], param, weightedC[pi[q]], weightedC[pj[q]], ctx, cacheMb, results[q]);
                }
            });
            for (p = 0; p < nPairs; p++) {
                ctx.status |= results[p].timedOut ? 1 : 0;
            }
        }
        for (p = 0; p < nPairs; p++) {
            int si = start[pi[p]];
            int sj = start[pj[p]];
            int ci = count[pi[p]];
            int cj = count[pj[p]];
            rho[p] = results[p].rho;
            nIter[p] = results[p].iterations;
            for (int k = 0; k < ci; k++) {
                if (!nonzero[si + k] && Math.abs(alpha[p][k]) > 0) {
                    nonzero[si + k] = true;
                }
            }
            for (int k = 0; k < cj; k++) {
                if (!nonzero[sj + k] && Math.abs(alpha[p][ci + k]) > 0) {
                    nonzero[sj + k] = true;
                }
            }
        }

        Model model = new Model();
        model.nrClass = nrClass;
        model.label = java.util.Arrays.copyOf(label, nrClass);
        model.rho = rho;
        model.probA = probA;
        model.probB = probB;
        model.nIter = nIter;
        int totalSv = 0;
        int[] nzCount = new int[nrClass];
        model.nSV = new int[nrClass];
        for (int i = 0; i < nrClass; i++) {
            int nSV = 0;
            for (int j = 0; j < count[i]; j++) {
                if (nonzero[start[i] + j]) {
                    ++nSV;
                    ++totalSv;
                }
            }
            model.nSV[i] = nSV;
            nzCount[i] = nSV;
        }
        model.svRows = new int[totalSv];
        model.svInd = new int[totalSv];
        p = 0;
        for (int i = 0; i < l; i++) {
            if (nonzero[i]) {
                model.svRows[p] = rows[i];
                model.svInd[p] = perm[i];
                ++p;
            }
        }
        int[] nzStart = new int[nrClass];
        for (int i = 1; i < nrClass; i++) {
            nzStart[i] = nzStart[i - 1] + nzCount[i - 1];
        }
        model.svCoef = new double[Math.max(0, nrClass - 1)][totalSv];
        p = 0;
        for (int i = 0; i < nrClass; i++) {
            for (int j = i + 1; j < nrClass; j++) {
                int si = start[i];
                int sj = start[j];
                int ci = count[i];
                int cj = count[j];
                int q = nzStart[i];
                for (int k = 0; k < ci; k++) {
                    if (nonzero[si + k]) {
                        model.svCoef[j - 1][q++] = alpha[p][k];
                    }
                }
                q = nzStart[j];
                for (int k = 0; k < cj; k++) {
                    if (nonzero[sj + k]) {
                        model.svCoef[i][q++] = alpha[p][ci + k];
                    }
                }
                ++p;
            }
        }
        return model;
    }

    /** The regression and one-class branch of {@code PREFIX(train)}: one problem, one output. */
    private static Model trainOneOutput(Problem prob, Params param, Context ctx) {
        Solver.Result r = new Solver.Result();
        double[] alpha = trainOne(prob, param, 0, 0, ctx, param.cacheSizeMb, r);
        ctx.status |= r.timedOut ? 1 : 0;
        int l = prob.size();
        int nSV = 0;
        for (int i = 0; i < l; i++) {
            if (Math.abs(alpha[i]) > 0) {
                ++nSV;
            }
        }
        Model model = new Model();
        model.nrClass = 2;
        model.label = new int[0];
        model.rho = new double[] {r.rho};
        model.nIter = new int[] {r.iterations};
        model.nSV = new int[] {nSV, 0};
        model.probA = new double[0];
        model.probB = new double[0];
        model.svRows = new int[nSV];
        model.svInd = new int[nSV];
        model.svCoef = new double[1][nSV];
        int j = 0;
        for (int i = 0; i < l; i++) {
            if (Math.abs(alpha[i]) > 0) {
                model.svRows[j] = prob.rows[i];
                model.svInd[j] = i;
                model.svCoef[0][j] = alpha[i];
                ++j;
            }
        }
        return model;
    }

    /** libsvm's ν-SVC feasibility check ({@code check_parameter}): for every pair of classes with weight sums n1, n2, nu (n1 + n2) / 2 &lt;= min(n1, n2). */
    static boolean nuFeasible(double[] y, double[] w, double nu) {
        int[] label = new int[16];
        double[] count = new double[16];
        int nrClass = 0;
        for (int i = 0; i < y.length; i++) {
            int thisLabel = (int) y[i];
            int j;
            for (j = 0; j < nrClass; j++) {
                if (thisLabel == label[j]) {
                    count[j] += w[i];
                    break;
                }
            }
            if (j == nrClass) {
                if (nrClass == label.length) {
                    label = java.util.Arrays.copyOf(label, 2 * nrClass);
                    count = java.util.Arrays.copyOf(count, 2 * nrClass);
                }
                label[nrClass] = thisLabel;
                count[nrClass] = w[i];
                ++nrClass;
            }
        }
        for (int i = 0; i < nrClass; i++) {
            double n1 = count[i];
            for (int j = i + 1; j < nrClass; j++) {
                double n2 = count[j];
                if (nu * (n1 + n2) / 2 > Math.min(n1, n2)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Problem removeZeroWeight(Problem prob) {
        int l = 0;
        for (int i = 0; i < prob.size(); i++) {
            if (prob.w[i] > 0) {
                l++;
            }
        }
        if (l == prob.size()) {
            return prob;
        }
        int[] rows = new int[l];
        double[] y = new double[l];
        double[] w = new double[l];
        int j = 0;
        for (int i = 0; i < prob.size(); i++) {
            if (prob.w[i] > 0) {
                rows[j] = prob.rows[i];
                y[j] = prob.y[i];
                w[j] = prob.w[i];
                j++;
            }
        }
        return prob.with(rows, y, w);
    }

    /** {@code svm_train_one}: the formulation's solve; returns the signed coefficients (for classification {@code alpha_i y_i}). */
    private static double[] trainOne(Problem prob, Params param, double cp, double cn, Context ctx, double cacheMb,
                                     Solver.Result out) {
        Solver.Result r;
        double[] coef;
        switch (param.svmType) {
            case NU_SVC -> {
                coef = new double[prob.size()];
                r = Formulations.nuSvc(prob, param, ctx, cacheMb, coef);
            }
            case ONE_CLASS -> {
                coef = new double[prob.size()];
                r = Formulations.oneClass(prob, param, ctx, cacheMb, coef);
            }
            case EPSILON_SVR -> {
                coef = new double[prob.size()];
                r = Formulations.epsilonSvr(prob, param, ctx, cacheMb, coef);
            }
            case NU_SVR -> {
                coef = new double[prob.size()];
                r = Formulations.nuSvr(prob, param, ctx, cacheMb, coef);
            }
            default -> {
                coef = new double[prob.size()];
                r = cSvc(prob, param, cp, cn, ctx, cacheMb, coef);
            }
        }
        out.rho = r.rho;
        out.obj = r.obj;
        out.iterations = r.iterations;
        out.timedOut = r.timedOut;
        ctx.team.solved();
        return coef;
    }

    /** {@code solve_c_svc}. */
    private static Solver.Result cSvc(Problem prob, Params param, double cp, double cn, Context ctx, double cacheMb,
                                      double[] alpha) {
        int l = prob.size();
        double[] minusOnes = new double[l];
        byte[] y = new byte[l];
        double[] c = new double[l];
        for (int i = 0; i < l; i++) {
            minusOnes[i] = -1;
            if (prob.y[i] > 0) {
                y[i] = +1;
                c[i] = prob.w[i] * cp;
            } else {
                y[i] = -1;
                c[i] = prob.w[i] * cn;
            }
        }
        QMatrix q = prob.q(param.kf, y, ctx, cacheMb);
        Solver.Result r = new Solver().solve(l, q, minusOnes, y, alpha, c, param.eps, param.shrinking, param.maxIter,
                ctx.team);
        for (int i = 0; i < l; i++) {
            alpha[i] *= y[i];
        }
        return r;
    }

    /** {@code svm_binary_svc_probability}: 5-fold CV decision values, then Platt's sigmoid; returns {A, B}. */
    private static double[] binaryProbability(Problem prob, Params param, double cp, double cn, Context ctx) {
        int l = prob.size();
        int nrFold = 5;
        int[] perm = new int[l];
        double[] dec = new double[l];
        for (int i = 0; i < l; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < l; i++) {
            int j = i + ctx.rng.boundedRandInt(l - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        Params subParam = new Params(param.svmType, param.nu, param.p, param.kf, 1.0, param.eps, param.shrinking, false,
                param.cacheSizeMb, param.maxIter, new int[] {+1, -1}, new double[] {cp, cn}, param.randomSeed);
        double[] scratch = new double[prob.d];
        double[] one = new double[1];
        for (int f = 0; f < nrFold; f++) {
            int begin = f * l / nrFold;
            int end = (f + 1) * l / nrFold;
            int subL = l - (end - begin);
            int[] rows = new int[subL];
            double[] y = new double[subL];
            double[] w = new double[subL];
            int k = 0;
            for (int j = 0; j < begin; j++) {
                rows[k] = prob.rows[perm[j]];
                y[k] = prob.y[perm[j]];
                w[k] = prob.w[perm[j]];
                ++k;
            }
            for (int j = end; j < l; j++) {
                rows[k] = prob.rows[perm[j]];
                y[k] = prob.y[perm[j]];
                w[k] = prob.w[perm[j]];
                ++k;
            }
            int pCount = 0;
            int nCount = 0;
            for (int j = 0; j < k; j++) {
                if (y[j] > 0) {
                    pCount++;
                } else {
                    nCount++;
                }
            }
            if (pCount == 0 && nCount == 0) {
                for (int j = begin; j < end; j++) {
                    dec[perm[j]] = 0;
                }
            } else if (pCount > 0 && nCount == 0) {
                for (int j = begin; j < end; j++) {
                    dec[perm[j]] = 1;
                }
            } else if (pCount == 0) {
                for (int j = begin; j < end; j++) {
                    dec[perm[j]] = -1;
                }
            } else {
                Model sub = train(prob.with(rows, y, w), subParam, ctx);
                int d = prob.d;
                int nsv = sub.svRows.length;
                if (prob.sparse != null) {
                    double[] kv = new double[nsv];
                    for (int j = begin; j < end; j++) {
                        int r = prob.rows[perm[j]];
                        for (int s = 0; s < nsv; s++) {
                            kv[s] = param.kf.predictSparse(prob.sparse, r, prob.sparse, sub.svRows[s]);
                        }
                        Predict.fromKernelValues(sub.nrClass, sub.nSV, sub.svCoef, sub.rho, kv, one);
                        dec[perm[j]] = one[0] * sub.label[0];
                    }
                } else if (param.kf.precomputed()) {
                    double[] kvalue = new double[nsv];
                    int[] svOff = new int[nsv];
                    for (int s = 0; s < nsv; s++) {
                        svOff[s] = sub.svRows[s] * d;
                    }
                    for (int j = begin; j < end; j++) {
                        int r = prob.rows[perm[j]];
                        Predict.decisionValues(param.kf, sub.nrClass, sub.nSV, sub.svCoef, sub.rho, prob.x, r * d,
                                prob.x, svOff, sub.svRows, d, kvalue, scratch, one);
                        dec[perm[j]] = one[0] * sub.label[0];
                    }
                } else {
                    // the held-out rows against the fold model's support vectors, in bulk, read in place
                    FeatureMajor svT = FeatureMajor.ofRows(prob.x, sub.svRows, d);
                    int n = end - begin;
                    int[] heldOut = new int[n];
                    for (int j = 0; j < n; j++) {
                        heldOut[j] = prob.rows[perm[begin + j]];
                    }
                    double[][] out = new double[n][1];
                    Predict.decisionValuesBulk(param.kf, sub.nrClass, sub.nSV, sub.svCoef, sub.rho, prob.x, heldOut, n,
                            d, svT, out, ctx.team);
                    for (int j = 0; j < n; j++) {
                        dec[perm[begin + j]] = out[j][0] * sub.label[0];
                    }
                }
            }
        }
        return Platt.sigmoidTrain(l, dec, prob.y);
    }
}
