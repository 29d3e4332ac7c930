package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.linalg.Matrix;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.tracking.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal serve} in its own JVM: it serves a file or a registered model, logs requests, and stops cleanly on SIGTERM. */
class ServeEndToEndTest {
    private static final Pattern SERVING = Pattern.compile("Serving (\\S+) \\((\\w+), (\\d+) features\\) at (http://127\\.0\\.0\\.1:\\d+).*");
    private static final List<String> FEATURES = List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");

    @TempDir
    Path dir;

    private static SVCModel fitSvc() {
        Random random = new Random(7);
        double[][] centres = {{5.006, 3.428, 1.462, 0.246}, {5.936, 2.770, 4.260, 1.326}, {6.588, 2.974, 5.552, 2.026}};
        int n = 60;
        double[] x = new double[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = centres[y[i]][j] + 0.3 * random.nextGaussian();
            }
        }
        return SVC.defaults().withKernel(Kernel.LINEAR).fit(Matrix.of(n, 4, x), y);
    }

    /** A running {@code petal serve} child process and its output lines. */
    private record Child(Process process, BlockingQueue<String> lines, Thread reader) {
        static Child start(String... args) throws IOException {
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", cp, "dev.petal.cli.PetalCli", "serve"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("reader failed: " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Child(p, lines, reader);
        }

        Matcher awaitServing() throws InterruptedException {
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    seen.add(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.matches()) {
                        return m;
                    }
                }
            }
            process.destroyForcibly();
            throw new AssertionError("petal serve did not start: " + seen);
        }

        List<String> stop() throws InterruptedException {
            process.toHandle().destroy();   // SIGTERM (as Ctrl-C's SIGINT, the JVM runs the shutdown hook); keeps our pipe open
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "petal serve did not stop");
            reader.join(10_000);   // the rest of the output, up to end of stream
            List<String> rest = new ArrayList<>();
            lines.drainTo(rest);
            return rest;
        }
    }

    private static HttpResponse<String> post(String url, String body, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesAFileUntilStopped() throws Exception {
        SVCModel svc = fitSvc();
        Path file = dir.resolve("iris model.petal");
        ModelIO.save(file, svc, new ModelMetadata(FEATURES, List.of("setosa", "versicolor", "virginica")));
        Child child = Child.start("--model", file.toString(), "--port", "0");
        Matcher m = child.awaitServing();
        assertEquals("iris-model", m.group(1));
        assertEquals("SVC", m.group(2));
        assertEquals("4", m.group(3));
        HttpResponse<String> r = post(m.group(4) + "/score", "{\"data\": [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]}", null);
        assertEquals(200, r.statusCode());
        String[] names = {"setosa", "versicolor", "virginica"};
        int[] p = svc.predict(Matrix.of(new double[][] {{5.1, 3.5, 1.4, 0.2}, {6.3, 3.3, 6.0, 2.5}}));
        assertEquals("[\"" + names[p[0]] + "\",\"" + names[p[1]] + "\"]", r.body());
        assertEquals(400, post(m.group(4) + "/score", "{\"data\": [[1, 2]]}", null).statusCode());
        List<String> rest = child.stop();
        assertTrue(rest.stream().anyMatch(l -> l.matches("\\S+Z POST /score 200 \\d+\\.\\d ms")), rest::toString);
        assertTrue(rest.stream().anyMatch(l -> l.matches("\\S+Z POST /score 400 \\d+\\.\\d ms")), rest::toString);
        assertEquals("Stopped.", rest.get(rest.size() - 1), rest::toString);
    }

    @Test
    void servesARegisteredModelWithAKey() throws Exception {
        SVCModel svc = fitSvc();
        Path file = dir.resolve("model.petal");
        ModelIO.save(file, svc);
        Path ws = dir.resolve("ws");
        Workspace.at(ws).registry().register("sklearn-iris", file);
        Child child = Child.start("--model", "sklearn-iris:1", "--workspace", ws.toString(), "--port", "0", "--api-key", "k-42");
        Matcher m = child.awaitServing();
        assertEquals("sklearn-iris:1", m.group(1));
        assertEquals(401, post(m.group(4) + "/score", "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}", null).statusCode());
        HttpResponse<String> r = post(m.group(4) + "/v2/models/sklearn-iris/versions/1/infer",
                "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 4], \"datatype\": \"FP64\", \"data\": [5.1, 3.5, 1.4, 0.2]}]}", "k-42");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"data\":[" + svc.predict(Matrix.of(new double[][] {{5.1, 3.5, 1.4, 0.2}}))[0] + "]"), r.body());
        assertEquals("Stopped.", child.stop().stream().reduce((a, b) -> b).orElse(""));
    }
}
