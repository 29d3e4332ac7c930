package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.io.ModelArchive;
import dev.petal.linalg.Matrix;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.Kernel;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed format-1 golden files of nu_svc, svr, nu_svr and one_class_svm: every later Petal must load
 * them and predict, bit for bit, what was recorded when they were written. Written once by
 * {@code -Dtest=FamilyGoldenFileWriter -Dpetal.golden.write=true}, never rewritten.
 */
class FamilyGoldenFileTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static double[] target(Matrix x, int[] y) {
        double[] t = new double[x.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = 3 * x.get(i, 0) - x.get(i, 2) + 0.25 * y[i];
        }
        return t;
    }

    static double[] flat(int[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static Path golden(String file) throws URISyntaxException {
        return Path.of(FamilyGoldenFileTest.class.getResource("/golden/v1/" + file).toURI());
    }

    private static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode expected(String name) throws Exception {
        return JSON.readTree(Files.readAllBytes(golden(name + ".expected.json")));
    }

    private static Matrix probe(JsonNode e) {
        int rows = e.get("probe_rows").intValue();
        double[] v = doubles(e.get("probe"));
        return Matrix.of(rows, v.length / rows, v);
    }

    private static void bits(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), "[" + i + "]");
        }
    }

    @Test
    void nuSvcGoldenFileLoadsAndPredictsAsRecorded() throws Exception {
        LoadedModel m = ModelIO.load(golden("nu_svc_proba.petal"));
        assertEquals(ModelType.NU_SVC, m.type());
        NuSVCModel model = m.model(NuSVCModel.class);
        JsonNode e = expected("nu_svc_proba");
        Matrix probe = probe(e);
        bits(doubles(e.get("predict")), flat(model.predict(probe)));
        bits(doubles(e.get("decision_function")), model.decisionFunction(probe).toFlatArray());
        bits(doubles(e.get("more")), model.predictProba(probe).toFlatArray());
        assertEquals(0.3, model.params().nu());
    }

    @Test
    void regressorGoldenFilesLoadAndPredictAsRecorded() throws Exception {
        LoadedModel svr = ModelIO.load(golden("svr_poly.petal"));
        assertEquals(ModelType.SVR, svr.type());
        JsonNode e = expected("svr_poly");
        bits(doubles(e.get("predict")), svr.model(SVRModel.class).predict(probe(e)));
        assertEquals(Set.of("support", "support_vectors", "dual_coef"),
                ModelArchive.read(golden("svr_poly.petal")).arrayNames());
        LoadedModel nusvr = ModelIO.load(golden("nu_svr.petal"));
        assertEquals(ModelType.NU_SVR, nusvr.type());
        e = expected("nu_svr");
        bits(doubles(e.get("predict")), nusvr.model(NuSVRModel.class).predict(probe(e)));
    }

    @Test
    void oneClassGoldenFileLoadsAndScoresAsRecorded() throws Exception {
        LoadedModel m = ModelIO.load(golden("one_class_svm.petal"));
        assertEquals(ModelType.ONE_CLASS_SVM, m.type());
        OneClassSVMModel model = m.model(OneClassSVMModel.class);
        JsonNode e = expected("one_class_svm");
        Matrix probe = probe(e);
        bits(doubles(e.get("predict")), flat(model.predict(probe)));
        bits(doubles(e.get("decision_function")), model.decisionFunction(probe));
        bits(doubles(e.get("more")), model.scoreSamples(probe));
    }

    /** What real scikit-learn 1.2.1 predicts from each file's arrays without refitting (gen_modelio.py): the same bits. */
    @Test
    void scikitLearnPredictsTheSameFromTheFilesArrays() throws Exception {
        for (String name : new String[] {"nu_svc_proba", "svr_poly", "nu_svr", "one_class_svm"}) {
            JsonNode e = expected(name);
            JsonNode numpy = JSON.readTree(Files.readAllBytes(golden(name + ".numpy.json")));
            bits(doubles(e.get("predict")), doubles(numpy.get("sklearn_predict")));
            if (numpy.has("sklearn_decision_function")) {
                bits(doubles(e.get("decision_function")), doubles(numpy.get("sklearn_decision_function")));
            }
            if (numpy.has("sklearn_predict_proba")) {
                bits(doubles(e.get("more")), doubles(numpy.get("sklearn_predict_proba")));
            }
            if (numpy.has("sklearn_score_samples")) {
                bits(doubles(e.get("more")), doubles(numpy.get("sklearn_score_samples")));
            }
        }
    }

    @Test
    void everyFamilyModelRoundTripsThroughBytes() throws Exception {
        Matrix x = SvcModelIOTest.blobs(7, 20);
        int[] y = SvcModelIOTest.labels(20);
        Matrix probe = SvcModelIOTest.blobs(8, 5);
        double[] t = target(x, y);
        NuSVCModel nusvc = NuSVC.defaults().withKernel(Kernel.LINEAR).fit(x, y);
        SVRModel svr = SVR.defaults().withKernel(Kernel.SIGMOID).withGamma(0.01).fit(x, t);
        OneClassSVMModel oc = OneClassSVM.defaults().withKernel(Kernel.LINEAR).fit(x);
        Path dir = Files.createTempDirectory("petal-family");
        try {
            Path f = dir.resolve("m.petal");
            ModelIO.save(f, nusvc);
            NuSVCModel back = ModelIO.load(f).model(NuSVCModel.class);
            assertEquals(nusvc.state(), back.state());
            assertArrayEquals(nusvc.decisionFunction(probe).toFlatArray(), back.decisionFunction(probe).toFlatArray(), 0.0);
            ModelIO.save(f, svr);
            SVRModel svrBack = ModelIO.load(f).model(SVRModel.class);
            assertEquals(svr.state(), svrBack.state());
            assertEquals(svr.params(), svrBack.params());
            ModelIO.save(f, oc);
            OneClassSVMModel ocBack = ModelIO.load(f).model(OneClassSVMModel.class);
            assertEquals(oc.state(), ocBack.state());
            assertArrayEquals(oc.scoreSamples(probe), ocBack.scoreSamples(probe), 0.0);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
