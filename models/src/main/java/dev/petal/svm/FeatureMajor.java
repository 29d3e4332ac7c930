package dev.petal.svm;

/**
 * Samples stored feature-major in blocks of {@link Blas#BLOCK} columns, the layout {@link Blas#dots} and
 * {@link Blas#squaredDistances} read: column (sample) {@code j} lies in block {@code j >> SHIFT} at local index
 * {@code j & MASK}, and {@code block(b)[f][i]} is feature f of column {@code b * BLOCK + i}.
 *
 * <p>Blocks keep the block kernels' scratch at {@link Blas#BLOCK} entries whatever the data's size, while every
 * array in a kernel loop (the block's feature rows and the scratch) is still indexed by the same local index,
 * which C2 needs to vectorize the loops (indexing the scratch from a block start, {@code c[j - from]}, against
 * data indexed by {@code j}, stopped it). The last block holds only the remaining columns.
 */
final class FeatureMajor {
    /** log2 of {@link Blas#BLOCK}. */
    static final int SHIFT = Integer.numberOfTrailingZeros(Blas.BLOCK);
    /** The local index mask, {@code BLOCK - 1}. */
    static final int MASK = Blas.BLOCK - 1;

    private final int n;
    private final int d;
    private final double[][][] blocks;

    private FeatureMajor(int n, int d) {
        this.n = n;
        this.d = d;
        int nb = (n + MASK) >> SHIFT;
        this.blocks = new double[nb][][];
        for (int b = 0; b < nb; b++) {
            blocks[b] = new double[d][Math.min(Blas.BLOCK, n - (b << SHIFT))];
        }
    }

    /** Rows [0, n) of the row-major {@code x} ({@code d} values per row) as columns [0, n). */
    static FeatureMajor ofRows(double[] x, int n, int d) {
        FeatureMajor t = new FeatureMajor(n, d);
        for (int j = 0; j < n; j++) {
            t.setColumn(j, x, j * d);
        }
        return t;
    }

    /** Rows {@code rows[j]} of the row-major {@code x} ({@code d} values per row) as columns j. */
    static FeatureMajor ofRows(double[] x, int[] rows, int d) {
        FeatureMajor t = new FeatureMajor(rows.length, d);
        for (int j = 0; j < rows.length; j++) {
            t.setColumn(j, x, rows[j] * d);
        }
        return t;
    }

    private void setColumn(int j, double[] x, int o) {
        double[][] blk = blocks[j >> SHIFT];
        int i = j & MASK;
        for (int f = 0; f < d; f++) {
            blk[f][i] = x[o + f];
        }
    }

    /** The number of columns. */
    int columns() {
        return n;
    }

    /** The number of blocks. */
    int blockCount() {
        return blocks.length;
    }

    /** Block {@code b}: {@code [f][i]} is feature f of column {@code b * BLOCK + i}. */
    double[][] block(int b) {
        return blocks[b];
    }

    /** The number of columns in block {@code b} ({@link Blas#BLOCK}, fewer in the last one). */
    int blockLength(int b) {
        return Math.min(Blas.BLOCK, n - (b << SHIFT));
    }

    /** Swaps columns i and j (every feature). */
    void swap(int i, int j) {
        double[][] bi = blocks[i >> SHIFT];
        double[][] bj = blocks[j >> SHIFT];
        int li = i & MASK;
        int lj = j & MASK;
        for (int f = 0; f < d; f++) {
            double t = bi[f][li];
            bi[f][li] = bj[f][lj];
            bj[f][lj] = t;
        }
    }
}
