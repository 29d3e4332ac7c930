package dev.petal.ui;

import dev.petal.registry.ModelOptions;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A workspace like a user's after an iris sweep: a parent with six children, a plain run, a model, a hostile run. */
final class DemoWorkspace {
    /** A string that runs script if a page ever treats data as HTML. */
    static final String IMG = "<img src=x onerror=\"window.__pwned='img'\">";
    /** Another: closes an attribute and opens a script element. */
    static final String SCRIPT = "\"><script>window.__pwned='script'</script>";

    final Workspace ws;
    final Run sweep;
    final Run best;
    final Run canceled;
    final Run plain;
    final Run hostile;

    DemoWorkspace(Path dir) {
        ws = Workspace.at(dir);
        Experiment exp = ws.experiment("iris-svc");
        sweep = exp.startLogging("HyperDrive");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("run_kind", "hyperdrive");
        props.put("primary_metric_name", "Accuracy");
        props.put("primary_metric_goal", "maximize");
        props.put("sampling", "GRID");
        props.put("policy", "bandit:slack_factor=0.1,evaluation_interval=1,delay_evaluation=2");
        props.put("max_total_runs", "6");
        props.put("search_space", "{\"kernel\":\"choice('linear','rbf','poly')\",\"C\":\"choice(0.5,1.5)\"}");
        sweep.addProperties(props);
        String[] kernels = {"linear", "rbf", "poly"};
        double[] base = {0.90, 0.95, 0.82};
        Run bestRun = null;
        Run cut = null;
        int i = 0;
        for (double c : new double[] {0.5, 1.5}) {
            for (int k = 0; k < 3; k++) {
                Run child = sweep.child("trial " + i);
                child.logParams(Map.of("kernel", kernels[k], "C", c));
                boolean stopEarly = kernels[k].equals("poly") && c == 0.5;
                int steps = stopEarly ? 3 : 8;
                for (int s = 0; s < steps; s++) {
                    double acc = base[k] + (c == 1.5 ? 0.012 : 0) - 0.25 * Math.exp(-0.6 * s);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("Accuracy", Math.round(acc * 10000) / 10000.0);
                    m.put("loss", Math.round((1 - acc) * 1.7 * 10000) / 10000.0);
                    child.logMetrics(m, s);
                }
                child.logConfusionMatrix("Confusion matrix", List.of("setosa", "versicolor", "virginica"),
                        new long[][] {{10, 0, 0}, {0, 8 + k, 1}, {0, 1 + (k == 2 ? 2 : 0), 10}});
                if (stopEarly) {
                    child.tag("early_termination", "BanditPolicy at interval 3");
                    child.cancel();
                    cut = child;
                } else {
                    child.complete();
                }
                if (kernels[k].equals("rbf") && c == 1.5) {
                    bestRun = child;
                }
                i++;
            }
        }
        best = bestRun;
        canceled = cut;
        sweep.tag("best_child_run_id", best.id());
        sweep.complete();

        plain = ws.experiment("iris-tutorial").startLogging("train_iris.py");
        plain.logParams(Map.of("kernel", "linear", "penalty", 1.0));
        for (int s = 0; s < 20; s++) {
            plain.log("loss", Math.round(1000.0 * Math.exp(-0.2 * s)) / 1000.0, s);
        }
        plain.log("Accuracy", 0.97);
        plain.logRow("per class", Map.of("class", "setosa", "precision", 1.0, "recall", 1.0));
        plain.logRow("per class", Map.of("class", "versicolor", "precision", 0.94, "recall", 1.0));
        plain.logRow("per class", Map.of("class", "virginica", "precision", 1.0, "recall", 0.92));
        plain.logImage("decision regions", png());
        plain.tag("quality", "good");
        try {
            Files.writeString(plain.outputsDirectory().resolve("model.petal"), "not a real model, a demo file");
            Files.writeString(plain.folder().resolve("logs/std_log.txt"), "Kernel type: linear\nAccuracy of SVM"
                    + " classifier on test set: 0.97\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        plain.complete();
        ws.registry().registerFromRun("iris-svc", plain, "outputs/model.petal",
                ModelOptions.defaults().withTags(Map.of("stage", "production")));
        ws.registry().setAlias("iris-svc", "champion", 1);

        hostile = ws.experiment("hostile").startLogging(IMG);
        hostile.logParam("kernel", SCRIPT);
        hostile.logParam(IMG, "x");
        hostile.tag("note", IMG);
        hostile.tag(SCRIPT, SCRIPT);
        hostile.log(IMG, 1.0, 0);
        hostile.log(IMG, 2.0, 1);
        hostile.log(SCRIPT, SCRIPT);
        hostile.complete();
    }

    private static byte[] png() {
        BufferedImage img = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 160; x++) {
                int r = x * 255 / 160;
                int b = y * 255 / 100;
                img.setRGB(x, y, x + y < 130 ? (r << 16) | (60 << 8) | b : (40 << 16) | (180 << 8) | (255 - b));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
