package dev.petal.svm;

import java.util.List;

/**
 * The libsvm kernels, named as scikit-learn names them: a closed (sealed) set of values, compared with
 * {@code equals} or {@code instanceof}. The kernel's coefficients (gamma, degree, coef0) are the
 * estimator's parameters, as in scikit-learn.
 */
public sealed interface Kernel permits Kernel.Linear, Kernel.Poly, Kernel.Rbf, Kernel.Sigmoid, Kernel.Precomputed {
    /** {@code <x, x'>}. */
    Kernel LINEAR = new Linear();
    /** {@code (gamma <x, x'> + coef0)^degree}. */
    Kernel POLY = new Poly();
    /** {@code exp(-gamma |x - x'|^2)}, scikit-learn's default. */
    Kernel RBF = new Rbf();
    /** {@code tanh(gamma <x, x'> + coef0)}. */
    Kernel SIGMOID = new Sigmoid();
    /** X is itself the kernel matrix (train: n x n; predict: n_test x n_train). */
    Kernel PRECOMPUTED = new Precomputed();

    /** The scikit-learn name, e.g. {@code "rbf"}. */
    String pyName();

    /** The kernel named {@code name} as scikit-learn spells it; refuses other names with scikit-learn's text. */
    static Kernel parse(String name) {
        for (Kernel k : values()) {
            if (k.pyName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("The 'kernel' parameter of SVC must be a str among "
                + "{'linear', 'poly', 'precomputed', 'rbf', 'sigmoid'} or a callable. Got "
                + (name == null ? "None" : "'" + name + "'") + " instead.");
    }

    /** Every kernel, in the order linear, poly, rbf, sigmoid, precomputed. */
    static List<Kernel> values() {
        return List.of(LINEAR, POLY, RBF, SIGMOID, PRECOMPUTED);
    }

    /** All scikit-learn names, in {@link #values()} order. */
    static List<String> names() {
        return List.of("linear", "poly", "rbf", "sigmoid", "precomputed");
    }

    /** The linear kernel. */
    record Linear() implements Kernel {
        @Override
        public String pyName() {
            return "linear";
        }

        @Override
        public String toString() {
            return pyName();
        }
    }

    /** The polynomial kernel. */
    record Poly() implements Kernel {
        @Override
        public String pyName() {
            return "poly";
        }

        @Override
        public String toString() {
            return pyName();
        }
    }

    /** The radial basis function kernel. */
    record Rbf() implements Kernel {
        @Override
        public String pyName() {
            return "rbf";
        }

        @Override
        public String toString() {
            return pyName();
        }
    }

    /** The sigmoid kernel. */
    record Sigmoid() implements Kernel {
        @Override
        public String pyName() {
            return "sigmoid";
        }

        @Override
        public String toString() {
            return pyName();
        }
    }

    /** A precomputed kernel matrix given as X. */
    record Precomputed() implements Kernel {
        @Override
        public String pyName() {
            return "precomputed";
        }

        @Override
        public String toString() {
            return pyName();
        }
    }
}
