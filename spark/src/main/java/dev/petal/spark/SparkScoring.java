package dev.petal.spark;

import dev.petal.api.DecisionClassifier;
import dev.petal.check.PyRepr;
import dev.petal.modelio.LoadedModel;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Batch scoring on Spark: {@link #score} turns a {@code Dataset<Row>} into the columns {@code petal predict} writes
 * ({@code prediction}, then {@code decision_0..k-1}, then {@code proba_<class>}), scoring each partition in bulk with
 * the model loaded once per executor; {@link #scoreFile} is {@code petal score --target spark:...}: CSV or Parquet in,
 * read with an explicit schema from the model's feature names, CSV (in the input's row order) or Parquet out.
 */
public final class SparkScoring {
    private SparkScoring() {
    }

    /** The output schema: {@code prediction} (the class name), then the decision and probability columns. */
    public static StructType outputSchema(LoadedModel model, int decisionColumns, boolean proba) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("prediction", DataTypes.StringType, false));
        for (int j = 0; j < decisionColumns; j++) {
            f.add(DataTypes.createStructField("decision_" + j, DataTypes.DoubleType, false));
        }
        if (proba) {
            for (String n : ScorePartitions.classNames(model)) {
                f.add(DataTypes.createStructField("proba_" + n, DataTypes.DoubleType, false));
            }
        }
        return DataTypes.createStructType(f);
    }

    /**
     * Scores {@code rows} with the model file {@code modelFile} (its bytes are broadcast, so executors need no
     * shared file system); the model's feature columns are taken from {@code rows} by name and must be numeric.
     * The result has one row per input row, in the same partitions and order.
     */
    public static Dataset<Row> score(Dataset<Row> rows, byte[] modelFile, boolean decision, boolean proba) {
        String sha = ScorePartitions.sha256(modelFile);
        LoadedModel model = ScorePartitions.load(sha, modelFile);
        DecisionClassifier clf = model.asClassifier();
        if (proba && !clf.supportsProba()) {
            throw new IllegalArgumentException("the model was trained without probability estimates; retrain it with"
                    + " 'petal train --probability' to use --proba");
        }
        List<String> features = features(model);
        StructType schema = rows.schema();
        List<String> columns = Arrays.asList(schema.fieldNames());
        int[] index = new int[features.size()];
        for (int j = 0; j < index.length; j++) {
            index[j] = columns.indexOf(features.get(j));
            if (index[j] < 0) {
                throw new IllegalArgumentException("the data has no column '" + features.get(j) + "', a feature the model"
                        + " was trained on (model features: " + String.join(", ", features) + "; data columns: "
                        + String.join(", ", columns) + ")");
            }
            if (!(schema.fields()[index[j]].dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("column '" + features.get(j) + "' of the data is "
                        + schema.fields()[index[j]].dataType().simpleString() + ", but the model's features are numbers");
            }
        }
        int decisionColumns = decision ? decisionColumns(clf) : 0;
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext());
        var broadcast = jsc.broadcast(modelFile);
        return rows.mapPartitions(new ScorePartitions(broadcast, sha, index, features, decision, proba),
                Encoders.row(outputSchema(model, decisionColumns, proba)));
    }

    /**
     * Scores a CSV or Parquet file into {@code output}: {@code .parquet} writes Spark's Parquet folder, anything else
     * one CSV file in the input's row order, written to a temporary file and moved into place. Returns the row count.
     * A local input is read by the executors directly when they share this machine (local masters, a cluster on
     * 127.0.0.1), else its lines are shipped through Spark; give a URI (hdfs://, s3a://...) for data already on
     * storage every executor reads.
     */
    public static long scoreFile(SparkSession spark, Path modelPath, String data, Path output, boolean decision,
                                 boolean proba) throws IOException {
        byte[] modelFile = Files.readAllBytes(modelPath);
        LoadedModel model = ScorePartitions.load(ScorePartitions.sha256(modelFile), modelFile);
        List<String> features = features(model);
        boolean uri = data.contains("://");
        boolean sameMachine = spark.sparkContext().master().startsWith("local")
                || spark.sparkContext().master().matches("spark://(127\\.0\\.0\\.1|localhost):\\d+");
        Dataset<Row> rows;
        if (data.endsWith(".parquet")) {
            if (!uri && !sameMachine) {
                throw new IllegalArgumentException("the executors of " + spark.sparkContext().master() + " cannot read"
                        + " the local file " + data + "; put it on storage they all read (hdfs://, s3a://, file:// on a"
                        + " shared mount) and pass that URI");
            }
            rows = spark.read().parquet(data);
        } else {
            List<String> header = uri ? null : header(Path.of(data));
            if (header == null) {
                rows = spark.read().option("header", true).option("mode", "FAILFAST").option("inferSchema", false)
                        .csv(data);
                rows = rows.select(castFeatures(rows, features));
            } else {
                StructType schema = csvSchema(Path.of(data), header, features);
                var reader = spark.read().option("header", true).option("mode", "FAILFAST").schema(schema);
                if (sameMachine) {
                    rows = reader.csv(Path.of(data).toAbsolutePath().toString());
                } else {
                    rows = reader.csv(spark.createDataset(Files.readAllLines(Path.of(data)), Encoders.STRING()));
                }
            }
        }
        Dataset<Row> scored = score(rows, modelFile, decision, proba);
        if (output.toString().endsWith(".parquet")) {
            scored.write().mode("errorifexists").parquet(output.toAbsolutePath().toString());
            return spark.read().parquet(output.toAbsolutePath().toString()).count();
        }
        return writeCsv(scored, output);
    }

    private static org.apache.spark.sql.Column[] castFeatures(Dataset<Row> rows, List<String> features) {
        List<org.apache.spark.sql.Column> cols = new ArrayList<>();
        for (String c : rows.columns()) {
            cols.add(features.contains(c) ? rows.col("`" + c + "`").cast(DataTypes.DoubleType).as(c) : rows.col("`" + c + "`"));
        }
        return cols.toArray(new org.apache.spark.sql.Column[0]);
    }

    /** The explicit schema of a CSV file: the model's features as doubles, every other column as text. */
    static StructType csvSchema(Path file, List<String> header, List<String> features) {
        for (String f : features) {
            if (!header.contains(f)) {
                throw new IllegalArgumentException(file + " has no column '" + f + "', a feature the model was trained on"
                        + " (model features: " + String.join(", ", features) + "; file columns: " + String.join(", ", header)
                        + ")");
            }
        }
        List<StructField> fields = new ArrayList<>();
        for (String h : header) {
            fields.add(DataTypes.createStructField(h, features.contains(h) ? DataTypes.DoubleType : DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    private static List<String> header(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || line.isBlank()) {
                throw new IllegalArgumentException(file + " is empty; expected a header row");
            }
            List<String> out = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                String c = cell.strip();
                out.add(c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1).replace("\"\"", "\"") : c);
            }
            return out;
        }
    }

    private static List<String> features(LoadedModel model) {
        List<String> f = model.metadata().featureNames();
        if (f.isEmpty()) {
            throw new IllegalArgumentException("the model file has no feature names, so Spark cannot select its columns;"
                    + " train it from a CSV file with a header (petal train) or save it with feature names");
        }
        return f;
    }

    private static int decisionColumns(DecisionClassifier clf) {
        return clf.decisionFunction(dev.petal.linalg.Matrix.zeros(1, clf.nFeatures())).cols();
    }

    private static long writeCsv(Dataset<Row> scored, Path output) throws IOException {
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        long n = 0;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                String[] names = scored.schema().fieldNames();
                w.write(String.join(",", Arrays.stream(names).map(SparkScoring::csvCell).toList()));
                w.write('\n');
                Iterator<Row> it = scored.toLocalIterator();
                StringBuilder b = new StringBuilder();
                while (it.hasNext()) {
                    Row r = it.next();
                    b.setLength(0);
                    b.append(csvCell(r.getString(0)));
                    for (int j = 1; j < names.length; j++) {
                        b.append(',').append(PyRepr.of(r.getDouble(j)));
                    }
                    b.append('\n');
                    w.write(b.toString());
                    n++;
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return n;
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
