package dev.petal.selection;

import static dev.petal.fixtures.Fixtures.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.fixtures.Fixtures;
import dev.petal.linalg.Matrix;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {
    private static final JsonNode GOLDEN = Fixtures.load("splits.json");

    @Test
    void indicesEqualScikitLearnsForEveryRecordedCombination() {
        JsonNode cases = GOLDEN.get("cases");
        assertEquals(31, cases.size());
        for (JsonNode c : cases) {
            int[] y = SplitFixtures.labels(GOLDEN, c.get("dataset").asText());
            long seed = c.get("random_state").isNull() ? 0 : c.get("random_state").asLong();
            SplitOptions o = new SplitOptions(SplitFixtures.size(c.get("test_size")), SplitFixtures.size(c.get("train_size")),
                    seed, c.get("shuffle").asBoolean(), c.get("stratify").asBoolean());
            TrainTestIndices idx = Selection.trainTestIndices(y, o);
            String at = c.get("dataset") + " test=" + c.get("test_size") + " train=" + c.get("train_size") + " seed=" + c.get("random_state") + " stratify=" + c.get("stratify");
            assertArrayEquals(ints(c.get("train")), idx.train(), at);
            assertArrayEquals(ints(c.get("test")), idx.test(), at);
        }
    }

    @Test
    void theTutorialSplitOfIrisHas112TrainAnd38TestRows() {
        int[] y = SplitFixtures.datasetLabels("iris");
        double[] flat = new double[150 * 2];
        for (int i = 0; i < 150; i++) {
            flat[2 * i] = i;
            flat[2 * i + 1] = -i;
        }
        TrainTestSplit s = Selection.trainTestSplit(Matrix.of(150, 2, flat), y, 0);
        JsonNode tutorial = GOLDEN.get("cases").get(0);
        assertEquals(112, s.xTrain().rows());
        assertEquals(38, s.xTest().rows());
        assertArrayEquals(ints(tutorial.get("train")), s.trainIndices());
        assertArrayEquals(ints(tutorial.get("test")), s.testIndices());
        for (int i = 0; i < 38; i++) {
            int row = s.testIndices()[i];
            assertEquals(row, s.xTest().get(i, 0));
            assertEquals(-row, s.xTest().get(i, 1));
            assertEquals(y[row], s.yTest()[i]);
        }
        TrainTestSplit same = Selection.trainTestSplit(Matrix.of(150, 2, flat), y, SplitSize.fraction(0.25), 0);
        assertArrayEquals(s.trainIndices(), same.trainIndices());
        assertArrayEquals(s.yTrain(), same.yTrain());
    }

    @Test
    void badSizesGiveScikitLearnsMessages() {
        for (JsonNode e : GOLDEN.get("errors")) {
            int[] y = e.get("dataset").asText().equals("imbalanced_single") ? ints(e.get("labels"))
                    : SplitFixtures.labels(GOLDEN, e.get("dataset").asText());
            SplitOptions o = new SplitOptions(SplitFixtures.size(e.get("test_size")), SplitFixtures.size(e.get("train_size")),
                    0, true, e.get("stratify").asBoolean());
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Selection.trainTestIndices(y, o));
            assertEquals(e.get("message").asText(), ex.getMessage());
        }
    }

    @Test
    void inconsistentLengthsAndUnshuffledStratificationAreRefused() {
        Matrix x = Matrix.zeros(4, 1);
        assertEquals("Found input variables with inconsistent numbers of samples: [4, 3]",
                assertThrows(IllegalArgumentException.class, () -> Selection.trainTestSplit(x, new int[3], 0)).getMessage());
        assertEquals("Stratified train/test split is not implemented for shuffle=False",
                assertThrows(IllegalArgumentException.class,
                        () -> SplitOptions.seeded(0).withShuffle(false).withStratify(true)).getMessage());
        assertEquals("A split size fraction must be a finite number in (0, 1), got nan.",
                assertThrows(IllegalArgumentException.class, () -> SplitSize.fraction(Double.NaN)).getMessage());
    }

    @Test
    void aStratifiedMatrixSplitKeepsRowsAndLabelsTogether() {
        JsonNode c = GOLDEN.get("cases").get(8); // iris, test_size 0.25, seed 0, stratified
        assertEquals("iris", c.get("dataset").asText());
        assertEquals(true, c.get("stratify").asBoolean());
        int[] y = SplitFixtures.datasetLabels("iris");
        Matrix x = Matrix.of(150, 1, java.util.stream.IntStream.range(0, 150).asDoubleStream().toArray());
        TrainTestSplit s = Selection.trainTestSplit(x, y, SplitOptions.seeded(0).withTestSize(SplitSize.fraction(0.25)).withStratify(true));
        assertArrayEquals(ints(c.get("train")), s.trainIndices());
        assertArrayEquals(ints(c.get("test")), s.testIndices());
        int[] perClass = new int[3];
        for (int i = 0; i < s.yTest().length; i++) {
            assertEquals(s.testIndices()[i], (int) s.xTest().get(i, 0));
            perClass[s.yTest()[i]]++;
        }
        assertArrayEquals(new int[] {13, 13, 12}, perClass);
    }

    @Test
    void emptyDataGivesScikitLearnsEmptyTrainSetMessage() {
        assertEquals("With n_samples=0, test_size=0.25 and train_size=None, the resulting train set will be empty. "
                        + "Adjust any of the aforementioned parameters.",
                assertThrows(IllegalArgumentException.class,
                        () -> Selection.trainTestIndices(0, SplitOptions.seeded(0))).getMessage());
        assertEquals("A stratified split needs the labels: call trainTestIndices(y, options).",
                assertThrows(IllegalArgumentException.class,
                        () -> Selection.trainTestIndices(5, SplitOptions.seeded(0).withStratify(true))).getMessage());
    }

    @Test
    void approximateModeMatchesTheDocstringExamples() {
        assertArrayEquals(new int[] {2, 1}, StratifiedShuffle.approximateMode(new int[] {4, 2}, 3, new RandomState(0)));
        assertArrayEquals(new int[] {3, 1}, StratifiedShuffle.approximateMode(new int[] {5, 2}, 4, new RandomState(0)));
        assertArrayEquals(new int[] {0, 1, 1, 0}, StratifiedShuffle.approximateMode(new int[] {2, 2, 2, 1}, 2, new RandomState(0)));
        assertArrayEquals(new int[] {1, 1, 0, 0}, StratifiedShuffle.approximateMode(new int[] {2, 2, 2, 1}, 2, new RandomState(42)));
    }
}
