package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.api.DecisionClassifier;
import dev.petal.io.ModelFormatException;
import dev.petal.linalg.Matrix;
import dev.petal.pipeline.Pipeline;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.DecisionShape;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVCState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvcModelIOTest {
    @TempDir
    Path dir;

    /** Three overlapping 4-feature blobs, labels 3, 5, 7, with feature scales 1 to 4. */
    static Matrix blobs(long seed, int perClass) {
        Random r = new Random(seed);
        double[] d = new double[3 * perClass * 4];
        for (int i = 0; i < 3 * perClass; i++) {
            int c = i % 3;
            for (int j = 0; j < 4; j++) {
                d[i * 4 + j] = (c * 1.5 + r.nextGaussian()) * (j + 1);
            }
        }
        return Matrix.of(3 * perClass, 4, d);
    }

    static int[] labels(int perClass) {
        int[] y = new int[3 * perClass];
        for (int i = 0; i < y.length; i++) {
            y[i] = 3 + 2 * (i % 3);
        }
        return y;
    }

    static void assertSameState(SVCState x, SVCState y) {
        assertEquals(x.params(), y.params());
        assertEquals(Double.doubleToRawLongBits(x.gamma()), Double.doubleToRawLongBits(y.gamma()));
        assertArrayEquals(x.classes(), y.classes());
        assertEquals(x.nFeatures(), y.nFeatures());
        assertArrayEquals(x.support(), y.support());
        assertEquals(x.supportVectors(), y.supportVectors());
        assertArrayEquals(x.nSupport(), y.nSupport());
        assertTrue(Arrays.deepEquals(x.dualCoef(), y.dualCoef()));
        assertArrayEquals(x.intercept(), y.intercept());
        assertArrayEquals(x.probA(), y.probA());
        assertArrayEquals(x.probB(), y.probB());
        assertArrayEquals(x.nIter(), y.nIter());
        assertEquals(x.fitStatus(), y.fitStatus());
        assertEquals(x.provenance(), y.provenance());
    }

    static void assertSamePredictions(DecisionClassifier a, DecisionClassifier b, Matrix probe) {
        assertArrayEquals(a.predict(probe), b.predict(probe));
        assertArrayEquals(a.decisionFunction(probe).toFlatArray(), b.decisionFunction(probe).toFlatArray());
        assertEquals(a.supportsProba(), b.supportsProba());
        if (a.supportsProba()) {
            assertArrayEquals(a.predictProba(probe).toFlatArray(), b.predictProba(probe).toFlatArray());
        }
    }

    private SVCModel roundTrip(SVCModel m) throws IOException {
        Path p = dir.resolve("svc.petal");
        ModelIO.save(p, m);
        LoadedModel loaded = ModelIO.load(p);
        assertEquals(ModelType.SVC, loaded.type());
        return loaded.model(SVCModel.class);
    }

    @Test
    void everyKernelAndSettingRoundTripsBitForBit() throws IOException {
        Matrix x = blobs(1, 30);
        int[] y = labels(30);
        Matrix probe = blobs(2, 10);
        List<SVC> configs = List.of(
                SVC.defaults(),
                SVC.defaults().withKernel(Kernel.LINEAR).withC(0.5).withClassWeight(ClassWeight.balanced()),
                SVC.defaults().withKernel(Kernel.POLY).withDegree(2).withGamma(0.01).withCoef0(1.5)
                        .withDecisionFunctionShape(DecisionShape.OVO),
                SVC.defaults().withKernel(Kernel.SIGMOID).withGamma(1e-5).withCoef0(-0.25).withShrinking(false),
                SVC.defaults().withProbability(true).withRandomState(0L).withTol(1e-4).withCacheSize(1.0),
                SVC.defaults().withClassWeight(ClassWeight.of(Map.of(3, 2.0, 7, 0.5))).withMaxIter(3).withBreakTies(true));
        for (SVC c : configs) {
            SVCModel m = c.fit(x, y);
            SVCModel back = roundTrip(m);
            assertSameState(m.state(), back.state());
            assertSamePredictions(m, back, probe);
        }
    }

    @Test
    void binaryAndPrecomputedModelsRoundTrip() throws IOException {
        Matrix x = blobs(3, 20).selectRows(java.util.stream.IntStream.range(0, 60).filter(i -> i % 3 != 2).toArray());
        int[] y = Arrays.stream(labels(20)).filter(v -> v != 7).toArray();
        SVCModel binary = SVC.defaults().withProbability(true).withRandomState(7L).fit(x, y);
        SVCModel back = roundTrip(binary);
        assertSameState(binary.state(), back.state());
        assertSamePredictions(binary, back, blobs(4, 5));
        Matrix gram = x.multiplyTransposed(x);
        SVCModel pre = SVC.defaults().withKernel(Kernel.PRECOMPUTED).fit(gram, y);
        SVCModel preBack = roundTrip(pre);
        assertSameState(pre.state(), preBack.state());
        assertSamePredictions(pre, preBack, blobs(5, 5).selectColumns(new int[] {0, 1, 2, 3}).multiplyTransposed(x));
    }

    @Test
    void aScalerThenSvcPipelineRoundTripsWithNames() throws IOException {
        Matrix x = blobs(6, 30);
        int[] y = labels(30);
        PipelineModel m = Pipeline.of(StandardScaler.defaults(), SVC.defaults().withProbability(true).withRandomState(1L))
                .fit(x, y);
        Path p = dir.resolve("pipe.petal");
        ModelMetadata names = new ModelMetadata(List.of("a", "b", "c", "d"), List.of("setosa", "versicolor", "virginica"));
        ModelIO.save(p, m, names);
        LoadedModel loaded = ModelIO.load(p);
        assertEquals(ModelType.PIPELINE, loaded.type());
        assertEquals(names, loaded.metadata());
        assertEquals(m.provenance(), loaded.provenance());
        PipelineModel back = loaded.model(PipelineModel.class);
        assertSameState(((SVCModel) m.classifier()).state(), ((SVCModel) back.classifier()).state());
        assertSamePredictions(m, ModelIO.loadClassifier(p), blobs(7, 10));
        assertEquals(List.of("petal.json", "step0_mean.npy", "step0_var.npy", "step0_scale.npy", "step1_support.npy",
                "step1_support_vectors.npy", "step1_n_support.npy", "step1_dual_coef.npy", "step1_intercept.npy",
                "step1_prob_a.npy", "step1_prob_b.npy", "step1_n_iter.npy"),
                List.copyOf(Zips.entries(Files.readAllBytes(p)).keySet()));
    }

    private String loadFails(Map<String, byte[]> entries) throws IOException {
        Path p = dir.resolve("bad.petal");
        Files.write(p, Zips.zip(entries));
        return assertThrows(ModelFormatException.class, () -> ModelIO.load(p)).getMessage().replace(p.toString(), "bad.petal");
    }

    private Map<String, byte[]> withJson(Map<String, byte[]> entries, String from, String to) {
        String json = new String(entries.get("petal.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains(from), from);
        Map<String, byte[]> out = new java.util.LinkedHashMap<>(entries);
        out.put("petal.json", json.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static Map<String, byte[]> withNSupport(Map<String, byte[]> entries, int first) {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>(entries);
        byte[] npy = entries.get("n_support.npy").clone();
        int data = npy.length - 3 * 4;
        int old = java.nio.ByteBuffer.wrap(npy, data, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        java.nio.ByteBuffer.wrap(npy, data, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(first)
                .putInt(java.nio.ByteBuffer.wrap(npy, data + 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() + old - first);
        out.put("n_support.npy", npy);
        return out;
    }

    @Test
    void tamperedFilesFailWithOneClearLine() throws IOException {
        SVCModel m = SVC.defaults().fit(blobs(8, 10), labels(10));
        Map<String, byte[]> good = Zips.entries(ModelIO.toBytes(m, ModelMetadata.NONE));
        Path ok = dir.resolve("ok.petal");
        Files.write(ok, Zips.zip(good));
        assertSamePredictions(m, ModelIO.loadClassifier(ok), blobs(9, 3));
        assertEquals("bad.petal holds an invalid svc: The 'C' parameter of SVC must be a float in the range (0.0, inf). Got -1.0 instead.",
                loadFails(withJson(good, "\"C\" : 1.0", "\"C\" : -1.0")));
        assertEquals("bad.petal: petal.json field model_type must be one of [svc, standard_scaler, pipeline, linear_svc, linear_svr, nu_svc, svr, nu_svr, one_class_svm], got \"joblib\".",
                loadFails(withJson(good, "\"model_type\" : \"svc\"", "\"model_type\" : \"joblib\"")));
        assertEquals("bad.petal: petal.json field model.params.kernel must be one of [linear, poly, rbf, sigmoid, precomputed], got \"java.lang.Runtime\".",
                loadFails(withJson(good, "\"kernel\" : \"rbf\"", "\"kernel\" : \"java.lang.Runtime\"")));
        assertEquals("bad.petal: petal.json has an unexpected field model.params.class_name.",
                loadFails(withJson(good, "\"C\" : 1.0", "\"class_name\" : \"x\", \"C\" : 1.0")));
        assertEquals("bad.petal: an svc needs between 2 and 16384 classes, but classes holds 1.",
                loadFails(withJson(good, "\"classes\" : [ 3, 5, 7 ]", "\"classes\" : [ 3 ]")));
        assertEquals("bad.petal: petal.json field classes must be strictly increasing.",
                loadFails(withJson(good, "\"classes\" : [ 3, 5, 7 ]", "\"classes\" : [ 3, 5, 3 ]")));
        assertEquals("bad.petal holds an invalid svc: Invalid SVC state: nSupport[0] is negative (-4).",
                loadFails(withNSupport(good, -4)));
        PipelineModel pipe = Pipeline.of(StandardScaler.defaults(), SVC.defaults()).fit(blobs(8, 10), labels(10));
        Map<String, byte[]> goodPipe = Zips.entries(ModelIO.toBytes(pipe, ModelMetadata.NONE));
        String json = new String(goodPipe.get("petal.json"), StandardCharsets.UTF_8);
        Map<String, byte[]> relabelled = new java.util.LinkedHashMap<>(goodPipe);
        relabelled.put("petal.json", json.replaceFirst("\"classes\" : \\[ 3, 5, 7 \\]", "\"classes\" : [ 3, 5, 8 ]")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("bad.petal: petal.json field classes does not match the classes of the pipeline.", loadFails(relabelled));
        assertEquals("bad.petal: pipeline step 1 is a standard_scaler, but the last step must be a classifier, a "
                + "regressor or a one-class SVM.",
                loadFails(withJson(goodPipe, "\"model_type\" : \"svc\"", "\"model_type\" : \"standard_scaler\"")));
        Map<String, byte[]> named = Zips.entries(ModelIO.toBytes(m, new ModelMetadata(List.of(), List.of("a", "b", "c"))));
        assertEquals("bad.petal: petal.json field class_names must not repeat a name.",
                loadFails(withJson(named, "\"b\"", "\"a\"")));
        Map<String, byte[]> noIntercept = new java.util.LinkedHashMap<>(good);
        noIntercept.remove("intercept.npy");
        assertEquals("bad.petal is missing the entry intercept.npy.", loadFails(noIntercept));
    }
}
