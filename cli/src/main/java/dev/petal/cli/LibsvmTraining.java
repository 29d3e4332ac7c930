package dev.petal.cli;

import dev.petal.api.HasWarnings;
import dev.petal.check.PyRepr;
import dev.petal.datasets.CsvOptions;
import dev.petal.datasets.CsvReader;
import dev.petal.datasets.LabeledData;
import dev.petal.io.OutputFiles;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.pipeline.Pipeline;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code petal train --estimator nusvc|svr|nusvr|oneclass}: reads the CSV, fits scikit-learn's NuSVC, SVR,
 * NuSVR or OneClassSVM (a regressor needs numeric labels; oneclass ignores the label column), prints each
 * ConvergenceWarning as a {@code warning:} line and saves the model.
 */
final class LibsvmTraining {
    private LibsvmTraining() {
    }

    /** Fits and saves; returns the exit status. */
    static int train(String estimator, EstimatorOptions opts, CommandLine cl, Path data, String label, CsvOptions csv,
                     Path model, PrintWriter out, PrintWriter err) throws IOException {
        if (opts.scale && !estimator.equals("nusvc")) {
            throw new CommandLine.ParameterException(cl, "--scale takes classifiers; it does not apply to --estimator "
                    + estimator);
        }
        OutputFiles.resolve(model);
        LabeledData d = CsvReader.read(data, label, csv);
        String source = data.toString();
        int n = d.x().rows();
        int features = d.x().cols();
        switch (estimator) {
            case "nusvc" -> {
                NuSVC est = opts.nuSvc(cl);
                ModelMetadata meta = new ModelMetadata(d.featureNames(), d.stringLabels() ? d.classNames() : List.of());
                NuSVCModel m;
                Object saved;
                if (opts.scale) {
                    PipelineModel p = Pipeline.of(StandardScaler.defaults(), est).fit(d.x(), d.y());
                    m = (NuSVCModel) p.classifier();
                    saved = p;
                } else {
                    m = est.fit(d.x(), d.y());
                    saved = m;
                }
                save(m, saved, meta, model, err);
                out.printf("trained %sNuSVC(kernel='%s', nu=%s, gamma=%s) on %d rows x %d features, %d classes: "
                                + "%d support vectors; saved %s%n", opts.scale ? "StandardScaler + " : "", est.kernel().pyName(),
                        PyRepr.of(est.nu()), est.gamma(), n, features, m.classes().length,
                        Arrays.stream(m.nSupport()).sum(), model);
            }
            case "svr", "nusvr" -> {
                double[] y = LinearTraining.regressionTargets(d, source, estimator);
                ModelMetadata meta = ModelMetadata.ofFeatureNames(d.featureNames());
                String what;
                int nsv;
                double r2;
                if (estimator.equals("svr")) {
                    SVR est = opts.svr(cl);
                    SVRModel m = est.fit(d.x(), y);
                    save(m, m, meta, model, err);
                    what = String.format("SVR(kernel='%s', C=%s, epsilon=%s, gamma=%s)", est.kernel().pyName(),
                            PyRepr.of(est.C()), PyRepr.of(est.epsilon()), est.gamma());
                    nsv = m.support().length;
                    r2 = m.score(d.x(), y);
                } else {
                    NuSVR est = opts.nuSvr(cl);
                    NuSVRModel m = est.fit(d.x(), y);
                    save(m, m, meta, model, err);
                    what = String.format("NuSVR(kernel='%s', C=%s, nu=%s, gamma=%s)", est.kernel().pyName(),
                            PyRepr.of(est.C()), PyRepr.of(est.nu()), est.gamma());
                    nsv = m.support().length;
                    r2 = m.score(d.x(), y);
                }
                out.printf("trained %s on %d rows x %d features: %d support vectors, R^2 on the training rows %s; saved %s%n",
                        what, n, features, nsv, PyRepr.of(r2), model);
            }
            default -> {
                OneClassSVM est = opts.oneClass(cl);
                OneClassSVMModel m = est.fit(d.x());
                save(m, m, ModelMetadata.ofFeatureNames(d.featureNames()), model, err);
                long inliers = Arrays.stream(m.predict(d.x())).filter(v -> v == 1).count();
                out.printf("trained OneClassSVM(kernel='%s', nu=%s, gamma=%s) on %d rows x %d features (label column "
                                + "ignored): %d support vectors, %d of the training rows inliers; saved %s%n",
                        est.kernel().pyName(), PyRepr.of(est.nu()), est.gamma(), n, features, m.support().length, inliers,
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
