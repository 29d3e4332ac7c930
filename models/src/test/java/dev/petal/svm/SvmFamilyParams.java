package dev.petal.svm;

import com.fasterxml.jackson.databind.JsonNode;

/** The estimators of a {@code gen_svm_family.py} case from its scikit-learn parameters (absent ones: the defaults). */
final class SvmFamilyParams {
    private SvmFamilyParams() {
    }

    private static Gamma gamma(JsonNode p) {
        JsonNode g = p.get("gamma");
        return g == null ? Gamma.scale() : g.isTextual() ? Gamma.parse(g.textValue()) : Gamma.of(g.doubleValue());
    }

    private static double real(JsonNode p, String k, double def) {
        return p.has(k) ? p.get(k).doubleValue() : def;
    }

    private static int integer(JsonNode p, String k, int def) {
        return p.has(k) ? p.get(k).intValue() : def;
    }

    private static boolean bool(JsonNode p, String k, boolean def) {
        return p.has(k) ? p.get(k).booleanValue() : def;
    }

    private static Kernel kernel(JsonNode p) {
        return p.has("kernel") ? Kernel.parse(p.get("kernel").textValue()) : Kernel.RBF;
    }

    static SVC svc(JsonNode p) {
        SVC d = SVC.defaults();
        ClassWeight cw = p.has("class_weight") && "balanced".equals(p.get("class_weight").textValue())
                ? ClassWeight.balanced() : ClassWeight.none();
        return d.withC(real(p, "C", d.C())).withKernel(kernel(p)).withDegree(integer(p, "degree", d.degree()))
                .withGamma(gamma(p)).withCoef0(real(p, "coef0", d.coef0())).withShrinking(bool(p, "shrinking", true))
                .withProbability(bool(p, "probability", false)).withTol(real(p, "tol", d.tol()))
                .withClassWeight(cw).withMaxIter(integer(p, "max_iter", -1))
                .withDecisionFunctionShape(p.has("decision_function_shape")
                        ? DecisionShape.parse(p.get("decision_function_shape").textValue()) : DecisionShape.OVR)
                .withRandomState(p.has("random_state") ? p.get("random_state").longValue() : null);
    }

    static NuSVC nuSvc(JsonNode p) {
        NuSVC d = NuSVC.defaults();
        ClassWeight cw = p.has("class_weight") && "balanced".equals(p.get("class_weight").textValue())
                ? ClassWeight.balanced() : ClassWeight.none();
        return d.withNu(real(p, "nu", d.nu())).withKernel(kernel(p)).withDegree(integer(p, "degree", d.degree()))
                .withGamma(gamma(p)).withCoef0(real(p, "coef0", d.coef0())).withShrinking(bool(p, "shrinking", true))
                .withProbability(bool(p, "probability", false)).withTol(real(p, "tol", d.tol()))
                .withClassWeight(cw).withMaxIter(integer(p, "max_iter", -1))
                .withDecisionFunctionShape(p.has("decision_function_shape")
                        ? DecisionShape.parse(p.get("decision_function_shape").textValue()) : DecisionShape.OVR)
                .withRandomState(p.has("random_state") ? p.get("random_state").longValue() : null);
    }

    static SVR svr(JsonNode p) {
        SVR d = SVR.defaults();
        return d.withKernel(kernel(p)).withDegree(integer(p, "degree", d.degree())).withGamma(gamma(p))
                .withCoef0(real(p, "coef0", d.coef0())).withTol(real(p, "tol", d.tol())).withC(real(p, "C", d.C()))
                .withEpsilon(real(p, "epsilon", d.epsilon())).withShrinking(bool(p, "shrinking", true))
                .withMaxIter(integer(p, "max_iter", -1));
    }

    static NuSVR nuSvr(JsonNode p) {
        NuSVR d = NuSVR.defaults();
        return d.withNu(real(p, "nu", d.nu())).withC(real(p, "C", d.C())).withKernel(kernel(p))
                .withDegree(integer(p, "degree", d.degree())).withGamma(gamma(p)).withCoef0(real(p, "coef0", d.coef0()))
                .withShrinking(bool(p, "shrinking", true)).withTol(real(p, "tol", d.tol()))
                .withMaxIter(integer(p, "max_iter", -1));
    }

    static OneClassSVM oneClass(JsonNode p) {
        OneClassSVM d = OneClassSVM.defaults();
        return d.withKernel(kernel(p)).withDegree(integer(p, "degree", d.degree())).withGamma(gamma(p))
                .withCoef0(real(p, "coef0", d.coef0())).withTol(real(p, "tol", d.tol())).withNu(real(p, "nu", d.nu()))
                .withShrinking(bool(p, "shrinking", true)).withMaxIter(integer(p, "max_iter", -1));
    }
}
