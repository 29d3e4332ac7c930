package dev.petal.svm;

import static dev.petal.svm.ParityAsserts.near;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.ModelIO;
import dev.petal.pipeline.OneClassPipeline;
import dev.petal.pipeline.OneClassPipelineModel;
import dev.petal.pipeline.RegressorPipeline;
import dev.petal.pipeline.RegressorPipelineModel;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.preprocessing.StandardScalerModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code make_pipeline(StandardScaler(), SVR | NuSVR | OneClassSVM)} against real scikit-learn 1.2.1
 * ({@code fixtures/gen_svm_pipelines.py}) on unscaled data: the scaler's mean and scale, gamma, support indices,
 * dual coefficients, intercept, predictions, decision values, score samples and R² are bit-identical (the sigmoid
 * case's prediction-time values within 1e-12 relative, for glibc's tanh; see {@link SvmFamilyParityTest}); a model
 * file round trip keeps every prediction.
 */
class ScaledPipelineParityTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() throws IOException {
        JsonNode docs;
        try (InputStream in = ScaledPipelineParityTest.class.getResourceAsStream("/fixtures/svm_pipelines.json")) {
            docs = new ObjectMapper().readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode doc : docs) {
            for (JsonNode c : doc.get("cases")) {
                out.add(Arguments.of(doc.get("dataset").textValue() + "/" + c.get("name").textValue(), doc, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitLearnsPipeline(String name, JsonNode doc, JsonNode c) throws IOException {
        Matrix x = Fixtures.matrix(doc.get("X"));
        Matrix xt = Fixtures.matrix(doc.get("X_test"));
        double[] y = Fixtures.doubles(doc.get("y"));
        double[] yt = Fixtures.doubles(doc.get("y_test"));
        JsonNode p = c.get("params");
        JsonNode e = c.get("expected");
        double rel = p.has("kernel") && "sigmoid".equals(p.get("kernel").textValue()) ? 1e-12 : 0.0;
        Path file = dir.resolve("p.petal");
        StandardScalerModel scaler;
        SingleOutputState s;
        switch (c.get("estimator").textValue()) {
            case "svr", "nusvr" -> {
                RegressorPipelineModel m = c.get("estimator").textValue().equals("svr")
                        ? RegressorPipeline.of(StandardScaler.defaults(), SvmFamilyParams.svr(p)).fit(x, y)
                        : RegressorPipeline.of(StandardScaler.defaults(), SvmFamilyParams.nuSvr(p)).fit(x, y);
                scaler = (StandardScalerModel) m.transforms().get(0);
                s = m.regressor() instanceof SVRModel r ? r.state() : ((NuSVRModel) m.regressor()).state();
                near(name + " predict", Fixtures.doubles(e.get("predict")), m.predict(xt), rel);
                near(name + " score", new double[] {e.get("score").doubleValue()}, new double[] {m.score(xt, yt)}, rel);
                ModelIO.save(file, m);
                RegressorPipelineModel back = ModelIO.load(file).model(RegressorPipelineModel.class);
                assertArrayEquals(m.predict(xt), back.predict(xt), 0.0, name + " predict after a model file");
                assertTrue(ModelIO.load(file).isRegressor());
            }
            default -> {
                OneClassPipelineModel m = OneClassPipeline.of(StandardScaler.defaults(), SvmFamilyParams.oneClass(p)).fit(x);
                scaler = (StandardScalerModel) m.transforms().get(0);
                s = m.oneClass().state();
                near(name + " predict", Fixtures.doubles(e.get("predict")), Fixtures.toDoubles(m.predict(xt)), 0.0);
                near(name + " decision_function", Fixtures.doubles(e.get("decision_function")), m.decisionFunction(xt), rel);
                near(name + " score_samples", Fixtures.doubles(e.get("score_samples")), m.scoreSamples(xt), rel);
                ModelIO.save(file, m);
                OneClassPipelineModel back = ModelIO.load(file).model(OneClassPipelineModel.class);
                assertArrayEquals(m.decisionFunction(xt), back.decisionFunction(xt), 0.0, name + " after a model file");
            }
        }
        near(name + " mean", Fixtures.doubles(e.get("mean")), scaler.mean().orElseThrow(), 0.0);
        near(name + " scale", Fixtures.doubles(e.get("scale")), scaler.scale().orElseThrow(), 0.0);
        assertEquals(e.get("gamma").doubleValue(), s.gamma(), 0.0, name + " gamma");
        assertArrayEquals(Fixtures.ints(e.get("support")), s.support(), name + " support");
        near(name + " dual_coef", Fixtures.doubles2(e.get("dual_coef"))[0], s.dualCoef(), 0.0);
        near(name + " intercept", Fixtures.doubles(e.get("intercept")), new double[] {s.intercept()}, 0.0);
    }
}
