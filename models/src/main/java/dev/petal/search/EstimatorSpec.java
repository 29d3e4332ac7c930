package dev.petal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Estimator;
import dev.petal.api.HasParams;
import dev.petal.pipeline.Pipeline;
import dev.petal.pipeline.RegressorPipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVR;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVR;
import dev.petal.svm.SVC;
import dev.petal.svm.SVR;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An unfitted estimator as plain JSON, so it can be sent to another JVM: {@code {"type": "svc",
 * "params": {"C": 1.0, ...}}}, or for a Pipeline {@code {"type": "pipeline", "steps": [...]}}. The type is
 * the lower-cased class name (scikit-learn's {@code make_pipeline} step name); the params are
 * {@link HasParams#params()}.
 */
public final class EstimatorSpec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Supplier<HasParams>> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("svc", SVC::defaults);
        DEFAULTS.put("nusvc", NuSVC::defaults);
        DEFAULTS.put("linearsvc", LinearSVC::defaults);
        DEFAULTS.put("svr", SVR::defaults);
        DEFAULTS.put("nusvr", NuSVR::defaults);
        DEFAULTS.put("linearsvr", LinearSVR::defaults);
        DEFAULTS.put("standardscaler", StandardScaler::defaults);
    }

    private EstimatorSpec() {
    }

    /** The JSON description of {@code estimator} (an {@code Estimator} or a {@code RegressorEstimator}). */
    public static ObjectNode toJson(Object estimator) {
        ObjectNode o = JSON.createObjectNode();
        List<?> pipelineSteps = estimator instanceof Pipeline p ? p.steps()
                : estimator instanceof RegressorPipeline r ? r.steps() : null;
        if (pipelineSteps != null) {
            o.put("type", "pipeline");
            ArrayNode steps = o.putArray("steps");
            for (Object s : pipelineSteps) {
                steps.add(toJson(s));
            }
            return o;
        }
        String type = estimator.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(type) || !(estimator instanceof HasParams h)) {
            throw new IllegalArgumentException(estimator.getClass().getSimpleName() + " cannot be sent to another JVM; "
                    + "supported estimators: pipeline, " + String.join(", ", DEFAULTS.keySet()) + ".");
        }
        o.put("type", type);
        o.set("params", JSON.valueToTree(h.params()));
        return o;
    }

    /** The estimator a JSON description describes (an {@code Estimator} or a {@code RegressorEstimator}). */
    public static Object fromJson(JsonNode spec) {
        String type = spec.path("type").asText("");
        if (type.equals("pipeline")) {
            List<Object> steps = new ArrayList<>();
            for (JsonNode s : spec.path("steps")) {
                steps.add(fromJson(s));
            }
            // a pipeline ending in a regressor is fitted with real targets
            if (!steps.isEmpty() && !(steps.get(steps.size() - 1) instanceof Estimator<?>)) {
                return RegressorPipeline.ofSteps(steps);
            }
            @SuppressWarnings("unchecked")
            List<Estimator<?>> classifierSteps = (List<Estimator<?>>) (List<?>) steps;
            return Pipeline.ofSteps(classifierSteps);
        }
        Supplier<HasParams> d = DEFAULTS.get(type);
        if (d == null) {
            throw new IllegalArgumentException("unknown estimator type '" + type + "'; expected pipeline, "
                    + String.join(", ", DEFAULTS.keySet()));
        }
        Map<String, Object> params = JSON.convertValue(spec.path("params"),
                new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
        return d.get().withParams(params == null ? Map.of() : params);
    }
}
