package dev.petal.modelio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Transformer;
import dev.petal.io.ModelArchive;
import dev.petal.linalg.Matrix;
import dev.petal.pipeline.Pipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.DecisionShape;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the golden model files of the current format version, once, when a new format version is
 * introduced: {@code ./mvnw -o -pl models -am test -Dtest=GoldenFileWriter -Dpetal.golden.write=true
 * -Dsurefire.failIfNoSpecifiedTests=false}, then {@code /usr/bin/python3 fixtures/gen_modelio.py}.
 * Committed golden files are never rewritten: every later Petal must load them as they are.
 */
class GoldenFileWriter {
    static final Path DIR = Path.of("src/test/resources/golden/v" + ModelArchive.FORMAT_VERSION);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    @EnabledIfSystemProperty(named = "petal.golden.write", matches = "true")
    void writeGoldenFiles() throws IOException {
        Files.createDirectories(DIR);
        Matrix x = SvcModelIOTest.blobs(42, 20);
        int[] y = SvcModelIOTest.labels(20);
        Matrix probe = SvcModelIOTest.blobs(43, 4);
        List<String> features = List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");
        List<String> classes = List.of("setosa", "versicolor", "virginica");
        write("pipeline_scaler_svc", Pipeline.of(StandardScaler.defaults(),
                SVC.defaults().withProbability(true).withRandomState(0L)).fit(x, y),
                new ModelMetadata(features, classes), probe);
        write("svc_poly_ovo", SVC.defaults().withKernel(Kernel.POLY).withDegree(2).withCoef0(1.0).withGamma(0.05)
                .withDecisionFunctionShape(DecisionShape.OVO).withClassWeight(ClassWeight.of(Map.of(5, 2.0))).fit(x, y),
                ModelMetadata.NONE, probe);
        write("scaler_no_mean", StandardScaler.defaults().withMean(false).fit(x), ModelMetadata.ofFeatureNames(features),
                probe);
    }

    private static void write(String name, Object model, ModelMetadata metadata, Matrix probe) throws IOException {
        Path file = DIR.resolve(name + ".petal");
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " exists; golden files are never rewritten.");
        }
        ModelIO.save(file, model, metadata);
        ObjectNode expected = JSON.createObjectNode();
        expected.put("probe_rows", probe.rows());
        put(expected.putArray("probe"), probe);
        if (model instanceof DecisionClassifier c) {
            ArrayNode p = expected.putArray("predict");
            for (int v : c.predict(probe)) {
                p.add(v);
            }
            put(expected.putArray("decision_function"), c.decisionFunction(probe));
            if (c.supportsProba()) {
                put(expected.putArray("predict_proba"), c.predictProba(probe));
            }
        } else {
            put(expected.putArray("transform"), ((Transformer) model).transform(probe));
        }
        JSON.writeValue(DIR.resolve(name + ".expected.json").toFile(), expected);
    }

    private static void put(ArrayNode a, Matrix m) {
        for (double v : m.toFlatArray()) {
            a.add(v);
        }
    }
}
