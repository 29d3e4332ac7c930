package dev.petal.interop;

import dev.petal.api.Transformer;
import dev.petal.api.Version;
import dev.petal.io.AtomicFile;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVRModel;
import dev.petal.modelio.ModelMetadata;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScalerModel;
import dev.petal.svm.DecisionShape;
import dev.petal.svm.Kernel;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVCState;
import dev.petal.svm.SVRModel;
import dev.petal.svm.SingleOutputState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a fitted Petal model as an ONNX graph of ai.onnx.ml operators (IR version 8, opsets
 * ai.onnx 17 and ai.onnx.ml 3): an {@code SVC} or {@code NuSVC} as one {@code SVMClassifier}, an
 * {@code SVR}, {@code NuSVR} or {@code OneClassSVM} as an {@code SVMRegressor} (output {@code variable},
 * [N, 1]: the prediction, or 1 / -1 for a OneClassSVM), a {@code LinearSVC} as a
 * {@code LinearClassifier} (outputs {@code label} and {@code scores}, the decision values), a
 * {@code LinearSVR} as a {@code LinearRegressor} (output {@code variable}, [N, 1]), a
 * {@code StandardScaler} as one {@code Scaler}, a {@code Pipeline} as its scalers followed by the classifier.
 *
 * <p>The graph's input is {@code X}, float [N, n_features]. A classifier has the outputs {@code label}
 * ([N], int64, or string when the model has class names) and {@code probabilities} ([N, n_classes],
 * float, Platt scaling and pairwise coupling, when fitted with probability=true) or else {@code scores}
 * (libsvm's pairwise decision values, float; for two classes ONNX Runtime writes [-d, d]). A scaler's
 * output is {@code variable}, float [N, n_features]. The SVC's arrays are written in libsvm's order
 * and signs (support vectors grouped by class, {@code coefficients} = libsvm's sv_coef, {@code rho} =
 * scikit-learn's {@code _intercept_}), so labels come from libsvm's one-vs-one votes. ONNX computes
 * in float32, so a label can differ only where a pairwise decision value is within float rounding of 0.
 */
public final class OnnxExport {
    private OnnxExport() {
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void write(Path path, Object model, ModelMetadata metadata) throws IOException {
        AtomicFile.write(path, toBytes(model, metadata));
    }

    /**
     * The ONNX bytes of {@code model}.
     *
     * @throws IllegalArgumentException if the model (or a setting of it) has no faithful ONNX form
     */
    public static byte[] toBytes(Object model, ModelMetadata metadata) {
        List<Protobuf> nodes = new ArrayList<>();
        List<Protobuf> outputs = new ArrayList<>();
        String x = "X";
        int nFeatures;
        if (model instanceof SVCModel svc) {
            nFeatures = svc.nFeatures();
            classifier(svc.state(), metadata, x, nodes, outputs);
        } else if (model instanceof NuSVCModel nu) {
            nFeatures = nu.nFeatures();
            classifier(nu.state(), metadata, x, nodes, outputs);
        } else if (model instanceof SVRModel m) {
            nFeatures = m.nFeatures();
            regressor(m.state(), m.params().kernel(), m.params().degree(), m.params().coef0(), false, x, nodes, outputs);
        } else if (model instanceof NuSVRModel m) {
            nFeatures = m.nFeatures();
            regressor(m.state(), m.params().kernel(), m.params().degree(), m.params().coef0(), false, x, nodes, outputs);
        } else if (model instanceof OneClassSVMModel m) {
            nFeatures = m.nFeatures();
            regressor(m.state(), m.params().kernel(), m.params().degree(), m.params().coef0(), true, x, nodes, outputs);
        } else if (model instanceof LinearSVCModel lin) {
            nFeatures = lin.nFeatures();
            linearClassifier(lin, metadata, x, nodes, outputs);
        } else if (model instanceof LinearSVRModel lin) {
            nFeatures = lin.nFeatures();
            double[] coef = lin.coef();
            nodes.add(Onnx.node("LinearRegressor", "linearsvr", List.of(x), List.of("variable"),
                    List.of(Onnx.floats("coefficients", toFloat(coef)),
                            Onnx.floats("intercepts", new float[] {(float) lin.intercept()}),
                            Onnx.integer("targets", 1))));
            outputs.add(Onnx.value("variable", Onnx.FLOAT, -1, 1));
        } else if (model instanceof StandardScalerModel s) {
            nFeatures = s.nFeatures();
            nodes.add(scaler(s, x, "variable", 0));
            outputs.add(Onnx.value("variable", Onnx.FLOAT, -1, nFeatures));
        } else if (model instanceof PipelineModel p) {
            nFeatures = p.nFeatures();
            int i = 0;
            for (Transformer t : p.transforms()) {
                if (!(t instanceof StandardScalerModel s)) {
                    throw new IllegalArgumentException("ONNX export handles pipelines of StandardScalers and an SVC; step "
                            + i + " is a " + t.getClass().getSimpleName() + ".");
                }
                String out = "scaled" + i;
                nodes.add(scaler(s, x, out, i));
                x = out;
                i++;
            }
            if (p.classifier() instanceof SVCModel svc) {
                classifier(svc.state(), metadata, x, nodes, outputs);
            } else if (p.classifier() instanceof NuSVCModel nu) {
                classifier(nu.state(), metadata, x, nodes, outputs);
            } else if (p.classifier() instanceof LinearSVCModel lin) {
                linearClassifier(lin, metadata, x, nodes, outputs);
            } else {
                throw new IllegalArgumentException("ONNX export handles pipelines ending in an SVC or a LinearSVC; this one "
                        + "ends in a " + p.classifier().getClass().getSimpleName() + ".");
            }
        } else {
            throw new IllegalArgumentException("Petal cannot export a " + (model == null ? "null" : model.getClass().getSimpleName())
                    + " to ONNX; it exports an SVC, a StandardScaler or a Pipeline of them.");
        }
        return Onnx.model("petal", nodes, Onnx.value("X", Onnx.FLOAT, -1, nFeatures), outputs, Version.petal(),
                "Exported by Petal " + Version.petal());
    }

    private static Protobuf scaler(StandardScalerModel s, String in, String out, int i) {
        int d = s.nFeatures();
        float[] offset = new float[d];
        float[] scale = new float[d];
        double[] mean = s.mean().orElse(null);
        double[] sd = s.scale().orElse(null);
        for (int j = 0; j < d; j++) {
            offset[j] = s.params().withMean() ? (float) mean[j] : 0f;
            scale[j] = sd == null ? 1f : (float) (1.0 / sd[j]);
        }
        return Onnx.node("Scaler", "scaler" + i, List.of(in), List.of(out),
                List.of(Onnx.floats("offset", offset), Onnx.floats("scale", scale)));
    }

    /**
     * SVR, NuSVR and OneClassSVM as an SVMRegressor: one coefficient per support vector and rho =
     * scikit-learn's intercept_, so the output is libsvm's decision value (a OneClassSVM, with
     * one_class=1, outputs its sign as 1 / -1, scikit-learn's predict).
     */
    private static void regressor(SingleOutputState m, Kernel kernel, int degree, double coef0, boolean oneClass, String in,
                                  List<Protobuf> nodes, List<Protobuf> outputs) {
        if (kernel.equals(Kernel.PRECOMPUTED)) {
            throw new IllegalArgumentException("a model with a precomputed kernel has no ONNX form (ONNX's SVMRegressor "
                    + "computes the kernel from support vectors).");
        }
        List<Protobuf> attrs = new ArrayList<>();
        attrs.add(Onnx.floats("coefficients", toFloat(m.dualCoef())));
        attrs.add(Onnx.floats("kernel_params", new float[] {(float) m.gamma(), (float) coef0, degree}));
        attrs.add(Onnx.string("kernel_type", kernel.pyName().toUpperCase(java.util.Locale.ROOT)));
        attrs.add(Onnx.integer("n_supports", m.support().length));
        attrs.add(Onnx.integer("one_class", oneClass ? 1 : 0));
        attrs.add(Onnx.string("post_transform", "NONE"));
        attrs.add(Onnx.floats("rho", new float[] {(float) m.intercept()}));
        attrs.add(Onnx.floats("support_vectors", toFloat(m.supportVectors().toFlatArray())));
        nodes.add(Onnx.node("SVMRegressor", oneClass ? "oneclasssvm" : "svr", List.of(in), List.of("variable"), attrs));
        outputs.add(Onnx.value("variable", Onnx.FLOAT, -1, 1));
    }

    private static void classifier(SVCState m, ModelMetadata metadata, String in, List<Protobuf> nodes,
                                   List<Protobuf> outputs) {
        Kernel kernel = m.params().kernel();
        if (kernel.equals(Kernel.PRECOMPUTED)) {
            throw new IllegalArgumentException("an SVC with a precomputed kernel has no ONNX form (ONNX's SVMClassifier "
                    + "computes the kernel from support vectors).");
        }
        int k = m.classes().length;
        if (m.params().breakTies() && m.params().decisionFunctionShape() == DecisionShape.OVR && k > 2) {
            throw new IllegalArgumentException("an SVC with break_ties=True predicts by the 'ovr' decision function, "
                    + "which ONNX's SVMClassifier (one-vs-one votes) cannot reproduce; refit with break_ties=False to export.");
        }
        int d = m.nFeatures();
        int l = m.support().length;
        boolean binary = k == 2;
        double[][] dual = m.dualCoef();
        float[] coef = new float[(k - 1) * l];
        for (int r = 0; r < k - 1; r++) {
            for (int i = 0; i < l; i++) {
                coef[r * l + i] = (float) (binary ? -dual[r][i] : dual[r][i]);
            }
        }
        double[] intercept = m.intercept();
        float[] rho = new float[intercept.length];
        for (int q = 0; q < rho.length; q++) {
            rho[q] = (float) (binary ? -intercept[q] : intercept[q]);
        }
        double[] svFlat = m.supportVectors().toFlatArray();
        float[] sv = new float[svFlat.length];
        for (int i = 0; i < sv.length; i++) {
            sv[i] = (float) svFlat[i];
        }
        int[] nSupport = m.nSupport();
        long[] perClass = new long[k];
        for (int c = 0; c < k; c++) {
            perClass[c] = nSupport[c];
        }
        List<Protobuf> attrs = new ArrayList<>();
        attrs.add(Onnx.floats("coefficients", coef));
        attrs.add(Onnx.floats("kernel_params", new float[] {(float) m.gamma(), (float) m.params().coef0(),
            m.params().degree()}));
        attrs.add(Onnx.string("kernel_type", kernel.pyName().toUpperCase(java.util.Locale.ROOT)));
        attrs.add(Onnx.string("post_transform", "NONE"));
        attrs.add(Onnx.floats("rho", rho));
        attrs.add(Onnx.floats("support_vectors", sv));
        attrs.add(Onnx.ints("vectors_per_class", perClass));
        boolean proba = m.probA().length > 0;
        if (proba) {
            attrs.add(Onnx.floats("prob_a", toFloat(m.probA())));
            attrs.add(Onnx.floats("prob_b", toFloat(m.probB())));
        }
        List<String> names = metadata.classNames();
        labels(m.classes(), names, attrs);
        String second = proba ? "probabilities" : "scores";
        nodes.add(Onnx.node("SVMClassifier", "svc", List.of(in), List.of("label", second), attrs));
        outputs.add(Onnx.value("label", names.isEmpty() ? Onnx.INT64 : Onnx.STRING, -1));
        outputs.add(Onnx.value(second, Onnx.FLOAT, -1, proba ? k : binary ? 2 : k * (k - 1) / 2));
        if (d < 1) {
            throw new IllegalStateException("an SVC without features");
        }
    }

    /** LinearSVC as a LinearClassifier: one row per class (one row, positive for classes[1], with two classes). */
    private static void linearClassifier(LinearSVCModel m, ModelMetadata metadata, String in, List<Protobuf> nodes,
                                         List<Protobuf> outputs) {
        double[][] coef = m.coef();
        int d = m.nFeatures();
        float[] w = new float[coef.length * d];
        for (int r = 0; r < coef.length; r++) {
            for (int j = 0; j < d; j++) {
                w[r * d + j] = (float) coef[r][j];
            }
        }
        List<Protobuf> attrs = new ArrayList<>();
        attrs.add(Onnx.floats("coefficients", w));
        attrs.add(Onnx.floats("intercepts", toFloat(m.intercept())));
        attrs.add(Onnx.integer("multi_class", 0));
        attrs.add(Onnx.string("post_transform", "NONE"));
        labels(m.classes(), metadata.classNames(), attrs);
        nodes.add(Onnx.node("LinearClassifier", "linearsvc", List.of(in), List.of("label", "scores"), attrs));
        int k = m.classes().length;
        outputs.add(Onnx.value("label", metadata.classNames().isEmpty() ? Onnx.INT64 : Onnx.STRING, -1));
        outputs.add(Onnx.value("scores", Onnx.FLOAT, -1, k));
    }

    private static void labels(int[] classes, List<String> names, List<Protobuf> attrs) {
        if (names.isEmpty()) {
            long[] labels = new long[classes.length];
            for (int c = 0; c < classes.length; c++) {
                labels[c] = classes[c];
            }
            attrs.add(Onnx.ints("classlabels_ints", labels));
        } else {
            attrs.add(Onnx.strings("classlabels_strings", names));
        }
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
