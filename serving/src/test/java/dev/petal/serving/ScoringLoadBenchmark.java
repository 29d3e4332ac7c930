package dev.petal.serving;

import dev.petal.linalg.Matrix;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load benchmark (a main class, not a test): a real SVC (probability=true) served on 127.0.0.1,
 * then N requests from C concurrent clients, each answer checked against the expected body.
 * Prints errors, throughput and latency percentiles. Arguments: [requests] [clients] (default 20000 16).
 */
public final class ScoringLoadBenchmark {
    private record Call(String path, String body, String expected) {
    }

    private ScoringLoadBenchmark() {
    }

    /** Runs the benchmark and prints its report. */
    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        SVCModel svc = fitIris();
        ServedModel model = new ServedModel("sklearn-iris", "1", "SVC", svc, ServingFixtures.FEATURES, ServingFixtures.SPECIES);
        AtomicLong logged = new AtomicLong();
        try (ScoringServer server = ScoringServer.start(model, ServingConfig.defaults().withRequestLog(line -> logged.incrementAndGet()))) {
            List<Call> calls = calls(server.uri());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            run(client, server.uri(), calls, 2_000, clients);            // warm-up, not counted
            long before = logged.get();
            Result r = run(client, server.uri(), calls, requests, clients);
            long[] ns = r.latencies;
            Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "requests=%d clients=%d errors=%d logged=%d%n", requests, clients, r.errors.get(),
                    logged.get() - before);
            System.out.printf(Locale.ROOT, "wall=%.2f s throughput=%.0f req/s%n", r.wallNs / 1e9, requests / (r.wallNs / 1e9));
            System.out.printf(Locale.ROOT, "latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f%n", pct(ns, 0.50), pct(ns, 0.90),
                    pct(ns, 0.99), ns[ns.length - 1] / 1e6);
            if (r.firstError.get() != null) {
                System.out.println("first error: " + r.firstError.get());
            }
        }
    }

    private record Result(long wallNs, long[] latencies, AtomicInteger errors, java.util.concurrent.atomic.AtomicReference<String> firstError) {
    }

    private static Result run(HttpClient client, URI base, List<Call> calls, int requests, int clients) throws InterruptedException {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        Call call = calls.get(i % calls.size());
                        HttpRequest request = HttpRequest.newBuilder(base.resolve(call.path()))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(call.body())).build();
                        long t0 = System.nanoTime();
                        String problem;
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                            problem = response.statusCode() != 200 ? response.statusCode() + " " + response.body()
                                    : !response.body().equals(call.expected()) ? "unexpected body " + response.body() : null;
                        } catch (IOException e) {
                            problem = e.toString();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies[i] = System.nanoTime() - t0;
                        if (problem != null) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, call.path() + ": " + problem);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            t.start();
        }
        done.await();
        return new Result(System.nanoTime() - start, latencies, errors, firstError);
    }

    /** Four request kinds in rotation: Azure predict (1 row), Azure predict_proba (10 rows), MLflow split (5 rows), OIP v2 (5 rows). */
    private static List<Call> calls(URI base) throws IOException, InterruptedException {
        StringBuilder ten = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            ten.append(i == 0 ? "" : ", ").append(Arrays.toString(ServingFixtures.ROWS[i % 5]));
        }
        ten.append(']');
        List<Call> templates = List.of(
                new Call("/score", "{\"data\": [[6.1, 2.8, 4.7, 1.2]]}", null),
                new Call("/score", "{\"data\": " + ten + ", \"method\": \"predict_proba\"}", null),
                new Call("/invocations", "{\"dataframe_split\": {\"columns\": [\"sepal length (cm)\", \"sepal width (cm)\","
                        + " \"petal length (cm)\", \"petal width (cm)\"], \"data\": " + ServingFixtures.ROWS_JSON + "}}", null),
                new Call("/v2/models/sklearn-iris/infer", "{\"id\": \"b\", \"inputs\": [{\"name\": \"input-0\", \"shape\": [5, 4],"
                        + " \"datatype\": \"FP64\", \"data\": " + ServingFixtures.ROWS_JSON + "}]}", null));
        HttpClient once = HttpClient.newHttpClient();
        List<Call> calls = new ArrayList<>();
        for (Call t : templates) {   // the expected answers are the server's first answers, checked by the tests to be the model's
            HttpResponse<String> r = once.send(HttpRequest.newBuilder(base.resolve(t.path())).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(t.body())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(t.path() + " answered " + r.statusCode() + ": " + r.body());
            }
            calls.add(new Call(t.path(), t.body(), r.body()));
        }
        return calls;
    }

    private static SVCModel fitIris() {
        Random random = new Random(7);
        int n = 150;
        double[][] centres = {{5.006, 3.428, 1.462, 0.246}, {5.936, 2.770, 4.260, 1.326}, {6.588, 2.974, 5.552, 2.026}};
        double[][] spread = {{0.35, 0.38, 0.17, 0.11}, {0.52, 0.31, 0.47, 0.20}, {0.64, 0.32, 0.55, 0.27}};
        double[] x = new double[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = centres[y[i]][j] + spread[y[i]][j] * random.nextGaussian();
            }
        }
        return SVC.defaults().withKernel(Kernel.LINEAR).withProbability(true).withRandomState(0L).fit(Matrix.of(n, 4, x), y);
    }

    private static double pct(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
