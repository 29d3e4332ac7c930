package dev.petal.linear;

import dev.petal.check.Check;
import dev.petal.check.PyRepr;
import dev.petal.linalg.RowSource;
import dev.petal.linear.liblinear.SolverType;

/** scikit-learn's {@code _get_liblinear_solver_type} and the input checks LinearSVC and LinearSVR share. */
final class Solvers {
    private Solvers() {
    }

    /** The solver for a loss, penalty and dual choice, or scikit-learn's "Unsupported set of arguments" error. */
    static SolverType of(boolean crammerSinger, String penalty, String loss, boolean dual) {
        if (crammerSinger) {
            return SolverType.MCSVM_CS;
        }
        String problem;
        switch (loss) {
            case "hinge":
                if (penalty.equals("l2")) {
                    if (dual) {
                        return SolverType.L2R_L1LOSS_SVC_DUAL;
                    }
                    problem = notWhenDual(penalty, loss, dual);
                } else {
                    problem = notSupported(penalty, loss);
                }
                break;
            case "squared_hinge":
                if (penalty.equals("l1")) {
                    if (!dual) {
                        return SolverType.L1R_L2LOSS_SVC;
                    }
                    problem = notWhenDual(penalty, loss, dual);
                } else {
                    return dual ? SolverType.L2R_L2LOSS_SVC_DUAL : SolverType.L2R_L2LOSS_SVC;
                }
                break;
            case "epsilon_insensitive":
                if (penalty.equals("l2")) {
                    if (dual) {
                        return SolverType.L2R_L1LOSS_SVR_DUAL;
                    }
                    problem = notWhenDual(penalty, loss, dual);
                } else {
                    problem = notSupported(penalty, loss);
                }
                break;
            case "squared_epsilon_insensitive":
                if (penalty.equals("l2")) {
                    return dual ? SolverType.L2R_L2LOSS_SVR_DUAL : SolverType.L2R_L2LOSS_SVR;
                }
                problem = notSupported(penalty, loss);
                break;
            default:
                problem = "loss='" + loss + "' is not supported";
        }
        throw new IllegalArgumentException(String.format("Unsupported set of arguments: %s, Parameters: penalty='%s', loss='%s', dual=%s",
                problem, penalty, loss, dual ? "True" : "False"));
    }

    private static String notSupported(String penalty, String loss) {
        return "The combination of penalty='" + penalty + "' and loss='" + loss + "' is not supported";
    }

    private static String notWhenDual(String penalty, String loss, boolean dual) {
        return "The combination of penalty='" + penalty + "' and loss='" + loss + "' are not supported when dual="
                + (dual ? "True" : "False");
    }

    /** {@code Interval(Real, 0, None, closed="neither")} with the integer bound scikit-learn prints as "0". */
    static void interceptScaling(String owner, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(String.format(
                    "The 'intercept_scaling' parameter of %s must be a float in the range (0, inf). Got %s instead.", owner, PyRepr.of(v)));
        }
    }

    /** Checks X and the sample weights as {@code _validate_data} and {@code _check_sample_weight} do; returns the weights. */
    static double[] check(String owner, RowSource x, int nTargets, double[] sampleWeight) {
        Check.notEmpty(owner, x);
        Check.consistentLength(x.rows(), nTargets);
        finite(owner, x);
        if (sampleWeight == null) {
            double[] ones = new double[x.rows()];
            java.util.Arrays.fill(ones, 1.0);
            return ones;
        }
        if (sampleWeight.length != x.rows()) {
            throw new IllegalArgumentException("sample_weight.shape == (" + sampleWeight.length + ",), expected (" + x.rows() + ",)!");
        }
        Check.allFinite("sample_weight", sampleWeight);
        return sampleWeight.clone();
    }

    /** check_array's finiteness check on X for {@code owner}: scikit-learn's NaN text names the estimator. */
    static void finite(String owner, RowSource x) {
        boolean inf = false;
        if (x instanceof dev.petal.linalg.CsrMatrix c) {
            for (double v : c.data()) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException(Check.nanInX(owner));
                }
                inf |= Double.isInfinite(v);
            }
        } else {
            double[] row = new double[x.cols()];
            for (int i = 0; i < x.rows(); i++) {
                x.copyRow(i, row, 0);
                for (double v : row) {
                    if (Double.isNaN(v)) {
                        throw new IllegalArgumentException(Check.nanInX(owner));
                    }
                    inf |= Double.isInfinite(v);
                }
            }
        }
        if (inf) {
            throw new IllegalArgumentException("Input X contains infinity or a value too large for dtype('float64').");
        }
    }

    /** The seed scikit-learn hands liblinear: {@code RandomState(random_state).randint(np.iinfo('i').max)}. */
    static long seed(Long randomState) {
        long rs = randomState != null ? randomState : new java.security.SecureRandom().nextInt() & 0xFFFFFFFFL;
        return new dev.petal.selection.RandomState(rs).randint(Integer.MAX_VALUE);
    }

    /** The warning scikit-learn issues when some solver reached max_iter. */
    static final String CONVERGENCE_WARNING = "Liblinear failed to converge, increase the number of iterations.";
}
