package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.petal.api.Estimator;
import dev.petal.linalg.Matrix;
import dev.petal.pipeline.Pipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.SVC;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the scikit-learn 1.2.1 fixtures written by {@code fixtures/gen_model_selection.py}. */
final class SelectionFixtures {
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static JsonNode datasets;

    private SelectionFixtures() {
    }

    static JsonNode load(String name) {
        try (InputStream in = SelectionFixtures.class.getResourceAsStream("/fixtures/model_selection/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + "; run /usr/bin/python3 fixtures/gen_model_selection.py");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized JsonNode dataset(String name) {
        if (datasets == null) {
            datasets = load("datasets");
        }
        return datasets.get(name);
    }

    static Matrix x(String dataset) {
        return matrix(dataset(dataset).get("X"));
    }

    /** Rows of doubles as a Matrix. */
    static Matrix matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(rows.get(i));
        }
        return Matrix.of(out);
    }

    static int[] y(String dataset) {
        JsonNode a = dataset(dataset).get("y");
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).intValue();
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

    /** A plain-data value: numbers as Long or Double, strings, booleans, null. */
    static Object plain(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.textValue();
    }

    static Map<String, Object> params(JsonNode o) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o != null) {
            o.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
        }
        return m;
    }

    /** Normalises a parameter map for comparison: integral numbers as Long, key order kept. */
    static List<Map.Entry<String, Object>> entries(Map<String, Object> m) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(Map.entry(k, v instanceof Integer i ? (Object) (long) i : v == null ? "None" : v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Estimator<? extends dev.petal.api.DecisionClassifier> estimator(JsonNode spec) {
        String type = spec.get("type").textValue();
        return switch (type) {
            case "svc" -> SVC.defaults().withParams(params(spec.get("params")));
            case "nusvc" -> dev.petal.svm.NuSVC.defaults().withParams(params(spec.get("params")));
            case "linearsvc" -> dev.petal.linear.LinearSVC.defaults().withParams(params(spec.get("params")));
            case "pipeline" -> {
                List<Estimator<?>> steps = new ArrayList<>();
                for (JsonNode s : spec.get("steps")) {
                    steps.add(s.get("type").textValue().equals("standardscaler")
                            ? StandardScaler.defaults().withParams(params(s.get("params"))) : estimator(s));
                }
                yield Pipeline.ofSteps(steps);
            }
            default -> throw new IllegalArgumentException(type);
        };
    }

    static CvSplitter cv(JsonNode spec) {
        if (spec.isInt()) {
            return new Folds(spec.intValue());
        }
        int k = spec.get("n_splits").intValue();
        boolean shuffle = spec.path("shuffle").asBoolean(false);
        long seed = spec.path("random_state").asLong(0);
        return switch (spec.get("kind").textValue()) {
            case "kfold" -> new KFold(k, shuffle, seed);
            case "stratified" -> new StratifiedKFold(k, shuffle, seed);
            default -> throw new IllegalArgumentException(spec.toString());
        };
    }

    static List<Map<String, List<?>>> grid(JsonNode g) {
        List<Map<String, List<?>>> out = new ArrayList<>();
        for (JsonNode sub : g.isArray() ? g : List.of(g)) {
            Map<String, List<?>> m = new LinkedHashMap<>();
            sub.properties().forEach(e -> {
                List<Object> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(plain(v)));
                m.put(e.getKey(), values);
            });
            out.add(m);
        }
        return out;
    }

    static List<Map<String, ParamDistribution>> distributions(JsonNode g) {
        List<Map<String, ParamDistribution>> out = new ArrayList<>();
        for (JsonNode sub : g.isArray() ? g : List.of(g)) {
            Map<String, ParamDistribution> m = new LinkedHashMap<>();
            sub.properties().forEach(e -> {
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    List<Object> values = new ArrayList<>();
                    v.forEach(x -> values.add(plain(x)));
                    m.put(e.getKey(), new ParamDistribution.Choice(values));
                } else {
                    m.put(e.getKey(), switch (v.get("dist").textValue()) {
                        case "uniform" -> new ParamDistribution.Uniform(v.get("loc").doubleValue(), v.get("scale").doubleValue());
                        case "loguniform" -> new ParamDistribution.LogUniform(v.get("a").doubleValue(), v.get("b").doubleValue());
                        case "randint" -> new ParamDistribution.RandInt(v.get("low").longValue(), v.get("high").longValue());
                        default -> throw new IllegalArgumentException(v.toString());
                    });
                }
            });
            out.add(m);
        }
        return out;
    }

    /** cv_results_ (scores exact, parameter columns equal), best_index_, best_score_ and best_params_ as the fixture has them. */
    static void checkSearch(JsonNode c, SearchResult<?> r) {
        JsonNode exp = c.get("cv_results");
        CvResults got = r.cvResults();
        List<Map<String, Object>> params = new ArrayList<>();
        exp.get("params").forEach(p -> params.add(params(p)));
        assertEquals(params.size(), got.nCandidates(), "number of candidates");
        for (int k = 0; k < params.size(); k++) {
            assertEquals(entries(params.get(k)), entries(got.params().get(k)), "params of candidate " + k);
        }
        int splits = c.get("n_splits").intValue();
        assertEquals(splits, got.nSplits());
        for (int k = 0; k < splits; k++) {
            assertArrayEquals(doubles(exp.get("split" + k + "_test_score")), got.splitTestScore(k), 0.0, "split" + k);
        }
        assertArrayEquals(doubles(exp.get("mean_test_score")), got.meanTestScore(), 0.0, "mean_test_score");
        assertArrayEquals(doubles(exp.get("std_test_score")), got.stdTestScore(), 0.0, "std_test_score");
        assertArrayEquals(ints(exp.get("rank_test_score")), got.rankTestScore(), "rank_test_score");
        if (exp.has("mean_train_score")) {
            for (int k = 0; k < splits; k++) {
                assertArrayEquals(doubles(exp.get("split" + k + "_train_score")), got.splitTrainScore(k), 0.0);
            }
            assertArrayEquals(doubles(exp.get("mean_train_score")), got.meanTrainScore(), 0.0);
            assertArrayEquals(doubles(exp.get("std_train_score")), got.stdTrainScore(), 0.0);
        }
        exp.properties().forEach(e -> {
            if (e.getKey().startsWith("param_")) {
                List<Object> col = new ArrayList<>();
                e.getValue().forEach(v -> col.add(plain(v)));
                List<?> mine = got.asMap().get(e.getKey());
                assertEquals(col.size(), mine.size(), e.getKey());
                for (int k = 0; k < col.size(); k++) {
                    Object m = mine.get(k) instanceof Integer n ? (Object) (long) n : mine.get(k);
                    assertEquals(col.get(k), m, e.getKey() + "[" + k + "]");
                }
            }
        });
        assertEquals(c.get("best_index").intValue(), r.bestIndex(), "best_index_");
        assertEquals(c.get("best_score").doubleValue(), r.bestScore(), 0.0, "best_score_");
        assertEquals(entries(params(c.get("best_params"))), entries(r.bestParams()));
    }
}
