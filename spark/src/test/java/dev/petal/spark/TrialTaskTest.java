package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A log chunk sent live never ends inside a UTF-8 character: the cut character goes with the next chunk. */
class TrialTaskTest {
    @Test
    void chunksEndOnCharacterBoundaries() {
        byte[] b = "aé€𝄞".getBytes(StandardCharsets.UTF_8);   // 1 + 2 + 3 + 4 bytes
        assertEquals(10, b.length);
        int[] expected = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10};
        for (int end = 0; end <= b.length; end++) {
            assertEquals(expected[end], TrialTask.utf8Boundary(b, end), "end " + end);
        }
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);   // not UTF-8: a lone lead byte at the end
        assertEquals(3, TrialTask.utf8Boundary(latin1, 4));
        byte[] continuation = {'a', (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80};
        assertEquals(5, TrialTask.utf8Boundary(continuation, 5), "no lead byte in reach: sent as it is");
    }
}
