package dev.petal.modelio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Classifier;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Provenance;
import dev.petal.api.Regressor;
import dev.petal.api.Transformer;
import dev.petal.io.JsonSection;
import dev.petal.io.ModelArchive;
import dev.petal.io.ModelFormatException;
import dev.petal.io.NpyArray;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVRModel;
import dev.petal.pipeline.OneClassPipelineModel;
import dev.petal.pipeline.PipelineModel;
import dev.petal.pipeline.RegressorPipelineModel;
import dev.petal.preprocessing.StandardScalerModel;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVRModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The dispatch over the closed list of {@link ModelType}s. A step object in {@code petal.json} (the
 * root, or one entry of a pipeline's {@code steps}) holds {@code model_type}, {@code n_features},
 * {@code classes} (classifiers only), {@code provenance} and the type's own {@code model} object;
 * its arrays are named with the step's prefix ({@code ""} at the root, {@code step0_}, ... in a pipeline).
 */
final class Codecs {
    static final int MAX_FEATURES = 1 << 24;
    static final int MAX_CLASSES = 1 << 16;
    private static final int MAX_STEPS = 64;

    /** A step read from a file. */
    record Step(ModelType type, Object model, int nFeatures, int[] classes, Provenance provenance) {
    }

    private Codecs() {
    }

    /**
     * One codec per model type (the pipeline, which nests steps, is handled here). A new estimator adds
     * its {@link ModelType} and one line to this list.
     */
    private static final List<ModelCodec<?>> CODECS = List.of(
            new ModelCodec<>(ModelType.SVC, SVCModel.class, SVCModel::provenance, SVCModel::nFeatures, SvcCodec::write,
                    SvcCodec::read),
            new ModelCodec<>(ModelType.LINEAR_SVC, LinearSVCModel.class, LinearSVCModel::provenance, LinearSVCModel::nFeatures,
                    LinearCodec::writeSvc, LinearCodec::readSvc),
            new ModelCodec<>(ModelType.LINEAR_SVR, LinearSVRModel.class, LinearSVRModel::provenance, LinearSVRModel::nFeatures,
                    LinearCodec::writeSvr, (body, a, prefix, nFeatures, classes, p) -> LinearCodec.readSvr(body, a, prefix, nFeatures, p)),
            new ModelCodec<>(ModelType.NU_SVC, NuSVCModel.class, NuSVCModel::provenance, NuSVCModel::nFeatures,
                    FamilyCodec::writeNuSvc, FamilyCodec::readNuSvc),
            new ModelCodec<>(ModelType.SVR, SVRModel.class, SVRModel::provenance, SVRModel::nFeatures,
                    FamilyCodec::writeSvr, FamilyCodec::readSvr),
            new ModelCodec<>(ModelType.NU_SVR, NuSVRModel.class, NuSVRModel::provenance, NuSVRModel::nFeatures,
                    FamilyCodec::writeNuSvr, FamilyCodec::readNuSvr),
            new ModelCodec<>(ModelType.ONE_CLASS_SVM, OneClassSVMModel.class, OneClassSVMModel::provenance,
                    OneClassSVMModel::nFeatures, FamilyCodec::writeOneClass, FamilyCodec::readOneClass),
            new ModelCodec<>(ModelType.STANDARD_SCALER, StandardScalerModel.class, StandardScalerModel::provenance,
                    StandardScalerModel::nFeatures, ScalerCodec::write,
                    (body, a, prefix, nFeatures, classes, p) -> ScalerCodec.read(body, a, prefix, nFeatures, p)));

    private static ModelCodec<?> codecFor(ModelType type) {
        for (ModelCodec<?> c : CODECS) {
            if (c.type() == type) {
                return c;
            }
        }
        throw new IllegalStateException("no codec for model type " + type.id());
    }

    /** The type of {@code model}; refuses models Petal cannot save. */
    static ModelType typeOf(Object model) {
        if (model instanceof PipelineModel || model instanceof RegressorPipelineModel
                || model instanceof OneClassPipelineModel) {
            return ModelType.PIPELINE;
        }
        for (ModelCodec<?> c : CODECS) {
            if (c.modelClass().isInstance(model)) {
                return c.type();
            }
        }
        throw new IllegalArgumentException("Petal cannot save a " + (model == null ? "null" : model.getClass().getName())
                + "; model files hold one of " + ModelType.ids() + ".");
    }

    static void writeStep(Object model, ObjectNode node, Map<String, NpyArray> arrays, String prefix, boolean top) {
        ModelType type = typeOf(model);
        node.put("model_type", type.id());
        node.put("n_features", nFeaturesOf(model));
        if (model instanceof Classifier c) {
            ArrayNode classes = node.putArray("classes");
            for (int k : c.classes()) {
                classes.add(k);
            }
        }
        ObjectNode body = ModelArchive.newObject();
        if (type == ModelType.PIPELINE) {
            if (!top) {
                throw new IllegalArgumentException("a pipeline step cannot itself be a pipeline in a Petal model file.");
            }
            List<Object> all;
            if (model instanceof PipelineModel m) {
                ProvenanceJson.write(node.putObject("provenance"), m.provenance());
                all = new ArrayList<>(m.transforms());
                all.add(m.classifier());
            } else if (model instanceof RegressorPipelineModel m) {
                ProvenanceJson.write(node.putObject("provenance"), m.provenance());
                all = new ArrayList<>(m.transforms());
                all.add(m.regressor());
            } else {
                OneClassPipelineModel m = (OneClassPipelineModel) model;
                ProvenanceJson.write(node.putObject("provenance"), m.provenance());
                all = new ArrayList<>(m.transforms());
                all.add(m.oneClass());
            }
            ArrayNode steps = body.putArray("steps");
            for (int i = 0; i < all.size(); i++) {
                writeStep(all.get(i), steps.addObject(), arrays, "step" + i + "_", false);
            }
        } else {
            ModelCodec<?> codec = codecFor(type);
            ProvenanceJson.write(node.putObject("provenance"), codec.provenanceOf(model));
            codec.write(model, body, arrays, prefix);
        }
        node.set("model", body);
    }

    /** Reads a step; the caller calls {@code s.finish()} once it has read its own extra fields. */
    static Step readStep(JsonSection s, ModelArchive a, String prefix, boolean top) throws ModelFormatException {
        ModelType type = ModelType.ofId(s.choice("model_type", ModelType.ids()));
        int nFeatures = s.integer("n_features", 1, MAX_FEATURES);
        int[] classes = null;
        // a pipeline carries classes when its last step is a classifier (regressor and one-class pipelines do not)
        if (type.isClassifier() && (type != ModelType.PIPELINE || s.has("classes"))) {
            classes = s.integers("classes", MAX_CLASSES);
            for (int i = 1; i < classes.length; i++) {
                if (classes[i] <= classes[i - 1]) {
                    throw s.fail("classes", "must be strictly increasing");
                }
            }
        }
        Provenance provenance = ProvenanceJson.read(s.section("provenance"));
        JsonSection body = s.section("model");
        Object model;
        try {
            if (type == ModelType.PIPELINE) {
                if (!top) {
                    throw a.fail("a pipeline step is itself a pipeline, which Petal does not write.");
                }
                model = readPipeline(body, a, provenance);
            } else {
                model = codecFor(type).reader().read(body, a, prefix, nFeatures, classes, provenance);
            }
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(a.label() + " holds an invalid " + type.id() + ": " + e.getMessage());
        }
        body.finish();
        int actualFeatures = nFeaturesOf(model);
        if (actualFeatures != nFeatures) {
            throw s.fail("n_features", "is " + nFeatures + ", but the " + type.id() + " expects " + actualFeatures);
        }
        if (classes == null && model instanceof Classifier) {
            throw s.fail("classes", "is missing for a pipeline that ends in a classifier");
        }
        if (classes != null && !(model instanceof Classifier)) {
            throw s.fail("classes", "is given for a pipeline that does not end in a classifier");
        }
        if (classes != null && !Arrays.equals(classes, ((Classifier) model).classes())) {
            throw s.fail("classes", "does not match the classes of the " + type.id());
        }
        return new Step(type, model, nFeatures, classes, provenance);
    }

    private static int nFeaturesOf(Object model) {
        if (model instanceof PipelineModel m) {
            return m.nFeatures();
        }
        if (model instanceof RegressorPipelineModel m) {
            return m.nFeatures();
        }
        if (model instanceof OneClassPipelineModel m) {
            return m.nFeatures();
        }
        return codecFor(typeOf(model)).nFeaturesOf(model);
    }

    /** A pipeline: transforms, then a classifier, a regressor or a one-class SVM as the last step. */
    private static Object readPipeline(JsonSection body, ModelArchive a, Provenance provenance)
            throws ModelFormatException {
        List<JsonSection> steps = body.sections("steps", MAX_STEPS);
        if (steps.isEmpty()) {
            throw body.fail("steps", "must hold at least the final estimator");
        }
        List<Transformer> transforms = new ArrayList<>();
        Object last = null;
        for (int i = 0; i < steps.size(); i++) {
            boolean isLast = i == steps.size() - 1;
            ModelType t = ModelType.ofId(steps.get(i).choice("model_type", ModelType.ids()));
            boolean transform = t == ModelType.STANDARD_SCALER;
            if (isLast ? transform || t == ModelType.PIPELINE : !transform) {
                throw a.fail("pipeline step " + i + " is a " + t.id() + (isLast
                        ? ", but the last step must be a classifier, a regressor or a one-class SVM."
                        : ", but every step before the last must be a transformer."));
            }
            Step st = readStep(steps.get(i), a, "step" + i + "_", false);
            steps.get(i).finish();
            if (isLast) {
                last = st.model();
            } else {
                transforms.add((Transformer) st.model());
            }
        }
        if (last instanceof DecisionClassifier c) {
            return PipelineModel.of(transforms, c, provenance);
        }
        if (last instanceof Regressor r) {
            return RegressorPipelineModel.of(transforms, r, provenance);
        }
        return OneClassPipelineModel.of(transforms, (OneClassSVMModel) last, provenance);
    }
}
