package dev.petal.interop;

import dev.petal.api.Provenance;
import dev.petal.io.ModelFormatException;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVR;
import dev.petal.linear.LinearSVRModel;
import dev.petal.modelio.ModelMetadata;
import dev.petal.svm.ClassWeight;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pickled scikit-learn {@code LinearSVC} and {@code LinearSVR} as Petal's liblinear models: {@code coef_} and {@code intercept_} as they are. */
final class LinearImport {
    /** A LinearSVC and the names it carries. */
    record Classifier(LinearSVCModel model, ModelMetadata metadata) {
    }

    private LinearImport() {
    }

    static Classifier svc(SklearnState s, Provenance provenance) throws ModelFormatException {
        SvcImport.Labels labels = SvcImport.labels(s);
        int k = labels.classes().length;
        int rows = k == 2 ? 1 : k;
        int d = s.intIn("n_features_in_", 1, 1 << 24);
        LinearSVC params = new LinearSVC(s.string("penalty"), s.string("loss"), s.bool("dual"), s.number("tol"),
                s.number("C"), s.string("multi_class"), s.bool("fit_intercept"), s.number("intercept_scaling"),
                classWeight(s, labels), randomState(s), s.intIn("max_iter", 0, Integer.MAX_VALUE));
        double[] flat = s.doubles("coef_", rows, d);
        double[][] coef = new double[rows][];
        for (int r = 0; r < rows; r++) {
            coef[r] = java.util.Arrays.copyOfRange(flat, r * d, (r + 1) * d);
        }
        double[] intercept = intercepts(s, rows);
        LinearSVCModel m = LinearSVCModel.of(params, labels.classes(), coef, intercept, nIter(s), provenance);
        return new Classifier(m, new ModelMetadata(SvcImport.featureNames(s, d), labels.names()));
    }

    static LinearSVRModel svr(SklearnState s, Provenance provenance) throws ModelFormatException {
        int d = s.intIn("n_features_in_", 1, 1 << 24);
        LinearSVR params = new LinearSVR(s.number("epsilon"), s.number("tol"), s.number("C"), s.string("loss"),
                s.bool("fit_intercept"), s.number("intercept_scaling"), s.bool("dual"), randomState(s),
                s.intIn("max_iter", 0, Integer.MAX_VALUE));
        return LinearSVRModel.of(params, s.doubles("coef_", d), intercepts(s, 1)[0], nIter(s), provenance);
    }

    /** {@code intercept_}: an array, or the float 0.0 scikit-learn stores when fit_intercept=False. */
    private static double[] intercepts(SklearnState s, int rows) throws ModelFormatException {
        if (s.raw("intercept_") instanceof NdArray) {
            return s.doubles("intercept_", rows);
        }
        double v = s.number("intercept_");
        double[] out = new double[rows];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static int nIter(SklearnState s) throws ModelFormatException {
        if (s.raw("n_iter_") instanceof NdArray) {
            int[] v = s.ints("n_iter_");
            return v.length == 0 ? 0 : v[0];
        }
        return s.intIn("n_iter_", 0, Integer.MAX_VALUE);
    }

    private static Long randomState(SklearnState s) throws ModelFormatException {
        return s.raw("random_state") == PyValues.NONE ? null : s.integer("random_state");
    }

    private static ClassWeight classWeight(SklearnState s, SvcImport.Labels labels) throws ModelFormatException {
        Object cw = s.raw("class_weight");
        if (cw == PyValues.NONE) {
            return ClassWeight.none();
        }
        if ("balanced".equals(cw)) {
            return ClassWeight.balanced();
        }
        if (!(cw instanceof Map<?, ?> m)) {
            throw s.fail("class_weight", "must be None, 'balanced' or a dict, got a " + PyValues.typeName(cw));
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof Number n)) {
                throw s.fail("class_weight", "maps a class to a " + PyValues.typeName(e.getValue()));
            }
            out.put(labels.indexOrLabel(e.getKey()), n.doubleValue());
        }
        return ClassWeight.of(out);
    }

}
