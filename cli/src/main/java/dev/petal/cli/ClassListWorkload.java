package dev.petal.cli;

import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The work {@code bin/petal} runs once, under {@code -XX:ArchiveClassesAtExit}, to build the class-data
 * sharing archive that later {@code petal} commands start from: split, train, predict, score and a
 * model load on iris in a temporary folder, in-process, so the archive holds the classes these
 * commands load. Not a user command.
 */
final class ClassListWorkload {
    private ClassListWorkload() {
    }

    /** Runs the workload; exits non-zero if a command failed. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("petal-cds");
        int code = 0;
        try {
            Dataset iris = Datasets.iris();
            StringBuilder sb = new StringBuilder("a,b,c,d,species\n");
            for (int i = 0; i < iris.nSamples(); i++) {
                for (double v : iris.x().row(i)) {
                    PyRepr.appendTo(sb, v).append(',');
                }
                sb.append(iris.targetNames().get(iris.y()[i])).append('\n');
            }
            Path all = dir.resolve("all.csv");
            Files.writeString(all, sb.toString());
            String d = dir.toString();
            code |= run("split", "--data", all.toString(), "--train", d + "/train.csv", "--test", d + "/test.csv", "--random-state", "0");
            code |= run("train", "--data", d + "/train.csv", "--model", d + "/m.petal", "--probability", "--random-state", "0");
            code |= run("predict", "--model", d + "/m.petal", "--data", d + "/test.csv", "--output", d + "/p.csv", "--proba",
                    "--decision-function");
            code |= run("score", "--model", d + "/m.petal", "--data", d + "/test.csv", "--output", d + "/s.csv");
            code |= run("--help");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(code);   // after the clean-up: System.exit does not run finally blocks
    }

    private static int run(String... args) {
        return PetalCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())) == 0 ? 0 : 1;
    }
}
