package dev.petal.linear.liblinear;

/** The liblinear solvers scikit-learn 1.2.1's LinearSVC and LinearSVR use, with liblinear's numbers. */
public enum SolverType {
    /** {@code -s 1}: L2-regularized squared hinge, dual coordinate descent (LinearSVC's default). */
    L2R_L2LOSS_SVC_DUAL(1),
    /** {@code -s 2}: L2-regularized squared hinge, primal trust-region Newton. */
    L2R_L2LOSS_SVC(2),
    /** {@code -s 3}: L2-regularized hinge, dual coordinate descent. */
    L2R_L1LOSS_SVC_DUAL(3),
    /** {@code -s 4}: Crammer and Singer's multi-class SVM. */
    MCSVM_CS(4),
    /** {@code -s 5}: L1-regularized squared hinge, primal coordinate descent. */
    L1R_L2LOSS_SVC(5),
    /** {@code -s 11}: L2-regularized squared epsilon-insensitive loss, primal trust-region Newton. */
    L2R_L2LOSS_SVR(11),
    /** {@code -s 12}: L2-regularized squared epsilon-insensitive loss, dual coordinate descent. */
    L2R_L2LOSS_SVR_DUAL(12),
    /** {@code -s 13}: L2-regularized epsilon-insensitive loss, dual coordinate descent (LinearSVR's default). */
    L2R_L1LOSS_SVR_DUAL(13);

    private final int number;

    SolverType(int number) {
        this.number = number;
    }

    /** liblinear's solver number. */
    public int number() {
        return number;
    }

    /** Whether this is a regression solver. */
    public boolean regression() {
        return number >= 11;
    }
}
