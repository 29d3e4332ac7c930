package dev.petal.cli;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.OutlierDetector;
import dev.petal.api.Regressor;
import dev.petal.check.PyRepr;
import dev.petal.datasets.CsvFeatures;
import dev.petal.datasets.CsvOptions;
import dev.petal.datasets.SvmlightData;
import dev.petal.io.OutputFiles;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.linear.LinearSVCModel;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVRModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * {@code petal predict} for what {@link Predictions} does not cover: a regressor (one float
 * {@code prediction} column, chunk by chunk over a CSV file) and svmlight input (read whole, as
 * scikit-learn's {@code load_svmlight_file} with the model's feature count; LinearSVC, LinearSVR and the libsvm
 * family fitted on sparse input predict on the CSR rows directly, other models on their dense copy).
 */
final class LinearPredictions {
    private LinearPredictions() {
    }

    /** Predicts a regressor over CSV rows; returns the row count. */
    static long regressorCsv(Regressor r, List<String> features, Path data, CsvOptions options, Path output,
                             PrintWriter stdout) throws IOException {
        return write(r.nFeatures(), features, data, options, output, stdout, false, false, r::predict);
    }

    /** Predicts a one-class SVM over CSV rows: {@code prediction} (1 inlier, -1 outlier)[, {@code decision_0}]; returns the row count. */
    static long oneClassCsv(OutlierDetector m, List<String> features, Path data, CsvOptions options,
                            Path output, boolean decision, PrintWriter stdout) throws IOException {
        return write(m.nFeatures(), features, data, options, output, stdout, true, decision, m::decisionFunction);
    }

    /**
     * Writes one row per input row, chunk by chunk, as CSV or Parquet (by {@code output}'s name): {@code oneClass}
     * false, the float predictions {@code values} under {@code prediction}; {@code oneClass} true, the decision values
     * {@code values} as the prediction "1" or "-1", with {@code decision} also a {@code decision_0} column. The id
     * column comes first when {@code options} name one. Returns the row count.
     */
    private static long write(int nFeatures, List<String> features, Path data, CsvOptions options, Path output,
                              PrintWriter stdout, boolean oneClass, boolean decision, Function<Matrix, double[]> values)
            throws IOException {
        long[] count = new long[1];
        OutputStream std = OutputFiles.isStdout(output) ? new WriterOutputStream(stdout) : null;
        boolean parquet = ParquetTables.isParquet(output);
        OutputFiles.write(output, out -> {
            try (CsvFeatures in = features.isEmpty() ? CsvFeatures.openByPosition(data, options, nFeatures)
                    : CsvFeatures.open(data, options, features)) {
                if (parquet) {
                    parquet(in, options, out, oneClass, decision, values);
                } else {
                    csv(in, options, out, oneClass, decision, values);
                }
                count[0] = in.rowsRead();
            }
        }, std);
        return count[0];
    }

    private static void csv(CsvFeatures in, CsvOptions options, OutputStream out, boolean oneClass, boolean decision,
                            Function<Matrix, double[]> values) throws IOException {
        boolean ids = options.idColumn() != null;
        StringBuilder sb = new StringBuilder(1 << 16);
        if (ids) {
            sb.append(options.idColumn()).append(',');
        }
        sb.append(decision ? "prediction,decision_0\n" : "prediction\n");
        CsvFeatures.Chunk c;
        while ((c = in.next(Predictions.CHUNK_ROWS)) != null) {
            double[] v = values.apply(c.x());
            for (int i = 0; i < v.length; i++) {
                if (ids) {
                    sb.append(c.ids().get(i)).append(',');
                }
                if (oneClass) {
                    sb.append(v[i] > 0 ? "1" : "-1");
                } else {
                    PyRepr.appendTo(sb, v[i]);
                }
                if (decision) {
                    PyRepr.appendTo(sb.append(','), v[i]);
                }
                sb.append('\n');
                if (sb.length() > 1 << 15) {
                    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void parquet(CsvFeatures in, CsvOptions options, OutputStream out, boolean oneClass, boolean decision,
                                Function<Matrix, double[]> values) throws IOException {
        boolean ids = options.idColumn() != null;
        try (dev.petal.datasets.ParquetOutput table = ParquetTables.create(out, ids ? options.idColumn() : null,
                decision ? 1 : 0, List.of(), oneClass)) {
            CsvFeatures.Chunk c;
            while ((c = in.next(Predictions.CHUNK_ROWS)) != null) {
                double[] v = values.apply(c.x());
                for (int i = 0; i < v.length; i++) {
                    int j = 0;
                    if (ids) {
                        table.text(j++, c.ids().get(i));
                    }
                    if (oneClass) {
                        table.text(j++, v[i] > 0 ? "1" : "-1");
                    } else {
                        table.number(j++, v[i]);
                    }
                    if (decision) {
                        table.number(j, v[i]);
                    }
                    table.endRow();
                }
            }
        }
    }

    /**
     * Predicts a classifier, regressor or one-class SVM over svmlight rows; returns the row count. Models that take
     * CSR rows (LinearSVC, LinearSVR and the libsvm family fitted on sparse input) predict on them directly; the
     * others on a dense copy.
     */
    static long svmlight(Object model, List<String> classNames, Path data, Path output, boolean decision, boolean proba,
                         PrintWriter stdout) throws IOException {
        int nFeatures = model instanceof Regressor r ? r.nFeatures() : model instanceof OutlierDetector oc
                ? oc.nFeatures() : ((DecisionClassifier) model).nFeatures();
        SvmlightData d = LinearTraining.svmlight(data, nFeatures);
        RowSource x = d.x();
        StringBuilder sb = new StringBuilder("prediction");
        if (model instanceof OutlierDetector od) {
            if (proba) {
                throw new IllegalArgumentException("a one_class_svm has no predict_proba; drop --proba");
            }
            double[] dec = od instanceof OneClassSVMModel oc && oc.fittedOnSparse() ? oc.decisionFunction(x)
                    : od.decisionFunction(x.toDense());
            sb.append(decision ? ",decision_0\n" : "\n");
            for (double v : dec) {
                sb.append(v > 0 ? "1" : "-1");
                if (decision) {
                    PyRepr.appendTo(sb.append(','), v);
                }
                sb.append('\n');
            }
        } else if (model instanceof Regressor r) {
            if (decision || proba) {
                throw new IllegalArgumentException("a regressor has no " + (decision ? "decision_function" : "predict_proba")
                        + "; drop " + (decision ? "--decision-function" : "--proba"));
            }
            sb.append('\n');
            double[] p = r instanceof dev.petal.linear.LinearSVRModel m ? m.predict(x)
                    : r instanceof SVRModel m && m.fittedOnSparse() ? m.predict(x)
                    : r instanceof NuSVRModel m && m.fittedOnSparse() ? m.predict(x) : r.predict(x.toDense());
            for (double v : p) {
                PyRepr.appendTo(sb, v).append('\n');
            }
        } else {
            DecisionClassifier clf = (DecisionClassifier) model;
            if (proba && !clf.supportsProba()) {
                throw new IllegalArgumentException("the model was trained without probability estimates; retrain it with "
                        + "'petal train --probability' to use --proba");
            }
            int[] pred;
            Matrix dec;
            Matrix prob;
            if (clf instanceof LinearSVCModel lin) {
                pred = lin.predict(x);
                dec = decision ? lin.decisionFunction(x) : null;
                prob = proba ? clf.predictProba(x.toDense()) : null;
            } else if (clf instanceof SVCModel m && m.fittedOnSparse()) {
                pred = m.predict(x);
                dec = decision ? m.decisionFunction(x) : null;
                prob = proba ? m.predictProba(x) : null;
            } else if (clf instanceof NuSVCModel m && m.fittedOnSparse()) {
                pred = m.predict(x);
                dec = decision ? m.decisionFunction(x) : null;
                prob = proba ? m.predictProba(x) : null;
            } else {
                Matrix dense = x.toDense();
                pred = clf.predict(dense);
                dec = decision ? clf.decisionFunction(dense) : null;
                prob = proba ? clf.predictProba(dense) : null;
            }
            for (int j = 0; dec != null && j < dec.cols(); j++) {
                sb.append(",decision_").append(j);
            }
            for (int j = 0; prob != null && j < classNames.size(); j++) {
                sb.append(",proba_").append(classNames.get(j));
            }
            sb.append('\n');
            int[] classes = clf.classes();
            for (int i = 0; i < pred.length; i++) {
                sb.append(classNames.get(java.util.Arrays.binarySearch(classes, pred[i])));
                for (int j = 0; dec != null && j < dec.cols(); j++) {
                    PyRepr.appendTo(sb.append(','), dec.get(i, j));
                }
                for (int j = 0; prob != null && j < prob.cols(); j++) {
                    PyRepr.appendTo(sb.append(','), prob.get(i, j));
                }
                sb.append('\n');
            }
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        OutputStream std = OutputFiles.isStdout(output) ? new WriterOutputStream(stdout) : null;
        OutputFiles.write(output, out -> out.write(bytes), std);
        return x.rows();
    }
}
