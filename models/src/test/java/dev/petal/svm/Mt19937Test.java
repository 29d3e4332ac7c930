package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator behind the probability CV matches numpy's RandomState and scikit-learn's newrand. */
class Mt19937Test {
    static final JsonNode DOC = Fixtures.load("errors");

    @Test
    void initGenrandMatchesTheReferenceOutput() {
        assertEquals(3499211612L, new Mt19937(5489).nextUint32());
    }

    @Test
    void libsvmSeedIsNumpysRandintOfTheRandomState() {
        for (Iterator<Map.Entry<String, JsonNode>> it = DOC.get("libsvm_seed").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long seed = Long.parseLong(e.getKey());
            assertEquals(e.getValue().longValue(), new Mt19937(seed).numpyRandint(Integer.MAX_VALUE), "seed " + seed);
        }
    }

    @Test
    void boundedRandIntMatchesScikitLearnsNewrand() {
        int[] ranges = {1, 2, 3, 5, 7, 100, 1000, Integer.MAX_VALUE};
        for (Iterator<Map.Entry<String, JsonNode>> it = DOC.get("newrand").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Mt19937 rng = new Mt19937(Long.parseLong(e.getKey()));
            int[] got = new int[ranges.length];
            for (int i = 0; i < ranges.length; i++) {
                got[i] = rng.boundedRandInt(ranges[i]);
            }
            assertArrayEquals(Fixtures.ints(e.getValue()), got, "seed " + e.getKey());
        }
    }
}
