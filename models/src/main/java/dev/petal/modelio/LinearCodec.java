package dev.petal.modelio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Provenance;
import dev.petal.io.JsonSection;
import dev.petal.io.ModelArchive;
import dev.petal.io.ModelFormatException;
import dev.petal.io.NpyArray;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVR;
import dev.petal.linear.LinearSVRModel;
import dev.petal.svm.ClassWeight;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code linear_svc} and {@code linear_svr}: {@code model} holds {@code params} (every hyperparameter
 * under scikit-learn's name); the arrays are scikit-learn's fitted attributes: {@code coef} (&lt;f8,
 * n_rows x n_features for LinearSVC, where n_rows is 1 for two classes else n_classes; n_features for
 * LinearSVR), {@code intercept} (&lt;f8, n_rows; 1 for LinearSVR) and {@code n_iter} (&lt;i4, 1).
 */
final class LinearCodec {
    private LinearCodec() {
    }

    static void writeSvc(LinearSVCModel m, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        LinearSVC c = m.params();
        ObjectNode p = model.putObject("params");
        p.put("penalty", c.penalty());
        p.put("loss", c.loss());
        p.put("dual", c.dual());
        p.put("tol", c.tol());
        p.put("C", c.C());
        p.put("multi_class", c.multiClass());
        p.put("fit_intercept", c.fitIntercept());
        p.put("intercept_scaling", c.interceptScaling());
        if (c.classWeight() instanceof ClassWeight.PerClass w) {
            ObjectNode o = p.putObject("class_weight");
            w.weights().forEach((k, v) -> o.put(Integer.toString(k), v));
        } else if (c.classWeight() instanceof ClassWeight.Balanced) {
            p.put("class_weight", "balanced");
        } else {
            p.putNull("class_weight");
        }
        putSeed(p, c.randomState());
        p.put("max_iter", c.maxIter());
        double[][] coef = m.coef();
        int d = m.nFeatures();
        double[] flat = new double[coef.length * d];
        for (int r = 0; r < coef.length; r++) {
            System.arraycopy(coef[r], 0, flat, r * d, d);
        }
        arrays.put(prefix + "coef", NpyArray.ofDoubles(new int[] {coef.length, d}, flat));
        arrays.put(prefix + "intercept", NpyArray.ofDoubles(m.intercept()));
        arrays.put(prefix + "n_iter", NpyArray.ofInts(new int[] {m.nIter()}));
    }

    static void writeSvr(LinearSVRModel m, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        LinearSVR c = m.params();
        ObjectNode p = model.putObject("params");
        p.put("epsilon", c.epsilon());
        p.put("tol", c.tol());
        p.put("C", c.C());
        p.put("loss", c.loss());
        p.put("fit_intercept", c.fitIntercept());
        p.put("intercept_scaling", c.interceptScaling());
        p.put("dual", c.dual());
        putSeed(p, c.randomState());
        p.put("max_iter", c.maxIter());
        arrays.put(prefix + "coef", NpyArray.ofDoubles(m.coef()));
        arrays.put(prefix + "intercept", NpyArray.ofDoubles(new double[] {m.intercept()}));
        arrays.put(prefix + "n_iter", NpyArray.ofInts(new int[] {m.nIter()}));
    }

    private static void putSeed(ObjectNode p, Long seed) {
        if (seed == null) {
            p.putNull("random_state");
        } else {
            p.put("random_state", seed);
        }
    }

    static LinearSVCModel readSvc(JsonSection model, ModelArchive a, String prefix, int nFeatures, int[] classes,
                                  Provenance provenance) throws ModelFormatException {
        JsonSection p = model.section("params");
        LinearSVC params = new LinearSVC(p.choice("penalty", List.of("l1", "l2")),
                p.choice("loss", List.of("hinge", "squared_hinge")), p.bool("dual"), p.real("tol"), p.real("C"),
                p.choice("multi_class", List.of("crammer_singer", "ovr")), p.bool("fit_intercept"),
                p.real("intercept_scaling"), classWeight(p), seed(p), p.integer("max_iter", 0, Integer.MAX_VALUE));
        p.finish();
        int k = classes.length;
        if (k < 2) {
            throw a.fail("a linear_svc needs at least 2 classes, but classes holds " + k + ".");
        }
        int rows = k == 2 ? 1 : k;
        a.reserve("a linear_svc with " + k + " classes and " + nFeatures + " features", 2.0 * rows * nFeatures);
        double[][] coef = a.matrix(prefix + "coef", rows, nFeatures).toArray();
        double[] intercept = a.doubles(prefix + "intercept", rows);
        int nIter = a.ints(prefix + "n_iter", 1)[0];
        return LinearSVCModel.of(params, classes, coef, intercept, nIter, provenance);
    }

    static LinearSVRModel readSvr(JsonSection model, ModelArchive a, String prefix, int nFeatures, Provenance provenance)
            throws ModelFormatException {
        JsonSection p = model.section("params");
        LinearSVR params = new LinearSVR(p.real("epsilon"), p.real("tol"), p.real("C"),
                p.choice("loss", List.of("epsilon_insensitive", "squared_epsilon_insensitive")), p.bool("fit_intercept"),
                p.real("intercept_scaling"), p.bool("dual"), seed(p), p.integer("max_iter", 0, Integer.MAX_VALUE));
        p.finish();
        double[] coef = a.doubles(prefix + "coef", nFeatures);
        double intercept = a.doubles(prefix + "intercept", 1)[0];
        int nIter = a.ints(prefix + "n_iter", 1)[0];
        return LinearSVRModel.of(params, coef, intercept, nIter, provenance);
    }

    private static Long seed(JsonSection p) throws ModelFormatException {
        return p.has("random_state") ? p.longInteger("random_state", 0, 0xFFFFFFFFL) : null;
    }

    private static ClassWeight classWeight(JsonSection p) throws ModelFormatException {
        if (!p.has("class_weight")) {
            return ClassWeight.none();
        }
        if (p.isObject("class_weight")) {
            JsonSection w = p.section("class_weight");
            List<String> keys = w.keys();
            if (keys.size() > Codecs.MAX_CLASSES) {
                throw p.fail("class_weight", "has more than " + Codecs.MAX_CLASSES + " entries");
            }
            Map<Integer, Double> weights = new TreeMap<>();
            for (String key : keys) {
                if (!key.matches("-?[0-9]{1,10}")) {
                    throw w.fail(key, "is not an integer class label");
                }
                weights.put(Integer.parseInt(key), w.real(key));
            }
            w.finish();
            return ClassWeight.of(weights);
        }
        p.choice("class_weight", List.of("balanced"));
        return ClassWeight.balanced();
    }
}
