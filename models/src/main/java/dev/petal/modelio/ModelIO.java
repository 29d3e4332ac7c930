package dev.petal.modelio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Classifier;
import dev.petal.api.DecisionClassifier;
import dev.petal.io.ArchiveLimits;
import dev.petal.io.JsonSection;
import dev.petal.io.ModelArchive;
import dev.petal.io.ModelFormatException;
import dev.petal.io.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saves and loads fitted models as Petal model files, the safe replacement for
 * {@code joblib.dump(model, 'outputs/model.joblib')}.
 *
 * <p>{@code save} writes atomically: a failed save leaves no partial file and keeps the file that
 * was there. {@code load} treats the file as hostile and reads only the closed list of
 * {@link ModelType}s; every problem with the file is a {@link ModelFormatException} with a one-line
 * message (a missing or unreadable file is a plain {@link IOException}, also one line).
 */
public final class ModelIO {
    private ModelIO() {
    }

    /** Saves {@code model} (a StandardScalerModel, PipelineModel, ...) to {@code path}, without metadata. */
    public static void save(Path path, Object model) throws IOException {
        save(path, model, ModelMetadata.NONE);
    }

    /**
     * Saves {@code model} with feature and class names to {@code path}, atomically.
     *
     * @throws IllegalArgumentException if Petal cannot save this kind of model or the names do not fit it
     */
    public static void save(Path path, Object model, ModelMetadata metadata) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        ObjectNode header = header(model, metadata, arrays);
        ModelArchive.write(path, header, arrays, formatVersion(header));
    }

    /**
     * The format a header needs: 2 when a libsvm model fitted on sparse input (the root or a pipeline step) holds its
     * support vectors as CSR arrays, else 1, so every other file stays byte for byte what format 1 wrote.
     */
    private static int formatVersion(JsonNode step) {
        JsonNode body = step.path("model");
        boolean sparse = body.path("sparse").asBoolean(false);
        for (JsonNode s : body.path("steps")) {
            sparse |= formatVersion(s) > ModelArchive.BASE_FORMAT_VERSION;
        }
        return sparse ? 2 : ModelArchive.BASE_FORMAT_VERSION;
    }

    /** The bytes {@link #save} writes for {@code model}. */
    public static byte[] toBytes(Object model, ModelMetadata metadata) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        ObjectNode header = header(model, metadata, arrays);
        return ModelArchive.toBytes(header, arrays, formatVersion(header));
    }

    private static ObjectNode header(Object model, ModelMetadata metadata, Map<String, NpyArray> arrays) {
        ObjectNode root = ModelArchive.newObject();
        Codecs.writeStep(model, root, arrays, "", true);
        int nFeatures = root.get("n_features").asInt();
        if (!metadata.featureNames().isEmpty() && metadata.featureNames().size() != nFeatures) {
            throw new IllegalArgumentException("the model has " + nFeatures + " features, but "
                    + metadata.featureNames().size() + " feature names were given.");
        }
        if (!metadata.classNames().isEmpty()) {
            int nClasses = model instanceof Classifier c ? c.classes().length : 0;
            if (nClasses != metadata.classNames().size()) {
                throw new IllegalArgumentException("class names must name each of the model's " + nClasses
                        + " classes; got " + metadata.classNames().size() + " names.");
            }
        }
        ObjectNode out = ModelArchive.newObject();
        root.fieldNames().forEachRemaining(k -> {
            if (k.equals("provenance")) {
                putNames(out, "feature_names", metadata.featureNames());
                putNames(out, "class_names", metadata.classNames());
            }
            out.set(k, root.get(k));
        });
        return out;
    }

    private static void putNames(ObjectNode node, String key, List<String> names) {
        if (!names.isEmpty()) {
            ArrayNode a = node.putArray(key);
            names.forEach(a::add);
        }
    }

    /** Loads the model file at {@code path} with the default {@link ArchiveLimits}. */
    public static LoadedModel load(Path path) throws IOException {
        return load(path, ArchiveLimits.DEFAULT);
    }

    /** Loads the model file at {@code path} within {@code limits}. */
    public static LoadedModel load(Path path, ArchiveLimits limits) throws IOException {
        ModelArchive a = ModelArchive.read(path, limits);
        JsonSection root = a.header();
        Codecs.Step step = Codecs.readStep(root, a, "", true);
        List<String> features = root.has("feature_names")
                ? root.strings("feature_names", step.nFeatures(), ModelMetadata.MAX_NAME_CHARS) : List.of();
        List<String> classes = root.has("class_names")
                ? root.strings("class_names", Codecs.MAX_CLASSES, ModelMetadata.MAX_NAME_CHARS) : List.of();
        if (!features.isEmpty() && features.size() != step.nFeatures()) {
            throw root.fail("feature_names", "must name all " + step.nFeatures() + " features, got " + features.size());
        }
        if (!classes.isEmpty() && (step.classes() == null || classes.size() != step.classes().length)) {
            throw root.fail("class_names", "must name each class in classes");
        }
        if (Set.copyOf(features).size() != features.size()) {
            throw root.fail("feature_names", "must not repeat a name");
        }
        if (Set.copyOf(classes).size() != classes.size()) {
            throw root.fail("class_names", "must not repeat a name");
        }
        ModelMetadata metadata = new ModelMetadata(features, classes);
        root.finish();
        a.finish();
        return new LoadedModel(a.label(), a.formatVersion(), step.type(), step.model(), step.provenance(), metadata);
    }

    /**
     * Reads a scikit-learn 1.x model file ({@code joblib.dump}, uncompressed or zlib/gzip/bz2/lzma/xz, or
     * {@code pickle.dump}, protocols 2-5) holding an SVC, a StandardScaler or a Pipeline of StandardScalers
     * and an SVC. Nothing from the file is run; the model predicts exactly as the pickled one, and its
     * string class labels and {@code feature_names_in_} become the result's metadata. Every problem is a
     * {@link ModelFormatException} with a one-line message.
     */
    public static LoadedModel importSklearn(Path path) throws IOException {
        return dev.petal.interop.SklearnImport.read(path);
    }

    /** Loads a classifier (what {@code petal predict} and the scoring service need); one-line errors throughout. */
    public static DecisionClassifier loadClassifier(Path path) throws IOException {
        LoadedModel m = load(path);
        if (!m.isClassifier()) {
            throw new ModelFormatException(path + " holds a " + m.type().id()
                    + ", which cannot predict; use a model file that holds an svc or a pipeline.");
        }
        return m.asClassifier();
    }
}
