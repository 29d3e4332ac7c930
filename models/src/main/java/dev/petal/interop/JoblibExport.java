package dev.petal.interop;

import dev.petal.api.Transformer;
import dev.petal.interop.PickleWriter.F8;
import dev.petal.interop.PickleWriter.Ints;
import dev.petal.interop.PickleWriter.Obj;
import dev.petal.interop.PickleWriter.Strs;
import dev.petal.interop.PickleWriter.Tup;
import dev.petal.io.AtomicFile;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVR;
import dev.petal.linear.LinearSVRModel;
import dev.petal.modelio.ModelMetadata;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScalerModel;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.Gamma;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVCState;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import dev.petal.svm.SingleOutputState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a fitted Petal model as a file that scikit-learn 1.2.1's {@code joblib.load} (or
 * {@code pickle.load}) turns into the same estimator: an {@code SVC}, {@code NuSVC}, {@code SVR},
 * {@code NuSVR}, {@code OneClassSVM}, {@code LinearSVC}, {@code LinearSVR}, {@code StandardScaler} or a
 * {@code Pipeline} of them, with every fitted attribute scikit-learn's {@code predict},
 * {@code decision_function}, {@code predict_proba} and {@code transform} read, holding Petal's exact
 * numbers, so scikit-learn answers exactly as Petal does.
 *
 * <p>Two attributes Petal does not keep are written as follows: {@code shape_fit_[0]} (the training
 * row count, which scikit-learn reads only for precomputed kernels) is one past the largest support
 * index, and {@code class_weight_} (read only by {@code fit}) is left out for {@code class_weight='balanced'}.
 */
public final class JoblibExport {
    /** The scikit-learn version the file declares and was tested against. */
    static final String SKLEARN_VERSION = "1.2.1";

    private JoblibExport() {
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void write(Path path, Object model, ModelMetadata metadata) throws IOException {
        AtomicFile.write(path, toBytes(model, metadata));
    }

    /**
     * The pickle bytes of {@code model}.
     *
     * @throws IllegalArgumentException if Petal cannot write this kind of model
     */
    public static byte[] toBytes(Object model, ModelMetadata metadata) {
        return PickleWriter.dump(estimator(model, metadata, true));
    }

    private static Obj estimator(Object model, ModelMetadata metadata, boolean top) {
        List<String> features = top ? metadata.featureNames() : List.of();
        if (model instanceof SVCModel m) {
            return svc(m, metadata.classNames(), features);
        }
        if (model instanceof NuSVCModel m) {
            return svc(m.state(), "NuSVC", 0.0, m.params().nu(), metadata.classNames(), features);
        }
        if (model instanceof SVRModel m) {
            SVR p = m.params();
            return single("SVR", m.state(), p.kernel(), p.degree(), p.gamma(), p.coef0(), p.tol(), p.C(), 0.0, p.epsilon(),
                    p.shrinking(), p.cacheSize(), p.maxIter(), features);
        }
        if (model instanceof NuSVRModel m) {
            NuSVR p = m.params();
            return single("NuSVR", m.state(), p.kernel(), p.degree(), p.gamma(), p.coef0(), p.tol(), p.C(), p.nu(), 0.0,
                    p.shrinking(), p.cacheSize(), p.maxIter(), features);
        }
        if (model instanceof OneClassSVMModel m) {
            OneClassSVM p = m.params();
            return single("OneClassSVM", m.state(), p.kernel(), p.degree(), p.gamma(), p.coef0(), p.tol(), 0.0, p.nu(), 0.0,
                    p.shrinking(), p.cacheSize(), p.maxIter(), features);
        }
        if (model instanceof LinearSVCModel m) {
            return linearSvc(m, metadata.classNames(), features);
        }
        if (model instanceof LinearSVRModel m) {
            return linearSvr(m, features);
        }
        if (model instanceof StandardScalerModel s) {
            return scaler(s, features);
        }
        if (model instanceof PipelineModel p && top) {
            List<Object> steps = new ArrayList<>();
            boolean first = true;
            for (Transformer t : p.transforms()) {
                if (!(t instanceof StandardScalerModel s)) {
                    throw new IllegalArgumentException("joblib export handles pipelines of StandardScalers and an SVC; "
                            + "a step is a " + t.getClass().getSimpleName() + ".");
                }
                steps.add(new Tup(List.of(steps.isEmpty() ? "standardscaler" : "standardscaler-" + (steps.size() + 1),
                        scaler(s, first ? features : List.of()))));
                first = false;
            }
            List<String> last = first ? features : List.of();
            if (p.classifier() instanceof SVCModel svc) {
                steps.add(new Tup(List.of("svc", svc(svc, metadata.classNames(), last))));
            } else if (p.classifier() instanceof NuSVCModel nu) {
                steps.add(new Tup(List.of("nusvc", svc(nu.state(), "NuSVC", 0.0, nu.params().nu(), metadata.classNames(),
                        last))));
            } else if (p.classifier() instanceof LinearSVCModel lin) {
                steps.add(new Tup(List.of("linearsvc", linearSvc(lin, metadata.classNames(), last))));
            } else {
                throw new IllegalArgumentException("joblib export handles pipelines ending in an SVC or a LinearSVC.");
            }
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("steps", steps);
            st.put("memory", null);
            st.put("verbose", false);
            st.put("_sklearn_version", SKLEARN_VERSION);
            return new Obj("sklearn.pipeline", "Pipeline", st);
        }
        throw new IllegalArgumentException("Petal cannot export a " + (model == null ? "null" : model.getClass().getSimpleName())
                + " as joblib; it exports an SVC, a StandardScaler or a Pipeline of them.");
    }

    private static Obj scaler(StandardScalerModel s, List<String> features) {
        int d = s.nFeatures();
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("with_mean", s.params().withMean());
        st.put("with_std", s.params().withStd());
        st.put("copy", true);
        if (!features.isEmpty()) {
            st.put("feature_names_in_", new Strs(features));
        }
        st.put("n_features_in_", d);
        st.put("n_samples_seen_", s.nSamplesSeen());
        st.put("mean_", s.mean().map(v -> (Object) new F8(new int[] {d}, v)).orElse(null));
        st.put("var_", s.var().map(v -> (Object) new F8(new int[] {d}, v)).orElse(null));
        st.put("scale_", s.scale().map(v -> (Object) new F8(new int[] {d}, v)).orElse(null));
        st.put("_sklearn_version", SKLEARN_VERSION);
        return new Obj("sklearn.preprocessing._data", "StandardScaler", st);
    }

    private static Obj svc(SVCModel m, List<String> classNames, List<String> features) {
        return svc(m.state(), "SVC", m.params().C(), 0.0, classNames, features);
    }

    private static Obj svc(SVCState m, String cls, double cValue, double nu, List<String> classNames, List<String> features) {
        refuseSparse(m.sparse(), cls);
        SVC p = m.params();
        int[] classes = m.classes();
        int k = classes.length;
        int d = m.nFeatures();
        int[] support = m.support();
        int l = support.length;
        boolean binary = k == 2;
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("decision_function_shape", p.decisionFunctionShape().pyName());
        st.put("break_ties", p.breakTies());
        st.put("kernel", p.kernel().pyName());
        st.put("degree", p.degree());
        st.put("gamma", p.gamma() instanceof Gamma.Value v ? (Object) v.value() : p.gamma().toString());
        st.put("coef0", p.coef0());
        st.put("tol", p.tol());
        st.put("C", cValue);
        st.put("nu", nu);
        st.put("epsilon", 0.0);
        st.put("shrinking", p.shrinking());
        st.put("probability", p.probability());
        st.put("cache_size", p.cacheSize());
        st.put("class_weight", classWeight(p.classWeight(), classNames));
        st.put("verbose", false);
        st.put("max_iter", p.maxIter());
        st.put("random_state", p.randomState());
        st.put("_sparse", false);
        if (!features.isEmpty()) {
            st.put("feature_names_in_", new Strs(features));
        }
        st.put("n_features_in_", d);
        if (!(p.classWeight() instanceof ClassWeight.Balanced)) {
            double[] w = new double[k];
            for (int c = 0; c < k; c++) {
                w[c] = p.classWeight() instanceof ClassWeight.PerClass pc ? pc.weights().getOrDefault(classes[c], 1.0) : 1.0;
            }
            st.put("class_weight_", new F8(new int[] {k}, w));
        }
        st.put("classes_", classNames.isEmpty() ? new Ints("i8", new int[] {k}, longs(classes)) : new Strs(classNames));
        st.put("_gamma", m.gamma());
        st.put("support_", new Ints("i4", new int[] {l}, longs(support)));
        boolean precomputed = p.kernel().equals(Kernel.PRECOMPUTED);
        st.put("support_vectors_", new F8(precomputed ? new int[] {0, 0} : new int[] {l, d}, m.supportVectors().toFlatArray()));
        st.put("_n_support", new Ints("i4", new int[] {k}, longs(m.nSupport())));
        double[][] dual = m.dualCoef();
        double[] pub = new double[(k - 1) * l];
        double[] lib = new double[(k - 1) * l];
        for (int r = 0; r < k - 1; r++) {
            for (int i = 0; i < l; i++) {
                pub[r * l + i] = dual[r][i];
                lib[r * l + i] = binary ? -dual[r][i] : dual[r][i];
            }
        }
        double[] intercept = m.intercept();
        double[] libIntercept = intercept.clone();
        if (binary) {
            for (int q = 0; q < libIntercept.length; q++) {
                libIntercept[q] = -libIntercept[q];
            }
        }
        st.put("dual_coef_", new F8(new int[] {k - 1, l}, pub));
        st.put("intercept_", new F8(new int[] {intercept.length}, intercept));
        st.put("_probA", new F8(new int[] {m.probA().length}, m.probA()));
        st.put("_probB", new F8(new int[] {m.probB().length}, m.probB()));
        st.put("fit_status_", m.fitStatus());
        st.put("_num_iter", new Ints("i4", new int[] {m.nIter().length}, longs(m.nIter())));
        int rows = precomputed ? d : 0;
        for (int s : support) {
            rows = Math.max(rows, s + 1);
        }
        st.put("shape_fit_", new Tup(List.of(rows, d)));
        st.put("_intercept_", new F8(new int[] {libIntercept.length}, libIntercept));
        st.put("_dual_coef_", new F8(new int[] {k - 1, l}, lib));
        st.put("n_iter_", new Ints("i4", new int[] {m.nIter().length}, longs(m.nIter())));
        st.put("_sklearn_version", SKLEARN_VERSION);
        return new Obj("sklearn.svm._classes", cls, st);
    }

    /** SVR, NuSVR and OneClassSVM: libsvm's one-output models, whose arrays scikit-learn does not sign-flip. */
    private static Obj single(String cls, SingleOutputState m, Kernel kernel, int degree, Gamma gamma, double coef0, double tol,
                              double cValue, double nu, double epsilon, boolean shrinking, double cacheSize, int maxIter,
                              List<String> features) {
        refuseSparse(m.sparse(), cls);
        int d = m.nFeatures();
        int[] support = m.support();
        int l = support.length;
        boolean precomputed = kernel.equals(Kernel.PRECOMPUTED);
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("kernel", kernel.pyName());
        st.put("degree", degree);
        st.put("gamma", gamma instanceof Gamma.Value v ? (Object) v.value() : gamma.toString());
        st.put("coef0", coef0);
        st.put("tol", tol);
        st.put("C", cValue);
        st.put("nu", nu);
        st.put("epsilon", epsilon);
        st.put("shrinking", shrinking);
        st.put("probability", false);
        st.put("cache_size", cacheSize);
        st.put("class_weight", null);
        st.put("verbose", false);
        st.put("max_iter", maxIter);
        st.put("random_state", null);
        st.put("_sparse", false);
        if (!features.isEmpty()) {
            st.put("feature_names_in_", new Strs(features));
        }
        st.put("n_features_in_", d);
        st.put("_gamma", m.gamma());
        st.put("support_", new Ints("i4", new int[] {l}, longs(support)));
        st.put("support_vectors_", new F8(precomputed ? new int[] {0, 0} : new int[] {l, d}, m.supportVectors().toFlatArray()));
        // scikit-learn's libsvm wrapper stores [n_SV, n_SV] for the one-output models and hands it to predict
        st.put("_n_support", new Ints("i4", new int[] {2}, new long[] {l, l}));
        st.put("dual_coef_", new F8(new int[] {1, l}, m.dualCoef()));
        st.put("intercept_", new F8(new int[] {1}, new double[] {m.intercept()}));
        st.put("_probA", new F8(new int[] {0}, new double[0]));
        st.put("_probB", new F8(new int[] {0}, new double[0]));
        st.put("fit_status_", m.fitStatus());
        st.put("_num_iter", new Ints("i4", new int[] {1}, new long[] {m.nIter()}));
        int rows = precomputed ? d : 0;
        for (int s : support) {
            rows = Math.max(rows, s + 1);
        }
        st.put("shape_fit_", new Tup(List.of(rows, d)));
        st.put("_intercept_", new F8(new int[] {1}, new double[] {m.intercept()}));
        st.put("_dual_coef_", new F8(new int[] {1, l}, m.dualCoef()));
        st.put("n_iter_", m.nIter());
        if (cls.equals("OneClassSVM")) {
            st.put("offset_", new F8(new int[] {1}, new double[] {-m.intercept()}));
        }
        st.put("_sklearn_version", SKLEARN_VERSION);
        return new Obj("sklearn.svm._classes", cls, st);
    }

    private static Obj linearSvc(LinearSVCModel m, List<String> classNames, List<String> features) {
        LinearSVC p = m.params();
        int[] classes = m.classes();
        int k = classes.length;
        int d = m.nFeatures();
        double[][] coef = m.coef();
        double[] flat = new double[coef.length * d];
        for (int r = 0; r < coef.length; r++) {
            System.arraycopy(coef[r], 0, flat, r * d, d);
        }
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("dual", p.dual());
        st.put("tol", p.tol());
        st.put("C", p.C());
        st.put("multi_class", p.multiClass());
        st.put("fit_intercept", p.fitIntercept());
        st.put("intercept_scaling", p.interceptScaling());
        st.put("class_weight", classWeight(p.classWeight(), classNames));
        st.put("verbose", 0);
        st.put("random_state", p.randomState());
        st.put("max_iter", p.maxIter());
        st.put("penalty", p.penalty());
        st.put("loss", p.loss());
        if (!features.isEmpty()) {
            st.put("feature_names_in_", new Strs(features));
        }
        st.put("n_features_in_", d);
        st.put("classes_", classNames.isEmpty() ? new Ints("i8", new int[] {k}, longs(classes)) : new Strs(classNames));
        st.put("coef_", new F8(new int[] {coef.length, d}, flat));
        st.put("intercept_", p.fitIntercept() ? new F8(new int[] {coef.length}, m.intercept()) : (Object) 0.0);
        st.put("n_iter_", m.nIter());
        st.put("_sklearn_version", SKLEARN_VERSION);
        return new Obj("sklearn.svm._classes", "LinearSVC", st);
    }

    private static Obj linearSvr(LinearSVRModel m, List<String> features) {
        LinearSVR p = m.params();
        int d = m.nFeatures();
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("tol", p.tol());
        st.put("C", p.C());
        st.put("epsilon", p.epsilon());
        st.put("fit_intercept", p.fitIntercept());
        st.put("intercept_scaling", p.interceptScaling());
        st.put("verbose", 0);
        st.put("random_state", p.randomState());
        st.put("max_iter", p.maxIter());
        st.put("dual", p.dual());
        st.put("loss", p.loss());
        if (!features.isEmpty()) {
            st.put("feature_names_in_", new Strs(features));
        }
        st.put("n_features_in_", d);
        st.put("coef_", new F8(new int[] {d}, m.coef()));
        st.put("intercept_", p.fitIntercept() ? new F8(new int[] {1}, new double[] {m.intercept()}) : (Object) 0.0);
        st.put("n_iter_", m.nIter());
        st.put("_sklearn_version", SKLEARN_VERSION);
        return new Obj("sklearn.svm._classes", "LinearSVR", st);
    }

    /**
     * A model fitted on sparse input predicts through libsvm's sparse path; scikit-learn would take the exported
     * dense support vectors through its dense path (other last bits), and Petal does not write scipy matrices.
     */
    private static void refuseSparse(boolean sparse, String cls) {
        if (sparse) {
            throw new IllegalArgumentException("joblib export writes models fitted on dense input; this " + cls
                    + " was fitted on sparse (svmlight/CSR) input, which scikit-learn keeps as scipy.sparse matrices. "
                    + "Fit it on dense input (or export to ONNX) instead.");
        }
    }

    private static Object classWeight(ClassWeight cw, List<String> names) {
        if (cw instanceof ClassWeight.Balanced) {
            return "balanced";
        }
        if (cw instanceof ClassWeight.PerClass pc) {
            Map<Object, Object> m = new LinkedHashMap<>();
            pc.weights().forEach((label, w) -> m.put(names.isEmpty() ? (Object) (long) label : names.get(label), w));
            return m;
        }
        return null;
    }

    private static long[] longs(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
