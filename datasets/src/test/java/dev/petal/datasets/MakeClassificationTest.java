package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.api.Provenance;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MakeClassificationTest {
    private static final JsonNode GOLDEN = load();

    private static JsonNode load() {
        try (InputStream in = MakeClassificationTest.class.getResourceAsStream("/fixtures/make_classification.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings of one fixture case, from sklearn's keyword arguments (absent ones take sklearn's defaults). */
    static MakeClassification settings(JsonNode kw) {
        double[] weights = null;
        if (kw.has("weights")) {
            weights = new double[kw.get("weights").size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = kw.get("weights").get(i).asDouble();
            }
        }
        return new MakeClassification(kw.get("n_samples").asInt(), kw.path("n_features").asInt(20),
                kw.path("n_informative").asInt(2), kw.path("n_redundant").asInt(2), kw.path("n_repeated").asInt(0),
                kw.path("n_classes").asInt(2), kw.path("n_clusters_per_class").asInt(2), weights,
                kw.path("flip_y").asDouble(0.01), kw.path("class_sep").asDouble(1.0), kw.path("hypercube").asBoolean(true),
                optional(kw, "shift", 0.0), optional(kw, "scale", 1.0), kw.path("shuffle").asBoolean(true));
    }

    private static OptionalDouble optional(JsonNode kw, String name, double dflt) {
        if (!kw.has(name)) {
            return OptionalDouble.of(dflt);
        }
        return kw.get(name).isNull() ? OptionalDouble.empty() : OptionalDouble.of(kw.get(name).asDouble());
    }

    private static Dataset generate(JsonNode c) {
        JsonNode kw = c.get("params");
        return settings(kw).generate(kw.get("random_state").asLong());
    }

    @Test
    void everyCaseMatchesScikitLearnBitForBit() {
        int checked = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            String at = c.get("name").asText();
            Dataset d = generate(c);
            assertEquals(c.get("n_samples").asInt(), d.nSamples(), at);
            assertEquals(c.get("n_features").asInt(), d.nFeatures(), at);
            if (c.has("x")) {
                double[] want = new double[c.get("x").size()];
                for (int i = 0; i < want.length; i++) {
                    want[i] = Double.parseDouble(c.get("x").get(i).asText());
                }
                assertArrayEquals(want, d.x().toFlatArray(), 0.0, at);
                int[] y = new int[c.get("y").size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = c.get("y").get(i).asInt();
                }
                assertArrayEquals(y, d.y(), at);
            } else {
                Matrix x = d.x();
                c.get("rows").properties().forEach(e -> {
                    double[] want = new double[e.getValue().size()];
                    for (int f = 0; f < want.length; f++) {
                        want[f] = Double.parseDouble(e.getValue().get(f).asText());
                    }
                    assertArrayEquals(want, x.row(Integer.parseInt(e.getKey())), 0.0, at + " row " + e.getKey());
                });
            }
            assertEquals(c.get("x_sha256").asText(), Provenance.sha256(d.x()), at);
            assertEquals(c.get("y_sha256").asText(), Provenance.sha256(d.y()), at);
            checked++;
        }
        assertEquals(26, checked);
    }

    @Test
    void eightyRandomSettingsMatchScikitLearnBitForBit() {
        int checked = 0;
        StringBuilder failed = new StringBuilder();
        for (JsonNode c : GOLDEN.get("sweep")) {
            Dataset d = generate(c);
            if (!c.get("x_sha256").asText().equals(Provenance.sha256(d.x()))
                    || !c.get("y_sha256").asText().equals(Provenance.sha256(d.y()))) {
                failed.append('\n').append(c.get("params"));
            }
            checked++;
        }
        assertEquals("", failed.toString());
        assertEquals(80, checked);
    }

    @Test
    void scikitLearnsValueErrorsKeepTheirTexts() {
        int checked = 0;
        for (JsonNode e : GOLDEN.get("errors")) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> settings(e.get("params")), e.get("params").toString());
            assertEquals(e.get("message").asText(), ex.getMessage());
            checked++;
        }
        assertEquals(5, checked);
    }

    @Test
    void defaultsAreScikitLearns() {
        MakeClassification p = MakeClassification.defaults(100);
        assertEquals(new MakeClassification(100, 20, 2, 2, 0, 2, 2, null, 0.01, 1.0, true,
                OptionalDouble.of(0.0), OptionalDouble.of(1.0), true), p);
        assertNull(p.weights());
        assertEquals("feature_19", p.generate(0).featureNames().get(19));
        assertEquals(Provenance.sha256(p.generate(0).x()), Provenance.sha256(Datasets.makeClassification(100, 0).x()));
    }

    @Test
    void sizesOutsideTheirRangesAreRefusedWithTheParameterName() {
        assertEquals("The 'n_samples' parameter of make_classification must be an int in the range [1, inf). Got 0 instead.",
                assertThrows(IllegalArgumentException.class, () -> MakeClassification.defaults(0)).getMessage());
        assertEquals("The 'n_classes' parameter of make_classification must be an int in the range [1, inf). Got 0 instead.",
                assertThrows(IllegalArgumentException.class, () -> MakeClassification.defaults(5).withNClasses(0)).getMessage());
        assertEquals("The weights of make_classification must be finite and non-negative. Got [-0.5] instead.",
                assertThrows(IllegalArgumentException.class, () -> MakeClassification.defaults(5).withWeights(-0.5)).getMessage());
    }

    @Test
    void weightsAreCopiedInAndOut() {
        double[] w = {0.7, 0.3};
        MakeClassification p = MakeClassification.defaults(10).withWeights(w);
        w[0] = 5;
        assertEquals(0.7, p.weights()[0]);
        p.weights()[0] = 9;
        assertEquals(0.7, p.weights()[0]);
        assertTrue(p.generate(1).nSamples() == 10);
    }
}
