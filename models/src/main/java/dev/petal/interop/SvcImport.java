package dev.petal.interop;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Provenance;
import dev.petal.io.ModelFormatException;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.ModelMetadata;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.DecisionShape;
import dev.petal.svm.Gamma;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVCState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickled scikit-learn {@code SVC} as an {@link SVCModel}. scikit-learn keeps libsvm's own arrays
 * in {@code _dual_coef_} and {@code _intercept_} and, for two classes, exposes them sign-flipped as
 * {@code dual_coef_} and {@code intercept_}; the state is built from libsvm's arrays (Petal's state
 * holds the public signs, an exact negation) and the public ones are checked against them.
 */
final class SvcImport {
    private static final int MAX_CLASSES = 1 << 16;

    /** The model and the names it carries. */
    record Result(DecisionClassifier model, ModelMetadata metadata) {
    }

    private SvcImport() {
    }

    static Result read(SklearnState s, Provenance provenance) throws ModelFormatException {
        Labels labels = labels(s);
        SVCState state = state(s, params(s, labels), labels, provenance);
        return new Result(SVCModel.fromState(state), new ModelMetadata(featureNames(s, state.nFeatures()), labels.names));
    }

    /** The libsvm state of a pickled SVC or NuSVC, whose settings are {@code params} (a NuSVC's SVC equivalent). */
    static SVCState state(SklearnState s, SVC params, Labels labels, Provenance provenance) throws ModelFormatException {
        if (s.bool("_sparse")) {
            throw s.fail("_sparse", "is True: the model was fitted on a sparse matrix, which Petal's import does not read");
        }
        int k = labels.classes.length;
        int d = s.intIn("n_features_in_", 1, 1 << 24);
        int[] support = s.ints("support_", -1);
        int l = support.length;
        boolean precomputed = params.kernel().equals(Kernel.PRECOMPUTED);
        Matrix sv;
        if (precomputed) {
            s.checkShape("support_vectors_", s.array("support_vectors_"), 0, -1);
            sv = Matrix.zeros(0, 0);
        } else {
            sv = Matrix.of(l, d, s.doubles("support_vectors_", l, d));
        }
        int[] nSupport = s.ints("_n_support", k);
        int pairs = k * (k - 1) / 2;
        double[] libDual = s.doubles("_dual_coef_", k - 1, l);
        double[] libIntercept = s.doubles("_intercept_", pairs);
        boolean binary = k == 2;
        double[][] dual = new double[k - 1][l];
        for (int r = 0; r < k - 1; r++) {
            for (int i = 0; i < l; i++) {
                dual[r][i] = binary ? -libDual[r * l + i] : libDual[r * l + i];
            }
        }
        double[] intercept = libIntercept.clone();
        if (binary) {
            for (int q = 0; q < pairs; q++) {
                intercept[q] = -intercept[q];
            }
        }
        requireSame(s, "dual_coef_", s.doubles("dual_coef_", k - 1, l), flat(dual));
        requireSame(s, "intercept_", s.doubles("intercept_", pairs), intercept);
        double[] probA = s.doubles("_probA", -1);
        double[] probB = s.doubles("_probB", -1);
        int[] nIter = s.has("_num_iter") ? s.ints("_num_iter", -1) : s.ints("n_iter_", -1);
        int fitStatus = s.intIn("fit_status_", 0, 1);
        double gamma = s.number("_gamma");
        return new SVCState(params, gamma, labels.classes, d, support, sv, nSupport, dual, intercept, probA, probB,
                nIter, fitStatus, provenance);
    }

    private static SVC params(SklearnState s, Labels labels) throws ModelFormatException {
        return new SVC(s.number("C"), kernel(s), s.intIn("degree", 0, Integer.MAX_VALUE), gamma(s), s.number("coef0"),
                s.bool("shrinking"), s.bool("probability"), s.number("tol"), s.number("cache_size"),
                classWeight(s, labels), s.intIn("max_iter", -1, Integer.MAX_VALUE),
                DecisionShape.parse(s.string("decision_function_shape")), s.bool("break_ties"), randomState(s));
    }

    static Kernel kernel(SklearnState s) throws ModelFormatException {
        return Kernel.parse(s.string("kernel"));
    }

    static Gamma gamma(SklearnState s) throws ModelFormatException {
        Object g = s.raw("gamma");
        return g instanceof String name ? switch (name) {
            case "scale" -> Gamma.scale();
            case "auto" -> Gamma.auto();
            default -> throw s.fail("gamma", "is '" + name + "'; it must be 'scale', 'auto' or a number");
        } : Gamma.of(s.number("gamma"));
    }

    static Long randomState(SklearnState s) throws ModelFormatException {
        return s.raw("random_state") == PyValues.NONE ? null : s.integer("random_state");
    }

    static ClassWeight classWeight(SklearnState s, Labels labels) throws ModelFormatException {
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
            int label = labels.indexOrLabel(e.getKey());
            if (!(e.getValue() instanceof Double || e.getValue() instanceof Long)) {
                throw s.fail("class_weight", "maps a class to a " + PyValues.typeName(e.getValue()));
            }
            out.put(label, ((Number) e.getValue()).doubleValue());
        }
        return ClassWeight.of(out);
    }

    /** The class labels: ints as they are, strings as 0..k-1 with their names. */
    record Labels(int[] classes, List<String> names) {
        int indexOrLabel(Object key) {
            if (names.isEmpty() && key instanceof Long l) {
                return Math.toIntExact(l);
            }
            int i = names.indexOf(key);
            if (i < 0) {
                throw new IllegalArgumentException("class_weight names the class " + key + ", which is not in classes_");
            }
            return i;
        }
    }

    static Labels labels(SklearnState s) throws ModelFormatException {
        NdArray a = s.array("classes_");
        s.checkShape("classes_", a, -1);
        int k = a.size();
        if (k < 2 || k > MAX_CLASSES) {
            throw s.fail("classes_", "has " + k + " classes; Petal imports 2 to " + MAX_CLASSES);
        }
        if (a.kind() == 'i' || a.kind() == 'f') {
            return new Labels(s.ints("classes_", k), List.of());
        }
        int[] idx = new int[k];
        List<String> names = new ArrayList<>();
        Object[] v = a.kind() == 'b' ? new Object[] {"False", "True"} : a.objects();
        for (int i = 0; i < k; i++) {
            if (!(v[i] instanceof String str)) {
                throw s.fail("classes_", "holds a " + PyValues.typeName(v[i]) + " label; Petal imports int or str labels");
            }
            idx[i] = i;
            names.add(str);
        }
        return new Labels(idx, names);
    }

    /** {@code feature_names_in_} when the estimator was fitted on named columns, else empty. */
    static List<String> featureNames(SklearnState s, int d) throws ModelFormatException {
        if (!s.has("feature_names_in_")) {
            return List.of();
        }
        NdArray a = s.array("feature_names_in_");
        s.checkShape("feature_names_in_", a, d);
        List<String> out = new ArrayList<>();
        for (Object o : a.objects()) {
            if (!(o instanceof String str)) {
                throw s.fail("feature_names_in_", "holds a " + PyValues.typeName(o));
            }
            out.add(str);
        }
        return out;
    }

    private static void requireSame(SklearnState s, String key, double[] got, double[] expected) throws ModelFormatException {
        for (int i = 0; i < got.length; i++) {
            if (Double.doubleToLongBits(got[i]) != Double.doubleToLongBits(expected[i])) {
                throw s.fail(key, "disagrees with libsvm's arrays (_dual_coef_, _intercept_) at index " + i
                        + "; the file was altered");
            }
        }
    }

    private static double[] flat(double[][] m) {
        int c = m.length == 0 ? 0 : m[0].length;
        double[] out = new double[m.length * c];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * c, c);
        }
        return out;
    }
}
