package dev.petal.svm;

import java.util.List;

/** The SVC kernels, named as scikit-learn names them. */
public enum Kernel {
    /** {@code <x, x'>}. */
    LINEAR("linear"),
    /** {@code (gamma <x, x'> + coef0)^degree}. */
    POLY("poly"),
    /** {@code exp(-gamma |x - x'|^2)}, scikit-learn's default. */
    RBF("rbf"),
    /** {@code tanh(gamma <x, x'> + coef0)}. */
    SIGMOID("sigmoid"),
    /** X is itself the kernel matrix (train: n x n; predict: n_test x n_train). */
    PRECOMPUTED("precomputed");

    private final String pyName;

    Kernel(String pyName) {
        this.pyName = pyName;
    }

    /** The scikit-learn name, e.g. {@code "rbf"}. */
    public String pyName() {
        return pyName;
    }

    /** The kernel named {@code name} as scikit-learn spells it; refuses other names with scikit-learn's text. */
    public static Kernel parse(String name) {
        for (Kernel k : values()) {
            if (k.pyName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("The 'kernel' parameter of SVC must be a str among "
                + "{'linear', 'poly', 'precomputed', 'rbf', 'sigmoid'} or a callable. Got "
                + (name == null ? "None" : "'" + name + "'") + " instead.");
    }

    /** All scikit-learn names, in declaration order. */
    public static List<String> names() {
        return List.of("linear", "poly", "rbf", "sigmoid", "precomputed");
    }
}
