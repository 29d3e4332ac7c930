package dev.petal.metrics;

import dev.petal.api.Classifier;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Regressor;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * scikit-learn's scorers by name ({@code get_scorer}): the ones Petal's estimators can be scored with.
 * Classification scorers call {@code predict}; {@code roc_auc} uses {@code decision_function} (binary
 * only, as scikit-learn's threshold scorer does). Regression scorers ({@code r2},
 * {@code neg_mean_squared_error}, {@code neg_mean_absolute_error}) score a {@link Regressor}'s predictions,
 * losses negated so that greater is better.
 */
public final class Scorers {
    private static final Map<String, Scorer> BY_NAME = new LinkedHashMap<>();

    static {
        predict("accuracy", Metrics::accuracy);
        predict("balanced_accuracy", Metrics::balancedAccuracy);
        predict("f1_macro", (t, p) -> Metrics.f1(t, p, Average.MACRO));
        predict("f1_micro", (t, p) -> Metrics.f1(t, p, Average.MICRO));
        predict("f1_weighted", (t, p) -> Metrics.f1(t, p, Average.WEIGHTED));
        predict("precision_macro", (t, p) -> Metrics.precision(t, p, Average.MACRO));
        predict("precision_micro", (t, p) -> Metrics.precision(t, p, Average.MICRO));
        predict("precision_weighted", (t, p) -> Metrics.precision(t, p, Average.WEIGHTED));
        predict("recall_macro", (t, p) -> Metrics.recall(t, p, Average.MACRO));
        predict("recall_micro", (t, p) -> Metrics.recall(t, p, Average.MICRO));
        predict("recall_weighted", (t, p) -> Metrics.recall(t, p, Average.WEIGHTED));
        BY_NAME.put("roc_auc", new RocAucScorer());
        regression("r2", 1.0, RegressionMetrics::r2Score);
        regression("neg_mean_squared_error", -1.0, RegressionMetrics::meanSquaredError);
        regression("neg_mean_absolute_error", -1.0, RegressionMetrics::meanAbsoluteError);
    }

    private Scorers() {
    }

    /** The names accepted by {@link #get}, sorted. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }

    /**
     * The scorer scikit-learn calls {@code name}.
     *
     * @throws IllegalArgumentException naming the value and listing the valid ones
     */
    public static Scorer get(String name) {
        Scorer s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("'" + name + "' is not a valid scoring value. Valid options are "
                    + String.join(", ", names()) + ".");
        }
        return s;
    }

    /** Adds a scorer that compares {@code predict}'s labels with the truth. */
    private static void predict(String name, BiFunction<int[], int[], Double> metric) {
        BY_NAME.put(name, new PredictScorer(name, metric));
    }

    /** Adds a scorer of a regressor's {@code predict}: {@code sign * metric(y_true, y_pred)}, as scikit-learn's {@code make_scorer}. */
    private static void regression(String name, double sign, BiFunction<double[], double[], Double> metric) {
        BY_NAME.put(name, new RegressionScorer(name, sign, metric));
    }

    static Classifier classifier(String scorer, Object model) {
        if (model instanceof Classifier c) {
            return c;
        }
        throw new IllegalArgumentException("The scorer '" + scorer + "' needs a classifier; got "
                + model.getClass().getSimpleName() + ".");
    }

    private record PredictScorer(String name, BiFunction<int[], int[], Double> metric) implements Scorer {
        @Override
        public double score(Object model, RowSource x, int[] y) {
            Classifier c = classifier(name, model);
            return metric.apply(y, x instanceof Matrix m ? c.predict(m) : c.predict(x));
        }

        @Override
        public String toString() {
            return "make_scorer(" + name + ")";
        }
    }

    private record RegressionScorer(String name, double sign, BiFunction<double[], double[], Double> metric) implements Scorer {
        @Override
        public double score(Object model, RowSource x, int[] y) {
            throw new IllegalArgumentException("The scorer '" + name + "' scores regressors; choose a classification scorer "
                    + "(accuracy, f1_macro, roc_auc, ...) for class labels.");
        }

        @Override
        public double score(Object model, RowSource x, double[] y) {
            if (!(model instanceof Regressor r)) {
                throw new IllegalArgumentException("The scorer '" + name + "' needs a regressor; got "
                        + model.getClass().getSimpleName() + ".");
            }
            return sign * metric.apply(y, x instanceof Matrix m ? r.predict(m) : r.predict(x));
        }
    }

    private record RocAucScorer() implements Scorer {
        @Override
        public String name() {
            return "roc_auc";
        }

        @Override
        public double score(Object model, RowSource x, int[] y) {
            Classifier c = classifier("roc_auc", model);
            if (java.util.Arrays.stream(y).distinct().count() > 2) {
                throw new IllegalArgumentException("multiclass format is not supported");
            }
            double[] s;
            if (c instanceof DecisionClassifier d) {
                Matrix f = x instanceof Matrix m ? d.decisionFunction(m) : d.decisionFunction(x);
                if (f.cols() != 1) {
                    throw new IllegalArgumentException("roc_auc needs a binary classifier; this one has "
                            + c.classes().length + " classes.");
                }
                s = f.column(0);
            } else {
                throw new IllegalArgumentException("roc_auc needs decision_function or predict_proba; "
                        + model.getClass().getSimpleName() + " has neither.");
            }
            return Metrics.rocAuc(y, s);
        }
    }
}
