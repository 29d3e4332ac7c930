package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ProductsTest {
    private static double[] parse(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(node.get(i).asText());
        }
        return v;
    }

    @Test
    void everyShapeMatchesNumpysDotBitForBit() throws IOException {
        JsonNode products;
        try (InputStream in = ProductsTest.class.getResourceAsStream("/fixtures/make_classification.json")) {
            products = new ObjectMapper().readTree(in).get("products");
        }
        assertEquals(29, products.size());
        for (JsonNode p : products) {
            int rows = p.get("rows").asInt();
            int k = p.get("k").asInt();
            int m = p.get("m").asInt();
            String at = rows + "x" + k + " @ " + k + "x" + m;
            double[] x = parse(p.get("x"));
            int nf = k + m + 1;
            double[] wide = new double[rows * nf];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(x, i * k, wide, i * nf, k);
            }
            Products.multiplyInPlace(wide, nf, 0, rows, k, parse(p.get("a")), m, k + 1);
            double[] got = new double[rows * m];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(wide, i * nf + k + 1, got, i * m, m);
            }
            assertArrayEquals(parse(p.get("dot")), got, 0.0, at);
        }
    }
}
