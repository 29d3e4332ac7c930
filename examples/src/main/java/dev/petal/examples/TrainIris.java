package dev.petal.examples;

import dev.petal.check.PyFormat;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.metrics.Metrics;
import dev.petal.metrics.NumpyFormat;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.selection.Selection;
import dev.petal.selection.TrainTestSplit;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.tracking.Run;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tutorial's {@code train_iris.py}, line for line: parse {@code --kernel} and {@code --penalty},
 * log them to the run, split iris with {@code random_state=0}, fit an SVC, log 'Accuracy', print the
 * accuracy and the confusion matrix, and save the model to {@code outputs/model.petal}.
 */
public final class TrainIris {
    private TrainIris() {
    }

    /** The command-line arguments: {@code --kernel} (default linear) and {@code --penalty} (default 1.0). */
    record Args(String kernel, double penalty) {
        static Args parse(String[] args) {
            String kernel = "linear";
            double penalty = 1.0;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                String value;
                if (a.contains("=")) {
                    value = a.substring(a.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("argument " + name + ": expected one argument");
                }
                switch (name) {
                    case "--kernel" -> kernel = value;
                    case "--penalty" -> penalty = parsePenalty(value);
                    default -> throw new IllegalArgumentException("unrecognized arguments: " + a
                            + " (usage: TrainIris [--kernel KERNEL] [--penalty PENALTY])");
                }
            }
            return new Args(kernel, penalty);
        }

        private static double parsePenalty(String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("argument --penalty: invalid float value: '" + value + "'");
            }
        }
    }

    /** Runs the training script; inside a submitted run it logs to that run, otherwise to an interactive one. */
    public static void main(String[] argv) throws IOException {
        Args args = Args.parse(argv);
        try (Run run = Run.getContext()) {  // completes an interactive run; a submitted one is left to its submitter
            run.log("Kernel type", args.kernel());
            run.log("Penalty", args.penalty());

            Dataset iris = Datasets.iris();
            TrainTestSplit split = Selection.trainTestSplit(iris.x(), iris.y(), 0);

            SVC svc = SVC.defaults().withKernel(Kernel.parse(args.kernel())).withC(args.penalty());
            SVCModel model = svc.fit(split.xTrain(), split.yTrain());
            int[] predictions = model.predict(split.xTest());

            double accuracy = model.score(split.xTest(), split.yTest());
            System.out.println("Accuracy of SVM classifier on test set: " + PyFormat.fixed(accuracy, 2));
            run.log("Accuracy", accuracy);

            int[][] cm = Metrics.confusionMatrix(split.yTest(), predictions);
            System.out.println(NumpyFormat.format(cm));

            Path out = run.outputsDirectory().resolve("model.petal");
            ModelIO.save(out, model, ModelMetadata.ofFeatureNames(iris.featureNames()));
        }
    }
}
