package dev.petal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import libsvm.svm_model;

/**
 * The side-by-side harness: Petal vs LIBSVM's Java port vs scikit-learn, on the same CSVs, in one run.
 *
 * <p>Usage: {@code Compare OUT_DIR [REPEATS] [--quick] [--only PREFIX]}. Writes the data sets to
 * OUT_DIR, times each library (untimed warm-up fits and predicts per case, at least 3 runs and 2 s,
 * so JIT compilation is not counted, then the best of REPEATS), runs {@code benchmarks/sklearn_timing.py}
 * with {@code /usr/bin/python3} when scikit-learn is importable (otherwise notes its absence; it runs one
 * untimed warm-up per case), and prints a Markdown table with the ratios, the machine and the date. The last
 * column compares every prediction and the number of support vectors with scikit-learn's.
 */
public final class Compare {
    private Compare() {
    }

    record Case(String name, String data, String kernel, double c, int nTrain) { }

    record Timing(double fit, double predict, int nSupport, int[] predictions) { }

    /** Runs the comparison; see the class comment for arguments. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/results");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean quick = List.of(args).contains("--quick");
        int only = List.of(args).indexOf("--only");
        String prefix = only >= 0 ? args[only + 1] : "";
        Files.createDirectories(out);
        List<Case> cases = cases(quick);
        cases.removeIf(c -> !c.name().startsWith(prefix));
        writeData(out, cases);

        double loadAverage = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, JsonNode> sklearn = runSklearn(out, cases, repeats);
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Machine: %d cores (%s), Java %s, %s; scikit-learn %s; date %s; after warm-up runs, best of %d runs; "
                + "predict on %s rows; load average %.1f at the start.%n%n",
                Runtime.getRuntime().availableProcessors(), cpuName(), System.getProperty("java.version"), System.getProperty("os.arch"),
                sklearn.containsKey("_sklearn") ? sklearn.get("_sklearn").asText() : "not installed (column skipped)",
                LocalDate.now(), repeats, "5,000 (digits: 297)", loadAverage));
        table.append("| case | n_train | fit Petal s | fit sklearn s | fit LIBSVM-Java s | fit Petal/sklearn | fit Petal/LIBSVM "
                + "| predict Petal s | predict sklearn s | predict LIBSVM-Java s | predict Petal/sklearn | predict Petal/LIBSVM | same model |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Case c : cases) {
            BenchData train = load(out, c.data() + "_train");
            BenchData test = load(out, c.data() + "_test");
            Timing petal = timePetal(c, train, test, repeats);
            Timing libsvm = timeLibsvm(c, train, test, repeats, gammaOf(c, train));
            JsonNode sk = sklearn.get(c.name());
            String same = "n/a";
            if (sk != null) {
                boolean nsv = sk.get("n_support").asInt() == petal.nSupport();
                int differ = 0;
                JsonNode p = sk.get("predictions");
                for (int i = 0; i < p.size(); i++) {
                    differ += p.get(i).asInt() == petal.predictions()[i] ? 0 : 1;
                }
                differ += Math.abs(p.size() - petal.predictions().length);
                same = nsv && differ == 0 ? "yes" : "NO (n_SV " + petal.nSupport() + " vs " + sk.get("n_support").asInt()
                        + ", " + differ + " predictions differ)";
            }
            table.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %s | %.3f | %s | %.2f | %.3f | %s | %.3f | %s | %.2f | %s |%n",
                    c.name(), c.nTrain(), petal.fit(), sk == null ? "-" : fmt(sk.get("fit").asDouble()), libsvm.fit(),
                    sk == null ? "-" : ratio(petal.fit(), sk.get("fit").asDouble()), petal.fit() / libsvm.fit(),
                    petal.predict(), sk == null ? "-" : fmt(sk.get("predict").asDouble()), libsvm.predict(),
                    sk == null ? "-" : ratio(petal.predict(), sk.get("predict").asDouble()), petal.predict() / libsvm.predict(), same));
        }
        Files.writeString(out.resolve("table.md"), table.toString());
        System.out.print(table);
    }

    private static List<Case> cases(boolean quick) {
        List<Case> cases = new ArrayList<>();
        int[] sizes = quick ? new int[] {1500} : new int[] {1500, 3750, 7500, 15000};
        for (int n : sizes) {
            cases.add(new Case("binary20-rbf-" + n, "binary20_" + n, "rbf", 1.0, n));
        }
        for (int n : sizes) {
            cases.add(new Case("binary20-linear-" + n, "binary20_" + n, "linear", 1.0, n));
        }
        cases.add(new Case("multi4x30-rbf-3750", "multi4x30_3750", "rbf", 1.0, 3750));
        if (!quick) {
            cases.add(new Case("multi4x30-rbf-15000", "multi4x30_15000", "rbf", 1.0, 15000));
        }
        cases.add(new Case("digits-rbf", "digits", "rbf", 1.0, 1500));
        cases.add(new Case("digits-linear", "digits", "linear", 1.0, 1500));
        return cases;
    }

    private static void writeData(Path out, List<Case> cases) {
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Case c : cases) {
            if (done.add(c.data())) {
                BenchData[] tt = Sets.trainTest(c.data());
                tt[0].writeCsv(out.resolve(c.data() + "_train.csv"));
                tt[1].writeCsv(out.resolve(c.data() + "_test.csv"));
            }
        }
    }

    private static String cpuName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the CPU unnamed
        }
        return "unknown CPU";
    }

    private static BenchData load(Path out, String name) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve(name + ".csv"), StandardCharsets.UTF_8);
        int d = lines.get(0).split(",").length - 1;
        int n = lines.size() - 1;
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Double.parseDouble(cells[j]);
            }
            y[i] = Integer.parseInt(cells[d]);
        }
        return new BenchData(dev.petal.linalg.Matrix.of(n, d, x), y);
    }

    private static Timing timePetal(Case c, BenchData train, BenchData test, int repeats) {
        SVC svc = SVC.defaults().withKernel(Kernel.parse(c.kernel())).withC(c.c());
        double bestFit = Double.MAX_VALUE;
        double bestPredict = Double.MAX_VALUE;
        SVCModel model = null;
        int[] pred = null;
        warmUp(() -> svc.fit(train.x(), train.y()).predict(test.x()));
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            model = svc.fit(train.x(), train.y());
            bestFit = Math.min(bestFit, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            pred = model.predict(test.x());
            bestPredict = Math.min(bestPredict, (System.nanoTime() - t0) / 1e9);
        }
        int nsv = 0;
        for (int s : model.nSupport()) {
            nsv += s;
        }
        return new Timing(bestFit, bestPredict, nsv, pred);
    }

    /**
     * Untimed runs until the JIT has settled: at least 3 runs and 2 s (small cases need dozens of runs
     * before C2 has compiled every path), at most 500 runs.
     */
    private static void warmUp(Runnable run) {
        long start = System.nanoTime();
        for (int r = 0; r < 500 && (r < 3 || System.nanoTime() - start < 2_000_000_000L); r++) {
            run.run();
        }
    }

    private static double gammaOf(Case c, BenchData train) {
        return SVC.defaults().withKernel(Kernel.parse(c.kernel())).withMaxIter(1).fit(train.x(), train.y()).gamma();
    }

    private static Timing timeLibsvm(Case c, BenchData train, BenchData test, int repeats, double gamma) {
        double bestFit = Double.MAX_VALUE;
        double bestPredict = Double.MAX_VALUE;
        svm_model model = null;
        int[] pred = null;
        warmUp(() -> LibsvmJava.predict(LibsvmJava.fit(train.x(), train.y(), c.kernel(), c.c(), gamma), test.x()));
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            model = LibsvmJava.fit(train.x(), train.y(), c.kernel(), c.c(), gamma);
            bestFit = Math.min(bestFit, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            pred = LibsvmJava.predict(model, test.x());
            bestPredict = Math.min(bestPredict, (System.nanoTime() - t0) / 1e9);
        }
        return new Timing(bestFit, bestPredict, model.l, pred);
    }

    private static Map<String, JsonNode> runSklearn(Path out, List<Case> cases, int repeats) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> spec = new ArrayList<>();
        for (Case c : cases) {
            spec.add(Map.of("name", c.name(), "data", c.data(), "kernel", c.kernel(), "C", c.c()));
        }
        json.writeValue(out.resolve("cases.json").toFile(), spec);
        Map<String, JsonNode> result = new LinkedHashMap<>();
        Path python = Path.of("/usr/bin/python3");
        Path script = Path.of("benchmarks/sklearn_timing.py");
        if (!Files.isExecutable(python) || !Files.exists(script)) {
            return result;
        }
        Process check = new ProcessBuilder(python.toString(), "-c", "import sklearn").redirectErrorStream(true).start();
        if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
            return result;
        }
        Process p = new ProcessBuilder(python.toString(), script.toString(), out.toString(), Integer.toString(repeats))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] stdout;
        try (InputStream in = p.getInputStream()) {
            stdout = in.readAllBytes();
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sklearn_timing.py failed with exit " + p.exitValue());
        }
        json.readTree(stdout).properties().forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2f", a / b);
    }
}
