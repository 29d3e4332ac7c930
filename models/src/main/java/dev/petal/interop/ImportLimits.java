package dev.petal.interop;

/**
 * Upper bounds applied while reading a scikit-learn file, each checked before the memory it guards
 * is allocated.
 *
 * @param maxBytes   the most bytes the pickle stream may hold after decompression
 * @param maxObjects the most values the pickle may push (every number, string, container, array)
 * @param maxDepth   the deepest nesting of marks ({@code (}) and nested pickles
 */
public record ImportLimits(long maxBytes, int maxObjects, int maxDepth) {
    /** The defaults: 1 GiB of pickle stream or an eighth of the JVM's maximum heap, whichever is less; 4M values; depth 64. */
    public static final ImportLimits DEFAULT = new ImportLimits(
            Math.max(1L << 20, Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 8)), 1 << 22, 64);

    /** Refuses bounds below 1. */
    public ImportLimits {
        if (maxBytes < 1 || maxObjects < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("every import limit must be at least 1, got maxBytes=" + maxBytes
                    + ", maxObjects=" + maxObjects + ", maxDepth=" + maxDepth + ".");
        }
    }
}
