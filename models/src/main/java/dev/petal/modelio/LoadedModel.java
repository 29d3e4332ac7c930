package dev.petal.modelio;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Regressor;
import dev.petal.api.Provenance;
import dev.petal.api.Transformer;
import java.util.Objects;

/**
 * A model read from a Petal model file, with what the file says about it.
 *
 * @param source        the file as named in messages
 * @param formatVersion the format version the file was written with
 * @param type          the model type
 * @param model         the fitted model: a {@code StandardScalerModel}, a {@code PipelineModel}, ...
 * @param provenance    where the model came from
 * @param metadata      feature and class names, if the file records them
 */
public record LoadedModel(String source, int formatVersion, ModelType type, Object model, Provenance provenance,
                          ModelMetadata metadata) {
    /** Refuses null components. */
    public LoadedModel {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** Whether the model can predict. */
    public boolean isClassifier() {
        return model instanceof DecisionClassifier;
    }

    /** The model as a classifier; throws an {@link IllegalStateException} with a one-line message if it is not one. */
    public DecisionClassifier asClassifier() {
        if (model instanceof DecisionClassifier c) {
            return c;
        }
        throw new IllegalStateException(source + " holds a " + type.id() + ", which is not a classifier; "
                + "use a model file that holds an svc or a pipeline.");
    }

    /** Whether the model is a regressor (it predicts numbers). */
    public boolean isRegressor() {
        return model instanceof Regressor;
    }

    /** The model as a regressor; throws an {@link IllegalStateException} with a one-line message if it is not one. */
    public Regressor asRegressor() {
        if (model instanceof Regressor r) {
            return r;
        }
        throw new IllegalStateException(source + " holds a " + type.id() + ", which is not a regressor.");
    }

    /** The model as a transformer; throws an {@link IllegalStateException} if it is not one. */
    public Transformer asTransformer() {
        if (model instanceof Transformer t) {
            return t;
        }
        throw new IllegalStateException(source + " holds a " + type.id() + ", which is not a transformer.");
    }

    /** The model as {@code cls}, e.g. {@code model(PipelineModel.class)}; throws an {@link IllegalStateException} if it is another type. */
    public <T> T model(Class<T> cls) {
        if (cls.isInstance(model)) {
            return cls.cast(model);
        }
        throw new IllegalStateException(source + " holds a " + type.id() + ", not a " + cls.getSimpleName() + ".");
    }
}
