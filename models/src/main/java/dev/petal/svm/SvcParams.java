package dev.petal.svm;

import dev.petal.api.Params;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SVC's parameters by scikit-learn's names: {@link SVC#params()} and {@link SVC#withParams(Map)}. */
final class SvcParams {
    /** The names scikit-learn's {@code SVC.get_params()} lists, less {@code verbose}, sorted. */
    static final List<String> NAMES = List.of("C", "break_ties", "cache_size", "class_weight", "coef0",
            "decision_function_shape", "degree", "gamma", "kernel", "max_iter", "probability", "random_state",
            "shrinking", "tol");

    private SvcParams() {
    }

    static Map<String, Object> of(SVC s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("C", s.C());
        m.put("break_ties", s.breakTies());
        m.put("cache_size", s.cacheSize());
        m.put("class_weight", classWeight(s.classWeight()));
        m.put("coef0", s.coef0());
        m.put("decision_function_shape", s.decisionFunctionShape().pyName());
        m.put("degree", s.degree());
        m.put("gamma", s.gamma() instanceof Gamma.Value v ? (Object) v.value() : s.gamma().toString());
        m.put("kernel", s.kernel().pyName());
        m.put("max_iter", s.maxIter());
        m.put("probability", s.probability());
        m.put("random_state", s.randomState());
        m.put("shrinking", s.shrinking());
        m.put("tol", s.tol());
        return Collections.unmodifiableMap(m);
    }

    static SVC with(SVC s, Map<String, ?> params) {
        for (String name : params.keySet()) {
            if (!NAMES.contains(name)) {
                throw Params.unknown("SVC", name, NAMES);
            }
        }
        SVC out = s;
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(params).entrySet()) {
            out = with(out, e.getKey(), e.getValue());
        }
        return out;
    }

    private static SVC with(SVC s, String name, Object v) {
        return switch (name) {
            case "C" -> s.withC(Params.toDouble("SVC", name, v));
            case "break_ties" -> s.withBreakTies(Params.toBoolean("SVC", name, v));
            case "cache_size" -> s.withCacheSize(Params.toDouble("SVC", name, v));
            case "class_weight" -> s.withClassWeight(classWeight(v));
            case "coef0" -> s.withCoef0(Params.toDouble("SVC", name, v));
            case "decision_function_shape" -> s.withDecisionFunctionShape(v instanceof DecisionShape d ? d
                    : DecisionShape.parse(Params.toStr("SVC", name, v)));
            case "degree" -> s.withDegree(Params.toInt("SVC", name, v));
            case "gamma" -> s.withGamma(gamma(v));
            case "kernel" -> s.withKernel(v instanceof Kernel k ? k : Kernel.parse(Params.toStr("SVC", name, v)));
            case "max_iter" -> s.withMaxIter(Params.toInt("SVC", name, v));
            case "probability" -> s.withProbability(Params.toBoolean("SVC", name, v));
            case "random_state" -> s.withRandomState(Params.toLongOrNull("SVC", name, v));
            case "shrinking" -> s.withShrinking(Params.toBoolean("SVC", name, v));
            case "tol" -> s.withTol(Params.toDouble("SVC", name, v));
            default -> throw Params.unknown("SVC", name, NAMES);
        };
    }

    private static Gamma gamma(Object v) {
        return gamma("SVC", v);
    }

    /** A {@code gamma} value as plain data ('scale', 'auto', a number) or a {@link Gamma}, checked for {@code owner}. */
    static Gamma gamma(String owner, Object v) {
        if (v instanceof Gamma g) {
            return g;
        }
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return Gamma.of(n.doubleValue());
        }
        if (v instanceof String str) {
            return Gamma.parse(str);
        }
        throw new IllegalArgumentException("The 'gamma' parameter of " + owner + " must be a str among {'auto', 'scale'} "
                + "or a float in the range [0.0, inf). Got " + Params.repr(v) + " instead.");
    }

    static Object classWeight(ClassWeight w) {
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

    static ClassWeight classWeight(Object v) {
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
                int label = Params.toInt("SVC", "class_weight", e.getKey() instanceof String ks ? ks : e.getKey());
                w.put(label, Params.toDouble("SVC", "class_weight", e.getValue()));
            }
            return ClassWeight.of(w);
        }
        throw new IllegalArgumentException("The 'class_weight' parameter of SVC must be an instance of 'dict', "
                + "a str among {'balanced'} or None. Got " + Params.repr(v) + " instead.");
    }

    /** NuSVC's names: SVC's with {@code nu} in place of {@code C}. */
    static final List<String> NU_NAMES = NAMES.stream().map(n -> n.equals("C") ? "nu" : n).sorted().toList();

    static Map<String, Object> ofNu(NuSVC n) {
        Map<String, Object> m = new TreeMap<>(of(n.asSvcParams()));
        m.remove("C");
        m.put("nu", n.nu());
        return Collections.unmodifiableMap(m);
    }

    static NuSVC withNu(NuSVC n, Map<String, ?> params) {
        for (String name : params.keySet()) {
            if (!NU_NAMES.contains(name)) {
                throw Params.unknown("NuSVC", name, NU_NAMES);
            }
        }
        Map<String, Object> rest = new TreeMap<>(params);
        double nu = rest.containsKey("nu") ? Params.toDouble("NuSVC", "nu", rest.remove("nu")) : n.nu();
        SVC s = with(n.asSvcParams(), rest);
        return new NuSVC(nu, s.kernel(), s.degree(), s.gamma(), s.coef0(), s.shrinking(), s.probability(), s.tol(),
                s.cacheSize(), s.classWeight(), s.maxIter(), s.decisionFunctionShape(), s.breakTies(), s.randomState(),
                n.parallelism(), n.timeLimit());
    }
}
