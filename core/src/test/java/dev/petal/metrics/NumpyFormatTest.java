package dev.petal.metrics;

import static dev.petal.fixtures.Fixtures.intMatrix;
import static dev.petal.fixtures.Fixtures.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class NumpyFormatTest {
    private static final JsonNode GOLDEN = Fixtures.load("numpy_print.json");

    @Test
    void theTutorialsConfusionMatrixPrintsAsNumpyPrintsIt() {
        assertEquals("[[13  0  0]\n [ 0 15  1]\n [ 0  0  9]]", NumpyFormat.format(new int[][] {{13, 0, 0}, {0, 15, 1}, {0, 0, 9}}));
    }

    @Test
    void matricesMatchNumpyIncludingWrappingAndSummaries() {
        assertEquals(8, GOLDEN.get("matrices").size());
        for (JsonNode m : GOLDEN.get("matrices")) {
            int[][] a = m.get("cols").asInt() == 0 ? new int[m.get("rows").asInt()][0] : intMatrix(m.get("matrix"));
            assertEquals(m.get("str").asText(), NumpyFormat.format(a), m.get("rows") + "x" + m.get("cols"));
        }
    }

    @Test
    void vectorsMatchNumpy() {
        for (JsonNode v : GOLDEN.get("vectors")) {
            assertEquals(v.get("str").asText(), NumpyFormat.format(ints(v.get("vector"))));
        }
    }
}
