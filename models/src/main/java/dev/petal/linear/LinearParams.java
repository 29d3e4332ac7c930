package dev.petal.linear;

import dev.petal.api.Params;
import dev.petal.svm.ClassWeight;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** LinearSVC's and LinearSVR's parameters by scikit-learn's names ({@code get_params} / {@code set_params}). */
final class LinearParams {
    /** The names scikit-learn's {@code LinearSVC.get_params()} lists, less {@code verbose}, sorted. */
    static final List<String> SVC_NAMES = List.of("C", "class_weight", "dual", "fit_intercept", "intercept_scaling",
            "loss", "max_iter", "multi_class", "penalty", "random_state", "tol");
    /** The names scikit-learn's {@code LinearSVR.get_params()} lists, less {@code verbose}, sorted. */
    static final List<String> SVR_NAMES = List.of("C", "dual", "epsilon", "fit_intercept", "intercept_scaling", "loss",
            "max_iter", "random_state", "tol");

    private LinearParams() {
    }

    static Map<String, Object> of(LinearSVC s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("C", s.C());
        m.put("class_weight", classWeight(s.classWeight()));
        m.put("dual", s.dual());
        m.put("fit_intercept", s.fitIntercept());
        m.put("intercept_scaling", s.interceptScaling());
        m.put("loss", s.loss());
        m.put("max_iter", s.maxIter());
        m.put("multi_class", s.multiClass());
        m.put("penalty", s.penalty());
        m.put("random_state", s.randomState());
        m.put("tol", s.tol());
        return Collections.unmodifiableMap(m);
    }

    static Map<String, Object> of(LinearSVR s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("C", s.C());
        m.put("dual", s.dual());
        m.put("epsilon", s.epsilon());
        m.put("fit_intercept", s.fitIntercept());
        m.put("intercept_scaling", s.interceptScaling());
        m.put("loss", s.loss());
        m.put("max_iter", s.maxIter());
        m.put("random_state", s.randomState());
        m.put("tol", s.tol());
        return Collections.unmodifiableMap(m);
    }

    static LinearSVC with(LinearSVC s, Map<String, ?> params) {
        check("LinearSVC", params, SVC_NAMES);
        LinearSVC out = s;
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(params).entrySet()) {
            String n = e.getKey();
            Object v = e.getValue();
            out = switch (n) {
                case "C" -> out.withC(Params.toDouble("LinearSVC", n, v));
                case "class_weight" -> out.withClassWeight(classWeight(v));
                case "dual" -> out.withDual(Params.toBoolean("LinearSVC", n, v));
                case "fit_intercept" -> out.withFitIntercept(Params.toBoolean("LinearSVC", n, v));
                case "intercept_scaling" -> out.withInterceptScaling(Params.toDouble("LinearSVC", n, v));
                case "loss" -> out.withLoss(Params.toStr("LinearSVC", n, v));
                case "max_iter" -> out.withMaxIter(Params.toInt("LinearSVC", n, v));
                case "multi_class" -> out.withMultiClass(Params.toStr("LinearSVC", n, v));
                case "penalty" -> out.withPenalty(Params.toStr("LinearSVC", n, v));
                case "random_state" -> out.withRandomState(Params.toLongOrNull("LinearSVC", n, v));
                case "tol" -> out.withTol(Params.toDouble("LinearSVC", n, v));
                default -> throw Params.unknown("LinearSVC", n, SVC_NAMES);
            };
        }
        return out;
    }

    static LinearSVR with(LinearSVR s, Map<String, ?> params) {
        check("LinearSVR", params, SVR_NAMES);
        LinearSVR out = s;
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(params).entrySet()) {
            String n = e.getKey();
            Object v = e.getValue();
            out = switch (n) {
                case "C" -> out.withC(Params.toDouble("LinearSVR", n, v));
                case "dual" -> out.withDual(Params.toBoolean("LinearSVR", n, v));
                case "epsilon" -> out.withEpsilon(Params.toDouble("LinearSVR", n, v));
                case "fit_intercept" -> out.withFitIntercept(Params.toBoolean("LinearSVR", n, v));
                case "intercept_scaling" -> out.withInterceptScaling(Params.toDouble("LinearSVR", n, v));
                case "loss" -> out.withLoss(Params.toStr("LinearSVR", n, v));
                case "max_iter" -> out.withMaxIter(Params.toInt("LinearSVR", n, v));
                case "random_state" -> out.withRandomState(Params.toLongOrNull("LinearSVR", n, v));
                case "tol" -> out.withTol(Params.toDouble("LinearSVR", n, v));
                default -> throw Params.unknown("LinearSVR", n, SVR_NAMES);
            };
        }
        return out;
    }

    private static void check(String owner, Map<String, ?> params, List<String> names) {
        for (String name : params.keySet()) {
            if (!names.contains(name)) {
                throw Params.unknown(owner, name, names);
            }
        }
    }

    private static Object classWeight(ClassWeight w) {
        if (w instanceof ClassWeight.Balanced) {
            return "balanced";
        }
        if (w instanceof ClassWeight.PerClass p) {
            Map<String, Double> m = new LinkedHashMap<>();
            p.weights().forEach((k, x) -> m.put(Integer.toString(k), x));
            return Collections.unmodifiableMap(m);
        }
        return null;
    }

    private static ClassWeight classWeight(Object v) {
        if (v == null || "None".equals(v)) {
            return ClassWeight.none();
        }
        if (v instanceof ClassWeight w) {
            return w;
        }
        if ("balanced".equals(v)) {
            return ClassWeight.balanced();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Integer, Double> w = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                w.put(Params.toInt("LinearSVC", "class_weight", e.getKey()), Params.toDouble("LinearSVC", "class_weight", e.getValue()));
            }
            return ClassWeight.of(w);
        }
        throw new IllegalArgumentException("The 'class_weight' parameter of LinearSVC must be None, an instance of 'dict' "
                + "or a str among {'balanced'}. Got " + Params.repr(v) + " instead.");
    }
}
