package dev.petal.svm;

import dev.petal.api.Params;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of SVR, NuSVR and OneClassSVM by scikit-learn's names ({@code get_params} /
 * {@code set_params}), less {@code verbose}. One class for the three: they share libsvm's kernel settings.
 */
final class SvrParams {
    /** The kernel and solver settings the three share. */
    private static final List<String> COMMON = List.of("cache_size", "coef0", "degree", "gamma", "kernel", "max_iter",
            "shrinking", "tol");
    static final List<String> SVR_NAMES = sorted(COMMON, "C", "epsilon");
    static final List<String> NU_SVR_NAMES = sorted(COMMON, "C", "nu");
    static final List<String> ONE_CLASS_NAMES = sorted(COMMON, "nu");

    private SvrParams() {
    }

    private static List<String> sorted(List<String> common, String... more) {
        List<String> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(more));
        all.sort(null);
        return List.copyOf(all);
    }

    /** The settings one of the three holds, as a common view. */
    private record Common(Kernel kernel, int degree, Gamma gamma, double coef0, double tol, boolean shrinking,
                          double cacheSize, int maxIter) {
    }

    private static Map<String, Object> common(Common c, Map<String, Object> m) {
        m.put("cache_size", c.cacheSize());
        m.put("coef0", c.coef0());
        m.put("degree", c.degree());
        m.put("gamma", c.gamma() instanceof Gamma.Value v ? (Object) v.value() : c.gamma().toString());
        m.put("kernel", c.kernel().pyName());
        m.put("max_iter", c.maxIter());
        m.put("shrinking", c.shrinking());
        m.put("tol", c.tol());
        return Collections.unmodifiableMap(m);
    }

    /** Applies the common names of {@code params} to {@code c}; other names are left to the caller. */
    private static Common with(String owner, Common c, Map<String, ?> params, List<String> valid) {
        for (String name : params.keySet()) {
            if (!valid.contains(name)) {
                throw Params.unknown(owner, name, valid);
            }
        }
        Common out = c;
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(params).entrySet()) {
            String n = e.getKey();
            Object v = e.getValue();
            out = switch (n) {
                case "cache_size" -> new Common(out.kernel, out.degree, out.gamma, out.coef0, out.tol, out.shrinking,
                        Params.toDouble(owner, n, v), out.maxIter);
                case "coef0" -> new Common(out.kernel, out.degree, out.gamma, Params.toDouble(owner, n, v), out.tol,
                        out.shrinking, out.cacheSize, out.maxIter);
                case "degree" -> new Common(out.kernel, Params.toInt(owner, n, v), out.gamma, out.coef0, out.tol,
                        out.shrinking, out.cacheSize, out.maxIter);
                case "gamma" -> new Common(out.kernel, out.degree, SvcParams.gamma(owner, v), out.coef0, out.tol,
                        out.shrinking, out.cacheSize, out.maxIter);
                case "kernel" -> new Common(v instanceof Kernel k ? k : kernel(owner, Params.toStr(owner, n, v)), out.degree,
                        out.gamma, out.coef0, out.tol, out.shrinking, out.cacheSize, out.maxIter);
                case "max_iter" -> new Common(out.kernel, out.degree, out.gamma, out.coef0, out.tol, out.shrinking,
                        out.cacheSize, Params.toInt(owner, n, v));
                case "shrinking" -> new Common(out.kernel, out.degree, out.gamma, out.coef0, out.tol,
                        Params.toBoolean(owner, n, v), out.cacheSize, out.maxIter);
                case "tol" -> new Common(out.kernel, out.degree, out.gamma, out.coef0, Params.toDouble(owner, n, v),
                        out.shrinking, out.cacheSize, out.maxIter);
                default -> out;
            };
        }
        return out;
    }

    private static Kernel kernel(String owner, String name) {
        try {
            return Kernel.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace(" of SVC ", " of " + owner + " "), e);
        }
    }

    static Map<String, Object> of(SVR s) {
        Map<String, Object> m = new TreeMap<>();
        m.put("C", s.C());
        m.put("epsilon", s.epsilon());
        return common(new Common(s.kernel(), s.degree(), s.gamma(), s.coef0(), s.tol(), s.shrinking(), s.cacheSize(),
                s.maxIter()), m);
    }

    static SVR with(SVR s, Map<String, ?> params) {
        Common c = with("SVR", new Common(s.kernel(), s.degree(), s.gamma(), s.coef0(), s.tol(), s.shrinking(),
                s.cacheSize(), s.maxIter()), params, SVR_NAMES);
        double C = params.containsKey("C") ? Params.toDouble("SVR", "C", params.get("C")) : s.C();
        double epsilon = params.containsKey("epsilon") ? Params.toDouble("SVR", "epsilon", params.get("epsilon")) : s.epsilon();
        return new SVR(c.kernel(), c.degree(), c.gamma(), c.coef0(), c.tol(), C, epsilon, c.shrinking(), c.cacheSize(),
                c.maxIter(), s.parallelism(), s.timeLimit());
    }

    static Map<String, Object> of(NuSVR s) {
        Map<String, Object> m = new TreeMap<>();
        m.put("C", s.C());
        m.put("nu", s.nu());
        return common(new Common(s.kernel(), s.degree(), s.gamma(), s.coef0(), s.tol(), s.shrinking(), s.cacheSize(),
                s.maxIter()), m);
    }

    static NuSVR with(NuSVR s, Map<String, ?> params) {
        Common c = with("NuSVR", new Common(s.kernel(), s.degree(), s.gamma(), s.coef0(), s.tol(), s.shrinking(),
                s.cacheSize(), s.maxIter()), params, NU_SVR_NAMES);
        double C = params.containsKey("C") ? Params.toDouble("NuSVR", "C", params.get("C")) : s.C();
        double nu = params.containsKey("nu") ? Params.toDouble("NuSVR", "nu", params.get("nu")) : s.nu();
        return new NuSVR(nu, C, c.kernel(), c.degree(), c.gamma(), c.coef0(), c.shrinking(), c.tol(), c.cacheSize(),
                c.maxIter(), s.parallelism(), s.timeLimit());
    }

    static Map<String, Object> of(OneClassSVM s) {
        Map<String, Object> m = new TreeMap<>();
        m.put("nu", s.nu());
        return common(new Common(s.kernel(), s.degree(), s.gamma(), s.coef0(), s.tol(), s.shrinking(), s.cacheSize(),
                s.maxIter()), m);
    }

    static OneClassSVM with(OneClassSVM s, Map<String, ?> params) {
        Common c = with("OneClassSVM", new Common(s.kernel(), s.degree(), s.gamma(), s.coef0(), s.tol(), s.shrinking(),
                s.cacheSize(), s.maxIter()), params, ONE_CLASS_NAMES);
        double nu = params.containsKey("nu") ? Params.toDouble("OneClassSVM", "nu", params.get("nu")) : s.nu();
        return new OneClassSVM(c.kernel(), c.degree(), c.gamma(), c.coef0(), c.tol(), nu, c.shrinking(), c.cacheSize(),
                c.maxIter(), s.parallelism(), s.timeLimit());
    }
}
