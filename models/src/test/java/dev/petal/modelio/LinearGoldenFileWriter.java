package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Regressor;
import dev.petal.io.ModelArchive;
import dev.petal.linalg.Matrix;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVR;
import dev.petal.svm.ClassWeight;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the committed linear_svc / linear_svr golden files, once: {@code ./mvnw -o -pl models -am test
 * -Dtest=LinearGoldenFileWriter -Dpetal.golden.write=true -Dsurefire.failIfNoSpecifiedTests=false}. Not a
 * {@code *Test}, so a normal build neither runs nor skips it.
 */
class LinearGoldenFileWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    @EnabledIfSystemProperty(named = "petal.golden.write", matches = "true")
    void writeGoldenFiles() throws IOException {
        Matrix x = SvcModelIOTest.blobs(42, 20);
        int[] y = SvcModelIOTest.labels(20);
        Matrix probe = SvcModelIOTest.blobs(43, 4);
        double[] t = new double[x.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = 3 * x.get(i, 0) - x.get(i, 2) + 0.25 * y[i];
        }
        write("linear_svc_ovr", LinearSVC.defaults().withRandomState(0L).withC(0.5)
                .withClassWeight(ClassWeight.of(Map.of(5, 2.0))).fit(x, y), ModelMetadata.NONE, probe);
        write("linear_svr", LinearSVR.defaults().withRandomState(0L).withEpsilon(0.1).fit(x, t),
                ModelMetadata.ofFeatureNames(List.of("a", "b", "c", "d")), probe);
    }

    private static void write(String name, Object model, ModelMetadata metadata, Matrix probe) throws IOException {
        Path file = GoldenFileWriter.DIR.resolve(name + ".petal");
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " exists; golden files are never rewritten.");
        }
        ModelIO.save(file, model, metadata);
        ObjectNode expected = JSON.createObjectNode();
        expected.put("probe_rows", probe.rows());
        ArrayNode pr = expected.putArray("probe");
        for (double v : probe.toFlatArray()) {
            pr.add(v);
        }
        if (model instanceof DecisionClassifier c) {
            ArrayNode p = expected.putArray("predict");
            for (int v : c.predict(probe)) {
                p.add(v);
            }
            ArrayNode d = expected.putArray("decision_function");
            for (double v : c.decisionFunction(probe).toFlatArray()) {
                d.add(v);
            }
        } else {
            ArrayNode p = expected.putArray("predict");
            for (double v : ((Regressor) model).predict(probe)) {
                p.add(v);
            }
        }
        JSON.writeValue(GoldenFileWriter.DIR.resolve(name + ".expected.json").toFile(), expected);
    }
}
