package dev.petal.spark;

import dev.petal.api.DecisionClassifier;
import dev.petal.check.ClassLabels;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores one partition of rows in batches: the model file (a broadcast of its bytes, so no shared file system is
 * needed) is loaded once per executor JVM and kept in a small cache keyed by its SHA-256; each batch of rows becomes
 * one matrix for predict, decision_function and predict_proba.
 */
final class ScorePartitions implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 4096;
    private static final int CACHED_MODELS = 4;
    private static final Map<String, LoadedModel> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LoadedModel> eldest) {
            return size() > CACHED_MODELS;
        }
    };

    private final Broadcast<byte[]> model;
    private final String sha;
    private final int[] featureIndex;
    private final ArrayList<String> featureNames;
    private final boolean decision;
    private final boolean proba;

    ScorePartitions(Broadcast<byte[]> model, String sha, int[] featureIndex, List<String> featureNames,
                    boolean decision, boolean proba) {
        this.model = model;
        this.sha = sha;
        this.featureIndex = featureIndex.clone();
        this.featureNames = new ArrayList<>(featureNames);
        this.decision = decision;
        this.proba = proba;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The model of {@code bytes}, loaded once per JVM. */
    static LoadedModel load(String sha, byte[] bytes) {
        synchronized (CACHE) {
            LoadedModel m = CACHE.get(sha);
            if (m != null) {
                return m;
            }
            Path tmp = null;
            try {
                tmp = Files.createTempFile("petal-model-", ".petal");
                Files.write(tmp, bytes);
                m = ModelIO.load(tmp);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the model on this executor: " + e.getMessage(), e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // a leftover temporary file
                    }
                }
            }
            CACHE.put(sha, m);
            return m;
        }
    }

    /** The class names the prediction column holds (the model's names, else its integer labels). */
    static List<String> classNames(LoadedModel loaded) {
        return ClassLabels.names(loaded.metadata().classNames(), loaded.asClassifier().classes());
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        LoadedModel loaded = load(sha, model.value());
        DecisionClassifier clf = loaded.asClassifier();
        List<String> names = classNames(loaded);
        int[] classes = clf.classes();
        int d = featureIndex.length;
        return new Iterator<>() {
            private final List<Row> out = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                if (next < out.size()) {
                    return true;
                }
                out.clear();
                next = 0;
                double[] data = new double[BATCH * d];
                int n = 0;
                while (n < BATCH && rows.hasNext()) {
                    Row r = rows.next();
                    for (int j = 0; j < d; j++) {
                        Object v = r.get(featureIndex[j]);
                        if (!(v instanceof Number num)) {
                            throw new IllegalArgumentException("a row has " + (v == null ? "no value" : "'" + v + "'")
                                    + " in feature column '" + featureNames.get(j) + "'; every feature must be a number");
                        }
                        data[n * d + j] = num.doubleValue();
                    }
                    n++;
                }
                if (n == 0) {
                    return false;
                }
                double[] exact = n == BATCH ? data : java.util.Arrays.copyOf(data, n * d);
                Matrix x = Matrix.of(n, d, exact);
                int[] pred = clf.predict(x);
                Matrix dec = decision ? clf.decisionFunction(x) : null;
                Matrix prob = proba ? clf.predictProba(x) : null;
                for (int i = 0; i < n; i++) {
                    List<Object> values = new ArrayList<>();
                    values.add(names.get(ClassLabels.indexOf(classes, pred[i])));
                    if (dec != null) {
                        for (int j = 0; j < dec.cols(); j++) {
                            values.add(dec.get(i, j));
                        }
                    }
                    if (prob != null) {
                        for (int j = 0; j < prob.cols(); j++) {
                            values.add(prob.get(i, j));
                        }
                    }
                    out.add(RowFactory.create(values.toArray()));
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.get(next++);
            }
        };
    }
}
