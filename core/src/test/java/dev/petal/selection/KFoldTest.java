package dev.petal.selection;

import static dev.petal.fixtures.Fixtures.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class KFoldTest {
    private static final JsonNode GOLDEN = Fixtures.load("kfold.json");

    @Test
    void foldsEqualScikitLearnsForEveryRecordedCase() {
        assertEquals(12, GOLDEN.get("cases").size());
        for (JsonNode c : GOLDEN.get("cases")) {
            int[] y = SplitFixtures.labels(GOLDEN, c.get("dataset").asText());
            int k = c.get("n_splits").asInt();
            boolean shuffle = c.get("shuffle").asBoolean();
            long seed = shuffle ? c.get("random_state").asLong() : 0;
            List<TrainTestIndices> folds = c.get("kind").asText().equals("kfold")
                    ? new KFold(k, shuffle, seed).split(y.length)
                    : new StratifiedKFold(k, shuffle, seed).split(y);
            String at = c.get("kind").asText() + " " + c.get("dataset").asText() + " k=" + k + " seed=" + c.get("random_state");
            assertEquals(k, folds.size(), at);
            for (int f = 0; f < k; f++) {
                assertArrayEquals(ints(c.get("folds").get(f).get("train")), folds.get(f).train(), at + " fold " + f);
                assertArrayEquals(ints(c.get("folds").get(f).get("test")), folds.get(f).test(), at + " fold " + f);
            }
        }
    }

    @Test
    void badFoldCountsGiveScikitLearnsMessages() {
        assertEquals("k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=1.",
                assertThrows(IllegalArgumentException.class, () -> KFold.of(1)).getMessage());
        assertEquals("Cannot have number of splits n_splits=5 greater than the number of samples: n_samples=3.",
                assertThrows(IllegalArgumentException.class, () -> KFold.of(5).split(3)).getMessage());
        assertEquals("n_splits=3 cannot be greater than the number of members in each class.",
                assertThrows(IllegalArgumentException.class,
                        () -> StratifiedKFold.of(3).split(new int[] {0, 0, 1, 1, 2, 2})).getMessage());
    }
}
