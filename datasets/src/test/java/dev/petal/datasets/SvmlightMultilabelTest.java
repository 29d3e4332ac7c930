package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load_svmlight_file(multilabel=True)} and {@code dump_svmlight_file(multilabel=True)} against scikit-learn
 * 1.2.1 ({@code fixtures/gen_svmlight_multilabel.py}): sorted label tuples, lines without labels, query ids, the
 * CSR arrays, refused label lists, and the bytes written for dense and CSR X and label indicators.
 */
class SvmlightMultilabelTest {
    @TempDir
    Path dir;

    private static JsonNode fixture() throws IOException {
        try (InputStream in = SvmlightMultilabelTest.class.getResourceAsStream("/fixtures/svmlight_multilabel.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(a.get(i).textValue());
        }
        return out;
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).intValue();
        }
        return out;
    }

    @Test
    void loadsAsScikitLearnLoads() throws IOException {
        for (JsonNode c : fixture().get("loads")) {
            String name = c.get("name").textValue();
            Boolean zeroBased = c.get("zero_based").isNull() ? null : c.get("zero_based").booleanValue();
            int nFeatures = c.get("n_features").intValue();
            String text = c.get("text").textValue();
            if (c.has("error")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Svmlight.parseMultilabel("f.svm", text, zeroBased, nFeatures), name);
                assertEquals("f.svm line 1: label '" + (name.equals("bad_label") ? "x" : "") + "' is not a number",
                        e.getMessage(), name);
                continue;
            }
            Path file = Files.writeString(dir.resolve(name + ".svm"), text, StandardCharsets.ISO_8859_1);
            SvmlightMultilabelData d = Svmlight.loadMultilabel(file, zeroBased, nFeatures);
            List<double[]> labels = d.labels();
            assertEquals(c.get("labels").size(), labels.size(), name + " lines");
            for (int i = 0; i < labels.size(); i++) {
                assertArrayEquals(doubles(c.get("labels").get(i)), labels.get(i), 0.0, name + " labels of line " + i);
            }
            CsrMatrix x = d.x();
            assertEquals(c.get("shape").get(0).intValue(), x.rows(), name + " rows");
            assertEquals(c.get("shape").get(1).intValue(), x.cols(), name + " cols");
            assertArrayEquals(ints(c.get("indptr")), x.indptr(), name + " indptr");
            assertArrayEquals(ints(c.get("indices")), x.indices(), name + " indices");
            assertArrayEquals(doubles(c.get("data")), x.data(), 0.0, name + " data");
            if (c.has("query_id")) {
                long[] want = java.util.Arrays.stream(ints(c.get("query_id"))).asLongStream().toArray();
                assertArrayEquals(want, d.queryId(), name + " query ids");
            }
        }
    }

    @Test
    void dumpsTheBytesScikitLearnWrites() throws IOException {
        for (JsonNode c : fixture().get("dumps")) {
            String name = c.get("name").textValue();
            int rows = c.get("rows").intValue();
            Matrix xd = Matrix.of(rows, c.get("cols").intValue(), doubles(c.get("x")));
            Matrix yd = Matrix.of(rows, c.get("y_cols").intValue(), doubles(c.get("y")));
            RowSource x = c.get("x_sparse").booleanValue() ? CsrMatrix.fromDense(xd) : xd;
            RowSource y = c.get("y_sparse").booleanValue() ? CsrMatrix.fromDense(yd) : yd;
            JsonNode q = c.get("query_id");
            long[] qid = q.isNull() ? null : java.util.Arrays.stream(ints(q)).asLongStream().toArray();
            String comment = c.get("comment").isNull() ? null : c.get("comment").textValue();
            Path file = dir.resolve(name + ".svm");
            Svmlight.dumpMultilabel(file, x, y, c.get("zero_based").booleanValue(), comment, qid);
            assertEquals(c.get("text").textValue(), Files.readString(file, StandardCharsets.UTF_8), name);
            SvmlightMultilabelData back = Svmlight.loadMultilabel(file, c.get("zero_based").booleanValue(), xd.cols());
            for (int i = 0; i < rows; i++) {
                int n = 0;
                for (double v : yd.row(i)) {
                    n += v != 0 ? 1 : 0;
                }
                assertEquals(n, back.labels().get(i).length, name + " labels read back, line " + i);
            }
        }
    }
}
