package dev.petal.svm;

/** The shape of {@code decisionFunction} for more than two classes, scikit-learn's {@code decision_function_shape}. */
public enum DecisionShape {
    /** One column per class: votes plus a confidence in (-1/3, 1/3), scikit-learn's default. */
    OVR("ovr"),
    /** One column per pair of classes (i, j), i &lt; j, in libsvm's order. */
    OVO("ovo");

    private final String pyName;

    DecisionShape(String pyName) {
        this.pyName = pyName;
    }

    /** The scikit-learn name, {@code "ovr"} or {@code "ovo"}. */
    public String pyName() {
        return pyName;
    }

    /** The shape named {@code name}; refuses other names with scikit-learn's text. */
    public static DecisionShape parse(String name) {
        for (DecisionShape s : values()) {
            if (s.pyName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("The 'decision_function_shape' parameter of SVC must be a str among "
                + "{'ovo', 'ovr'}. Got " + (name == null ? "None" : "'" + name + "'") + " instead.");
    }
}
