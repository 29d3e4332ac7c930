package dev.petal.bench;

import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A benchmark data set: the samples and their labels (see {@link Sets} for the sets by name). */
public record BenchData(Matrix x, int[] y) {

    /** Writes a CSV with header {@code f0..f(d-1),label}, doubles in round-trip form. */
    public void writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int d = x.cols();
            StringBuilder sb = new StringBuilder();
            for (int f = 0; f < d; f++) {
                sb.append('f').append(f).append(',');
            }
            w.write(sb.append("label\n").toString());
            double[] row = new double[d];
            for (int i = 0; i < x.rows(); i++) {
                sb.setLength(0);
                x.copyRow(i, row, 0);
                for (double v : row) {
                    sb.append(v).append(',');
                }
                w.write(sb.append(y[i]).append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
