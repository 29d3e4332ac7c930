package dev.petal.cli;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.HasWarnings;
import dev.petal.metrics.RegressionMetrics;
import dev.petal.check.PyRepr;
import dev.petal.datasets.CsvOptions;
import dev.petal.datasets.CsvReader;
import dev.petal.datasets.LabeledData;
import dev.petal.datasets.SvmlightData;
import dev.petal.io.OutputFiles;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.RowSource;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.pipeline.OneClassPipeline;
import dev.petal.pipeline.OneClassPipelineModel;
import dev.petal.pipeline.Pipeline;
import dev.petal.pipeline.PipelineModel;
import dev.petal.pipeline.RegressorPipeline;
import dev.petal.pipeline.RegressorPipelineModel;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code petal train --estimator nusvc|svr|nusvr|oneclass} (and {@code svc} on svmlight data): reads the CSV or
 * svmlight file, fits scikit-learn's SVC, NuSVC, SVR, NuSVR or OneClassSVM (a regressor needs numeric labels;
 * oneclass ignores the labels), with {@code --scale} behind a StandardScaler (scikit-learn's
 * {@code make_pipeline(StandardScaler(), estimator)}), prints each ConvergenceWarning as a {@code warning:} line
 * and saves the model.
 */
final class LibsvmTraining {
    private LibsvmTraining() {
    }

    /** The training rows in either format: features (dense, or CSR from svmlight), targets, names. */
    private record Rows(RowSource x, LabeledData csv, double[] svmlightY, String source) {
        /** Class labels: the CSV's (integers or string codes) or svmlight's whole-number targets. */
        int[] labels() {
            return csv != null ? csv.y() : LinearTraining.classLabels(svmlightY, source);
        }

        /** Real targets of a regressor {@code estimator}. */
        double[] targets(String estimator) {
            return csv != null ? LinearTraining.regressionTargets(csv, source, estimator) : svmlightY;
        }

        ModelMetadata classifierMeta() {
            return csv == null ? ModelMetadata.NONE
                    : new ModelMetadata(csv.featureNames(), csv.stringLabels() ? csv.classNames() : List.of());
        }

        ModelMetadata featureMeta() {
            return csv == null ? ModelMetadata.NONE : ModelMetadata.ofFeatureNames(csv.featureNames());
        }
    }

    /**
     * Fits and saves; returns the exit status. {@code format} is csv or svmlight (read as scikit-learn's
     * {@code load_svmlight_file}, into CSR: the fit goes through libsvm's sparse path, as scikit-learn's does on a
     * sparse matrix; with {@code --scale} the rows are made dense first, as StandardScaler centres them).
     */
    static int train(String estimator, EstimatorOptions opts, CommandLine cl, Path data, String format, String label,
                     CsvOptions csv, Path model, PrintWriter out, PrintWriter err) throws IOException {
        OutputFiles.resolve(model);
        String source = data.toString();
        Rows rows;
        if (format.equals("svmlight")) {
            if (label != null) {
                throw new CommandLine.ParameterException(cl,
                        "--label does not apply to --format svmlight (the target is the first field of each line)");
            }
            SvmlightData sd = LinearTraining.svmlight(data, 0);
            rows = new Rows(sd.x(), null, sd.y(), source);
        } else {
            LabeledData d = CsvReader.read(data, label, csv);
            rows = new Rows(d.x(), d, null, source);
        }
        RowSource x = rows.x();
        int n = x.rows();
        int features = x.cols();
        String sparse = x instanceof CsrMatrix ? " (sparse)" : "";
        switch (estimator) {
            case "svc", "nusvc" -> {
                int[] y = rows.labels();
                String what;
                DecisionClassifier m;
                Object saved;
                int nsv;
                if (estimator.equals("svc")) {
                    SVC est = opts.svc(cl);
                    saved = opts.scale ? Pipeline.of(StandardScaler.defaults(), est).fit(x.toDense(), y) : est.fit(x, y);
                    m = saved instanceof PipelineModel p ? p.classifier() : (SVCModel) saved;
                    nsv = Arrays.stream(((SVCModel) m).nSupport()).sum();
                    what = String.format("SVC(kernel='%s', C=%s, gamma=%s)", est.kernel().pyName(), PyRepr.of(est.C()),
                            est.gamma());
                } else {
                    NuSVC est = opts.nuSvc(cl);
                    saved = opts.scale ? Pipeline.of(StandardScaler.defaults(), est).fit(x.toDense(), y) : est.fit(x, y);
                    m = saved instanceof PipelineModel p ? p.classifier() : (NuSVCModel) saved;
                    nsv = Arrays.stream(((NuSVCModel) m).nSupport()).sum();
                    what = String.format("NuSVC(kernel='%s', nu=%s, gamma=%s)", est.kernel().pyName(), PyRepr.of(est.nu()),
                            est.gamma());
                }
                save((HasWarnings) m, saved, rows.classifierMeta(), model, err);
                out.printf("trained %s%s on %d rows x %d features%s, %d classes: %d support vectors; saved %s%n",
                        opts.scale ? "StandardScaler + " : "", what, n, features, sparse, m.classes().length, nsv, model);
            }
            case "svr", "nusvr" -> {
                double[] y = rows.targets(estimator);
                String what;
                int nsv;
                double r2;
                Object saved;
                double[] fitted;
                if (estimator.equals("svr")) {
                    SVR est = opts.svr(cl);
                    what = String.format("SVR(kernel='%s', C=%s, epsilon=%s, gamma=%s)", est.kernel().pyName(),
                            PyRepr.of(est.C()), PyRepr.of(est.epsilon()), est.gamma());
                    if (opts.scale) {
                        RegressorPipelineModel p = RegressorPipeline.of(StandardScaler.defaults(), est).fit(x.toDense(), y);
                        saved = p;
                        nsv = ((SVRModel) p.regressor()).support().length;
                        fitted = p.predict(x.toDense());
                    } else {
                        SVRModel m = est.fit(x, y);
                        saved = m;
                        nsv = m.support().length;
                        fitted = m.predict(x);
                    }
                } else {
                    NuSVR est = opts.nuSvr(cl);
                    what = String.format("NuSVR(kernel='%s', C=%s, nu=%s, gamma=%s)", est.kernel().pyName(),
                            PyRepr.of(est.C()), PyRepr.of(est.nu()), est.gamma());
                    if (opts.scale) {
                        RegressorPipelineModel p = RegressorPipeline.of(StandardScaler.defaults(), est).fit(x.toDense(), y);
                        saved = p;
                        nsv = ((NuSVRModel) p.regressor()).support().length;
                        fitted = p.predict(x.toDense());
                    } else {
                        NuSVRModel m = est.fit(x, y);
                        saved = m;
                        nsv = m.support().length;
                        fitted = m.predict(x);
                    }
                }
                HasWarnings warned = (HasWarnings) (saved instanceof RegressorPipelineModel p ? p.regressor() : saved);
                save(warned, saved, rows.featureMeta(), model, err);
                r2 = RegressionMetrics.r2Score(y, fitted);
                out.printf("trained %s%s on %d rows x %d features%s: %d support vectors, R^2 on the training rows %s; "
                        + "saved %s%n", opts.scale ? "StandardScaler + " : "", what, n, features, sparse, nsv,
                        PyRepr.of(r2), model);
            }
            default -> {
                OneClassSVM est = opts.oneClass(cl);
                OneClassSVMModel m;
                int[] pred;
                if (opts.scale) {
                    OneClassPipelineModel p = OneClassPipeline.of(StandardScaler.defaults(), est).fit(x.toDense());
                    m = p.oneClass();
                    save(m, p, rows.featureMeta(), model, err);
                    pred = p.predict(x.toDense());
                } else {
                    m = est.fit(x);
                    save(m, m, rows.featureMeta(), model, err);
                    pred = m.predict(x);
                }
                long inliers = Arrays.stream(pred).filter(v -> v == 1).count();
                out.printf("trained %sOneClassSVM(kernel='%s', nu=%s, gamma=%s) on %d rows x %d features%s (%s): %d "
                                + "support vectors, %d of the training rows inliers; saved %s%n", opts.scale
                                ? "StandardScaler + " : "", est.kernel().pyName(), PyRepr.of(est.nu()), est.gamma(), n,
                        features, sparse,
                        rows.csv() != null ? "label column ignored" : "targets ignored", m.support().length, inliers,
                        model);
            }
        }
        return 0;
    }

    private static void save(HasWarnings fitted, Object saved, ModelMetadata meta, Path model, PrintWriter err)
            throws IOException {
        for (String w : fitted.warnings()) {
            err.println("warning: " + w);
        }
        ModelIO.save(OutputFiles.resolve(model), saved, meta);
    }
}
