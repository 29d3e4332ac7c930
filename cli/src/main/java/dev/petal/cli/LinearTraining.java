package dev.petal.cli;

import dev.petal.check.PyRepr;
import dev.petal.datasets.CsvOptions;
import dev.petal.datasets.CsvReader;
import dev.petal.datasets.LabeledData;
import dev.petal.datasets.Svmlight;
import dev.petal.datasets.SvmlightData;
import dev.petal.io.OutputFiles;
import dev.petal.linalg.RowSource;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVR;
import dev.petal.linear.LinearSVRModel;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.pipeline.Pipeline;
import dev.petal.pipeline.RegressorPipeline;
import dev.petal.pipeline.RegressorPipelineModel;
import dev.petal.preprocessing.StandardScaler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code petal train --estimator linearsvc|linearsvr} and {@code --format svmlight}: reads the data
 * (CSV, or svmlight as scikit-learn's {@code load_svmlight_file} into CSR), fits, prints the
 * ConvergenceWarning as a {@code warning:} line and saves the model.
 */
final class LinearTraining {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private LinearTraining() {
    }

    /** Training rows as Petal reads them for either format: features (dense or CSR), text labels, feature names. */
    record Data(RowSource x, List<String> labelTexts, double[] numericLabels, ModelMetadata names, String source) {
    }

    /** Reads svmlight data ('-' is standard input). */
    static SvmlightData svmlight(Path data, int nFeatures) throws IOException {
        if (data.toString().equals("-")) {
            String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            return Svmlight.parse("<stdin>", text, null, nFeatures);
        }
        return Svmlight.load(data, null, nFeatures);
    }

    /** The integer class labels of svmlight targets (a classifier needs whole numbers). */
    static int[] classLabels(double[] y, String source) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.rint(y[i]) || Math.abs(y[i]) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(source + ": target " + PyRepr.of(y[i]) + " of sample " + (i + 1)
                        + " is not a whole number; a classifier needs class labels (use --estimator linearsvr for regression)");
            }
            out[i] = (int) y[i];
        }
        return out;
    }

    /** The numeric targets of a CSV label column; a regressor refuses text labels. */
    static double[] regressionTargets(LabeledData d, String source) {
        return regressionTargets(d, source, "linearsvr");
    }

    /** The numeric targets of a CSV label column for the regressor {@code estimator}; text labels are refused. */
    static double[] regressionTargets(LabeledData d, String source, String estimator) {
        List<String> texts = d.labelTexts();
        double[] y = new double[texts.size()];
        for (int i = 0; i < y.length; i++) {
            String t = texts.get(i).strip();
            if (!NUMBER.matcher(t).matches()) {
                throw new IllegalArgumentException(String.format("%s line %d: label '%s' is not a number; a regressor "
                        + "(--estimator %s) needs numeric targets", source, i + 2, texts.get(i), estimator));
            }
            y[i] = Double.parseDouble(t);
        }
        return y;
    }

    /** Fits and saves; returns the exit status. */
    static int train(String estimator, EstimatorOptions opts, picocli.CommandLine cl, Path data, String format, String label,
                     CsvOptions csv, Path model, PrintWriter out, PrintWriter err) throws IOException {
        boolean svmlight = format.equals("svmlight");
        RowSource x;
        ModelMetadata meta;
        int[] labels = null;
        double[] targets = null;
        String source = data.toString();
        if (svmlight) {
            if (label != null) {
                throw new picocli.CommandLine.ParameterException(cl, "--label does not apply to --format svmlight (the target is the first field of each line)");
            }
            SvmlightData d = svmlight(data, 0);
            x = d.x();
            meta = ModelMetadata.NONE;
            if (estimator.equals("linearsvr")) {
                targets = d.y();
            } else {
                labels = classLabels(d.y(), source);
            }
        } else {
            LabeledData d = CsvReader.read(data, label, csv);
            x = d.x();
            if (estimator.equals("linearsvr")) {
                targets = regressionTargets(d, source);
                meta = ModelMetadata.ofFeatureNames(d.featureNames());
            } else {
                labels = d.y();
                meta = new ModelMetadata(d.featureNames(), d.stringLabels() ? d.classNames() : List.of());
            }
        }
        if (estimator.equals("linearsvr")) {
            LinearSVR est = opts.linearSvr(cl);
            LinearSVRModel m;
            Object saved;
            double r2;
            if (opts.scale) {
                dev.petal.linalg.Matrix dense = x.toDense();
                RegressorPipelineModel p = RegressorPipeline.of(StandardScaler.defaults(), est).fit(dense, targets);
                m = (LinearSVRModel) p.regressor();
                saved = p;
                r2 = p.score(dense, targets);
            } else {
                m = est.fit(x, targets);
                saved = m;
                r2 = m.score(x, targets);
            }
            m.warnings().forEach(w -> err.println("warning: " + w));
            ModelIO.save(OutputFiles.resolve(model), saved, meta);
            out.printf("trained %sLinearSVR(loss='%s', C=%s, epsilon=%s) on %d rows x %d features: n_iter %d, R^2 on the "
                            + "training rows %s; saved %s%n", opts.scale ? "StandardScaler + " : "", est.loss(),
                    PyRepr.of(est.C()), PyRepr.of(est.epsilon()), x.rows(), x.cols(), m.nIter(), PyRepr.of(r2), model);
            return 0;
        }
        LinearSVC est = opts.linearSvc(cl);
        LinearSVCModel m;
        Object saved;
        if (opts.scale) {
            dev.petal.pipeline.PipelineModel p = Pipeline.of(StandardScaler.defaults(), est).fit(x.toDense(), labels);
            m = (LinearSVCModel) p.classifier();
            saved = p;
        } else {
            m = est.fit(x, labels, null);
            saved = m;
        }
        m.warnings().forEach(w -> err.println("warning: " + w));
        ModelIO.save(OutputFiles.resolve(model), saved, meta);
        out.printf("trained %sLinearSVC(penalty='%s', loss='%s', dual=%s, C=%s) on %d rows x %d features, %d classes: "
                        + "n_iter %d; saved %s%n", opts.scale ? "StandardScaler + " : "", est.penalty(), est.loss(),
                est.dual() ? "True" : "False", PyRepr.of(est.C()), x.rows(), x.cols(), m.classes().length, m.nIter(), model);
        return 0;
    }
}
