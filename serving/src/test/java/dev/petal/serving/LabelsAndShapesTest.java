package dev.petal.serving;

import static dev.petal.serving.ServingFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Class names in answers, scikit-learn's two-class shapes, and numbers written as Python writes them. */
class LabelsAndShapesTest {
    private static ScoringServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        ServedModel model = ServedModel.of("yes-no", LinearClassifier.binary()).withClassNames(List.of("no", "yes"));
        server = ScoringServer.start(model, ServingConfig.defaults().withRequestLog(line -> { }));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void predictAnswersClassNames() {
        assertEquals("[\"yes\",\"no\",\"no\"]", http.postJson("/score", "{\"data\": [[2, 1], [1, 2], [0, 0]]}").body());
        assertEquals("{\"predictions\":[\"yes\"]}", http.postJson("/invocations", "{\"instances\": [[2, 1]]}").body());
    }

    @Test
    void twoClassDecisionFunctionIsFlatAsInScikitLearn() {
        assertEquals("[1.0,-1.0]", http.postJson("/score", "{\"data\": [[2, 1], [1, 2]], \"method\": \"decision_function\"}").body());
    }

    @Test
    void numbersAreWrittenAsPythonRepr() {
        assertEquals("[1e-05,-2.5e+16,0.1]", http.postJson("/score",
                "{\"data\": [[0.00001, 0], [0, 2.5e16], [0.1, 0]], \"method\": \"decision_function\"}").body());
    }

    @Test
    void twoClassProbabilitiesHaveTwoColumns() {
        assertEquals("[[0.2689414213699951,0.7310585786300049]]",
                http.postJson("/score", "{\"data\": [[2, 1]], \"method\": \"predict_proba\"}").body());
    }

    @Test
    void v2AnswersNamedLabelsAsBytes() {
        String body = "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 2], \"datatype\": \"INT64\", \"data\": [[2, 1]]}],"
                + " \"outputs\": [{\"name\": \"predict\"}, {\"name\": \"decision_function\"}]}";
        assertEquals("[{\"name\":\"predict\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"yes\"]},"
                        + "{\"name\":\"decision_function\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1.0]}]",
                parse(http.postJson("/v2/models/yes-no/infer", body).body()).get("outputs").toString());
    }

    @Test
    void unversionedModelMetadata() {
        assertEquals("[]", parse(http.get("/v2/models/yes-no").body()).get("versions").toString());
        assertEquals("[{\"name\":\"predict\",\"datatype\":\"BYTES\",\"shape\":[-1]},"
                        + "{\"name\":\"decision_function\",\"datatype\":\"FP64\",\"shape\":[-1]},"
                        + "{\"name\":\"predict_proba\",\"datatype\":\"FP64\",\"shape\":[-1,2]}]",
                parse(http.get("/v2/models/yes-no").body()).get("outputs").toString());
    }
}
