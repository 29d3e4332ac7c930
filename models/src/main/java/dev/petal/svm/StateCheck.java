package dev.petal.svm;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.numeric.SharedRows;

/** The consistency checks {@link SVCModel#fromState} runs: every shape, count and value of an {@link SVCState}. */
final class StateCheck {
    private StateCheck() {
    }

    private static IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("Invalid SVC state: " + what + ".");
    }

    static void validate(SVCState s) {
        int[] classes = s.classes();
        int k = classes.length;
        if (k < 2) {
            throw bad("classes has " + k + " labels, at least 2 are needed");
        }
        for (int i = 1; i < k; i++) {
            if (classes[i] <= classes[i - 1]) {
                throw bad("classes must be strictly increasing, but classes[" + i + "] = " + classes[i]
                        + " follows " + classes[i - 1]);
            }
        }
        int d = s.nFeatures();
        if (d < 1) {
            throw bad("nFeatures is " + d + ", it must be at least 1");
        }
        if (!Double.isFinite(s.gamma()) || s.gamma() < 0) {
            throw bad("gamma is " + s.gamma() + ", it must be finite and at least 0");
        }
        int[] nSupport = s.nSupport();
        if (nSupport.length != k) {
            throw bad("nSupport has " + nSupport.length + " entries for " + k + " classes");
        }
        long total = 0;
        for (int c = 0; c < k; c++) {
            if (nSupport[c] < 0) {
                throw bad("nSupport[" + c + "] is negative (" + nSupport[c] + ")");
            }
            total += nSupport[c];
        }
        int[] support = s.support();
        int l = support.length;
        if (total != l) {
            throw bad("support has " + l + " indices but nSupport sums to " + total);
        }
        boolean precomputed = s.params().kernel() instanceof Kernel.Precomputed;
        for (int i = 0; i < l; i++) {
            if (support[i] < 0 || (precomputed && support[i] >= d)) {
                throw bad("support[" + i + "] = " + support[i] + " is outside "
                        + (precomputed ? "[0, " + d + ")" : "[0, inf)"));
            }
        }
        RowSource sv = s.supportVectorRows();
        int svRows = sv.rows();
        int svCols = sv.cols();
        if (precomputed) {
            if (svRows != 0 || svCols != 0) {
                throw bad("supportVectors is " + svRows + "x" + svCols + ", but a precomputed kernel keeps none (0x0)");
            }
        } else {
            if (svRows != l || svCols != d) {
                throw bad("supportVectors is " + svRows + "x" + svCols + ", expected " + l + "x" + d);
            }
            for (double v : sv instanceof Matrix m ? SharedRows.of(m) : SharedRows.of((CsrMatrix) sv).data()) {
                if (!Double.isFinite(v)) {
                    throw bad("supportVectors contains a non-finite value");
                }
            }
        }
        double[][] dual = s.dualCoef();
        if (dual.length != k - 1) {
            throw bad("dualCoef has " + dual.length + " rows, expected " + (k - 1));
        }
        for (int r = 0; r < dual.length; r++) {
            if (dual[r].length != l) {
                throw bad("dualCoef row " + r + " has " + dual[r].length + " values, expected " + l);
            }
            for (double v : dual[r]) {
                if (!Double.isFinite(v)) {
                    throw bad("dualCoef contains a non-finite value");
                }
            }
        }
        int pairs = k * (k - 1) / 2;
        finiteOfLength("intercept", s.intercept(), pairs);
        boolean proba = s.params().probability();
        finiteOfLength("probA", s.probA(), proba ? pairs : 0);
        finiteOfLength("probB", s.probB(), proba ? pairs : 0);
        int[] nIter = s.nIter();
        if (nIter.length != Math.max(1, pairs)) {
            throw bad("nIter has " + nIter.length + " entries, expected " + Math.max(1, pairs));
        }
        for (int v : nIter) {
            if (v < 0) {
                throw bad("nIter contains a negative count");
            }
        }
        if (s.fitStatus() != 0 && s.fitStatus() != 1) {
            throw bad("fitStatus is " + s.fitStatus() + ", it must be 0 or 1");
        }
    }

    private static void finiteOfLength(String name, double[] v, int expected) {
        if (v.length != expected) {
            throw bad(name + " has " + v.length + " values, expected " + expected);
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw bad(name + " contains a non-finite value");
            }
        }
    }
}
