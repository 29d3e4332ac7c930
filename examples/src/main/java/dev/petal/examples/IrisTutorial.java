package dev.petal.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Version;
import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.selection.Selection;
import dev.petal.selection.TrainTestSplit;
import dev.petal.registry.Model;
import dev.petal.registry.ModelOptions;
import dev.petal.registry.ResourceConfiguration;
import dev.petal.serving.WebService;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.ScriptRunConfig;
import dev.petal.tracking.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The tutorial's notebook in Java: workspace → submit {@link TrainIris} as a run → wait with its
 * output → register the model as 'sklearn-iris' → deploy it as a local web service → score the
 * test rows over HTTP → delete the service.
 */
public final class IrisTutorial {
    /** The experiment the tutorial's runs go to. */
    public static final String EXPERIMENT = "Tutorial-TrainIRIS";
    /** The registered model's name. */
    public static final String MODEL_NAME = "sklearn-iris";
    /** The deployed service's name. */
    public static final String SERVICE_NAME = "scikit-learn-service";

    private IrisTutorial() {
    }

    /** What one tutorial run produced. */
    public record Result(Run run, RunStatus status, Model model, int[] servicePredictions, int[] expected) { }

    /** Runs the tutorial with {@code kernel} and {@code penalty} in {@code workspace}, printing progress and the script's output to {@code out}. */
    public static Result run(Workspace ws, String kernel, double penalty, PrintWriter out) throws IOException {
        out.println("Workspace '" + ws.name() + "' at " + ws.root());
        Experiment experiment = new Experiment(ws, EXPERIMENT);
        ScriptRunConfig src = ScriptRunConfig.mainClass(TrainIris.class.getName(),
                List.of("--kernel", kernel, "--penalty", PyRepr.of(penalty)));
        Run run = experiment.submit(src);
        out.println("Submitted run " + run.id() + " to experiment '" + EXPERIMENT + "'");
        run.waitForCompletion(out);
        RunStatus status = run.getStatus();
        out.println("Run " + run.id() + ": " + status.azureName());
        if (status != RunStatus.COMPLETED) {
            throw new IllegalStateException("run " + run.id() + " ended " + status.azureName() + "; see "
                    + run.folder().resolve("logs").resolve("std_log.txt"));
        }
        out.println("Metrics: " + run.getMetrics());

        Model model = run.registerModel(MODEL_NAME, "outputs/model.petal", ModelOptions.defaults()
                .withFramework(ModelOptions.PETAL, Version.petal())
                .withDescription("SVC on iris (kernel=" + kernel + ", C=" + PyRepr.of(penalty) + "), scikit-learn 1.2.1 parity")
                .withTags(Map.of("kernel", kernel, "penalty", PyRepr.of(penalty)))
                .withResourceConfiguration(new ResourceConfiguration(1, 0.5)));
        out.println("Registered model " + model.name() + " version " + model.version());

        Dataset iris = Datasets.iris();
        TrainTestSplit split = Selection.trainTestSplit(iris.x(), iris.y(), 0);
        int[] predicted;
        try (WebService service = WebService.deploy(SERVICE_NAME, model)) {
            out.println("Deployed '" + SERVICE_NAME + "' at " + service.scoringUri());
            String answer = service.run(payload(split));
            predicted = parseLabels(answer);
            out.println("Scored " + predicted.length + " test rows over HTTP: " + answer);
        }
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == split.yTest()[i] ? 1 : 0;
        }
        out.printf("Service predictions match the test labels on %d of %d rows%n", correct, predicted.length);
        out.println("Deleted '" + SERVICE_NAME + "'");
        return new Result(run, status, model, predicted, split.yTest());
    }

    /** Runs the tutorial in the workspace found by {@link Workspace#fromConfig()}; args: [--kernel K] [--penalty F]. */
    public static void main(String[] argv) throws IOException {
        TrainIris.Args args = TrainIris.Args.parse(argv);
        PrintWriter out = new PrintWriter(System.out, true);
        run(Workspace.fromConfig(), args.kernel(), args.penalty(), out);
        out.flush();
    }

    private static String payload(TrainTestSplit split) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode();
        ArrayNode data = body.putArray("data");
        for (double[] row : split.xTest().toArray()) {
            ArrayNode r = data.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        body.put("method", "predict");
        return body.toString();
    }

    private static int[] parseLabels(String answer) throws IOException {
        JsonNode arr = new ObjectMapper().readTree(answer);
        if (!arr.isArray()) {
            throw new IOException("the scoring service answered " + answer + " instead of a JSON array of labels");
        }
        int[] out = new int[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).asInt();
        }
        return out;
    }
}
