package dev.petal.modelio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Provenance;
import dev.petal.io.JsonSection;
import dev.petal.io.ModelArchive;
import dev.petal.io.ModelFormatException;
import dev.petal.io.NpyArray;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * How one {@link ModelType} is written to and read from a model file: its {@code model} object in
 * {@code petal.json} and its arrays. {@link Codecs} keeps one per type in a registry, so a new estimator
 * adds a type to {@link ModelType} and a codec to the registry, and no dispatch code changes.
 *
 * @param type        the model type
 * @param modelClass  the fitted model's class
 * @param provenance  the model's provenance
 * @param nFeatures   the number of features the model expects
 * @param writer      writes the {@code model} object and the arrays (names prefixed by the step's prefix)
 * @param reader      reads them back, validating everything
 * @param <M>         the fitted model type
 */
record ModelCodec<M>(ModelType type, Class<M> modelClass, Function<M, Provenance> provenance, ToIntFunction<M> nFeatures,
                     Writer<M> writer, Reader<M> reader) {
    ModelCodec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(modelClass, "modelClass");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(nFeatures, "nFeatures");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(reader, "reader");
    }

    /** Writes a model's own part of a step. */
    interface Writer<M> {
        void write(M model, ObjectNode body, Map<String, NpyArray> arrays, String prefix);
    }

    /** Reads a model's own part of a step; {@code classes} is null for a type that is not a classifier. */
    interface Reader<M> {
        M read(JsonSection body, ModelArchive a, String prefix, int nFeatures, int[] classes, Provenance provenance)
                throws ModelFormatException;
    }

    /** Writes {@code model}, which must be a {@link #modelClass}. */
    void write(Object model, ObjectNode body, Map<String, NpyArray> arrays, String prefix) {
        writer.write(modelClass.cast(model), body, arrays, prefix);
    }

    /** The provenance of {@code model}, which must be a {@link #modelClass}. */
    Provenance provenanceOf(Object model) {
        return provenance.apply(modelClass.cast(model));
    }

    /** The feature count of {@code model}, which must be a {@link #modelClass}. */
    int nFeaturesOf(Object model) {
        return nFeatures.applyAsInt(modelClass.cast(model));
    }
}
