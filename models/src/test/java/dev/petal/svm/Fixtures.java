package dev.petal.svm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the scikit-learn 1.2.1 fixtures written by {@code fixtures/gen_svc.py} and the other svm generators. */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode load(String name) {
        return load("svm", name, "gen_svc.py");
    }

    /** {@code /fixtures/FOLDER/NAME.json}, which {@code fixtures/GENERATOR} writes. */
    static JsonNode load(String folder, String name, String generator) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + folder + "/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + "; run /usr/bin/python3 fixtures/" + generator);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One test argument per case of each file: {@code "FILE/CASE"}, the file's document, the case. */
    static Stream<Arguments> cases(String folder, List<String> files, String generator) {
        List<Arguments> out = new ArrayList<>();
        for (String f : files) {
            JsonNode doc = load(folder, f, generator);
            for (JsonNode c : doc.get("cases")) {
                out.add(Arguments.of(f + "/" + c.get("name").textValue(), doc, c));
            }
        }
        return out.stream();
    }

    /** A case's sample weights, or null when it has none. */
    static double[] sampleWeight(JsonNode c) {
        JsonNode sw = c.get("sample_weight");
        return sw == null || sw.isNull() ? null : doubles(sw);
    }

    /** Class labels stored as doubles, as integers. */
    static int[] labels(double[] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }

    static double[] toDoubles(int[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** A list, or a list of rows, as one flat array in row order. */
    static double[] flatten(JsonNode a) {
        List<Double> out = new ArrayList<>();
        for (JsonNode r : a) {
            if (r.isArray()) {
                r.forEach(v -> out.add(v.doubleValue()));
            } else {
                out.add(r.doubleValue());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static Matrix matrix(JsonNode rows) {
        int r = rows.size();
        if (r == 0) {
            return Matrix.zeros(0, 0);
        }
        double[][] out = new double[r][];
        for (int i = 0; i < r; i++) {
            out[i] = doubles(rows.get(i));
        }
        return Matrix.of(out);
    }

    static double[][] doubles2(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(rows.get(i));
        }
        return out;
    }

    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).doubleValue();
        }
        return out;
    }

    static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).intValue();
        }
        return out;
    }

    /** The SVC a fixture case describes with scikit-learn's parameter names. */
    static SVC svc(JsonNode p) {
        JsonNode g = p.get("gamma");
        Gamma gamma = g.isTextual() ? Gamma.parse(g.textValue()) : Gamma.of(g.doubleValue());
        JsonNode cw = p.get("class_weight");
        ClassWeight classWeight;
        if (cw == null || cw.isNull()) {
            classWeight = ClassWeight.none();
        } else if (cw.isTextual()) {
            classWeight = ClassWeight.balanced();
        } else {
            Map<Integer, Double> m = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = cw.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(Integer.parseInt(e.getKey()), e.getValue().doubleValue());
            }
            classWeight = ClassWeight.of(m);
        }
        JsonNode rs = p.get("random_state");
        return new SVC(p.get("C").doubleValue(), Kernel.parse(p.get("kernel").textValue()), p.get("degree").intValue(),
                gamma, p.get("coef0").doubleValue(), p.get("shrinking").booleanValue(), p.get("probability").booleanValue(),
                p.get("tol").doubleValue(), p.get("cache_size").doubleValue(), classWeight, p.get("max_iter").intValue(),
                DecisionShape.parse(p.get("decision_function_shape").textValue()), p.get("break_ties").booleanValue(),
                rs == null || rs.isNull() ? null : rs.longValue());
    }
}
