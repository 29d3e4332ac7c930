package dev.petal.svm;

/**
 * libsvm's {@code SVR_Q}: the 2l x 2l matrix of the ε-SVR and ν-SVR duals over l samples, variable k and
 * k + l both standing for sample k with signs +1 and -1. Kernel columns of the samples come unpermuted,
 * as floats, from a {@link SvcQ} (or, for sparse rows, a {@link SparseSvcQ}) whose labels are all +1 (which is libsvm's kernel column, cached the
 * same way); a requested column is then reordered and signed into one of two alternating buffers, as
 * libsvm does, so the two columns of one solver iteration stay valid together.
 *
 * <p>Unlike libsvm, each buffer remembers which column it holds and how long: until the next swap, a column
 * asked for again (the working-set selection's column i is asked for again by the update, and ν-SVR's
 * selection builds the columns of both classes every iteration) is returned as it is instead of being
 * gathered again. The next column then goes to the other buffer, so the last two columns returned stay
 * valid together as before; the values are the same gather of the same kernel column.
 */
final class SvrQ implements QMatrix {
    private final int l;
    private final QMatrix kernel;
    private final byte[] sign;
    private final int[] index;
    private final double[] qd;
    private final float[][] buffer;
    /** The column each buffer holds, or -1 (none, or a swap since). */
    private final int[] held = {-1, -1};
    /** How many entries of that column each buffer holds. */
    private final int[] heldLen = new int[2];
    private int nextBuffer;

    /** Over the kernel columns of {@code kernel}, an l-sample Q whose labels are all +1 ({@link LibSvm.Problem#q}). */
    SvrQ(QMatrix kernel, int l) {
        this.l = l;
        this.kernel = kernel;
        double[] kd = kernel.qd();
        this.sign = new byte[2 * l];
        this.index = new int[2 * l];
        this.qd = new double[2 * l];
        for (int k = 0; k < l; k++) {
            sign[k] = 1;
            sign[k + l] = -1;
            index[k] = k;
            index[k + l] = k;
            qd[k] = kd[k];
            qd[k + l] = kd[k];
        }
        this.buffer = new float[][] {new float[2 * l], new float[2 * l]};
    }

    @Override
    public float[] getQ(int i, int len) {
        for (int b = 0; b < 2; b++) {
            if (held[b] == i && heldLen[b] >= len) {
                nextBuffer = 1 - b;
                return buffer[b];
            }
        }
        float[] data = kernel.getQ(index[i], l);
        float[] buf = buffer[nextBuffer];
        held[nextBuffer] = i;
        heldLen[nextBuffer] = len;
        nextBuffer = 1 - nextBuffer;
        float si = sign[i];
        for (int j = 0; j < len; j++) {
            buf[j] = si * (float) sign[j] * data[index[j]];
        }
        return buf;
    }

    @Override
    public double[] qd() {
        return qd;
    }

    @Override
    public void swapIndex(int i, int j) {
        held[0] = -1;
        held[1] = -1;
        byte ts = sign[i];
        sign[i] = sign[j];
        sign[j] = ts;
        int ti = index[i];
        index[i] = index[j];
        index[j] = ti;
        double tq = qd[i];
        qd[i] = qd[j];
        qd[j] = tq;
    }
}
