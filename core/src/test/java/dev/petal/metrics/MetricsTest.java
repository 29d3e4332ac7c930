package dev.petal.metrics;

import static dev.petal.fixtures.Fixtures.dbl;
import static dev.petal.fixtures.Fixtures.doubles;
import static dev.petal.fixtures.Fixtures.intMatrix;
import static dev.petal.fixtures.Fixtures.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final JsonNode CASES = Fixtures.load("metrics.json");
    private static final double TOL = 1e-12;

    private static int[] labels(JsonNode c) {
        return c.get("labels").isNull() ? null : ints(c.get("labels"));
    }

    @Test
    void accuracyAndConfusionMatrixMatchScikitLearn() {
        assertEquals(11, CASES.size());
        for (JsonNode c : CASES) {
            int[] yt = ints(c.get("y_true"));
            int[] yp = ints(c.get("y_pred"));
            String at = c.get("name").asText();
            assertEquals(dbl(c.get("accuracy")), Metrics.accuracy(yt, yp), TOL, at);
            int[][] cm = labels(c) == null ? Metrics.confusionMatrix(yt, yp) : Metrics.confusionMatrix(yt, yp, labels(c));
            assertArrayEquals(intMatrix(c.get("confusion_matrix")), cm, at);
        }
    }

    @Test
    void perClassAndAveragedScoresAreWithin1e12OfScikitLearn() {
        Map<String, Average> averages = Map.of("micro", Average.MICRO, "macro", Average.MACRO, "weighted", Average.WEIGHTED);
        for (JsonNode c : CASES) {
            int[] yt = ints(c.get("y_true"));
            int[] yp = ints(c.get("y_pred"));
            String at = c.get("name").asText();
            JsonNode none = c.get("prf").get("none");
            ClassScores per = labels(c) == null ? Metrics.classScores(yt, yp) : Metrics.classScores(yt, yp, labels(c));
            assertArrayEquals(doubles(none.get("precision")), per.precision(), TOL, at);
            assertArrayEquals(doubles(none.get("recall")), per.recall(), TOL, at);
            assertArrayEquals(doubles(none.get("f1")), per.f1(), TOL, at);
            assertArrayEquals(ints(none.get("support")), per.support(), at);
            for (Map.Entry<String, Average> e : averages.entrySet()) {
                JsonNode want = c.get("prf").get(e.getKey());
                Scores got = Metrics.scores(yt, yp, labels(c), e.getValue());
                assertEquals(dbl(want.get("precision")), got.precision(), TOL, at + " " + e.getKey());
                assertEquals(dbl(want.get("recall")), got.recall(), TOL, at + " " + e.getKey());
                assertEquals(dbl(want.get("f1")), got.f1(), TOL, at + " " + e.getKey());
            }
            c.get("binary").properties().forEach(e -> {
                Average avg = Average.binary(Integer.parseInt(e.getKey()));
                assertEquals(dbl(e.getValue().get("precision")), Metrics.precision(yt, yp, avg), TOL, at + " pos " + e.getKey());
                assertEquals(dbl(e.getValue().get("recall")), Metrics.recall(yt, yp, avg), TOL, at + " pos " + e.getKey());
                assertEquals(dbl(e.getValue().get("f1")), Metrics.f1(yt, yp, avg), TOL, at + " pos " + e.getKey());
            });
        }
    }

    @Test
    void classificationReportTextIsByteIdentical() {
        for (JsonNode c : CASES) {
            int[] yt = ints(c.get("y_true"));
            int[] yp = ints(c.get("y_pred"));
            List<String> names = null;
            if (!c.get("target_names").isNull()) {
                names = new ArrayList<>();
                for (JsonNode n : c.get("target_names")) {
                    names.add(n.asText());
                }
            }
            String got = Metrics.classificationReport(yt, yp, labels(c), names, c.get("digits").asInt());
            assertEquals(c.get("report").asText(), got, c.get("name").asText());
        }
    }

    @Test
    void theShortOverloadsAgreeWithTheFullOne() {
        JsonNode c = CASES.get(2);
        int[] yt = ints(c.get("y_true"));
        int[] yp = ints(c.get("y_pred"));
        assertEquals(CASES.get(1).get("report").asText(), Metrics.classificationReport(yt, yp));
        assertEquals(c.get("report").asText(), Metrics.classificationReport(yt, yp, List.of("setosa", "versicolor", "virginica")));
        assertEquals(dbl(c.get("prf").get("macro").get("f1")), Metrics.scores(yt, yp, Average.MACRO).f1(), TOL);
    }

    @Test
    void badInputsGiveScikitLearnsMessages() {
        int[] three = {0, 1, 2};
        assertEquals("Target is multiclass but average='binary'. Please choose another average setting, one of "
                        + "[None, 'micro', 'macro', 'weighted'].",
                assertThrows(IllegalArgumentException.class, () -> Metrics.precision(three, three, Average.BINARY)).getMessage());
        assertEquals("pos_label=2 is not a valid label. It should be one of [0, 1]",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.f1(new int[] {0, 1}, new int[] {1, 1}, Average.binary(2))).getMessage());
        assertEquals("Found input variables with inconsistent numbers of samples: [3, 2]",
                assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(three, new int[2])).getMessage());
        assertEquals("At least one label specified must be in y_true",
                assertThrows(IllegalArgumentException.class, () -> Metrics.confusionMatrix(three, three, new int[] {7})).getMessage());
        assertEquals("'labels' should contains at least one label.",
                assertThrows(IllegalArgumentException.class, () -> Metrics.confusionMatrix(three, three, new int[0])).getMessage());
        assertEquals("Number of classes, 3, does not match size of target_names, 2. Try specifying the labels parameter",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.classificationReport(three, three, List.of("a", "b"))).getMessage());
        assertEquals("y_true and y_pred are empty: a metric needs at least one sample.",
                assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[0], new int[0])).getMessage());
    }
}
