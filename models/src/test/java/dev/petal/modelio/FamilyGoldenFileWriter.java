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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the committed nu_svc / svr / nu_svr / one_class_svm golden files, once: {@code ./mvnw -o -pl models -am
 * test -Dtest=FamilyGoldenFileWriter -Dpetal.golden.write=true -Dsurefire.failIfNoSpecifiedTests=false}. Not a
 * {@code *Test}, so a normal build neither runs nor skips it.
 */
class FamilyGoldenFileWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    @EnabledIfSystemProperty(named = "petal.golden.write", matches = "true")
    void writeGoldenFiles() throws IOException {
        Matrix x = SvcModelIOTest.blobs(42, 20);
        int[] y = SvcModelIOTest.labels(20);
        Matrix probe = SvcModelIOTest.blobs(43, 4);
        double[] t = FamilyGoldenFileTest.target(x, y);
        NuSVCModel nusvc = NuSVC.defaults().withNu(0.3).withProbability(true).withRandomState(0L)
                .withClassWeight(ClassWeight.of(Map.of(5, 2.0))).fit(x, y);
        write("nu_svc_proba", nusvc, probe, FamilyGoldenFileTest.flat(nusvc.predict(probe)), nusvc.decisionFunction(probe).toFlatArray(),
                nusvc.predictProba(probe).toFlatArray());
        SVRModel svr = SVR.defaults().withKernel(Kernel.POLY).withDegree(2).withEpsilon(0.05).fit(x, t);
        write("svr_poly", svr, probe, svr.predict(probe), null, null);
        NuSVRModel nusvr = NuSVR.defaults().withNu(0.4).withC(3.0).fit(x, t);
        write("nu_svr", nusvr, probe, nusvr.predict(probe), null, null);
        OneClassSVMModel oc = OneClassSVM.defaults().withNu(0.2).withGamma(0.1).fit(x);
        write("one_class_svm", oc, probe, FamilyGoldenFileTest.flat(oc.predict(probe)), oc.decisionFunction(probe), oc.scoreSamples(probe));
    }

    private static void write(String name, Object model, Matrix probe, double[] predict, double[] decision, double[] more)
            throws IOException {
        Path file = GoldenFileWriter.DIR.resolve(name + ".petal");
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " exists; golden files are never rewritten.");
        }
        ModelIO.save(file, model, ModelMetadata.NONE);
        ObjectNode expected = JSON.createObjectNode();
        expected.put("probe_rows", probe.rows());
        put(expected.putArray("probe"), probe.toFlatArray());
        put(expected.putArray("predict"), predict);
        if (decision != null) {
            put(expected.putArray("decision_function"), decision);
        }
        if (more != null) {
            put(expected.putArray("more"), more);
        }
        JSON.writeValue(GoldenFileWriter.DIR.resolve(name + ".expected.json").toFile(), expected);
    }

    private static void put(ArrayNode a, double[] v) {
        for (double d : v) {
            a.add(d);
        }
    }
}
