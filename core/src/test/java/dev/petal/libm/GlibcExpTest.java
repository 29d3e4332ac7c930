package dev.petal.libm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.fixtures.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class GlibcExpTest {
    private static final JsonNode GOLDEN = Fixtures.load("glibc_exp.json");
    private static final double LN2_128 = 0x1.62e42fefa39efp-8;

    /** splitmix64, as fixtures/gen_glibc_exp.py draws it. */
    private static final class SplitMix {
        private long state;

        SplitMix(long seed) {
            state = seed;
        }

        long next() {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    /** The arguments of one fixture group, the same doubles as the generator's {@code inputs}. */
    static double[] inputs(JsonNode group) {
        SplitMix rnd = new SplitMix(group.get("seed").asLong());
        double[] x = new double[group.get("n").asInt()];
        String kind = group.get("kind").asText();
        LongFunction<Double> draw = switch (kind) {
            case "uniform" -> {
                double lo = group.get("lo").asDouble();
                double hi = group.get("hi").asDouble();
                yield z -> lo + (hi - lo) * ((z >>> 11) * 0x1p-53);
            }
            case "grid" -> z -> {
                long k = Long.remainderUnsigned(z >>> 33, 268801) - 137600;
                return k != 0 ? Double.longBitsToDouble(Double.doubleToRawLongBits(k * LN2_128) + (z & 15) - 8)
                        : Double.longBitsToDouble((z & 7) << 40);
            };
            case "bits" -> Double::longBitsToDouble;
            case "tiny" -> z -> Double.longBitsToDouble((z >>> 63 << 63) | ((0x3c0 + Long.remainderUnsigned(z >>> 32, 17)) << 52)
                    | (z & ((1L << 52) - 1)));
            default -> throw new IllegalStateException("unknown group kind " + kind);
        };
        for (int i = 0; i < x.length; i++) {
            x[i] = draw.apply(rnd.next());
        }
        return x;
    }

    private static String sha256OfExp(double[] x) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x) {
            bytes.putLong(Double.doubleToLongBits(GlibcExp.exp(v))); // NaN as 0x7ff8000000000000
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void matchesGlibcOnEveryDrawnArgument() {
        int checked = 0;
        for (JsonNode group : GOLDEN.get("groups")) {
            double[] x = inputs(group);
            assertEquals(group.get("sha256").asText(), sha256OfExp(x), group::toString);
            checked += x.length;
        }
        assertEquals(1_250_000, checked);
    }

    @Test
    void matchesGlibcAtTheEdges() {
        for (JsonNode edge : GOLDEN.get("edges")) {
            double x = Double.longBitsToDouble(Long.parseUnsignedLong(edge.get(0).asText(), 16));
            long want = Long.parseUnsignedLong(edge.get(1).asText(), 16);
            assertEquals(want, Double.doubleToLongBits(GlibcExp.exp(x)), () -> "exp(" + edge.get(2).asText() + ")");
        }
        assertTrue(GOLDEN.get("edges").size() > 150);
    }

    @Test
    void handlesTheSpecialArgumentsAsGlibcDoes() {
        assertEquals(1.0, GlibcExp.exp(0.0));
        assertEquals(1.0, GlibcExp.exp(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, GlibcExp.exp(Double.POSITIVE_INFINITY));
        assertEquals(0x0L, Double.doubleToRawLongBits(GlibcExp.exp(Double.NEGATIVE_INFINITY)));
        assertEquals(0x0L, Double.doubleToRawLongBits(GlibcExp.exp(-746.0)));
        assertEquals(0x0L, Double.doubleToRawLongBits(GlibcExp.exp(-2000.0)));
        assertEquals(Double.MIN_VALUE, GlibcExp.exp(-745.0));
        assertEquals(Double.POSITIVE_INFINITY, GlibcExp.exp(710.0));
        assertTrue(Double.isNaN(GlibcExp.exp(Double.NaN)));
        assertEquals(Math.E, GlibcExp.exp(1.0));
    }
}
