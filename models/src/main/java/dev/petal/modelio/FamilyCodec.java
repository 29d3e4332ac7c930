package dev.petal.modelio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Parallelism;
import dev.petal.api.Provenance;
import dev.petal.io.JsonSection;
import dev.petal.io.ModelArchive;
import dev.petal.io.ModelFormatException;
import dev.petal.io.NpyArray;
import dev.petal.linalg.RowSource;
import dev.petal.svm.Gamma;
import dev.petal.svm.Kernel;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import dev.petal.svm.SingleOutputState;
import java.util.List;
import java.util.Map;

/**
 * The {@code model} object and arrays of the libsvm family besides SVC. A {@code nu_svc} is written as an
 * {@code svc} is (same arrays, {@link SvcCodec}) with {@code nu} in place of {@code C} among its params.
 * {@code svr}, {@code nu_svr} and {@code one_class_svm} hold their params, {@code gamma}, {@code fit_status},
 * {@code intercept} and {@code n_iter} in JSON and the arrays {@code support} (&lt;i4, n_SV),
 * {@code support_vectors} (&lt;f8, n_SV x n_features; 0 x 0 for a precomputed kernel) and {@code dual_coef}
 * (&lt;f8, 1 x n_SV). Both forms hold {@code sparse: true} for a model fitted on sparse input (scikit-learn's
 * {@code _sparse}), absent otherwise; such a model's support vectors are CSR arrays ({@link SupportVectors}).
 */
final class FamilyCodec {
    private FamilyCodec() {
    }

    static void writeNuSvc(NuSVCModel m, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        ObjectNode p = model.putObject("params");
        p.put("nu", m.params().nu());
        SvcCodec.writeParams(p, m.params().asSvcParams());
        p.remove("C");
        SvcCodec.writeFitted(m.state(), model, arrays, prefix);
    }

    static NuSVCModel readNuSvc(JsonSection model, ModelArchive a, String prefix, int nFeatures, int[] classes,
                                Provenance prov) throws ModelFormatException {
        JsonSection ps = model.section("params");
        double nu = ps.real("nu");
        SVC svc = SvcCodec.readParams(ps, false);
        ps.finish();
        NuSVC params = new NuSVC(nu, svc.kernel(), svc.degree(), svc.gamma(), svc.coef0(), svc.shrinking(),
                svc.probability(), svc.tol(), svc.cacheSize(), svc.classWeight(), svc.maxIter(),
                svc.decisionFunctionShape(), svc.breakTies(), svc.randomState(), Parallelism.auto(), null);
        return NuSVCModel.fromState(params, SvcCodec.readState(params.asSvcParams(), model, a, prefix, nFeatures, classes,
                prov));
    }

    private static void kernelParams(ObjectNode p, Kernel kernel, int degree, Gamma gamma, double coef0) {
        p.put("kernel", kernel.pyName());
        p.put("degree", degree);
        if (gamma instanceof Gamma.Value v) {
            p.put("gamma", v.value());
        } else {
            p.put("gamma", gamma.toString());
        }
        p.put("coef0", coef0);
    }

    private static Gamma readGamma(JsonSection p) throws ModelFormatException {
        return p.isText("gamma") ? ("scale".equals(p.choice("gamma", List.of("scale", "auto")))
                ? Gamma.scale() : Gamma.auto()) : Gamma.of(p.real("gamma"));
    }

    static void writeSvr(SVRModel m, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        SVR c = m.params();
        ObjectNode p = model.putObject("params");
        kernelParams(p, c.kernel(), c.degree(), c.gamma(), c.coef0());
        p.put("tol", c.tol());
        p.put("C", c.C());
        p.put("epsilon", c.epsilon());
        p.put("shrinking", c.shrinking());
        p.put("cache_size", c.cacheSize());
        p.put("max_iter", c.maxIter());
        writeState(m.state(), model, arrays, prefix);
    }

    static SVRModel readSvr(JsonSection model, ModelArchive a, String prefix, int nFeatures, int[] classes,
                            Provenance prov) throws ModelFormatException {
        JsonSection p = model.section("params");
        Kernel kernel = Kernel.parse(p.choice("kernel", Kernel.names()));
        SVR params = new SVR(kernel, p.integer("degree", 0, Integer.MAX_VALUE), readGamma(p), p.real("coef0"), p.real("tol"),
                p.real("C"), p.real("epsilon"), p.bool("shrinking"), p.real("cache_size"),
                p.integer("max_iter", -1, Integer.MAX_VALUE), Parallelism.auto(), null);
        p.finish();
        return SVRModel.fromState(params, readState(kernel, model, a, prefix, nFeatures, prov));
    }

    static void writeNuSvr(NuSVRModel m, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        NuSVR c = m.params();
        ObjectNode p = model.putObject("params");
        p.put("nu", c.nu());
        p.put("C", c.C());
        kernelParams(p, c.kernel(), c.degree(), c.gamma(), c.coef0());
        p.put("shrinking", c.shrinking());
        p.put("tol", c.tol());
        p.put("cache_size", c.cacheSize());
        p.put("max_iter", c.maxIter());
        writeState(m.state(), model, arrays, prefix);
    }

    static NuSVRModel readNuSvr(JsonSection model, ModelArchive a, String prefix, int nFeatures, int[] classes,
                                Provenance prov) throws ModelFormatException {
        JsonSection p = model.section("params");
        double nu = p.real("nu");
        double c = p.real("C");
        Kernel kernel = Kernel.parse(p.choice("kernel", Kernel.names()));
        NuSVR params = new NuSVR(nu, c, kernel, p.integer("degree", 0, Integer.MAX_VALUE), readGamma(p), p.real("coef0"),
                p.bool("shrinking"), p.real("tol"), p.real("cache_size"), p.integer("max_iter", -1, Integer.MAX_VALUE),
                Parallelism.auto(), null);
        p.finish();
        return NuSVRModel.fromState(params, readState(kernel, model, a, prefix, nFeatures, prov));
    }

    static void writeOneClass(OneClassSVMModel m, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        OneClassSVM c = m.params();
        ObjectNode p = model.putObject("params");
        kernelParams(p, c.kernel(), c.degree(), c.gamma(), c.coef0());
        p.put("tol", c.tol());
        p.put("nu", c.nu());
        p.put("shrinking", c.shrinking());
        p.put("cache_size", c.cacheSize());
        p.put("max_iter", c.maxIter());
        writeState(m.state(), model, arrays, prefix);
    }

    static OneClassSVMModel readOneClass(JsonSection model, ModelArchive a, String prefix, int nFeatures, int[] classes,
                                         Provenance prov) throws ModelFormatException {
        JsonSection p = model.section("params");
        Kernel kernel = Kernel.parse(p.choice("kernel", Kernel.names()));
        OneClassSVM params = new OneClassSVM(kernel, p.integer("degree", 0, Integer.MAX_VALUE), readGamma(p),
                p.real("coef0"), p.real("tol"), p.real("nu"), p.bool("shrinking"), p.real("cache_size"),
                p.integer("max_iter", -1, Integer.MAX_VALUE), Parallelism.auto(), null);
        p.finish();
        return OneClassSVMModel.fromState(params, readState(kernel, model, a, prefix, nFeatures, prov));
    }

    private static void writeState(SingleOutputState s, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        model.put("gamma", s.gamma());
        model.put("fit_status", s.fitStatus());
        model.put("intercept", s.intercept());
        model.put("n_iter", s.nIter());
        if (s.sparse()) {
            model.put("sparse", true);
        }
        arrays.put(prefix + "support", NpyArray.ofInts(s.support()));
        SupportVectors.write(s.supportVectorRows(), arrays, prefix);
        double[] dual = s.dualCoef();
        arrays.put(prefix + "dual_coef", NpyArray.ofDoubles(new int[] {1, dual.length}, dual));
    }

    private static SingleOutputState readState(Kernel kernel, JsonSection model, ModelArchive a, String prefix,
                                               int nFeatures, Provenance prov) throws ModelFormatException {
        double gamma = model.real("gamma");
        int fitStatus = model.integer("fit_status", 0, 1);
        double intercept = model.real("intercept");
        int nIter = model.integer("n_iter", 0, Integer.MAX_VALUE);
        boolean sparse = model.has("sparse") && model.bool("sparse");
        if (sparse && kernel instanceof Kernel.Precomputed) {
            throw a.fail("a model fitted on sparse input cannot have a precomputed kernel (scikit-learn refuses sparse "
                    + "precomputed kernels).");
        }
        NpyArray sup = a.array(prefix + "support");
        if (sup.shape().length != 1) {
            throw a.fail("array " + prefix + "support must be 1-D, got shape " + sup.shapeString() + ".");
        }
        int l = sup.shape()[0];
        a.reserve("a model with " + nFeatures + " features and " + l + " support vectors",
                SupportVectors.doubles(a, prefix, sparse, l, nFeatures) + 2.0 * l);
        int[] support = a.ints(prefix + "support", l);
        boolean precomputed = kernel instanceof Kernel.Precomputed;
        RowSource sv = SupportVectors.read(a, prefix, sparse, precomputed ? 0 : l, precomputed ? 0 : nFeatures);
        double[] dual = a.matrix(prefix + "dual_coef", 1, l).toFlatArray();
        return new SingleOutputState(gamma, nFeatures, support, sv, dual, intercept, nIter, fitStatus, prov, sparse);
    }
}
