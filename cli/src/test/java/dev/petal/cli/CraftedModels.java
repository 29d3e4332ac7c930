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
        arrays.put("support", NpyArray.ofInts(new int[0]));
        arrays.put("support_vectors", NpyArray.ofDoubles(new int[] {0, features}, new double[0]));
        arrays.put("n_support", NpyArray.ofInts(new int[classes]));
        arrays.put("dual_coef", NpyArray.ofDoubles(new int[] {classes - 1, 0}, new double[0]));
        arrays.put("intercept", NpyArray.ofDoubles(new double[pairs]));
        arrays.put("prob_a", NpyArray.ofDoubles(new double[0]));
        arrays.put("prob_b", NpyArray.ofDoubles(new double[0]));
        arrays.put("n_iter", NpyArray.ofInts(new int[pairs]));
        ModelArchive.write(file, h, arrays);
        return file;
    }
}
