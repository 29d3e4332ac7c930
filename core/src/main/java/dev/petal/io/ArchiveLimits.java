package dev.petal.io;

/**
 * Upper bounds applied while reading a model file, checked before anything is allocated.
 *
 * @param maxFileBytes         the largest file accepted
 * @param maxUncompressedBytes the largest total uncompressed size of all entries together
 * @param maxEntries           the largest number of ZIP entries
 * @param maxHeaderBytes       the largest uncompressed size of {@code petal.json}
 * @param maxCompressionRatio  the largest ratio of an entry's uncompressed to compressed size, once it is past
 *                             {@link #RATIO_SLACK_BYTES} (a ZIP bomb inflates about 1,000 times; Petal's own
 *                             arrays of measured doubles a few times)
 * @param maxModelBytes        the largest memory the loaded model may hold, its derived structures included
 *                             (checked from the header's counts, before the model is built)
 */
public record ArchiveLimits(long maxFileBytes, long maxUncompressedBytes, int maxEntries, int maxHeaderBytes,
                            int maxCompressionRatio, long maxModelBytes) {
    /** Entries up to this size may have any compression ratio. */
    public static final long RATIO_SLACK_BYTES = 1 << 20;
    private static final int DEFAULT_RATIO = 256;

    /**
     * The defaults: files up to 1 GiB; in total 1 GiB uncompressed or an eighth of the JVM's maximum heap,
     * whichever is less (decoding holds a few copies of each array, so a file that announces more could
     * exhaust the heap); 256 entries; a 4 MiB {@code petal.json}; a compression ratio up to 256; a loaded model
     * of up to a quarter of the maximum heap.
     */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(1L << 30,
            Math.max(1L << 20, Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 8)), 256, 4 << 20);

    /** Validates that every bound is positive. */
    public ArchiveLimits {
        if (maxFileBytes < 1 || maxUncompressedBytes < 1 || maxEntries < 1 || maxHeaderBytes < 1
                || maxCompressionRatio < 1 || maxModelBytes < 1) {
            throw new IllegalArgumentException("ArchiveLimits: every limit must be at least 1, got maxFileBytes="
                    + maxFileBytes + ", maxUncompressedBytes=" + maxUncompressedBytes + ", maxEntries=" + maxEntries
                    + ", maxHeaderBytes=" + maxHeaderBytes + ", maxCompressionRatio=" + maxCompressionRatio
                    + ", maxModelBytes=" + maxModelBytes + ".");
        }
    }

    /** These limits with the default compression ratio and model budget. */
    public ArchiveLimits(long maxFileBytes, long maxUncompressedBytes, int maxEntries, int maxHeaderBytes) {
        this(maxFileBytes, maxUncompressedBytes, maxEntries, maxHeaderBytes, DEFAULT_RATIO, defaultModelBytes());
    }

    private static long defaultModelBytes() {
        return Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 4);
    }

    /** A copy with {@code maxModelBytes}. */
    public ArchiveLimits withMaxModelBytes(long bytes) {
        return new ArchiveLimits(maxFileBytes, maxUncompressedBytes, maxEntries, maxHeaderBytes, maxCompressionRatio,
                bytes);
    }

    /** A copy with {@code maxCompressionRatio}. */
    public ArchiveLimits withMaxCompressionRatio(int ratio) {
        return new ArchiveLimits(maxFileBytes, maxUncompressedBytes, maxEntries, maxHeaderBytes, ratio,
                maxModelBytes);
    }
}
