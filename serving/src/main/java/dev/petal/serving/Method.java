package dev.petal.serving;

/** What a scoring request asks of the model, named as scikit-learn's methods are. */
public enum Method {
    /** Class labels ({@code predict}). */
    PREDICT("predict"),
    /** Class probabilities ({@code predict_proba}); needs a model fitted with probability=true. */
    PREDICT_PROBA("predict_proba"),
    /** Decision values ({@code decision_function}). */
    DECISION_FUNCTION("decision_function");

    private final String wireName;

    Method(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire, e.g. {@code predict_proba}. */
    public String wireName() {
        return wireName;
    }

    /** The method named {@code name}, or a 400 naming the accepted names. */
    static Method parse(String name, String where) {
        for (Method m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        throw RequestException.badRequest(where + " '" + Json.shorten(name)
                + "' is not supported; use 'predict', 'predict_proba' or 'decision_function'.");
    }
}
