package dev.petal.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.util.Arrays;

/**
 * One method's answer for one batch: labels for {@code predict}, a matrix for the others. Written
 * in scikit-learn's shapes: labels and two-class decision values as a flat list, the rest as rows.
 */
final class Scores {
    private final ServedModel model;
    private final Method method;
    private final int[] labels;
    private final Matrix values;

    private Scores(ServedModel model, Method method, int[] labels, Matrix values) {
        this.model = model;
        this.method = method;
        this.labels = labels;
        this.values = values;
    }

    /** Validates {@code x} (samples, feature count, finite values) and runs {@code method} on the whole batch at once. */
    static Scores compute(ServedModel model, Matrix x, Method method) {
        Check.nFeatures(model.estimator(), model.classifier().nFeatures(), x.cols());
        Check.allFinite("X", x);
        if (model.classifier() instanceof NumericModels.RegressorView r) {
            if (method != Method.PREDICT) {
                throw RequestException.badRequest(model.estimator() + " is a regressor: it answers 'predict' with numbers; "
                        + "it has no " + method.wireName() + ".");
            }
            return new Scores(model, method, null, r.values(x));
        }
        return switch (method) {
            case PREDICT -> new Scores(model, method, model.classifier().predict(x), null);
            case DECISION_FUNCTION -> new Scores(model, method, null, model.classifier().decisionFunction(x));
            case PREDICT_PROBA -> {
                if (!model.classifier().supportsProba()) {
                    throw RequestException.badRequest("predict_proba is not available: the model was fitted with probability=False;"
                            + " use 'predict' or 'decision_function', or refit with probability=True.");
                }
                yield new Scores(model, method, null, model.classifier().predictProba(x));
            }
        };
    }

    /** The method that produced these scores. */
    Method method() {
        return method;
    }

    /** The number of answered rows. */
    int rows() {
        return labels != null ? labels.length : values.rows();
    }

    /** Whether labels are written as class names (strings) rather than integers. */
    boolean namedLabels() {
        return labels != null && !model.classNames().isEmpty();
    }

    /** The answer's shape: [n] for labels and one-column decision values, else [n, k]. */
    int[] shape() {
        return flat() ? new int[] {rows()} : new int[] {values.rows(), values.cols()};
    }

    /** Writes the answer as nested JSON lists in scikit-learn's shape. */
    void write(JsonGenerator g) throws IOException {
        if (flat()) {
            writeFlat(g);
            return;
        }
        g.writeStartArray();
        for (int i = 0; i < values.rows(); i++) {
            g.writeStartArray();
            for (int j = 0; j < values.cols(); j++) {
                Json.number(g, values.get(i, j));
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** Writes every value as one flat row-major list (the Open Inference Protocol's tensor data). */
    void writeFlat(JsonGenerator g) throws IOException {
        g.writeStartArray();
        if (labels != null) {
            int[] classes = model.classifier().classes();
            for (int label : labels) {
                writeLabel(g, label, classes);
            }
        } else {
            for (double v : values.toFlatArray()) {
                Json.number(g, v);
            }
        }
        g.writeEndArray();
    }

    private boolean flat() {
        return labels != null || values.cols() == 1;
    }

    private void writeLabel(JsonGenerator g, int label, int[] classes) throws IOException {
        if (model.classNames().isEmpty()) {
            g.writeNumber(label);
            return;
        }
        int k = Arrays.binarySearch(classes, label);
        if (k < 0) {
            throw new IllegalStateException("The model predicted " + label + ", which is not among its classes "
                    + Arrays.toString(classes) + ".");
        }
        g.writeString(model.classNames().get(k));
    }
}
