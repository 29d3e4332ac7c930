package dev.petal.modelio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Provenance;
import dev.petal.io.JsonSection;
import dev.petal.io.ModelArchive;
import dev.petal.io.ModelFormatException;
import dev.petal.io.NpyArray;
import dev.petal.linalg.RowSource;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.DecisionShape;
import dev.petal.svm.Gamma;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVCState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code svc}: {@code model} holds {@code params} (every SVC hyperparameter under scikit-learn's
 * name), the resolved {@code gamma} and {@code fit_status}; the arrays are scikit-learn's fitted
 * attributes: {@code support} (&lt;i4, n_SV), {@code support_vectors} (&lt;f8, n_SV x n_features;
 * 0 x 0 for a precomputed kernel), {@code n_support} (&lt;i4, n_classes), {@code dual_coef} (&lt;f8,
 * n_classes-1 x n_SV), {@code intercept}, {@code prob_a}, {@code prob_b} (&lt;f8, one per pair of
 * classes; empty without probability) and {@code n_iter} (&lt;i4). {@code model.sparse} is {@code true} for a
 * model fitted on sparse input (scikit-learn's {@code _sparse}; it predicts through libsvm's sparse path), absent
 * otherwise; its support vectors are then CSR arrays ({@link SupportVectors}).
 */
final class SvcCodec {
    private static final int MAX_CLASS_WEIGHTS = Codecs.MAX_CLASSES;
    /** Bounds the one-vs-one pairs, k (k - 1) / 2, well inside an int. */
    private static final int MAX_SVC_CLASSES = 16384;

    private SvcCodec() {
    }

    static void write(SVCModel m, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        SVCState s = m.state();
        writeParams(model.putObject("params"), s.params());
        writeFitted(s, model, arrays, prefix);
    }

    /** The fitted part of a libsvm classifier (SVC or NuSVC): gamma, fit status and the arrays. */
    static void writeFitted(SVCState s, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        model.put("gamma", s.gamma());
        model.put("fit_status", s.fitStatus());
        if (s.sparse()) {
            model.put("sparse", true);
        }
        arrays.put(prefix + "support", NpyArray.ofInts(s.support()));
        SupportVectors.write(s.supportVectorRows(), arrays, prefix);
        arrays.put(prefix + "n_support", NpyArray.ofInts(s.nSupport()));
        double[][] dual = s.dualCoef();
        int l = s.support().length;
        double[] flat = new double[dual.length * l];
        for (int r = 0; r < dual.length; r++) {
            System.arraycopy(dual[r], 0, flat, r * l, l);
        }
        arrays.put(prefix + "dual_coef", NpyArray.ofDoubles(new int[] {dual.length, l}, flat));
        arrays.put(prefix + "intercept", NpyArray.ofDoubles(s.intercept()));
        arrays.put(prefix + "prob_a", NpyArray.ofDoubles(s.probA()));
        arrays.put(prefix + "prob_b", NpyArray.ofDoubles(s.probB()));
        arrays.put(prefix + "n_iter", NpyArray.ofInts(s.nIter()));
    }

    static void writeParams(ObjectNode p, SVC c) {
        p.put("C", c.C());
        p.put("kernel", c.kernel().pyName());
        p.put("degree", c.degree());
        if (c.gamma() instanceof Gamma.Value v) {
            p.put("gamma", v.value());
        } else {
            p.put("gamma", c.gamma().toString());
        }
        p.put("coef0", c.coef0());
        p.put("shrinking", c.shrinking());
        p.put("probability", c.probability());
        p.put("tol", c.tol());
        p.put("cache_size", c.cacheSize());
        if (c.classWeight() instanceof ClassWeight.PerClass w) {
            ObjectNode o = p.putObject("class_weight");
            w.weights().forEach((k, v) -> o.put(Integer.toString(k), v));
        } else if (c.classWeight() instanceof ClassWeight.Balanced) {
            p.put("class_weight", "balanced");
        } else {
            p.putNull("class_weight");
        }
        p.put("max_iter", c.maxIter());
        p.put("decision_function_shape", c.decisionFunctionShape().pyName());
        p.put("break_ties", c.breakTies());
        if (c.randomState() == null) {
            p.putNull("random_state");
        } else {
            p.put("random_state", c.randomState());
        }
    }

    static SVCModel read(JsonSection model, ModelArchive a, String prefix, int nFeatures, int[] classes, Provenance p)
            throws ModelFormatException {
        JsonSection ps = model.section("params");
        SVC params = readParams(ps, true);
        ps.finish();
        return readFitted(params, model, a, prefix, nFeatures, classes, p);
    }

    /** Reads what {@link #writeFitted} wrote, for a classifier fitted with {@code params}. */
    static SVCModel readFitted(SVC params, JsonSection model, ModelArchive a, String prefix, int nFeatures, int[] classes,
                               Provenance p) throws ModelFormatException {
        SVCState state = readState(params, model, a, prefix, nFeatures, classes, p);
        SVCModel fitted = SVCModel.fromState(state);
        requireFiniteDecisions(fitted, state, a);
        return fitted;
    }

    /**
     * scikit-learn's fit refuses a model whose coefficients are not finite, and the loader checks every array; a file
     * can still pair finite arrays with a kernel that overflows (a poly kernel of degree 2147483647 predicted NaN
     * for every row). The decision values on the model's own first support vector must be finite, as they are for
     * every model a fit returns; one row costs one pass over the support vectors.
     */
    private static void requireFiniteDecisions(SVCModel fitted, SVCState state, ModelArchive a)
            throws ModelFormatException {
        RowSource sv = state.supportVectorRows();
        if (sv.rows() == 0) {
            return;
        }
        for (double v : fitted.decisionFunction(sv.selectRows(new int[] {0})).toFlatArray()) {
            if (!Double.isFinite(v)) {
                SVC params = state.params();
                throw a.fail("its svc's decision values are not finite even on its own support vectors (kernel "
                        + params.kernel().pyName() + (params.kernel() instanceof Kernel.Poly ? ", degree "
                        + params.degree() : "") + "); scikit-learn's fit refuses such a model.");
            }
        }
    }

    /** The state {@link #writeFitted} wrote. */
    static SVCState readState(SVC params, JsonSection model, ModelArchive a, String prefix, int nFeatures, int[] classes,
                              Provenance p) throws ModelFormatException {
        double gamma = model.real("gamma");
        int fitStatus = model.integer("fit_status", 0, 1);
        boolean sparse = model.has("sparse") && model.bool("sparse");
        int k = classes.length;
        if (k < 2 || k > MAX_SVC_CLASSES) {
            throw a.fail("an svc needs between 2 and " + MAX_SVC_CLASSES + " classes, but classes holds " + k + ".");
        }
        int pairs = k * (k - 1) / 2;
        NpyArray sup = a.array(prefix + "support");
        if (sup.shape().length != 1) {
            throw a.fail("array " + prefix + "support must be 1-D, got shape " + sup.shapeString() + ".");
        }
        int l = sup.shape()[0];
        if (sparse && params.kernel() instanceof Kernel.Precomputed) {
            throw a.fail("an svc fitted on sparse input cannot have a precomputed kernel (scikit-learn refuses sparse "
                    + "precomputed kernels).");
        }
        // what SVCModel will hold: the support vectors twice (rows and transposed; once as CSR for a sparse fit), the
        // coefficients twice, and for a linear kernel w and its error bound per pair and feature; bounded before any
        // of it is built
        double linear = params.kernel() instanceof Kernel.Linear ? 2.0 * pairs * nFeatures : 0.0;
        a.reserve("an svc with " + k + " classes, " + nFeatures + " features and " + l + " support vectors",
                SupportVectors.doubles(a, prefix, sparse, l, nFeatures) + 2.0 * (k - 1) * l + linear);
        int[] support = a.ints(prefix + "support", l);
        boolean precomputed = params.kernel() instanceof Kernel.Precomputed;
        RowSource sv = SupportVectors.read(a, prefix, sparse, precomputed ? 0 : l, precomputed ? 0 : nFeatures);
        int[] nSupport = a.ints(prefix + "n_support", k);
        double[][] dual = a.matrix(prefix + "dual_coef", k - 1, l).toArray();
        double[] intercept = a.doubles(prefix + "intercept", pairs);
        int nProba = params.probability() ? pairs : 0;
        double[] probA = a.doubles(prefix + "prob_a", nProba);
        double[] probB = a.doubles(prefix + "prob_b", nProba);
        int[] nIter = a.ints(prefix + "n_iter", Math.max(1, pairs));
        return new SVCState(params, gamma, classes, nFeatures, support, sv, nSupport, dual, intercept, probA, probB, nIter,
                fitStatus, p, sparse);
    }

    /** An SVC's parameters; without {@code withC} (a NuSVC's) C is absent and 1. */
    static SVC readParams(JsonSection p, boolean withC) throws ModelFormatException {
        double c = withC ? p.real("C") : 1.0;
        Kernel kernel = Kernel.parse(p.choice("kernel", Kernel.names()));
        int degree = p.integer("degree", 0, Integer.MAX_VALUE);
        Gamma gamma = p.isText("gamma") ? ("scale".equals(p.choice("gamma", List.of("scale", "auto")))
                ? Gamma.scale() : Gamma.auto()) : Gamma.of(p.real("gamma"));
        double coef0 = p.real("coef0");
        boolean shrinking = p.bool("shrinking");
        boolean probability = p.bool("probability");
        double tol = p.real("tol");
        double cacheSize = p.real("cache_size");
        ClassWeight weight;
        if (!p.has("class_weight")) {
            weight = ClassWeight.none();
        } else if (p.isObject("class_weight")) {
            JsonSection w = p.section("class_weight");
            List<String> keys = w.keys();
            if (keys.size() > MAX_CLASS_WEIGHTS) {
                throw p.fail("class_weight", "has more than " + MAX_CLASS_WEIGHTS + " entries");
            }
            Map<Integer, Double> weights = new TreeMap<>();
            for (String key : keys) {
                if (!key.matches("-?[0-9]{1,10}")) {
                    throw w.fail(key, "is not an integer class label");
                }
                weights.put(Integer.parseInt(key), w.real(key));
            }
            weight = ClassWeight.of(weights);
        } else {
            p.choice("class_weight", List.of("balanced"));
            weight = ClassWeight.balanced();
        }
        int maxIter = p.integer("max_iter", -1, Integer.MAX_VALUE);
        DecisionShape shape = DecisionShape.parse(p.choice("decision_function_shape", List.of("ovr", "ovo")));
        boolean breakTies = p.bool("break_ties");
        Long randomState = p.has("random_state") ? p.longInteger("random_state", 0, 0xFFFFFFFFL) : null;
        return new SVC(c, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, weight, maxIter, shape,
                breakTies, randomState);
    }
}
