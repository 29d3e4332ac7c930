package dev.petal.bench;

import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Seeded synthetic classification data for the benchmarks, in the spirit of scikit-learn's
 * {@code make_classification}: Gaussian clusters on hypercube vertices in an informative
 * subspace, redundant linear combinations, noise features and a few flipped labels.
 */
public record BenchData(Matrix x, int[] y) {

    /** {@code n} rows, {@code nFeatures} features (half informative, a quarter redundant), {@code nClasses} classes. */
    public static BenchData classification(int n, int nFeatures, int nClasses, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int informative = Math.max(2, nFeatures / 2);
        int redundant = nFeatures / 4;
        int clustersPerClass = 2;
        int nClusters = nClasses * clustersPerClass;
        double[][] centroids = new double[nClusters][informative];
        for (int c = 0; c < nClusters; c++) {
            for (int f = 0; f < informative; f++) {
                centroids[c][f] = (rnd.nextBoolean() ? 1.0 : -1.0) * 1.0 + 0.5 * rnd.nextDouble();
            }
        }
        double[][] mix = new double[informative][redundant];
        for (double[] row : mix) {
            for (int j = 0; j < redundant; j++) {
                row[j] = 2 * rnd.nextDouble() - 1;
            }
        }
        double[] data = new double[n * nFeatures];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int cluster = i % nClusters;
            int label = cluster % nClasses;
            int o = i * nFeatures;
            for (int f = 0; f < informative; f++) {
                data[o + f] = centroids[cluster][f] + gaussian(rnd);
            }
            for (int j = 0; j < redundant; j++) {
                double s = 0;
                for (int f = 0; f < informative; f++) {
                    s += data[o + f] * mix[f][j];
                }
                data[o + informative + j] = s;
            }
            for (int f = informative + redundant; f < nFeatures; f++) {
                data[o + f] = gaussian(rnd);
            }
            y[i] = rnd.nextDouble() < 0.01 ? rnd.nextInt(nClasses) : label;
        }
        // shuffle rows so classes interleave irregularly, as make_classification's shuffle=True does
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            for (int f = 0; f < nFeatures; f++) {
                double t = data[i * nFeatures + f];
                data[i * nFeatures + f] = data[j * nFeatures + f];
                data[j * nFeatures + f] = t;
            }
            int t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return new BenchData(Matrix.of(n, nFeatures, data), y);
    }

    /** The first {@code n} rows. */
    public BenchData head(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] yy = new int[n];
        System.arraycopy(y, 0, yy, 0, n);
        return new BenchData(x.selectRows(idx), yy);
    }

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

    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
