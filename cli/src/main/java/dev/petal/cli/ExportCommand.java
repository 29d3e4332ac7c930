package dev.petal.cli;

import dev.petal.interop.JoblibExport;
import dev.petal.interop.OnnxExport;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code petal export}: a Petal model file as ONNX or as a joblib file scikit-learn loads. */
@Command(name = "export",
        description = "Write a Petal model as an ONNX graph (ai.onnx.ml SVMClassifier / Scaler nodes, opsets ai.onnx 17 "
                + "and ai.onnx.ml 3) or as a joblib file that scikit-learn 1.2.1's joblib.load turns into the same estimator.")
public final class ExportCommand implements Callable<Integer> {
    /** The formats {@code --format} takes. */
    enum Format { onnx, joblib }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M.petal|NAME[:VERSION]|NAME@ALIAS",
            description = "The Petal model file to export, or a registered model.")
    String modelSpec;

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--format", required = true, paramLabel = "onnx|joblib", description = "onnx or joblib.")
    Format format;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write it (written atomically).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Path model = dev.petal.registry.ModelLocator.locate(modelSpec, workspace::openExisting).file();
        LoadedModel m = ModelIO.load(model);
        switch (format) {
            case onnx -> OnnxExport.write(output, m.model(), m.metadata());
            case joblib -> JoblibExport.write(output, m.model(), m.metadata());
        }
        spec.commandLine().getOut().println("exported the " + m.type().id() + " in " + model + " as " + format + " to " + output);
        return 0;
    }
}
