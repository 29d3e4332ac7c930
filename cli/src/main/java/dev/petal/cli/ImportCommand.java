package dev.petal.cli;

import dev.petal.api.Classifier;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code petal import}: a scikit-learn joblib or pickle file to a Petal model file, without running anything from it. */
@Command(name = "import",
        description = "Convert a scikit-learn 1.x model file (joblib.dump, any compressor, or pickle protocols 2-5) "
                + "holding an SVC, a StandardScaler or a Pipeline of them into a Petal model file. Nothing from the "
                + "file is run; the imported model predicts exactly as the pickled one.")
public final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE.joblib|FILE.pkl", description = "The scikit-learn file to read.")
    Path from;

    @Option(names = "--model", required = true, paramLabel = "OUT.petal", description = "Where to write the Petal model file (written atomically).")
    Path model;

    @Override
    public Integer call() throws Exception {
        LoadedModel m = ModelIO.importSklearn(from);
        ModelIO.save(model, m.model(), m.metadata());
        StringBuilder b = new StringBuilder("imported a scikit-learn ").append(m.type().id());
        if (m.model() instanceof Classifier c) {
            b.append(" with ").append(c.classes().length).append(" classes and ").append(c.nFeatures()).append(" features");
        }
        b.append(" from ").append(from).append(" to ").append(model);
        spec.commandLine().getOut().println(b);
        return 0;
    }
}
