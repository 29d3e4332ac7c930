package dev.petal.modelio;

import dev.petal.io.ModelArchive;
import dev.petal.io.ModelFormatException;
import dev.petal.io.NpyArray;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.numeric.SharedRows;
import java.util.Map;

/**
 * The support vectors of a libsvm model in a model file. A model fitted on dense rows writes them as one dense
 * {@code support_vectors} array (&lt;f8, n_SV x n_features; 0 x 0 for a precomputed kernel), as format 1 did. A
 * model fitted on sparse rows writes them as scikit-learn holds them, a CSR matrix (format 2):
 * {@code support_vectors_data} (&lt;f8, nnz), {@code support_vectors_indices} (&lt;i4, nnz) and
 * {@code support_vectors_indptr} (&lt;i4, n_SV + 1). A format-1 file of a sparse fit held them dense; they are read
 * back as CSR without their zeros, which add nothing to libsvm's sparse kernel sums.
 */
final class SupportVectors {
    private static final String NAME = "support_vectors";

    private SupportVectors() {
    }

    static void write(RowSource sv, Map<String, NpyArray> arrays, String prefix) {
        if (sv instanceof CsrMatrix c) {
            ModelArchive.putCsr(arrays, prefix + NAME, c);
        } else {
            Matrix m = (Matrix) sv;
            arrays.put(prefix + NAME, NpyArray.wrapDoubles(new int[] {m.rows(), m.cols()}, SharedRows.of(m)));
        }
    }

    /** Whether the file holds a sparse fit's support vectors as CSR arrays (format 2 and later). */
    private static boolean csr(ModelArchive a, boolean sparse) {
        return sparse && a.formatVersion() >= 2;
    }

    /**
     * The doubles' worth of memory the model will hold for its {@code l} support vectors, from the file's declared
     * shapes before anything is built: dense, twice (rows and transposed); CSR, the stored values and their indices
     * once (a format-1 sparse fit is bounded by its dense array, which loading decodes first).
     */
    static double doubles(ModelArchive a, String prefix, boolean sparse, int l, int nFeatures) throws ModelFormatException {
        if (csr(a, sparse)) {
            return 1.5 * a.csrStored(prefix + NAME) + 0.5 * (l + 1.0);
        }
        return 2.0 * l * nFeatures;
    }

    /** The support vectors, {@code rows} x {@code cols}: CSR for a sparse fit, dense otherwise; validated. */
    static RowSource read(ModelArchive a, String prefix, boolean sparse, int rows, int cols) throws ModelFormatException {
        if (csr(a, sparse)) {
            return a.csr(prefix + NAME, rows, cols);
        }
        Matrix m = a.matrix(prefix + NAME, rows, cols);
        return sparse ? m.toCsr() : m;
    }
}
