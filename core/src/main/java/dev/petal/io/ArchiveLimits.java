package dev.petal.io;

/**
 * Upper bounds applied while reading a model file, checked before anything is allocated.
 *
 * @param maxFileBytes        the largest file accepted
 * @param maxUncompressedBytes the largest total uncompressed size of all entries together
 * @param maxEntries          the largest number of ZIP entries
 * @param maxHeaderBytes      the largest uncompressed size of {@code petal.json}
 */
public record ArchiveLimits(long maxFileBytes, long maxUncompressedBytes, int maxEntries, int maxHeaderBytes) {
    /**
     * The defaults: files up to 1 GiB; in total 1 GiB uncompressed or an eighth of the JVM's maximum heap,
     * whichever is less (decoding holds a few copies of each array, so a file that announces more could
     * exhaust the heap); 256 entries; a 4 MiB {@code petal.json}.
     */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(1L << 30,
            Math.max(1L << 20, Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 8)), 256, 4 << 20);

    /** Validates that every bound is positive and that the header fits an array. */
    public ArchiveLimits {
        if (maxFileBytes < 1 || maxUncompressedBytes < 1 || maxEntries < 1 || maxHeaderBytes < 1) {
            throw new IllegalArgumentException("every archive limit must be at least 1, got " + maxFileBytes + ", "
                    + maxUncompressedBytes + ", " + maxEntries + ", " + maxHeaderBytes + ".");
        }
    }
}
