package dev.petal.modelio;

import java.util.ArrayList;
import java.util.List;

/** The closed list of model types a Petal model file can hold, with the id written as {@code model_type}. */
public enum ModelType {
    /** A fitted {@code dev.petal.svm.SVCModel}. */
    SVC("svc", true),
    /** A fitted {@code dev.petal.preprocessing.StandardScalerModel}. */
    STANDARD_SCALER("standard_scaler", false),
    /** A fitted {@code dev.petal.pipeline.PipelineModel}: transforms then a final classifier. */
    PIPELINE("pipeline", true),
    /** A fitted {@code dev.petal.linear.LinearSVCModel}. */
    LINEAR_SVC("linear_svc", true),
    /** A fitted {@code dev.petal.linear.LinearSVRModel}. */
    LINEAR_SVR("linear_svr", false, true),
    /** A fitted {@code dev.petal.svm.NuSVCModel}. */
    NU_SVC("nu_svc", true),
    /** A fitted {@code dev.petal.svm.SVRModel}. */
    SVR("svr", false, true),
    /** A fitted {@code dev.petal.svm.NuSVRModel}. */
    NU_SVR("nu_svr", false, true),
    /** A fitted {@code dev.petal.svm.OneClassSVMModel}: predicts +1 (inlier) or -1 (outlier); neither classifier nor regressor. */
    ONE_CLASS_SVM("one_class_svm", false, false);

    private final String id;
    private final boolean classifier;
    private final boolean regressor;

    ModelType(String id, boolean classifier) {
        this(id, classifier, false);
    }

    ModelType(String id, boolean classifier, boolean regressor) {
        this.id = id;
        this.classifier = classifier;
        this.regressor = regressor;
    }

    /** Whether models of this type are regressors (they predict numbers and carry no {@code classes}). */
    public boolean isRegressor() {
        return regressor;
    }

    /** The id written in {@code petal.json}, e.g. {@code standard_scaler}. */
    public String id() {
        return id;
    }

    /** Whether models of this type are classifiers (and carry {@code classes}). */
    public boolean isClassifier() {
        return classifier;
    }

    /** Every id, in declaration order. */
    static List<String> ids() {
        List<String> out = new ArrayList<>();
        for (ModelType t : values()) {
            out.add(t.id);
        }
        return out;
    }

    /** The type with {@code id}; the id must be one of {@link #ids()}. */
    static ModelType ofId(String id) {
        for (ModelType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown model type " + id);
    }
}
