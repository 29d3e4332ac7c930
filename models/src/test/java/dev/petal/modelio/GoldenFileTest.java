package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.api.DecisionClassifier;
import dev.petal.io.ModelArchive;
import dev.petal.io.NpyArray;
import dev.petal.linalg.Matrix;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScalerModel;
import dev.petal.svm.SVCModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden files written by format version 1 (see {@link GoldenFileWriter}). Every later Petal must
 * keep loading them and predicting exactly these values; never regenerate them.
 *
 * <p>{@code <name>.expected.json} holds what Petal predicted when it wrote the file;
 * {@code <name>.numpy.json} holds what {@code numpy.load} read from the file and what real
 * scikit-learn 1.2.1 predicts when its estimators are given those arrays (fixtures/gen_modelio.py).
 */
class GoldenFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path golden(String file) throws URISyntaxException {
        return Path.of(GoldenFileTest.class.getResource("/golden/v1/" + file).toURI());
    }

    private static JsonNode json(String file) throws IOException, URISyntaxException {
        return JSON.readTree(Files.readAllBytes(golden(file)));
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).doubleValue();
        }
        return d;
    }

    private static int[] ints(JsonNode a) {
        int[] d = new int[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).intValue();
        }
        return d;
    }

    private static Matrix probe(JsonNode expected) {
        int rows = expected.get("probe_rows").intValue();
        double[] v = doubles(expected.get("probe"));
        return Matrix.of(rows, v.length / rows, v);
    }

    /** Loads {@code name}.petal and checks it against Petal's and scikit-learn's recorded outputs. */
    private static LoadedModel check(String name, ModelType type) throws IOException, URISyntaxException {
        Path file = golden(name + ".petal");
        LoadedModel m = ModelIO.load(file);
        assertEquals(1, m.formatVersion());
        assertEquals(type, m.type());
        assertEquals("0.1.0-SNAPSHOT", m.provenance().petalVersion());
        JsonNode expected = json(name + ".expected.json");
        JsonNode numpy = json(name + ".numpy.json");
        Matrix probe = probe(expected);
        if (m.isClassifier()) {
            DecisionClassifier c = m.asClassifier();
            int[] predict = c.predict(probe);
            double[] decision = c.decisionFunction(probe).toFlatArray();
            assertArrayEquals(ints(expected.get("predict")), predict);
            assertArrayEquals(ints(numpy.get("sklearn_predict")), predict);
            assertArrayEquals(doubles(expected.get("decision_function")), decision);
            assertArrayEquals(doubles(numpy.get("sklearn_decision_function")), decision);
            if (c.supportsProba()) {
                double[] proba = c.predictProba(probe).toFlatArray();
                assertArrayEquals(doubles(expected.get("predict_proba")), proba);
                assertArrayEquals(doubles(numpy.get("sklearn_predict_proba")), proba);
            }
        } else {
            double[] t = m.asTransformer().transform(probe).toFlatArray();
            assertArrayEquals(doubles(expected.get("transform")), t);
            assertArrayEquals(doubles(numpy.get("sklearn_transform")), t);
        }
        ModelArchive archive = ModelArchive.read(file);
        List<String> arrays = new ArrayList<>();
        numpy.get("arrays").fieldNames().forEachRemaining(arrays::add);
        assertEquals(archive.arrayNames(), java.util.Set.copyOf(arrays));
        for (String a : arrays) {
            JsonNode view = numpy.get("arrays").get(a);
            NpyArray mine = archive.array(a);
            assertEquals(view.get("dtype").asText(), mine.dtype().descr(), a);
            assertArrayEquals(ints(view.get("shape")), mine.shape(), a);
            if (mine.dtype() == NpyArray.Dtype.FLOAT64) {
                assertArrayEquals(doubles(view.get("values")), mine.doubles(), a);
            } else {
                assertArrayEquals(ints(view.get("values")), java.util.Arrays.stream(mine.longs()).mapToInt(v -> (int) v).toArray(), a);
            }
        }
        List<String> entries = new ArrayList<>();
        numpy.get("entries").forEach(e -> entries.add(e.asText()));
        assertEquals(entries.get(0), "petal.json");
        assertEquals(arrays.size() + 1, entries.size());
        return m;
    }

    @Test
    void scalerThenSvcPipelineFromFormat1() throws IOException, URISyntaxException {
        LoadedModel m = check("pipeline_scaler_svc", ModelType.PIPELINE);
        assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
                m.metadata().featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), m.metadata().classNames());
        PipelineModel p = m.model(PipelineModel.class);
        assertTrue(p.transforms().get(0) instanceof StandardScalerModel);
        SVCModel svc = (SVCModel) p.classifier();
        assertEquals(0.24999999999999994, svc.gamma());
        assertEquals(41, svc.support().length);
        assertArrayEquals(new int[] {3, 5, 7}, p.classes());
    }

    @Test
    void loadsTheSameFileRezippedByPython() throws IOException, URISyntaxException {
        Path repacked = Path.of(GoldenFileTest.class.getResource("/dev/petal/modelio/repacked_by_python.petal").toURI());
        LoadedModel m = ModelIO.load(repacked);
        JsonNode expected = json("pipeline_scaler_svc.expected.json");
        Matrix probe = probe(expected);
        assertArrayEquals(ints(expected.get("predict")), m.asClassifier().predict(probe));
        assertArrayEquals(doubles(expected.get("predict_proba")), m.asClassifier().predictProba(probe).toFlatArray());
        assertEquals(ModelIO.load(golden("pipeline_scaler_svc.petal")).provenance(), m.provenance());
    }

    @Test
    void polySvcWithOvoShapeFromFormat1() throws IOException, URISyntaxException {
        LoadedModel m = check("svc_poly_ovo", ModelType.SVC);
        assertEquals(ModelMetadata.NONE, m.metadata());
        assertEquals(3, m.asClassifier().decisionFunction(Matrix.zeros(1, 4)).cols());
    }

    @Test
    void scalerWithoutMeanFromFormat1() throws IOException, URISyntaxException {
        LoadedModel m = check("scaler_no_mean", ModelType.STANDARD_SCALER);
        StandardScalerModel s = m.model(StandardScalerModel.class);
        assertEquals(60, s.nSamplesSeen());
        assertTrue(s.mean().isPresent());
    }
}
