package dev.petal.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * scikit-learn 1.2.1's toy datasets with exactly its values ({@code load_iris()}, {@code load_wine()},
 * {@code load_breast_cancer()}, {@code load_digits()}), and labelled CSV files of your own.
 */
public final class Datasets {
    private static final Map<String, Dataset> CACHE = new ConcurrentHashMap<>();

    private Datasets() {
    }

    /** Iris: 150 samples, 4 features (cm), 3 classes setosa/versicolor/virginica; {@code load_iris()}. */
    public static Dataset iris() {
        return bundled("iris");
    }

    /** Wine: 178 samples, 13 chemical features, 3 cultivars; {@code load_wine()}. */
    public static Dataset wine() {
        return bundled("wine");
    }

    /** Breast cancer Wisconsin: 569 samples, 30 features, malignant (0) / benign (1); {@code load_breast_cancer()}. */
    public static Dataset breastCancer() {
        return bundled("breast_cancer");
    }

    /** Handwritten digits: 1797 8x8 images as 64 pixel features 0..16, classes 0-9; {@code load_digits()}. */
    public static Dataset digits() {
        return bundled("digits");
    }

    /**
     * {@code make_classification(n_samples, random_state=seed)} with scikit-learn 1.2.1's other defaults, bit for
     * bit; {@link MakeClassification} sets the other parameters.
     */
    public static Dataset makeClassification(int nSamples, long seed) {
        return MakeClassification.defaults(nSamples).generate(seed);
    }

    /**
     * Reads a labelled CSV file: a header row, the label column {@code labelColumn} (or the last column
     * if null), every other column numeric. See {@link CsvReader}.
     */
    public static LabeledData readCsv(Path file, String labelColumn) {
        return CsvReader.read(file, labelColumn);
    }

    private static Dataset bundled(String name) {
        return CACHE.computeIfAbsent(name, Datasets::load);
    }

    private static Dataset load(String name) {
        JsonNode meta;
        try {
            meta = new ObjectMapper().readTree(resource(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String csv = new String(resource(name + ".csv"), StandardCharsets.UTF_8);
        LabeledData data = CsvReader.read(name + ".csv", csv, "target");
        List<String> featureNames = strings(meta.get("feature_names"));
        if (!featureNames.equals(data.featureNames()) || data.nSamples() != meta.get("n_samples").asInt()) {
            throw new IllegalStateException("bundled dataset " + name + " is corrupt: its CSV and metadata disagree");
        }
        return new Dataset(data.x(), data.y(), featureNames, strings(meta.get("target_names")), meta.get("description").asText());
    }

    private static byte[] resource(String file) {
        try (InputStream in = Datasets.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("bundled dataset file " + file + " is missing from the petal-datasets jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
