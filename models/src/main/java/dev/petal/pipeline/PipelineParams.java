package dev.petal.pipeline;

import dev.petal.api.HasParams;
import dev.petal.api.Params;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Pipeline's parameters by scikit-learn's nested names ({@code svc__C}): step names are
 * {@code make_pipeline}'s (the lower-cased class name, with {@code -1}, {@code -2} ... when repeated).
 */
final class PipelineParams {
    private PipelineParams() {
    }

    /** {@code make_pipeline}'s step names for these estimators. */
    static List<String> stepNames(List<?> steps) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Object s : steps) {
            String n = s.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            names.add(n);
            counts.merge(n, 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (counts.get(n) > 1) {
                int k = seen.merge(n, 1, Integer::sum);
                out.add(n + "-" + k);
            } else {
                out.add(n);
            }
        }
        return out;
    }

    /** Every step's parameters as {@code step__param}, sorted. */
    static Map<String, Object> of(List<?> steps) {
        List<String> names = stepNames(steps);
        Map<String, Object> m = new TreeMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof HasParams h) {
                for (Map.Entry<String, Object> e : h.params().entrySet()) {
                    m.put(names.get(i) + "__" + e.getKey(), e.getValue());
                }
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The steps with {@code step__param} values set on copies; an unknown name is scikit-learn's error for a Pipeline. */
    static List<Object> with(List<?> current, Map<String, ?> params) {
        List<Object> steps = new ArrayList<>(current);
        List<String> names = stepNames(steps);
        Map<Integer, Map<String, Object>> perStep = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : params.entrySet()) {
            String key = e.getKey();
            int cut = key.indexOf("__");
            int step = cut < 0 ? -1 : names.indexOf(key.substring(0, cut));
            if (step < 0 || !(steps.get(step) instanceof HasParams)) {
                throw Params.unknown("Pipeline", key, of(current).keySet());
            }
            perStep.computeIfAbsent(step, k -> new HashMap<>()).put(key.substring(cut + 2), e.getValue());
        }
        for (Map.Entry<Integer, Map<String, Object>> e : perStep.entrySet()) {
            HasParams step = (HasParams) steps.get(e.getKey());
            steps.set(e.getKey(), step.withParams(e.getValue()));
        }
        return steps;
    }
}
