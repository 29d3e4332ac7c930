package dev.petal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fingerprints against {@code hashlib.sha256} of numpy's little-endian bytes of the same values, e.g.
 * {@code hashlib.sha256(x.astype('<f8').tobytes()).hexdigest()}; each input spans several of the hasher's chunks.
 */
class ProvenanceTest {
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** 3001 x 20 values, {@code ((i * 7919) % 1000) / 8 - 60}, with -0.0, the smallest subnormal and 1e308 at 5, 6, 7. */
    private static double[] values() {
        double[] x = new double[3001 * 20];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((i * 7919) % 1000) / 8.0 - 60.0;
        }
        x[5] = -0.0;
        x[6] = Double.MIN_VALUE;
        x[7] = 1e308;
        return x;
    }

    @Test
    void denseXIsNumpysLittleEndianFloat64RowByRow() {
        Matrix x = Matrix.of(3001, 20, values());
        String want = "6ac42d58cc3ffd12f5ae62d786895b66fcf2c261a660959c46bafa3db223388f";
        assertEquals(want, Provenance.sha256(x));
        assertEquals(want, Provenance.sha256((RowSource) x));
        assertEquals(EMPTY, Provenance.sha256(Matrix.zeros(0, 20)));
    }

    @Test
    void labelsAreLittleEndianInt32AndTargetsFloat64() {
        int[] y = new int[3001];
        double[] t = new double[3001];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i * 31) % 7 - 3;
            t[i] = i * 0.5 - 100.25;
        }
        assertEquals("b3b42aab6f931455846096bd56b161bee8583520bff1798096a2b393deede4a0", Provenance.sha256(y));
        assertEquals("dc842b1be9eb6506dbb21999041ba5223623f85c6688b5860727dd6b26427880", Provenance.sha256(t));
        assertEquals(EMPTY, Provenance.sha256(new int[0]));
        assertEquals(EMPTY, Provenance.sha256(new double[0]));
    }

    @Test
    void csrIsShapeThenIndptrIndicesAndData() {
        // 20000 x 10, row r storing r/8 - c at the columns r % 10 and 3r % 10: 512012 bytes in all
        List<Integer> indices = new ArrayList<>();
        List<Double> data = new ArrayList<>();
        int[] indptr = new int[20001];
        for (int r = 0; r < 20000; r++) {
            int a = Math.min(r % 10, r * 3 % 10);
            int b = Math.max(r % 10, r * 3 % 10);
            for (int c : a == b ? new int[] {a} : new int[] {a, b}) {
                indices.add(c);
                data.add(r * 0.125 - c);
            }
            indptr[r + 1] = indices.size();
        }
        CsrMatrix x = CsrMatrix.of(20000, 10, indptr, indices.stream().mapToInt(Integer::intValue).toArray(),
                data.stream().mapToDouble(Double::doubleValue).toArray());
        assertEquals("90d4e10aa8785e95f50a722ae0e2fc2eab7222821a2c04bb5f1bdff4cb1f7f05", Provenance.sha256(x));
    }
}
