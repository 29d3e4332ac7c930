package dev.petal.serving;

import dev.petal.api.DecisionClassifier;
import dev.petal.io.ModelFormatException;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import dev.petal.pipeline.PipelineModel;
import dev.petal.registry.Model;
import dev.petal.registry.ModelRef;
import dev.petal.registry.Registry;
import dev.petal.tracking.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where a served model comes from: a {@code .petal} model file, or a registered model
 * ({@code NAME}, {@code NAME:VERSION}, {@code NAME@ALIAS}) of a workspace's registry.
 */
public final class ModelSource {
    private ModelSource() {
    }

    /** The classifier in {@code file}, served under the file's base name (model.petal gives model), without a version. */
    public static ServedModel fromFile(Path file) throws IOException {
        return fromFile(file, nameOf(file), "");
    }

    /** The classifier in {@code file}, served under {@code name} and {@code version}, with the file's feature and class names. */
    public static ServedModel fromFile(Path file, String name, String version) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ModelFormatException(file + " is a folder, not a model file; give the .petal file inside it.");
        }
        LoadedModel loaded = ModelIO.load(file);
        if (loaded.isRegressor()) {
            String est = estimatorName(loaded.model());
            return new ServedModel(name, version, est, new NumericModels.RegressorView(loaded.asRegressor(), est),
                    loaded.metadata().featureNames(), List.of());
        }
        if (loaded.model() instanceof dev.petal.api.OutlierDetector oc) {
            return new ServedModel(name, version, estimatorName(oc), new NumericModels.OneClassView(oc),
                    loaded.metadata().featureNames(), List.of());
        }
        if (!loaded.isClassifier()) {
            throw new ModelFormatException(loaded.source() + " holds a " + loaded.type().id()
                    + ", which cannot predict; serve a model file that holds a classifier (an svc or a pipeline).");
        }
        DecisionClassifier classifier = loaded.asClassifier();
        return new ServedModel(name, version, estimatorName(loaded.model()), classifier,
                loaded.metadata().featureNames(), loaded.metadata().classNames());
    }

    /** The registered model version {@code ref} points to, served under its registered name and version. */
    public static ServedModel fromRegistry(Registry registry, ModelRef ref) throws IOException {
        return fromRegistered(registry.get(ref));
    }

    /** A registered model version, served under its name and version (as Azure's {@code Model.deploy} does). */
    public static ServedModel fromRegistered(Model model) throws IOException {
        return fromFile(modelFile(model), model.name(), Integer.toString(model.version()));
    }

    /**
     * What {@code petal serve --model} takes: an existing file, or a path ending in {@code .petal},
     * is a model file; anything else is a registry reference resolved in the workspace that
     * {@code workspace} supplies (asked for only then, so serving a file never creates a workspace).
     */
    public static ServedModel resolve(String spec, Supplier<Workspace> workspace) throws IOException {
        Path asPath = pathOrNull(spec);
        if (asPath != null && spec.toLowerCase(Locale.ROOT).endsWith(".petal") && !Files.exists(asPath)) {
            throw new java.nio.file.NoSuchFileException(asPath + " does not exist; give an existing .petal file or a registered model NAME[:VERSION].");
        }
        dev.petal.registry.ModelLocator.Located at = dev.petal.registry.ModelLocator.locate(spec, workspace);
        return at.registered().isPresent() ? fromRegistered(at.registered().get()) : fromFile(at.file());
    }

    /** The model file of a registered version: the file itself, or the single .petal file of a registered folder. */
    static Path modelFile(Model model) throws IOException {
        Path path = model.path();
        if (!Files.isDirectory(path)) {
            return path;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(path)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".petal")).sorted().toList();
        }
        if (files.size() != 1) {
            throw new ModelFormatException("registered model " + model.ref() + " is a folder with " + files.size()
                    + " .petal files; a served model needs exactly one.");
        }
        return files.get(0);
    }

    /** The estimator named in scikit-learn's messages: a pipeline answers for its first step (StandardScaler), as scikit-learn's does. */
    static String estimatorName(Object model) {
        Object first = model;
        if (model instanceof PipelineModel p) {
            first = p.transforms().isEmpty() ? p.classifier() : p.transforms().get(0);
        } else if (model instanceof dev.petal.pipeline.RegressorPipelineModel p) {
            first = p.transforms().isEmpty() ? p.regressor() : p.transforms().get(0);
        } else if (model instanceof dev.petal.pipeline.OneClassPipelineModel p) {
            first = p.transforms().isEmpty() ? p.oneClass() : p.transforms().get(0);
        }
        return typeName(first);
    }

    /** A model class's name without the "Model" suffix: {@code SVCModel} gives {@code SVC}. */
    static String typeName(Object model) {
        if (model instanceof NumericModels.RegressorView r) {
            return r.toString();
        }
        if (model instanceof NumericModels.OneClassView) {
            return "OneClassSVM";
        }
        String simple = model.getClass().getSimpleName();
        return simple.endsWith("Model") && simple.length() > 5 ? simple.substring(0, simple.length() - 5) : simple;
    }

    /** A served-model name from a file name: the base name with characters outside [A-Za-z0-9._-] replaced by '-'. */
    static String nameOf(Path file) {
        String base = file.getFileName() == null ? "model" : file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String clean = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[._-]+", "");
        if (clean.isEmpty()) {
            return "model";
        }
        return clean.length() > 128 ? clean.substring(0, 128) : clean;
    }

    private static Path pathOrNull(String spec) {
        try {
            return Path.of(spec);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
