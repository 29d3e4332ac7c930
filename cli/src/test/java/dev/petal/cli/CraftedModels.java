package dev.petal.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.io.ModelArchive;
import dev.petal.io.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: hostile but well-formed svc model files, written as an attacker would (Petal's own container). */
final class CraftedModels {
    private CraftedModels() {
    }

    /**
     * An svc of {@code classes} classes over {@code features} features with no support vectors (a few KB), as the
     * issue's crafted linear model: 100 classes and 2^20 features.
     */
    static Path svc(Path file, int classes, int features, String kernel, int degree) throws IOException {
        return svc(file, classes, features, kernel, degree, 0);
    }

    /**
     * As above with {@code vectors} support vectors in each class, all values 3 (class 0) or -3 (the others) and
     * dual coefficients of 1: finite arrays, as a fit writes them.
     */
    static Path svc(Path file, int classes, int features, String kernel, int degree, int vectors) throws IOException {
        ObjectNode h = ModelArchive.newObject();
        h.put("model_type", "svc");
        h.put("n_features", features);
        var cls = h.putArray("classes");
        for (int c = 0; c < classes; c++) {
            cls.add(c);
        }
        ObjectNode prov = h.putObject("provenance");
        prov.put("petal_version", "0.1.0-SNAPSHOT");
        prov.put("java_version", "17");
        prov.put("created_at", "2026-11-30T00:00:00Z");
        prov.put("x_sha256", "0".repeat(64));
        prov.put("y_sha256", "0".repeat(64));
        ObjectNode model = h.putObject("model");
        ObjectNode p = model.putObject("params");
        p.put("C", 1.0);
        p.put("kernel", kernel);
        p.put("degree", degree);
        p.put("gamma", 0.5);
        p.put("coef0", 1.0);
        p.put("shrinking", true);
        p.put("probability", false);
        p.put("tol", 0.001);
        p.put("cache_size", 200.0);
        p.putNull("class_weight");
        p.put("max_iter", -1);
        p.put("decision_function_shape", "ovr");
        p.put("break_ties", false);
        p.putNull("random_state");
        model.put("gamma", 0.5);
        model.put("fit_status", 0);
        int pairs = classes * (classes - 1) / 2;
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        int l = vectors * classes;
        int[] support = new int[l];
        double[] sv = new double[l * features];
        for (int i = 0; i < l; i++) {
            support[i] = i;
            java.util.Arrays.fill(sv, i * features, (i + 1) * features, i < vectors ? 3.0 : -3.0);
        }
        int[] nSupport = new int[classes];
        java.util.Arrays.fill(nSupport, vectors);
        double[] dual = new double[(classes - 1) * l];
        java.util.Arrays.fill(dual, 1.0);
        arrays.put("support", NpyArray.ofInts(support));
        arrays.put("support_vectors", NpyArray.ofDoubles(new int[] {l, features}, sv));
        arrays.put("n_support", NpyArray.ofInts(nSupport));
        arrays.put("dual_coef", NpyArray.ofDoubles(new int[] {classes - 1, l}, dual));
        arrays.put("intercept", NpyArray.ofDoubles(new double[pairs]));
        arrays.put("prob_a", NpyArray.ofDoubles(new double[0]));
        arrays.put("prob_b", NpyArray.ofDoubles(new double[0]));
        arrays.put("n_iter", NpyArray.ofInts(new int[pairs]));
        ModelArchive.write(file, h, arrays);
        return file;
    }
}
