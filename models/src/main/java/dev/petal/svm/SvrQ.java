package dev.petal.svm;

/**
 * libsvm's {@code SVR_Q}: the 2l x 2l matrix of the ε-SVR and ν-SVR duals over l samples, variable k and
 * k + l both standing for sample k with signs +1 and -1. Kernel columns of the samples come unpermuted,
 * as floats, from a {@link SvcQ} (or, for sparse rows, a {@link SparseSvcQ}) whose labels are all +1 (which is libsvm's kernel column, cached the
 * same way); a requested column is then reordered and signed into one of two alternating buffers, as
 * libsvm does, so the two columns of one solver iteration stay valid together.
 */
final class SvrQ implements QMatrix {
    private final int l;
    private final QMatrix kernel;
    private final byte[] sign;
    private final int[] index;
    private final double[] qd;
    private final float[][] buffer;
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
        float[] data = kernel.getQ(index[i], l);
        float[] buf = buffer[nextBuffer];
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
