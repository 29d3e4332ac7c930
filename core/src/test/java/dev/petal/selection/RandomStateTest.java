package dev.petal.selection;

import static dev.petal.fixtures.Fixtures.ints;
import static dev.petal.fixtures.Fixtures.longs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class RandomStateTest {
    private static final JsonNode GOLDEN = Fixtures.load("random_state.json");

    @Test
    void randintOfTheLargestIntMatchesNumpyForTheDocumentedSeeds() {
        assertEquals(209652396L, new RandomState(0).randint(2147483647L));
        assertEquals(1608637542L, new RandomState(42).randint(2147483647L));
    }

    @Test
    void everyDrawMatchesNumpyForEverySeed() {
        assertEquals(5, GOLDEN.size());
        for (JsonNode e : GOLDEN) {
            long seed = e.get("seed").asLong();
            String at = "seed " + seed;
            RandomState rs = new RandomState(seed);
            long[] raw = new long[e.get("uint32").size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = rs.nextUint32();
            }
            assertArrayEquals(longs(e.get("uint32")), raw, at);
            assertEquals(e.get("randint_2_31_minus_1").asLong(), new RandomState(seed).randint(2147483647L), at);
            rs = new RandomState(seed);
            long[] r7 = new long[12];
            for (int i = 0; i < r7.length; i++) {
                r7[i] = rs.randint(7);
            }
            assertArrayEquals(longs(e.get("randint_7")), r7, at);
            rs = new RandomState(seed);
            assertArrayEquals(ints(e.get("permutation_10")), rs.permutation(10), at);
            assertArrayEquals(ints(e.get("permutation_150_next")), rs.permutation(150), at);
            assertArrayEquals(ints(e.get("choice_20_5")), new RandomState(seed).choice(20, 5), at);
            int[] a = Selection.range(10, 30);
            new RandomState(seed).shuffle(a);
            assertArrayEquals(ints(e.get("shuffle_10_to_29")), a, at);
        }
    }

    @Test
    void rawStreamCrossesTheStateRegenerationBoundary() {
        RandomState rs = new RandomState(5489);
        for (int i = 0; i < 9999; i++) {
            rs.nextUint32();
        }
        // the 10000th output of MT19937 seeded with 5489: the check value of C++'s std::mt19937
        assertEquals(4123659995L, rs.nextUint32());
    }

    @Test
    void badSeedsAndSizesAreRefused() {
        assertEquals("Seed must be between 0 and 2**32 - 1",
                assertThrows(IllegalArgumentException.class, () -> new RandomState(-1)).getMessage());
        assertEquals("Seed must be between 0 and 2**32 - 1",
                assertThrows(IllegalArgumentException.class, () -> new RandomState(1L << 32)).getMessage());
        assertEquals("Cannot take a larger sample than population when 'replace=False'",
                assertThrows(IllegalArgumentException.class, () -> new RandomState(0).choice(3, 4)).getMessage());
        assertEquals("high <= 0", assertThrows(IllegalArgumentException.class, () -> new RandomState(0).randint(0)).getMessage());
    }
}
